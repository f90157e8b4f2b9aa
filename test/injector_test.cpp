#include "kinject/istio/injector.h"

#include <catch2/catch.hpp>

#include "support.h"

#include "kinject/base/error.h"
#include "kinject/yaml/reader.h"
#include "kinject/yaml/writer.h"

using namespace kinject;
using namespace kinject::test;

namespace {

const char* kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    metadata:
      labels:
        app: web
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
        readinessProbe:
          tcpSocket:
            port: 8080
          timeoutSeconds: 2
)";

struct Injected {
  Node root;
  InjectionOutcome outcome;
};

Injected inject(const std::string& yaml, const Injector& injector) {
  Node root = parse_yaml(yaml, "t.yaml");
  auto ws = find_workloads(root, WorkloadCatalog{});
  REQUIRE(ws.size() == 1);
  auto out = injector.inject(root, ws[0]);
  return {root, out};
}

// The message of the Error injecting `yaml` (one workload) throws; a test
// failure if it throws none.
std::string injection_error(const std::string& yaml, const Injector& injector) {
  Node root = parse_yaml(yaml, "t.yaml");
  auto ws = find_workloads(root, WorkloadCatalog{});
  REQUIRE(ws.size() == 1);
  try {
    injector.inject(root, ws[0]);
  } catch (const Error& e) {
    return e.what();
  }
  FAIL("injection succeeded");
  return "";
}

const Node* container(const Node& pod, const char* list, const char* name) {
  const Node* l = pod.at_path(std::string("spec.") + list);
  if (!l) return nullptr;
  for (const auto& c : l->items)
    if (c.get("name")->text == name) return &c;
  return nullptr;
}

std::string env_value(const Node& c, const char* name) {
  for (const auto& e : c.get("env")->items)
    if (e.get("name")->text == name) return e.get("value") ? e.get("value")->text : "";
  return "<absent>";
}

}  // namespace

TEST_CASE("the built-in profile injects Istio's sidecar into a Deployment", "[injector]") {
  Injector injector(builtin_profile("1.24"), no_env());
  auto r = inject(kDeployment, injector);
  const Node& pod = *r.root.at_path("spec.template");
  CHECK(r.outcome.changed);
  CHECK(r.outcome.containers == std::vector<std::string>{"istio-proxy"});
  CHECK(r.outcome.init_containers == std::vector<std::string>{"istio-init"});

  // The proxy comes after the app container.
  REQUIRE(pod.at_path("spec.containers")->items.size() == 2);
  CHECK(pod.at_path("spec.containers")->items[1].get("name")->text == "istio-proxy");
  const Node* proxy = container(pod, "containers", "istio-proxy");
  CHECK(proxy->get("image")->text == "docker.io/istio/proxyv2:1.24.6");
  CHECK(env_value(*proxy, "ISTIO_META_WORKLOAD_NAME") == "web");
  CHECK(env_value(*proxy, "ISTIO_META_OWNER") == "kubernetes://apis/apps/v1/namespaces/shop/deployments/web");
  CHECK(env_value(*proxy, "ISTIO_META_APP_CONTAINERS") == "app");
  CHECK(env_value(*proxy, "ISTIO_META_POD_PORTS") == "[\n    {\"name\":\"http\",\"containerPort\":8080}\n]");
  CHECK(env_value(*proxy, "PROXY_CONFIG") == "{}\n");
  // Probes go through the agent, which keeps the originals (named port resolved).
  CHECK(env_value(*proxy, "ISTIO_KUBE_APP_PROBERS") ==
        R"({"/app-health/app/livez":{"httpGet":{"path":"/live","port":8080}},"/app-health/app/readyz":{"tcpSocket":{"port":8080},"timeoutSeconds":2}})");
  const Node* app = container(pod, "containers", "app");
  CHECK(app->at_path("livenessProbe.httpGet.path")->text == "/app-health/app/livez");
  CHECK(app->at_path("livenessProbe.httpGet.port")->i == 15020);
  CHECK(app->at_path("readinessProbe.httpGet.path")->text == "/app-health/app/readyz");
  CHECK_FALSE(app->at_path("readinessProbe.tcpSocket"));

  const Node* labels = pod.at_path("metadata.labels");
  CHECK(labels->get("security.istio.io/tlsMode")->text == "istio");
  CHECK(labels->get("service.istio.io/canonical-name")->text == "web");
  CHECK(labels->get("service.istio.io/canonical-revision")->text == "latest");
  const Node* annos = pod.at_path("metadata.annotations");
  CHECK(annos->get("istio.io/rev")->text == "default");
  CHECK(annos->get("kubectl.kubernetes.io/default-container")->text == "app");
  CHECK(annos->get("prometheus.io/port")->text == "15020");
  CHECK(annos->get("sidecar.istio.io/status")->text ==
        R"({"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["workload-socket","credential-socket","workload-certs","istio-envoy","istio-data","istio-podinfo","istio-token","istiod-ca-cert"],"imagePullSecrets":null,"revision":"default"})");
  // Volumes the template adds come before the pod's own.
  CHECK(pod.at_path("spec.volumes")->items[0].get("name")->text == "workload-socket");
}

