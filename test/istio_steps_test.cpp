// Istio's injection steps, each on a small pod. The expectations are what
// Istio's functions of the same name do (pkg/kube/inject, 1.24).
#include "kinject/istio/inject_steps.h"

#include <catch2/catch.hpp>

#include "kinject/base/error.h"
#include "kinject/istio/config.h"
#include "kinject/istio/mesh.h"
#include "kinject/istio/release.h"
#include "kinject/istio/status.h"
#include "kinject/istio/template_data.h"
#include "kinject/k8s/pod.h"
#include "kinject/yaml/reader.h"

using namespace kinject;
using namespace kinject::istio;

namespace {

using Names = std::vector<std::string>;

// The release these steps' expectations are from.
const IstioRelease kRelease124{24, -1, "Istio 1.24"};

Node yaml(const char* text) {
  Node n = parse_yaml(text, "t.yaml");
  n.forget_source();
  return n;
}

Names names(const Node& pod, const char* field) { return pod::names_in(pod::container_list(pod, field)); }

std::string anno(const Node& pod, const char* key) { return pod::annotation(pod, key).value_or("<absent>"); }

std::string env(const Node& pod, const char* container, const char* name) {
  return pod::env_value(pod::find_container(pod::container_list(pod, "containers"), container), name).value_or("<absent>");
}

// Params for the steps that read only the configuration and the mesh.
struct Fixture {
  IstioConfig config;
  Templates templates;
  InjectionParams params;
  Fixture() {
    templates.config = &config;
    params.templates = &templates;
    params.mesh = yaml("defaultConfig: {}");
  }
};

}  // namespace

TEST_CASE("reorderPod: the proxy last, or first when the app waits for it", "[istio][steps]") {
  Node pod = yaml("spec: {containers: [{name: istio-proxy}, {name: app}, {name: log}]}");
  reorder_containers(pod, false);
  CHECK(names(pod, "containers") == Names{"app", "log", "istio-proxy"});
  reorder_containers(pod, true);
  CHECK(names(pod, "containers") == Names{"istio-proxy", "app", "log"});
}

TEST_CASE("reorderPod: validation first and iptables last; native sidecars put Istio's first", "[istio][steps]") {
  Node classic = yaml("spec: {initContainers: [{name: istio-init}, {name: enable-core-dump}, {name: setup}]}");
  reorder_containers(classic, false);
  CHECK(names(classic, "initContainers") == Names{"setup", "istio-init", "enable-core-dump"});

  Node cni = yaml("spec: {initContainers: [{name: setup}, {name: istio-validation}]}");
  reorder_containers(cni, false);
  CHECK(names(cni, "initContainers") == Names{"istio-validation", "setup"});

  // {istio-init/istio-validation} => proxy => rest.
  Node native = yaml("spec: {initContainers: [{name: setup}, {name: istio-proxy}, {name: enable-core-dump}, {name: istio-init}]}");
  reorder_containers(native, false);
  CHECK(names(native, "initContainers") == Names{"istio-init", "istio-proxy", "enable-core-dump", "setup"});
}

TEST_CASE("reorderPod reads holdApplicationUntilProxyStarts from the proxy config or the values", "[istio][steps]") {
  Fixture f;
  Node pod = yaml("spec: {containers: [{name: app}, {name: istio-proxy}]}");
  // params.proxy: the pod's effective proxy config (proxy_config.h).
  f.params.proxy = yaml("{holdApplicationUntilProxyStarts: true}");
  reorder_pod(pod, f.params);
  CHECK(names(pod, "containers") == Names{"istio-proxy", "app"});
  f.params.proxy = yaml("{}");
  reorder_pod(pod, f.params);
  CHECK(names(pod, "containers") == Names{"app", "istio-proxy"});
  f.config.values = yaml("global: {proxy: {holdApplicationUntilProxyStarts: true}}");
  reorder_pod(pod, f.params);
  CHECK(names(pod, "containers") == Names{"istio-proxy", "app"});
}

