// Native sidecars decided as the cluster (or istioctl) decides: the rules of
// istio/native.h, one by one, then through the injector and the pipeline.
#include "kinject/istio/native.h"

#include <catch2/catch.hpp>

#include "support.h"

#include "kinject/istio/config.h"
#include "kinject/istio/injector.h"
#include "kinject/k8s/pod.h"
#include "kinject/yaml/reader.h"

using namespace kinject;
using namespace kinject::test;

namespace {

const IstioRelease k124{24, -1, "test"};
const IstioRelease k126{26, -1, "test"};
const IstioRelease k127{27, 0, "test"};
const IstioRelease k128{28, -1, "test"};

using Env = std::optional<std::string>;

NativeSidecarContext kube(const char* version) {
  NativeSidecarContext c;
  c.kube_version = parse_kube_version(version);
  REQUIRE(c.kube_version);
  return c;
}

NativeSidecarContext cluster(ClusterNodes nodes) {
  NativeSidecarContext c;
  c.nodes = std::move(nodes);
  return c;
}

NativeSidecarContext kube_inject() {
  NativeSidecarContext c;
  c.kube_inject = true;
  return c;
}

NativeSidecarDecision decide(const IstioRelease& r, Env env, const NativeSidecarContext& c = {}, std::string_view node = "") {
  return decide_native_sidecars(r, env, c, node);
}

}  // namespace

TEST_CASE("native sidecars: --kube-version reads as Helm's flag", "[native]") {
  CHECK(parse_kube_version("1.33")->name() == "1.33");
  CHECK(parse_kube_version("v1.33")->name() == "1.33");
  CHECK(parse_kube_version("1.33.2")->name() == "1.33");
  CHECK(parse_kube_version("1.33.2-eks-4096")->name() == "1.33");
  CHECK(parse_kube_version("v1.34.1+k3s1")->name() == "1.34");
  CHECK(parse_kube_version("v1.33.2-eks-4096")->text == "v1.33.2-eks-4096");
  for (const char* bad : {"", "1", "v", "1.", "1.x", "x1.33", "1.33.", "1.33 ", " 1.33", "1.33_2", "1.33-", "V1.33"}) {
    INFO(bad);
    CHECK_FALSE(parse_kube_version(bad));
  }
  CHECK(parse_kube_version("1.32")->at_least(1, 32));
  CHECK_FALSE(parse_kube_version("1.32")->at_least(1, 33));
  CHECK(parse_kube_version("2.0")->at_least(1, 33));
}

TEST_CASE("native sidecars: kubelet versions read as hashicorp/go-version does", "[native]") {
  using Seg = std::vector<std::int64_t>;
  CHECK(go_version_segments("v1.33.0") == Seg{1, 33, 0});
  CHECK(go_version_segments("1.33.2-eks-4096") == Seg{1, 33, 2});
  CHECK(go_version_segments("v1.32.4-gke.1000") == Seg{1, 32, 4});
  CHECK(go_version_segments("v1.34.1+k3s1") == Seg{1, 34, 1});
  CHECK(go_version_segments("1.33") == Seg{1, 33, 0});
  CHECK(go_version_segments("1") == Seg{1, 0, 0});  // padded: the minor is 0
  CHECK(go_version_segments("1.33.0.1") == Seg{1, 33, 0, 1});
  CHECK(go_version_segments("1.33beta1") == Seg{1, 33, 0});  // a prerelease without the dash
  CHECK(go_version_segments("1.033.0") == Seg{1, 33, 0});
  for (const char* bad : {"", "v", "abc", "1.33.", "1.33..1", "1.33.x", " v1.33.0", "v1.33.0 ", "1.33-a.", "1.33+", "1.33+a..b",
                          "1.99999999999999999999"}) {
    INFO(bad);
    CHECK_FALSE(go_version_segments(bad));
  }
  CHECK(kubelet_supports_native_sidecars("v1.33.0"));
  CHECK(kubelet_supports_native_sidecars("v1.34.1-eks-abc"));
  CHECK_FALSE(kubelet_supports_native_sidecars("v1.32.4"));
  CHECK_FALSE(kubelet_supports_native_sidecars("garbage"));
  // Only the minor counts, as in Istio: 2.0 is "older" than 1.33.
  CHECK_FALSE(kubelet_supports_native_sidecars("v2.0.0"));
}

