#include "kinject/istio/uninject.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include "support.h"
#include <fmt/format.h>

#include "kinject/istio/config.h"
#include "kinject/base/disk.h"
#include "kinject/base/error.h"
#include "kinject/istio/injector.h"
#include "kinject/pipeline/pipeline.h"
#include "kinject/yaml/reader.h"
#include "kinject/k8s/workloads.h"
#include "kinject/k8s/strategic_merge.h"
#include "kinject/yaml/writer.h"

using namespace kinject;
using namespace kinject::test;

namespace {

Node yaml(std::string_view text) { return parse_yaml(text, "test.yaml"); }

const Node* container(const Node& pod, const char* list, std::string_view name) {
  const Node* l = pod.at_path(std::string("spec.") + list);
  if (!l) return nullptr;
  for (const auto& c : l->items)
    if (c.get("name") && c.get("name")->scalar_text() == name) return &c;
  return nullptr;
}

struct RoundTrip {
  Node original, injected, uninjected, reinjected;
  UninjectOutcome outcome;
};

RoundTrip round_trip(std::string_view manifest, const Injector& injector) {
  Node root = yaml(manifest);
  auto ws = find_workloads(root, WorkloadCatalog{});
  REQUIRE(ws.size() == 1);
  RoundTrip r;
  r.original = *ws[0].pod(root);
  injector.inject(root, ws[0]);
  r.injected = *ws[0].pod(root);
  r.outcome = uninject_pod(*ws[0].pod(root), injector.config().status_annotation);
  r.uninjected = *ws[0].pod(root);
  injector.inject(root, ws[0]);
  r.reinjected = *ws[0].pod(root);
  return r;
}

void check_round_trip(const RoundTrip& r) {
  INFO("uninjected vs original: " << difference(r.original, r.uninjected));
  CHECK(r.uninjected.same_value(r.original));
  INFO("reinjected vs injected: " << difference(r.injected, r.reinjected));
  CHECK(r.reinjected.same_value(r.injected));
}

// A pod as the built-in sidecar leaves it (trimmed to what uninject reads).
const char* kInjected = R"(
metadata:
  labels:
    app: web
    security.istio.io/tlsMode: istio
    service.istio.io/canonical-name: web
    service.istio.io/canonical-revision: latest
  annotations:
    team: shop
    sidecar.istio.io/status: '{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["istio-envoy","istio-data"],"imagePullSecrets":["istio-pull"],"revision":"default"}'
    istio.io/rev: default
    kubectl.kubernetes.io/default-logs-container: app
    kubectl.kubernetes.io/default-container: app
spec:
  containers:
  - name: app
    image: web:1
    volumeMounts:
    - name: data
      mountPath: /data
  - name: istio-proxy
    image: docker.io/istio/proxyv2:1.24.6
    env:
    - name: ISTIO_META_APP_CONTAINERS
      value: app
    - name: ISTIO_META_WORKLOAD_NAME
      value: web
    volumeMounts:
    - name: istio-envoy
      mountPath: /etc/istio/proxy
  initContainers:
  - name: istio-init
    image: docker.io/istio/proxyv2:1.24.6
  volumes:
  - name: istio-envoy
    emptyDir:
      medium: Memory
  - name: istio-data
    emptyDir: {}
  - name: data
    emptyDir: {}
  imagePullSecrets:
  - name: istio-pull
  - name: registry
)";

const char* kOriginal = R"(
metadata:
  labels:
    app: web
  annotations:
    team: shop
spec:
  containers:
  - name: app
    image: web:1
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    emptyDir: {}
  imagePullSecrets:
  - name: registry
)";

}  // namespace

TEST_CASE("uninject: a pod without a status annotation is left alone, with the reason", "[uninject]") {
  Node pod = yaml(kOriginal);
  Node before = pod;
  auto out = uninject_pod(pod);
  CHECK_FALSE(out.changed);
  CHECK(out.removed.empty());
  CHECK(out.reason == "no sidecar.istio.io/status annotation");
  CHECK(pod.same_value(before));

  Node bare = yaml("spec:\n  containers:\n  - name: app\n");
  CHECK(uninject_pod(bare, "kinject.io/status").reason == "no kinject.io/status annotation");
}

TEST_CASE("uninject: a status annotation that is not a JSON object is an error", "[uninject]") {
  for (const char* bad : {"'{\"containers\": [\"istio-proxy\"'", "not json at all", "'[\"istio-proxy\"]'"}) {
    INFO(bad);
    Node pod = yaml(fmt::format("metadata:\n  annotations:\n    sidecar.istio.io/status: {}\nspec: {{containers: [{{name: app}}]}}\n", bad));
    Node before = pod;
    CHECK_THROWS_AS(uninject_pod(pod), Error);
    CHECK_THROWS_WITH(uninject_pod(pod), Catch::Contains("annotation 'sidecar.istio.io/status'"));
    CHECK(pod.same_value(before));
  }
  Node bad_overrides = yaml(R"(
metadata:
  annotations:
    sidecar.istio.io/status: '{"containers":["istio-proxy"]}'
    proxy.istio.io/overrides: '{"containers":[{"name":'
spec:
  containers:
  - name: istio-proxy
)");
  CHECK_THROWS_WITH(uninject_pod(bad_overrides), Catch::Contains("proxy.istio.io/overrides"));
}

TEST_CASE("uninject: what the status names goes, everything else stays as it was", "[uninject]") {
  Node pod = read_all(kInjected, "t.yaml").at(0).root;  // as read from a file, with source spans
  const Node app_before = pod.at_path("spec.containers")->items[0];
  auto out = uninject_pod(pod);
  CHECK(out.changed);
  CHECK(out.removed == std::vector<std::string>{"istio-proxy", "istio-init"});
  CHECK(out.reason.empty());
  INFO(difference(yaml(kOriginal), pod));
  CHECK(pod.same_value(yaml(kOriginal)));
  // The user's nodes are the very nodes that were read, source spans included.
  const Node& app = pod.at_path("spec.containers")->items[0];
  CHECK(app.has_span);
  CHECK(app.span.begin == app_before.span.begin);
  CHECK(pod.at_path("metadata.annotations")->entries[0].key.text == "team");
}

TEST_CASE("uninject: names the status lists but the pod lacks are skipped", "[uninject]") {
  Node pod = yaml(R"(
metadata:
  annotations:
    sidecar.istio.io/status: '{"initContainers":null,"containers":["istio-proxy","gone"],"volumes":["nowhere"],"imagePullSecrets":null,"revision":"default"}'
spec:
  containers:
  - name: app
  - name: istio-proxy
)");
  auto out = uninject_pod(pod);
  CHECK(out.removed == std::vector<std::string>{"istio-proxy"});
  CHECK(pod.same_value(yaml("spec:\n  containers:\n  - name: app\n")));
}

