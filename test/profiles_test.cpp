// The built-in profiles, one per Istio release (src/istio/profiles): which
// one --istio-version chooses, that each injects, and that each injects what
// its release does where the releases differ. The expectations are read off
// Istio's templates and goldens of each release (pkg/kube/inject/testdata,
// manifests/charts/istio-control/istio-discovery/files at tags 1.24.6,
// 1.28.10, 1.29.6 and 1.30.3).
#include <catch2/catch.hpp>

#include "support.h"

#include "kinject/base/error.h"
#include "kinject/istio/config.h"
#include "kinject/istio/template_data.h"
#include "kinject/istio/injector.h"
#include "kinject/k8s/workloads.h"
#include "kinject/yaml/reader.h"

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
)";

// kDeployment with these pod annotations (and, if given, pod labels).
std::string deployment_with(const std::string& annotations, const std::string& labels = "") {
  std::string text = kDeployment;
  std::string at = "        app: web\n";
  text.replace(text.find(at), at.size(), at + labels + (annotations.empty() ? "" : "      annotations:\n" + annotations));
  return text;
}

Node inject(const std::string& yaml, const IstioConfig& cfg, EnvLookup env = no_env()) {
  Injector injector(cfg, std::move(env));
  Node root = parse_yaml(yaml, "t.yaml");
  auto ws = find_workloads(root, WorkloadCatalog{});
  REQUIRE(ws.size() == 1);
  CHECK(injector.inject(root, ws[0]).changed);
  return *root.at_path("spec.template");
}

const Node* named(const Node* list, std::string_view name) {
  if (list)
    for (const auto& item : list->items)
      if (const Node* n = item.get("name"); n && n->scalar_text() == name) return &item;
  return nullptr;
}

const Node* proxy_of(const Node& pod) {
  if (const Node* p = named(pod.at_path("spec.containers"), "istio-proxy")) return p;
  return named(pod.at_path("spec.initContainers"), "istio-proxy");
}

std::string env_of(const Node& container, std::string_view name) {
  const Node* e = named(container.get("env"), name);
  if (!e) return "<absent>";
  const Node* v = e->get("value");
  return v ? v->scalar_text() : "<valueFrom>";
}

std::vector<std::string> args_of(const Node& pod, std::string_view container) {
  std::vector<std::string> out;
  const Node* c = named(pod.at_path("spec.initContainers"), container);
  if (c && c->get("args"))
    for (const auto& a : c->get("args")->items) out.push_back(a.scalar_text());
  return out;
}

IstioConfig load(ConfigSources src, MemoryDisk disk = {}) { return load_config(src, disk); }

ConfigSources version(std::string v) {
  ConfigSources src;
  src.istio_version = std::move(v);
  return src;
}

}  // namespace

TEST_CASE("profiles: --istio-version chooses the built-in profile by its minor", "[profiles]") {
  IstioConfig c = load(version("1.30.3"));
  CHECK(c.release.minor == 30);
  CHECK(c.release.patch == 3);
  CHECK(c.values.at_path("global.tag")->text == "1.30.3");
  CHECK(c.description == "built-in profile of Istio 1.30.3");

  // Another patch of 1.28 plays that patch's injector with the 1.28 profile,
  // and names that patch's image (issue 24: the cluster runs 1.28.2).
  c = load(version("1.28.2"));
  CHECK(c.release.name() == "1.28.2");
  CHECK(c.values.at_path("global.tag")->text == "1.28.2");

  c = load(version("v1.24"));
  CHECK(c.release.name() == "1.24.6");  // the profile's patch
  CHECK(c.values.at_path("global.tag")->text == "1.24.6");
}

TEST_CASE("profiles: without --istio-version the newest built-in profile", "[profiles]") {
  IstioConfig c = load(ConfigSources{});
  CHECK(c.release.name() == "1.31.0");
  CHECK(c.values.at_path("global.hub")->text == "registry.istio.io/release");
  CHECK(default_istio_release().name() == builtin_releases().back());
}