TEST_CASE("native sidecars, Istio 1.27+: ENABLE_NATIVE_SIDECARS is exactly true, false or auto", "[native]") {
  auto t = decide(k128, "true");
  CHECK(t.native);
  CHECK(t.reason == "ENABLE_NATIVE_SIDECARS=true: native");
  auto f = decide(k128, "false");
  CHECK_FALSE(f.native);
  CHECK(f.reason == "ENABLE_NATIVE_SIDECARS=false: classic");
  CHECK(f.warning.empty());
  for (const char* other : {"TRUE", "1", "yes", "", "Auto"}) {
    INFO(other);
    auto d = decide(k128, std::string(other));
    CHECK_FALSE(d.native);
    CHECK_THAT(d.reason, Catch::Contains("is not true, false or auto, so false to Istio 1.28: classic"));
    CHECK_THAT(d.warning, Catch::Contains("defaults to false"));
  }
  // true and false do not look at the cluster.
  CHECK(decide(k128, "true", kube("1.30")).native);
  CHECK_FALSE(decide(k128, "false", kube("1.34")).native);
  CHECK(decide(k128, "true", kube_inject()).native);
  CHECK(decide(k128, "true", cluster({{"n1", "v1.30.0"}})).native);
  // 1.27.0 is the first tri-state release.
  CHECK(decide(k127, std::nullopt).native);
  CHECK_FALSE(decide(k126, std::nullopt).native);
}

TEST_CASE("native sidecars, Istio 1.27+: auto follows --kube-version, else a current Kubernetes", "[native]") {
  for (Env env : {Env{}, Env{"auto"}}) {
    std::string mode = env ? "ENABLE_NATIVE_SIDECARS=auto" : "ENABLE_NATIVE_SIDECARS unset (auto)";
    auto old = decide(k128, env, kube("1.32"));
    CHECK_FALSE(old.native);
    CHECK(old.reason == mode + " and --kube-version 1.32: classic (native sidecars need Kubernetes 1.33)");
    auto at = decide(k128, env, kube("1.33"));
    CHECK(at.native);
    CHECK(at.reason == mode + " and --kube-version 1.33: native (Kubernetes 1.33+)");
    CHECK(decide(k128, env, kube("v1.34.1-eks-99")).native);
    CHECK_FALSE(decide(k128, env, kube("1.28.0")).native);
    auto none = decide(k128, env);
    CHECK(none.native);
    CHECK(none.reason == mode + " and no --kube-version: native, as on a current Kubernetes (1.33+)");
    CHECK(none.warning.empty());
  }
}

TEST_CASE("native sidecars: kube-inject offline takes auto for off, as istioctl", "[native]") {
  auto d = decide(k128, std::nullopt, kube_inject());
  CHECK_FALSE(d.native);
  CHECK(d.reason == "ENABLE_NATIVE_SIDECARS unset (auto) and kube-inject offline: auto is off, as istioctl: classic");
  CHECK_FALSE(decide(k128, "auto", kube_inject()).native);
  // --kube-version does not change istioctl's answer ...
  NativeSidecarContext c = kube("1.34");
  c.kube_inject = true;
  auto k = decide(k128, "auto", c);
  CHECK_FALSE(k.native);
  CHECK_THAT(k.reason, Catch::Contains("whatever --kube-version says"));
  // ... but a cluster's nodes do: istioctl with a cluster client detects.
  c.nodes = ClusterNodes{{"n1", "v1.33.1"}};
  CHECK(decide(k128, "auto", c).native);
  CHECK(decide(k128, "true", kube_inject()).native);
}

