// Istio's ConfigMaps as kubectl, helm template and istioctl manifest generate
// print them, given to --injectConfigFile, --valuesFile and --meshConfigFile.
#include "kinject/istio/configmaps.h"

#include <catch2/catch.hpp>

#include "support.h"

#include "kinject/base/error.h"
#include "kinject/base/text.h"
#include "kinject/istio/config.h"
#include "kinject/istio/injector.h"
#include "kinject/k8s/workloads.h"
#include "kinject/yaml/reader.h"

using namespace kinject;
using namespace kinject::test;

namespace {

std::string replaced(std::string text, const std::vector<std::pair<std::string, std::string>>& with) {
  for (const auto& [from, to] : with)
    for (std::size_t p = text.find(from); p != std::string::npos; p = text.find(from, p + to.size())) text.replace(p, from.size(), to);
  return text;
}

// One revision's control plane, as Istio's chart labels it.
struct Plane {
  std::string revision;  // "" = default
  std::string hub = "registry.example.com/default";
  std::string ns = "istio-system";
  std::string version = "1.28.3";
};

// A small injector config: its template shows the hub (values), the trust
// domain (mesh config) and the revision it was rendered for.
const char* kInjectorConfig = R"(policy: enabled
defaultTemplates: [sidecar]
templates:
  sidecar: |
    spec:
      containers:
      - name: istio-proxy
        image: "{{ .Values.global.hub }}/proxyv2:{{ .Values.global.tag }}"
        env:
        - name: TRUST_DOMAIN
          value: "{{ .MeshConfig.TrustDomain }}"
        - name: REVISION
          value: "{{ .Revision }}"
)";

std::string values_json(const Plane& p) {
  return replaced(R"({
  "global": {"hub": "@HUB@", "tag": "@VERSION@"},
  "revision": "@REV@"
})",
                  {{"@HUB@", p.hub}, {"@VERSION@", p.version}, {"@REV@", p.revision}});
}

std::string mesh_yaml(const Plane& p) {
  return replaced("defaultConfig:\n  discoveryAddress: istiod@SUFFIX@.@NS@.svc:15012\ntrustDomain: @REVDOT@cluster.local\n",
                  {{"@SUFFIX@", p.revision.empty() ? "" : "-" + p.revision},
                   {"@NS@", p.ns},
                   {"@REVDOT@", p.revision.empty() ? "" : p.revision + "."}});
}

std::string indented(const std::string& text, int by) {
  std::string pad(static_cast<std::size_t>(by), ' '), out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + start, end - start);
    if (!line.empty()) out += pad;
    out += line;
    out += '\n';
    start = end + 1;
  }
  return out;
}

// The two ConfigMaps as Istio 1.28's chart renders them (helm template).
std::string injector_cm(const Plane& p) {
  std::string suffix = p.revision.empty() ? "" : "-" + p.revision;
  return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio-sidecar-injector" + suffix + "\n  namespace: " + p.ns +
         "\n  labels:\n    istio.io/rev: \"" + (p.revision.empty() ? "default" : p.revision) +
         "\"\n    operator.istio.io/component: \"Pilot\"\n    app.kubernetes.io/name: \"istiod\"\n"
         "    app.kubernetes.io/part-of: \"istio\"\n    app.kubernetes.io/version: \"" + p.version +
         "\"\n    helm.sh/chart: istiod-" + p.version + "\ndata:\n  values: |-\n" + indented(values_json(p), 4) +
         "\n  config: |-\n" + indented(kInjectorConfig, 4);
}

std::string mesh_cm(const Plane& p) {
  std::string suffix = p.revision.empty() ? "" : "-" + p.revision;
  return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio" + suffix + "\n  namespace: " + p.ns +
         "\n  labels:\n    istio.io/rev: \"" + (p.revision.empty() ? "default" : p.revision) + "\"\n    app.kubernetes.io/version: \"" +
         p.version + "\"\ndata:\n  meshNetworks: |-\n    networks: {}\n  mesh: |-\n" + indented(mesh_yaml(p), 4);
}