TEST_CASE("profiles: a release without a built-in profile needs its configuration", "[profiles]") {
  for (const char* v : {"1.25", "1.26", "1.27.3"}) {
    CAPTURE(v);
    CHECK_THROWS_WITH(load(version(v)),
                      Catch::Contains("no built-in profile of Istio 1." + std::string(v).substr(2, 2)) &&
                          Catch::Contains("built-in: 1.24, 1.28, 1.29, 1.30, 1.31"));
  }
  // With its injector config, the nearest profile fills in the values and mesh.
  MemoryDisk disk;
  disk.add_file("inject.yaml", "templates:\n  sidecar: |\n    spec:\n      containers:\n      - name: istio-proxy\n");
  ConfigSources src = version("1.26");
  src.inject_config_file = "inject.yaml";
  IstioConfig c = load(src, disk);
  CHECK(c.release.name() == "1.26");
  CHECK(c.values.at_path("global.tag")->text == "1.28.10");
  CHECK(c.templates.size() == 1);
  src.istio_version = "1.25";
  CHECK(load(src, disk).values.at_path("global.tag")->text == "1.24.6");
  // Out of range is refused by the flag itself.
  CHECK_THROWS_WITH(load(version("1.23")), Catch::Contains("kinject plays the injectors of Istio 1.24 to 1.31"));
}

TEST_CASE("profiles: --set knows the values of the release's profile", "[profiles]") {
  auto with_set = [](const char* release, std::string set) {
    ConfigSources src = version(release);
    src.sets = {std::move(set)};
    return load(src);
  };
  // global.nativeNftables came with Istio 1.27.
  CHECK_THROWS_WITH(with_set("1.24", "global.nativeNftables=true"), Catch::Contains("Istio's values have no global.nativeNftables"));
  CHECK(with_set("1.28", "global.nativeNftables=true").values.at_path("global.nativeNftables")->b);
  CHECK_THROWS_WITH(with_set("1.30", "global.nativeNftables=maybe"), Catch::Contains("is a boolean"));
  // Read by 1.29's templates only (pilot.crlConfigMapName), yet known.
  CHECK_NOTHROW(with_set("1.29", "pilot.crlConfigMapName=my-crl"));
}

TEST_CASE("profiles: each injects a plain Deployment, with every template", "[profiles]") {
  for (const auto& release : builtin_releases()) {
    CAPTURE(release);
    IstioConfig cfg = builtin_profile(release);
    std::string image = cfg.values.at_path("global.hub")->text + "/proxyv2:" + cfg.values.at_path("global.tag")->text;
    Node pod = inject(kDeployment, cfg);
    const Node* proxy = proxy_of(pod);
    REQUIRE(proxy);
    CHECK(proxy->get("image")->text == image);
    CHECK(env_of(*proxy, "ISTIO_META_WORKLOAD_NAME") == "web");
    CHECK(named(pod.at_path("spec.initContainers"), "istio-init"));
    for (const char* t : {"gateway", "grpc-agent", "grpc-simple"}) {
      CAPTURE(t);
      Node other = inject(deployment_with(std::string("        inject.istio.io/templates: ") + t + "\n"), cfg);
      CHECK(other.at_path("spec.containers")->items.size() >= 1);
    }
  }
}

// The classic layout (ENABLE_NATIVE_SIDECARS=false) unless a section asks
// for its own environment: the differences below are the templates'.
EnvLookup classic_env() {
  return [](std::string_view k) -> std::optional<std::string> {
    if (k == "ENABLE_NATIVE_SIDECARS") return std::string("false");
    return std::nullopt;
  };
}

