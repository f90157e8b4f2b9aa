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
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kinject/base/disk.h"
#include "kinject/istio/config.h"
#include "kinject/istio/injector.h"
#include "kinject/istio/native.h"
#include "kinject/istio/uninject.h"
#include "kinject/k8s/rules.h"
#include "kinject/k8s/workloads.h"
#include "kinject/yaml/limits.h"
#include "kinject/yaml/node.h"

namespace kinject {

struct Mesh {
  // Where an injection records itself: what makes a pod "already injected",
  // and what uninject reads.
  std::string status_annotation{kIstioStatusAnnotation};
  // Whether the mesh's injector injects the pod, and why: `fired` is the
  // webhook the API server called it through (with the labels that made it
  // match); null when no webhooks are played (kube-inject's answer).
  std::function<Decision(const PodFacts& pod, const WebhookMatch* fired)> decide;
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
  // Where its configuration came from, for the report.
  std::string description;
  // What the report says once per run about the configuration (a release
  // kinject does not know, played as the nearest: IstioConfig::warnings).
  std::vector<std::string> warnings;
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

// ------------------------------------------------------------ the cluster

// What a run knows of the cluster its output is for, as the settings give
// it (the pipeline's options without the CLI).
struct ClusterSettings {
  ConfigSources config;               // the Istio configuration files, -r, --istio-version, --set
  std::optional<InjectPolicy> policy;  // --policy
  std::string rules;                  // --rules: a file of MutatingWebhookConfigurations, "istio", or "" (none)
  std::string namespaces_file;        // --namespaces
  std::string cluster_file;           // --cluster: a snapshot (docs/cluster.md)
  std::string kube_version;           // --kube-version
  bool kube_inject = false;           // `kinject kube-inject`: istioctl's offline injection
  bool ignore_match_conditions = false;  // --ignore-match-conditions
  bool proxy_configs = false;         // ProxyConfig objects count (not for kube-inject, nothing to undo)
  std::string default_namespace = "default";  // -n: of objects that name none
  Limits limits;
};

// The cluster's answer for one pod.
struct Verdict {
  bool inject = false;
  std::string reason;         // what decided, in words for the report
  std::string webhook;        // the webhook that fired ("" when webhooks are not played or none fired)
  std::string configuration;  // its MutatingWebhookConfiguration
  std::string revision;       // the control plane that injects ("default", "canary"); "" when none does
  std::vector<std::string> warnings;  // about this pod, for the report
  std::string config_warning;         // about the configuration that decided: said once per run
  // Who injects: the mesh of each webhook the API server calls, in order
  // (usually one; two configurations can both fire).
  std::vector<std::pair<const Mesh*, WebhookMatch>> calls;
};

// The cluster as injection sees it: namespaces, webhooks, control plane
// revisions (each with its configuration and environment), nodes. Built
// once per run; the pipeline asks it to decide and inject each pod and
// nothing else.
class Cluster {
 public:
  // Reads the configuration, the snapshot, the rules and the namespaces the
  // settings name. Throws Error (usage errors for flag values wrong
  // whatever the input).
  static Cluster load(const ClusterSettings& settings, const Disk& disk, const EnvLookup& env);

  // Objects of the input stream that describe the cluster (Namespace
  // objects, whose labels the webhooks read; ProxyConfig objects, which
  // istiod merges into each pod's proxy config) are taken before any pod is
  // decided, when the cluster reads them at all.
  bool reads_stream_objects() const { return webhooks_.has_value() || proxy_configs_ != nullptr; }
  // Whether a document of this text may be one take() reads (a cheap test).
  bool might_take(std::string_view text) const;
  // Throws Error (located) for an invalid ProxyConfig.
  void take(const Document& doc);
  // Said once per run: what was given but decides nothing, and where the
  // configuration of each revision came from.
  const std::vector<std::string>& notes() const { return notes_; }
  // Notes about an object of the stream that describes the cluster but is
  // not read (a Namespace's injection label without webhooks).
  void observe(const Node& object);

  // Would the cluster inject this pod, and who? Throws Error when it cannot
  // tell (a webhook with matchConditions, without --ignore-match-conditions).
  Verdict decide(const PodFacts& pod) const;
  // Injects as the verdict's webhooks would, in order: each later one is
  // called only when it still matches the pod the earlier ones left.
  InjectionOutcome inject(Node& root, const Workload& w, const std::string& namespace_, Verdict& verdict) const;
  UninjectOutcome uninject(Node& root, const Workload& w) const { return default_mesh().uninject(root, w); }
  const std::string& status_annotation() const { return default_mesh().status_annotation; }

 private:
  const Mesh& default_mesh() const { return meshes_.at(default_revision_); }
  void add_proxy_config_warnings();
  // The revision a webhook calls; nullopt: not Istio's injector.
  std::optional<std::string> revision_of(const Webhook& webhook) const;

  ClusterSettings settings_;
  std::map<std::string, Mesh> meshes_;  // by revision ("" = default)
  std::string default_revision_;        // -r's, or the configuration's own
  std::optional<WebhookRules> webhooks_;
  Namespaces namespaces_;
  std::shared_ptr<istio::ProxyConfigs> proxy_configs_;  // null: not read
  std::vector<std::string> notes_;
  bool namespaces_noted_ = false;
};

}  // namespace kinject