// What else helm template istiod prints (and ConfigMaps that are not the
// injector's or the mesh's).
const char* kOtherObjects = R"(# Source: istiod/templates/serviceaccount.yaml
apiVersion: v1
kind: ServiceAccount
metadata:
  name: istiod
  namespace: istio-system
---
# Source: istiod/templates/configmap-values.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: values
  namespace: istio-system
  labels:
    istio.io/rev: "default"
data:
  original-values: |-
    {}
  merged-values: |-
    {}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: istio-ca-root-cert
  namespace: istio-system
  labels:
    istio.io/config: "true"
data:
  root-cert.pem: |
    -----BEGIN CERTIFICATE-----
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: istio-default-gatewayclass-istio
  namespace: istio-system
  labels:
    istio.io/rev: "default"
data:
  deployment: |
    spec: {}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: istiod
  namespace: istio-system
spec:
  template:
    spec:
      containers:
      - name: discovery
        image: docker.io/istio/pilot:1.28.3
---
apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata:
  name: istio-sidecar-injector
webhooks:
- name: rev.namespace.sidecar-injector.istio.io
  clientConfig:
    service: {name: istiod, namespace: istio-system, path: /inject}
)";

// What `kubectl get cm -o yaml` prints: a List of its objects.
std::string as_list(const std::vector<std::string>& objects) {
  std::string out = "apiVersion: v1\nitems:\n";
  for (const auto& o : objects) {
    std::string item = indented(o, 2);
    item.replace(0, 2, "- ");
    out += item;
  }
  return out + "kind: List\nmetadata:\n  resourceVersion: \"\"\n";
}

std::string stream(const std::vector<std::string>& documents) {
  std::string out;
  for (const auto& d : documents) out += "---\n" + d;
  return out;
}

IstioConfig load(MemoryDisk& disk, const std::string& file, const std::string& revision = "") {
  ConfigSources src;
  src.inject_config_file = src.values_file = src.mesh_config_file = file;
  src.revision = revision;
  return load_config(src, disk);
}

std::string load_error(MemoryDisk& disk, const ConfigSources& src) {
  try {
    load_config(src, disk);
  } catch (const Error& e) {
    return e.what();
  }
  FAIL("no error");
  return "";
}

std::string load_error(MemoryDisk& disk, const std::string& file, const std::string& revision = "") {
  ConfigSources src;
  src.inject_config_file = src.values_file = src.mesh_config_file = file;
  src.revision = revision;
  return load_error(disk, src);
}

std::string env_of(const Node& container, std::string_view name) {
  if (const Node* env = container.get("env"); env && env->is_seq())
    for (const auto& e : env->items)
      if (e.get("name") && e.get("name")->str() == name && e.get("value")) return e.get("value")->scalar_text();
  return "";
}

// The proxy, a container or (native sidecars) an init container.
const Node* proxy_of(const Node& root) {
  for (const char* field : {"spec.template.spec.containers", "spec.template.spec.initContainers"})
    if (const Node* containers = root.at_path(field))
      for (const auto& c : containers->items)
        if (c.get("name") && c.get("name")->str() == "istio-proxy") return &c;
  return nullptr;
}

const char* kDeployment = kShopWebDeployment;

// The sidecar a configuration injects into kDeployment.
Node injected_proxy(const IstioConfig& cfg) {
  Node root = parse_yaml(kDeployment, "web.yaml");
  auto ws = find_workloads(root, WorkloadCatalog{});
  REQUIRE(ws.size() == 1);
  Injector injector(cfg, no_env());
  injector.inject(root, ws[0]);
  const Node* proxy = proxy_of(root);
  REQUIRE(proxy);
  return *proxy;
}

}  // namespace

