// Istio's postProcessPod (webhook.go): what the injector does to the merged
// pod after the templates, in Istio's order.
#include <algorithm>
#include <string>

#include "kinject/istio/inject_steps.h"
#include "kinject/istio/status.h"
#include "kinject/k8s/pod.h"

namespace kinject::istio {

using namespace pod;

std::vector<std::string> post_process_pod(Node& pod, const InjectionStatus& status, const InjectionParams& p) {
  annotations_of(pod);
  pod.child_map("metadata").child_map("labels");
  overwrite_cluster_info(pod, p.proxy_envs);
  const IstioRelease& release = p.config().release;
  std::vector<std::string> warnings = apply_prometheus_merge(pod, p.mesh, p.target_port(), release);
  if (release.annotates_secure_metrics_port()) apply_secure_prometheus_annotation(pod);
  for (auto& w : apply_rewrite(pod, p)) warnings.push_back(std::move(w));
  apply_metadata(pod, status, p);
  reorder_pod(pod, p);
  return warnings;
}

// The cluster and network the proxy runs in replace what the template set.
void overwrite_cluster_info(Node& pod, const std::map<std::string, std::string>& proxy_envs) {
  if (proxy_envs.empty()) return;
  Node* sidecar = find_in_pod(pod, kProxyContainer);
  if (!sidecar) return;
  auto& items = env_of(*sidecar).items;
  items.erase(std::remove_if(items.begin(), items.end(), [&](const Node& e) { return proxy_envs.count(name_of(e)) > 0; }),
              items.end());
  for (const auto& [k, v] : proxy_envs) items.push_back(env_var(k, v));
}

// The network label, and the status annotation recording what was added.
void apply_metadata(Node& pod, const InjectionStatus& status, const InjectionParams& p) {
  if (auto nw = p.proxy_envs.find("ISTIO_META_NETWORK"); nw != p.proxy_envs.end())
    pod.child_map("metadata").child_map("labels").set("topology.istio.io/network", Node::string(nw->second));
  annotations_of(pod).set(p.status_key(), Node::string(status_json(status)));
}

}  // namespace kinject::istio
