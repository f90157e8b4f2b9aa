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
// namespace and object selectors of rev.namespace / namespace.). A revision
// tag's (`tag`) is named istio-revision-tag-TAG, calls its revision's istiod
// and, for the tag `default`, has the default revision's namespace. webhook
// (manifests/charts/istio-control/istio-discovery/templates/revision-tags-mwc.yaml).
std::string webhooks(const std::string& rev, const std::string& tag = "") {
  std::string svc = rev == "default" ? "istiod" : "istiod-" + rev;
  std::string name = !tag.empty() ? "istio-revision-tag-" + tag : rev == "default" ? "istio-sidecar-injector" : "istio-sidecar-injector-" + rev;
  std::string labels = tag.empty() ? fmt::format("istio.io/rev: {}", rev) : fmt::format("istio.io/rev: {}, istio.io/tag: {}", rev, tag);
  std::string selected = tag.empty() ? rev : tag;  // a tag's namespaces say istio.io/rev: TAG
  std::string extra = (tag.empty() ? rev : tag) == "default"
                          ? "  - name: namespace.sidecar-injector.istio.io\n"
                            "    clientConfig: {service: {name: " + svc + ", namespace: istio-system}}\n"
                            "    rules: [{operations: [CREATE], apiGroups: [''], apiVersions: [v1], resources: [pods]}]\n"
                            "    namespaceSelector: {matchExpressions: [{key: istio-injection, operator: In, values: [enabled]}]}\n"
                            "    objectSelector: {matchExpressions: [{key: sidecar.istio.io/inject, operator: NotIn, values: ['false']}]}\n"
                          : "";
  return fmt::format(R"(- apiVersion: admissionregistration.k8s.io/v1
  kind: MutatingWebhookConfiguration
  metadata: {{name: {name}, labels: {{{labels}}}}}
  webhooks:
  - name: rev.namespace.sidecar-injector.istio.io
    clientConfig: {{service: {{name: {svc}, namespace: istio-system}}}}
    rules: [{{operations: [CREATE], apiGroups: [''], apiVersions: [v1], resources: [pods]}}]
    namespaceSelector:
      matchExpressions:
      - {{key: istio.io/rev, operator: In, values: [{selected}]}}
      - {{key: istio-injection, operator: DoesNotExist}}
    objectSelector: {{matchExpressions: [{{key: sidecar.istio.io/inject, operator: NotIn, values: ['false']}}]}}
{extra})",
                     fmt::arg("name", name), fmt::arg("labels", labels), fmt::arg("selected", selected), fmt::arg("svc", svc),
                     fmt::arg("extra", extra));
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

// Issue 23 (row 1, item 1): the firing webhook names the revision; when the
// snapshot holds no ConfigMaps of it, its revision is played with the
// configuration at hand, and the report says so (it was an error before).
TEST_CASE("cluster snapshot (--cluster): a webhook whose revision has no ConfigMaps in the snapshot is played as that revision, and said",
          "[cluster]") {
  std::string without_canary = "apiVersion: v1\nkind: List\nitems:\n"
                               "- {apiVersion: v1, kind: Namespace, metadata: {name: b, labels: {istio.io/rev: canary}}}\n" +
                               webhooks("default") + webhooks("canary") + configmaps("default", "registry.default");
  Options o;
  o.report = ReportFormat::Json;
  Result r = run_with(without_canary, o);
  REQUIRE(r.rc == 0);
  CHECK_THAT(document_of(r.out, "api"), Catch::Contains("image: registry.default/proxyv2"));
  CHECK_THAT(r.err, Catch::Contains("revision canary: a webhook calls it") &&
                        Catch::Contains("played with the configuration of revision default"));
  CHECK_THAT(r.err, Catch::Contains(R"("name": "api", "action": "injected")") &&
                        Catch::Contains(R"("configuration": "istio-sidecar-injector-canary", "revision": "canary")"));
}

TEST_CASE("cluster snapshot (--cluster): a snapshot without webhooks or injector ConfigMaps says what to take", "[cluster]") {
  Result no_webhooks = run_with("apiVersion: v1\nkind: List\nitems:\n" + configmaps("default", "r"));
  CHECK(no_webhooks.rc != 0);
  CHECK_THAT(no_webhooks.err, Catch::Contains("mutatingwebhookconfigurations"));
  Result no_configmaps = run_with("apiVersion: v1\nkind: List\nitems:\n" + webhooks("default"));
  CHECK(no_configmaps.rc != 0);
  CHECK_THAT(no_configmaps.err, Catch::Contains("no istio-sidecar-injector ConfigMap"));
}

// ---------------------------------------------------------------- issue 23

