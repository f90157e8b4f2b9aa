// Fuzz target: calls of every template function (Sprig's and Istio's, the
// injection function map) with arguments of every kind, the fuzzing twin
// of the differential test against Go (test/sprig_oracle_test.cpp), which
// cannot run inside libFuzzer. It checks what kinject can check alone.
//
// The input chooses the call: its first byte a function (of the map's
// names, but those the differential test never generates: clock,
// randomness, environment), the second the number of arguments (0 to 3),
// one byte each an argument from the test's pool (test/sprig_oracle_cases.h)
// or, for the byte 0xFF, the rest of the input as a string literal (Go
// quoted), so that the bytes themselves (Unicode, invalid UTF-8, numbers)
// reach the functions. Properties:
//   - only TemplateError (a function's error or panic, a wrong argument)
//     comes out; no crash, sanitizer report, hang or other exception;
//   - the call gives the same result as the same call with its last
//     argument piped in (`{{ f a b }}` and `{{ b | f a }}` are one call to
//     Go's text/template, but for nil and number literals): the same
//     output, or both an error;
//   - rendering is deterministic: a second run on fresh data gives the same
//     output or the same error text (Go's functions that differ between
//     runs are the ones left out).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../test/sprig_oracle_cases.h"
#include "kinject/gofuncs/json.h"
#include "kinject/gotemplate/template.h"
#include "kinject/istio/funcs.h"

namespace {

using kinject::tmpl::FuncMap;
using kinject::tmpl::Template;
using kinject::tmpl::TemplateError;
using kinject::tmpl::Value;

const FuncMap& funcs() {
  static const FuncMap map = kinject::tmpl::injection_funcs([](std::string_view key) -> std::optional<std::string> {
    if (key == "SET") return std::string("from-env");
    return std::nullopt;
  });
  return map;
}

const std::vector<std::string>& names() {
  static const std::vector<std::string> list = [] {
    std::vector<std::string> out;
    for (auto& n : funcs().names())
      if (!kinject::test::sprig::not_generated().count(n)) out.push_back(n);
    return out;
  }();
  return list;
}

struct Result {
  bool ok;
  std::string text;
};

Result render(const std::string& text) {
  // Fresh data each time: Sprig's set and merge change the maps they get.
  Value data = kinject::tmpl::from_json(kinject::test::sprig::kData);
  try {
    return {true, Template::parse("fuzz", text, funcs()).execute("fuzz", data)};
  } catch (const TemplateError& e) {
    return {false, e.what()};
  }
}

[[noreturn]] void broken(const char* property, const std::string& a, const Result& ra, const std::string& b,
                         const Result& rb) {
  std::fprintf(stderr, "sprig_fuzz: %s\n  %s\n    -> %s %s\n  %s\n    -> %s %s\n", property, a.c_str(),
               ra.ok ? "output" : "error", ra.text.c_str(), b.c_str(), rb.ok ? "output" : "error", rb.text.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  if (size < 2) return 0;
  const auto& pool = kinject::test::sprig::argument_pool();
  const std::string& name = names()[bytes[0] % names().size()];
  std::size_t arity = bytes[1] % 4, i = 2;
  std::vector<std::string> args;
  for (; args.size() < arity && i < size; ++i) {
    if (bytes[i] == 0xFF) {
      std::string_view rest(reinterpret_cast<const char*>(bytes) + i + 1, size - i - 1);
      args.push_back(kinject::tmpl::go_quote(rest));
      i = size;
      break;
    }
    args.push_back(pool[bytes[i] % pool.size()]);
  }
  std::string call = name;
  for (const auto& a : args) call += " " + a;
  std::string text = "{{ " + call + " }}";
  Result first = render(text);
  Result again = render(text);
  if (first.ok != again.ok || first.text != again.text) broken("two runs differ", text, first, text, again);
  // Not where Go itself tells the two apart: `{{ nil | f }}` is no pipeline
  // ("nil is not a command"); a nil held in the data (.z) reaches f as an
  // interface{} from an argument (wrong type for a map parameter) but as no
  // value from a pipeline (evalPipeline digs into interface{}); a number
  // literal is converted to the parameter's type as an argument (`until
  // 3.0` is until 3) but is an int or float64 as a command. The
  // differential test checks both forms of all of these against Go.
  auto same_in_both_forms = [](const std::string& a) {
    char c = a.empty() ? '\0' : a[0];
    bool number = (c >= '0' && c <= '9') || c == '-' || c == '+';
    return !number && a != "nil" && a != ".z";
  };
  if (!args.empty() && same_in_both_forms(args.back())) {
    std::string head = name;
    for (std::size_t k = 0; k + 1 < args.size(); ++k) head += " " + args[k];
    std::string piped = "{{ " + args.back() + " | " + head + " }}";
    Result p = render(piped);
    // Error texts differ (they quote the command); outputs must not.
    if (p.ok != first.ok || (p.ok && p.text != first.text)) broken("piped call differs", text, first, piped, p);
  }
  return 0;
}