TEST_CASE("injecting an injected pod changes nothing", "[injector]") {
  Injector injector(builtin_profile("1.24"), no_env());
  auto once = inject(kDeployment, injector);
  Node root = once.root;
  auto ws = find_workloads(root, WorkloadCatalog{});
  auto again = injector.inject(root, ws[0]);
  CHECK_FALSE(again.changed);
  CHECK(root.same_value(once.root));
}

TEST_CASE("values, annotations and the environment change what is injected", "[injector]") {
  IstioConfig cfg = builtin_profile("1.24");
  SECTION("holdApplicationUntilProxyStarts puts the proxy first") {
    cfg.values.at_path("global.proxy")->set("holdApplicationUntilProxyStarts", Node::boolean(true));
    Injector injector(cfg, no_env());
    auto r = inject(kDeployment, injector);
    const Node& first = r.root.at_path("spec.template.spec.containers")->items[0];
    CHECK(first.get("name")->text == "istio-proxy");
    CHECK(first.at_path("lifecycle.postStart.exec.command")->items[0].text == "pilot-agent");
  }
  SECTION("native sidecars: the proxy is an init container that keeps running") {
    Injector injector(cfg, env_with("ENABLE_NATIVE_SIDECARS", "true"));
    auto r = inject(kDeployment, injector);
    const Node& pod = *r.root.at_path("spec.template");
    CHECK(pod.at_path("spec.containers")->items.size() == 1);
    const Node* proxy = container(pod, "initContainers", "istio-proxy");
    REQUIRE(proxy);
    CHECK(proxy->get("restartPolicy")->text == "Always");
    CHECK(pod.at_path("spec.initContainers")->items[0].get("name")->text == "istio-init");
  }
  SECTION("per-pod resources, image and interception mode") {
    std::string yaml = kDeployment;
    yaml.replace(yaml.find("      labels:\n        app: web\n"), 0,
                 "      annotations:\n        sidecar.istio.io/proxyCPU: 50m\n        sidecar.istio.io/proxyImage: my.registry/proxy:1\n"
                 "        sidecar.istio.io/interceptionMode: TPROXY\n");
    Injector injector(cfg, no_env());
    auto r = inject(yaml, injector);
    const Node* proxy = container(*r.root.at_path("spec.template"), "containers", "istio-proxy");
    CHECK(proxy->at_path("resources.requests.cpu")->text == "50m");
    CHECK_FALSE(proxy->at_path("resources.limits"));
    CHECK(proxy->get("image")->text == "my.registry/proxy:1");
    CHECK(proxy->at_path("securityContext.runAsUser")->i == 0);
    const Node* init = container(*r.root.at_path("spec.template"), "initContainers", "istio-init");
    CHECK(init->get("args")->items[8].text == "TPROXY");
  }
  SECTION("--set global.hub and tag make the image") {
    cfg.values.at_path("global")->set("hub", Node::string("gcr.io/istio-testing"));
    cfg.values.at_path("global")->set("tag", Node::string("latest"));
    cfg.values.at_path("global")->set("variant", Node::string("distroless"));
    Injector injector(cfg, no_env());
    auto r = inject(kDeployment, injector);
    CHECK(container(*r.root.at_path("spec.template"), "containers", "istio-proxy")->get("image")->text ==
          "gcr.io/istio-testing/proxyv2:latest-distroless");
  }
}

