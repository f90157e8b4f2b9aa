// Native sidecars (the proxy as a restartable init container): whether an
// injection uses them, decided as the cluster (or istioctl) decides, with
// the reason the report gives.
//
// Istio 1.24 - 1.26 read ENABLE_NATIVE_SIDECARS as a bool (default false).
// From 1.27 it is exactly "true", "false" or "auto" (default auto; anything
// else is false), and istiod resolves auto by the kubelet versions of the
// cluster's nodes (webhook.go's DetectNativeSidecar: native sidecars are
// stable from Kubernetes 1.33). istioctl kube-inject offline has no cluster
// and takes auto for false. kinject answers auto from what it is told of the
// cluster: a snapshot's nodes, else --kube-version, else a current
// Kubernetes (native); as `kinject kube-inject` it does what istioctl does.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kinject/istio/release.h"
#include "kinject/k8s/cluster.h"
#include "kinject/k8s/workloads.h"
#include "kinject/yaml/node.h"

namespace kinject {

// What the injector knows of where its output goes.
struct NativeSidecarContext {
  std::optional<KubeVersion> kube_version;  // --kube-version
  std::optional<ClusterNodes> nodes;        // a cluster snapshot's nodes; nullopt: no snapshot
  bool kube_inject = false;                 // run as `kinject kube-inject` (istioctl offline)
};

struct NativeSidecarDecision {
  bool native = false;  // InjectionParameters.nativeSidecar (.NativeSidecars)
  std::string reason;   // for the report
  std::string warning;  // what Istio would log as a warning ("" for none)
};

// params.nativeSidecar for one pod: `release` is the Istio release played,
// `env` ENABLE_NATIVE_SIDECARS as the injecting process has it (nullopt:
// unset), `node_name` the pod's spec.nodeName. The pod's
// sidecar.istio.io/nativeSidecar annotation is not read here (see
// native_sidecar_layout).
NativeSidecarDecision decide_native_sidecars(const IstioRelease& release, const std::optional<std::string>& env,
                                             const NativeSidecarContext& context, std::string_view node_name);

// DetectNativeSidecar's test of one node: its kubelet version read by
// hashicorp/go-version, and only the minor compared with 33.
bool kubelet_supports_native_sidecars(std::string_view kubelet_version);
// hashicorp/go-version's NewVersion: the numeric segments (padded to three
// with zeros); nullopt for a malformed version.
std::optional<std::vector<std::int64_t>> go_version_segments(std::string_view version);

// Where the release's own template puts the proxy, given the decision and
// the pod's sidecar.istio.io/nativeSidecar annotation (nullopt: absent), and
// why. 1.27+: `ne (annotation | default .NativeSidecars) "false"`; before:
// the annotation exactly "true", else (absent) ENABLE_NATIVE_SIDECARS
// exactly "true".
struct NativeSidecarLayout {
  bool native = false;
  std::string reason;
};
NativeSidecarLayout native_sidecar_layout(const IstioRelease& release, const NativeSidecarDecision& decision,
                                          const std::optional<std::string>& env,
                                          const std::optional<std::string>& annotation);

// A workload whose pods run to completion (a Job, a CronJob's Jobs, a bare
// Pod with restartPolicy Never or OnFailure) given a classic sidecar never
// completes: the proxy keeps running after the other containers exit (what
// Istio's documentation says of classic sidecars, "Kubernetes Native
// Sidecars in Istio"). The warning for the report, naming `layout_reason`
// (why the sidecar is classic) and the fixes (a native sidecar; or the
// job ending the proxy through the agent's /quitquitquit on the status port
// of the injected pod `pod`); nothing for other workloads.
std::optional<std::string> classic_sidecar_never_completes(const Workload& w, const Node& pod, std::string_view layout_reason);

// RunTemplate's move of the pod's own istio-proxy to the init containers:
// the decision, overridden by the annotation exactly "true" or "false".
bool native_sidecar_move(const NativeSidecarDecision& decision, const std::optional<std::string>& annotation);

}  // namespace kinject
