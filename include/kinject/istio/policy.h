// Istio's half of the decision: does Istio's injector inject a pod the API
// server sent it (injectRequired): host network, system namespaces, the
// sidecar.istio.io/inject label or annotation, the never/always inject
// selectors, the policy. And the webhooks Istio's default install creates,
// which decide whether the API server sends it at all (k8s/rules.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kinject/istio/config.h"
#include "kinject/k8s/rules.h"
#include "kinject/k8s/selector.h"
#include "kinject/yaml/node.h"

namespace kinject {

// Namespaces Istio never injects (IgnoredNamespaces).
bool is_ignored_namespace(std::string_view ns);

// Istio's injector configuration as far as the decision goes.
struct InjectorPolicy {
  InjectPolicy policy = InjectPolicy::Enabled;
  // For InjectPolicy::Illegal: the value as the config has it ("" when
  // missing or null) and where it was read, for the reason and the warning.
  std::string policy_value;
  std::string source;
  std::vector<LabelSelector> never_inject;   // neverInjectSelector
  std::vector<LabelSelector> always_inject;  // alwaysInjectSelector
  // sidecar.istio.io/inject as Istio 1.27+ reads it: "true" and "false"
  // decide, anything else falls back to the selectors and the policy.
  // Before 1.27: y, yes, true, on (any case) inject, "" falls back, anything
  // else skips.
  bool strict_inject_value = true;
  // kinject's own addition, the pod label istio-injection=disabled as an
  // opt-out: only where kinject decides on its own (the default mode). No
  // Istio code reads that label on a pod (it is a namespace label), so the
  // modes that promise the cluster's decision do not either.
  bool pod_istio_injection_label = true;
  // Whose namespace the system-namespace check reads: the one the pod is
  // created in (the webhook: the request's), or for istioctl kube-inject
  // the pod template's own metadata.namespace (IntoObject passes the
  // template's ObjectMeta as it is, usually without one).
  bool template_namespace = false;

  // From the inject config's selector lists; invalid selectors are errors.
  static InjectorPolicy from(InjectPolicy policy, const Node& never, const Node& always, const std::string& source);
};

// The policy each of kinject's modes plays:
//  - `kinject kube-inject` (kube_inject): istioctl's IntoObject calls
//    injectRequired with &Config{Policy: InjectionPolicyEnabled}, no
//    selectors, whatever the injector config file says, and the pod
//    template's own ObjectMeta;
//  - otherwise the config's policy (or `flag`, --policy) and its never/always
//    inject selectors, as istiod's webhook reads them.
// Throws Error for invalid selectors.
InjectorPolicy injector_policy(const IstioConfig& config, std::optional<InjectPolicy> flag, bool kube_inject);

// What the report says of a pod beside any decision, in every mode: the
// namespace label istio-injection set on the pod itself, and whether
// (`honoured`, the default mode's kinject-only opt-out) it counted.
std::vector<std::string> pod_warnings(const PodFacts& pod, bool honoured);

// kube-inject's answer, and the default mode's (no webhooks): Istio's chain
// alone.
Decision decide(const PodFacts& pod, const InjectorPolicy& policy);

// The cluster's answer: webhooks, then Istio's chain, which never reads the
// pod label istio-injection.
Decision decide(const PodFacts& pod, const InjectorPolicy& policy, const WebhookRules& rules, const Namespaces& namespaces);
// Istio's chain for a pod the API server sent through `fired`.
Decision decide(const PodFacts& pod, const InjectorPolicy& policy, const WebhookMatch& fired);

// The webhooks Istio's default install creates for `revision` ("" =
// default): rev.namespace. and rev.object. always; namespace. and object.
// for the default revision; auto. with enableNamespacesByDefault. As the
// chart names them: configuration istio-sidecar-injector[-REV] labelled
// istio.io/rev, calling istio-system/istiod[-REV].
WebhookRules istio_webhooks(const std::string& revision, bool enable_namespaces_by_default);

// The control plane revision a cluster's webhook calls ("" = default): the
// service istiod[-REV] it calls, else its configuration's istio.io/rev label
// (revision tags carry the revision they point at). nullopt: not Istio's.
std::optional<std::string> istio_revision_of(const Webhook& webhook);

}  // namespace kinject