TEST_CASE("uninject: labels and annotations go only with the values injection gives them", "[uninject]") {
  Node pod = yaml(kInjected);
  Node& labels = *pod.at_path("metadata.labels");
  labels.set("security.istio.io/tlsMode", Node::string("disabled"));          // the user's: injection keeps it
  labels.set("service.istio.io/canonical-name", Node::string("storefront"));  // the user's
  labels.set("version", Node::string("v2"));
  labels.set("service.istio.io/canonical-revision", Node::string("v2"));      // derived from version
  labels.set("topology.istio.io/network", Node::string("net1"));              // kept: see uninject.h
  Node& annos = *pod.at_path("metadata.annotations");
  annos.set("kubectl.kubernetes.io/default-container", Node::string("sidecar-helper"));  // not the first app: the user's
  annos.set("istio.io/rev", Node::string("canary"));  // not the status's revision
  uninject_pod(pod);
  const Node& l = *pod.at_path("metadata.labels");
  CHECK(l.get("security.istio.io/tlsMode")->text == "disabled");
  CHECK(l.get("service.istio.io/canonical-name")->text == "storefront");
  CHECK_FALSE(l.get("service.istio.io/canonical-revision"));
  CHECK(l.get("topology.istio.io/network")->text == "net1");
  const Node& a = *pod.at_path("metadata.annotations");
  CHECK(a.get("kubectl.kubernetes.io/default-container")->text == "sidecar-helper");
  CHECK_FALSE(a.get("kubectl.kubernetes.io/default-logs-container"));
  CHECK(a.get("istio.io/rev")->text == "canary");
}

TEST_CASE("uninject: a default container the user named before istio.io/rev is the user's", "[uninject]") {
  // The template appends kubectl's annotations after istio.io/rev, and only
  // when absent; one written by the user comes first.
  Node pod = yaml(R"(
metadata:
  annotations:
    kubectl.kubernetes.io/default-container: app
    sidecar.istio.io/status: '{"containers":["istio-proxy"]}'
    istio.io/rev: default
    kubectl.kubernetes.io/default-logs-container: app
spec:
  containers:
  - name: app
  - name: istio-proxy
)");
  uninject_pod(pod);
  CHECK(pod.same_value(yaml("{metadata: {annotations: {kubectl.kubernetes.io/default-container: app}}, spec: {containers: [{name: app}]}}")));

  // Sorted keys (Go's encoders: istioctl kube-inject, kubectl get) say
  // nothing about who wrote what: the values decide.
  Node sorted = yaml(R"(
metadata:
  annotations:
    istio.io/rev: default
    kubectl.kubernetes.io/default-container: app
    kubectl.kubernetes.io/default-logs-container: app
    sidecar.istio.io/status: '{"containers":["istio-proxy"]}'
spec:
  containers:
  - name: app
  - name: istio-proxy
)");
  uninject_pod(sorted);
  CHECK(sorted.same_value(yaml("spec:\n  containers:\n  - name: app\n")));
}

TEST_CASE("uninject: the canonical name falls back to the workload's name, cut as the template cuts it", "[uninject]") {
  std::string long_name(62, 'w');
  long_name += "-tail";
  Node pod = yaml(fmt::format(R"(
metadata:
  labels:
    service.istio.io/canonical-name: {}
    service.istio.io/canonical-revision: latest
  annotations:
    sidecar.istio.io/status: '{{"containers":["istio-proxy"]}}'
spec:
  containers:
  - name: app
  - name: istio-proxy
    env:
    - name: ISTIO_META_WORKLOAD_NAME
      value: {}
)",
                              std::string(62, 'w'), long_name));
  uninject_pod(pod);
  CHECK(pod.same_value(yaml("spec:\n  containers:\n  - name: app\n")));
}

TEST_CASE("uninject: a container the user defined comes back from proxy.istio.io/overrides", "[uninject]") {
  Node pod = yaml(R"(
metadata:
  annotations:
    sidecar.istio.io/status: '{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":null,"imagePullSecrets":null,"revision":"default"}'
    proxy.istio.io/overrides: '{"containers":[{"name":"istio-proxy","resources":{"requests":{"cpu":"3"}}}],"initContainers":[{"name":"istio-init","image":"my/init:1","resources":{}}]}'
spec:
  containers:
  - name: app
  - name: istio-proxy
    image: docker.io/istio/proxyv2:1.24.6
    resources:
      requests:
        cpu: 3000m
        memory: 128Mi
    env:
    - name: ISTIO_META_APP_CONTAINERS
      value: app
  initContainers:
  - name: istio-init
    image: my/init:1
    args: [istio-iptables]
)");
  auto out = uninject_pod(pod);
  CHECK(out.removed.empty());
  CHECK(out.restored == std::vector<std::string>{"istio-proxy", "istio-init"});
  // image "auto" (which the record drops) is back, after the name; the
  // spelling 3000m survives Go's canonical "3"; Go's `resources: {}` is gone.
  Node want = yaml(R"(
spec:
  containers:
  - name: app
  - name: istio-proxy
    image: auto
    resources:
      requests:
        cpu: 3000m
  initContainers:
  - name: istio-init
    image: my/init:1
)");
  INFO(difference(want, pod));
  CHECK(pod.same_value(want));
  CHECK(pod.at_path("spec.containers")->items[1].entries[1].key.text == "image");
}

TEST_CASE("uninject: rewritten probes get their recorded handler back in place", "[uninject]") {
  Node pod = yaml(R"(
metadata:
  annotations:
    sidecar.istio.io/status: '{"containers":["istio-proxy"]}'
spec:
  containers:
  - name: app
    livenessProbe:
      httpGet:
        port: 15020
        path: /app-health/app/livez
        scheme: HTTP
        httpHeaders:
        - name: X-Probe
          value: "1"
      periodSeconds: 5
    readinessProbe:
      initialDelaySeconds: 3
      httpGet:
        path: /app-health/app/readyz
        port: 15020
      timeoutSeconds: 2
    startupProbe:
      httpGet:
        path: /app-health/app/startupz
        port: 15020
      failureThreshold: 30
  - name: helper
    livenessProbe:
      httpGet:
        path: /app-health/helper/livez
        port: 15020
    readinessProbe:
      httpGet:
        path: /app-health/helper/readyz
        port: 15020
  - name: istio-proxy
    env:
    - name: ISTIO_KUBE_APP_PROBERS
      value: '{"/app-health/app/livez":{"httpGet":{"path":"/live","port":8080,"scheme":"HTTPS","httpHeaders":[{"name":"X-Probe","value":"1"}]}},"/app-health/app/readyz":{"tcpSocket":{"port":8081},"timeoutSeconds":2},"/app-health/app/startupz":{"grpc":{"port":9000,"service":"health"}},"/app-health/helper/livez":{"httpGet":{"port":7000}}}'
)");
  auto out = uninject_pod(pod);
  Node want = yaml(R"(
spec:
  containers:
  - name: app
    livenessProbe:
      httpGet:
        port: 8080
        path: /live
        scheme: HTTPS
        httpHeaders:
        - name: X-Probe
          value: "1"
      periodSeconds: 5
    readinessProbe:
      initialDelaySeconds: 3
      tcpSocket:
        port: 8081
      timeoutSeconds: 2
    startupProbe:
      grpc:
        port: 9000
        service: health
      failureThreshold: 30
  - name: helper
    livenessProbe:
      httpGet:
        port: 7000
    readinessProbe:
      httpGet:
        path: /app-health/helper/readyz
        port: 15020
)");
  INFO(difference(want, pod));
  CHECK(pod.same_value(want));
  // The handler takes the rewritten httpGet's place; the user's key order stays.
  const Node& app = pod.at_path("spec.containers")->items[0];
  CHECK(app.get("readinessProbe")->entries[1].key.text == "tcpSocket");
  CHECK(app.get("startupProbe")->entries[0].key.text == "grpc");
  CHECK(app.at_path("livenessProbe.httpGet")->entries[0].key.text == "port");
  // A probe with no record (it was on the status port before) is reported.
  REQUIRE(out.warnings.size() == 1);
  CHECK_THAT(out.warnings[0], Catch::Contains("readinessProbe of container helper"));
}

