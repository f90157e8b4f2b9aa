// Istio's RunTemplate (pkg/kube/inject/inject.go): the pod, stripped of a
// previous injection, is given to each selected template, and each rendered
// template is merged over the pod as a strategic merge patch.
#include <string>

#include <fmt/format.h>

#include "kinject/base/error.h"
#include "kinject/istio/inject_steps.h"
#include "kinject/istio/istiod_env.h"
#include "kinject/istio/status.h"
#include "kinject/istio/strconv.h"
#include "kinject/istio/template_data.h"
#include "kinject/k8s/k8s_types.h"
#include "kinject/k8s/pod.h"
#include "kinject/k8s/strategic_merge.h"
#include "kinject/yaml/reader.h"

namespace kinject::istio {

using namespace pod;

const tmpl::Template* Templates::find(const std::string& name) const {
  if (auto it = parsed.find(name); it != parsed.end()) return &it->second;
  auto text = config->templates.find(name);
  if (text == config->templates.end()) return nullptr;
  // A built-in template as the profile composed it loads from the form the
  // build parsed it into (prepared.h).
  if (auto builtin = config->builtin_templates.find(name);
      builtin != config->builtin_templates.end() && builtin->second == text->second)
    for (const PreparedTemplate& p : config->prepared)
      if (p.profile == config->builtin_profile && p.name == name)
        if (auto loaded = tmpl::Template::load_prepared(name, text->second, p.form, funcs))
          return &parsed.emplace(name, std::move(*loaded)).first->second;
  try {
    return &parsed.emplace(name, tmpl::Template::parse(name, text->second, funcs)).first->second;
  } catch (const tmpl::TemplateError& e) {
    throw Error(fmt::format("{}: invalid injection template \"{}\": {}", config->description, name, e.what()));
  }
}

Templates parse_templates(const IstioConfig& config, tmpl::EnvLookup env, bool kube_inject) {
  Templates t;
  t.config = &config;
  t.env = istiod_env(config, std::move(env), kube_inject);
  t.kube_inject = kube_inject;
  t.funcs = tmpl::injection_funcs(t.env.lookup(), config.release);
  for (const auto& [name, text] : config.templates) {
    auto builtin = config.builtin_templates.find(name);
    if (builtin == config.builtin_templates.end() || builtin->second != text) t.find(name);
  }
  t.values = json_value(config.values);
  if (const Node* dc = config.mesh.get("defaultConfig")) t.default_proxy_config = proxy_config_value(*dc);
  t.default_mesh_config = mesh_config_value(config.mesh);
  t.mesh_proxy_config = mesh_proxy_config(config.mesh);
  return t;
}

// stripPod: an already injected pod is presented to the template without
// what the previous injection added. Istio's Prometheus annotations are
// its own too when they point at the status port.
Node strip_pod(const Node& pod, std::string_view status_key, const std::optional<std::string>& prometheus_port,
               const IstioRelease& release) {
  auto previous = parse_status(annotation(pod, status_key));
  if (!previous) return pod;
  InjectionStatus& prev = *previous;
  Node out = pod;
  for (const auto& c : prev.containers) modify_containers(container_list(out, "containers"), c, Move::Remove);
  for (const auto& c : prev.init_containers) modify_containers(container_list(out, "initContainers"), c, Move::Remove);
  if (auto cur = prometheus_annotation(out, "port"); prometheus_port && cur && *cur == *prometheus_port)
    clear_prometheus_annotations(out, release);
  if (Node* annos = child(out.get("metadata"), "annotations") ? out.get("metadata")->get("annotations") : nullptr)
    annos->erase(status_key);
  // What a template of one's own added to the metadata, so that it is seen
  // (and recorded) as added again.
  for (auto [field, keys] : {std::pair{"annotations", &prev.annotations}, std::pair{"labels", &prev.labels}})
    if (Node* meta = out.get("metadata"); meta && meta->is_map())
      if (Node* m = meta->get(field); m && m->is_map())
        for (const auto& k : *keys) m->erase(k);
  return out;
}


std::vector<std::string> select_templates(const InjectionParams& p) {
  std::vector<std::string> names;
  if (auto a = annotation(p.pod, "inject.istio.io/templates")) {
    for (const auto& n : split(*a, ',')) names.push_back(trim(n));
  } else {
    names = p.config().default_templates;
  }
  std::vector<std::string> selected;
  for (const auto& n : names) {
    auto al = p.config().aliases.find(n);
    if (al != p.config().aliases.end()) selected.insert(selected.end(), al->second.begin(), al->second.end());
    else selected.push_back(n);
  }
  return selected;
}

// and always-marshalled ones appear (a resourceFieldRef's `divisor: "0"`).
// Only the containers the template rendered get that treatment here, so the
// user's own containers stay as written.
std::vector<std::string> rendered_containers(const Node& rendered) {
  std::vector<std::string> names;
  for (const char* field : {"containers", "initContainers"})
    if (const Node* rendered_list = container_list(rendered, field))
      for (const auto& rc : rendered_list->items)
        if (rc.is_map()) names.push_back(name_of(rc));
  return names;
}

void typed_round_trip(Node& merged, const std::vector<std::string>& rendered) {
  for (const std::string& name : rendered)
    for (const char* where : {"containers", "initContainers"})
      if (Node* c = find_container(container_list(merged, where), name)) {
        try {
          k8s::go_normalize(*c, k8s::container_type());
        } catch (const Error& e) {
          throw Error(fmt::format("container \"{}\": {}", name, e.bare()));
        }
      }
}

// Quantities that went through Go's typed marshalling come back canonical
// ("3000m" -> "3"); where the value did not change, keep the spelling the
// manifest had.
void keep_container_quantity_spelling(Node& merged, const Node& original) {
  for (const char* field : {"containers", "initContainers"}) {
    Node* list = container_list(merged, field);
    const Node* before = container_list(original, field);
    if (!list || !before) continue;
    for (auto& c : list->items) {
      const Node* oc = find_container(before, name_of(c));
      if (!oc) continue;
      Node* now = c.is_map() ? c.get("resources") : nullptr;
      const Node* was = oc->get("resources");
      if (now && was && now->is_map() && was->is_map()) k8s::keep_quantity_spelling(*now, *was);
    }
  }
}

namespace {

// runTemplate and the YAML it writes, as a pod.
Node render(const InjectionParams& p, const std::string& tname, const tmpl::Value& data) {
  const tmpl::Template* parsed = p.templates->find(tname);
  if (!parsed) {
    std::string have;
    for (const auto& [k, _] : p.config().templates) have += (have.empty() ? "" : ", ") + k;
    throw Error(fmt::format("requested template \"{}\" not found; have {}", tname, have));
  }
  std::string text;
  try {
    text = parsed->execute(tname, data);
  } catch (const tmpl::TemplateError& e) {
    throw Error(fmt::format("failed to run injection template \"{}\": {}", tname, e.what()));
  }
  Node rendered;
  try {
    rendered = parse_yaml(text, "template " + tname + " output");
  } catch (const Error& e) {
    // Show the offending line of the rendered text: the template, not the
    // manifest, is what needs fixing.
    std::string context;
    if (int line = e.where().line; line > 0) {
      auto lines = split(text, '\n');
      if (static_cast<std::size_t>(line) <= lines.size())
        context = fmt::format("; rendered line {}: {}", line, trim(lines[static_cast<std::size_t>(line) - 1]));
    }
    throw Error(fmt::format("failed parsing generated injected YAML of template \"{}\" (check the injector configuration): {}{}",
                            tname, e.bare(), context));
  }
  rendered.forget_source();
  if (rendered.is_null()) rendered = Node::map();
  if (!rendered.is_map()) throw Error(fmt::format("template \"{}\" did not render a pod (a mapping with metadata/spec)", tname));
  return rendered;
}

}  // namespace

TemplateRun run_template(const InjectionParams& p, Node stripped) {
  tmpl::Value data = to_value(sidecar_template_data(p, stripped));
  TemplateRun run{std::move(stripped), p.pod, Node::map()};
  const InjectionStatus previous = parse_status(annotation(p.pod, p.status_key())).value_or(InjectionStatus{});
  const std::vector<std::string> names = select_templates(p);
  for (const auto& tname : names) {
    Node rendered = render(p, tname, data);
    check_rendered_names(rendered, tname, p.pod);
    strategic_merge_pod(run.template_pod, rendered);
    if (!p.templates->kube_inject) follow_new_layout(run.merged, run.template_pod, previous);
    // Under native sidecars the template puts the proxy in the init
    // containers, but the user's customisation of it is under containers:
    // it moves along.
    if (p.native_sidecars && find_container(container_list(run.template_pod, "initContainers"), kProxyContainer))
      move_container(run.merged, kProxyContainer, "containers", "initContainers");
    const std::vector<std::string> containers = rendered_containers(rendered);
    strategic_merge_pod(run.merged, std::move(rendered));  // its last use: its content moves in
    typed_round_trip(run.merged, containers);
  }
  check_template_lists(run.template_pod, names);
  return run;
}

}  // namespace kinject::istio
