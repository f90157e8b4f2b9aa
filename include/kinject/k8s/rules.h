// Rules: would the API server call a mutating webhook for this pod template
// at all, and why (or why not)?
//
// That is the first of two questions a cluster asks; the second, whether
// the mesh's injector then injects, is the mesh's own (Istio's chain is in
// istio/policy.h). With --rules kinject evaluates the
// MutatingWebhookConfiguration's webhooks against the namespace's labels and
// the pod's labels; without, it answers as `istioctl kube-inject` does
// (always). Every decision carries the reason the report prints.
#pragma once

#include <map>
#include <optional>
#include <utility>
#include <string>
#include <vector>

#include "kinject/yaml/node.h"
#include "kinject/k8s/selector.h"

namespace kinject {

// What the decision looks at: the pod template and where it runs.
struct PodFacts {
  const Node* labels = nullptr;       // pod template labels (map) or null
  const Node* annotations = nullptr;  // pod template annotations (map) or null
  bool host_network = false;
  std::string namespace_;             // effective namespace of the workload
  // The pod template's own metadata.namespace (a Pod's namespace; usually
  // empty in a template): all istioctl kube-inject's chain sees.
  std::string own_namespace;
};

PodFacts pod_facts(const Node& pod, const std::string& namespace_);

// One webhook of a MutatingWebhookConfiguration.
struct Webhook {
  std::string name;
  LabelSelector namespace_selector;  // a missing selector means {}: everything
  LabelSelector object_selector;
  bool intercepts_pods = false;      // its rules cover pod CREATE
  // Where it came from: its MutatingWebhookConfiguration's name and labels,
  // and the service it calls (clientConfig.service, "namespace/name"), which
  // say whose webhook it is (e.g. which control plane revision).
  std::string configuration;
  Node configuration_labels = Node::map();
  std::string service;
  std::string url;  // clientConfig.url (a remote control plane's), when it calls no service
  // matchConditions (CEL, GA in Kubernetes 1.30): the API server calls the
  // webhook only when all are true. name and expression, in order.
  std::vector<std::pair<std::string, std::string>> match_conditions;
};

// The webhooks a cluster runs for sidecar injection.
class WebhookRules {
 public:
  // Every webhook of every MutatingWebhookConfiguration in `text` (one
  // object, a List of them, or several documents, e.g. `kubectl get
  // mutatingwebhookconfiguration -o yaml`), in the order the API server calls
  // them: configurations by name, then each one's webhooks in its order
  // (k8s.io/apiserver admission/configuration mutating_webhook_manager.go
  // sorts them ByName). Throws Error naming the file and the webhook for
  // invalid selectors.
  static WebhookRules parse(std::string_view text, const std::string& file);
  // Webhooks described otherwise (e.g. the ones a mesh installs by default).
  WebhookRules() = default;
  WebhookRules(std::string source_, std::vector<Webhook> webhooks) : source(std::move(source_)), webhooks_(std::move(webhooks)) {}

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
  const Webhook* fired = nullptr;  // that webhook, in the rules decided with
  // What the report says beside the decision: about this pod (the pipeline
  // names the workload), and about the configuration that decided, said
  // once per run however many pods it decided.
  std::vector<std::string> warnings = {};
  std::string config_warning = {};
};

// Which webhook the API server would call for the pod: the first that
// intercepts pods and whose selectors match the namespace's and the pod's
// labels.
struct WebhookMatch {
  const Webhook* fired = nullptr;
  // With a webhook: the labels that made it match ("pod label a=b"); without:
  // why none fired, naming the labels that kept the pod or namespace out.
  std::string reason;
};
WebhookMatch match_webhooks(const PodFacts& pod, const WebhookRules& rules, const Namespaces& namespaces);

// Every webhook the API server would call for the pod, in its order (each
// with the labels that made it match); none: the reason, as
// match_webhooks gives it.
struct WebhookMatches {
  std::vector<WebhookMatch> fired;
  std::string none_reason;
};
WebhookMatches match_all_webhooks(const PodFacts& pod, const WebhookRules& rules, const Namespaces& namespaces);

// Does one webhook's selectors match the pod in its namespace?
bool webhook_matches(const Webhook& webhook, const PodFacts& pod, const Namespaces& namespaces);

// A label selector requirement builder for webhooks described in code.
Node selector_requirement(const char* key, const char* op, std::vector<std::string> values = {});
LabelSelector selector_of(std::vector<Node> requirements, const std::string& what);

}  // namespace kinject