// Istio 1.25+ sends httpGet and tcpSocket lifecycle hooks through the agent
// as it does probes (hello-probes.yaml of Istio's goldens).
TEST_CASE("uninject: lifecycle hooks sent through the agent get their recorded handler back", "[uninject]") {
  Node pod = yaml(R"(
metadata:
  annotations:
    sidecar.istio.io/status: '{"containers":["istio-proxy"]}'
spec:
  containers:
  - name: hello
    lifecycle:
      postStart:
        httpGet:
          path: /app-lifecycle/hello/poststartz
          port: 15020
      preStop:
        httpGet:
          path: /app-lifecycle/hello/prestopz
          port: 15020
  - name: world
    lifecycle:
      preStop:
        httpGet:
          path: /app-lifecycle/world/prestopz
          port: 15020
  - name: istio-proxy
    env:
    - name: ISTIO_KUBE_APP_PROBERS
      value: '{"/app-lifecycle/hello/poststartz":{"tcpSocket":{"port":93}},"/app-lifecycle/hello/prestopz":{"httpGet":{"port":91}}}'
)");
  auto out = uninject_pod(pod);
  Node want = yaml(R"(
spec:
  containers:
  - name: hello
    lifecycle:
      postStart:
        tcpSocket:
          port: 93
      preStop:
        httpGet:
          port: 91
  - name: world
    lifecycle:
      preStop:
        httpGet:
          path: /app-lifecycle/world/prestopz
          port: 15020
)");
  INFO(difference(want, pod));
  CHECK(pod.same_value(want));
  REQUIRE(out.warnings.size() == 1);
  CHECK_THAT(out.warnings[0], Catch::Contains("lifecycle.preStop of container world"));
}

TEST_CASE("uninject: a recorded probe port that one named container port has comes back as its name", "[uninject]") {
  // The injection records named ports as numbers; which spelling the user
  // wrote is lost. A number with exactly one name gets the name back.
  Node pod = yaml(R"(
metadata:
  annotations:
    sidecar.istio.io/status: '{"containers":["istio-proxy"]}'
spec:
  containers:
  - name: app
    ports:
    - {name: http, containerPort: 8080}
    - {name: admin, containerPort: 9090}
    - {name: metrics, containerPort: 9090}
    - {containerPort: 7070}
    livenessProbe:
      httpGet: {path: /app-health/app/livez, port: 15020}
    readinessProbe:
      httpGet: {path: /app-health/app/readyz, port: 15020}
    startupProbe:
      httpGet: {path: /app-health/app/startupz, port: 15020}
  - name: istio-proxy
    env:
    - name: ISTIO_KUBE_APP_PROBERS
      value: '{"/app-health/app/livez":{"httpGet":{"path":"/live","port":8080}},"/app-health/app/readyz":{"tcpSocket":{"port":9090}},"/app-health/app/startupz":{"tcpSocket":{"port":7070}}}'
)");
  uninject_pod(pod);
  const Node& app = pod.at_path("spec.containers")->items[0];
  CHECK(app.at_path("livenessProbe.httpGet.port")->same_value(Node::string("http")));
  CHECK(app.at_path("readinessProbe.tcpSocket.port")->same_value(Node::integer(9090)));  // two names: no telling
  CHECK(app.at_path("startupProbe.tcpSocket.port")->same_value(Node::integer(7070)));    // no name at all
}

TEST_CASE("uninject: Prometheus annotations come back from ISTIO_PROMETHEUS_ANNOTATIONS", "[uninject]") {
  auto pod_with = [](const char* annotations, const char* env) {
    return yaml(fmt::format(R"(
metadata:
  annotations:
    sidecar.istio.io/status: '{{"containers":["istio-proxy"]}}'
{}
spec:
  containers:
  - name: app
  - name: istio-proxy
    env:
{}
)",
                            annotations, env));
  };
  const char* injected = "    prometheus.io/port: \"15020\"\n    prometheus.io/path: /stats/prometheus\n    prometheus.io/scrape: \"true\"";

  SECTION("the user's values, absent ones staying absent") {
    Node pod = pod_with(injected, "    - name: ISTIO_PROMETHEUS_ANNOTATIONS\n      value: '{\"scrape\":\"true\",\"path\":\"\",\"port\":\"9090\"}'");
    uninject_pod(pod);
    Node want = yaml(R"({metadata: {annotations: {prometheus.io/port: "9090", prometheus.io/scrape: "true"}}, spec: {containers: [{name: app}]}})");
    INFO(difference(want, pod));
    CHECK(pod.same_value(want));
  }
  SECTION("1.31's scrape targets come back as the annotation, not as the first target's port and path (issue 24)") {
    // webhook.go 1.31 applyPrometheusMerge: with targets, Port and Path are
    // the first target's (for old agents), and scrape-targets is cleared.
    Node pod = pod_with(injected,
                        "    - name: ISTIO_PROMETHEUS_ANNOTATIONS\n      value: '{\"scrape\":\"true\",\"path\":\"/metrics\",\"port\":\"8080\","
                        "\"targets\":[{\"port\":\"8080\",\"path\":\"/metrics\"},{\"port\":\"9100\",\"path\":\"/custom-metrics\"}]}'");
    uninject_pod(pod);
    Node want = yaml(R"({metadata: {annotations: {prometheus.io/scrape: "true",
      prometheus.istio.io/scrape-targets: "8080:/metrics,9100:/custom-metrics"}}, spec: {containers: [{name: app}]}})");
    INFO(difference(want, pod));
    CHECK(pod.same_value(want));
  }
  SECTION("without a record, the injected triple goes") {
    Node pod = pod_with(injected, "    - name: X\n      value: y");
    uninject_pod(pod);
    CHECK(pod.same_value(yaml("spec:\n  containers:\n  - name: app\n")));
  }
  SECTION("a status port set by annotation or proxy config counts") {
    Node pod = pod_with(
        "    status.sidecar.istio.io/port: \"15999\"\n    prometheus.io/port: \"15999\"\n    prometheus.io/path: /stats/prometheus\n"
        "    prometheus.io/scrape: \"true\"",
        "    - name: X\n      value: y");
    uninject_pod(pod);
    CHECK(pod.same_value(yaml(R"({metadata: {annotations: {status.sidecar.istio.io/port: "15999"}}, spec: {containers: [{name: app}]}})")));
    Node pc = pod_with(
        "    proxy.istio.io/config: '{\"statusPort\": 16000}'\n    prometheus.io/port: \"16000\"\n    prometheus.io/path: /stats/prometheus\n"
        "    prometheus.io/scrape: \"true\"",
        "    - name: X\n      value: y");
    uninject_pod(pc);
    CHECK_FALSE(pc.at_path("metadata.annotations")->get("prometheus.io/port"));
  }
  SECTION("the user's own annotations on the agent's port, not the injected triple, stay") {
    Node pod = pod_with("    prometheus.io/port: \"15020\"\n    prometheus.io/scrape: \"true\"", "    - name: X\n      value: y");
    uninject_pod(pod);
    CHECK(pod.at_path("metadata.annotations")->size() == 2);
  }
  SECTION("a broken record is an error") {
    Node pod = pod_with(injected, "    - name: ISTIO_PROMETHEUS_ANNOTATIONS\n      value: '{\"scrape\"'");
    Node before = pod;
    CHECK_THROWS_WITH(uninject_pod(pod), Catch::Contains("ISTIO_PROMETHEUS_ANNOTATIONS"));
    CHECK(pod.same_value(before));
    Node probers = pod_with(injected, "    - name: ISTIO_KUBE_APP_PROBERS\n      value: 'nope'");
    CHECK_THROWS_WITH(uninject_pod(probers), Catch::Contains("ISTIO_KUBE_APP_PROBERS"));
  }
}

