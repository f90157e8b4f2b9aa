#include "kinject/k8s/pod_validation.h"

#include <catch2/catch.hpp>

#include "kinject/yaml/reader.h"

using namespace kinject;

namespace {

std::vector<std::string> problems(const char* yaml, const std::vector<std::string>& claims = {}) {
  std::vector<std::string> out;
  for (const auto& p : pod_name_problems(parse_yaml(yaml, "t"), claims)) out.push_back(p.what);
  return out;
}

}  // namespace

TEST_CASE("pod_validation: the name problems the API server refuses", "[pod_validation]") {
  CHECK(problems("containers: [{name: a, ports: [{name: http, containerPort: 80}], volumeMounts: [{name: v, mountPath: /v}]}]\n"
                 "volumes: [{name: v, emptyDir: {}}]\n")
            .empty());
  CHECK(problems("initContainers: [{name: a}]\ncontainers: [{name: a}]\n") ==
        std::vector<std::string>{"spec.containers[0]: a second container named \"a\""});
  CHECK(problems("containers: [{name: a}]\nvolumes: [{name: v, emptyDir: {}, secret: {secretName: s}}, {name: v}]\n") ==
        std::vector<std::string>{"spec.volumes[0] \"v\": more than one volume source (emptyDir, secret)",
                                 "spec.volumes[1]: a second volume named \"v\""});
  CHECK(problems("containers: [{name: a, ports: [{name: p, containerPort: 1}, {name: p, containerPort: 2}, {containerPort: 3}, "
                 "{containerPort: 4}]}]\n") ==
        std::vector<std::string>{"spec.containers[0] \"a\": ports[1]: a second port named \"p\""});
  CHECK(problems("containers: [{name: a, volumeMounts: [{name: v, mountPath: /x}, {name: v, mountPath: /x}]}]\nvolumes: [{name: v}]\n") ==
        std::vector<std::string>{"spec.containers[0] \"a\": volumeMounts[1]: a second mount at \"/x\""});
  CHECK(problems("containers: [{name: a, volumeMounts: [{name: data, mountPath: /d}]}]\n") ==
        std::vector<std::string>{"spec.containers[0] \"a\": volumeMounts[0] mounts \"data\", which is no volume of the pod"});
  // A StatefulSet's claim templates are volumes of its pods.
  CHECK(problems("containers: [{name: a, volumeMounts: [{name: data, mountPath: /d}]}]\n", {"data"}).empty());
  // A pod volume named like one is replaced by the claim's (issue 22).
  CHECK(problems("containers: [{name: a}]\nvolumes: [{name: data, emptyDir: {}}]\n", {"data"}) ==
        std::vector<std::string>{"spec.volumes[0] \"data\": named like a volumeClaimTemplate, whose volume takes its place"});
}

// The guard compares problems before and after an injection, which moves
// containers: the comparison must not depend on positions.
TEST_CASE("pod_validation: a problem's identity does not depend on list positions", "[pod_validation]") {
  auto a = pod_name_problems(parse_yaml("initContainers: [{name: x, volumeMounts: [{name: d, mountPath: /d}]}]\n", "t"));
  auto b = pod_name_problems(
      parse_yaml("initContainers: [{name: istio-init}, {name: x, volumeMounts: [{name: d, mountPath: /d}]}]\n", "t"));
  REQUIRE(a.size() == 1);
  REQUIRE(b.size() == 1);
  CHECK(a[0].what != b[0].what);
  CHECK(a[0].which == b[0].which);
}
