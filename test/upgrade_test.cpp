// Upgrades converge in one run: a manifest injected earlier (any built-in
// release, either layout) and injected again with any release and layout
// is, after that one run, what a further run leaves unchanged. Istio's own
// re-injection (pkg/kube/inject/webhook.go, reapplyOverwrittenContainers)
// skips only the containers the old status annotation lists in the *same*
// list the new template puts them in, so a layout change (istio-proxy
// recorded under `containers`, now rendered under `initContainers`) made
// the old proxy a "user override" that won over the new one.
#include <algorithm>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "kinject/base/error.h"
#include "kinject/istio/release.h"
#include "kinject/k8s/pod.h"
#include "kinject/pipeline/pipeline.h"
#include "kinject/yaml/reader.h"
#include "kinject/k8s/strategic_merge.h"
#include "kinject/yaml/writer.h"
#include "support.h"

using namespace kinject;
using namespace kinject::pod;

namespace {

// A Deployment whose probe the injection rewrites: ISTIO_KUBE_APP_PROBERS,
// the record of it in the proxy, must survive every re-run.
const char* kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - containerPort: 8080
          name: http
        readinessProbe:
          httpGet: {path: /ready, port: http}
)";

// A pod whose user customises the injected istio-proxy (Istio's
// "customizing injection"), which the first injection records in
// proxy.istio.io/overrides.
const char* kTunedPod = R"(---
apiVersion: v1
kind: Pod
metadata:
  name: tuned
spec:
  containers:
  - name: app
    image: app:1
  - name: istio-proxy
    image: auto
    resources:
      limits: {cpu: "2", memory: 1Gi}
)";

// The representative workloads, one stream: that Deployment, a
// StatefulSet with an init container of its own, a Pod whose user
// customises the injected istio-proxy (Istio's "customizing injection":
// recorded in proxy.istio.io/overrides) and a CronJob.
const std::string kWorkloads = std::string(kDeployment) + R"(---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  namespace: shop
spec:
  serviceName: db
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      initContainers:
      - name: fix-perms
        image: busybox:1.36
        command: [chown, -R, "999", /data]
      containers:
      - name: db
        image: postgres:16
        ports:
        - containerPort: 5432
  volumeClaimTemplates:
  - metadata: {name: data}
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests: {storage: 1Gi}
)" + kTunedPod + R"(---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
  namespace: shop
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: report
            image: report:2
)";

struct Played {
  std::string release;
  bool native;
  std::string name() const { return fmt::format("{} {}", release, native ? "native" : "classic"); }
};

// Every built-in release in both layouts. ENABLE_NATIVE_SIDECARS is read as
// a bool by 1.24 - 1.26 and as true/false/auto from 1.27 (istio/native.h):
// "true" and "false" mean the same to all.
std::vector<Played> every_release_and_layout() {
  std::vector<Played> out;
  for (const auto& r : builtin_releases())
    for (bool native : {false, true}) out.push_back({r, native});
  return out;
}

// `kinject --istio-version R` with ENABLE_NATIVE_SIDECARS set, on stdin.
std::string inject(const Played& with, const std::string& text) {
  Options o;
  o.config.istio_version = with.release;
  o.report = ReportFormat::None;
  const std::string native = with.native ? "true" : "false";
  EnvLookup env = [&](std::string_view k) -> std::optional<std::string> {
    if (k == "ENABLE_NATIVE_SIDECARS") return native;
    return std::nullopt;
  };
  MemoryDisk disk;
  std::istringstream in(text);
  std::ostringstream out, err;
  int rc = run(o, disk, in, out, err, env);
  INFO(err.str());
  REQUIRE(rc == 0);
  return out.str();
}

// Where two texts first differ, a few lines of each.
std::string first_difference(const std::string& a, const std::string& b) {
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  std::size_t line = a.rfind('\n', i == 0 ? 0 : i - 1);
  line = line == std::string::npos ? 0 : line + 1;
  return fmt::format("first difference at byte {}:\n--- once:\n{}\n--- twice:\n{}", i, a.substr(line, 600), b.substr(line, 600));
}

}  // namespace

