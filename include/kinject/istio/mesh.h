// The mesh seam: everything the pipeline asks of a service mesh, and the one
// factory that answers it from the configuration.
//
// The pipeline reads manifests, finds workloads and writes them back; what a
// sidecar is, whether a pod gets one and how it is undone belong to the mesh.
// A Mesh is a value: the status annotation's name and four functions. To
// support another Istio release or another mesh, write its steps behind
// these functions and choose them in make_mesh(); the pipeline is unchanged.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "kinject/istio/config.h"
#include "kinject/istio/injector.h"
#include "kinject/istio/native.h"
#include "kinject/istio/uninject.h"
#include "kinject/k8s/rules.h"
#include "kinject/k8s/workloads.h"
#include "kinject/yaml/node.h"

namespace kinject {

struct Mesh {
  // Where an injection records itself: what makes a pod "already injected",
  // and what uninject reads.
  std::string status_annotation{kIstioStatusAnnotation};
  // Whether the pod gets the sidecar, and why. With `webhooks` (--rules),
  // the API server's question first; without, kube-inject's answer.
  std::function<Decision(const PodFacts& pod, const WebhookRules* webhooks, const Namespaces& namespaces)> decide;
  // Injects into the pod template of `w` inside `root`. Throws Error.
  std::function<InjectionOutcome(Node& root, const Workload& w)> inject;
  // Removes what the recorded injection added from the workload `w` inside
  // `root`. Throws Error.
  std::function<UninjectOutcome(Node& root, const Workload& w)> uninject;
  // The webhooks the mesh's default install creates (--rules istio).
  std::function<WebhookRules()> default_webhooks;
  // Parses the templates now, so that a broken configuration fails the run
  // with workloads or without; otherwise the first inject() does.
  std::function<void()> load;
  // A cluster runs one injector per control plane: the one this mesh is
  // ("" = the default), and whether a cluster's webhook calls it.
  std::string revision;
  std::function<bool(const Webhook& webhook)> serves;
};

// The mesh the configuration describes: Istio's injection, or (config.istio
// false) a --template sidecar of one's own, rendered and recorded only.
// `policy`: --policy, over the configuration's; `native`: what is known of
// the cluster the output is for (native sidecars); `proxy_configs`: the
// cluster's ProxyConfig objects (istio/proxy_config.h; nullptr: none, as
// istioctl kube-inject), read when a workload is injected. Throws Error for
// invalid never/always inject selectors.
Mesh make_mesh(IstioConfig config, EnvLookup env, std::optional<InjectPolicy> policy = std::nullopt,
               NativeSidecarContext native = {}, std::shared_ptr<const istio::ProxyConfigs> proxy_configs = nullptr);

}  // namespace kinject
