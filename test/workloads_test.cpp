#include "kinject/k8s/workloads.h"

#include <catch2/catch.hpp>

#include "kinject/base/error.h"
#include "kinject/yaml/reader.h"

using namespace kinject;

namespace {

std::vector<Workload> find(const std::string& yaml, const WorkloadCatalog& catalog = {}) {
  return find_workloads(parse_yaml(yaml, "t.yaml"), catalog);
}

}  // namespace

TEST_CASE("built-in kinds are found at their pod template, by group", "[workloads]") {
  struct Case {
    const char* api;
    const char* kind;
    bool workload;
    std::vector<std::string> path;
  };
  const std::vector<std::string> tpl = {"spec", "template"};
  const Case cases[] = {
      {"v1", "Pod", true, {}},
      {"apps/v1", "Deployment", true, tpl},
      {"extensions/v1beta1", "Deployment", true, tpl},
      {"apps/v1", "StatefulSet", true, tpl},
      {"apps/v1", "DaemonSet", true, tpl},
      {"apps/v1", "ReplicaSet", true, tpl},
      {"v1", "ReplicationController", true, tpl},
      {"batch/v1", "Job", true, tpl},
      {"batch/v1beta1", "CronJob", true, {"spec", "jobTemplate", "spec", "template"}},
      {"apps.openshift.io/v1", "DeploymentConfig", true, tpl},
      {"v1", "DeploymentConfig", true, tpl},
      {"argoproj.io/v1alpha1", "Rollout", true, tpl},
      {"example.com/v1", "Deployment", false, {}},  // a CRD that happens to be called Deployment
      {"v1", "Service", false, {}},
      {"apps.kruise.io/v1alpha1", "CloneSet", false, {}},
  };
  for (const auto& c : cases) {
    INFO(c.api << " " << c.kind);
    auto ws = find(std::string("apiVersion: ") + c.api + "\nkind: " + c.kind + "\nmetadata: {name: x, namespace: ns}\n");
    REQUIRE(ws.size() == (c.workload ? 1u : 0u));
    if (c.workload) {
      CHECK(ws[0].template_path == c.path);
      CHECK(ws[0].name == "x");
      CHECK(ws[0].namespace_ == "ns");
      CHECK_FALSE(ws[0].has_pod_spec);
    }
  }
}

TEST_CASE("a workload knows whether it has a pod spec to inject into", "[workloads]") {
  auto ws = find("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      containers: [{name: a}]\n");
  REQUIRE(ws.size() == 1);
  CHECK(ws[0].has_pod_spec);
  auto patch = find("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: 3}\n");
  CHECK_FALSE(patch[0].has_pod_spec);
}

TEST_CASE("List items are workloads of their own", "[workloads]") {
  Node root = parse_yaml(
      "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n- apiVersion: apps/v1\n  kind: Deployment\n"
      "  metadata: {name: a}\n- kind: List\n  items:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: p}\n    spec: {containers: []}\n",
      "t.yaml");
  auto ws = find_workloads(root, {});
  REQUIRE(ws.size() == 2);
  CHECK(ws[0].items == std::vector<std::size_t>{1});
  CHECK(ws[1].items == std::vector<std::size_t>{2, 0});
  REQUIRE(ws[1].object(root));
  CHECK(ws[1].object(root)->get("kind")->text == "Pod");
  CHECK(ws[1].pod(root) == ws[1].object(root));
}

TEST_CASE("workload entries teach custom resources, optionally with their group", "[workloads]") {
  WorkloadCatalog c;
  c.add("CloneSet=spec.template");
  c.add("Widget.example.com=spec.podTemplate");
  auto ws = find("apiVersion: apps.kruise.io/v1alpha1\nkind: CloneSet\nmetadata: {name: c}\n", c);
  REQUIRE(ws.size() == 1);
  CHECK(ws[0].template_path == std::vector<std::string>{"spec", "template"});
  CHECK(find("apiVersion: example.com/v1\nkind: Widget\n", c).size() == 1);
  CHECK(find("apiVersion: other.io/v1\nkind: Widget\n", c).empty());
  CHECK_THROWS_WITH(c.add("CloneSet"), Catch::Contains("expected KIND=PATH"));
  CHECK_THROWS_WITH(c.add("CloneSet=spec..template"), Catch::Contains("empty segment"));
}

TEST_CASE("a workload without a pod spec says where the path to it stops", "[workloads]") {
  WorkloadCatalog c;
  c.add("CloneSet=spec.tmplate");
  auto ws = find("apiVersion: apps.kruise.io/v1alpha1\nkind: CloneSet\nmetadata: {name: c}\n"
                 "spec: {replicas: 2, template: {spec: {containers: []}}}\n",
                 c);
  REQUIRE(ws.size() == 1);
  CHECK_FALSE(ws[0].has_pod_spec);
  CHECK(ws[0].declared == "CloneSet=spec.tmplate");
  CHECK(ws[0].missing == "no spec.tmplate (spec has replicas, template)");
  auto builtin = find("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {template: {spec: {containers: x}}}\n");
  REQUIRE(builtin.size() == 1);
  CHECK(builtin[0].declared.empty());
  CHECK(builtin[0].missing == "spec.template.spec.containers is not a list");
}

TEST_CASE("workloads: a StatefulSet's claim templates are the volumes its controller adds, by name and place", "[workloads]") {
  const std::string sts =
      "apiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n  kind: StatefulSet\n  metadata: {name: db}\n  spec:\n"
      "    template:\n      spec:\n        containers: [{name: db}]\n    volumeClaimTemplates:\n"
      "    - metadata: {name: data}\n    - spec: {}\n    - metadata:\n        name: logs\n";
  auto docs = read_all(sts, "t.yaml");  // as the pipeline reads: with spans
  REQUIRE(docs.size() == 1);
  const Node& root = docs[0].root;
  auto ws = find_workloads(root, WorkloadCatalog{});
  REQUIRE(ws.size() == 1);
  auto claims = claim_templates(root, ws[0]);
  REQUIRE(claims.size() == 2);  // a template without a name makes no volume kinject could name
  CHECK(claims[0].name == "data");
  CHECK(claims[0].path == "spec.volumeClaimTemplates[0]");
  CHECK(claims[1].name == "logs");
  CHECK(claims[1].path == "spec.volumeClaimTemplates[2]");
  REQUIRE(claims[1].name_node->has_span);
  CHECK(sts.substr(claims[1].name_node->span.begin, 4) == "logs");
  // Kinds without claim templates, and a bare pod, have none.
  for (const char* other : {"apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n"
                            "      containers: [{name: a}]\n  volumeClaimTemplates: [{metadata: {name: x}}]\n",
                            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a}]\n"}) {
    Node r = parse_yaml(other, "t.yaml");
    auto w = find_workloads(r, WorkloadCatalog{});
    REQUIRE(w.size() == 1);
    INFO(other);
    CHECK(claim_templates(r, w[0]).empty());
  }
}