TEST_CASE("applyPrometheusMerge points scraping at the agent and records the user's", "[istio][steps]") {
  Node mesh = yaml("defaultConfig: {}");
  Node pod = yaml(R"(metadata:
  annotations: {prometheus.io/scrape: "true", prometheus.io/port: "8080", prometheus.io/path: /metrics}
spec: {containers: [{name: app}, {name: istio-proxy}]}
)");
  apply_prometheus_merge(pod, mesh, "15020", kRelease124);
  CHECK(anno(pod, "prometheus.io/port") == "15020");
  CHECK(anno(pod, "prometheus.io/path") == "/stats/prometheus");
  CHECK(anno(pod, "prometheus.io/scrape") == "true");
  // status.PrometheusScrapeConfiguration marshalled: scrape, path, port.
  CHECK(env(pod, "istio-proxy", "ISTIO_PROMETHEUS_ANNOTATIONS") == R"({"scrape":"true","path":"/metrics","port":"8080"})");

  SECTION("already on the status port: a re-injection, left alone") {
    Node again = pod;
    apply_prometheus_merge(again, mesh, "15020", kRelease124);
    CHECK(again.same_value(pod));
  }
}

TEST_CASE("applyPrometheusMerge: no user annotations, nothing recorded; every spelling replaced", "[istio][steps]") {
  Node mesh = yaml("defaultConfig: {}");
  Node bare = yaml("spec: {containers: [{name: app}, {name: istio-proxy}]}");
  apply_prometheus_merge(bare, mesh, "15020", kRelease124);
  CHECK(anno(bare, "prometheus.io/port") == "15020");
  CHECK(env(bare, "istio-proxy", "ISTIO_PROMETHEUS_ANNOTATIONS") == "<absent>");

  // Prometheus sanitises prometheus_io/port to the same label.
  Node variant = yaml("metadata: {annotations: {prometheus_io/port: '9090'}}\nspec: {containers: [{name: istio-proxy}]}");
  apply_prometheus_merge(variant, mesh, "15020", kRelease124);
  CHECK(anno(variant, "prometheus_io/port") == "<absent>");
  CHECK(anno(variant, "prometheus.io/port") == "15020");
  CHECK(env(variant, "istio-proxy", "ISTIO_PROMETHEUS_ANNOTATIONS") == R"({"scrape":"","path":"","port":"9090"})");
}

TEST_CASE("applyPrometheusMerge is off for scrape false, merge-metrics false, or the mesh's setting", "[istio][steps]") {
  const char* spec = "spec: {containers: [{name: istio-proxy}]}\n";
  for (const char* meta : {"metadata: {annotations: {prometheus.io/scrape: 'false'}}\n",
                           "metadata: {annotations: {prometheus.istio.io/merge-metrics: 'false'}}\n"}) {
    Node pod = yaml((std::string(meta) + spec).c_str());
    Node before = pod;
    apply_prometheus_merge(pod, yaml("defaultConfig: {}"), "15020", kRelease124);
    CHECK(pod.same_value(before));
  }
  Node pod = yaml(spec);
  apply_prometheus_merge(pod, yaml("{defaultConfig: {}, enablePrometheusMerge: false}"), "15020", kRelease124);
  CHECK(anno(pod, "prometheus.io/port") == "<absent>");
}

TEST_CASE("overwriteClusterInfo replaces the cluster envs, appended in key order", "[istio][steps]") {
  Node pod = yaml(R"(spec:
  containers:
  - name: istio-proxy
    env: [{name: ISTIO_META_NETWORK, value: old}, {name: X, value: '1'}]
)");
  overwrite_cluster_info(pod, {{"ISTIO_META_NETWORK", "net1"}, {"ISTIO_META_CLUSTER_ID", "c1"}});
  const Node* e = pod.at_path("spec.containers")->items[0].get("env");
  REQUIRE(e->items.size() == 3);
  CHECK(pod::names_in(e) == Names{"X", "ISTIO_META_CLUSTER_ID", "ISTIO_META_NETWORK"});
  CHECK(env(pod, "istio-proxy", "ISTIO_META_NETWORK") == "net1");
}

