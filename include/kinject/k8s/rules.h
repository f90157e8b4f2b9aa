// Rules: does this pod template get a sidecar, and why.
//
// Two questions, as in a cluster. First, would the API server call the
// injector at all? Without --rules kinject answers as `istioctl kube-inject`
// does (always); with --rules it evaluates the MutatingWebhookConfiguration's
// webhooks against the namespace's labels and the pod's labels. Second,
// does Istio's injector then inject (injectRequired): host network, system
// namespaces, the sidecar.istio.io/inject label or annotation, the never/
// always inject selectors, the policy. Every decision carries the reason the
// report prints.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kinject/yaml/node.h"
#include "kinject/k8s/selector.h"

namespace kinject {

// Namespaces Istio never injects (IgnoredNamespaces).
bool is_ignored_namespace(std::string_view ns);

// What the decision looks at: the pod template and where it runs.
struct PodFacts {
  const Node* labels = nullptr;       // pod template labels (map) or null
  const Node* annotations = nullptr;  // pod template annotations (map) or null
  bool host_network = false;
  std::string namespace_;             // effective namespace of the workload
};

PodFacts pod_facts(const Node& pod, const std::string& namespace_);

// Istio's injection policy (the inject config's `policy`, or --policy).
enum class InjectPolicy { Enabled, Disabled };

// Istio's injector configuration as far as the decision goes.
struct InjectorPolicy {
  InjectPolicy policy = InjectPolicy::Enabled;
  std::vector<LabelSelector> never_inject;   // neverInjectSelector
  std::vector<LabelSelector> always_inject;  // alwaysInjectSelector

  // From the inject config's selector lists; invalid selectors are errors.
  static InjectorPolicy from(InjectPolicy policy, const Node& never, const Node& always, const std::string& source);
};

// One webhook of a MutatingWebhookConfiguration.
struct Webhook {
  std::string name;
  LabelSelector namespace_selector;  // a missing selector means {}: everything
  LabelSelector object_selector;
  bool intercepts_pods = false;      // its rules cover pod CREATE
};

// The webhooks a cluster runs for sidecar injection.
class WebhookRules {
 public:
  // Every webhook of every MutatingWebhookConfiguration in `text` (one
  // object, a List of them, or several documents, e.g. `kubectl get
  // mutatingwebhookconfiguration -o yaml`). Throws Error naming the file and
  // the webhook for invalid selectors.
  static WebhookRules parse(std::string_view text, const std::string& file);
  // The webhooks Istio's default install creates for `revision` ("" =
  // default): rev.namespace. and rev.object. always; namespace. and object.
  // for the default revision; auto. with enableNamespacesByDefault.
  static WebhookRules istio(const std::string& revision, bool enable_namespaces_by_default);

  const std::vector<Webhook>& webhooks() const { return webhooks_; }
  std::string source;  // for messages

 private:
  std::vector<Webhook> webhooks_;
};

// Namespace labels: from --namespaces, from Namespace objects in the input,
// with the automatic kubernetes.io/metadata.name.
class Namespaces {
 public:
  // Adds a Namespace object, or every Namespace of a List. Other objects are
  // ignored. A namespace seen again keeps its labels, the new ones winning
  // (as `kubectl apply` leaves labels it does not manage). Returns how many
  // were added.
  int add(const Node& object);
  // The namespace's labels (kubernetes.io/metadata.name included); for a
  // namespace nobody described, only that automatic label.
  Node labels(const std::string& name) const;
  bool known(const std::string& name) const { return labels_.count(name) > 0; }

 private:
  std::map<std::string, Node> labels_;
};

struct Decision {
  bool inject = false;
  std::string reason;   // what decided, in words for the report
  std::string webhook;  // the webhook that fired, with --rules
};

// kube-inject's answer (no webhooks): Istio's chain alone.
Decision decide(const PodFacts& pod, const InjectorPolicy& policy);

// The cluster's answer: webhooks, then Istio's chain.
Decision decide(const PodFacts& pod, const InjectorPolicy& policy, const WebhookRules& rules, const Namespaces& namespaces);

}  // namespace kinject