TEST_CASE("bad per-pod annotations are errors naming the annotation", "[injector]") {
  struct Case {
    const char* annotation;
    const char* value;
    const char* says;
  };
  const Case cases[] = {
      {"traffic.sidecar.istio.io/includeOutboundIPRanges", "bad", "includeIPRanges invalid"},
      {"traffic.sidecar.istio.io/excludeOutboundIPRanges", "*", "excludeIPRanges invalid"},
      {"traffic.sidecar.istio.io/includeInboundPorts", "bad", "includeInboundPorts invalid"},
      {"traffic.sidecar.istio.io/excludeInboundPorts", "70000", "excludeInboundPorts invalid"},
      {"traffic.sidecar.istio.io/excludeOutboundPorts", "1,x", "excludeOutboundPorts invalid"},
      {"sidecar.istio.io/interceptionMode", "MAGIC", "interceptionMode invalid"},
      {"status.sidecar.istio.io/port", "-1", "invalid"},
      {"readiness.status.sidecar.istio.io/periodSeconds", "often", "invalid syntax"},
      {"prometheus.istio.io/merge-metrics", "maybe", "invalid syntax"},
      {"sidecar.istio.io/proxyMemory", "1GB", "quantities"},
      {"proxy.istio.io/config", "{notAField: 1}", "unknown ProxyConfig field"},
      // Istio 1.30's interface-name checks (netutil.ValidateInterfaceNames).
      {"traffic.sidecar.istio.io/excludeInterfaces", "eth0,,eth1", "empty interface name"},
      {"traffic.sidecar.istio.io/kubevirtInterfaces", "averyverylongname0", "\"averyverylongname0\" too long (max 15 chars)"},
      {"istio.io/reroute-virtual-interfaces", "net1;rm", "\"net1;rm\" contains invalid characters"},
  };
  const IstioRelease newest = parse_istio_release("1.30");
  for (const auto& c : cases) {
    INFO(c.annotation);
    Node annos = Node::map();
    annos.set(c.annotation, Node::string(c.value));
    try {
      validate_annotations(&annos, newest);
      FAIL("no error");
    } catch (const Error& e) {
      CHECK_THAT(e.what(), Catch::Contains(std::string("annotation '") + c.annotation + "'"));
      CHECK_THAT(e.what(), Catch::Contains(c.says));
    }
  }
  Node fine = Node::map();
  fine.set("traffic.sidecar.istio.io/includeOutboundIPRanges", Node::string("10.0.0.0/8,fd00::/8"));
  fine.set("traffic.sidecar.istio.io/includeInboundPorts", Node::string("*"));
  fine.set("traffic.sidecar.istio.io/excludeOutboundIPRanges", Node::string(""));
  fine.set("traffic.sidecar.istio.io/excludeInterfaces", Node::string("eth0, net1.2,veth_x-1"));
  CHECK_NOTHROW(validate_annotations(&fine, newest));
}