TEST_CASE("profiles: what the releases inject differently", "[profiles]") {
  auto pod = [](const char* release, const std::string& yaml = kDeployment, EnvLookup env = classic_env()) {
    return inject(yaml, builtin_profile(release), std::move(env));
  };

  SECTION("divisor \"1\" on the proxy's limits from 1.29 (before, Go's typed round trip writes \"0\")") {
    for (auto [release, divisor] : {std::pair{"1.24", "0"}, {"1.28", "0"}, {"1.29", "1"}, {"1.30", "1"}}) {
      CAPTURE(release);
      const Node injected = pod(release);  // held: `env` points into it
      const Node* env = named(proxy_of(injected)->get("env"), "GOMEMLIMIT");
      REQUIRE(env);
      CHECK(env->at_path("valueFrom.resourceFieldRef.divisor")->scalar_text() == divisor);
    }
  }

  SECTION("the CA's revocation list from 1.27, mounted under istiod's root certificate") {
    for (auto [release, crl] : {std::pair{"1.24", false}, {"1.28", true}, {"1.29", true}, {"1.30", true}}) {
      CAPTURE(release);
      Node p = pod(release);
      const Node* volume = named(p.at_path("spec.volumes"), "istio-ca-crl");
      CHECK(bool(volume) == crl);
      CHECK(bool(named(proxy_of(p)->get("volumeMounts"), "istio-ca-crl")) == crl);
      CHECK((p.at_path("metadata.annotations")->get("sidecar.istio.io/status")->text.find("istio-ca-crl") !=
             std::string::npos) == crl);
      if (volume) {
        CHECK(volume->at_path("configMap.name")->text == "istio-ca-crl");
        CHECK(volume->at_path("configMap.optional")->b);
        CHECK(named(proxy_of(p)->get("volumeMounts"), "istio-ca-crl")->get("mountPath")->text ==
              "/var/run/secrets/istio/crl");
      }
    }
  }

  SECTION("OTEL_RESOURCE_ATTRIBUTES in 1.30, when a provider asks for OpenTelemetry's conventions") {
    MemoryDisk disk;
    disk.add_file("mesh.yaml", R"(extensionProviders:
- name: otel
  opentelemetry:
    service: otel-collector.observability.svc.cluster.local
    port: 4317
    serviceAttributeEnrichment: OTEL_SEMANTIC_CONVENTIONS
)");
    for (auto [release, want] : {std::pair{"1.29", "<absent>"},
                                 {"1.30", "service.namespace=shop,service.version=1,service.instance.id=shop.$(POD_NAME).app"}}) {
      CAPTURE(release);
      ConfigSources src = version(release);
      src.mesh_config_file = "mesh.yaml";
      CHECK(env_of(*proxy_of(inject(kDeployment, load(src, disk))), "OTEL_RESOURCE_ATTRIBUTES") == want);
    }
    // Without such a provider, none.
    CHECK(env_of(*proxy_of(pod("1.30")), "OTEL_RESOURCE_ATTRIBUTES") == "<absent>");
  }

  SECTION("sidecar.istio.io/nativeSidecar: from 1.27 any value but \"false\" turns it on") {
    std::string yes = deployment_with("        sidecar.istio.io/nativeSidecar: \"yes\"\n");
    for (auto [release, native] : {std::pair{"1.24", false}, {"1.28", true}, {"1.30", true}}) {
      CAPTURE(release);
      Node p = pod(release, yes);
      CHECK(bool(named(p.at_path("spec.initContainers"), "istio-proxy")) == native);
    }
    // A native proxy keeps running and drains when the pod stops.
    const Node native_pod = pod("1.30", yes);  // held: `proxy` points into it
    const Node* proxy = named(native_pod.at_path("spec.initContainers"), "istio-proxy");
    CHECK(proxy->get("restartPolicy")->text == "Always");
    CHECK(proxy->at_path("lifecycle.preStop.exec.command")->items.size() == 5);
    // ENABLE_NATIVE_SIDECARS=true, overruled by the annotation "false".
    auto native_env = [] { return env_with("ENABLE_NATIVE_SIDECARS", "true"); };
    CHECK(named(pod("1.30", kDeployment, native_env()).at_path("spec.initContainers"), "istio-proxy"));
    std::string no = deployment_with("        sidecar.istio.io/nativeSidecar: \"false\"\n");
    CHECK(named(pod("1.30", no, native_env()).at_path("spec.containers"), "istio-proxy"));
  }

  SECTION("interception NONE without native sidecars keeps the pod's own init containers") {
    std::string none = deployment_with("        sidecar.istio.io/interceptionMode: NONE\n");
    none.replace(none.find("      containers:"), 0, "      initContainers:\n      - name: setup\n        image: busybox\n");
    Node p = pod("1.30", none);
    REQUIRE(p.at_path("spec.initContainers"));
    CHECK(p.at_path("spec.initContainers")->items.size() == 1);
    CHECK(p.at_path("metadata.annotations")->get("sidecar.istio.io/status")->text.find("\"initContainers\":null") !=
          std::string::npos);
  }

  SECTION("ISTIO_META_WORKLOAD_NAME from the service.istio.io/workload-name label from 1.25") {
    std::string labelled = deployment_with("", "        service.istio.io/workload-name: storefront\n");
    CHECK(env_of(*proxy_of(pod("1.24", labelled)), "ISTIO_META_WORKLOAD_NAME") == "web");
    CHECK(env_of(*proxy_of(pod("1.28", labelled)), "ISTIO_META_WORKLOAD_NAME") == "storefront");
  }

  SECTION("istio.io/reroute-virtual-interfaces from 1.25, winning over kubevirtInterfaces") {
    std::string both = deployment_with("        istio.io/reroute-virtual-interfaces: eth1\n"
                                       "        traffic.sidecar.istio.io/kubevirtInterfaces: net1\n");
    auto k = [](const std::vector<std::string>& args) {
      std::vector<std::string> out;
      for (std::size_t i = 0; i + 1 < args.size(); ++i)
        if (args[i] == "-k") out.push_back(args[i + 1]);
      return out;
    };
    CHECK(k(args_of(pod("1.24", both), "istio-init")) == std::vector<std::string>{"net1"});
    CHECK(k(args_of(pod("1.28", both), "istio-init")) == std::vector<std::string>{"eth1"});
  }

  SECTION("global.proxy.seccompProfile from 1.28, on both containers") {
    ConfigSources src = version("1.30");
    src.sets = {"global.proxy.seccompProfile.type=RuntimeDefault"};
    Node p = inject(kDeployment, load(src));
    CHECK(proxy_of(p)->at_path("securityContext.seccompProfile.type")->text == "RuntimeDefault");
    CHECK(named(p.at_path("spec.initContainers"), "istio-init")->at_path("securityContext.seccompProfile.type")->text ==
          "RuntimeDefault");
    CHECK_FALSE(proxy_of(pod("1.30"))->at_path("securityContext.seccompProfile"));
  }

  SECTION("null resources left out from 1.28 (omitNil)") {
    // Nulls in the values (an IstioOperator's, kept as given; a --set null
    // removes the default instead, as Helm does).
    MemoryDisk disk;
    disk.add_file("iop.yaml", "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  values:\n"
                              "    global:\n      proxy:\n        resources:\n          limits: {cpu: null, memory: 500Mi}\n"
                              "          requests: {cpu: null, memory: 150Mi}\n");
    ConfigSources src = version("1.28");
    src.operator_file = "iop.yaml";
    IstioConfig cfg = load(src, disk);
    REQUIRE(cfg.values.at_path("global.proxy.resources.limits.cpu"));
    CHECK(cfg.values.at_path("global.proxy.resources.limits.cpu")->is_null());
    const Node injected = inject(kDeployment, cfg);  // held: `resources` points into it
    const Node* resources = proxy_of(injected)->get("resources");
    CHECK_FALSE(resources->at_path("limits.cpu"));
    CHECK(resources->at_path("limits.memory")->text == "500Mi");
  }

  SECTION("--set ...cpu=null removes Istio's default limit, as Helm's coalescing does") {
    for (const char* release : {"1.24", "1.28"}) {
      CAPTURE(release);
      ConfigSources src = version(release);
      src.sets = {"global.proxy.resources.limits.cpu=null,global.proxy.resources.limits.memory=500Mi"};
      IstioConfig cfg = load(src);
      CHECK_FALSE(cfg.values.at_path("global.proxy.resources.limits.cpu"));
      const Node injected = inject(kDeployment, cfg);
      const Node* resources = proxy_of(injected)->get("resources");
      CHECK_FALSE(resources->at_path("limits.cpu"));
      CHECK(resources->at_path("limits.memory")->text == "500Mi");
      CHECK(resources->at_path("requests.cpu")->text == "100m");
    }
  }

  SECTION("istiod's root certificate: global.trustBundleName from 1.27, a ClusterTrustBundle from 1.26") {
    ConfigSources src = version("1.30");
    src.sets = {"global.trustBundleName=my-root"};
    CHECK(named(inject(kDeployment, load(src)).at_path("spec.volumes"), "istiod-ca-cert")->at_path("configMap.name")->text ==
          "my-root");
    src.sets.push_back("pilot.env.ENABLE_CLUSTER_TRUST_BUNDLE_API=true");
    const Node trusted = inject(kDeployment, load(src));  // held: `ca` points into it
    const Node* ca = named(trusted.at_path("spec.volumes"), "istiod-ca-cert");
    CHECK(ca->at_path("projected.sources")->items[0].at_path("clusterTrustBundle.name")->text == "istio.io:istiod-ca:my-root");
  }

  SECTION("the gateway's workload-socket is an emptyDir only up to 1.26") {
    std::string gateway = deployment_with("        inject.istio.io/templates: gateway\n");
    CHECK(named(pod("1.24", gateway).at_path("spec.volumes"), "workload-socket")->get("emptyDir"));
    CHECK_FALSE(named(pod("1.30", gateway).at_path("spec.volumes"), "workload-socket")->get("emptyDir"));
  }
}