TEST_CASE("adjustInitContainerUser: the user's proxy uid reaches the iptables rules", "[istio][steps]") {
  Node original = yaml("spec: {containers: [{name: istio-proxy, securityContext: {runAsUser: 1000, runAsGroup: 2000}}]}");
  Node proxy_config = yaml("{}");
  Node merged = yaml(R"(spec:
  initContainers: [{name: istio-init, args: [istio-iptables, -u, '1337', -m, REDIRECT]}]
  containers: [{name: istio-proxy}]
)");
  adjust_init_container_user(merged, original, proxy_config);
  CHECK(merged.at_path("spec.initContainers")->items[0].get("args")->items[2].scalar_text() == "1000");

  SECTION("under the CNI, the validation container runs as the user") {
    Node cni = yaml("spec: {initContainers: [{name: istio-validation}], containers: [{name: istio-proxy}]}");
    adjust_init_container_user(cni, original, proxy_config);
    const Node& v = cni.at_path("spec.initContainers")->items[0];
    CHECK(pod::str_at(&v, "securityContext.runAsUser") == "1000");
    CHECK(pod::str_at(&v, "securityContext.runAsGroup") == "2000");
  }
  SECTION("TPROXY: the proxy runs as root") {
    Node tproxy = yaml("spec: {initContainers: [{name: istio-init}], containers: [{name: istio-proxy}]}");
    adjust_init_container_user(tproxy, original, yaml("{interceptionMode: TPROXY}"));
    CHECK(pod::str_at(&tproxy.at_path("spec.containers")->items[0], "securityContext.runAsUser") == "0");
  }
}

TEST_CASE("reapplyOverwrittenContainers: the user's container wins and is recorded once", "[istio][steps]") {
  Fixture f;
  Node original = yaml(R"(spec:
  containers:
  - {name: app, image: app:1}
  - {name: istio-proxy, image: auto, resources: {limits: {cpu: '2'}}}
)");
  Node template_pod = yaml("spec: {containers: [{name: istio-proxy, image: proxyv2, args: [proxy, sidecar]}]}");
  Node merged = yaml(R"(spec:
  containers:
  - {name: app, image: app:1}
  - {name: istio-proxy, image: proxyv2, args: [proxy, sidecar]}
)");
  reapply_overwritten_containers(merged, original, template_pod, f.params);
  const Node* proxy = pod::find_container(pod::container_list(merged, "containers"), "istio-proxy");
  REQUIRE(proxy);
  CHECK(pod::str_at(proxy, "image") == "proxyv2");  // `auto`: the template's image
  CHECK(pod::str_at(proxy, "resources.limits.cpu") == "2");
  std::string overrides = anno(merged, "proxy.istio.io/overrides");
  CHECK_THAT(overrides, Catch::StartsWith(R"({"containers":[{"name":"istio-proxy",)"));
  CHECK_THAT(overrides, Catch::Contains(R"("limits":{"cpu":"2"})"));
  CHECK_THAT(overrides, !Catch::Contains("auto"));

  SECTION("an injected pod keeps the record it has") {
    Node injected = original;
    pod::annotations_of(injected).set(kIstioStatusAnnotation, Node::string(R"({"containers":["istio-proxy"]})"));
    Node again = yaml("spec: {containers: [{name: app}, {name: istio-proxy, image: proxyv2}]}");
    reapply_overwritten_containers(again, injected, template_pod, f.params);
    CHECK(anno(again, "proxy.istio.io/overrides") == "<absent>");
  }
}

