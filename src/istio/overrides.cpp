// The user's customisation of injected containers (webhook.go's
// reinsertOverrides, reapplyOverwrittenContainers, adjustInitContainerUser):
// a container the pod defines under an injected name is merged over the
// template's, and recorded in proxy.istio.io/overrides so that a
// re-injection, which strips the merged container, can apply it again.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "kinject/base/error.h"
#include "kinject/istio/inject_steps.h"
#include "kinject/istio/status.h"
#include "kinject/k8s/k8s_types.h"
#include "kinject/k8s/pod.h"
#include "kinject/k8s/strategic_merge.h"
#include "kinject/yaml/reader.h"

namespace kinject::istio {

using namespace pod;

namespace {

struct Overrides {
  std::vector<Node> containers, init_containers;
};

// The overrides were written by Go's json.Marshal of a corev1.Container,
// which writes `"resources":{}` for a container without resources (a struct
// field is never omitted). Re-applied as is, that would add `resources: {}`
// to a container that never had it, so injecting an injected manifest would
// change it. The pod's own container (`pod`: the manifest as read) says
// whether the user wrote it.
void drop_marshalled_zero_structs(std::vector<Node>& overrides, const Node& pod, const char* field) {
  const Node* own = container_list(pod, field);
  for (auto& c : overrides) {
    const Node* r = c.get("resources");
    if (!r || !r->is_map() || !r->entries.empty()) continue;
    const Node* mine = find_container(own, name_of(c));
    if (!mine || !mine->get("resources")) c.erase("resources");
  }
}

Overrides parse_overrides(const std::optional<std::string>& text, const Node& pod) {
  Overrides o;
  if (!text) return o;
  Node n;
  try {
    n = parse_yaml(*text, std::string(kOverridesAnnotation));
  } catch (const Error& e) {
    throw Error(fmt::format("invalid value for annotation '{}': {}", kOverridesAnnotation, e.bare()));
  }
  if (const Node* c = n.get("containers"); c && c->is_seq()) o.containers = c->items;
  if (const Node* c = n.get("initContainers"); c && c->is_seq()) o.init_containers = c->items;
  for (auto& c : o.containers) c.forget_source();
  for (auto& c : o.init_containers) c.forget_source();
  drop_marshalled_zero_structs(o.containers, pod, "containers");
  drop_marshalled_zero_structs(o.init_containers, pod, "initContainers");
  return o;
}

const Node* find_in(const std::vector<Node>& list, std::string_view name) {
  for (const auto& c : list)
    if (c.is_map() && name_of(c) == name) return &c;
  return nullptr;
}

}  // namespace

// `pod` is the pod stripped of a previous injection, `original` as read.
Node reinsert_overrides(const Node& pod, const Node& original) {
  Overrides o = parse_overrides(annotation(pod, kOverridesAnnotation), original);
  if (o.containers.empty() && o.init_containers.empty()) return pod;
  Node out = pod;
  Node& spec = out.child_map("spec");
  for (auto [field, recorded] : {std::pair{"containers", &o.containers}, std::pair{"initContainers", &o.init_containers}})
    for (const auto& c : *recorded) {
      // The user writes a customised istio-proxy under containers (Istio's
      // "customizing injection"); under native sidecars RunTemplate moved it
      // to the init containers, and that is where it was recorded. It goes
      // back where the user wrote it, and moves again if the templates put
      // the proxy there, so that a re-injection that lays the proxy out
      // otherwise (native to classic) finds it where the template expects.
      Node& list = spec.child_seq(name_of(c) == kProxyContainer ? "containers" : field);
      if (!find_container(&list, name_of(c))) list.items.push_back(c);
    }
  return out;
}

namespace {

// The user's container as an overlay: `image: auto` means the template's.
Node overlay_of(Node c) {
  if (c.get("image") && c.get("image")->scalar_text() == "auto") c.erase("image");
  c.forget_source();
  return c;
}

// applyContainer / applyInitContainer: one container merged over the pod.
void apply_container(Node& merged, const char* field, const Node& overlay) {
  Node patch = Node::map();
  patch.child_map("spec").set(field, Node::seq()).items.push_back(overlay);
  strategic_merge_pod(merged, patch);
  typed_round_trip(merged, rendered_containers(patch));
}

std::string overrides_json(const Overrides& o) {
  auto list = [](const std::vector<Node>& cs) {
    std::string out = "[";
    for (std::size_t i = 0; i < cs.size(); ++i) out += (i ? "," : "") + k8s::go_json(cs[i], k8s::container_type());
    return out + "]";
  };
  std::string js = "{";
  if (!o.containers.empty()) js += "\"containers\":" + list(o.containers);
  if (!o.init_containers.empty())
    js += std::string(o.containers.empty() ? "" : ",") + "\"initContainers\":" + list(o.init_containers);
  return js + "}";
}

}  // namespace

void reapply_overwritten_containers(Node& merged, const Node& original, const Node& template_pod, const InjectionParams& p) {
  Overrides existing = parse_overrides(annotation(original, kOverridesAnnotation), original);
  auto status_text = annotation(original, p.status_key());
  InjectionStatus prev = parse_status(status_text).value_or(InjectionStatus{});
  Overrides overrides;
  // Istio skips containers a previous injection added, which loses the
  // user's overrides on re-injection; kinject re-applies the ones recorded
  // in proxy.istio.io/overrides so that injecting twice changes nothing.
  // Both are looked up in either list: a re-injection may lay the proxy out
  // otherwise (classic under containers, native under initContainers), and
  // Istio, which looks only in the list the template now uses, takes the
  // old injection's proxy for the user's and lays it over the new one.
  for (const char* field : {"containers", "initContainers"}) {
    const bool init = std::string_view(field) == "initContainers";
    const Node* rendered = container_list(template_pod, field);
    if (!rendered) continue;
    for (const auto& tc : rendered->items) {
      std::string n = name_of(tc);
      const Node* match = find_in(init ? existing.init_containers : existing.containers, n);
      const bool istioctl = p.templates->kube_inject;  // Istio's lookup, in the template's list only
      if (!match && !istioctl) match = find_in(init ? existing.containers : existing.init_containers, n);
      if (!match && (istioctl ? contains(init ? prev.init_containers : prev.containers, n) : prev.added_container(n))) continue;
      if (!match) match = init ? find_in_pod(const_cast<Node&>(original), n) : find_container(container_list(original, field), n);
      if (!match) continue;
      Node overlay = overlay_of(*match);
      (init ? overrides.init_containers : overrides.containers).push_back(overlay);
      apply_container(merged, field, overlay);
    }
  }
  if (!status_text && (!overrides.containers.empty() || !overrides.init_containers.empty()))
    annotations_of(merged).set(kOverridesAnnotation, Node::string(overrides_json(overrides)));
  adjust_init_container_user(merged, original, p.proxy_config());
}

// The user's istio-proxy runs as another user: the iptables init container
// (or the CNI's validation container) must exclude that user's traffic.
void adjust_init_container_user(Node& merged, const Node& original, const Node& proxy_config) {
  const Node* user = find_in_pod(const_cast<Node&>(original), kProxyContainer);
  const Node* usc = user ? user->get("securityContext") : nullptr;
  const Node* run_user = child(usc, "runAsUser");
  const Node* run_group = child(usc, "runAsGroup");
  if (!user || !usc || !(run_user || run_group)) return;
  Node* init = find_container(container_list(merged, "initContainers"), kInitContainer);
  if (!init) init = find_container(container_list(merged, "initContainers"), kValidationContainer);
  if (!init) return;
  bool tproxy = str_at(&proxy_config, "interceptionMode") == "TPROXY" ||
                annotation(merged, "sidecar.istio.io/interceptionMode").value_or("") == "TPROXY";
  if (tproxy && run_user)
    if (Node* sidecar = find_in_pod(merged, kProxyContainer)) sidecar->child_map("securityContext").set("runAsUser", Node::integer(0));
  if (!tproxy && name_of(*init) == kValidationContainer) {
    Node& sc = init->child_map("securityContext");
    if (run_user) sc.set("runAsUser", *run_user);
    if (run_group) sc.set("runAsGroup", *run_group);
  }
  if (run_user && run_user->kind == Kind::Int && run_user->i != 0)
    if (Node* args = init->get("args"); args && args->is_seq())
      for (std::size_t i = 0; i + 1 < args->items.size(); ++i)
        if (args->items[i].scalar_text() == "-u") {
          args->items[i + 1] = Node::string(fmt::format("{}", run_user->i));
          break;
        }
}

}  // namespace kinject::istio