TEST_CASE("uninject: the app containers a template rendered are the pod's own and stay", "[uninject]") {
  SECTION("listed by the proxy in ISTIO_META_APP_CONTAINERS (grpc-agent)") {
    Node pod = yaml(R"(
metadata:
  annotations:
    sidecar.istio.io/status: '{"containers":["istio-proxy","app"],"volumes":["istio-xds"]}'
spec:
  containers:
  - name: istio-proxy
    env:
    - name: ISTIO_META_APP_CONTAINERS
      value: app
  - name: app
    volumeMounts:
    - name: istio-xds
      mountPath: /etc/istio/proxy
  volumes:
  - name: istio-xds
)");
    auto out = uninject_pod(pod);
    CHECK(out.removed == std::vector<std::string>{"istio-proxy"});
    // The mount of the removed volume goes with it, and the list it emptied.
    CHECK(pod.same_value(yaml("spec:\n  containers:\n  - name: app\n")));
  }
  SECTION("all of them, when removing them would leave no container (grpc-simple)") {
    Node pod = yaml(R"(
metadata:
  annotations:
    sidecar.istio.io/status: '{"initContainers":["grpc-bootstrap-init"],"containers":["a","b"]}'
    inject.istio.io/templates: grpc-simple
    sidecar.istio.io/rewriteAppHTTPProbers: "false"
spec:
  initContainers:
  - name: grpc-bootstrap-init
  containers:
  - name: a
  - name: b
)");
    auto out = uninject_pod(pod);
    CHECK(out.removed == std::vector<std::string>{"grpc-bootstrap-init"});
    CHECK(pod.same_value(yaml("{metadata: {annotations: {inject.istio.io/templates: grpc-simple}}, spec: {containers: [{name: a}, {name: b}]}}")));
  }
}

TEST_CASE("uninject: CNI annotations written from Istio's defaults go, the user's stay", "[uninject]") {
  Node pod = yaml(R"(
metadata:
  annotations:
    traffic.sidecar.istio.io/includeInboundPorts: "*"
    sidecar.istio.io/status: '{"initContainers":["istio-validation"],"containers":["istio-proxy"]}'
    istio.io/rev: default
    sidecar.istio.io/interceptionMode: REDIRECT
    traffic.sidecar.istio.io/includeOutboundIPRanges: "*"
    traffic.sidecar.istio.io/excludeInboundPorts: 8080,15020
    traffic.sidecar.istio.io/excludeOutboundIPRanges: 10.0.0.0/8
    k8s.v1.cni.cncf.io/networks: macvlan, default/istio-cni
spec:
  containers:
  - name: app
  - name: istio-proxy
  initContainers:
  - name: istio-validation
)");
  uninject_pod(pod);
  // The user's includeInboundPorts comes before istio.io/rev: theirs, though
  // it has the default value.
  Node want = yaml(R"(
metadata:
  annotations:
    traffic.sidecar.istio.io/includeInboundPorts: "*"
    traffic.sidecar.istio.io/excludeInboundPorts: "8080"
    traffic.sidecar.istio.io/excludeOutboundIPRanges: 10.0.0.0/8
    k8s.v1.cni.cncf.io/networks: macvlan
spec:
  containers:
  - name: app
)");
  INFO(difference(want, pod));
  CHECK(pod.same_value(want));

  // The JSON form as 1.24.4+ writes Istio's network, and as injectors
  // before wrote it (1.22.8's hello-existing-cncf-networks-json golden).
  for (std::string istio : {R"({"name": "istio-cni", "namespace": "default"})", R"({"name": "default/istio-cni"})"}) {
    INFO(istio);
    Node json = yaml(fmt::format(R"(
metadata:
  annotations:
    sidecar.istio.io/status: '{{"initContainers":["istio-validation"]}}'
    k8s.v1.cni.cncf.io/networks: '[{{"name": "alt_cni"}}, {}]'
spec:
  containers:
  - name: app
)",
                                 istio));
    uninject_pod(json);
    CHECK(json.at_path("metadata.annotations")->get("k8s.v1.cni.cncf.io/networks")->text == R"([{"name": "alt_cni"}])");
  }
}

TEST_CASE("uninject: only what this uninjection emptied is removed", "[uninject]") {
  Node pod = yaml(R"(
metadata:
  labels: {}
  annotations:
    sidecar.istio.io/status: '{"containers":["istio-proxy"],"volumes":null,"imagePullSecrets":null}'
spec:
  containers:
  - name: app
  - name: istio-proxy
  initContainers: []
  volumes: []
)");
  uninject_pod(pod);
  CHECK(pod.same_value(yaml("{metadata: {labels: {}}, spec: {containers: [{name: app}], initContainers: [], volumes: []}}")));
}