TEST_CASE("configmaps: one ConfigMap object for each flag, or one for all three", "[configmaps]") {
  MemoryDisk disk;
  Plane p;
  disk.add_file("injector.yaml", injector_cm(p));
  disk.add_file("mesh.yaml", mesh_cm(p));
  ConfigSources src;
  src.inject_config_file = src.values_file = "injector.yaml";
  src.mesh_config_file = "mesh.yaml";
  IstioConfig c = load_config(src, disk);
  CHECK(c.templates.count("sidecar") == 1);
  CHECK(c.values.at_path("global.hub")->text == "registry.example.com/default");
  CHECK(c.mesh.get("trustDomain")->text == "cluster.local");
  CHECK(c.mesh.at_path("defaultConfig.discoveryAddress")->text == "istiod.istio-system.svc:15012");
  CHECK(c.chart_version == "1.28.3");
  CHECK(c.release.name() == "1.28.3");
  CHECK(c.release.reason == "the ConfigMap's version label 1.28.3");
  CHECK(c.revision.empty());
  CHECK(c.description == "injector.yaml (istio-system/istio-sidecar-injector), mesh.yaml (istio-system/istio)");

  // The mesh ConfigMap holds no injector config: say what it holds.
  src.inject_config_file = "mesh.yaml";
  CHECK_THROWS_WITH(load_config(src, disk),
                    Catch::StartsWith("mesh.yaml: holds no istio-sidecar-injector[-REV] ConfigMap (for --injectConfigFile); "
                                      "it holds istio-system/istio (mesh config, the default revision, 1.28.3, line 1)"));
}

TEST_CASE("configmaps: the release a ConfigMap's labels name", "[configmaps]") {
  auto labels = [](const char* yaml) { return parse_yaml(yaml, "labels"); };
  CHECK(version_label(labels("app.kubernetes.io/version: \"1.28.3\"\nhelm.sh/chart: istiod-1.28.2\n")) == "1.28.3");
  CHECK(version_label(labels("helm.sh/chart: istiod-1.28.3\n")) == "1.28.3");
  CHECK(version_label(labels("helm.sh/chart: istio-discovery-1.29.0-beta.1\n")) == "1.29.0-beta.1");
  CHECK(version_label(labels("helm.sh/chart: istiod-1.28.3_build.5\n")) == "1.28.3+build.5");
  CHECK(version_label(labels("operator.istio.io/version: 1.24.6\n")) == "1.24.6");
  CHECK(version_label(labels("app: istiod\n")).empty());
  CHECK(normal_revision("default").empty());
  CHECK(normal_revision("canary") == "canary");
}

TEST_CASE("configmaps: a List, as kubectl get cm -n istio-system -o yaml prints it", "[configmaps]") {
  MemoryDisk disk;
  Plane p;
  disk.add_file("cm.yaml", as_list({mesh_cm(p), injector_cm(p)}));
  IstioConfig c = load(disk, "cm.yaml");
  CHECK(c.values.at_path("global.hub")->text == p.hub);
  CHECK(c.mesh.at_path("defaultConfig.discoveryAddress")->text == "istiod.istio-system.svc:15012");
  CHECK(c.chart_version == "1.28.3");
  CHECK(c.description == "cm.yaml (istio-system/istio-sidecar-injector), cm.yaml (istio-system/istio)");
}

TEST_CASE("configmaps: a stream of many kinds, as helm template istiod prints it", "[configmaps]") {
  MemoryDisk disk;
  Plane p;
  disk.add_file("istiod.yaml", std::string(kOtherObjects) + stream({mesh_cm(p), injector_cm(p)}));
  IstioConfig c = load(disk, "istiod.yaml");
  CHECK(c.values.at_path("global.hub")->text == p.hub);
  CHECK(c.mesh.get("trustDomain")->text == "cluster.local");

  // The scan: Istio's two ConfigMaps; the values, root cert and gateway
  // class ConfigMaps are not taken for them.
  auto docs = read_all(*disk.file("istiod.yaml"), "istiod.yaml");
  CHECK(holds_objects(docs));
  ConfigMapScan scan = scan_configmaps(docs, "istiod.yaml");
  REQUIRE(scan.configmaps.size() == 2);
  CHECK(scan.configmaps[0].display() == "istio-system/istio");
  CHECK(scan.configmaps[0].role == ConfigMapRole::Mesh);
  CHECK(scan.configmaps[1].display() == "istio-system/istio-sidecar-injector");
  CHECK(scan.configmaps[1].version == "1.28.3");
  CHECK(scan.objects == 8);
  CHECK(scan.other_kinds == std::vector<std::string>{"ServiceAccount", "ConfigMap", "Deployment", "MutatingWebhookConfiguration"});
  CHECK(configmap_revisions(scan) == std::vector<std::string>{""});

  // parse_inject_config reads such a stream too (no revision asked).
  IstioConfig direct;
  parse_inject_config(*disk.file("istiod.yaml"), "istiod.yaml", direct);
  CHECK(direct.templates.at("sidecar").find(".MeshConfig.TrustDomain") != std::string::npos);
  CHECK(direct.chart_version == "1.28.3");
}