TEST_CASE("applyRewrite sends the app's probes through the agent and records the originals", "[istio][steps]") {
  Fixture f;
  f.config.values = yaml("sidecarInjectorWebhook: {rewriteAppHTTPProbe: true}");
  f.params.status_port = 15020;
  Node pod = yaml(R"(spec:
  containers:
  - name: app
    ports: [{name: http, containerPort: 8080}]
    readinessProbe: {httpGet: {path: /ready, port: http}, periodSeconds: 5}
  - name: istio-proxy
)");
  CHECK(apply_rewrite(pod, f.params).empty());
  const Node& app = pod.at_path("spec.containers")->items[0];
  CHECK(pod::str_at(&app, "readinessProbe.httpGet.path") == "/app-health/app/readyz");
  CHECK(pod::str_at(&app, "readinessProbe.httpGet.port") == "15020");
  CHECK(pod::str_at(&app, "readinessProbe.periodSeconds") == "5");
  // The named port resolved: the agent probes the number.
  CHECK(env(pod, "istio-proxy", "ISTIO_KUBE_APP_PROBERS") == R"({"/app-health/app/readyz":{"httpGet":{"path":"/ready","port":8080}}})");

  SECTION("sidecar.istio.io/rewriteAppHTTPProbers: false leaves the probes alone") {
    Node off = yaml(R"(metadata: {annotations: {sidecar.istio.io/rewriteAppHTTPProbers: 'false'}}
spec: {containers: [{name: app, readinessProbe: {tcpSocket: {port: 80}}}, {name: istio-proxy}]}
)");
    Node before = off;
    apply_rewrite(off, f.params);
    CHECK(off.same_value(before));
  }
}

// Istio 1.25 (app_probe.go convertAppLifecycleHandler, hello-probes.yaml's
// golden): httpGet and tcpSocket hooks go through the agent too, recorded
// without a timeout, after the probes (keys sorted); exec hooks stay.
TEST_CASE("applyRewrite: lifecycle hooks through the agent from Istio 1.25, not in 1.24", "[istio][steps][release]") {
  Fixture f;
  f.config.values = yaml("sidecarInjectorWebhook: {rewriteAppHTTPProbe: true}");
  f.params.status_port = 15020;
  const char* text = R"(spec:
  containers:
  - name: hello
    ports: [{name: http, containerPort: 80}]
    livenessProbe: {httpGet: {port: http}}
    lifecycle:
      preStop: {httpGet: {port: 91, host: h, scheme: HTTPS}}
      postStart: {tcpSocket: {port: 93}}
  - name: side
    lifecycle: {preStop: {exec: {command: [sleep, '5']}}}
  - name: istio-proxy
)";
  SECTION("1.25 and later") {
    f.config.release = parse_istio_release("1.25");
    Node pod = yaml(text);
    CHECK(apply_rewrite(pod, f.params).empty());
    const Node& hello = pod.at_path("spec.containers")->items[0];
    CHECK(pod::str_at(&hello, "lifecycle.postStart.httpGet.path") == "/app-lifecycle/hello/poststartz");
    CHECK(pod::str_at(&hello, "lifecycle.postStart.httpGet.port") == "15020");
    CHECK(hello.at_path("lifecycle.postStart.tcpSocket") == nullptr);
    CHECK(pod::str_at(&hello, "lifecycle.preStop.httpGet.path") == "/app-lifecycle/hello/prestopz");
    CHECK(pod::str_at(&hello, "lifecycle.preStop.httpGet.host") == "h");        // kept (DeepCopy)
    CHECK(pod::str_at(&hello, "lifecycle.preStop.httpGet.scheme") == "HTTP");   // HTTPS -> HTTP
    const Node& side = pod.at_path("spec.containers")->items[1];
    CHECK(side.at_path("lifecycle.preStop.exec") != nullptr);
    CHECK(env(pod, "istio-proxy", "ISTIO_KUBE_APP_PROBERS") ==
          R"({"/app-health/hello/livez":{"httpGet":{"port":80}},"/app-lifecycle/hello/poststartz":{"tcpSocket":{"port":93}},)"
          R"("/app-lifecycle/hello/prestopz":{"httpGet":{"port":91,"host":"h","scheme":"HTTPS"}}})");
  }
  SECTION("1.24") {
    f.config.release = parse_istio_release("1.24");
    Node pod = yaml(text);
    apply_rewrite(pod, f.params);
    const Node& hello = pod.at_path("spec.containers")->items[0];
    CHECK(pod::str_at(&hello, "lifecycle.postStart.tcpSocket.port") == "93");
    CHECK(pod::str_at(&hello, "lifecycle.preStop.httpGet.port") == "91");
    CHECK(env(pod, "istio-proxy", "ISTIO_KUBE_APP_PROBERS") == R"({"/app-health/hello/livez":{"httpGet":{"port":80}}})");
  }
}

