// The differential test of kinject's template engine against Go's own
// text/template with Sprig v3.3.0 and Istio's functions over it, as Istio's
// injector builds its function map (pkg/kube/inject/inject.go:
// Funcs(sprig.TxtFuncMap()).Funcs(InjectionFuncmap)).
//
// The Go side is test/oracle/sprig, a test-only program built and run by
// test/integration/sprig_oracle_test.sh, which runs these hidden tests with
// KINJECT_SPRIG_ORACLE naming the binary. The C++ side is the library, not
// `kinject --template`: the same engine (gotemplate) and the same function
// map (`injection_funcs`, what istio/run_template.cpp parses every injection
// template with), with data decoded by the same encoding/json reading
// (`from_json`) the Go side uses, so that a difference is the engine's or a
// function's and not the CLI's plumbing around them.
//
// Every case is one template and one JSON datum; both sides render it, and
// the output (byte for byte) and whether it failed are compared. Error texts
// are not compared: where both fail, the case counts as "errors in both".
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <fmt/format.h>

#include "kinject/gofuncs/json.h"
#include "kinject/gotemplate/template.h"
#include "kinject/istio/funcs.h"
#include "sprig_oracle_cases.h"

using namespace kinject::tmpl;
using kinject::test::sprig::Case;

namespace {

const char* oracle_path() {
  const char* oracle = std::getenv("KINJECT_SPRIG_ORACLE");
  if (!oracle) {
    fmt::print("kinject-skip: needs KINJECT_SPRIG_ORACLE (test/integration/sprig_oracle_test.sh builds it)\n");
    std::fflush(stdout);
  }
  return oracle;
}

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

std::string temp_path(std::string_view what) {
  const char* dir = std::getenv("TMPDIR");
  return fmt::format("{}/kinject-sprig-oracle-{}-{}", dir ? dir : "/tmp", ::getpid(), what);
}

// `oracle ARGS < input`: its standard output.
std::string run_oracle(const char* oracle, std::string_view args, const std::string& input) {
  std::string in = temp_path("in"), out = temp_path("out");
  std::ofstream(in, std::ios::binary) << input;
  int rc = std::system(fmt::format("'{}' {} < '{}' > '{}'", oracle, args, in, out).c_str());
  std::string text = read_file(out);
  std::remove(in.c_str());
  std::remove(out.c_str());
  REQUIRE(rc == 0);
  return text;
}

struct Result {
  bool ok = false;
  std::string text;  // the output, or the error
};

// The environment Istio's `env` sees in every case (the Go side gets the same
// as JSON).
constexpr std::string_view kEnvJson = R"({"SET":"from-env","EMPTY":""})";
std::optional<std::string> case_env(std::string_view key) {
  if (key == "SET") return std::string("from-env");
  if (key == "EMPTY") return std::string();
  return std::nullopt;
}

Result render_kinject(const FuncMap& funcs, const Case& c) {
  try {
    // No data is Go's Execute(w, nil): dot is no value at all.
    Value data = c.data.empty() ? Value() : from_json(c.data);
    return {true, Template::parse("inject", c.text, funcs).execute("inject", data)};
  } catch (const std::exception& e) {
    return {false, e.what()};
  }
}

std::vector<Result> render_go(const char* oracle, const std::vector<Case>& cases) {
  std::string input;
  for (const auto& c : cases) {
    input += fmt::format("{} {} {}\n", c.text.size(), c.data.size(), kEnvJson.size());
    input += c.text;
    input += c.data;
    input += kEnvJson;
  }
  std::string out = run_oracle(oracle, "render", input);
  std::vector<Result> results;
  std::size_t pos = 0;
  while (pos < out.size()) {
    std::size_t nl = out.find('\n', pos);
    REQUIRE(nl != std::string::npos);
    std::string header = out.substr(pos, nl - pos);
    std::size_t sp = header.find(' ');
    REQUIRE(sp != std::string::npos);
    std::size_t n = std::stoul(header.substr(sp + 1));
    REQUIRE(nl + 1 + n < out.size());
    results.push_back({header.substr(0, sp) == "ok", out.substr(nl + 1, n)});
    pos = nl + 1 + n + 1;
  }
  REQUIRE(results.size() == cases.size());
  return results;
}

// kinject lacks a function the template calls: its parse error names it,
// as not defined or (a Sprig function not written yet, gofuncs'
// sprig_refused.cpp) as refused for that reason. A function refused because
// its result would not be deterministic is never generated.
bool missing_in_kinject(const Result& ours, const Result& go) {
  const bool lacks = ours.text.find("not defined") != std::string::npos ||
                     ours.text.find("kinject does not implement it yet") != std::string::npos;
  return !ours.ok && lacks && (go.ok || go.text.find("not defined") == std::string::npos);
}

std::string shown(const Result& r) { return fmt::format("{} {:?}", r.ok ? "output" : "error", r.text); }

}  // namespace