TEST_CASE("uninject: a template of one's own is undone from kinject.io/status", "[uninject]") {
  Node pod = yaml(R"(
metadata:
  labels:
    app: api
    security.istio.io/tlsMode: istio
  annotations:
    logging.example.com/shipper: fluent-bit
    kinject.io/status: '{"initContainers":null,"containers":["log-shipper"],"volumes":["app-logs"],"imagePullSecrets":null,"revision":"default"}'
    istio.io/rev: default
spec:
  containers:
  - name: api
    image: example/api:1.4
    volumeMounts:
    - name: app-logs
      mountPath: /var/log/app
  - name: log-shipper
    image: fluent/fluent-bit:3.1
  volumes:
  - name: app-logs
    emptyDir: {}
)");
  auto out = uninject_pod(pod, kGenericStatusAnnotation);
  CHECK(out.removed == std::vector<std::string>{"log-shipper"});
  // Istio's labels and annotations are not this template's business; its
  // own annotation is recorded nowhere and stays.
  Node want = yaml(R"(
metadata:
  labels:
    app: api
    security.istio.io/tlsMode: istio
  annotations:
    logging.example.com/shipper: fluent-bit
    istio.io/rev: default
spec:
  containers:
  - name: api
    image: example/api:1.4
)");
  INFO(difference(want, pod));
  CHECK(pod.same_value(want));
}

// ---------------------------------------------------------------- round trips through the injector

namespace {

const char* kWeb = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      labels:
        app: web
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "9090"
    spec:
      containers:
      - name: app
        image: web:1
        ports:
        - name: http
          containerPort: 8080
        livenessProbe:
          httpGet:
            port: http
            path: /live
            scheme: HTTPS
        readinessProbe:
          tcpSocket:
            port: http
          timeoutSeconds: 2
        startupProbe:
          grpc:
            port: 9000
      - name: istio-proxy
        image: auto
        resources:
          requests:
            cpu: 3000m
      imagePullSecrets:
      - name: registry
      volumes:
      - name: data
        emptyDir: {}
)";

}  // namespace

TEST_CASE("uninject: uninject(inject(x)) is x and re-injection gives inject(x)", "[uninject]") {
  IstioConfig cfg = builtin_profile("1.24");
  SECTION("the default sidecar, overrides, probes and Prometheus") {
    Injector injector(cfg, no_env());
    auto r = round_trip(kWeb, injector);
    check_round_trip(r);
    CHECK(r.outcome.removed == std::vector<std::string>{"istio-init"});
    CHECK(r.outcome.restored == std::vector<std::string>{"istio-proxy"});
    CHECK(container(r.uninjected, "containers", "istio-proxy")->get("image")->text == "auto");
  }
  SECTION("a minimal pod: every map the injection created goes") {
    Injector injector(cfg, no_env());
    check_round_trip(round_trip("{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: c, image: i}]}}", injector));
    check_round_trip(
        round_trip("{apiVersion: batch/v1, kind: Job, spec: {template: {spec: {containers: [{name: c, image: i}]}}}}", injector));
  }
  SECTION("holdApplicationUntilProxyStarts, pull secrets from values") {
    cfg.values.at_path("global.proxy")->set("holdApplicationUntilProxyStarts", Node::boolean(true));
    cfg.values.at_path("global")->set("imagePullSecrets", yaml("[istio-pull]"));
    Injector injector(cfg, no_env());
    auto r = round_trip(kWeb, injector);
    CHECK(r.injected.at_path("spec.containers")->items[0].get("name")->text == "istio-proxy");
    check_round_trip(r);
  }
  SECTION("native sidecars") {
    Injector injector(cfg, env_with("ENABLE_NATIVE_SIDECARS", "true"));
    auto r = round_trip(kWeb, injector);
    check_round_trip(r);
  }
  SECTION("CNI, with multus") {
    cfg.values.at_path("pilot.cni")->set("enabled", Node::boolean(true));
    cfg.values.at_path("pilot.cni")->set("provider", Node::string("multus"));
    Injector injector(cfg, no_env());
    std::string manifest = kWeb;
    manifest.replace(manifest.find("        prometheus.io/scrape"), 0,
                     "        traffic.sidecar.istio.io/excludeInboundPorts: \"8081\"\n"
                     "        k8s.v1.cni.cncf.io/networks: macvlan\n");
    auto r = round_trip(manifest, injector);
    CHECK(r.injected.at_path("metadata.annotations")->get("sidecar.istio.io/interceptionMode"));
    check_round_trip(r);
  }
  SECTION("HBONE, a network and a revision") {
    cfg.mesh.child_map("defaultConfig").child_map("proxyMetadata").set("ISTIO_META_ENABLE_HBONE", Node::string("true"));
    cfg.revision = "canary";
    Injector injector(cfg, no_env());
    auto r = round_trip(kWeb, injector);
    CHECK(r.injected.at_path("metadata.labels")->get("networking.istio.io/tunnel"));
    check_round_trip(r);
  }
  SECTION("the gateway template and a user's istio-proxy with image: auto") {
    Injector injector(cfg, no_env());
    check_round_trip(round_trip(R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: gw
spec:
  template:
    metadata:
      annotations:
        inject.istio.io/templates: gateway
      labels:
        app: gw
    spec:
      securityContext:
        runAsUser: 5
      containers:
      - name: istio-proxy
        image: auto
)",
                                injector));
  }
  SECTION("the grpc-agent template") {
    Injector injector(cfg, no_env());
    auto r = round_trip(R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: echo
spec:
  template:
    metadata:
      annotations:
        inject.istio.io/templates: grpc-agent
    spec:
      containers:
      - name: echo
        image: echo:1
        readinessProbe:
          grpc:
            port: 7070
)",
                        injector);
    // The template's env for the app container is recorded nowhere: the
    // one difference, which uninject.h documents.
    Node uninjected = r.uninjected;
    for (auto& c : uninjected.at_path("spec.containers")->items) c.erase("env");
    INFO(difference(r.original, uninjected));
    CHECK(uninjected.same_value(r.original));
  }
  SECTION("a template of one's own") {
    IstioConfig own = builtin_profile("1.24");
    own.templates = {{"sidecar", "metadata:\n  annotations:\n    shipper: \"yes\"\nspec:\n  containers:\n"
                                 "  {{- range .Spec.Containers }}\n  - name: {{ .Name }}\n    volumeMounts:\n"
                                 "    - {name: logs, mountPath: /var/log/app}\n  {{- end }}\n"
                                 "  - name: shipper\n    image: fluent/fluent-bit:3.1\n  volumes:\n  - name: logs\n    emptyDir: {}\n"}};
    own.default_templates = {"sidecar"};
    own.istio = false;
    own.status_annotation = kGenericStatusAnnotation;
    Injector injector(own, no_env());
    auto r = round_trip(kWeb, injector);
    CHECK(r.outcome.removed == std::vector<std::string>{"shipper"});
    r.uninjected.at_path("metadata.annotations")->erase("shipper");  // recorded nowhere, see uninject.h
    check_round_trip(r);
  }
}

