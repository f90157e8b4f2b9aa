// Workloads: which objects carry a pod template, and where.
//
// Kinds are matched with their API group, so a custom resource that happens
// to be called `Deployment` in another group is not mistaken for one. Objects
// inside `kind: List` (and `*List`) documents are found item by item.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kinject/yaml/node.h"

namespace kinject {

struct WorkloadKind {
  std::string kind;
  std::vector<std::string> groups;  // API groups it belongs to ("" = core); empty = any group
  std::vector<std::string> path;    // keys from the object to its pod template; empty = the object is the pod
  std::string declared;             // the `--workload` entry that declared it ("" for built-in kinds)
};

class WorkloadCatalog {
 public:
  WorkloadCatalog();  // the built-in kinds of SPEC §3
  // Adds a `--workload` entry: `KIND=PATH` or `KIND.GROUP=PATH`, PATH dotted
  // (e.g. `CloneSet.apps.kruise.io=spec.template`). Throws Error if malformed.
  void add(std::string_view spec);
  // The pod template path of an object, if it is a workload.
  const WorkloadKind* match(std::string_view api_version, std::string_view kind) const;

 private:
  std::vector<WorkloadKind> kinds_;
};

std::string api_group(std::string_view api_version);

struct Workload {
  std::vector<std::size_t> items;    // List item indices leading to the object (empty = document root)
  std::string api_version;
  std::string kind;
  std::string name;                  // metadata.name (or generateName)
  std::string namespace_;            // metadata.namespace, "" if none
  std::vector<std::string> template_path;  // from the object to the pod template
  bool has_pod_spec = false;         // the template has a spec with containers
  // Without a pod spec because a field on the way to it is there but of the
  // wrong type (`template: []`, `spec: x`, `containers: {}`): no decision
  // can be made on such a workload, unlike one that has no template.
  bool blocked = false;
  std::string declared;              // the `--workload` entry it matched, if any
  // Without a pod spec: where the path to it stops, e.g. "spec.tmplate (spec
  // has replicas, template)"; for reports and errors.
  std::string missing;

  // The object inside the document root.
  const Node* object(const Node& root) const;
  Node* object(Node& root) const;
  // The pod template (metadata + spec map) inside the object; null if absent.
  const Node* pod(const Node& root) const;
  Node* pod(Node& root) const;
};

// A StatefulSet's claim templates (spec.volumeClaimTemplates; OpenKruise's
// StatefulSet, in its own group, has them too): the controller gives each
// pod a persistentVolumeClaim volume per claim template, named as the
// template, in place of a pod template volume of that name (the StatefulSet
// controller's updateStorage). Empty for other kinds.
struct ClaimTemplate {
  std::string name;               // metadata.name: the pod volume's name
  std::string path;               // e.g. "spec.volumeClaimTemplates[1]"
  const Node* name_node = nullptr;  // metadata.name's node, for its place
};
std::vector<ClaimTemplate> claim_templates(const Node& root, const Workload& w);

// Every workload of a document, in document order.
std::vector<Workload> find_workloads(const Node& root, const WorkloadCatalog& catalog);

// Whether a document is a List of objects.
bool is_list(const Node& object);

// A field that says which object a document is (apiVersion, kind,
// metadata.name, generateName, namespace) holding something other than a
// string: kubectl refuses such a document ("cannot unmarshal ... into Go
// struct field ... of type string"), and a tool that took it for an object
// would edit what is not one: a Helm template that happens to parse as YAML
// (`name: {{ .Release.Name }}` reads as a flow mapping).
struct FieldProblem {
  const Node* node = nullptr;  // the offending value
  std::string path;            // e.g. "metadata.name", "items[2].kind"
  std::string what;            // "a mapping", "a number", ...
};
// The first such field of a document's object (or of a List's items); null
// is no problem (Go reads it as "").
std::optional<FieldProblem> object_field_problem(const Node& root);

}  // namespace kinject
