#include "kinject/k8s/go_decode.h"

#include <catch2/catch.hpp>

#include "kinject/k8s/workloads.h"
#include "kinject/yaml/reader.h"
#include "typed_cases.h"

using namespace kinject;

namespace {

// kinject's verdict on the first workload of a document.
std::optional<k8s::DecodeProblem> verdict(const Node& root) {
  WorkloadCatalog catalog;
  auto ws = find_workloads(root, catalog);
  REQUIRE_FALSE(ws.empty());
  const Workload& w = ws[0];
  return k8s::decode_workload(*w.object(root), w.api_version, w.kind, w.template_path);
}

}  // namespace

TEST_CASE("typed decode: the adversarial cases, as kubectl decodes them", "[go_decode]") {
  for (const auto& c : test::typed_cases()) {
    INFO(c.name << "\n" << c.doc);
    Node root = parse_yaml(c.doc, "case.yaml");
    auto p = verdict(root);
    CHECK(!p == c.ok);
    if (p) {
      INFO(p->message());
      CHECK(p->path == c.path);
    }
  }
}

TEST_CASE("typed decode: the message has the field, the Go type, what was found and what to change", "[go_decode]") {
  Node root = parse_yaml(test::kTypedDeploy + "        ports: [{containerPort: \"8080\"}]\n", "d.yaml");
  auto p = verdict(root);
  REQUIRE(p);
  CHECK(p->message() ==
        "spec.template.spec.containers[0].ports[0].containerPort: expected an integer, found \"8080\" (Go type int32 in "
        "v1.ContainerPort: kubectl and the API server cannot decode it); write the number without quotes");
  REQUIRE(p->node);
  CHECK(p->node->text == "8080");
  Node q = parse_yaml(test::kTypedDeploy + "        resources: {limits: {memory: 1GB}}\n", "d.yaml");
  CHECK(verdict(q)->message() ==
        "spec.template.spec.containers[0].resources.limits.memory: \"1GB\": quantities must match the regular expression "
        "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$' (Go type "
        "resource.Quantity in v1.ResourceRequirements: kubectl and the API server cannot decode it); write a quantity such "
        "as 500m, 2, 128Mi or 1Gi");
  Node n = parse_yaml(test::kTypedDeploy + "        env: [{name: A, value: 1.5}]\n", "d.yaml");
  CHECK_THAT(verdict(n)->message(), Catch::Contains("found the number 1.5") && Catch::Contains("quote it (\"1.5\")"));
}

TEST_CASE("typed decode: resource.ParseQuantity's verdicts, step by step", "[go_decode][quantity]") {
  for (const char* ok : {"0", "1", "100m", "1Gi", "1.5", ".5", "1.", ".", "+", "-", "000", "1e3", "1E-3", "1e+3", "5Ei", "0.5Ki",
                         "123456789012345678901234567890", "+.5e-20", ".Ki"})
    CHECK(k8s::quantity_error(ok) == "");
  CHECK_THAT(k8s::quantity_error(""), Catch::Contains("quantities must match"));
  CHECK_THAT(k8s::quantity_error("1.5.5"), Catch::Contains("quantities must match"));
  CHECK_THAT(k8s::quantity_error("abc"), Catch::Contains("quantities must match"));
  CHECK_THAT(k8s::quantity_error("1GB"), Catch::Contains("quantities must match"));  // B ends the suffix's letters
  CHECK(k8s::quantity_error("1e") == "unable to parse quantity's suffix");
  CHECK(k8s::quantity_error("1mi") == "unable to parse quantity's suffix");
  CHECK(k8s::quantity_error(".Ei") == "unable to parse numeric part of quantity");
  CHECK(k8s::quantity_error("+.e-20") == "unable to parse numeric part of quantity");
}

TEST_CASE("typed decode: time.Parse(time.RFC3339)'s verdicts", "[go_decode]") {
  for (const char* ok : {"2020-01-01T00:00:00Z", "2020-01-01T00:00:00.123Z", "2020-01-01T00:00:00,5Z", "2020-01-01T1:02:03Z",
                         "2020-01-01T00:00:00+01:00", "2020-01-01T00:00:00+24:00", "2020-02-29T00:00:00Z"})
    CHECK(k8s::rfc3339_error(ok) == "");
  for (const char* bad : {"2020-01-01", "2020-01-01t00:00:00z", "2021-02-29T00:00:00Z", "2020-13-01T00:00:00Z",
                          "2020-01-01T24:00:00Z", "2020-01-01T00:60:00Z", "2020-01-01T00:00:60Z", "2020-01-01T00:00:00",
                          "2020-01-01T00:00:00+0100", "20-01-01T00:00:00Z", "2020-01-01T00:00:00Z ", ""})
    CHECK(k8s::rfc3339_error(bad) != "");
}
