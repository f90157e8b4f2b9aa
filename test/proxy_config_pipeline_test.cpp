// ProxyConfig objects where a run finds them: anywhere in its inputs, in a
// --cluster snapshot, among a KRM ResourceList's items; counted as the
// webhook's istiod counts them (pilot/pkg/model/proxy_config.go,
// EffectiveProxyConfig), and not by `kinject kube-inject`, as istioctl
// kube-inject has none (pkg/kube/inject/inject.go IntoObject: "we don't
// have the ProxyConfig CRs here").
#include <sstream>

#include <catch2/catch.hpp>

#include "kinject/base/disk.h"
#include "kinject/pipeline/pipeline.h"
#include "support.h"

using namespace kinject;
using namespace kinject::test;

namespace {

struct Result {
  int rc;
  std::string out, err;
};

// The command the options name (inject, check, uninject).
Result run(const Options& o, MemoryDisk& disk, const std::string& stdin_text = "") {
  std::istringstream in(stdin_text);
  std::ostringstream out, err;
  EnvLookup env = [](std::string_view) -> std::optional<std::string> { return std::nullopt; };
  int rc = kinject::run(o, disk, in, out, err, env);
  return {rc, out.str(), err.str()};
}

const char* kWeb = kShopWebDeployment;

std::string proxy_config(const std::string& name, const std::string& ns, const std::string& spec) {
  return "---\napiVersion: networking.istio.io/v1beta1\nkind: ProxyConfig\nmetadata:\n  name: " + name + "\n  namespace: " + ns +
         "\nspec: " + spec + "\n";
}

const std::string kMeshWide = proxy_config("mesh-wide", "istio-system", "{concurrency: 2, image: {imageType: distroless}}");

// The newest release's template (the built-in profile, 1.31) renders the proxy's image
// from .ProxyImage and PROXY_CONFIG from protoToJSON .ProxyConfig.
const std::string kDistroless = "image: registry.istio.io/release/proxyv2:1.31.0-distroless\n";
const std::string kConcurrency2 = "- name: PROXY_CONFIG\n          value: |\n            {\"concurrency\":2,\"image\":{\"imageType\":\"distroless\"}}\n";

}  // namespace

TEST_CASE("pipeline: a mesh-wide ProxyConfig anywhere in the inputs reaches every injected proxy", "[pipeline][proxy_config]") {
  MemoryDisk disk;
  // After the workload in its file, and in a file of its own after it.
  disk.add_file("app.yaml", std::string(kWeb) + kMeshWide);
  Options o;
  o.inputs = {"app.yaml"};
  Result r = run(o, disk);
  REQUIRE(r.rc == 0);
  CHECK_THAT(r.out, Catch::Contains(kDistroless));
  CHECK_THAT(r.out, Catch::Contains(kConcurrency2));
  // The ProxyConfig itself goes out as it came.
  CHECK_THAT(r.out, Catch::EndsWith(kMeshWide));

  disk.add_file("web.yaml", kWeb);
  disk.add_file("mesh.yaml", kMeshWide);
  o.inputs = {"web.yaml", "mesh.yaml"};
  r = run(o, disk);
  REQUIRE(r.rc == 0);
  CHECK_THAT(r.out, Catch::Contains(kDistroless));
  // From stdin too (read through once, then replayed).
  o.inputs = {};
  r = run(o, disk, std::string(kWeb) + kMeshWide);
  REQUIRE(r.rc == 0);
  CHECK_THAT(r.out, Catch::Contains(kConcurrency2));
  CHECK_THAT(r.out, Catch::EndsWith(kMeshWide));
  // `check` decides with them too: an injected manifest injected without
  // them would change.
  disk.add_file("plain.yaml", r.out.substr(0, r.out.find("---\napiVersion: networking")));
  Options c;
  c.command = Command::Check;
  c.inputs = {"plain.yaml", "mesh.yaml"};
  CHECK(run(c, disk).rc == 0);
  c.inputs = {"plain.yaml"};
  CHECK(run(c, disk).rc == 1);
}

