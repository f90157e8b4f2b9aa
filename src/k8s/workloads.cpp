#include "kinject/k8s/workloads.h"

#include <cctype>

#include <fmt/format.h>

#include "kinject/base/error.h"

namespace kinject {

namespace {

std::vector<std::string> split_path(std::string_view dotted) {
  std::vector<std::string> out;
  while (!dotted.empty()) {
    auto dot = dotted.find('.');
    out.emplace_back(dotted.substr(0, dot));
    if (dot == std::string_view::npos) break;
    dotted.remove_prefix(dot + 1);
  }
  return out;
}

}  // namespace

WorkloadCatalog::WorkloadCatalog() {
  const std::vector<std::string> tpl = {"spec", "template"};
  kinds_ = {
      {"Pod", {""}, {}, ""},
      {"Deployment", {"apps", "extensions"}, tpl, ""},
      {"StatefulSet", {"apps"}, tpl, ""},
      {"DaemonSet", {"apps", "extensions"}, tpl, ""},
      {"ReplicaSet", {"apps", "extensions"}, tpl, ""},
      {"ReplicationController", {""}, tpl, ""},
      {"Job", {"batch"}, tpl, ""},
      // The webhook sees the pods a CronJob makes: their template is the
      // job template's pod template.
      {"CronJob", {"batch"}, {"spec", "jobTemplate", "spec", "template"}, ""},
      // OpenShift, including the legacy `apiVersion: v1` form.
      {"DeploymentConfig", {"apps.openshift.io", ""}, tpl, ""},
      {"Rollout", {"argoproj.io"}, tpl, ""},
  };
}

void WorkloadCatalog::add(std::string_view spec) {
  auto eq = spec.find('=');
  if (eq == std::string_view::npos || eq == 0 || eq + 1 == spec.size())
    throw Error(fmt::format("--workload {}: expected KIND=PATH, e.g. CloneSet=spec.template", spec));
  std::string_view kind = spec.substr(0, eq);
  std::string_view path = spec.substr(eq + 1);
  WorkloadKind k;
  auto dot = kind.find('.');
  if (dot != std::string_view::npos) {
    k.kind = std::string(kind.substr(0, dot));
    k.groups = {std::string(kind.substr(dot + 1))};
  } else {
    k.kind = std::string(kind);
  }
  if (path != "." && path != "") k.path = split_path(path);
  for (const auto& seg : k.path)
    if (seg.empty()) throw Error(fmt::format("--workload {}: empty segment in path {}", spec, path));
  for (char c : k.kind)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'))
      throw Error(fmt::format("--workload {}: {} is not a kind name", spec, k.kind));
  k.declared = std::string(spec);
  // A user entry for a built-in kind replaces it (e.g. a different path).
  kinds_.insert(kinds_.begin(), std::move(k));
}

std::string api_group(std::string_view api_version) {
  auto slash = api_version.find('/');
  if (slash == std::string_view::npos) return "";
  return std::string(api_version.substr(0, slash));
}

const WorkloadKind* WorkloadCatalog::match(std::string_view api_version, std::string_view kind) const {
  std::string group = api_group(api_version);
  for (const auto& k : kinds_) {
    if (k.kind != kind) continue;
    if (k.groups.empty()) return &k;
    for (const auto& g : k.groups)
      if (g == group) return &k;
  }
  return nullptr;
}

bool is_list(const Node& object) {
  if (!object.is_map()) return false;
  const Node* kind = object.get("kind");
  const Node* items = object.get("items");
  if (!kind || !kind->is_string() || !items || !items->is_seq()) return false;
  std::string_view k = kind->text;
  return k.size() >= 4 && k.substr(k.size() - 4) == "List";
}

namespace {

std::optional<FieldProblem> field_problem(const Node& object, const std::string& prefix) {
  auto bad = [](const Node* v) { return v && !v->is_null() && !v->is_string(); };
  for (const char* f : {"apiVersion", "kind"})
    if (const Node* v = object.get(f); bad(v)) return FieldProblem{v, prefix + f, kind_phrase(*v)};
  const Node* md = object.get("metadata");
  if (md && !md->is_null() && !md->is_map()) return FieldProblem{md, prefix + "metadata", kind_phrase(*md)};
  if (md && md->is_map())
    for (const char* f : {"name", "generateName", "namespace"})
      if (const Node* v = md->get(f); bad(v)) return FieldProblem{v, prefix + "metadata." + f, kind_phrase(*v)};
  return std::nullopt;
}

}  // namespace

std::optional<FieldProblem> object_field_problem(const Node& root) {
  if (!root.is_map()) return std::nullopt;
  if (auto p = field_problem(root, "")) return p;
  if (is_list(root)) {
    const Node& items = *root.get("items");
    for (std::size_t i = 0; i < items.items.size(); ++i)
      if (items.items[i].is_map())
        if (auto p = field_problem(items.items[i], fmt::format("items[{}].", i))) return p;
  }
  return std::nullopt;
}

namespace {

const Node* follow(const Node* n, const std::vector<std::string>& path) {
  for (const auto& seg : path) {
    if (!n) return nullptr;
    n = n->get(seg);
  }
  return n;
}

void scan(const Node& object, std::vector<std::size_t>& items, const WorkloadCatalog& catalog,
          std::vector<Workload>& out) {
  if (!object.is_map()) return;
  if (is_list(object)) {
    const Node& list = *object.get("items");
    for (std::size_t i = 0; i < list.items.size(); ++i) {
      items.push_back(i);
      scan(list.items[i], items, catalog, out);
      items.pop_back();
    }
    return;
  }
  const Node* kind = object.get("kind");
  const Node* api = object.get("apiVersion");
  if (!kind || !kind->is_string()) return;
  std::string api_version = api && api->is_string() ? api->text : "";
  const WorkloadKind* wk = catalog.match(api_version, kind->text);
  if (!wk) return;
  Workload w;
  w.items = items;
  w.api_version = api_version;
  w.kind = kind->text;
  w.template_path = wk->path;
  if (const Node* md = object.get("metadata"); md && md->is_map()) {
    if (const Node* n = md->get("name"); n && n->is_scalar()) w.name = n->scalar_text();
    if (w.name.empty())
      if (const Node* g = md->get("generateName"); g && g->is_scalar()) w.name = g->scalar_text();
    if (const Node* ns = md->get("namespace"); ns && ns->is_scalar()) w.namespace_ = ns->scalar_text();
  }
  w.declared = wk->declared;
  const Node* pod = wk->path.empty() ? &object : follow(&object, wk->path);
  if (pod && pod->is_map()) {
    const Node* spec = pod->get("spec");
    const Node* containers = spec ? spec->get("containers") : nullptr;
    w.has_pod_spec = spec && spec->is_map() && containers && containers->is_seq();
  }
  if (!w.has_pod_spec) {
    // Blocked: a node on the way that is not a mapping (the containers: not
    // a list) where there is one at all.
    std::vector<std::string> way = wk->path;
    way.push_back("spec");
    way.push_back("containers");
    const Node* n = &object;
    for (std::size_t i = 0; i < way.size() && n && !n->is_null(); ++i) {
      if (!n->is_map()) {
        w.blocked = true;
        break;
      }
      n = n->get(way[i]);
    }
    if (n && !n->is_null() && !n->is_seq()) w.blocked = true;
  }
  if (!w.has_pod_spec) {
    // Say where the path stops: the last map on it and what it holds.
    std::vector<std::string> full = wk->path;
    full.push_back("spec");
    full.push_back("containers");
    const Node* n = &object;
    std::string at;
    for (const auto& seg : full) {
      const Node* next = n->is_map() ? n->get(seg) : nullptr;
      std::string here = at.empty() ? seg : at + "." + seg;
      if (!next) {
        std::string keys;
        if (n->is_map())
          for (std::size_t i = 0; i < n->entries.size() && i < 8; ++i)
            keys += (i ? ", " : "") + n->entries[i].key.scalar_text();
        w.missing = keys.empty() ? fmt::format("no {}", here)
                                 : fmt::format("no {} ({} has {})", here, at.empty() ? "the object" : at, keys);
        break;
      }
      n = next;
      at = here;
    }
    if (w.missing.empty()) w.missing = fmt::format("{} is not a list", at);
  }
  out.push_back(std::move(w));
}

}  // namespace

std::vector<Workload> find_workloads(const Node& root, const WorkloadCatalog& catalog) {
  std::vector<Workload> out;
  std::vector<std::size_t> items;
  scan(root, items, catalog, out);
  return out;
}

const Node* Workload::object(const Node& root) const {
  const Node* n = &root;
  for (std::size_t i : items) {
    const Node* list = n->get("items");
    if (!list || i >= list->items.size()) return nullptr;
    n = &list->items[i];
  }
  return n;
}

Node* Workload::object(Node& root) const {
  return const_cast<Node*>(static_cast<const Workload*>(this)->object(static_cast<const Node&>(root)));
}

const Node* Workload::pod(const Node& root) const {
  const Node* o = object(root);
  if (!o) return nullptr;
  return template_path.empty() ? o : follow(o, template_path);
}

Node* Workload::pod(Node& root) const {
  return const_cast<Node*>(static_cast<const Workload*>(this)->pod(static_cast<const Node&>(root)));
}

std::vector<ClaimTemplate> claim_templates(const Node& root, const Workload& w) {
  std::vector<ClaimTemplate> out;
  if (w.kind != "StatefulSet") return out;
  const Node* o = w.object(root);
  const Node* list = o ? o->at_path("spec.volumeClaimTemplates") : nullptr;
  if (!list || !list->is_seq()) return out;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    const Node* name = list->items[i].at_path("metadata.name");
    if (!name || !name->is_scalar()) continue;
    out.push_back({name->scalar_text(), fmt::format("spec.volumeClaimTemplates[{}]", i), name});
  }
  return out;
}

}  // namespace kinject
