#include "kinject/k8s/strategic_merge.h"

#include <catch2/catch.hpp>

#include "kinject/yaml/reader.h"
#include "kinject/yaml/writer.h"

using namespace kinject;

namespace {

// The pod merged with a patch the caller gives up (its content moves in),
// which must be what merging with a patch kept (copied from) gives.
std::string merged(const std::string& original, const std::string& patch) {
  Node pod = parse_yaml(original, "pod");
  Node copied = pod;
  const Node kept = parse_yaml(patch, "patch");
  strategic_merge_pod(copied, kept);
  strategic_merge_pod(pod, parse_yaml(patch, "patch"));
  CHECK(emit_json(pod, 0) == emit_json(copied, 0));
  return emit_json(pod, 0);
}

}  // namespace

TEST_CASE("merge keys of the pod spec", "[strategic_merge]") {
  CHECK(pod_merge_key("spec.containers") == "name");
  CHECK(pod_merge_key("spec.initContainers") == "name");
  CHECK(pod_merge_key("spec.volumes") == "name");
  CHECK(pod_merge_key("spec.imagePullSecrets") == "name");
  CHECK(pod_merge_key("spec.containers.ports") == "containerPort");
  CHECK(pod_merge_key("spec.initContainers.env") == "name");
  CHECK(pod_merge_key("spec.containers.volumeMounts") == "mountPath");
  CHECK(pod_merge_key("spec.containers.args") == "");
  CHECK(pod_merge_key("spec.tolerations") == "");
  CHECK(pod_merge_key("metadata.finalizers") == "*");
}

TEST_CASE("new patch items come first, then the original's by position", "[strategic_merge]") {
  CHECK(merged("{spec: {containers: [{name: app}]}}", "{spec: {containers: [{name: istio-proxy}]}}") ==
        R"({"spec":{"containers":[{"name":"istio-proxy"},{"name":"app"}]}})");
  // Re-injection: the proxy keeps its place after the app.
  CHECK(merged("{spec: {containers: [{name: app}, {name: istio-proxy, image: old}]}}",
               "{spec: {containers: [{name: istio-proxy, image: new}]}}") ==
        R"({"spec":{"containers":[{"name":"app"},{"name":"istio-proxy","image":"new"}]}})");
  CHECK(merged("{spec: {containers: [{name: c, env: [{name: A}, {name: B}, {name: C}]}]}}",
               "{spec: {containers: [{name: c, env: [{name: A}, {name: B, value: x}, {name: D}]}]}}") ==
        R"({"spec":{"containers":[{"name":"c","env":[{"name":"A"},{"name":"B","value":"x"},{"name":"D"},{"name":"C"}]}]}})");
}

TEST_CASE("maps merge, other lists are replaced, nulls delete", "[strategic_merge]") {
  CHECK(merged("{metadata: {labels: {a: '1'}}}", "{metadata: {labels: {b: '2'}}}") == R"({"metadata":{"labels":{"a":"1","b":"2"}}})");
  CHECK(merged("{spec: {containers: [{name: c, args: [x, y]}]}}", "{spec: {containers: [{name: c, args: [z]}]}}") ==
        R"({"spec":{"containers":[{"name":"c","args":["z"]}]}})");
  CHECK(merged("{spec: {a: 1, b: 2}}", "{spec: {a: null}}") == R"({"spec":{"b":2}})");
  // A null inside a new item means "no such field" (Istio's sourceless volumes).
  CHECK(merged("{spec: {}}", "{spec: {volumes: [{name: v, emptyDir: null}]}}") == R"({"spec":{"volumes":[{"name":"v"}]}})");
  CHECK(merged("{metadata: {finalizers: [a]}}", "{metadata: {finalizers: [b, a]}}") == R"({"metadata":{"finalizers":["a","b"]}})");
}

TEST_CASE("strategic merge: merge keys compare by value, 08535 is port 8535 (fuzz finding)", "[strategic_merge]") {
  // A recorded override holds the port as Go wrote it (8535); the manifest
  // spelt it 08535. Compared as text, the port was added a second time on
  // every re-injection.
  Node pod = parse_yaml("spec:\n  containers:\n  - name: app\n    ports:\n    - containerPort: 08535\n", "pod");
  Node patch = parse_yaml("spec:\n  containers:\n  - name: app\n    ports:\n    - {containerPort: 8535, protocol: TCP}\n", "patch");
  strategic_merge_pod(pod, patch);
  const Node* ports = pod.at_path("spec.containers")->items[0].get("ports");
  REQUIRE(ports->items.size() == 1);
  CHECK(ports->items[0].get("protocol")->str() == "TCP");
  // ... and the manifest's spelling of the same number stays.
  CHECK(ports->items[0].get("containerPort")->text == "08535");
}

// Regression (issue 22): `volumes: {}` in the pod was replaced by the
// sidecar's list of volumes and the run said "injected". apimachinery's
// merge replaces a value of another type too, but it merges typed pods,
// where that cannot happen; kinject merges what the manifest holds, so a
// collection of the other kind is refused, never replaced.
TEST_CASE("strategic merge refuses a mapping where the patch has a list, or the reverse, instead of replacing it (issue 22)",
          "[strategic_merge]") {
  CHECK_THROWS_WITH(merged("spec: {volumes: {}}", "spec: {volumes: [{name: v, emptyDir: {}}]}"),
                    Catch::Contains("spec.volumes") && Catch::Contains("a mapping where the sidecar's patch has a list"));
  CHECK_THROWS_WITH(merged("metadata: {labels: [app, web]}", "metadata: {labels: {a: b}}"),
                    Catch::Contains("metadata.labels") && Catch::Contains("a list where the sidecar's patch has a mapping"));
  CHECK_THROWS_WITH(merged("spec: {containers: [{name: app, env: x}]}", "spec: {containers: [{name: app, env: [{name: A}]}]}"),
                    Catch::Contains("spec.containers[name=app].env"));
  // Scalars of another type are replaced, as apimachinery replaces them;
  // a null or absent original takes the patch's value.
  CHECK(merged("spec: {hostname: 1}", "spec: {hostname: h}") == R"({"spec":{"hostname":"h"}})");
  CHECK(merged("spec: {volumes: null}", "spec: {volumes: [{name: v}]}") == R"({"spec":{"volumes":[{"name":"v"}]}})");
}
