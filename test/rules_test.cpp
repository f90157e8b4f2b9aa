#include "kinject/rules.h"

#include <catch2/catch.hpp>

#include "kinject/reader.h"

using namespace kinject;

namespace {

Decision decide_for(const std::string& pod_yaml, const std::string& ns = "default", InjectPolicy policy = InjectPolicy::Enabled) {
  Node pod = parse_yaml(pod_yaml, "t.yaml");
  return decide(pod_facts(pod, ns), policy);
}

}  // namespace

TEST_CASE("kube-inject's default decision, with its reasons", "[rules]") {
  struct Case {
    const char* pod;
    const char* ns;
    InjectPolicy policy;
    bool inject;
    const char* reason;
  };
  const Case cases[] = {
      {"spec: {containers: []}", "default", InjectPolicy::Enabled, true, "policy is enabled"},
      {"spec: {hostNetwork: true}", "default", InjectPolicy::Enabled, false, "hostNetwork"},
      {"spec: {}", "kube-system", InjectPolicy::Enabled, false, "namespace kube-system"},
      {"spec: {}", "local-path-storage", InjectPolicy::Enabled, false, "never injected"},
      {"metadata: {labels: {sidecar.istio.io/inject: \"false\"}}", "default", InjectPolicy::Enabled, false,
       "pod label sidecar.istio.io/inject=false"},
      {"metadata: {annotations: {sidecar.istio.io/inject: \"false\"}}", "default", InjectPolicy::Enabled, false,
       "pod annotation sidecar.istio.io/inject=false"},
      // The label wins over the annotation whenever it is present.
      {"metadata: {labels: {sidecar.istio.io/inject: \"true\"}, annotations: {sidecar.istio.io/inject: \"false\"}}", "default",
       InjectPolicy::Enabled, true, "pod label sidecar.istio.io/inject=true"},
      {"metadata: {labels: {sidecar.istio.io/inject: \"\"}, annotations: {sidecar.istio.io/inject: \"false\"}}", "default",
       InjectPolicy::Enabled, true, "policy is enabled"},
      // Only exactly "true"/"false" decide.
      {"metadata: {labels: {sidecar.istio.io/inject: \"False\"}}", "default", InjectPolicy::Enabled, true,
       "neither \"true\" nor \"false\""},
      {"metadata: {labels: {istio-injection: disabled}}", "default", InjectPolicy::Enabled, false,
       "pod label istio-injection=disabled"},
      {"spec: {}", "default", InjectPolicy::Disabled, false, "policy is disabled"},
      {"metadata: {labels: {sidecar.istio.io/inject: \"true\"}}", "default", InjectPolicy::Disabled, true, "=true"},
      {"metadata: {annotations: {sidecar.istio.io/inject: \"true\"}}", "default", InjectPolicy::Disabled, true, "=true"},
  };
  for (const auto& c : cases) {
    INFO(c.pod << " in " << c.ns);
    Decision d = decide_for(c.pod, c.ns, c.policy);
    CHECK(d.inject == c.inject);
    CHECK_THAT(d.reason, Catch::Contains(c.reason));
  }
}

TEST_CASE("a bare true in YAML counts as the string \"true\"", "[rules]") {
  CHECK(decide_for("metadata: {labels: {sidecar.istio.io/inject: true}}", "default", InjectPolicy::Disabled).inject);
}