TEST_CASE("pipeline: the pod namespace's ProxyConfig beats the root's, a selector's beats both, the annotation ranks between",
          "[pipeline][proxy_config]") {
  MemoryDisk disk;
  disk.add_file("root.yaml", proxy_config("mesh-wide", "istio-system", "{concurrency: 1}"));
  disk.add_file("ns.yaml", proxy_config("shop-wide", "shop", "{concurrency: 2}"));
  disk.add_file("web.yaml", proxy_config("web", "shop", "{selector: {matchLabels: {app: web}}, concurrency: 3}"));
  disk.add_file("other.yaml", proxy_config("other", "shop", "{selector: {matchLabels: {app: other}}, concurrency: 4}"));
  disk.add_file("app.yaml", kWeb);
  std::string annotated = kWeb;
  annotated.replace(annotated.find("      labels:\n"), 0, "      annotations:\n        proxy.istio.io/config: 'concurrency: 5'\n");
  disk.add_file("annotated.yaml", annotated);
  auto concurrency = [&](std::vector<std::string> inputs) {
    Options o;
    o.inputs = std::move(inputs);
    Result r = run(o, disk);
    REQUIRE(r.rc == 0);
    auto at = r.out.find("{\"concurrency\":");
    REQUIRE(at != std::string::npos);
    return r.out.substr(at + 15, 1);
  };
  CHECK(concurrency({"root.yaml", "app.yaml"}) == "1");
  CHECK(concurrency({"root.yaml", "ns.yaml", "app.yaml"}) == "2");
  CHECK(concurrency({"root.yaml", "ns.yaml", "other.yaml", "web.yaml", "app.yaml"}) == "3");
  CHECK(concurrency({"root.yaml", "ns.yaml", "annotated.yaml"}) == "5");
  CHECK(concurrency({"root.yaml", "ns.yaml", "web.yaml", "annotated.yaml"}) == "3");
}

TEST_CASE("pipeline: ProxyConfig objects of a namespace count for the workloads of that namespace only, -n included",
          "[pipeline][proxy_config]") {
  MemoryDisk disk;
  // No namespace on either: both are in the one -n names.
  std::string web = kWeb;
  web.erase(web.find("  namespace: shop\n"), 18);
  std::string pc = proxy_config("team-wide", "x", "{concurrency: 2, image: {imageType: distroless}}");
  pc.erase(pc.find("  namespace: x\n"), 15);
  disk.add_file("app.yaml", web + pc);
  Options o;
  o.inputs = {"app.yaml"};
  o.default_namespace = "team";
  CHECK_THAT(run(o, disk).out, Catch::Contains(kDistroless));
  disk.add_file("elsewhere.yaml", std::string(kWeb) + proxy_config("team-wide", "team", "{concurrency: 2}"));
  o.inputs = {"elsewhere.yaml"};
  CHECK_THAT(run(o, disk).out, !Catch::Contains("concurrency\":2"));
}

TEST_CASE("pipeline: kinject kube-inject ignores ProxyConfig objects, as istioctl kube-inject does", "[pipeline][proxy_config]") {
  MemoryDisk disk;
  disk.add_file("app.yaml", std::string(kWeb) + kMeshWide);
  Options o;
  o.inputs = {"app.yaml"};
  o.kube_inject = true;
  Result r = run(o, disk);
  REQUIRE(r.rc == 0);
  CHECK_THAT(r.out, Catch::Contains("image: registry.istio.io/release/proxyv2:1.31.0\n"));
  CHECK_THAT(r.out, !Catch::Contains("distroless\"}"));
  CHECK_THAT(r.out, Catch::Contains("- name: PROXY_CONFIG\n          value: |\n            {}\n"));
}

TEST_CASE("pipeline: a ProxyConfig the API server or Istio would refuse is an error at its line, nothing written",
          "[pipeline][proxy_config]") {
  MemoryDisk disk;
  disk.add_file("app.yaml", std::string(kWeb) + proxy_config("bad", "shop", "\n  concurrency: -2"));
  Options o;
  o.inputs = {"app.yaml"};
  Result r = run(o, disk);
  CHECK(r.rc == 1);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains("app.yaml (document 2):22:16: ProxyConfig bad: spec.concurrency must be greater than or equal to 0"));
  // uninject does not read them.
  o.command = Command::Uninject;
  CHECK(run(o, disk).rc == 0);
}