namespace {

// Runs kinject with --rules over `rules` (and no configuration files: the
// built-in profile) on `workloads`; `more` adds options.
Result run_rules(const std::string& rules, const std::string& workloads, Options o = {}) {
  MemoryDisk disk;
  disk.add_file("rules.yaml", rules);
  disk.add_file("in.yaml", workloads);
  o.inputs = {"in.yaml"};
  if (o.rules.empty()) o.rules = "rules.yaml";
  std::istringstream in;
  std::ostringstream out, err;
  EnvLookup env = [](std::string_view) -> std::optional<std::string> { return std::nullopt; };
  int rc = run_inject(o, disk, in, out, err, env);
  return {rc, out.str(), err.str()};
}

std::string deployment_in(const std::string& ns, const std::string& namespace_labels) {
  return fmt::format("apiVersion: v1\nkind: Namespace\nmetadata: {{name: {0}, labels: {1}}}\n---\n"
                     "apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: web, namespace: {0}}}\nspec:\n  template:\n"
                     "    spec:\n      containers: [{{name: app, image: app:1}}]\n",
                     ns, namespace_labels);
}

}  // namespace

// Row 1: the revision of the webhook that fired. A namespace labelled
// istio.io/rev=canary is sent by the canary configuration's rev.namespace.
// webhook to istiod-canary, whose injector renders its own revision:
// pkg/kube/inject/webhook.go, Webhook.inject passes `revision: wh.revision`
// into InjectionParameters, and the chart's values carry `revision`, which
// the template's CA_ADDR (istiod-<revision>) and istio.io/rev label read.
TEST_CASE("firing webhook's revision: --rules with the default and canary configurations injects the canary revision",
          "[cluster][rules][issue23]") {
  std::string rules = "apiVersion: v1\nkind: List\nitems:\n" + webhooks("default") + webhooks("canary");
  Options o;
  o.report = ReportFormat::Json;
  Result r = run_rules(rules, deployment_in("shop", "{istio.io/rev: canary}"), o);
  REQUIRE(r.rc == 0);
  CHECK_THAT(r.out, Catch::Contains("istio.io/rev: canary") && Catch::Contains("istiod-canary.istio-system.svc:15012"));
  CHECK_THAT(r.out, !Catch::Contains("istiod.istio-system.svc:15012") && !Catch::Contains("istio.io/rev: default"));
  CHECK_THAT(r.err, Catch::Contains(R"("webhook": "rev.namespace.sidecar-injector.istio.io", "configuration": "istio-sidecar-injector-canary", "revision": "canary")"));
  CHECK_THAT(r.err, Catch::Contains("played with the configuration of revision default"));
  // The default revision's namespace stays with istiod.
  Result d = run_rules(rules, deployment_in("shop", "{istio-injection: enabled}"), o);
  REQUIRE(d.rc == 0);
  CHECK_THAT(d.out, Catch::Contains("istiod.istio-system.svc:15012") && Catch::Contains("istio.io/rev: default"));
  CHECK_THAT(d.err, Catch::Contains(R"("configuration": "istio-sidecar-injector", "revision": "default")"));
}

// Row 1, a revision tag: istio-revision-tag-prod (istio.io/rev: canary)
// calls istiod-canary for namespaces labelled istio.io/rev=prod.
TEST_CASE("firing webhook's revision: a revision tag injects the revision it points at", "[cluster][rules][issue23]") {
  std::string rules = "apiVersion: v1\nkind: List\nitems:\n" + webhooks("default") + webhooks("canary") + webhooks("canary", "prod");
  Result r = run_rules(rules, deployment_in("shop", "{istio.io/rev: prod}"));
  REQUIRE(r.rc == 0);
  CHECK_THAT(r.out, Catch::Contains("istiod-canary.istio-system.svc:15012") && Catch::Contains("istio.io/rev: canary"));
  CHECK_THAT(r.err, Catch::Contains("webhook rev.namespace.sidecar-injector.istio.io matched namespace shop label istio.io/rev=prod") &&
                        Catch::Contains("(revision canary)"));
}

// Row 7: a tag named `default` beside the default revision's own
// configuration, not deactivated: both namespace. webhooks select a
// namespace labelled istio-injection=enabled. The API server calls
// configurations by name (mutating_webhook_manager.go, sort ... ByName):
// istio-revision-tag-default (canary) first, then istio-sidecar-injector
// (default), whose injector injects again over the first; the pod ends as
// the default revision leaves it.
TEST_CASE("two configurations whose webhooks both fire: a warning naming both, and the output the last one leaves",
          "[cluster][rules][issue23]") {
  std::string rules = "apiVersion: v1\nkind: List\nitems:\n" + webhooks("default") + webhooks("canary") + webhooks("canary", "default");
  Options o;
  o.report = ReportFormat::Json;
  Result r = run_rules(rules, deployment_in("shop", "{istio-injection: enabled}"), o);
  REQUIRE(r.rc == 0);
  CHECK_THAT(r.err, Catch::Contains("2 webhooks fire for this pod: namespace.sidecar-injector.istio.io (of istio-revision-tag-default, "
                                    "revision canary) and namespace.sidecar-injector.istio.io (of istio-sidecar-injector, revision default)"));
  CHECK_THAT(r.out, Catch::Contains("istiod.istio-system.svc:15012") && !Catch::Contains("istiod-canary"));
  CHECK_THAT(r.err, Catch::Contains(R"("configuration": "istio-sidecar-injector", "revision": "default")"));
  // One proxy: the second injection replaced the first's.
  auto count = [](const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
  };
  CHECK(count(r.out, "name: istio-proxy") == 1);
}

