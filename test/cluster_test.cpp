// --cluster: one snapshot of a cluster (namespaces, nodes, webhooks, the
// Istio ConfigMaps of every revision) decides and injects as that cluster
// would: the webhook that fires names the revision, whose ConfigMaps render
// the sidecar, and the nodes' kubelets decide native sidecars.
#include <sstream>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "kinject/base/disk.h"
#include "kinject/pipeline/pipeline.h"

using namespace kinject;

namespace {

// One revision's webhook configuration, as Istio's chart makes it (the
// namespace and object selectors of rev.namespace / namespace.).
std::string webhooks(const std::string& rev) {
  std::string svc = rev == "default" ? "istiod" : "istiod-" + rev;
  std::string name = rev == "default" ? "istio-sidecar-injector" : "istio-sidecar-injector-" + rev;
  std::string extra = rev == "default"
                          ? "  - name: namespace.sidecar-injector.istio.io\n"
                            "    clientConfig: {service: {name: istiod, namespace: istio-system}}\n"
                            "    rules: [{operations: [CREATE], apiGroups: [''], apiVersions: [v1], resources: [pods]}]\n"
                            "    namespaceSelector: {matchExpressions: [{key: istio-injection, operator: In, values: [enabled]}]}\n"
                            "    objectSelector: {matchExpressions: [{key: sidecar.istio.io/inject, operator: NotIn, values: ['false']}]}\n"
                          : "";
  return fmt::format(R"(- apiVersion: admissionregistration.k8s.io/v1
  kind: MutatingWebhookConfiguration
  metadata: {{name: {name}, labels: {{istio.io/rev: {rev}}}}}
  webhooks:
  - name: rev.namespace.sidecar-injector.istio.io
    clientConfig: {{service: {{name: {svc}, namespace: istio-system}}}}
    rules: [{{operations: [CREATE], apiGroups: [''], apiVersions: [v1], resources: [pods]}}]
    namespaceSelector:
      matchExpressions:
      - {{key: istio.io/rev, operator: In, values: [{rev}]}}
      - {{key: istio-injection, operator: DoesNotExist}}
    objectSelector: {{matchExpressions: [{{key: sidecar.istio.io/inject, operator: NotIn, values: ['false']}}]}}
{extra})",
                     fmt::arg("name", name), fmt::arg("rev", rev), fmt::arg("svc", svc), fmt::arg("extra", extra));
}

// One revision's ConfigMaps: a small injector whose sidecar names its hub
// and whether it was asked for a native sidecar.
std::string configmaps(const std::string& rev, const std::string& hub) {
  std::string suffix = rev == "default" ? "" : "-" + rev;
  return fmt::format(R"(- apiVersion: v1
  kind: ConfigMap
  metadata: {{name: istio-sidecar-injector{suffix}, namespace: istio-system, labels: {{istio.io/rev: {rev}}}}}
  data:
    config: |
      policy: enabled
      templates:
        sidecar: |
          spec:
            {{{{- if .NativeSidecars }}}}
            initContainers:
            - name: istio-proxy
              image: "{{{{ .Values.global.hub }}}}/proxyv2"
              restartPolicy: Always
            {{{{- else }}}}
            containers:
            - name: istio-proxy
              image: "{{{{ .Values.global.hub }}}}/proxyv2"
            {{{{- end }}}}
    values: '{{"global": {{"hub": "{hub}"}}, "revision": "{revvalue}"}}'
- apiVersion: v1
  kind: ConfigMap
  metadata: {{name: istio{suffix}, namespace: istio-system, labels: {{istio.io/rev: {rev}}}}}
  data:
    mesh: |
      trustDomain: cluster.local
)",
                     fmt::arg("suffix", suffix), fmt::arg("rev", rev), fmt::arg("hub", hub),
                     fmt::arg("revvalue", rev == "default" ? "" : rev));
}

std::string snapshot(const std::string& kubelet_b) {
  return "apiVersion: v1\nkind: List\nitems:\n"
         "- {apiVersion: v1, kind: Namespace, metadata: {name: a, labels: {istio-injection: enabled}}}\n"
         "- {apiVersion: v1, kind: Namespace, metadata: {name: b, labels: {istio.io/rev: canary}}}\n"
         "- {apiVersion: v1, kind: Namespace, metadata: {name: c}}\n"
         "- {apiVersion: v1, kind: Node, metadata: {name: n1}, status: {nodeInfo: {kubeletVersion: v1.33.1}}}\n"
         "- {apiVersion: v1, kind: Node, metadata: {name: n2}, status: {nodeInfo: {kubeletVersion: " +
         kubelet_b + "}}}\n" + webhooks("default") + webhooks("canary") + configmaps("default", "registry.default") +
         configmaps("canary", "registry.canary");
}