TEST_CASE("configmaps: kubectl get cm -o json", "[configmaps]") {
  MemoryDisk disk;
  Plane p;
  std::string json = R"({"apiVersion": "v1", "kind": "List", "metadata": {"resourceVersion": ""}, "items": [)";
  json += R"({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "istio-sidecar-injector", "namespace": "istio-system", )";
  json += R"("labels": {"istio.io/rev": "default", "helm.sh/chart": "istiod-1.28.3"}}, "data": {"config": )" +
          json_quote(kInjectorConfig) + R"(, "values": )" + json_quote(values_json(p)) + "}},\n";
  json += R"({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "istio", "namespace": "istio-system"}, )";
  json += R"("data": {"mesh": )" + json_quote(mesh_yaml(p)) + "}}\n]}\n";
  disk.add_file("cm.json", json);
  IstioConfig c = load(disk, "cm.json");
  CHECK(c.values.at_path("global.hub")->text == p.hub);
  CHECK(c.mesh.get("trustDomain")->text == "cluster.local");
  CHECK(c.chart_version == "1.28.3");  // from helm.sh/chart
}

TEST_CASE("configmaps: the revision asked for, or the default revision's", "[configmaps]") {
  MemoryDisk disk;
  Plane def, canary;
  canary.revision = "canary";
  canary.hub = "registry.example.com/canary";
  canary.version = "1.29.1";
  disk.add_file("all.yaml", stream({injector_cm(def), mesh_cm(def), injector_cm(canary), mesh_cm(canary)}));

  IstioConfig c = load(disk, "all.yaml");
  CHECK(c.values.at_path("global.hub")->text == def.hub);
  CHECK(c.revision.empty());
  CHECK(c.chart_version == "1.28.3");
  CHECK(load(disk, "all.yaml", "default").values.at_path("global.hub")->text == def.hub);

  c = load(disk, "all.yaml", "canary");
  CHECK(c.values.at_path("global.hub")->text == canary.hub);
  CHECK(c.mesh.at_path("defaultConfig.discoveryAddress")->text == "istiod-canary.istio-system.svc:15012");
  CHECK(c.revision == "canary");
  CHECK(c.chart_version == "1.29.1");
  CHECK(c.release.name() == "1.29.1");

  CHECK(load_error(disk, "all.yaml", "stable") ==
        "all.yaml: holds no istio-sidecar-injector[-REV] ConfigMap of revision stable (for --injectConfigFile); it holds "
        "istio-system/istio-sidecar-injector (injector, the default revision, 1.28.3, line 2), istio-system/istio (mesh "
        "config, the default revision, 1.28.3, line 36), istio-system/istio-sidecar-injector-canary (injector, revision "
        "canary, 1.29.1, line 52) and istio-system/istio-canary (mesh config, revision canary, 1.29.1, line 86). -r default "
        "selects istio-system/istio-sidecar-injector; -r canary selects istio-system/istio-sidecar-injector-canary");
}