TEST_CASE("pipeline: a ProxyConfig with a selector without labels is Istio's warning in the report", "[pipeline][proxy_config]") {
  MemoryDisk disk;
  disk.add_file("app.yaml", std::string(kWeb) + proxy_config("empty", "shop", "{selector: {}, concurrency: 2}"));
  Options o;
  o.inputs = {"app.yaml"};
  Result r = run(o, disk);
  REQUIRE(r.rc == 0);
  CHECK_THAT(r.err, Catch::Contains("ProxyConfig empty: workload selector specified without labels"));
  CHECK_THAT(r.out, !Catch::Contains("concurrency\":2"));
}

TEST_CASE("pipeline: KRM: ProxyConfig items count", "[pipeline][proxy_config][krm]") {
  std::string items;
  for (const std::string& doc : {std::string(kWeb), kMeshWide.substr(4)}) {
    std::istringstream lines(doc);
    std::string line;
    bool first = true;
    while (std::getline(lines, line)) {
      items += (first ? "- " : "  ") + line + "\n";
      first = false;
    }
  }
  MemoryDisk disk;
  Options o;
  Result r = run(o, disk, "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n" + items);
  REQUIRE(r.rc == 0);
  CHECK_THAT(r.out, Catch::Contains("proxyv2:1.31.0-distroless"));
}

TEST_CASE("pipeline: --cluster: the snapshot's ProxyConfig objects count, older than the input's", "[pipeline][proxy_config][cluster]") {
  // A cluster whose default revision's injector renders the image and the
  // proxy config, and a namespace the webhook injects.
  const std::string snapshot = R"(apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: Namespace, metadata: {name: shop, labels: {istio-injection: enabled}}}
- apiVersion: admissionregistration.k8s.io/v1
  kind: MutatingWebhookConfiguration
  metadata: {name: istio-sidecar-injector, labels: {istio.io/rev: default}}
  webhooks:
  - name: namespace.sidecar-injector.istio.io
    clientConfig: {service: {name: istiod, namespace: istio-system}}
    rules: [{operations: [CREATE], apiGroups: [''], apiVersions: [v1], resources: [pods]}]
    namespaceSelector: {matchExpressions: [{key: istio-injection, operator: In, values: [enabled]}]}
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: istio-sidecar-injector, namespace: istio-system, labels: {istio.io/rev: default}}
  data:
    config: |
      policy: enabled
      templates:
        sidecar: |
          spec:
            containers:
            - name: istio-proxy
              image: "{{ .ProxyImage }}"
              env:
              - name: PROXY_CONFIG
                value: '{{ protoToJSON .ProxyConfig }}'
    values: '{"global": {"hub": "registry.example", "tag": "1.30.3"}}'
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: istio, namespace: istio-system, labels: {istio.io/rev: default}}
  data:
    mesh: "trustDomain: cluster.local"
- apiVersion: networking.istio.io/v1beta1
  kind: ProxyConfig
  metadata: {name: z-recorded, namespace: shop, creationTimestamp: "2025-05-01T00:00:00Z"}
  spec: {concurrency: 2, image: {imageType: distroless}}
)";
  MemoryDisk disk;
  disk.add_file("cluster.yaml", snapshot);
  disk.add_file("app.yaml", kWeb);
  // The input's own namespace-wide object is newer: the snapshot's wins.
  disk.add_file("new.yaml", proxy_config("a-new", "shop", "{concurrency: 7}"));
  Options o;
  o.cluster_file = "cluster.yaml";
  o.inputs = {"app.yaml"};
  Result r = run(o, disk);
  REQUIRE(r.rc == 0);
  CHECK_THAT(r.out, Catch::Contains("image: registry.example/proxyv2:1.30.3-distroless\n"));
  CHECK_THAT(r.out, Catch::Contains(R"(value: '{"concurrency":2,"image":{"imageType":"distroless"}}')"));
  o.inputs = {"app.yaml", "new.yaml"};
  r = run(o, disk);
  REQUIRE(r.rc == 0);
  CHECK_THAT(r.out, Catch::Contains(R"(value: '{"concurrency":2,"image":{"imageType":"distroless"}}')"));
}