TEST_CASE("native sidecars: auto with a cluster's nodes is Istio's DetectNativeSidecar", "[native]") {
  const std::string mode = "ENABLE_NATIVE_SIDECARS unset (auto)";
  SECTION("every node new: native") {
    auto d = decide(k128, std::nullopt, cluster({{"n1", "v1.33.0"}, {"n2", "v1.34.1"}}));
    CHECK(d.native);
    CHECK(d.reason == mode + " and all 2 nodes run kubelet 1.33+: native");
    auto one = decide(k128, std::nullopt, cluster({{"n1", "v1.33.0"}}));
    CHECK(one.native);
    CHECK(one.reason == mode + " and node n1 runs kubelet v1.33.0: native (1.33+)");
  }
  SECTION("one old node turns it off for every pod") {
    auto d = decide(k128, "auto", cluster({{"a", "v1.34.0"}, {"b", "v1.32.4"}, {"c", "v1.33.0"}}));
    CHECK_FALSE(d.native);
    CHECK(d.reason == "ENABLE_NATIVE_SIDECARS=auto and node b runs kubelet v1.32.4: classic (native sidecars need 1.33) "
                      "(one such node turns native sidecars off for every pod)");
  }
  SECTION("the pod's node decides alone when it is known") {
    ClusterNodes mixed{{"old", "v1.32.4"}, {"new", "v1.33.2"}};
    auto to_new = decide(k128, std::nullopt, cluster(mixed), "new");
    CHECK(to_new.native);
    CHECK(to_new.reason == mode + " and node new runs kubelet v1.33.2: native (1.33+)");
    auto to_old = decide(k128, std::nullopt, cluster(mixed), "old");
    CHECK_FALSE(to_old.native);
    CHECK(to_old.reason == mode + " and node old runs kubelet v1.32.4: classic (native sidecars need 1.33)");
    // A node the snapshot lacks: every node decides, as in Istio.
    auto missing = decide(k128, std::nullopt, cluster(mixed), "gone");
    CHECK_FALSE(missing.native);
    CHECK_THAT(missing.reason, Catch::StartsWith(mode + ", the pod's node gone is not in the cluster snapshot, and node old runs"));
    CHECK(decide(k128, std::nullopt, cluster({{"new", "v1.33.2"}}), "gone").native);
  }
  SECTION("no nodes at all: native, as Istio's loop over none") {
    auto d = decide(k128, std::nullopt, cluster({}));
    CHECK(d.native);
    CHECK(d.reason == mode + " and the cluster snapshot has no nodes: native (no node rules it out)");
    CHECK(decide(k128, std::nullopt, cluster({}), "n1").native);
  }
  SECTION("a version that does not parse is not native") {
    auto d = decide(k128, std::nullopt, cluster({{"n1", "v1.34.0"}, {"n2", "unknown"}}));
    CHECK_FALSE(d.native);
    CHECK_THAT(d.reason, Catch::Contains("node n2's kubelet version \"unknown\" does not parse: classic"));
    CHECK_THAT(d.warning, Catch::Contains("node n2: kubelet version \"unknown\" does not parse"));
    CHECK_FALSE(decide(k128, std::nullopt, cluster({{"n1", ""}}), "n1").native);
  }
  SECTION("the nodes come before --kube-version") {
    NativeSidecarContext c = kube("1.30");
    c.nodes = ClusterNodes{{"n1", "v1.33.0"}};
    CHECK(decide(k128, std::nullopt, c).native);
  }
}

TEST_CASE("native sidecars, Istio 1.24 - 1.26: a bool, false by default, no auto", "[native]") {
  auto unset = decide(k124, std::nullopt);
  CHECK_FALSE(unset.native);
  // k124 names no patch release, so the reason names only the minor one.
  CHECK(unset.reason == "ENABLE_NATIVE_SIDECARS unset (Istio 1.24's default: false): classic");
  CHECK(decide(k124, "true").reason == "ENABLE_NATIVE_SIDECARS=true: native");
  CHECK(decide(k124, "false").reason == "ENABLE_NATIVE_SIDECARS=false: classic");
  // strconv.ParseBool for the injector's half.
  for (const char* yes : {"1", "t", "T", "TRUE", "True"}) {
    INFO(yes);
    CHECK(decide(k126, std::string(yes)).native);
  }
  for (const char* no : {"0", "f", "F", "FALSE", "False"}) {
    INFO(no);
    CHECK_FALSE(decide(k126, std::string(no)).native);
  }
  CHECK(decide(k124, "1").reason == "ENABLE_NATIVE_SIDECARS=1 (true to Istio 1.24's strconv.ParseBool): native");
  auto a = decide(k124, "auto");
  CHECK_FALSE(a.native);
  CHECK(a.reason == "ENABLE_NATIVE_SIDECARS=\"auto\" is not a bool, so false to Istio 1.24 (auto came in 1.27): classic");
  CHECK_FALSE(a.warning.empty());
  CHECK_FALSE(decide(k124, "yes").native);
  // No detection: the cluster does not count.
  auto k = decide(k124, std::nullopt, kube("1.34"));
  CHECK_FALSE(k.native);
  CHECK_THAT(k.reason, Catch::Contains("does not detect native sidecar support"));
  CHECK_FALSE(decide(k124, std::nullopt, cluster({{"n1", "v1.34.0"}})).native);
  CHECK(decide(k124, "true", kube("1.30")).native);
}