// ---------------------------------------------------------------- the corpus

namespace {

// The pod with every named httpGet/tcpSocket probe port replaced by the
// number its container gives that name.
Node numbered_probe_ports(Node pod) {
  for (const char* list : {"spec.containers", "spec.initContainers"}) {
    Node* cs = pod.at_path(list);
    if (!cs || !cs->is_seq()) continue;
    for (auto& c : cs->items) {
      std::map<std::string, std::int64_t> ports;
      if (const Node* pl = c.get("ports"); pl && pl->is_seq())
        for (const auto& p : pl->items)
          if (p.get("name") && p.get("containerPort") && p.get("containerPort")->kind == Kind::Int)
            ports[p.get("name")->scalar_text()] = p.get("containerPort")->i;
      for (const char* probe : {"readinessProbe", "livenessProbe", "startupProbe"})
        for (const char* handler : {"httpGet", "tcpSocket"})
          if (Node* port = c.at_path(fmt::format("{}.{}.port", probe, handler)); port && port->kind != Kind::Int)
            if (auto it = ports.find(port->scalar_text()); it != ports.end()) *port = Node::integer(it->second);
    }
  }
  return pod;
}

// Why a round trip may differ from the original without uninject being at
// fault: the information is not in the injected pod. Returns the original
// adjusted for those losses, and the reasons that applied.
Node expected_after_round_trip(const Node& original, const Node& injected, const Node& uninjected,
                               const UninjectOutcome& outcome, std::vector<std::string>& why) {
  if (const Node* a = original.at_path("metadata.annotations"); a && a->is_map() && a->get("sidecar.istio.io/status")) {
    // Already injected: injection keeps what it finds, uninject takes it all.
    Node want = original;
    uninject_pod(want);
    why.push_back("the manifest was already injected");
    // What the earlier injection added and this one's status does not name
    // (another layout, or annotations that now read as the user's because
    // they precede the second istio.io/rev) is left: the earlier status
    // would have named it.
    Node rest = uninjected;
    const Node& earlier = *original.at_path("metadata.annotations")->get("sidecar.istio.io/status");
    rest.child_map("metadata").child_map("annotations").set("sidecar.istio.io/status", earlier);
    uninject_pod(rest);
    // A probe the earlier injection left alone may now be one this injection
    // rewrote, and so come back with its port's name.
    return numbered_probe_ports(rest).same_value(numbered_probe_ports(want)) ? uninjected : want;
  }
  Node want = original;
  for (const char* list : {"containers", "initContainers"}) {
    Node* cs = want.at_path(std::string("spec.") + list);
    const Node* after = injected.at_path(std::string("spec.") + list);
    if (!cs || !cs->is_seq()) continue;
    for (auto& c : cs->items) {
      if (!c.is_map() || !c.get("name")) continue;
      std::string name = c.get("name")->scalar_text();
      // `resources: {}` on a container the user overrode reads like the one
      // Go always writes into the overrides record.
      if (const Node* r = c.get("resources"); r && r->is_map() && r->size() == 0 &&
          std::find(outcome.restored.begin(), outcome.restored.end(), name) != outcome.restored.end()) {
        c.erase("resources");
        why.push_back("resources: {} on a container the user overrode");
      }
      if (name == "istio-proxy") continue;
      std::map<std::string, std::int64_t> ports;
      if (const Node* pl = c.get("ports"); pl && pl->is_seq())
        for (const auto& p : pl->items)
          if (p.get("name") && p.get("containerPort") && p.get("containerPort")->kind == Kind::Int)
            ports[p.get("name")->scalar_text()] = p.get("containerPort")->i;
      for (const char* probe : {"readinessProbe", "livenessProbe", "startupProbe"}) {
        // A probe port that is no number (a template placeholder) reads as 0 in the record.
        if (Node* port = c.at_path(fmt::format("{}.grpc.port", probe)); port && port->kind != Kind::Int) {
          *port = Node::integer(0);
          why.push_back("probe port that is not a number");
        }
        for (const char* handler : {"httpGet", "tcpSocket"}) {
          Node* port = c.at_path(fmt::format("{}.{}.port", probe, handler));
          if (port && port->kind == Kind::Int) {
            // A number that one named port has comes back as that name.
            std::vector<std::string> names;
            for (const auto& [n, number] : ports)
              if (number == port->i) names.push_back(n);
            if (names.size() == 1) {
              *port = Node::string(names[0]);
              why.push_back("probe port number given back as its port's name");
            }
            continue;
          }
          if (!port) continue;
          // The injection resolved a named port to its number.
          if (auto it = ports.find(port->scalar_text()); it != ports.end()) {
            *port = Node::integer(it->second);
            why.push_back("named probe port");
          } else if (after) {
            // A name the container does not declare: the probe is rewritten
            // but its original recorded nowhere.
            for (const auto& ac : after->items)
              if (ac.get("name") && ac.get("name")->scalar_text() == name) *c.get(probe) = *ac.get(probe);
            why.push_back("probe port naming no container port");
          }
        }
      }
    }
  }
  // An empty (or null) list or map the user wrote, which injection filled.
  for (const char* path : {"spec.initContainers", "spec.volumes", "spec.imagePullSecrets", "spec.securityContext",
                           "metadata.labels", "metadata.annotations", "metadata"}) {
    const Node* n = want.at_path(path);
    if (!n || !(n->is_null() || ((n->is_map() || n->is_seq()) && n->size() == 0)) || uninjected.at_path(path)) continue;
    std::string p(path);
    auto dot = p.rfind('.');
    Node* parent = dot == std::string::npos ? &want : want.at_path(p.substr(0, dot));
    parent->erase(dot == std::string::npos ? p : p.substr(dot + 1));
    why.push_back("an empty list or map the user wrote");
  }
  return want;
}

// Injects every pod template of the corpus, writes each document and reads
// it back as a user would have it on disk, uninjects what was read and
// compares; then injects again.
void corpus_round_trip(const std::vector<std::string>& files, const char* setup, const Injector& injector) {
  INFO(setup);
  WorkloadCatalog catalog;
  long exact = 0, justified = 0, failures = 0, refused = 0;
  long reinjected_same = 0, reinjected_different = 0, already_injected = 0;
  long documents = 0, text_identical = 0;
  std::map<std::string, long> reasons;
  for (const auto& path : files) {
    std::vector<Document> docs;
    try {
      docs = read_all(slurp(path), path);
    } catch (const Error&) {
      continue;
    }
    for (const auto& doc : docs) {
      if (doc.empty) continue;
      Node root = doc.root;
      auto ws = find_workloads(root, catalog);
      std::vector<const Workload*> done;
      for (const auto& w : ws) {
        if (!w.has_pod_spec) continue;
        try {
          injector.inject(root, w);
          done.push_back(&w);
        } catch (const Error&) {
          ++refused;
        }
      }
      if (done.empty()) continue;
      RawDocument raw = doc.raw;
      raw.text = write_document(doc, root, list_item_keys()).text;
      Document injected_doc = parse_document(raw, path);
      Node back = injected_doc.root;
      for (const Workload* w : done) {
        INFO(path << " " << w->kind << "/" << w->name);
        const Node& original = *w->pod(doc.root);
        const Node& injected = *w->pod(root);
        REQUIRE(w->pod(back)->same_value(injected));
        UninjectOutcome out;
        REQUIRE_NOTHROW(out = uninject_pod(*w->pod(back)));
        const Node uninjected = *w->pod(back);
        if (uninjected.same_value(original)) {
          ++exact;
        } else {
          std::vector<std::string> why;
          Node want = expected_after_round_trip(original, injected, uninjected, out, why);
          INFO(difference(want, uninjected));
          CHECK(uninjected.same_value(want));
          if (uninjected.same_value(want)) {
            ++justified;
            for (const auto& y : std::set<std::string>(why.begin(), why.end())) ++reasons[y];
          } else {
            ++failures;
          }
        }
      }
      // Written back, the document is the file's text again where nothing
      // was lost (informational: the writer's fidelity, not uninject's).
      ++documents;
      if (write_document(injected_doc, back, list_item_keys()).text == doc.raw.text) ++text_identical;
      for (const Workload* w : done) {
        INFO(path << " " << w->kind << "/" << w->name);
        const Node& original = *w->pod(doc.root);
        const Node& injected = *w->pod(root);
        const Node* annos = original.at_path("metadata.annotations");
        if (annos && annos->is_map() && annos->get("sidecar.istio.io/status")) {
          ++already_injected;  // injecting it keeps stale parts that a clean injection does not make
          continue;
        }
        injector.inject(back, *w);
        INFO("re-injection: " << difference(injected, *w->pod(back)));
        CHECK(w->pod(back)->same_value(injected));
        if (w->pod(back)->same_value(injected)) ++reinjected_same;
        else ++reinjected_different;
      }
    }
  }
  fmt::print("uninject corpus, {}: {} pod templates round-tripped exactly, {} with justified differences, {} failures "
             "({} refused by the injector); re-injection equal to the first injection: {}, different: {} "
             "(not compared for {} manifests injected already)\n",
             setup, exact, justified, failures, refused, reinjected_same, reinjected_different, already_injected);
  for (const auto& [why, n] : reasons) fmt::print("  {:>5}  {}\n", n, why);
  fmt::print("  written back: {} of {} injected documents byte-identical to the file\n", text_identical, documents);
  CHECK(exact > 0);
  CHECK(failures == 0);
  CHECK(reinjected_different == 0);
}

// The default profile, then the layouts that move things around: native
// sidecars, and CNI with the proxy held first.
void round_trips_in_every_layout(const std::vector<std::string>& files) {
  corpus_round_trip(files, "default profile", Injector(builtin_profile("1.24"), no_env()));
  corpus_round_trip(files, "native sidecars", Injector(builtin_profile("1.24"), env_with("ENABLE_NATIVE_SIDECARS", "true")));
  IstioConfig cni = builtin_profile("1.24");
  cni.values.at_path("pilot.cni")->set("enabled", Node::boolean(true));
  cni.values.at_path("global.proxy")->set("holdApplicationUntilProxyStarts", Node::boolean(true));
  corpus_round_trip(files, "CNI, proxy first", Injector(cni, no_env()));
}

}  // namespace