// The values of each profile are those of its release's
// istio-sidecar-injector ConfigMap, as Istio's own test renders the chart
// (the reference data's conformance inputs), but for the test hub and tag.
TEST_CASE("profiles: the values are the release's injector values", "[profiles]") {
  for (const char* release : {"1.24", "1.28", "1.30"}) {
    CAPTURE(release);
    auto inputs = reference_part(std::string("conformance/istio-") + release + "/inputs");
    if (!inputs) return;
    Node want = parse_yaml(slurp(*inputs + "/default.values.gen.yaml"), "default.values.gen.yaml");
    Node have = builtin_profile(release).values;
    for (const char* key : {"hub", "tag"}) have.at_path("global")->set(key, *want.at_path(std::string("global.") + key));
    INFO(difference(want, have));
    CHECK(have.same_value(want));
    Node mesh = parse_yaml(slurp(*inputs + "/default.mesh.gen.yaml"), "default.mesh.gen.yaml");
    IstioConfig from_file = builtin_profile(release);
    CHECK(apply_mesh_config(default_mesh_config(), mesh).same_value(from_file.mesh));
  }
}

// Regression: --set read `yes` as a YAML 1.1 boolean, where Helm's --set
// takes only true/false (in any case) and keeps `yes` a string, which
// Istio's boolean value then refuses.
TEST_CASE("profiles: --set global.nativeNftables=yes is refused like Helm's string", "[profiles]") {
  ConfigSources src;
  src.istio_version = "1.30";
  src.sets = {"global.nativeNftables=True"};
  CHECK(load(src).values.at_path("global.nativeNftables")->b);
  src.sets = {"global.nativeNftables=FALSE"};
  CHECK_FALSE(load(src).values.at_path("global.nativeNftables")->b);
  src.sets = {"global.hub=on"};
  CHECK(load(src).values.at_path("global.hub")->kind == Kind::String);
  src.sets = {"global.nativeNftables=yes"};
  CHECK_THROWS_WITH(load(src), Catch::Contains("is a boolean"));
}