TEST_CASE("annotation checks follow the release: enableCoreDump until 1.24, interface names from 1.30", "[injector][release]") {
  Node core = Node::map();
  core.set("sidecar.istio.io/enableCoreDump", Node::string("sure"));
  CHECK_THROWS_WITH(validate_annotations(&core, parse_istio_release("1.24")), Catch::Contains("invalid syntax"));
  CHECK_NOTHROW(validate_annotations(&core, parse_istio_release("1.25")));
  Node iface = Node::map();
  iface.set("traffic.sidecar.istio.io/excludeInterfaces", Node::string("bad name"));
  CHECK_NOTHROW(validate_annotations(&iface, parse_istio_release("1.29")));
  CHECK_THROWS_WITH(validate_annotations(&iface, parse_istio_release("1.30")), Catch::Contains("contains invalid characters"));
}

TEST_CASE("template problems are reported with the template's name and position", "[injector]") {
  IstioConfig cfg = builtin_profile("1.24");
  cfg.templates["sidecar"] = "spec:\n  containers:\n  - name: {{ .Nope }\n";
  CHECK_THROWS_WITH(Injector(cfg, no_env()), Catch::Contains("\"sidecar\"") && Catch::Contains("sidecar:3"));

  cfg.templates["sidecar"] = "spec: {containers: [{name: {{ .Nope }}}]}";
  Injector bad_field(cfg, no_env());
  CHECK_THROWS_WITH(inject(kDeployment, bad_field), Catch::Contains("can't evaluate field Nope"));

  cfg.templates["sidecar"] = "spec:\n  containers:\n  - name: x\n   image: y\n";
  Injector bad_yaml(cfg, no_env());
  CHECK_THROWS_WITH(inject(kDeployment, bad_yaml), Catch::Contains("failed parsing generated injected YAML"));

  cfg = builtin_profile("1.24");
  std::string yaml = kDeployment;
  yaml.replace(yaml.find("      labels:\n"), 0, "      annotations:\n        inject.istio.io/templates: sidecar,nosuch\n");
  Injector injector(cfg, no_env());
  CHECK_THROWS_WITH(inject(yaml, injector), Catch::Contains("requested template \"nosuch\" not found; have ") && Catch::Contains("sidecar"));
}

TEST_CASE("any sidecar can be injected with a template of one's own", "[injector]") {
  IstioConfig cfg = builtin_profile("1.24");
  parse_inject_config(
      "spec:\n  containers:\n  - name: log-shipper\n    image: fluent/fluent-bit:3.0\n"
      "    env:\n    - name: APP\n      value: {{ .DeploymentMeta.Name | quote }}\n",
      "shipper.tmpl", cfg);
  Injector injector(cfg, no_env());
  auto r = inject(kDeployment, injector);
  const Node* shipper = container(*r.root.at_path("spec.template"), "containers", "log-shipper");
  REQUIRE(shipper);
  CHECK(env_value(*shipper, "APP") == "web");
  CHECK(r.outcome.containers == std::vector<std::string>{"log-shipper"});
}

TEST_CASE("injector: re-injecting a grpc-agent pod adds no resources: {} to its app container (fuzz finding)", "[injector]") {
  // grpc-agent renders the app containers, so they are recorded in
  // proxy.istio.io/overrides as Go marshals them: with "resources":{}.
  const std::string pod = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: grpc
spec:
  template:
    metadata:
      annotations:
        inject.istio.io/templates: grpc-agent
    spec:
      containers:
      - name: traffic
        image: traffic:1.0
)";
  Injector injector(builtin_profile("1.24"), no_env());
  for (bool user_wrote_resources : {false, true}) {
    std::string yaml = pod;
    if (user_wrote_resources) yaml += "        resources: {}\n";
    auto once = inject(yaml, injector);
    const Node* app = container(*once.root.at_path("spec.template"), "containers", "traffic");
    REQUIRE(app);
    CHECK((app->get("resources") != nullptr) == user_wrote_resources);
    Node root = once.root;
    auto ws = find_workloads(root, WorkloadCatalog{});
    auto again = injector.inject(root, ws[0]);
    CHECK_FALSE(again.changed);
    CHECK(root.same_value(once.root));
  }
}