TEST_CASE("configmaps: without -r, a file of one other revision gives that revision", "[configmaps]") {
  MemoryDisk disk;
  Plane canary;
  canary.revision = "canary";
  Plane stable = canary;
  stable.revision = "stable";
  disk.add_file("canary.yaml", stream({injector_cm(canary), mesh_cm(canary)}));
  IstioConfig c = load(disk, "canary.yaml");
  CHECK(c.revision == "canary");  // as the canary istiod injects: istio.io/rev canary
  CHECK(c.mesh.get("trustDomain")->text == "canary.cluster.local");
  Node proxy = injected_proxy(c);
  CHECK(env_of(proxy, "REVISION") == "canary");

  // -r default asks for what is not there.
  CHECK_THROWS_WITH(load(disk, "canary.yaml", "default"),
                    Catch::StartsWith("canary.yaml: holds no istio-sidecar-injector[-REV] ConfigMap of the default revision"));

  // Two revisions and no default: -r must choose.
  disk.add_file("two.yaml", stream({injector_cm(canary), mesh_cm(canary), injector_cm(stable), mesh_cm(stable)}));
  std::string e = load_error(disk, "two.yaml");
  CHECK_THAT(e, Catch::StartsWith("two.yaml: holds istio-sidecar-injectors of revisions canary and stable but none of the "
                                  "default revision (for --injectConfigFile): "));
  CHECK_THAT(e, Catch::EndsWith("choose one with -r (-r canary selects istio-system/istio-sidecar-injector-canary; -r stable "
                                "selects istio-system/istio-sidecar-injector-stable)"));

  // Files of different revisions, no -r: which one is meant?
  Plane def;
  disk.add_file("default-mesh.yaml", mesh_cm(def));
  ConfigSources src;
  src.inject_config_file = "canary.yaml";
  src.mesh_config_file = "default-mesh.yaml";
  CHECK(load_error(disk, src) ==
        "default-mesh.yaml: --meshConfigFile takes ConfigMap istio-system/istio (the default revision), but "
        "--injectConfigFile took istio-system/istio-sidecar-injector-canary (revision canary); choose the revision with -r");
}

TEST_CASE("configmaps: the istio.io/rev label decides where the name does not tell", "[configmaps]") {
  MemoryDisk disk;
  Plane canary;
  canary.revision = "canary";
  std::string renamed = replaced(injector_cm(canary), {{"name: istio-sidecar-injector-canary", "name: sidecar-config"}});
  disk.add_file("renamed.yaml", stream({renamed, std::string(kOtherObjects)}));
  ConfigSources src;
  src.values_file = "renamed.yaml";
  src.revision = "canary";
  CHECK(load_config(src, disk).values.at_path("global.hub")->text == canary.hub);
  auto scan = scan_configmaps(read_all(*disk.file("renamed.yaml"), "renamed.yaml"), "renamed.yaml");
  CHECK(configmap_revisions(scan) == std::vector<std::string>{"canary"});
  CHECK(configmap_revisions(scan, ConfigMapRole::Mesh).empty());

  // A name of one's own and no label: taken when it is the file's only object.
  std::string own = replaced(injector_cm(Plane{}), {{"name: istio-sidecar-injector", "name: my-injector"},
                                                    {"    istio.io/rev: \"default\"\n", ""}});
  disk.add_file("own.yaml", own);
  src.values_file = "own.yaml";
  CHECK(load_config(src, disk).values.at_path("global.hub")->text == Plane{}.hub);
  CHECK(load_config(src, disk).revision == "canary");
}