TEST_CASE("oracle: sprig: kinject's templates render as Go's text/template with Sprig and Istio's functions",
          "[.][sprig-oracle]") {
  const char* oracle = oracle_path();
  if (!oracle) return;
  auto start = std::chrono::steady_clock::now();
  std::vector<Case> all = kinject::test::sprig::tricky_cases();
  std::size_t fixed = all.size();
  std::vector<std::string> names;
  {
    std::istringstream in(run_oracle(oracle, "names", ""));
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) names.push_back(line);
  }
  REQUIRE(names.size() > 100);
  for (auto& c : kinject::test::sprig::generated_cases(names, kinject::test::sprig::kSeed)) all.push_back(std::move(c));

  std::vector<Result> go = render_go(oracle, all);
  FuncMap funcs = injection_funcs(case_env);
  const auto& expected = kinject::test::sprig::expected_differences();
  std::set<std::string> still_differ;
  std::size_t same = 0, errors_in_both = 0, missing = 0, differ = 0, shown_differ = 0;
  std::map<std::string, std::size_t> missing_names;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Case& c = all[i];
    Result ours = render_kinject(funcs, c);
    if (missing_in_kinject(ours, go[i])) {
      ++missing;
      ++missing_names[c.func];
    } else if (ours.ok && go[i].ok && ours.text == go[i].text) {
      ++same;
    } else if (!ours.ok && !go[i].ok) {
      ++errors_in_both;
    } else if (expected.count(c.text)) {
      still_differ.insert(c.text);
    } else {
      ++differ;
      if (shown_differ++ < 60)
        fmt::print("differ: {:?} data {}\n  go:      {}\n  kinject: {}\n", c.text, c.data.empty() ? "-" : c.data,
                   shown(go[i]), shown(ours));
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fmt::print("sprig oracle: {} expressions ({} fixed, {} generated from seed {}, {} functions): {} same, {} errors in "
             "both, {} missing in kinject ({} functions), {} differ, {} expected differences; {:.1f} s\n",
             all.size(), fixed, all.size() - fixed, kinject::test::sprig::kSeed, names.size(), same,
             errors_in_both, missing, missing_names.size(), differ, still_differ.size(), seconds);
  if (!missing_names.empty()) {
    std::string list;
    for (const auto& [name, n] : missing_names) list += fmt::format(" {}", name);
    fmt::print("missing in kinject:{}\n", list);
  }
  CHECK(differ == 0);
  // An expected difference that no longer differs (or is no longer a case)
  // must leave the table: it is fixed, or the table lies.
  for (const auto& [text, reason] : expected) {
    INFO("expected difference " << text << " (" << reason << ")");
    CHECK(still_differ.count(text) == 1);
  }
}

// Go's Unicode tables (case mappings, white space) are committed as C++
// source written by the oracle; this fails when the file is not what the
// oracle's Go writes now. To follow a new Go/Unicode:
//   sprig-oracle casetables > src/base/unicode_tables.cpp
TEST_CASE("oracle: sprig: the Unicode tables are Go's", "[.][sprig-oracle]") {
  const char* oracle = oracle_path();
  if (!oracle) return;
  std::string committed = read_file(std::string(KINJECT_SOURCE_DIR) + "/src/base/unicode_tables.cpp");
  REQUIRE(!committed.empty());
  CHECK(committed == run_oracle(oracle, "casetables", ""));
}