// Regression (issue 22): --set took everything after the first `=` as one
// value, so Helm's escaped comma kept its backslash and istio-init got
// `-x 10.0.0.0/8\,192.168.0.0/16`, which istio-iptables refuses in the
// cluster (kinject exited 0). Helm's grammar takes `\,` as a comma.
TEST_CASE("profiles: --set excludeIPRanges with an escaped comma reached istio-iptables' args with its backslash (regression)",
          "[profiles][set]") {
  for (const char* release : {"1.24", "1.30"}) {
    CAPTURE(release);
    ConfigSources src = version(release);
    src.sets = {R"(global.proxy.excludeIPRanges=10.0.0.0/8\,192.168.0.0/16)"};
    std::vector<std::string> args = args_of(inject(kDeployment, load(src)), "istio-init");
    auto x = std::find(args.begin(), args.end(), "-x");
    REQUIRE(x != args.end());
    REQUIRE(x + 1 != args.end());
    CHECK(x[1] == "10.0.0.0/8,192.168.0.0/16");
  }
}

// Regression (issue 22): `--set a=1,b=2` set a to "1,b=2"; in Helm's grammar
// (and so in every Helm command line copied into kinject's) it is two
// assignments.
TEST_CASE("profiles: --set a=1,b=2 was read as one value (regression)", "[profiles][set]") {
  ConfigSources src = version("1.30");
  src.sets = {"global.hub=registry.example.com/istio,global.tag=1.30.0,global.proxy.statusPort=15021"};
  IstioConfig c = load(src);
  CHECK(c.values.at_path("global.hub")->text == "registry.example.com/istio");
  CHECK(c.values.at_path("global.tag")->text == "1.30.0");
  CHECK(c.values.at_path("global.proxy.statusPort")->kind == Kind::Int);
  CHECK(c.values.at_path("global.proxy.statusPort")->i == 15021);
  CHECK(proxy_of(inject(kDeployment, c))->get("image")->text == "registry.example.com/istio/proxyv2:1.30.0");
}