// Row 4: matchConditions. The API server does not call a webhook whose
// conditions are false (admissionregistration/v1 MatchCondition, GA in
// 1.30); kinject has no CEL, so it refuses to guess unless told to.
TEST_CASE("webhook matchConditions: refused with the webhook and its conditions named; --ignore-match-conditions warns per workload",
          "[cluster][rules][issue23]") {
  std::string hooks = webhooks("default");
  std::string conditions = "    matchConditions:\n    - {name: not-batch, expression: \"!has(object.metadata.labels) || object.metadata.labels['tier'] != 'batch'\"}\n";
  auto at = hooks.find("  - name: namespace.sidecar-injector.istio.io");
  REQUIRE(at != std::string::npos);
  hooks += conditions;  // the last webhook of the configuration: namespace.
  std::string rules = "apiVersion: v1\nkind: List\nitems:\n" + hooks;
  Result refused = run_rules(rules, deployment_in("shop", "{istio-injection: enabled}"));
  CHECK(refused.rc == 1);
  CHECK(refused.out.empty());
  CHECK_THAT(refused.err, Catch::Contains("webhook namespace.sidecar-injector.istio.io (of istio-sidecar-injector) has matchConditions "
                                          "[not-batch: !has(object.metadata.labels) || object.metadata.labels['tier'] != 'batch']") &&
                              Catch::Contains("--ignore-match-conditions"));
  Options o;
  o.ignore_match_conditions = true;
  Result ignored = run_rules(rules, deployment_in("shop", "{istio-injection: enabled}"), o);
  REQUIRE(ignored.rc == 0);
  CHECK_THAT(ignored.out, Catch::Contains("name: istio-proxy"));
  CHECK_THAT(ignored.err, Catch::Contains("warning: deployment/web: webhook namespace.sidecar-injector.istio.io (of istio-sidecar-injector) "
                                          "has matchConditions") && Catch::Contains("taken as true"));
  // A webhook with conditions that does not fire for the pod concerns it not.
  Result other = run_rules(rules, deployment_in("shop", "{}"));
  CHECK(other.rc == 0);
}

// Row 9: flags beside --cluster win, --rules istio too (docs/cluster.md).
// The webhooks made for --rules istio call istiod[-REV] as the chart's do,
// so the revision they reach is the configured one.
TEST_CASE("a --cluster snapshot with --rules istio: Istio's default webhooks over the snapshot's configuration", "[cluster][rules][issue23]") {
  Options o;
  o.rules = "istio";
  Result r = run_with(snapshot("v1.33.1"), o);
  REQUIRE(r.rc == 0);
  CHECK_THAT(document_of(r.out, "web"), Catch::Contains("registry.default/proxyv2"));  // namespace a: istio-injection=enabled
  CHECK_THAT(r.err, Catch::Contains("deployment/batch (ns c): skipped"));
}

// A webhook that calls neither istiod nor carries istio.io/rev is some other
// product's mutation: it does not make Istio inject.
TEST_CASE("a firing webhook that is not Istio's does not inject", "[cluster][rules][issue23]") {
  std::string rules = R"(apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata: {name: vault-agent-injector-cfg}
webhooks:
- name: vault.hashicorp.com
  clientConfig: {service: {name: vault-agent-injector-svc, namespace: vault}}
  rules: [{operations: [CREATE], apiGroups: [''], apiVersions: [v1], resources: [pods]}]
)";
  Result r = run_rules(rules, deployment_in("shop", "{}"));
  REQUIRE(r.rc == 0);
  CHECK_THAT(r.out, !Catch::Contains("istio-proxy"));
  CHECK_THAT(r.err, Catch::Contains("skipped — no Istio webhook fired (only vault.hashicorp.com (of vault-agent-injector-cfg, calling "
                                    "vault/vault-agent-injector-svc), not Istio's injector)"));
}

// Item 4: what was given but decides nothing is said.
TEST_CASE("say what was not seen: --namespaces and injection-labelled Namespace objects without webhooks", "[cluster][issue23]") {
  MemoryDisk disk;
  disk.add_file("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {istio-injection: disabled}}\n");
  disk.add_file("in.yaml", deployment_in("shop", "{istio-injection: disabled}"));
  Options o;
  o.inputs = {"in.yaml"};
  o.namespaces_file = "ns.yaml";
  std::istringstream in;
  std::ostringstream out, err;
  EnvLookup env = [](std::string_view) -> std::optional<std::string> { return std::nullopt; };
  REQUIRE(run_inject(o, disk, in, out, err, env) == 0);
  CHECK_THAT(err.str(), Catch::Contains("warning: --namespaces ns.yaml: read nowhere") &&
                            Catch::Contains("warning: Namespace shop carries an injection label, which decides nothing here") &&
                            Catch::Contains("--rules istio"));
  // With webhooks they decide, and nothing is said.
  o.rules = "istio";
  std::ostringstream out2, err2;
  REQUIRE(run_inject(o, disk, in, out2, err2, env) == 0);
  CHECK_THAT(err2.str(), !Catch::Contains("decides nothing") && Catch::Contains("skipped — namespace shop has istio-injection=disabled"));
}