TEST_CASE("native sidecars: the pod's annotation, as RunTemplate and each release's template read it", "[native]") {
  NativeSidecarDecision on{true, "ENABLE_NATIVE_SIDECARS=true: native", {}};
  NativeSidecarDecision off{false, "ENABLE_NATIVE_SIDECARS=false: classic", {}};
  // RunTemplate: exactly "true" or "false" override, anything else leaves the decision.
  CHECK(native_sidecar_move(off, "true"));
  CHECK_FALSE(native_sidecar_move(on, "false"));
  CHECK(native_sidecar_move(on, "yes"));
  CHECK_FALSE(native_sidecar_move(off, "yes"));
  CHECK(native_sidecar_move(on, std::nullopt));
  // 1.27+: ne (annotation | default .NativeSidecars) "false".
  CHECK(native_sidecar_layout(k128, off, std::nullopt, "true").native);
  CHECK(native_sidecar_layout(k128, off, std::nullopt, "true").reason == "pod annotation sidecar.istio.io/nativeSidecar=true: native");
  CHECK_FALSE(native_sidecar_layout(k128, on, std::nullopt, "false").native);
  CHECK(native_sidecar_layout(k128, on, std::nullopt, "").reason == on.reason);  // empty: the default
  auto odd = native_sidecar_layout(k128, off, std::nullopt, "yes");
  CHECK(odd.native);
  CHECK(odd.reason == "pod annotation sidecar.istio.io/nativeSidecar=\"yes\" (not \"false\", so native to Istio 1.28's template): native");
  // 1.24: the annotation exactly "true", else (absent) the env exactly "true".
  CHECK(native_sidecar_layout(k124, off, std::nullopt, "true").native);
  auto old_odd = native_sidecar_layout(k124, on, "true", "yes");
  CHECK_FALSE(old_odd.native);
  CHECK_THAT(old_odd.reason, Catch::Contains("(not \"true\", so classic to Istio 1.24's template)"));
  CHECK_FALSE(native_sidecar_layout(k124, on, "true", "").native);
  // ENABLE_NATIVE_SIDECARS=1: the injector says true, the template classic.
  auto one = native_sidecar_layout(k124, decide(k124, "1"), "1", std::nullopt);
  CHECK_FALSE(one.native);
  CHECK_THAT(one.reason, Catch::Contains("template wants exactly \"true\""));
}

TEST_CASE("native sidecars: Node objects of a cluster snapshot", "[native]") {
  ClusterNodes nodes;
  Node list = parse_yaml(R"(apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Node
  metadata: {name: n1}
  status: {nodeInfo: {kubeletVersion: v1.33.0}}
- apiVersion: v1
  kind: Node
  metadata: {name: n2}
  status: {nodeInfo: {kubeletVersion: v1.32.4-eks-1}}
- apiVersion: v1
  kind: Pod
  metadata: {name: p}
- apiVersion: example.com/v1
  kind: Node
  metadata: {name: not-a-node}
)",
                         "nodes.yaml");
  CHECK(add_nodes(list, nodes) == 2);
  CHECK(add_nodes(parse_yaml("apiVersion: v1\nkind: Node\nmetadata: {name: bare}\n", "n.yaml"), nodes) == 1);
  CHECK(add_nodes(parse_yaml("apiVersion: v1\nkind: NodeList\nitems: []\n", "n.yaml"), nodes) == 0);
  CHECK(add_nodes(parse_yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n", "n.yaml"), nodes) == 0);
  CHECK(nodes == ClusterNodes{{"n1", "v1.33.0"}, {"n2", "v1.32.4-eks-1"}, {"bare", ""}});
}

// ---- through the injector

namespace {

const char* kPod = R"(apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  nodeName: NODE
  containers:
  - name: app
    image: app:1
)";

struct Layout {
  std::string sidecar, reason, where;
};

// Injects `yaml` (one pod), with the annotation sidecar.istio.io/nativeSidecar
// when given: where the proxy went, and what the outcome says of it.
Layout inject_pod(const Injector& injector, std::string yaml = kPod, const std::optional<std::string>& annotation = std::nullopt) {
  if (annotation)
    yaml.replace(yaml.find("  name: p\n"), 0, "  annotations: {sidecar.istio.io/nativeSidecar: '" + *annotation + "'}\n");
  Node root = parse_yaml(yaml, "p.yaml");
  auto ws = find_workloads(root, WorkloadCatalog{});
  REQUIRE(ws.size() == 1);
  auto out = injector.inject(root, ws[0]);
  std::string where = pod::find_container(pod::container_list(root, "initContainers"), "istio-proxy")  ? "initContainers"
                      : pod::find_container(pod::container_list(root, "containers"), "istio-proxy") ? "containers"
                                                                                                    : "";
  return {out.sidecar, out.sidecar_reason, where};
}


// Istio's own rule for where its template puts the proxy, each release's,
// in a template that does nothing else.
const char* kRule128 =
    R"({{- $native := ne (index .ObjectMeta.Annotations "sidecar.istio.io/nativeSidecar" | default (printf "%t" .NativeSidecars)) "false" }})";
const char* kRule124 =
    R"({{- $native := (or (and (not (isset .ObjectMeta.Annotations "sidecar.istio.io/nativeSidecar")) (eq (env "ENABLE_NATIVE_SIDECARS" "false") "true")) (eq (index .ObjectMeta.Annotations "sidecar.istio.io/nativeSidecar") "true")) }})";
const char* kPlacement = R"(
spec:
  {{- if $native }}
  initContainers:
  - name: istio-proxy
    image: proxy:1
    restartPolicy: Always
  {{- else }}
  containers:
  - name: istio-proxy
    image: proxy:1
  {{- end }}
)";