TEST_CASE("injector: a container without a name is an error, not a non-idempotent injection (fuzz finding)", "[injector]") {
  // Injection records containers by name; a nameless one was recorded as ""
  // and stripped as such on the next injection.
  Injector injector(builtin_profile("1.24"), no_env());
  const std::string pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: x\n  - image: y\n";
  CHECK_THAT(injection_error(pod, injector), Catch::Contains("spec.containers[1]: the container has no name"));
}

TEST_CASE("injector: a port without containerPort is an error, not a duplicated port (fuzz finding)", "[injector]") {
  // Strategic merge matches list items by their merge key; a port with a
  // misspelt containerPort matched nothing, so re-applying the user's
  // container under grpc-agent appended it a second time (and the next
  // injection a third). Kubernetes refuses such a pod anyway.
  Injector injector(builtin_profile("1.24"), no_env());
  const std::string pod =
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations: {inject.istio.io/templates: grpc-agent}\n"
      "spec:\n  containers:\n  - name: app\n    image: x\n    ports:\n    - containerPort: 80\n    - containerPrt: 81\n";
  CHECK_THAT(injection_error(pod, injector),
             Catch::Contains("spec.containers[name=app].ports[1]: no containerPort, the key strategic merge matches"));
  // A container the template does not merge into is left as it is, as
  // Istio does (a real manifest in the corpus has such a port).
  const std::string untouched =
      "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n"
      "spec:\n  containers:\n  - name: app\n    image: x\n    ports:\n    - containerPort: 80\n    - grpcPort: 81\n";
  auto once = inject(untouched, injector);
  CHECK(once.outcome.changed);
  Node again = once.root;
  auto ws2 = find_workloads(again, WorkloadCatalog{});
  CHECK_FALSE(injector.inject(again, ws2[0]).changed);
}

TEST_CASE("injector: a mapping where Kubernetes expects a string is an error (fuzz finding)", "[injector]") {
  // `args: [{ds: 1}]` under grpc-agent: the recorded override wrote the
  // item as "" (Go's decoder would have failed), so the next injection
  // replaced it.
  Injector injector(builtin_profile("1.24"), no_env());
  const std::string pod =
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations: {inject.istio.io/templates: grpc-agent}\n"
      "spec:\n  containers:\n  - name: app\n    image: x\n    args:\n    - ds: 1\n";
  CHECK_THAT(injection_error(pod, injector), Catch::Contains("args[0]: expected a string, found a mapping"));
}

TEST_CASE("injector: a scalar where Kubernetes expects a map is an error, as Go's decoding fails (fuzz finding)", "[injector]") {
  // `limits: 3000m` in the user's istio-proxy used to vanish on the first
  // injection (an "empty" map) and come back from the template on the next.
  Injector injector(builtin_profile("1.24"), no_env());
  const std::string pod =
      "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: app\n    image: x\n"
      "  - name: istio-proxy\n    image: auto\n    resources:\n      limits: 3000m\n";
  CHECK_THAT(injection_error(pod, injector),
             Catch::Contains("spec.containers[name=istio-proxy].resources.limits is \"3000m\" where the sidecar's patch "
                             "has a mapping"));
}

// Regression: Istio's records are Go's json.Marshal, which writes <, > and &
// as \u003c, \u003e, \u0026; kinject wrote them raw.
TEST_CASE("injector: Istio's JSON records escape <, > and & as Go does (regression)", "[injector]") {
  std::string yaml = kDeployment;
  yaml.replace(yaml.find("path: /live"), 11, "path: /live?a=1&b=<2>");
  yaml.insert(yaml.find("      containers:\n"),
              "      containers:\n      - name: istio-proxy\n        image: auto\n        args: [\"--log=a&b\"]\n");
  yaml.erase(yaml.find("      containers:\n      - name: app"), 18);
  Injector injector(builtin_profile("1.24"), no_env());
  auto r = inject(yaml, injector);
  const Node& pod = *r.root.at_path("spec.template");
  const Node* proxy = container(pod, "containers", "istio-proxy");
  CHECK_THAT(env_value(*proxy, "ISTIO_KUBE_APP_PROBERS"), Catch::Contains(R"("path":"/live?a=1\u0026b=\u003c2\u003e")"));
  CHECK_THAT(pod.at_path("metadata.annotations")->get("proxy.istio.io/overrides")->text, Catch::Contains(R"("--log=a\u0026b")"));
  CHECK(json_quote("\xe2\x80\xa8 \xff") == "\"\\u2028 \\ufffd\"");
}

