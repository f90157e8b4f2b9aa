#include "kinject/config.h"

#include <sstream>

#include <fmt/format.h>

#include "kinject/error.h"
#include "kinject/reader.h"
#include "kinject/template_data.h"

namespace kinject {

namespace embedded {
extern const std::string_view istio_yaml;
}

namespace {

std::string read_file(const Disk& disk, const std::string& path) {
  auto in = disk.open(path);
  std::ostringstream ss;
  ss << in->rdbuf();
  if (in->bad()) throw Error(Location{path}, "read error");
  return ss.str();
}

// Users often capture configuration with `kubectl get cm NAME -o yaml`; take
// the ConfigMap's data key then.
const Node* unwrap_configmap(const Node& doc, std::string_view key) {
  const Node* kind = doc.get("kind");
  if (kind && kind->str() == "ConfigMap") {
    const Node* data = doc.get("data");
    if (data) return data->get(key);
  }
  return nullptr;
}

// Helm-style values merge: maps merge key by key, anything else replaces.
void merge_values(Node& base, const Node& over) {
  for (const auto& e : over.entries) {
    Node* cur = base.get(e.key.scalar_text());
    if (cur && cur->is_map() && e.value.is_map()) merge_values(*cur, e.value);
    else base.set(e.key.scalar_text(), e.value);
  }
}

std::vector<std::string> string_list(const Node* n) {
  std::vector<std::string> out;
  if (n && n->is_seq())
    for (const auto& it : n->items) out.push_back(it.scalar_text());
  return out;
}

}  // namespace

namespace {

// The fields of an injector config (inject.Config) that kinject uses.
void apply_inject_config(const Node& doc, const std::string& name, IstioConfig& into) {
  const Node* templates = doc.get("templates");
  into.templates.clear();
  for (const auto& e : templates->entries) {
    if (!e.value.is_string())
      throw Error(Location{name}, fmt::format("templates.{} must be a string holding a Go template", e.key.scalar_text()));
    into.templates[e.key.scalar_text()] = e.value.text;
  }
  into.default_templates = string_list(doc.get("defaultTemplates"));
  if (into.default_templates.empty()) into.default_templates = {"sidecar"};
  into.aliases.clear();
  if (const Node* aliases = doc.get("aliases"); aliases && aliases->is_map())
    for (const auto& e : aliases->entries) into.aliases[e.key.scalar_text()] = string_list(&e.value);
  if (const Node* policy = doc.get("policy"); policy && policy->is_scalar()) {
    std::string p = policy->scalar_text();
    if (p == "disabled") into.policy = InjectPolicy::Disabled;
    else if (p == "enabled" || p.empty()) into.policy = InjectPolicy::Enabled;
    else throw Error(Location{name}, fmt::format("policy must be \"enabled\" or \"disabled\", not \"{}\"", p));
  }
  if (const Node* n = doc.get("neverInjectSelector"); n && n->is_seq()) into.never_inject_selector = *n;
  if (const Node* n = doc.get("alwaysInjectSelector"); n && n->is_seq()) into.always_inject_selector = *n;
  if (const Node* n = doc.get("injectedAnnotations"); n && n->is_map()) into.injected_annotations = *n;
}

}  // namespace

void parse_inject_config(std::string_view text, const std::string& name, IstioConfig& into) {
  Node doc;
  bool parsed = true;
  try {
    doc = parse_yaml(text, name);
  } catch (const Error&) {
    parsed = false;
  }
  if (parsed) {
    if (const Node* wrapped = unwrap_configmap(doc, "config")) {
      if (!wrapped->is_string()) throw Error(Location{name}, "ConfigMap data.config is not a string");
      parse_inject_config(wrapped->text, name + " (data.config)", into);
      return;
    }
  }
  const Node* templates = parsed && doc.is_map() ? doc.get("templates") : nullptr;
  if (!templates || !templates->is_map() || templates->entries.empty()) {
    // Not an inject config: a bare template, used as `sidecar` (as
    // istioctl kube-inject does).
    into.templates.clear();
    into.templates["sidecar"] = std::string(text);
    into.default_templates = {"sidecar"};
    return;
  }
  apply_inject_config(doc, name, into);
}

IstioConfig builtin_config() {
  IstioConfig cfg;
  Node profile = parse_yaml(embedded::istio_yaml, "<built-in profile>");
  const Node* values = profile.get("values");
  const Node* mesh = profile.get("mesh");
  const Node* templates = profile.get("templates");
  if (!templates || !templates->is_map() || !values || !mesh) throw Error("internal error: the built-in profile is incomplete");
  apply_inject_config(profile, "<built-in profile>", cfg);
  cfg.values = *values;
  cfg.mesh = apply_mesh_config(default_mesh_config(), *mesh);
  cfg.description = "built-in default profile";
  return cfg;
}

IstioConfig load_config(const ConfigSources& src, const Disk& disk) {
  IstioConfig cfg = builtin_config();
  std::vector<std::string> parts;
  if (!src.inject_config_file.empty()) {
    parse_inject_config(read_file(disk, src.inject_config_file), src.inject_config_file, cfg);
    parts.push_back(src.inject_config_file);
  }
  if (!src.values_file.empty()) {
    Node values = parse_yaml(read_file(disk, src.values_file), src.values_file);
    if (const Node* wrapped = unwrap_configmap(values, "values")) {
      if (!wrapped->is_string()) throw Error(Location{src.values_file}, "ConfigMap data.values is not a string");
      values = parse_yaml(wrapped->text, src.values_file + " (data.values)");
    }
    if (!values.is_map())
      throw Error(Location{src.values_file}, "expected a mapping of Istio values (e.g. `global: {hub: ...}`)");
    cfg.values = values;
    parts.push_back(src.values_file);
  }
  if (!src.mesh_config_file.empty()) {
    Node mesh = parse_yaml(read_file(disk, src.mesh_config_file), src.mesh_config_file);
    if (const Node* wrapped = unwrap_configmap(mesh, "mesh")) {
      if (!wrapped->is_string()) throw Error(Location{src.mesh_config_file}, "ConfigMap data.mesh is not a string");
      mesh = parse_yaml(wrapped->text, src.mesh_config_file + " (data.mesh)");
    }
    if (!mesh.is_map() && !mesh.is_null())
      throw Error(Location{src.mesh_config_file}, "expected a MeshConfig mapping (e.g. `defaultConfig: {...}`)");
    try {
      cfg.mesh = apply_mesh_config(default_mesh_config(), mesh);
    } catch (const Error& e) {
      throw Error(Location{src.mesh_config_file}, e.bare());
    }
    parts.push_back(src.mesh_config_file);
  }
  if (!src.operator_file.empty()) {
    // istioctl's --operatorFileName: the IstioOperator's values and mesh
    // config win over the files. They merge over the built-in profile, so a
    // partial IstioOperator still renders.
    Node iop = parse_yaml(read_file(disk, src.operator_file), src.operator_file);
    const Node* kind = iop.get("kind");
    if (!kind || kind->str() != "IstioOperator")
      throw Error(Location{src.operator_file}, "expected an IstioOperator (kind: IstioOperator)");
    if (const Node* v = iop.at_path("spec.values"); v && v->is_map()) merge_values(cfg.values, *v);
    if (const Node* m = iop.at_path("spec.meshConfig"); m && m->is_map()) {
      try {
        cfg.mesh = apply_mesh_config(cfg.mesh, *m);
      } catch (const Error& e) {
        throw Error(Location{src.operator_file}, e.bare());
      }
    }
    parts.push_back(src.operator_file);
  }
  if (!src.template_file.empty()) {
    // A sidecar of one's own: the template is rendered against the same
    // data (values included), then merged; Istio's post-processing is off.
    std::string name = src.template_file;
    if (auto slash = name.rfind('/'); slash != std::string::npos) name = name.substr(slash + 1);
    if (auto dot = name.find('.'); dot != std::string::npos && dot > 0) name = name.substr(0, dot);
    cfg.templates = {{name, read_file(disk, src.template_file)}};
    cfg.default_templates = {name};
    cfg.aliases.clear();
    cfg.istio = false;
    cfg.status_annotation = kGenericStatusAnnotation;
    parts.push_back(src.template_file);
  }
  for (const auto& s : src.sets) apply_set(cfg.values, s);
  cfg.revision = src.revision == "default" ? "" : src.revision;
  // A revision's injector ConfigMap carries its revision in its values
  // (CA_ADDR points at istiod-<revision>); the built-in values need it set.
  if (!cfg.revision.empty()) {
    const Node* r = cfg.values.get("revision");
    if (!r || r->scalar_text().empty()) cfg.values.set("revision", Node::string(cfg.revision));
  }
  if (!parts.empty()) {
    cfg.description.clear();
    for (const auto& p : parts) cfg.description += (cfg.description.empty() ? "" : ", ") + p;
  }
  return cfg;
}

void apply_set(Node& values, std::string_view assignment) {
  auto eq = assignment.find('=');
  if (eq == std::string_view::npos || eq == 0)
    throw Error(fmt::format("--set {}: expected PATH=VALUE, e.g. global.hub=registry.example.com/istio", assignment));
  std::string_view path = assignment.substr(0, eq);
  std::string_view value = assignment.substr(eq + 1);
  if (path.substr(0, 7) == "values.") path.remove_prefix(7);
  Node parsed;
  try {
    parsed = value.empty() ? Node::string("") : parse_yaml(value, "--set value");
  } catch (const Error&) {
    parsed = Node::string(std::string(value));
  }
  if (parsed.is_null() && !value.empty() && value != "null" && value != "~") parsed = Node::string(std::string(value));
  parsed.forget_source();
  Node* cur = &values;
  while (true) {
    auto dot = path.find('.');
    std::string key(path.substr(0, dot));
    if (key.empty()) throw Error(fmt::format("--set {}: empty path segment", assignment));
    if (!cur->is_map()) *cur = Node::map();
    if (dot == std::string_view::npos) {
      cur->set(key, std::move(parsed));
      return;
    }
    cur = &cur->child_map(key);
    path.remove_prefix(dot + 1);
  }
}

}  // namespace kinject