namespace {

// An injector config file (the raw data, as --injectConfigFile takes it)
// whose template reads what Istio 1.28's does (global.proxy.seccompProfile).
const char* kInjector128 = R"(policy: enabled
templates:
  sidecar: |
    spec:
      containers:
      - name: istio-proxy
        {{- if .Values.global.proxy.seccompProfile }}
        securityContext:
          seccompProfile: {}
        {{- end }}
)";

}  // namespace

TEST_CASE("profiles: files of an older release that leave a part out are filled from that release's profile", "[profiles]") {
  // Regression: the values and mesh config a 1.28 injector ConfigMap left
  // out came from the newest profile (1.30), and its global.tag then made
  // the files read as 1.30.
  MemoryDisk disk;
  disk.add_file("injector.yaml", kInjector128);
  ConfigSources src;
  src.inject_config_file = "injector.yaml";
  IstioConfig c = load(src, disk);
  CHECK(c.release.minor == 28);
  CHECK_THAT(c.release.reason, Catch::Contains("seccompProfile"));
  CHECK(c.values.at_path("global.tag")->text == load(version("1.28")).values.at_path("global.tag")->text);
  // --istio-version still says which profile fills in.
  src.istio_version = "1.30";
  CHECK(load(src, disk).values.at_path("global.tag")->text == "1.30.3");
  // Files that say nothing of their release: the newest fills in, as before.
  disk.add_file("injector.yaml", "policy: enabled\ntemplates:\n  sidecar: |\n    spec: {}\n");
  src.istio_version.clear();
  CHECK(load(src, disk).release.minor == 31);
  CHECK(load(src, disk).values.at_path("global.tag")->text == "1.31.0");
}

