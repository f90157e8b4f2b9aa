// ProxyConfig objects and the effective proxy config of a pod. The tables
// are Istio's own tests, transcribed: pilot/pkg/model/proxy_config_test.go
// (release-1.30: TestConvertToMeshConfigProxyConfig, TestMergeWithPrecedence,
// TestEffectiveProxyConfig); the checks of an object are its CRD's schema
// and pkg/config/validation/validation.go's ValidateProxyConfig.
#include "kinject/istio/proxy_config.h"

#include <catch2/catch.hpp>

#include "support.h"

#include "kinject/base/error.h"
#include "kinject/istio/injector.h"
#include "kinject/istio/template_data.h"
#include "kinject/k8s/pod.h"
#include "kinject/yaml/emit.h"
#include "kinject/yaml/parse.h"
#include "kinject/yaml/reader.h"

using namespace kinject;
using namespace kinject::istio;
using namespace kinject::test;

namespace {

Node yaml(const std::string& text) { return parse_yaml(text, "t"); }

// Istio's expectation: mesh.DefaultProxyConfig() with `expected` merged in.
Node with_defaults(const std::string& expected) { return merge_proxy_config(default_proxy_config(), yaml(expected)); }

ProxyConfigs collection(const std::string& stream) {
  ProxyConfigs pcs;
  for (const auto& doc : read_all(stream, "pc.yaml")) pcs.add(doc);
  return pcs;
}

std::string add_error(const std::string& stream) {
  try {
    collection(stream);
  } catch (const Error& e) {
    return e.what();
  }
  FAIL("no error for:\n" << stream);
  return {};
}

// newProxyConfig(name, ns, spec), optionally created at `created`.
std::string object(const std::string& name, const std::string& ns, const std::string& spec, const std::string& created = "") {
  std::string out = "---\napiVersion: networking.istio.io/v1beta1\nkind: ProxyConfig\nmetadata:\n  name: " + name +
                    "\n  namespace: " + ns + "\n";
  if (!created.empty()) out += "  creationTimestamp: \"" + created + "\"\n";
  return out + "spec: " + spec + "\n";
}

}  // namespace

