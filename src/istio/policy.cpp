#include "kinject/istio/policy.h"

#include <fmt/format.h>

#include "kinject/base/text.h"

namespace kinject {

bool is_ignored_namespace(std::string_view ns) {
  return ns == "kube-system" || ns == "kube-public" || ns == "kube-node-lease" || ns == "local-path-storage";
}

InjectorPolicy InjectorPolicy::from(InjectPolicy policy, const Node& never, const Node& always, const std::string& source) {
  InjectorPolicy p;
  p.policy = policy;
  auto read = [&](const Node& list, const char* field, std::vector<LabelSelector>& out) {
    if (!list.is_seq()) return;
    for (std::size_t i = 0; i < list.items.size(); ++i)
      out.push_back(LabelSelector::from_node(list.items[i], fmt::format("{}: {}[{}]", source, field, i)));
  };
  read(never, "neverInjectSelector", p.never_inject);
  read(always, "alwaysInjectSelector", p.always_inject);
  return p;
}

// ---------------------------------------------------------------- Istio's chain

namespace {

constexpr const char* kInjectKey = "sidecar.istio.io/inject";

}  // namespace

Decision decide(const PodFacts& pod, const InjectorPolicy& policy) {
  if (pod.host_network) return {false, "pod spec has hostNetwork: true", {}};
  if (is_ignored_namespace(pod.namespace_))
    return {false, fmt::format("namespace {} is never injected", pod.namespace_), {}};

  // The label wins over the annotation whenever it is present, even empty;
  // only exactly "true" and "false" decide.
  std::string source, value;
  if (auto l = label_value(pod.labels, kInjectKey)) {
    source = "label";
    value = *l;
  } else if (auto a = label_value(pod.annotations, kInjectKey)) {
    source = "annotation";
    value = *a;
  }
  if (!policy.strict_inject_value) {
    std::string lower = ascii_lower(value);
    if (lower == "y" || lower == "yes" || lower == "true" || lower == "on")
      return {true, fmt::format("pod {} {}={}", source, kInjectKey, value), {}};
    if (!value.empty() && value != "false")
      return {false, fmt::format("pod {} {}={} (before Istio 1.27 any value but y, yes, true or on opts out)", source, kInjectKey, value), {}};
  }
  if (value == "true") return {true, fmt::format("pod {} {}=true", source, kInjectKey), {}};
  if (value == "false") return {false, fmt::format("pod {} {}=false", source, kInjectKey), {}};
  std::string note = source.empty() ? "" : fmt::format(" (pod {} {}={} is neither \"true\" nor \"false\")", source, kInjectKey, value);

  // Users put the namespace opt-out on the pod too; honour it.
  if (label_value(pod.labels, "istio-injection") == "disabled") return {false, "pod label istio-injection=disabled", {}};

  for (const auto& sel : policy.never_inject)
    if (!sel.empty() && sel.matches(pod.labels))
      return {false, fmt::format("pod labels match neverInjectSelector {}", sel.str()), {}};
  for (const auto& sel : policy.always_inject)
    if (!sel.empty() && sel.matches(pod.labels))
      return {true, fmt::format("pod labels match alwaysInjectSelector {}", sel.str()), {}};

  if (policy.policy == InjectPolicy::Disabled)
    return {false, "injection policy is disabled and the pod does not opt in" + note, {}};
  return {true, "injection policy is enabled" + note, {}};
}

Decision decide(const PodFacts& pod, const InjectorPolicy& policy, const WebhookRules& rules, const Namespaces& namespaces) {
  WebhookMatch m = match_webhooks(pod, rules, namespaces);
  if (!m.fired) return {false, m.reason, {}};
  return decide(pod, policy, m);
}

Decision decide(const PodFacts& pod, const InjectorPolicy& policy, const WebhookMatch& m) {
  Decision d = decide(pod, policy);
  d.webhook = m.fired->name;
  d.fired = m.fired;
  if (!d.inject) d.reason += fmt::format(" (webhook {} fired)", m.fired->name);
  else d.reason = fmt::format("webhook {} matched {}", m.fired->name, m.reason);
  return d;
}

WebhookRules istio_webhooks(const std::string& revision, bool enable_namespaces_by_default) {
  std::string source = fmt::format("Istio's default webhooks (revision {})", revision.empty() ? "default" : revision);
  std::string rev = revision.empty() ? "default" : revision;
  std::vector<Webhook> webhooks;
  std::string suffix = revision.empty() ? "" : "-" + revision;
  Node labels = Node::map();
  labels.set("istio.io/rev", Node::string(rev));
  auto add = [&](std::string name, std::vector<Node> ns, std::vector<Node> obj) {
    Webhook w;
    w.name = std::move(name);
    w.configuration = "istio-sidecar-injector" + suffix;
    w.configuration_labels = labels;
    w.service = "istio-system/istiod" + suffix;
    w.namespace_selector = selector_of(std::move(ns), source);
    w.object_selector = selector_of(std::move(obj), source);
    w.intercepts_pods = true;
    webhooks.push_back(std::move(w));
  };
  add("rev.namespace.sidecar-injector.istio.io", {selector_requirement("istio.io/rev", "In", {rev}), selector_requirement("istio-injection", "DoesNotExist")},
      {selector_requirement("sidecar.istio.io/inject", "NotIn", {"false"})});
  add("rev.object.sidecar-injector.istio.io", {selector_requirement("istio.io/rev", "DoesNotExist"), selector_requirement("istio-injection", "DoesNotExist")},
      {selector_requirement("sidecar.istio.io/inject", "NotIn", {"false"}), selector_requirement("istio.io/rev", "In", {rev})});
  if (revision.empty()) {
    add("namespace.sidecar-injector.istio.io", {selector_requirement("istio-injection", "In", {"enabled"})},
        {selector_requirement("sidecar.istio.io/inject", "NotIn", {"false"})});
    add("object.sidecar-injector.istio.io", {selector_requirement("istio-injection", "DoesNotExist"), selector_requirement("istio.io/rev", "DoesNotExist")},
        {selector_requirement("sidecar.istio.io/inject", "In", {"true"}), selector_requirement("istio.io/rev", "DoesNotExist")});
    if (enable_namespaces_by_default)
      add("auto.sidecar-injector.istio.io",
          {selector_requirement("istio-injection", "DoesNotExist"), selector_requirement("istio.io/rev", "DoesNotExist"),
           selector_requirement("kubernetes.io/metadata.name", "NotIn", {"kube-system", "kube-public", "kube-node-lease", "local-path-storage"})},
          {selector_requirement("sidecar.istio.io/inject", "DoesNotExist"), selector_requirement("istio.io/rev", "DoesNotExist")});
  }
  return WebhookRules(std::move(source), std::move(webhooks));
}

std::optional<std::string> istio_revision_of(const Webhook& webhook) {
  std::string_view service = webhook.service;
  if (auto slash = service.find('/'); slash != std::string_view::npos) service.remove_prefix(slash + 1);
  if (service == "istiod") return std::string();
  if (service.substr(0, 7) == "istiod-" && service.size() > 7) return std::string(service.substr(7));
  if (auto rev = label_value(&webhook.configuration_labels, "istio.io/rev"))
    return *rev == "default" ? std::string() : *rev;
  return std::nullopt;
}

}  // namespace kinject