TEST_CASE("uninject: every injectable pod template of the real corpus round-trips", "[uninject][corpus]") {
  auto root = reference_part("corpus/real");
  if (!root) return;
  RealDisk disk;
  round_trips_in_every_layout(manifest_files(disk, *root));
}

TEST_CASE("uninject: every injectable pod template of the in-repository manifests round-trips", "[uninject][fixtures]") {
  RealDisk disk;
  round_trips_in_every_layout(fixture_files(disk));
}

namespace {

// kinject then kinject uninject, through the pipeline, as text.
std::string inject_then_uninject(const std::string& text, std::string name = "x.yaml") {
  MemoryDisk disk;
  disk.add_file(name, text);
  Options o;
  o.inputs = {name};
  o.report = ReportFormat::None;
  std::istringstream in;
  std::ostringstream out, err;
  REQUIRE(run_inject(o, disk, in, out, err, no_env()) == 0);
  REQUIRE(out.str() != text);
  disk.add_file(name, out.str());
  o.command = Command::Uninject;
  std::ostringstream back, err2;
  REQUIRE(run(o, disk, in, back, err2, no_env()) == 0);
  CHECK_THAT(err2.str(), !Catch::Contains("could not edit"));
  return back.str();
}

const char* kPodHead = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: web\n    image: nginx\n";

}  // namespace

// Regression: of the corpus files kinject injected, 73 did not come back
// byte for byte from uninject: each way that happened, on a small input.
TEST_CASE("uninject: what kinject injected comes back byte for byte (regression)", "[uninject]") {
  SECTION("a file without a final newline") {
    std::string text = std::string(kPodHead) + "    ports:\n    - containerPort: 80";
    CHECK(inject_then_uninject(text) == text);
  }
  SECTION("quoted probe paths and Prometheus annotations keep their quotes") {
    std::string text =
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    prometheus.io/path: \"/metrics\"\n"
        "    prometheus.io/scrape: 'true'\nspec:\n  containers:\n  - name: web\n    image: nginx\n"
        "    readinessProbe:\n      httpGet:\n        path: \"/_healthz\"\n        port: 8080\n";
    CHECK(inject_then_uninject(text) == text);
  }
  SECTION("a multi-line flow document") {
    std::string text =
        "{\n  apiVersion: \"batch/v1\",\n  kind: \"Job\",\n  metadata: {\n    name: \"j\",\n  },\n  spec: {\n    template: {\n"
        "      spec: {\n        restartPolicy: \"Never\",\n        containers: [{\n          name: \"w\",\n"
        "          image: \"busybox\",\n        }],\n        volumes: [{\n          name: \"input\",\n"
        "          emptyDir: {},\n        }],\n      },\n    },\n  },\n}\n";
    CHECK(inject_then_uninject(text) == text);
  }
  SECTION("a JSON document with one-line probes") {
    std::string text =
        "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n  \"metadata\": {\"name\": \"p\"},\n  \"spec\": {\n"
        "    \"containers\": [\n      {\n        \"name\": \"web\",\n        \"image\": \"nginx\",\n"
        "        \"readinessProbe\": {\"httpGet\": {\"port\": 8080, \"path\": \"/ready\", \"scheme\": \"HTTPS\"}},\n"
        "        \"livenessProbe\": {\"tcpSocket\": {\"port\": 8080}}\n      }\n    ]\n  }\n}\n";
    CHECK(inject_then_uninject(text, "x.json") == text);
  }
  SECTION("pod labels that are an alias of the workload's") {
    std::string text =
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  labels: &labels\n    app: d\nspec:\n"
        "  selector:\n    matchLabels: *labels\n  template:\n    metadata:\n      labels: *labels\n    spec:\n"
        "      containers:\n      - name: web\n        image: nginx\n";
    CHECK(inject_then_uninject(text) == text);
  }
}