TEST_CASE("toMeshConfigProxyConfig: concurrency, environmentVariables as proxyMetadata", "[proxy_config]") {
  // proxy_config_test.go TestConvertToMeshConfigProxyConfig
  struct Case {
    const char* name;
    const char* pc;
    const char* expected;
  } cases[] = {
      {"concurrency", "{concurrency: 3}", "{concurrency: 3}"},
      {"environment variables", "{environmentVariables: {a: b, c: d}}", "{proxyMetadata: {a: b, c: d}}"},
      // toMeshConfigProxyConfig copies Image too.
      {"image", "{image: {imageType: distroless}}", "{image: {imageType: distroless}}"},
      {"selector is not a proxy config field", "{selector: {matchLabels: {app: a}}}", "{}"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    CHECK(to_mesh_proxy_config(yaml(c.pc)).same_value(yaml(c.expected)));
  }
}

TEST_CASE("mergeWithPrecedence: earlier wins, proxyMetadata merges by key", "[proxy_config]") {
  // proxy_config_test.go TestMergeWithPrecedence; "" stands for a nil config.
  struct Case {
    const char* name;
    const char* first;
    const char* second;
    const char* expected;
  } cases[] = {
      {"concurrency", "{concurrency: 1}", "{concurrency: 2}", "{concurrency: 1}"},
      {"concurrency value 0", "{concurrency: 0}", "{concurrency: 2}", "{concurrency: 0}"},
      {"source concurrency nil", "{}", "{concurrency: 2}", "{concurrency: 2}"},
      {"dest concurrency nil", "{concurrency: 2}", "{}", "{concurrency: 2}"},
      {"both concurrency nil", "{}", "{}", "{}"},
      {"envvars", "{proxyMetadata: {a: x, b: y}}", "{proxyMetadata: {a: z, b: y, c: d}}", "{proxyMetadata: {a: x, b: y, c: d}}"},
      {"empty envars merge with populated", "{proxyMetadata: {}}", "{proxyMetadata: {a: z, b: y, c: d}}",
       "{proxyMetadata: {a: z, b: y, c: d}}"},
      {"nil proxyconfig", "", "{proxyMetadata: {a: z, b: y, c: d}}", "{proxyMetadata: {a: z, b: y, c: d}}"},
      {"terminationDrainDuration", "{terminationDrainDuration: 0.5s}", "{terminationDrainDuration: 5s}",
       "{terminationDrainDuration: 0.5s}"},
      // mesh.DefaultProxyConfig().GetTracing() is nil.
      {"tracing is empty", "{tracing: {}}", "{}", "{tracing: {}}"},
      {"tracing is not default", "{tracing: {datadog: {}}}", "{}", "{tracing: {datadog: {}}}"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    Node first = yaml(c.first), second = yaml(c.second);
    Node merged = merge_with_precedence({*c.first ? &first : nullptr, &second});
    CHECK(merged.same_value(yaml(c.expected)));
  }
}

// effective() merges only the configs that apply: a merged config with
// nothing over it must be itself, key order and spelling included, or a
// pod no object applies to would get another config than one that does.
TEST_CASE("mergeWithPrecedence: a merged config merged again with nothing is itself", "[proxy_config]") {
  for (const char* default_config :
       {"{}", "{drain_duration: 10s, drainDuration: 12s, concurrency: 2}",
        "{proxy_metadata: {A_B: x, c_d: y}, proxyMetadata: {E: z}, tracing: {zipkin: {address: z:9411}, sampling: 10}}",
        "{proxyHeaders: {request_id: {disabled: true}}, proxy_headers: {server: {value: x}}, discoveryAddress: d:15012}",
        "{tracing: {custom_tags: {my_tag: {literal: {value: v}}}, stackdriver: {debug: true}}, image: {imageType: distroless}}"}) {
    INFO(default_config);
    Node defaults = default_proxy_config(), dc = yaml(default_config);
    Node merged = merge_with_precedence({&dc, &defaults});
    CHECK(emit_json(merge_with_precedence({nullptr, &merged})) == emit_json(merged));
  }
}

TEST_CASE("EffectiveProxyConfig: Istio's cases", "[proxy_config]") {
  // proxy_config_test.go TestEffectiveProxyConfig: the mesh is
  // {rootNamespace: istio-system, defaultConfig: the case's}; the expected
  // config is mesh.DefaultProxyConfig() with the case's merged in.
  const std::string now = "2026-01-01T10:00:00Z", later = "2026-01-01T11:00:00Z";  // now, now.Add(time.Hour)
  struct Case {
    std::string name;
    std::string configs;
    std::string default_config;
    std::string ns;
    std::string labels;
    std::string annotation;
    std::string expected;
  } cases[] = {
      {"CR applies to matching namespace", object("ns", "test-ns", "{concurrency: 3, image: {imageType: debug}}"), "",
       "test-ns", "{}", "", "{concurrency: 3, image: {imageType: debug}}"},
      {"CR takes precedence over meshConfig.defaultConfig", object("ns", "istio-system", "{concurrency: 3}"),
       "{concurrency: 2}", "bar", "{}", "", "{concurrency: 3}"},
      {"workload matching CR takes precedence over namespace matching CR",
       object("workload", "test-ns", "{selector: {matchLabels: {test: selector}}, concurrency: 3}") +
           object("ns", "test-ns", "{concurrency: 2}"),
       "", "test-ns", "{test: selector}", "", "{concurrency: 3}"},
      {"matching workload CR takes precedence over annotation",
       object("workload", "test-ns", "{selector: {matchLabels: {test: selector}}, concurrency: 3, image: {imageType: debug}}"),
       "", "test-ns", "{test: selector}", R"({ "concurrency": 5 })", "{concurrency: 3, image: {imageType: debug}}"},
      {"CR in other namespaces get ignored",
       object("ns", "wrong-ns", "{concurrency: 1}") +
           object("workload", "wrong-ns", "{selector: {matchLabels: {test: selector}}, concurrency: 2}") +
           object("global", "istio-system", "{concurrency: 3}"),
       "", "test-ns", "{test: selector}", "", "{concurrency: 3}"},
      {"multiple matching workload CRs, oldest applies",
       object("workload-a", "test-ns", "{selector: {matchLabels: {test: selector}}, environmentVariables: {A: '1'}}", now) +
           object("workload-b", "test-ns", "{selector: {matchLabels: {test: selector}}, environmentVariables: {B: '2'}}", later) +
           object("workload-c", "test-ns", "{selector: {matchLabels: {test: selector}}, environmentVariables: {C: '3'}}", later),
       "", "test-ns", "{test: selector}", "", "{proxyMetadata: {A: '1'}}"},
      {"multiple matching namespace CRs, oldest applies",
       object("workload-a", "test-ns", "{environmentVariables: {A: '1'}}", now) +
           object("workload-b", "test-ns", "{environmentVariables: {B: '2'}}", later) +
           object("workload-c", "test-ns", "{environmentVariables: {C: '3'}}", later),
       "", "test-ns", "{}", "", "{proxyMetadata: {A: '1'}}"},
      {"no configured CR or default config", "", "", "ns", "{}", "", "{}"},
      // Beyond Istio's table, read from EffectiveProxyConfig itself:
      // the annotation ranks above the namespace's and the root's objects.
      {"annotation takes precedence over namespace and root CRs",
       object("ns", "test-ns", "{concurrency: 2}") + object("global", "istio-system", "{concurrency: 1}"), "", "test-ns",
       "{}", "{concurrency: 5}", "{concurrency: 5}"},
      // Every level adds its environment variables (mergeMap).
      {"environment variables add up, the closer winning",
       object("global", "istio-system", "{environmentVariables: {A: root, B: root}}") +
           object("ns", "test-ns", "{environmentVariables: {B: ns, C: ns}}") +
           object("w", "test-ns", "{selector: {matchLabels: {app: a}}, environmentVariables: {C: w}}"),
       "{proxyMetadata: {M: mesh, A: mesh}}", "test-ns", "{app: a, x: y}", "",
       "{proxyMetadata: {M: mesh, A: root, B: ns, C: w}}"},
      // A pod in the root namespace gets the root's object once.
      {"pod in the root namespace", object("global", "istio-system", "{concurrency: 4}"), "", "istio-system", "{}", "",
       "{concurrency: 4}"},
      // A selector that does not match; one without labels selects nothing
      // and is no namespace-wide object either (GetSelector() != nil).
      {"selectors that do not apply",
       object("other", "test-ns", "{selector: {matchLabels: {app: b}}, concurrency: 7}") +
           object("empty", "test-ns", "{selector: {}, concurrency: 8}"),
       "", "test-ns", "{app: a}", "", "{}"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    ProxyConfigs pcs = collection(c.configs);
    Node mesh = yaml("{rootNamespace: istio-system}");
    if (!c.default_config.empty()) mesh.set("defaultConfig", yaml(c.default_config));
    const Node before = mesh;
    Node labels = yaml(c.labels);
    Node annotation = c.annotation.empty() ? Node() : yaml(c.annotation);
    EffectiveProxyConfig got = pcs.effective({c.ns, &labels, c.annotation.empty() ? nullptr : &annotation}, mesh, "");
    CHECK(got.config.same_value(with_defaults(c.expected)));
    CHECK(mesh.same_value(before));  // "mesh config should not be mutated"
  }
}

TEST_CASE("EffectiveProxyConfig names the objects that applied, lowest precedence first", "[proxy_config]") {
  ProxyConfigs pcs = collection(object("global", "istio-system", "{concurrency: 1}") + object("ns", "shop", "{concurrency: 2}") +
                                object("w", "shop", "{selector: {matchLabels: {app: a}}, concurrency: 3}"));
  Node labels = yaml("{app: a}");
  auto got = pcs.effective({"shop", &labels, nullptr}, yaml("{rootNamespace: istio-system}"), "");
  CHECK(got.applied == std::vector<std::string>{"istio-system/global", "shop/ns", "shop/w"});
  // No root namespace in the mesh config: no mesh-wide object.
  got = pcs.effective({"other", &labels, nullptr}, yaml("{rootNamespace: ''}"), "");
  CHECK(got.applied.empty());
}

TEST_CASE("ProxyConfig objects: the oldest by creationTimestamp, then by name; input objects are the newest", "[proxy_config]") {
  // sortConfigByCreationTime (pilot/pkg/model/config.go): creation time, then
  // name, then namespace. An object of the input (no creationTimestamp) is
  // created when it is applied: after every object a snapshot recorded.
  ProxyConfigs pcs = collection(object("b-input", "shop", "{concurrency: 1}") + object("a-input", "shop", "{concurrency: 2}") +
                                object("z-old", "shop", "{concurrency: 3}", "2025-06-01T00:00:00Z") +
                                object("y-older", "shop", "{concurrency: 4}", "2025-06-01T01:00:00+02:00"));
  std::vector<std::string> order;
  for (const auto& o : pcs.objects()) order.push_back(o.name);
  CHECK(order == std::vector<std::string>{"y-older", "z-old", "a-input", "b-input"});
  auto got = pcs.effective({"shop", nullptr, nullptr}, yaml("{rootNamespace: istio-system}"), "");
  CHECK(got.applied == std::vector<std::string>{"shop/y-older"});
}

TEST_CASE("ProxyConfig objects: applied again, one replaces the other and keeps its creation time", "[proxy_config]") {
  ProxyConfigs pcs = collection(object("a", "shop", "{concurrency: 1}", "2025-06-01T00:00:00Z") +
                                object("b", "shop", "{concurrency: 2}", "2025-07-01T00:00:00Z") +
                                object("a", "shop", "{concurrency: 5}"));
  REQUIRE(pcs.objects().size() == 2);
  auto got = pcs.effective({"shop", nullptr, nullptr}, yaml("{rootNamespace: istio-system}"), "");
  CHECK(got.config.get("concurrency")->i == 5);
  CHECK(got.applied == std::vector<std::string>{"shop/a"});
}

TEST_CASE("ProxyConfig objects: a List's items count, other kinds and groups do not, no namespace is the default one",
          "[proxy_config]") {
  ProxyConfigs pcs("team");
  for (const auto& d : read_all(R"(apiVersion: v1
kind: List
items:
- apiVersion: networking.istio.io/v1beta1
  kind: ProxyConfig
  metadata: {name: listed}
  spec: {concurrency: 2}
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: other}
---
apiVersion: example.com/v1
kind: ProxyConfig
metadata: {name: not-istio}
spec: {concurrency: 9}
)",
                                "pc.yaml"))
    CHECK(pcs.add(d) == (d.raw.index == 1 ? 1 : 0));
  REQUIRE(pcs.objects().size() == 1);
  CHECK(pcs.objects()[0].namespace_ == "team");
  CHECK(pcs.objects()[0].name == "listed");
}

TEST_CASE("ProxyConfig objects: istiod of a revision sees those of its revision and those of none", "[proxy_config]") {
  // config.LabelsInRevision (pkg/config/model.go), as crdclient filters.
  ProxyConfigs pcs = collection(R"(apiVersion: networking.istio.io/v1beta1
kind: ProxyConfig
metadata: {name: canary, namespace: shop, labels: {istio.io/rev: canary}, creationTimestamp: "2025-01-01T00:00:00Z"}
spec: {concurrency: 1}
---
apiVersion: networking.istio.io/v1beta1
kind: ProxyConfig
metadata: {name: any, namespace: shop}
spec: {concurrency: 2}
)");
  Node mesh = yaml("{rootNamespace: istio-system}");
  CHECK(pcs.effective({"shop", nullptr, nullptr}, mesh, "canary").applied == std::vector<std::string>{"shop/canary"});
  CHECK(pcs.effective({"shop", nullptr, nullptr}, mesh, "").applied == std::vector<std::string>{"shop/any"});
}

TEST_CASE("ProxyConfig objects are checked as the API server and Istio check them, at their line", "[proxy_config]") {
  auto pc = [](const std::string& spec) {
    return "apiVersion: networking.istio.io/v1beta1\nkind: ProxyConfig\nmetadata:\n  name: p\n  namespace: shop\nspec:\n" + spec;
  };
  // validateConcurrency; the CRD: minimum 0, int32.
  CHECK_THAT(add_error(pc("  concurrency: -1\n")),
             Catch::Contains("pc.yaml (document 1):7:16: ProxyConfig p: spec.concurrency must be greater than or equal to 0"));
  CHECK_THAT(add_error(pc("  concurrency: two\n")), Catch::Contains("spec.concurrency must be an integer, not a string"));
  CHECK_THAT(add_error(pc("  concurrency: 4294967296\n")), Catch::Contains("int32"));
  // The CRD's types and strict field validation.
  CHECK_THAT(add_error(pc("  environmentVariables:\n    A: 1\n")),
             Catch::Contains(":8:8: ProxyConfig p: spec.environmentVariables.A must be a string, not a number; quote it"));
  CHECK_THAT(add_error(pc("  environmentVariables: [A]\n")), Catch::Contains("spec.environmentVariables must be a mapping, not a list"));
  CHECK_THAT(add_error(pc("  concurency: 2\n")), Catch::Contains(":7:3: ProxyConfig p: unknown field \"spec.concurency\""));
  CHECK_THAT(add_error(pc("  image:\n    type: distroless\n")), Catch::Contains("unknown field \"spec.image.type\""));
  CHECK_THAT(add_error(pc("  image:\n    imageType: [distroless]\n")), Catch::Contains("spec.image.imageType must be a string"));
  CHECK_THAT(add_error(pc("  environmentVariables:\n    A: \"" + std::string(2049, 'x') + "\"\n")),
             Catch::Contains("at most 2048"));
  // validateWorkloadSelector, and the CRD's validations of matchLabels.
  CHECK_THAT(add_error(pc("  selector:\n    matchLabels:\n      app: \"*\"\n")),
             Catch::Contains("wildcard is not supported in selector: \"app=*\""));
  CHECK_THAT(add_error(pc("  selector:\n    matchLabels:\n      \"\": a\n")), Catch::Contains("key must not be empty"));
  CHECK_THAT(add_error(pc("  selector:\n    app: a\n")), Catch::Contains("unknown field \"spec.selector.app\""));
  // Served as v1beta1 only.
  CHECK_THAT(add_error("apiVersion: networking.istio.io/v1alpha3\nkind: ProxyConfig\nmetadata: {name: p}\n"),
             Catch::Contains(":1:13: ProxyConfig p: apiVersion networking.istio.io/v1alpha3: Istio serves ProxyConfig as "
                             "networking.istio.io/v1beta1 only"));
  CHECK_THAT(add_error("apiVersion: networking.istio.io/v1beta1\nkind: ProxyConfig\nmetadata: {namespace: a}\n"),
             Catch::Contains("metadata.name must be a non-empty string"));
  CHECK_THAT(add_error(pc("  concurrency: 2\n") + "---\napiVersion: networking.istio.io/v1beta1\nkind: ProxyConfig\n"
                                                  "metadata: {name: q, creationTimestamp: yesterday}\n"),
             Catch::Contains("(document 2):11:40: ProxyConfig q: metadata.creationTimestamp: parsing time"));
  // A valid one; a selector without labels is Istio's warning, not an error.
  ProxyConfigs ok = collection(pc("  selector: {}\n  concurrency: 2\n  environmentVariables: {A: 'x'}\n  image: {imageType: debug}\n"));
  REQUIRE(ok.warnings().size() == 1);
  CHECK_THAT(ok.warnings()[0], Catch::Contains("workload selector specified without labels"));
}

namespace {

const char* kShopDeployment = kShopWebDeployment;

// The Deployment injected by Istio 1.30's webhook (the built-in profile) in
// a cluster with the objects of `stream`.
Node inject_with(const std::string& stream, const std::string& deployment = kShopDeployment) {
  auto pcs = std::make_shared<ProxyConfigs>(collection(stream));
  EnvLookup env = [](std::string_view) -> std::optional<std::string> { return std::nullopt; };
  Injector injector(builtin_profile("1.30"), env, {}, pcs);
  Node root = parse_yaml(deployment, "t.yaml");
  auto ws = find_workloads(root, WorkloadCatalog{});
  REQUIRE(ws.size() == 1);
  injector.inject(root, ws[0]);
  return root;
}

const Node& proxy_container(const Node& root) {
  const Node* pod = root.at_path("spec.template");
  for (const char* list : {"initContainers", "containers"})
    if (const Node* c = pod::find_container(pod::container_list(*pod, list), "istio-proxy")) return *c;
  FAIL("no istio-proxy");
  return root;
}

std::string env_value(const Node& container, std::string_view name) {
  if (const Node* env = container.get("env"); env && env->is_seq())
    for (const auto& e : env->items)
      if (e.get("name") && e.get("name")->scalar_text() == name) return e.get("value") ? e.get("value")->scalar_text() : "";
  return "<none>";
}

}  // namespace

TEST_CASE("injector: a mesh-wide ProxyConfig's image type and concurrency reach the proxy as Istio renders them",
          "[proxy_config][injector]") {
  // webhook.go inject: proxyConfig := wh.env.GetProxyConfigOrDefault(...);
  // inject.go RunTemplate: ProxyImage(values, params.proxyConfig.Image, ...)
  // and the template's `PROXY_CONFIG: {{ protoToJSON .ProxyConfig }}`.
  Node root = inject_with(object("mesh-wide", "istio-system", "{concurrency: 2, image: {imageType: distroless}}"));
  const Node& proxy = proxy_container(root);
  // values.global.hub and .tag of the 1.30 profile, and the image type as
  // updateImageTypeIfPresent appends it.
  CHECK(proxy.get("image")->scalar_text() == "registry.istio.io/release/proxyv2:1.30.3-distroless");
  // cleanProxyConfig leaves both; protojson writes them in declaration order.
  CHECK(env_value(proxy, "PROXY_CONFIG") == "{\"concurrency\":2,\"image\":{\"imageType\":\"distroless\"}}\n");
  // istio-init runs the same image (the template's `image: "{{ .ProxyImage }}"`).
  const Node* init = pod::find_container(pod::container_list(*root.at_path("spec.template"), "initContainers"), "istio-init");
  REQUIRE(init);
  CHECK(init->get("image")->scalar_text() == "registry.istio.io/release/proxyv2:1.30.3-distroless");
}

TEST_CASE("injector: the precedence of ProxyConfig objects and the annotation, as EffectiveProxyConfig has it",
          "[proxy_config][injector]") {
  const std::string root_pc = object("mesh-wide", "istio-system", "{concurrency: 1, environmentVariables: {FROM: root}}");
  const std::string ns_pc = object("shop-wide", "shop", "{concurrency: 2}");
  const std::string selector_pc = object("web", "shop", "{selector: {matchLabels: {app: web}}, concurrency: 3}");
  auto concurrency_of = [](const Node& root) { return env_value(proxy_container(root), "PROXY_CONFIG"); };
  // The root namespace's object applies everywhere...
  CHECK(concurrency_of(inject_with(root_pc)) == "{\"concurrency\":1,\"proxyMetadata\":{\"FROM\":\"root\"}}\n");
  // ...the pod namespace's beats it (its FROM stays: proxyMetadata merges)...
  CHECK(concurrency_of(inject_with(root_pc + ns_pc)) == "{\"concurrency\":2,\"proxyMetadata\":{\"FROM\":\"root\"}}\n");
  // ...and one whose selector matches the pod beats that.
  CHECK(concurrency_of(inject_with(root_pc + ns_pc + selector_pc)) ==
        "{\"concurrency\":3,\"proxyMetadata\":{\"FROM\":\"root\"}}\n");
  // The proxy.istio.io/config annotation ranks between the two: over the
  // namespace's, under the selector's ("merge it with lower priority than
  // the workload-matching ProxyConfig CRs").
  std::string annotated = kShopDeployment;
  annotated.replace(annotated.find("      labels:\n"), 0, "      annotations:\n        proxy.istio.io/config: 'concurrency: 5'\n");
  CHECK(concurrency_of(inject_with(root_pc + ns_pc, annotated)) ==
        "{\"concurrency\":5,\"proxyMetadata\":{\"FROM\":\"root\"}}\n");
  CHECK(concurrency_of(inject_with(root_pc + ns_pc + selector_pc, annotated)) ==
        "{\"concurrency\":3,\"proxyMetadata\":{\"FROM\":\"root\"}}\n");
  // The proxy metadata becomes the proxy's environment too (the template's
  // `range $key, $value := .ProxyConfig.ProxyMetadata`).
  CHECK(env_value(proxy_container(inject_with(root_pc)), "FROM") == "root");
}

TEST_CASE("injector: no ProxyConfig objects, the pod's proxy config is the mesh's defaultConfig with the annotation",
          "[proxy_config][injector]") {
  // Without objects the webhook's EffectiveProxyConfig and istioctl's
  // ApplyProxyConfig agree: the same injection with an empty collection as
  // with none (kube-inject's).
  std::string annotated = kShopDeployment;
  annotated.replace(annotated.find("      labels:\n"), 0,
                    "      annotations:\n        proxy.istio.io/config: '{concurrency: 5, proxyMetadata: {A: b}}'\n");
  for (const std::string& deployment : {std::string(kShopDeployment), annotated}) {
    EnvLookup env = [](std::string_view) -> std::optional<std::string> { return std::nullopt; };
    Injector kube_inject(builtin_profile("1.30"), env);
    Node root = parse_yaml(deployment, "t.yaml");
    kube_inject.inject(root, find_workloads(root, WorkloadCatalog{})[0]);
    CHECK(inject_with("", deployment).same_value(root));
  }
}

TEST_CASE("proxy config merge: a nested message is replaced, not merged field by field (regression)", "[proxy_config]") {
  // mesh.MergeProxyConfig (pkg/config/mesh/mesh.go) applies the overlay with
  // protomarshal.ApplyYAML, whose jsonpb sets each field the overlay names
  // to a new value: a message whole. Only proxyMetadata is merged by key
  // (mergeMap), and proxyHeaders' five header settings the overlay leaves
  // unset are taken back from the base (correctProxyHeaders).
  // pkg/config/mesh/mesh_test.go TestProxyConfigMerge, applied as
  // ApplyProxyConfig(base) then ApplyProxyConfig(overlay):
  struct Case {
    const char* name;
    const char* base;
    const char* overlay;
    const char* result;
  } cases[] = {
      {"disabled then enabled", "{proxyHeaders: {requestId: {disabled: true}}}", "{proxyHeaders: {requestId: {disabled: false}}}",
       "{proxyHeaders: {requestId: {disabled: false}}}"},
      {"enabled then disabled", "{proxyHeaders: {requestId: {disabled: false}}}", "{proxyHeaders: {requestId: {disabled: true}}}",
       "{proxyHeaders: {requestId: {disabled: true}}}"},
      {"set multiple fields",
       "{proxyHeaders: {forwardedClientCert: APPEND_FORWARD, server: {value: server}, requestId: {disabled: true}, "
       "attemptCount: {}, envoyDebugHeaders: {disabled: true}}}",
       "{proxyHeaders: {forwardedClientCert: ALWAYS_FORWARD_ONLY, server: {disabled: true}, requestId: {}, "
       "attemptCount: {disabled: true}, envoyDebugHeaders: {disabled: true}}}",
       "{proxyHeaders: {forwardedClientCert: ALWAYS_FORWARD_ONLY, server: {disabled: true}, requestId: {}, "
       "attemptCount: {disabled: true}, envoyDebugHeaders: {disabled: true}}}"},
      // correctProxyHeaders: what the overlay's proxyHeaders leaves out of
      // the five comes back from the base; its other fields do not.
      {"proxyHeaders keeps the base's unset headers",
       "{proxyHeaders: {server: {value: s}, requestId: {disabled: true}, preserveHttp1HeaderCase: true}}",
       "{proxyHeaders: {forwardedClientCert: SANITIZE}}",
       "{proxyHeaders: {forwardedClientCert: SANITIZE, server: {value: s}, requestId: {disabled: true}}}"},
      // Beyond Istio's table, the same jsonpb rule: a message is replaced...
      {"tracing replaced", "{tracing: {zipkin: {address: z:9411}, sampling: 1}}", "{tracing: {sampling: 50}}",
       "{tracing: {sampling: 50}}"},
      {"image replaced", "{image: {imageType: distroless}}", "{image: {}}", "{image: {}}"},
      // ...and so is a map other than proxyMetadata.
      {"runtimeValues replaced", "{runtimeValues: {a: '1'}}", "{runtimeValues: {b: '2'}}", "{runtimeValues: {b: '2'}}"},
      {"proxyMetadata merged", "{proxyMetadata: {a: '1'}}", "{proxyMetadata: {b: '2'}}", "{proxyMetadata: {a: '1', b: '2'}}"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    CHECK(merge_proxy_config(merge_proxy_config(Node::map(), yaml(c.base)), yaml(c.overlay)).same_value(yaml(c.result)));
  }
}

TEST_CASE("injector: a proxy config whose image names no type leaves values.global.variant out (regression)",
          "[proxy_config][injector]") {
  // inject.go ProxyImage: `if image != nil { imageType = image.ImageType }`:
  // an image, even with no type, replaces the variant; updateImageTypeIfPresent
  // then leaves the tag as it is.
  IstioConfig config = builtin_profile("1.30");
  config.values.child_map("global").set("variant", Node::string("distroless"));
  EnvLookup env = [](std::string_view) -> std::optional<std::string> { return std::nullopt; };
  auto injected_image = [&](const std::string& stream) {
    Injector injector(config, env, {}, std::make_shared<ProxyConfigs>(collection(stream)));
    Node root = parse_yaml(kShopDeployment, "t.yaml");
    injector.inject(root, find_workloads(root, WorkloadCatalog{})[0]);
    return proxy_container(root).get("image")->scalar_text();
  };
  CHECK(injected_image("") == "registry.istio.io/release/proxyv2:1.30.3-distroless");
  CHECK(injected_image(object("mesh-wide", "istio-system", "{image: {}}")) == "registry.istio.io/release/proxyv2:1.30.3");
  // A namespace's `image: {}` replaces the root's image (MergeProxyConfig).
  CHECK(injected_image(object("mesh-wide", "istio-system", "{image: {imageType: debug}}")) ==
        "registry.istio.io/release/proxyv2:1.30.3-debug");
  CHECK(injected_image(object("mesh-wide", "istio-system", "{image: {imageType: debug}}") + object("shop", "shop", "{image: {}}")) ==
        "registry.istio.io/release/proxyv2:1.30.3");
}