IstioConfig rule_config(const IstioRelease& release, const std::string& rule) {
  IstioConfig cfg = builtin_config(default_istio_release());
  cfg.templates = {{"sidecar", rule + kPlacement}};
  cfg.release = release;
  return cfg;
}

}  // namespace

TEST_CASE("native sidecars: Istio's own template rules, through the injector", "[native][injector]") {
  SECTION("1.28: .NativeSidecars unless the annotation says otherwise") {
    IstioConfig cfg = rule_config(k128, kRule128);
    CHECK(inject_pod(Injector(cfg, no_env())).where == "initContainers");
    CHECK(inject_pod(Injector(cfg, no_env(), kube("1.32"))).where == "containers");
    CHECK(inject_pod(Injector(cfg, no_env(), kube_inject())).where == "containers");
    CHECK(inject_pod(Injector(cfg, env_with("ENABLE_NATIVE_SIDECARS", "false")), kPod, "true").where == "initContainers");
    auto yes = inject_pod(Injector(cfg, env_with("ENABLE_NATIVE_SIDECARS", "false")), kPod, "yes");
    CHECK(yes.where == "initContainers");
    CHECK(yes.sidecar == "native");
    CHECK_THAT(yes.reason, Catch::Contains("so native to Istio 1.28's template"));
    CHECK(inject_pod(Injector(cfg, no_env()), kPod, "false").where == "containers");
    CHECK(inject_pod(Injector(cfg, no_env()), kPod, "").sidecar == "native");
  }
  SECTION("1.24: the env exactly \"true\", or the annotation exactly \"true\"") {
    IstioConfig cfg = rule_config(k124, kRule124);
    CHECK(inject_pod(Injector(cfg, no_env())).where == "containers");
    CHECK(inject_pod(Injector(cfg, env_with("ENABLE_NATIVE_SIDECARS", "true"))).where == "initContainers");
    auto one = inject_pod(Injector(cfg, env_with("ENABLE_NATIVE_SIDECARS", "1")));
    CHECK(one.where == "containers");
    CHECK(one.sidecar == "classic");
    CHECK_THAT(one.reason, Catch::Contains("template wants exactly \"true\""));
    CHECK(inject_pod(Injector(cfg, no_env()), kPod, "true").where == "initContainers");
    CHECK(inject_pod(Injector(cfg, env_with("ENABLE_NATIVE_SIDECARS", "true")), kPod, "yes").where == "containers");
  }
  SECTION("a template that places the proxy its own way is reported as it did") {
    IstioConfig cfg = rule_config(k128, "{{- $native := false }}");
    auto l = inject_pod(Injector(cfg, env_with("ENABLE_NATIVE_SIDECARS", "true")));
    CHECK(l.where == "containers");
    CHECK(l.sidecar == "classic");
    CHECK(l.reason == "the injection template put istio-proxy among the containers: classic (Istio's own template would go by: "
                      "ENABLE_NATIVE_SIDECARS=true: native)");
  }
}