namespace {

// What `istioctl kube-inject` does to a CronJob (IntoObject): it injects a
// pod made of the job template's metadata and the pod template's spec, and
// writes the pod's metadata back to spec.jobTemplate.metadata, leaving the
// pod template's own. Played here with kinject's injector, so that the
// rest of the file keeps its bytes.
std::string istioctl_cronjob(const std::string& text, const Injector& injector) {
  auto docs = read_all(text, "c.yaml");
  REQUIRE(docs.size() == 1);
  Node root = docs[0].root;
  auto ws = find_workloads(root, WorkloadCatalog{});
  REQUIRE(ws.size() == 1);
  Node* job = root.at_path("spec.jobTemplate");
  Node* tmpl = ws[0].pod(root);
  REQUIRE((job && tmpl && job->get("metadata") && tmpl->get("metadata")));
  const Node pod_metadata = *tmpl->get("metadata");
  tmpl->set("metadata", *job->get("metadata"));
  injector.inject(root, ws[0]);
  job->set("metadata", *tmpl->get("metadata"));
  tmpl->set("metadata", pod_metadata);
  return write_document(docs[0], root, list_item_keys()).text;
}

struct Ran {
  int rc;
  std::string out, err;
};

// `command` through the pipeline, on `text` as the file c.yaml.
Ran run_on(Command command, const std::string& text) {
  MemoryDisk disk;
  disk.add_file("c.yaml", text);
  Options o;
  o.command = command;
  o.inputs = {"c.yaml"};
  std::istringstream in;
  std::ostringstream out, err;
  int rc = run(o, disk, in, out, err, no_env());
  return {rc, out.str(), err.str()};
}

}  // namespace

// Issue 22: `kinject uninject` reported a CronJob istioctl kube-inject had
// injected as "skipped" (no status annotation on its pod template) and left
// the sidecar in: istioctl records the injection on spec.jobTemplate.metadata.
TEST_CASE("uninject: istioctl's CronJob, recorded on spec.jobTemplate.metadata, comes back byte for byte (issue 22)",
          "[uninject]") {
  const std::string original =
      "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: report\n  namespace: jobs\nspec:\n"
      "  schedule: \"*/5 * * * *\"\n  jobTemplate:\n    metadata:\n      labels:\n        job: report\n"
      "      annotations:\n        owner: team-a   # the user's own\n    spec:\n      backoffLimit: 2\n"
      "      template:\n        metadata:\n          labels:\n            app: report\n        spec:\n"
      "          restartPolicy: OnFailure\n          containers:\n          - name: report\n            image: report:1\n"
      "            readinessProbe:\n              httpGet: {path: /ready, port: 8080}\n";
  for (const char* release : {"1.24", "1.30"}) {
    INFO("Istio " << release);
    const std::string injected = istioctl_cronjob(original, Injector(builtin_profile(release), no_env()));
    // As istioctl has it: the record and the labels on the job template, the
    // sidecar in the pod template, whose metadata is as written.
    auto docs = read_all(injected, "c.yaml");
    const Node& root = docs[0].root;
    REQUIRE(root.at_path("spec.jobTemplate.metadata.annotations")->get("sidecar.istio.io/status"));
    CHECK(root.at_path("spec.jobTemplate.metadata.labels")->get("service.istio.io/canonical-name")->text == "report");
    const Node original_root = read_all(original, "o")[0].root;
    CHECK(root.at_path("spec.jobTemplate.spec.template.metadata")
              ->same_value(*original_root.at_path("spec.jobTemplate.spec.template.metadata")));
    CHECK_THAT(injected, Catch::Contains("name: istio-proxy"));

    Ran back = run_on(Command::Uninject, injected);
    REQUIRE(back.rc == 0);
    CHECK_THAT(back.err, Catch::Contains("cronjob/report (ns jobs): uninjected [istio-"));
    CHECK(back.out == original);
  }
  // A CronJob with no record anywhere is skipped, saying where kinject looked.
  Ran plain = run_on(Command::Uninject, original);
  REQUIRE(plain.rc == 0);
  CHECK_THAT(plain.err, Catch::Contains("cronjob/report (ns jobs): skipped — no sidecar.istio.io/status annotation"));
  CHECK(plain.out == original);
}

// The same class from the other side: kinject injected an istioctl-injected
// CronJob again (the webhook's place, the pod template, had no record),
// which left two records and two injections' worth of containers, volumes
// and overrides; uninjecting that was an internal error. Now injection
// skips such a CronJob, saying why, and uninject undoes both records.
TEST_CASE("uninject: a CronJob istioctl injected is not injected again, and one injected twice is undone (issue 22)",
          "[uninject]") {
  const std::string original =
      "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: report\nspec:\n  schedule: \"@daily\"\n  jobTemplate:\n"
      "    metadata:\n      labels: {job: report}\n    spec:\n      template:\n        metadata:\n          labels: {app: report}\n"
      "        spec:\n          restartPolicy: Never\n          containers:\n          - name: report\n            image: report:1\n";
  const Injector injector(builtin_profile("1.30"), no_env());
  const std::string by_istioctl = istioctl_cronjob(original, injector);
  for (Command command : {Command::Inject, Command::Check}) {
    Ran r = run_on(command, by_istioctl);
    CHECK(r.rc == 0);
    CHECK_THAT(r.err, Catch::Contains("cronjob/report (ns default): skipped — injected by istioctl kube-inject "
                                      "(sidecar.istio.io/status on spec.jobTemplate.metadata"));
    CHECK_THAT(r.err, Catch::Contains("kinject uninject"));
    if (command == Command::Inject) CHECK(r.out == by_istioctl);
  }
  // Injected twice (as kinject did before): both records are undone.
  auto docs = read_all(by_istioctl, "c.yaml");
  Node root = docs[0].root;
  auto ws = find_workloads(root, WorkloadCatalog{});
  injector.inject(root, ws[0]);
  Ran twice = run_on(Command::Uninject, write_document(docs[0], root, list_item_keys()).text);
  CHECK(twice.rc == 0);
  CHECK_THAT(twice.err, Catch::Contains("cronjob/report (ns default): uninjected ["));
  CHECK(read_all(twice.out, "back")[0].root.same_value(read_all(original, "original")[0].root));
}
