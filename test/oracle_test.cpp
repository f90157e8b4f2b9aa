// kinject's typed decode (go_decode.h) against Go's own: the oracle decodes
// with sigs.k8s.io/yaml and sigs.k8s.io/json into the k8s.io/api v0.37.2
// types, as kubectl and the API server do, and kinject must agree with it
// on every case, at every field of every workload kind, and on the tables.
#include <map>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "kinject/k8s/go_decode.h"
#include "kinject/k8s/workloads.h"
#include "oracle.h"
#include "support.h"
#include "typed_cases.h"

using namespace kinject;
using namespace kinject::test;

namespace {

// Go's "... of type []v1.ContainerPort" and "Go struct field Container.spec...":
// the type and the struct, when Go's error names them.
std::string go_error_type(const std::string& error) {
  auto at = error.rfind(" of type ");
  return at == std::string::npos ? "" : error.substr(at + 9);
}
std::string go_error_struct(const std::string& error) {
  const std::string mark = "Go struct field ";
  auto at = error.find(mark);
  if (at == std::string::npos) return "";
  at += mark.size();
  return error.substr(at, error.find('.', at) - at);
}

std::string bare_name(const std::string& go_name) { return go_name.substr(go_name.find('.') + 1); }

}  // namespace

TEST_CASE("oracle: the C++ type tables are k8s.io/api's", "[oracle]") {
  auto oracle = oracle_binary();
  if (!oracle) return;
  // src/k8s/k8s_type_tables.cpp is the oracle's `tables` output, unchanged:
  // written from the Go types by reflection, not by hand.
  CHECK(run_oracle(*oracle, "tables") == slurp(KINJECT_SOURCE_DIR "/src/k8s/k8s_type_tables.cpp"));
}

TEST_CASE("oracle: kinject's typed decode agrees with Go's on the adversarial cases", "[oracle]") {
  auto oracle = oracle_binary();
  if (!oracle) return;
  auto cases = typed_cases();
  std::string input;
  for (const auto& c : cases) frame(input, c.doc);
  auto lines = oracle_lines(run_oracle(*oracle, "decode", input));
  REQUIRE(lines.size() == cases.size());  // one workload per case
  for (std::size_t i = 0; i < cases.size(); ++i) {
    INFO(cases[i].name << "\n" << cases[i].doc << "Go: " << (lines[i].get("error") ? lines[i].get("error")->text : "ok"));
    CHECK(lines[i].get("document")->i == static_cast<long>(i) + 1);
    // The hand-worked verdict of typed_cases.h is Go's.
    CHECK(lines[i].get("ok")->b == cases[i].ok);
  }
}

TEST_CASE("oracle: kinject refuses exactly the wrongly typed values Go refuses, at every field of every workload kind",
          "[oracle]") {
  auto oracle = oracle_binary();
  if (!oracle) return;
  auto lines = oracle_lines(run_oracle(*oracle, "fields"));
  WorkloadCatalog catalog;
  long cases = 0, refused = 0, disagree = 0, wrong_type = 0;
  std::map<std::string, long> kinds;
  for (const auto& l : lines) {
    ++cases;
    const std::string api = l.get("apiVersion")->text, kind = l.get("kind")->text, path = l.get("path")->text;
    const std::string error = l.get("error") ? l.get("error")->text : "";
    const bool go_ok = l.get("ok")->b;
    ++kinds[api + " " + kind];
    Node doc = parse_yaml(l.get("doc")->text, "case.json");
    const WorkloadKind* wk = catalog.match(api, kind);
    REQUIRE(wk);
    auto p = k8s::decode_workload(doc, api, kind, wk->path);
    if (!go_ok) ++refused;
    if (!p != go_ok) {
      if (++disagree <= 25)
        FAIL_CHECK(fmt::format("{} {} {} = {}: Go {}, kinject {}", api, kind, path, l.get("value")->text,
                               go_ok ? "accepts" : "refuses (" + error + ")", p ? "refuses (" + p->message() + ")" : "accepts"));
      continue;
    }
    // Where Go names the type and the struct, kinject names the same ones.
    std::string go_type = go_error_type(error);
    if (p && !go_type.empty() && (p->go_type != go_type || bare_name(p->go_struct) != go_error_struct(error))) {
      if (++wrong_type <= 25)
        FAIL_CHECK(fmt::format("{} {} {} = {}: Go says {}; kinject names {} in {}", api, kind, path, l.get("value")->text, error,
                               p->go_type, p->go_struct));
    }
  }
  fmt::print("oracle: {} wrongly or rightly typed values at every field of {} workload kinds and versions, {} refused by Go; "
             "kinject disagrees on {}, names another Go type on {}\n",
             cases, kinds.size(), refused, disagree, wrong_type);
  CHECK(kinds.size() == 19);  // 20 roots; DeploymentConfig's two apiVersions share one Go type, visited once
  CHECK(cases > 20000);
  CHECK(disagree == 0);
  CHECK(wrong_type == 0);
}
