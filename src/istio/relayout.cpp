// Re-injection that lays a container out in the other list. An upgrade may
// change the proxy's layout (Istio 1.24's default is classic, istio-proxy
// among the containers; 1.30's is native, istio-proxy among the init
// containers, restartPolicy Always), and the old injection's proxy is in the
// pod the new templates are merged over (RunTemplate merges over the pod as
// read, not the stripped one). Left where it was, it would either stand as a
// second istio-proxy beside the new one (native to classic), or be moved by
// RunTemplate's rule for a user's own proxy and then, as reapplyOverwritten-
// Containers finds it in no list the status names for its new place, laid
// over the new proxy as if the user had written it (classic to native): the
// old release's proxy beside the new istio-init, and a second run changing
// it again. Moved along, it is merged under the new template as on any
// re-injection, keeping what the proxy carries for the pod
// (ISTIO_KUBE_APP_PROBERS, the probes the injection rewrote).
#include <string_view>
#include <utility>

#include "kinject/istio/inject_steps.h"
#include "kinject/istio/status.h"
#include "kinject/k8s/pod.h"

namespace kinject::istio {

using namespace pod;

void follow_new_layout(Node& merged, const Node& template_pod, const InjectionStatus& previous) {
  static constexpr std::pair<std::string_view, std::string_view> kMoves[] = {{"containers", "initContainers"},
                                                                              {"initContainers", "containers"}};
  for (auto [from, to] : kMoves)
    for (const auto& name : from == "containers" ? previous.containers : previous.init_containers) {
      if (!find_container(container_list(template_pod, to), name) || find_container(container_list(merged, to), name)) continue;
      Node* moved = move_container(merged, name, from, to);
      if (!moved) continue;
      // restartPolicy is what makes an init container a sidecar; Kubernetes
      // refuses it on a container of `containers` (validateContainers,
      // before 1.34's ContainerRestartRules), and the classic template does
      // not set it.
      if (to == "containers") moved->erase("restartPolicy");
      // An emptied list goes, as Go's omitempty drops it when Istio writes
      // the pod.
      if (const Node* left = container_list(merged, from); left && left->items.empty()) merged.child_map("spec").erase(from);
    }
}

}  // namespace kinject::istio
