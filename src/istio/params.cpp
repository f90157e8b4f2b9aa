// Istio's InjectionParameters for one pod: the mesh and proxy config with
// the pod's own applied, where the pod runs, and the workload it belongs to.
#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "kinject/istio/inject_steps.h"
#include "kinject/istio/strconv.h"
#include "kinject/istio/template_data.h"
#include "kinject/k8s/pod.h"
#include "kinject/yaml/reader.h"

namespace kinject::istio {

using namespace pod;

namespace {

// GetDeployMetaFromPod: a bare pod's workload name and kind, or its
// controller's when it was created by one.
void deploy_meta_from_pod(const Node& pod, std::string& api_version, std::string& kind, std::string& name) {
  const Node* md = pod.get("metadata");
  name = str_at(md, "name");
  kind = "Pod";
  api_version = "v1";
  if (str_at(md, "generateName").empty()) return;
  const Node* refs = child(md, "ownerReferences");
  const Node* controller = nullptr;
  if (refs && refs->is_seq())
    for (const auto& r : refs->items)
      if (bool_at(&r, "controller")) {
        controller = &r;
        break;
      }
  if (!controller) return;
  api_version = str_at(controller, "apiVersion");
  kind = str_at(controller, "kind");
  name = str_at(controller, "name");
  auto label_of = [&](std::string_view k) { return str_at(child(md, "labels"), k); };
  auto ends_with = [](const std::string& s, const std::string& suf) {
    return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
  };
  std::string hash = label_of("pod-template-hash");
  std::string rollout_hash = label_of("rollouts-pod-template-hash");
  if (kind == "ReplicaSet" && !hash.empty() && ends_with(name, hash)) {
    name = name.substr(0, name.size() - hash.size());
    if (!name.empty() && name.back() == '-') name.pop_back();
    kind = "Deployment";
  } else if (kind == "ReplicaSet" && !rollout_hash.empty() && ends_with(name, rollout_hash)) {
    name = name.substr(0, name.size() - rollout_hash.size());
    if (!name.empty() && name.back() == '-') name.pop_back();
    kind = "Rollout";
    api_version = "v1alpha1";
  } else if (kind == "ReplicationController" && !label_of("deploymentconfig").empty()) {
    name = label_of("deploymentconfig");
    kind = "DeploymentConfig";
  } else if (kind == "Job") {
    // <cronjob>-<8 to 10 digits>
    auto dash = name.rfind('-');
    if (dash != std::string::npos) {
      std::string digits = name.substr(dash + 1);
      bool all = !digits.empty() && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (all && digits.size() >= 8 && digits.size() <= 10) {
        name = name.substr(0, dash);
        kind = "CronJob";
        api_version = "batch/v1";
      }
    }
  }
  if (name.empty()) name = str_at(md, "name");
}


// extractClusterAndNetwork, as the proxy env variables they become.
std::map<std::string, std::string> cluster_and_network(const Node& pod, const Node& values) {
  std::map<std::string, std::string> envs;
  std::string cluster = str_at(&values, "global.multiCluster.clusterName");
  std::string network = str_at(&values, "global.network");
  if (const Node* l = label(pod, "topology.istio.io/network")) network = l->scalar_text();
  if (!cluster.empty()) envs["ISTIO_META_CLUSTER_ID"] = cluster;
  if (!network.empty()) envs["ISTIO_META_NETWORK"] = network;
  return envs;
}

}  // namespace

std::string InjectionParams::target_port() const { return fmt::format("{}", status_port); }

Node pod_view(const Node& target) {
  Node pod = Node::map();
  const Node* md = target.get("metadata");
  pod.set("metadata", md && md->is_map() ? *md : Node::map());
  const Node* spec = target.get("spec");
  pod.set("spec", spec && spec->is_map() ? *spec : Node::map());
  return pod;
}

InjectionParams injection_params(const Node& pod, const Workload& w, const Templates& templates) {
  InjectionParams p;
  p.pod = pod;
  p.templates = &templates;
  p.mesh = templates.config->mesh;
  std::optional<Node> overlay;
  if (auto pca = annotation(pod, kProxyConfigAnnotation)) {
    overlay = parse_yaml(*pca, std::string(kProxyConfigAnnotation));
    Node& dc = p.mesh.child_map("defaultConfig");
    dc = merge_proxy_config(dc, *overlay);
  }
  // istioctl kube-inject: the mesh's defaultConfig with the annotation
  // (IntoObject's ApplyProxyConfig); the webhook: istiod's merge with the
  // ProxyConfig objects, in the pod's namespace as the API server gives it.
  p.proxy = *p.mesh.get("defaultConfig");
  if (const ProxyConfigs* pcs = templates.proxy_configs.get()) {
    std::string ns = !w.namespace_.empty() ? w.namespace_ : str_at(pod.get("metadata"), "namespace");
    if (ns.empty()) ns = pcs->default_namespace();
    EffectiveProxyConfig effective = pcs->effective({ns, child(pod.get("metadata"), "labels"), overlay ? &*overlay : nullptr},
                                                    templates.config->mesh, templates.mesh_proxy_config,
                                                    templates.config->revision);
    p.proxy = std::move(effective.config);
    p.proxy_config_objects = std::move(effective.applied);
  }
  p.own_proxy_config = overlay || !p.proxy_config_objects.empty();
  if (const Node* sp = p.proxy_config().get("statusPort"); sp && sp->kind == Kind::Int) p.status_port = sp->i;
  p.proxy_envs = cluster_and_network(pod, templates.config->values);
  // The webhook's DetectNativeSidecar (istioctl's, offline), then
  // RunTemplate's and the template's readings of the pod's annotation.
  const IstioRelease& release = templates.config->release;
  auto setting = templates.env.setting("ENABLE_NATIVE_SIDECARS");
  std::optional<std::string> env;
  if (setting) env = setting->value;
  auto native_annotation = annotation(pod, "sidecar.istio.io/nativeSidecar");
  p.native = decide_native_sidecars(release, env, templates.native, str_at(pod.get("spec"), "nodeName"));
  // Where istiod's ENABLE_NATIVE_SIDECARS came from, when not kinject's own
  // environment (istiod_env.h).
  if (setting && !setting->origin.empty()) p.native.reason += fmt::format(" (ENABLE_NATIVE_SIDECARS from {})", setting->origin);
  p.native_sidecars = native_sidecar_move(p.native, native_annotation);
  p.native_layout = native_sidecar_layout(release, p.native, env, native_annotation);
  p.api_version = w.api_version;
  p.kind = w.kind;
  p.name = w.name;
  p.namespace_ = w.namespace_;
  if (w.template_path.empty()) {  // a bare pod
    deploy_meta_from_pod(pod, p.api_version, p.kind, p.name);
    if (std::string own = str_at(pod.get("metadata"), "namespace"); !own.empty()) p.namespace_ = std::move(own);
  }
  return p;
}

std::set<std::int64_t> proxy_ports(const InjectionParams& p) {
  // Envoy's listeners (outbound, inbound, health, Prometheus) and the
  // agent's status port.
  std::set<std::int64_t> ports = {15001, 15006, 15021, 15090};
  std::int64_t agent = p.status_port;
  if (auto a = annotation(p.pod, "status.sidecar.istio.io/port"))
    if (auto n = parse_uint(trim(*a), 16)) agent = static_cast<std::int64_t>(*n);
  if (agent != 0) ports.insert(agent);
  return ports;
}

}  // namespace kinject::istio
