#include "kinject/k8s/k8s_types.h"

#include <catch2/catch.hpp>

#include "kinject/yaml/reader.h"

using namespace kinject;

TEST_CASE("Go marshalling of a container: field order, omitempty, pointers", "[k8s_types]") {
  Node c = parse_yaml(
      "securityContext: {runAsGroup: 1234, runAsUser: 1234, readOnlyRootFilesystem: false}\n"
      "tty: true\nname: istio-proxy\nunknown: dropped\nresources: {limits: {cpu: 3000m}}\n"
      "readinessProbe: {httpGet: {port: 80}, initialDelaySeconds: 0}\n",
      "c");
  CHECK(k8s::go_json(c, k8s::container_type()) ==
        R"({"name":"istio-proxy","resources":{"limits":{"cpu":"3"}},"readinessProbe":{"httpGet":{"port":80}},)"
        R"("securityContext":{"runAsUser":1234,"runAsGroup":1234,"readOnlyRootFilesystem":false},"tty":true})");
  Node port = parse_yaml("{containerPort: 80, name: http}", "p");
  CHECK(k8s::go_json(port, k8s::container_port_type()) == R"({"name":"http","containerPort":80})");
}

TEST_CASE("go_normalize drops omitempty zeros and adds always-present ones", "[k8s_types]") {
  Node c = parse_yaml(
      "name: p\nreadinessProbe: {initialDelaySeconds: 0, periodSeconds: 15}\n"
      "securityContext: {runAsUser: 0}\nenv: [{name: X, valueFrom: {resourceFieldRef: {resource: limits.cpu}}}]\n",
      "c");
  k8s::go_normalize(c, k8s::container_type());
  CHECK_FALSE(c.at_path("readinessProbe.initialDelaySeconds"));
  CHECK(c.at_path("readinessProbe.periodSeconds"));
  CHECK(c.at_path("securityContext.runAsUser"));  // a pointer: 0 is kept
  CHECK(c.get("env")->items[0].at_path("valueFrom.resourceFieldRef.divisor")->text == "0");
}