TEST_CASE("upgrade: inject(inject_old(x)) is a fixed point, for every pair of built-in releases and layouts",
          "[upgrade][pipeline]") {
  const auto played = every_release_and_layout();
  for (const auto& old : played) {
    const std::string injected_old = inject(old, kWorkloads);
    for (const auto& now : played) {
      const std::string once = inject(now, injected_old);
      const std::string twice = inject(now, once);
      INFO(fmt::format("injected with {}, then with {}", old.name(), now.name()));
      INFO(first_difference(once, twice));
      CHECK(once == twice);
    }
  }
}

namespace {

// The pod template of a one-document stream.
Node pod_of(const std::string& text) {
  Node root = parse_yaml(text, "out.yaml");
  const Node* t = root.at_path("spec.template");
  REQUIRE(t);
  return *t;
}

// A one-document stream of a bare Pod.
Node pod_of_pod(const std::string& text) { return parse_yaml(text, "out.yaml"); }

}  // namespace

TEST_CASE("upgrade: 1.24 classic re-injected with 1.30 native gets 1.30's proxy, not the old one kept as a user override",
          "[upgrade][pipeline]") {
  // The bug: reapplyOverwrittenContainers (webhook.go) skips a template
  // container only when the old sidecar.istio.io/status lists it in the same
  // list; 1.24 recorded istio-proxy under "containers", 1.30 renders it under
  // "initContainers", so the 1.24 proxy was found in the pod
  // (FindContainerFromPod) and laid over the new one as the user's.
  const Played old{"1.24", false}, now{"1.30", true};
  const std::string injected_old = inject(old, kDeployment);
  REQUIRE(find_container(container_list(pod_of(injected_old), "containers"), "istio-proxy"));
  const Node upgraded = pod_of(inject(now, injected_old));
  const Node fresh = pod_of(inject(now, kDeployment));

  const Node* proxy = find_container(container_list(upgraded, "initContainers"), "istio-proxy");
  REQUIRE(proxy);
  CHECK(proxy->get("image")->scalar_text() == "registry.istio.io/release/proxyv2:1.30.3");
  CHECK(proxy->get("restartPolicy"));
  CHECK_FALSE(find_container(container_list(upgraded, "containers"), "istio-proxy"));
  // No user override was made up from the old injection.
  CHECK_FALSE(annotation(upgraded, "proxy.istio.io/overrides"));
  // The proxy and its init container are what 1.30 injects into the
  // manifest as it was before any injection (the merge over the old proxy
  // keeps ISTIO_KUBE_APP_PROBERS, which 1.30's proxy records too).
  for (const char* name : {"istio-proxy", "istio-init"}) {
    const Node* want = find_container(container_list(fresh, "initContainers"), name);
    const Node* got = find_container(container_list(upgraded, "initContainers"), name);
    REQUIRE(want);
    REQUIRE(got);
    INFO(name);
    CHECK(got->same_value(*want));
  }
  CHECK(upgraded.at_path("spec.containers")->same_value(*fresh.at_path("spec.containers")));
}

TEST_CASE("upgrade: kube-inject plays istioctl's re-injection, the old proxy kept as the user's", "[upgrade][pipeline]") {
  // `kinject kube-inject` is istioctl kube-inject's drop-in: its
  // reapplyOverwrittenContainers (pkg/kube/inject/webhook.go) looks the old
  // status up only in the list the template now uses, so the 1.24 classic
  // proxy is laid over 1.30's native one (Istio's own golden case
  // merge-probers.yaml.injected keeps the old proxy's args). Only kinject's
  // own commands converge.
  const std::string injected_old = inject({"1.24", false}, kDeployment);
  Options o;
  o.command = Command::Inject;
  o.kube_inject = true;
  o.config.istio_version = "1.30";
  o.report = ReportFormat::None;
  EnvLookup env = [](std::string_view k) -> std::optional<std::string> {
    if (k == "ENABLE_NATIVE_SIDECARS") return std::string("true");
    return std::nullopt;
  };
  MemoryDisk disk;
  std::istringstream in(injected_old);
  std::ostringstream out, err;
  REQUIRE(run(o, disk, in, out, err, env) == 0);
  const Node upgraded = pod_of(out.str());
  const Node* proxy = find_container(container_list(upgraded, "initContainers"), "istio-proxy");
  REQUIRE(proxy);
  // The old proxy's image, laid over the new one.
  CHECK(proxy->get("image")->scalar_text() == "docker.io/istio/proxyv2:1.24.6");
}