// Istio 1.31 (tag 1.31.0-rc.0) against 1.30.3: what the built-in 1.31 profile
// injects differently, each from Istio's chart (files/injection-template.yaml)
// or injector (inject.go ProxyImage, ProxyInitImage, proxyImageURL).
TEST_CASE("profiles: 1.31's istio-init image is global.proxy_init.image's (.ProxyInitImage), 1.30's the proxy's (issue 24)",
          "[profiles][release]") {
  // injection-template.yaml 1.31: image: "{{ .ProxyInitImage }}"; 1.30:
  // "{{ .ProxyImage }}". Golden: hello.yaml.proxyInitImageName.injected.
  for (const auto& [release, want] : {std::pair{"1.31", "registry.istio.io/release/proxyinit:1.31.0"},
                                      std::pair{"1.30", "registry.istio.io/release/proxyv2:1.30.3"}}) {
    CAPTURE(release);
    ConfigSources src = version(release);
    src.sets = {"global.proxy_init.image=proxyinit", "global.proxy.image=proxyv2"};
    Node pod = inject(kDeployment, load(src));
    const Node* init = named(pod.at_path("spec.initContainers"), "istio-init");
    REQUIRE(init);
    CHECK(init->get("image")->scalar_text() == want);
  }
}

TEST_CASE("profiles: 1.31 trims the canonical name of - _ . at both ends (trimAll), 1.30 a trailing - (issue 24)",
          "[profiles][release]") {
  // The 63rd character is the last kept; a name whose cut ends in "_" keeps it
  // before 1.31 (trimSuffix "-"), loses it from 1.31 (trimAll "-_.").
  const std::string name = std::string("_") + std::string(61, 'a') + "_b";
  const std::string labels = fmt::format("        service.istio.io/canonical-name: {}\n", name);
  const std::string text = deployment_with("", labels);
  Node v130 = inject(text, load(version("1.30")));
  Node v131 = inject(text, load(version("1.31")));
  CHECK(v130.at_path("metadata.labels")->get("service.istio.io/canonical-name")->scalar_text() == name.substr(0, 63));
  CHECK(v131.at_path("metadata.labels")->get("service.istio.io/canonical-name")->scalar_text() == std::string(61, 'a'));
}

TEST_CASE("profiles: 1.31 sets GODEBUG=fips140=only beside COMPLIANCE_POLICY fips-140-3 (issue 24)", "[profiles][release]") {
  // injection-template.yaml 1.31: `{{- if eq .CompliancePolicy "fips-140-3" }}
  // - name: GODEBUG value: "fips140=only"`. Golden: hello-fips-140-3.yaml.injected.
  EnvLookup fips = env_with("COMPLIANCE_POLICY", "fips-140-3");
  CHECK(env_of(*proxy_of(inject(kDeployment, load(version("1.31")), fips)), "GODEBUG") == "fips140=only");
  CHECK(env_of(*proxy_of(inject(kDeployment, load(version("1.30")), fips)), "GODEBUG") == "<absent>");
  CHECK(env_of(*proxy_of(inject(kDeployment, load(version("1.31")), env_with("COMPLIANCE_POLICY", "pqc"))), "GODEBUG") ==
        "<absent>");
}

TEST_CASE("profiles: 1.31 keeps global.variant under a ProxyConfig image with no type; 1.30 drops it (issue 24)",
          "[profiles][release]") {
  // inject.go 1.30 ProxyImage: `if image != nil { imageType = image.ImageType }`;
  // 1.31 proxyImageURL: `if imageType == "" { imageType = global.GetVariant() }`.
  const std::string text = deployment_with("        proxy.istio.io/config: '{image: {}}'\n");
  for (const auto& [release, want] : {std::pair{"1.31", "registry.istio.io/release/proxyv2:1.31.0-distroless"},
                                      std::pair{"1.30", "registry.istio.io/release/proxyv2:1.30.3"}}) {
    CAPTURE(release);
    ConfigSources src = version(release);
    src.sets = {"global.variant=distroless"};
    CHECK(proxy_of(inject(text, load(src)))->get("image")->scalar_text() == want);
  }
}