// Istio 1.27 (webhook.go mergeOrAppendProbers): a re-injected pod whose
// proxy lacks ISTIO_KUBE_APP_PROBERS gets it; before, the probers were lost.
TEST_CASE("applyRewrite: re-injection appends a missing ISTIO_KUBE_APP_PROBERS from Istio 1.27", "[istio][steps][release]") {
  Fixture f;
  f.config.values = yaml("sidecarInjectorWebhook: {rewriteAppHTTPProbe: true}");
  f.config.status_annotation = "sidecar.istio.io/status";
  f.params.status_port = 15020;
  const char* text = R"(metadata: {annotations: {sidecar.istio.io/status: '{}'}}
spec:
  containers:
  - {name: app, readinessProbe: {tcpSocket: {port: 80}}}
  - {name: istio-proxy, env: [{name: X, value: '1'}]}
)";
  f.config.release = parse_istio_release("1.27");
  Node pod = yaml(text);
  apply_rewrite(pod, f.params);
  CHECK(env(pod, "istio-proxy", "ISTIO_KUBE_APP_PROBERS") == R"({"/app-health/app/readyz":{"tcpSocket":{"port":80}}})");
  f.config.release = parse_istio_release("1.26");
  Node old = yaml(text);
  apply_rewrite(old, f.params);
  CHECK(env(old, "istio-proxy", "ISTIO_KUBE_APP_PROBERS") == "<absent>");
}

TEST_CASE("templates that put the proxy in both lists are refused, not written (sidecar-spire under native sidecars)",
          "[istio][steps][release]") {
  Node both = yaml("spec: {initContainers: [{name: istio-init}, {name: istio-proxy}], containers: [{name: istio-proxy}]}");
  try {
    check_template_lists(both, {"sidecar", "spire"});
    FAIL("accepted");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("templates sidecar, spire put a container named \"istio-proxy\" under both") !=
          std::string::npos);
    CHECK(std::string(e.what()).find("must name it under initContainers") != std::string::npos);
  }
  CHECK_NOTHROW(check_template_lists(yaml("spec: {initContainers: [{name: istio-proxy}], containers: [{name: app}]}"), {"sidecar"}));
}

TEST_CASE("stripPod removes what the status records, and Istio's Prometheus annotations", "[istio][steps]") {
  Node pod = yaml(R"(metadata:
  annotations:
    sidecar.istio.io/status: '{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["istio-envoy"]}'
    prometheus.io/port: '15020'
spec:
  initContainers: [{name: istio-init}, {name: setup}]
  containers: [{name: app}, {name: istio-proxy}]
)");
  Node stripped = strip_pod(pod, kIstioStatusAnnotation, std::string("15020"), kRelease124);
  CHECK(names(stripped, "containers") == Names{"app"});
  CHECK(names(stripped, "initContainers") == Names{"setup"});
  CHECK(anno(stripped, "sidecar.istio.io/status") == "<absent>");
  CHECK(anno(stripped, "prometheus.io/port") == "<absent>");
  // A template of one's own sets no Prometheus annotations.
  CHECK(anno(strip_pod(pod, kIstioStatusAnnotation, std::nullopt, kRelease124), "prometheus.io/port") == "15020");
  // Not injected: the pod as it is.
  CHECK(strip_pod(stripped, kIstioStatusAnnotation, std::string("15020"), kRelease124).same_value(stripped));
}