TEST_CASE("native sidecars: the injector lays the proxy out as decided and says why", "[native][injector]") {
  // The built-in profile played as 1.30 (its template reads .NativeSidecars).
  ConfigSources src;
  src.istio_version = "1.30";
  IstioConfig cfg = load_config(src, RealDisk{});
  REQUIRE(cfg.release.native_sidecars_tristate());
  SECTION("auto, no --kube-version: native") {
    auto l = inject_pod(Injector(cfg, no_env()));
    CHECK(l.sidecar == "native");
    CHECK(l.where == "initContainers");
    CHECK(l.reason == "ENABLE_NATIVE_SIDECARS unset (auto) and no --kube-version: native, as on a current Kubernetes (1.33+)");
  }
  SECTION("auto, --kube-version 1.32: classic") {
    auto l = inject_pod(Injector(cfg, no_env(), kube("1.32")));
    CHECK(l.sidecar == "classic");
    CHECK(l.where == "containers");
  }
  SECTION("kube-inject: classic unless ENABLE_NATIVE_SIDECARS=true") {
    CHECK(inject_pod(Injector(cfg, no_env(), kube_inject())).where == "containers");
    CHECK(inject_pod(Injector(cfg, env_with("ENABLE_NATIVE_SIDECARS", "true"), kube_inject())).where == "initContainers");
  }
  SECTION("the pod's spec.nodeName picks its node") {
    ClusterNodes mixed{{"old", "v1.32.0"}, {"new", "v1.33.0"}};
    std::string to_old = kPod, to_new = kPod;
    to_old.replace(to_old.find("NODE"), 4, "old");
    to_new.replace(to_new.find("NODE"), 4, "new");
    Injector injector(cfg, no_env(), cluster(mixed));
    CHECK(inject_pod(injector, to_old).where == "containers");
    CHECK(inject_pod(injector, to_new).where == "initContainers");
    CHECK(inject_pod(injector).where == "containers");  // NODE: not in the snapshot, and one node is old
  }
  SECTION("the annotation overrides either way") {
    auto off = inject_pod(Injector(cfg, no_env()), kPod, "false");
    CHECK(off.where == "containers");
    CHECK(off.reason == "pod annotation sidecar.istio.io/nativeSidecar=false: classic");
    auto on = inject_pod(Injector(cfg, env_with("ENABLE_NATIVE_SIDECARS", "false")), kPod, "true");
    CHECK(on.where == "initContainers");
    CHECK(on.sidecar == "native");
    // Any other value is native to 1.27+'s template.
    CHECK(inject_pod(Injector(cfg, env_with("ENABLE_NATIVE_SIDECARS", "false")), kPod, "yes").where == "initContainers");
  }
  SECTION("an unknown ENABLE_NATIVE_SIDECARS: classic, with Istio's warning") {
    Node root = parse_yaml(kPod, "p.yaml");
    auto ws = find_workloads(root, WorkloadCatalog{});
    auto out = Injector(cfg, env_with("ENABLE_NATIVE_SIDECARS", "TRUE")).inject(root, ws[0]);
    CHECK(out.sidecar == "classic");
    CHECK_THAT(out.sidecar_warning, Catch::Contains("knows only \"true\", \"false\" and \"auto\""));
  }
}

TEST_CASE("native sidecars: Istio 1.24's built-in profile keeps its bool", "[native][injector]") {
  ConfigSources src;
  src.istio_version = "1.24";
  IstioConfig cfg = load_config(src, RealDisk{});
  REQUIRE_FALSE(cfg.release.native_sidecars_tristate());
  auto unset = inject_pod(Injector(cfg, no_env()));
  CHECK(unset.where == "containers");
  CHECK(unset.reason == "ENABLE_NATIVE_SIDECARS unset (Istio 1.24.6's default: false): classic");
  CHECK(inject_pod(Injector(cfg, no_env(), kube("1.34"))).where == "containers");
  CHECK(inject_pod(Injector(cfg, env_with("ENABLE_NATIVE_SIDECARS", "true"))).where == "initContainers");
  // "1" is true to the injector, but the template wants exactly "true".
  auto one = inject_pod(Injector(cfg, env_with("ENABLE_NATIVE_SIDECARS", "1")));
  CHECK(one.where == "containers");
  CHECK(one.sidecar == "classic");
  CHECK_THAT(one.reason, Catch::Contains("template wants exactly \"true\""));
  // The annotation: exactly "true" is native, anything else classic.
  CHECK(inject_pod(Injector(cfg, no_env()), kPod, "true").where == "initContainers");
  CHECK(inject_pod(Injector(cfg, env_with("ENABLE_NATIVE_SIDECARS", "true")), kPod, "yes").where == "containers");
}