// The same value from a values file (which --set no longer lets through):
// the typed decode of the rendered proxy refuses it, as Go's
// resource.Quantity does.
TEST_CASE("injector: a proxy resource that is no quantity is an error, as Istio's typed decode fails", "[injector]") {
  IstioConfig cfg = builtin_profile("1.24");
  cfg.values.at_path("global.proxy.resources.requests")->set("cpu", Node::string("abc"));
  Injector injector(cfg, no_env());
  CHECK_THAT(injection_error(kDeployment, injector),
             Catch::Contains("container \"istio-proxy\": resources.requests.cpu: \"abc\": quantities must match"));
}

namespace {

// kDeployment with `extra` added to its pod spec and `annos` as its pod's
// annotations.
std::string with_pod(const std::string& extra, const std::string& annos = "") {
  std::string yaml = kDeployment;
  if (!annos.empty()) yaml.insert(yaml.find("      labels:\n"), "      annotations:\n" + annos);
  return yaml + extra;
}

}  // namespace

// Regression: a user volume named like an injected one (istio-envoy on a
// PVC) was merged with the injected emptyDir into one volume with two
// sources; the report said "injected" and the API server refused the pod.
TEST_CASE("injector: a name or port of the pod's that the sidecar uses is an error naming it (regression)", "[injector]") {
  Injector injector(builtin_profile("1.24"), no_env());
  CHECK_THAT(injection_error(with_pod("      volumes:\n      - name: istio-envoy\n        persistentVolumeClaim:\n"
                                      "          claimName: data\n"),
                             injector),
             Catch::Contains("the pod has a volume named \"istio-envoy\" (persistentVolumeClaim), the name of a volume the "
                             "sidecar adds (emptyDir)") &&
                 Catch::Contains("rename the pod's volume"));
  // The same source is no collision: the pod already had what the sidecar adds.
  CHECK_NOTHROW(inject(with_pod("      volumes:\n      - name: istio-envoy\n        emptyDir: {}\n"), injector));
  CHECK_THAT(injection_error(with_pod("      - name: istio-init\n        image: busybox\n"), injector),
             Catch::Contains("the pod has a container named \"istio-init\", the name of an init container the sidecar adds"));
  CHECK_THAT(injection_error(with_pod("      initContainers:\n      - name: istio-proxy\n        image: busybox\n"), injector),
             Catch::Contains("the pod has an init container named \"istio-proxy\", the name of a container the sidecar adds"));
  CHECK_THAT(injection_error(with_pod("      - name: metrics\n        image: m\n        ports:\n        - containerPort: 15090\n"),
                             injector),
             Catch::Contains("container \"metrics\" declares port 15090, one the sidecar's proxy listens on in the pod's "
                             "network (15001, 15006, 15020, 15021, 15090)"));
  CHECK_THAT(injection_error(with_pod("      - name: m\n        image: m\n        ports:\n        - containerPort: 15020\n"),
                             injector),
             Catch::Contains("declares port 15020"));
  // With the status port moved, 15020 is the app's.
  CHECK_NOTHROW(inject(with_pod("      - name: m\n        image: m\n        ports:\n        - containerPort: 15020\n",
                                "        status.sidecar.istio.io/port: \"15030\"\n"),
                       injector));
  // Annotations that add a volume or a mount under a name or path the sidecar has.
  CHECK_THAT(injection_error(with_pod("", "        sidecar.istio.io/userVolume: '[{\"name\": \"istio-envoy\", \"secret\": "
                                          "{\"secretName\": \"s\"}}]'\n"),
                             injector),
             Catch::Contains("renders two volumes named \"istio-envoy\" (the sidecar.istio.io/userVolume annotation adds one"));
  CHECK_THAT(injection_error(with_pod("", "        sidecar.istio.io/userVolumeMount: '[{\"name\": \"x\", \"mountPath\": "
                                          "\"/etc/istio/proxy\"}]'\n"),
                             injector),
             Catch::Contains("renders two mounts at \"/etc/istio/proxy\" in container \"istio-proxy\""));
  // A container named istio-proxy is Istio's way to customise the proxy.
  auto r = inject(with_pod("      - name: istio-proxy\n        image: auto\n        resources: {limits: {cpu: '3'}}\n"), injector);
  CHECK(r.outcome.changed);
}