const char* kWorkloads = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: a}
spec:
  template:
    spec:
      containers: [{name: app, image: app:1}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: b}
spec:
  template:
    spec:
      containers: [{name: app, image: app:1}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: batch, namespace: c}
spec:
  template:
    spec:
      containers: [{name: app, image: app:1}]
)";

struct Result {
  int rc;
  std::string out, err;
};

Result run_with(const std::string& cluster, Options o = {}) {
  MemoryDisk disk;
  disk.add_file("cluster.yaml", cluster);
  disk.add_file("in.yaml", kWorkloads);
  o.inputs = {"in.yaml"};
  o.cluster_file = "cluster.yaml";
  std::istringstream in;
  std::ostringstream out, err;
  EnvLookup env = [](std::string_view) -> std::optional<std::string> { return std::nullopt; };
  int rc = run_inject(o, disk, in, out, err, env);
  return {rc, out.str(), err.str()};
}

// The text of the document that holds `name: <name>`.
std::string document_of(const std::string& out, const std::string& name) {
  auto at = out.find("name: " + name);
  REQUIRE(at != std::string::npos);
  auto begin = out.rfind("apiVersion:", at);
  auto end = out.find("\n---", at);
  return out.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

}  // namespace

TEST_CASE("cluster snapshot (--cluster): each namespace gets the revision its webhook calls; the kubelets decide native sidecars",
          "[cluster]") {
  Options o;
  o.config.istio_version = "1.30";  // the tri-state ENABLE_NATIVE_SIDECARS, default auto
  Result r = run_with(snapshot("v1.34.0"), o);
  REQUIRE(r.rc == 0);
  std::string web = document_of(r.out, "web"), api = document_of(r.out, "api"), batch = document_of(r.out, "batch");
  CHECK(web.find("registry.default/proxyv2") != std::string::npos);
  CHECK(api.find("registry.canary/proxyv2") != std::string::npos);
  CHECK(api.find("registry.default") == std::string::npos);
  CHECK(batch.find("istio-proxy") == std::string::npos);  // no webhook selects namespace c
  // Every node runs kubelet 1.33+: native sidecars (the proxy an init container).
  CHECK(web.find("restartPolicy: Always") != std::string::npos);
  CHECK_THAT(r.err, Catch::Contains("deployment/api (ns b): injected") && Catch::Contains("(revision canary)"));
  CHECK_THAT(r.err, Catch::Contains("deployment/web (ns a): injected") && Catch::Contains("(revision default)"));
  CHECK_THAT(r.err, Catch::Contains("deployment/batch (ns c): skipped"));

  SECTION("one node on kubelet 1.32: classic sidecars everywhere, as DetectNativeSidecar decides") {
    Result old = run_with(snapshot("v1.32.4"), o);
    REQUIRE(old.rc == 0);
    CHECK(document_of(old.out, "web").find("restartPolicy: Always") == std::string::npos);
    CHECK(document_of(old.out, "web").find("initContainers:") == std::string::npos);
    CHECK(document_of(old.out, "web").find("registry.default/proxyv2") != std::string::npos);
  }
  SECTION("--kube-version given beside the snapshot wins over its nodes") {
    Options k = o;
    k.kube_version = "1.32";
    Result kv = run_with(snapshot("v1.34.0"), k);
    REQUIRE(kv.rc == 0);
    CHECK(document_of(kv.out, "web").find("restartPolicy: Always") == std::string::npos);
  }
}

TEST_CASE("cluster snapshot (--cluster): a webhook whose revision has no ConfigMaps in the snapshot is an error, nothing written",
          "[cluster]") {
  std::string without_canary = "apiVersion: v1\nkind: List\nitems:\n"
                               "- {apiVersion: v1, kind: Namespace, metadata: {name: b, labels: {istio.io/rev: canary}}}\n" +
                               webhooks("default") + webhooks("canary") + configmaps("default", "registry.default");
  Result r = run_with(without_canary);
  CHECK(r.rc != 0);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains("istio-system/istiod-canary") && Catch::Contains("holds revisions default"));
}

TEST_CASE("cluster snapshot (--cluster): a snapshot without webhooks or injector ConfigMaps says what to take", "[cluster]") {
  Result no_webhooks = run_with("apiVersion: v1\nkind: List\nitems:\n" + configmaps("default", "r"));
  CHECK(no_webhooks.rc != 0);
  CHECK_THAT(no_webhooks.err, Catch::Contains("mutatingwebhookconfigurations"));
  Result no_configmaps = run_with("apiVersion: v1\nkind: List\nitems:\n" + webhooks("default"));
  CHECK(no_configmaps.rc != 0);
  CHECK_THAT(no_configmaps.err, Catch::Contains("no istio-sidecar-injector ConfigMap"));
}