TEST_CASE("upgrade: 1.30 native re-injected with 1.30 classic has one istio-proxy, among the containers", "[upgrade][pipeline]") {
  // The other way round, Istio's RunTemplate merges the classic template over
  // the pod as read, whose native proxy stays in initContainers: two
  // istio-proxy containers, which the API server refuses.
  const Played old{"1.30", true}, now{"1.30", false};
  const Node upgraded = pod_of(inject(now, inject(old, kDeployment)));
  const Node fresh = pod_of(inject(now, kDeployment));
  CHECK_FALSE(find_container(container_list(upgraded, "initContainers"), "istio-proxy"));
  const Node* proxy = find_container(container_list(upgraded, "containers"), "istio-proxy");
  REQUIRE(proxy);
  // restartPolicy belongs to init containers (Kubernetes' validateContainers).
  CHECK_FALSE(proxy->get("restartPolicy"));
  CHECK(proxy->get("image")->scalar_text() == "registry.istio.io/release/proxyv2:1.30.3");
  CHECK(upgraded.at_path("spec.initContainers")->same_value(*fresh.at_path("spec.initContainers")));
}

TEST_CASE("upgrade: the user's customised istio-proxy (proxy.istio.io/overrides) follows the proxy to its new layout",
          "[upgrade][pipeline]") {
  for (auto [old, now] : {std::pair{Played{"1.24", false}, Played{"1.30", true}}, std::pair{Played{"1.30", true}, Played{"1.30", false}}}) {
    INFO(fmt::format("{} -> {}", old.name(), now.name()));
    const Node injected_old = pod_of_pod(inject(old, kTunedPod));
    REQUIRE(annotation(injected_old, "proxy.istio.io/overrides"));
    const Node upgraded = pod_of_pod(inject(now, inject(old, kTunedPod)));
    const char* list = now.native ? "initContainers" : "containers";
    const Node* proxy = find_container(container_list(upgraded, list), "istio-proxy");
    REQUIRE(proxy);
    CHECK(proxy->get("image")->scalar_text() == "registry.istio.io/release/proxyv2:1.30.3");
    CHECK(str_at(proxy, "resources.limits.cpu") == "2");
    CHECK(str_at(proxy, "resources.limits.memory") == "1Gi");
    // Recorded once, on the first injection, as Istio does.
    CHECK(annotation(upgraded, "proxy.istio.io/overrides") == annotation(injected_old, "proxy.istio.io/overrides"));
  }
}

TEST_CASE("upgrade: a container the old injection did not add stays the user's override, as in Istio's re-injection",
          "[upgrade][pipeline]") {
  // reapplyOverwrittenContainers (webhook.go) re-applies a template container
  // the pod defines that the old status does not list: here an istio-init
  // the user wrote beside a pod injected by a template that added only the
  // proxy. Its image and args are the user's, not the template's.
  const char* pod = R"(apiVersion: v1
kind: Pod
metadata:
  name: mine
  annotations:
    sidecar.istio.io/status: '{"initContainers":null,"containers":["istio-proxy"],"volumes":null,"imagePullSecrets":null,"revision":"default"}'
spec:
  initContainers:
  - name: istio-init
    image: my-init:7
  containers:
  - name: app
    image: app:1
  - name: istio-proxy
    image: old-proxy:1
)";
  for (const Played& now : {Played{"1.30", true}, Played{"1.30", false}, Played{"1.24", false}}) {
    INFO(now.name());
    const Node out = pod_of_pod(inject(now, pod));
    const Node* init = find_container(container_list(out, "initContainers"), "istio-init");
    REQUIRE(init);
    CHECK(init->get("image")->scalar_text() == "my-init:7");
    const Node* proxy = find_in_pod(const_cast<Node&>(out), "istio-proxy");
    REQUIRE(proxy);
    CHECK(proxy->get("image")->scalar_text() != "old-proxy:1");
  }
}

