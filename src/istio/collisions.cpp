// What an injection refuses to write: a pod the API server would reject or
// the proxy could not run in, because the templates and the pod use the same
// name or port. Checked before anything is written, with what to rename.
#include <algorithm>
#include <set>
#include <string>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "kinject/base/error.h"
#include "kinject/istio/inject_steps.h"
#include "kinject/k8s/k8s_types.h"
#include "kinject/k8s/pod.h"
#include "kinject/k8s/pod_validation.h"

namespace kinject::istio {

using namespace pod;

// A rendered template that lists a name twice: the strategic merge would
// fold the two into one item with both items' fields (a volume with two
// sources, a mount that lost its volume), which the API server refuses or
// the proxy cannot use. The usual cause is a sidecar.istio.io/userVolume or
// userVolumeMount annotation that takes a name or path the sidecar uses.
void check_rendered_names(const Node& rendered, const std::string& tname, const Node& pod) {
  const Node* annos = child(pod.get("metadata"), "annotations");
  auto hint = [&](const char* annotation) {
    return child(annos, annotation) ? fmt::format(" (the {} annotation adds one: rename it)", annotation) : std::string();
  };
  const Node* spec = rendered.get("spec");
  auto twice = [](const Node* list, std::string_view key) -> std::optional<std::string> {
    std::set<std::string> seen;
    if (list && list->is_seq())
      for (const auto& it : list->items)
        if (const Node* v = it.is_map() ? it.get(key) : nullptr; v && v->is_scalar() && !seen.insert(v->scalar_text()).second)
          return v->scalar_text();
    return std::nullopt;
  };
  if (auto v = twice(child(spec, "volumes"), "name"))
    throw Error(fmt::format("template \"{}\" renders two volumes named \"{}\"{}", tname, *v, hint("sidecar.istio.io/userVolume")));
  for (const char* field : {"containers", "initContainers"}) {
    const Node* list = child(spec, field);
    if (!list || !list->is_seq()) continue;
    for (const auto& c : list->items)
      if (auto m = twice(c.is_map() ? c.get("volumeMounts") : nullptr, "mountPath"))
        throw Error(fmt::format("template \"{}\" renders two mounts at \"{}\" in container \"{}\"{}", tname, *m, name_of(c),
                                hint("sidecar.istio.io/userVolumeMount")));
  }
}

// Templates that together put one container in both lists. The usual case:
// a template customising istio-proxy under `containers` (a SPIRE socket
// mount) after the sidecar template made the proxy a native sidecar under
// `initContainers`. Istio's injector writes that pod; the API server
// refuses it (container names are unique across both lists).
void check_template_lists(const Node& template_pod, const std::vector<std::string>& templates) {
  const Node* spec = template_pod.get("spec");
  const Node* inits = child(spec, "initContainers");
  const Node* cs = child(spec, "containers");
  if (!inits || !inits->is_seq() || !cs || !cs->is_seq()) return;
  for (const auto& c : cs->items) {
    std::string name = name_of(c);
    if (!find_container(inits, name)) continue;
    throw Error(fmt::format("the templates {} put a container named \"{}\" under both initContainers and containers, a "
                            "pod the API server refuses (Istio's injector writes it all the same){}",
                            fmt::join(templates, ", "), name,
                            name == kProxyContainer
                                ? "; with native sidecars the proxy is an init container: a template that customises it "
                                  "must name it under initContainers (or set sidecar.istio.io/nativeSidecar: \"false\")"
                                : ""));
  }
}

// The pod's own names and ports against what the templates add (`added`:
// every rendered template merged). A container named like an injected one
// is Istio's way to customise that container (reapplyOverwrittenContainers)
// and is not a collision, but only in the same list: an init container
// named like an injected container (or the reverse) would leave the pod
// with two containers of that name. `previous`: the volumes an earlier
// injection added, which the new one replaces.
void check_collisions(const Node& own, const Node& added, const std::vector<std::string>& previous, bool native,
                      const std::set<std::int64_t>& proxy_ports, const std::vector<ClaimTemplate>& claims) {
  const Node* own_spec = own.get("spec");
  const Node* add_spec = added.get("spec");
  if (const Node* vs = child(add_spec, "volumes"); vs && vs->is_seq())
    for (const auto& v : vs->items) {
      std::string name = name_of(v);
      // A claim template's volume takes the place of the sidecar's (no
      // earlier injection makes this one the sidecar's own).
      for (const auto& claim : claims) {
        if (claim.name != name) continue;
        throw Error(fmt::format("{} \"{}\" gives each pod a volume of that name, the name of a volume the sidecar adds "
                                "({}); the controller would put the claim's volume in the sidecar's place, and the proxy "
                                "would run on the app's persistent volume or not start: rename the claim template (a "
                                "StatefulSet's cannot change once created: create it anew), or keep the workload out of "
                                "the mesh (sidecar.istio.io/inject: \"false\")",
                                claim.path, name, fmt::join(volume_sources(v), ", ")))
            .at_offset(claim.name_node->has_span ? static_cast<long>(claim.name_node->span.begin) : -1);
      }
      if (std::find(previous.begin(), previous.end(), name) != previous.end()) continue;
      const Node* mine = find_container((child(own_spec, "volumes")), name);
      if (!mine) continue;
      auto theirs = volume_sources(v), ours = volume_sources(*mine);
      if (ours.empty() || theirs.empty() || ours == theirs) continue;
      throw Error(fmt::format("the pod has a volume named \"{}\" ({}), the name of a volume the sidecar adds ({}); the two "
                              "would merge into one volume with two sources, which the API server refuses: rename the pod's "
                              "volume",
                              name, fmt::join(ours, ", "), fmt::join(theirs, ", ")))
          .at_offset(mine->has_span ? static_cast<long>(mine->span.begin) : -1);
    }
  for (const char* field : {"containers", "initContainers"}) {
    const char* other = std::string_view(field) == "containers" ? "initContainers" : "containers";
    const Node* list = child(add_spec, field);
    if (!list || !list->is_seq()) continue;
    for (const auto& c : list->items) {
      std::string name = name_of(c);
      if (native && name == kProxyContainer) continue;  // the pod's istio-proxy moves to the init containers
      const Node* mine = find_container((child(own_spec, other)), name);
      if (!mine || find_container((child(own_spec, field)), name)) continue;
      throw Error(fmt::format("the pod has {} named \"{}\", the name of {} the sidecar adds; the pod would have two "
                              "containers of that name, which the API server refuses: rename it (to customise the "
                              "injected one, define it under {})",
                              std::string_view(other) == "containers" ? "a container" : "an init container", name,
                              std::string_view(field) == "containers" ? "a container" : "an init container", field))
          .at_offset(mine->has_span ? static_cast<long>(mine->span.begin) : -1);
    }
  }
  if (proxy_ports.empty()) return;
  // The app shares the pod's network with Envoy, which listens on these.
  for (const char* field : {"containers", "initContainers"}) {
    const Node* list = child(own_spec, field);
    if (!list || !list->is_seq()) continue;
    for (const auto& c : list->items) {
      if (!c.is_map() || find_container((child(add_spec, "containers")), name_of(c)) ||
          find_container((child(add_spec, "initContainers")), name_of(c)))
        continue;  // the user's customisation of an injected container
      // An init container runs beside the proxy only as a native sidecar.
      if (std::string_view(field) == "initContainers" && str_at(&c, "restartPolicy") != "Always") continue;
      const Node* ports = c.get("ports");
      if (!ports || !ports->is_seq()) continue;
      for (const auto& p : ports->items) {
        const Node* cp = p.is_map() ? p.get("containerPort") : nullptr;
        if (!cp || cp->kind != Kind::Int || !proxy_ports.count(cp->i)) continue;
        throw Error(fmt::format("container \"{}\" declares port {}, one the sidecar's proxy listens on in the pod's "
                                "network ({}); the two cannot both bind it: move the app to another port{}",
                                name_of(c), cp->i, fmt::join(proxy_ports, ", "),
                                " (the status port can move with the status.sidecar.istio.io/port annotation)"))
            .at_offset(cp->has_span ? static_cast<long>(cp->span.begin) : -1);
      }
    }
  }
}

}  // namespace kinject::istio