TEST_CASE("configmaps: two ConfigMaps for one revision, or none, are errors that say what the file holds", "[configmaps]") {
  MemoryDisk disk;
  Plane a, b;
  b.ns = "istio-other";
  b.hub = "other.example.com";
  disk.add_file("two-ns.yaml", as_list({injector_cm(a), injector_cm(b)}));
  ConfigSources src;
  src.values_file = "two-ns.yaml";
  CHECK(load_error(disk, src) ==
        "two-ns.yaml: holds 2 istio-sidecar-injectors of the default revision (for --valuesFile): "
        "istio-system/istio-sidecar-injector (injector, the default revision, 1.28.3, line 3) and "
        "istio-other/istio-sidecar-injector (injector, the default revision, 1.28.3, line 36); keep one of them in the file "
        "(e.g. kubectl get cm -n NAMESPACE -o yaml)");

  disk.add_file("apps.yaml", stream({kDeployment, "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n"}));
  src.values_file = "apps.yaml";
  CHECK(load_error(disk, src) ==
        "apps.yaml: holds no istio-sidecar-injector[-REV] ConfigMap (for --valuesFile); it holds 2 other objects "
        "(Deployment, Service). Give the file kubectl get cm -n istio-system -o yaml prints, or the ConfigMap's "
        "data.values alone");

  // The API the --cluster snapshot builds on: a namespace chooses.
  ConfigMapScan scan = scan_configmaps(read_all(*disk.file("two-ns.yaml"), "two-ns.yaml"), "two-ns.yaml");
  ConfigMapQuery q;
  q.key = "values";
  q.namespace_ = "istio-other";
  ConfigMapChoice c = select_configmap(scan, q);
  CHECK(c.configmap->display() == "istio-other/istio-sidecar-injector");
  CHECK(c.source() == "two-ns.yaml (ConfigMap istio-other/istio-sidecar-injector data.values)");
  CHECK(c.text->where.line == 49);  // `values: |-`
  CHECK(c.text->first_line == 50);
  CHECK(c.text->indent == 6);
  CHECK_FALSE(c.revision_inferred);
  q.namespace_ = "elsewhere";
  CHECK_THROWS_WITH(select_configmap(scan, q), Catch::StartsWith("two-ns.yaml: holds no istio-sidecar-injector[-REV] "
                                                                 "ConfigMap in namespace elsewhere; it holds "));

  // An IstioOperator is not values.
  disk.add_file("iop.yaml", "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  values: {}\n");
  src.values_file = "iop.yaml";
  CHECK_THAT(load_error(disk, src), Catch::EndsWith("(an IstioOperator goes to --operatorFileName)"));

  // The ConfigMap is there, the key is not.
  std::string no_values = replaced(injector_cm(a), {{"  values: |-", "  other: |-"}});
  disk.add_file("no-values.yaml", stream({std::string(kOtherObjects), no_values}));
  src.values_file = "no-values.yaml";
  CHECK(load_error(disk, src) ==
        "no-values.yaml (document 7):66:1: ConfigMap istio-system/istio-sidecar-injector has no data.values (for "
        "--valuesFile) (its data: other, config)");
}

TEST_CASE("configmaps: an error in a ConfigMap's data is reported where it stands in the file", "[configmaps]") {
  MemoryDisk disk;
  Plane p;
  std::string broken = replaced(injector_cm(p), {{"\"tag\": \"", "\"tag\": ]\""}});
  disk.add_file("broken.yaml", stream({mesh_cm(p), broken}));
  ConfigSources src;
  src.values_file = "broken.yaml";
  std::string e = load_error(disk, src);
  // The stray `]` is on line 2 of data.values, column 60: line 33 of the
  // file, 4 columns further right.
  CHECK_THAT(e, Catch::StartsWith("broken.yaml (document 2):33:64: "));
  CHECK_THAT(e, Catch::Contains("ConfigMap istio-system/istio-sidecar-injector data.values: "));

  // A data.config that is no injector config is an error (in a file of
  // one's own it would be taken for a bare template).
  std::string not_config = replaced(injector_cm(p), {{"    templates:\n", "    tmplates:\n"}});
  disk.add_file("not-config.yaml", not_config);
  src = {};
  src.inject_config_file = "not-config.yaml";
  CHECK_THAT(load_error(disk, src), Catch::Contains("ConfigMap istio-system/istio-sidecar-injector data.config: not an injector "
                                                    "config: it has no templates"));

  // A stream that does not parse but is one of objects is not a template.
  disk.add_file("bad-stream.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [x\n");
  src.inject_config_file = "bad-stream.yaml";
  CHECK_THAT(load_error(disk, src), Catch::StartsWith("bad-stream.yaml (document 1):"));
}