// ---- the invariant over real manifests: whatever injected a manifest
// before, one run of another configuration gives what a further run of it
// leaves unchanged. The pairs: Istio 1.24's default (classic) upgraded to
// 1.30's (native), the layout change behind the bug, and 1.30 native
// re-injected classic, the other way round.

namespace {

struct Convergence {
  long files = 0, refused = 0;
};

// Every workload of every document injected (as the corpus round trips do),
// the file written back; nullopt when the injector refuses one.
std::optional<std::string> inject_file(const Injector& injector, const std::string& text, const std::string& path) {
  std::string out;
  try {
    for (const auto& doc : read_all(text, path)) {
      Node root = doc.root;
      if (!doc.empty)
        for (const auto& w : find_workloads(doc.root, WorkloadCatalog{}))
          if (w.has_pod_spec) injector.inject(root, w);
      out += write_document(doc, root, list_item_keys()).text;
    }
  } catch (const Error&) {
    return std::nullopt;
  }
  return out;
}

Convergence converge(const std::vector<std::string>& files, const Injector& old, const Injector& now) {
  Convergence c;
  for (const auto& path : files) {
    INFO(path);
    const std::string text = test::slurp(path);
    auto injected_old = inject_file(old, text, path);
    if (!injected_old || *injected_old == text) continue;
    auto once = inject_file(now, *injected_old, path);
    if (!once) {
      // Refused: right when the new configuration refuses the manifest on
      // its own too (a stricter release's annotation checks).
      CHECK_FALSE(inject_file(now, text, path));
      if (inject_file(now, text, path)) ++c.refused;
      continue;
    }
    auto twice = inject_file(now, *once, path);
    REQUIRE(twice);
    INFO(first_difference(*once, *twice));
    CHECK(*once == *twice);
    if (*once == *twice) ++c.files;
  }
  return c;
}

Convergence converge_both(const std::vector<std::string>& files) {
  Injector v124(test::builtin_profile("1.24"), test::no_env());
  Injector native(test::builtin_profile("1.30"), test::env_with("ENABLE_NATIVE_SIDECARS", "true"));
  Injector classic(test::builtin_profile("1.30"), test::env_with("ENABLE_NATIVE_SIDECARS", "false"));
  Convergence up = converge(files, v124, native), down = converge(files, native, classic);
  fmt::print("upgrades converged in one run: {} files 1.24 classic -> 1.30 native, {} files 1.30 native -> classic\n",
             up.files, down.files);
  return {std::min(up.files, down.files), up.refused + down.refused};
}

}  // namespace

TEST_CASE("corpus: an upgrade of every real manifest converges in one run", "[corpus][upgrade]") {
  auto root = test::reference_part("corpus/real");
  if (!root) return;
  RealDisk disk;
  Convergence c = converge_both(test::manifest_files(disk, *root));
  CHECK(c.refused == 0);
  CHECK(c.files >= test::ratchets()["corpus-upgrade-files-converged"]);
}

TEST_CASE("fixtures: an upgrade of every in-repository manifest converges in one run", "[fixtures][upgrade]") {
  RealDisk disk;
  Convergence c = converge_both(test::fixture_files(disk));
  CHECK(c.refused == 0);
  // The fixtures inject 32 files (corpus_test.cpp, kFixtureFilesInjected).
  CHECK(c.files >= 32);
}