TEST_CASE("selectTemplates and resolveAliases", "[istio][steps]") {
  Fixture f;
  f.config.aliases["both"] = {"sidecar", "extra"};
  f.params.pod = yaml("spec: {}");
  CHECK(select_templates(f.params) == Names{"sidecar"});
  f.params.pod = yaml("metadata: {annotations: {inject.istio.io/templates: 'gateway, both'}}");
  CHECK(select_templates(f.params) == Names{"gateway", "sidecar", "extra"});
}

TEST_CASE("SidecarTemplateData: each field under its own name", "[istio][steps]") {
  SidecarTemplateData d;
  d.revision = "canary";
  d.proxy_image = "hub/proxyv2:1.24";
  d.proxy_init_image = "hub/proxyv2:init";
  d.proxy_uid = 1001;
  d.proxy_gid = 1002;
  d.inbound_traffic_policy_mode = "localhost";
  d.compliance_policy = "fips-140-2";
  d.native_sidecars = true;
  auto t = tmpl::Template::parse(
      "t", "{{.Revision}} {{.ProxyImage}} {{.ProxyInitImage}} {{.ProxyUID}} {{.ProxyGID}} {{.InboundTrafficPolicyMode}} "
           "{{.CompliancePolicy}} {{.NativeSidecars}}",
      {});
  CHECK(t.execute("t", to_value(d)) == "canary hub/proxyv2:1.24 hub/proxyv2:init 1001 1002 localhost fips-140-2 true");
}

TEST_CASE("the mesh seam: the status key and the decision come from the configuration", "[istio][mesh]") {
  EnvLookup env = [](std::string_view) -> std::optional<std::string> { return std::nullopt; };
  IstioConfig own;
  own.istio = false;
  own.status_annotation = kGenericStatusAnnotation;
  Mesh generic = make_mesh(own, env);
  CHECK(generic.status_annotation == "kinject.io/status");
  Mesh istio = make_mesh(IstioConfig{}, env, InjectPolicy::Disabled);
  CHECK(istio.status_annotation == "sidecar.istio.io/status");
  Node pod = yaml("metadata: {labels: {app: web}}\nspec: {containers: [{name: app}]}");
  Decision d = istio.decide(pod_facts(pod, "shop"), nullptr);
  CHECK_FALSE(d.inject);
  CHECK(d.reason == "injection policy is disabled and the pod does not opt in");
  // Sent through a webhook, the decision names it.
  Node labelled = yaml("metadata: {labels: {sidecar.istio.io/inject: 'true'}}\nspec: {containers: [{name: app}]}");
  WebhookRules hooks = istio.default_webhooks();
  Namespaces none;
  WebhookMatch m = match_webhooks(pod_facts(labelled, "shop"), hooks, none);
  REQUIRE(m.fired);
  Decision w = istio.decide(pod_facts(labelled, "shop"), &m);
  CHECK(w.inject);
  CHECK(w.webhook == "object.sidecar-injector.istio.io");
}

// A call with the built-in profile parses only the template its pods use
// (the profile has four, each over 25 KB with the shared named templates);
// a template given in a file, or changed, is parsed first, as Istio does.
TEST_CASE("parse_templates: a built-in template is parsed when first used, any other at once", "[istio][steps]") {
  IstioConfig cfg = builtin_config(parse_istio_release("1.30"));
  REQUIRE(cfg.templates.size() >= 4);
  Templates t = parse_templates(cfg, {});
  CHECK(t.parsed.empty());
  REQUIRE(t.find("sidecar"));
  CHECK(t.parsed.size() == 1);
  CHECK(t.find("nosuch") == nullptr);

  cfg.templates["gateway"] = "metadata: {{ .Nope }\n";
  CHECK_THROWS_WITH(parse_templates(cfg, {}), Catch::Contains("invalid injection template \"gateway\""));
  cfg.templates["gateway"] = "metadata: {}\n";
  CHECK(parse_templates(cfg, {}).parsed.size() == 1);
}