TEST_CASE("configmaps: raw data files read as before", "[configmaps]") {
  MemoryDisk disk;
  Plane p;
  disk.add_file("values.json", values_json(p));
  disk.add_file("mesh.yaml", mesh_yaml(p));
  disk.add_file("config.yaml", kInjectorConfig);
  // A bare template is not YAML: `{{- define` opens a flow mapping.
  disk.add_file("bare.tmpl", "{{- define \"x\" }}{{ end }}\nspec:\n  containers:\n  - name: istio-proxy\n    image: {{ .Values.global.hub }}/p\n");
  ConfigSources src;
  src.inject_config_file = "config.yaml";
  src.values_file = "values.json";
  src.mesh_config_file = "mesh.yaml";
  IstioConfig c = load_config(src, disk);
  CHECK(c.values.at_path("global.hub")->text == p.hub);
  CHECK(c.mesh.at_path("defaultConfig.discoveryAddress")->text == "istiod.istio-system.svc:15012");
  CHECK(c.templates.at("sidecar").find(".MeshConfig.TrustDomain") != std::string::npos);
  CHECK(c.chart_version.empty());
  CHECK(c.release.name() == "1.28.3");  // from global.tag
  src.inject_config_file = "bare.tmpl";
  c = load_config(src, disk);
  CHECK(c.templates.at("sidecar") == *disk.file("bare.tmpl"));
}

TEST_CASE("configmaps: one file to all three flags injects that file's sidecar", "[configmaps]") {
  MemoryDisk disk;
  Plane def, canary;
  canary.revision = "canary";
  canary.hub = "registry.example.com/canary";
  disk.add_file("cluster.yaml", std::string(kOtherObjects) + stream({mesh_cm(def), injector_cm(def)}) +
                                    "---\n" + as_list({injector_cm(canary), mesh_cm(canary)}));
  Node proxy = injected_proxy(load(disk, "cluster.yaml", "canary"));
  CHECK(proxy.get("image")->text == "registry.example.com/canary/proxyv2:1.28.3");  // values
  CHECK(env_of(proxy, "TRUST_DOMAIN") == "canary.cluster.local");                   // mesh
  CHECK(env_of(proxy, "REVISION") == "canary");
  proxy = injected_proxy(load(disk, "cluster.yaml"));
  CHECK(proxy.get("image")->text == "registry.example.com/default/proxyv2:1.28.3");
  CHECK(env_of(proxy, "TRUST_DOMAIN") == "cluster.local");
}

// Istio's own configuration (the conformance inputs are the data of the
// ConfigMaps istio-sidecar-injector and istio): wrapped in the ConfigMaps of
// a helm template stream, it injects exactly what the raw files inject.
TEST_CASE("configmaps: Istio 1.28's ConfigMaps inject as their raw data does", "[configmaps][reference]") {
  auto dir = reference_part("conformance/istio-1.28/inputs");
  if (!dir) return;
  std::string config = slurp(*dir + "/default.template.gen.yaml");
  std::string values = slurp(*dir + "/default.values.gen.yaml");
  std::string mesh = slurp(*dir + "/default.mesh.gen.yaml");
  auto block = [](const std::string& key, const std::string& text) { return "  " + key + ": |-\n" + indented(text, 4); };
  std::string cms = std::string(kOtherObjects) +
                    "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio-sidecar-injector\n  namespace: istio-system\n"
                    "  labels:\n    istio.io/rev: \"default\"\n    app.kubernetes.io/version: \"1.28.3\"\ndata:\n" +
                    block("values", values) + block("config", config) +
                    "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n" +
                    block("mesh", mesh);
  MemoryDisk disk;
  disk.add_file("istiod.yaml", cms);
  disk.add_file("config.yaml", config);
  disk.add_file("values.yaml", values);
  disk.add_file("mesh.yaml", mesh);
  ConfigSources raw;
  raw.inject_config_file = "config.yaml";
  raw.values_file = "values.yaml";
  raw.mesh_config_file = "mesh.yaml";
  IstioConfig from_raw = load_config(raw, disk);
  IstioConfig from_cms = load(disk, "istiod.yaml");
  CHECK(from_cms.templates == from_raw.templates);
  CHECK(difference(from_raw.values, from_cms.values).empty());
  CHECK(difference(from_raw.mesh, from_cms.mesh).empty());
  CHECK(from_cms.chart_version == "1.28.3");
  Node a = injected_proxy(from_raw), b = injected_proxy(from_cms);
  CHECK(difference(a, b).empty());
}