// Regression: the metadata an injection adds to a pod template that had
// none went after the spec; Kubernetes writes it before.
TEST_CASE("injector: a pod template's new metadata goes before its spec (regression)", "[injector]") {
  std::string yaml = kDeployment;
  const std::string meta = "    metadata:\n      labels:\n        app: web\n";
  yaml.erase(yaml.find(meta), meta.size());
  Injector injector(builtin_profile("1.24"), no_env());
  auto r = inject(yaml, injector);
  const Node& tmpl = *r.root.at_path("spec.template");
  REQUIRE(tmpl.entries.size() == 2);
  CHECK(tmpl.entries[0].key.text == "metadata");
  CHECK(tmpl.entries[1].key.text == "spec");
}

// Found by inject_fuzz: `readOnlyRootFilesystem: felse` in a user's
// istio-proxy went into proxy.istio.io/overrides as false, so injecting the
// output again changed it. Go's decoder refuses a string where it expects a
// boolean (or an integer), and so does kinject.
TEST_CASE("injector: a scalar of the wrong type in an override is an error, as Go's decoding fails (fuzz finding)", "[injector]") {
  Injector injector(builtin_profile("1.24"), no_env());
  CHECK_THAT(injection_error(with_pod("      - name: istio-proxy\n        image: auto\n        securityContext:\n"
                                      "          readOnlyRootFilesystem: felse\n"),
                             injector),
             Catch::Contains("container \"istio-proxy\": securityContext.readOnlyRootFilesystem: expected a boolean (true or "
                             "false), found \"felse\""));
  CHECK_THAT(injection_error(with_pod("      - name: istio-proxy\n        image: auto\n        securityContext:\n"
                                      "          runAsUser: \"1234\"\n"),
                             injector),
             Catch::Contains("securityContext.runAsUser: expected an integer, found \"1234\""));
}

// Regression (issue 22): the injector, given what the pipeline's typed
// check refuses (it is not the only caller), replaced the pod's own
// `labels: [app, web]`, `initContainers: {}` and `volumes: {}` with the
// sidecar's. Each is an error naming the field now, never a replacement.
TEST_CASE("injector: pod labels, init containers or volumes of the wrong kind are an error, not replaced (issue 22)",
          "[injector]") {
  Injector injector(builtin_profile("1.24"), no_env());
  const std::string pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    image: x\n";
  std::string labels = pod;
  labels.insert(labels.find("spec:"), "  labels: [app, web]\n");
  CHECK_THAT(injection_error(labels, injector), Catch::Contains("metadata.labels is a list"));
  CHECK_THAT(injection_error(pod + "  initContainers: {}\n", injector),
             Catch::Contains("initContainers") && Catch::Contains("a mapping where"));
  CHECK_THAT(injection_error(pod + "  volumes: {}\n", injector),
             Catch::Contains("spec.volumes is a mapping where the sidecar's patch has a list"));
  // Native sidecars move the proxy into the init containers.
  IstioConfig native = builtin_profile("1.30");
  Injector native_injector(native, no_env());
  CHECK_THAT(injection_error(pod + "  initContainers: x\n", native_injector), Catch::Contains("initContainers"));
}
