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
