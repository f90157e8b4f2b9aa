// Istio's reorderPod (webhook.go): where the injected containers stand.
#include "kinject/istio/inject_steps.h"
#include "kinject/k8s/pod.h"

namespace kinject::istio {

using namespace pod;

void reorder_pod(Node& pod, const InjectionParams& p) {
  reorder_containers(pod, bool_at(&p.proxy_config(), "holdApplicationUntilProxyStarts") ||
                              bool_at(&p.values(), "global.proxy.holdApplicationUntilProxyStarts"));
}

void reorder_containers(Node& pod, bool hold) {
  // The proxy goes last, so that `kubectl exec` and logs default to the
  // app, unless the app waits for it (holdApplicationUntilProxyStarts).
  modify_containers(container_list(pod, "containers"), kProxyContainer, hold ? Move::First : Move::Last);
  Node* inits = container_list(pod, "initContainers");
  if (find_container(inits, kProxyContainer)) {
    // Native sidecars: {istio-init, istio-validation}, the proxy, then the
    // rest, so that the other init containers are in the mesh.
    modify_containers(inits, kCoreDumpContainer, Move::First);
    modify_containers(inits, kProxyContainer, Move::First);
    modify_containers(inits, kValidationContainer, Move::First);
    modify_containers(inits, kInitContainer, Move::First);
  } else {
    // Validation first, to block the user's init containers until the CNI
    // has set up the pod; iptables last, so it does not blackhole them.
    modify_containers(inits, kValidationContainer, Move::First);
    modify_containers(inits, kInitContainer, Move::Last);
    modify_containers(inits, kCoreDumpContainer, Move::Last);
  }
}

}  // namespace kinject::istio
