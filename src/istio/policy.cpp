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
constexpr const char* kNamespaceLabel = "istio-injection";

// injectRequired's `default:` branch, in words: what the report says of
// every pod it skips, and the warning said once.
std::string illegal_policy(const InjectorPolicy& policy) {
  return fmt::format("the injector config's policy \"{}\" is neither \"enabled\" nor \"disabled\": Istio injects no pod "
                     "(injectRequired: Auto injection disabled)",
                     policy.policy_value);
}

std::string illegal_policy_warning(const InjectorPolicy& policy) {
  return fmt::format("{}: policy \"{}\"{}: Istio's injector logs \"Illegal value for autoInject:{}, must be one of "
                     "[disabled,enabled]. Auto injection disabled!\" and injects no pod, whatever its labels and "
                     "annotations say; write policy: enabled (the chart's global.proxy.autoInject) or policy: disabled",
                     policy.source, policy.policy_value, policy.policy_value.empty() ? " (missing, empty or null)" : "",
                     policy.policy_value);
}

std::string pod_namespace_label_warning(const std::string& value, bool honoured) {
  return fmt::format("pod label {}={}: Istio reads {} only on namespaces, never on a pod ({}); to opt the pod out of "
                     "injection, label it {}: \"false\"",
                     kNamespaceLabel, value, kNamespaceLabel,
                     honoured ? "kinject's default mode honours it, but a cluster (--rules, --cluster) and istioctl "
                                "kube-inject ignore it"
                              : "ignored here, as the cluster ignores it",
                     kInjectKey);
}

// Istio's injectRequired (pkg/kube/inject/inject.go), step by step, with
// kinject's reasons; `pod_label` says whether kinject's own addition, the
// pod label istio-injection=disabled, opts out.
Decision chain_steps(const PodFacts& pod, const InjectorPolicy& policy, bool pod_label) {
  if (pod.host_network) return {false, "pod spec has hostNetwork: true", {}};
  const std::string& ns = policy.template_namespace ? pod.own_namespace : pod.namespace_;
  if (is_ignored_namespace(ns)) return {false, fmt::format("namespace {} is never injected", ns), {}};
  // Istio's switch on config.Policy has its `default:` branch first: it
  // skips every pod that gets this far, whatever the pod or the selectors
  // say.
  if (policy.policy == InjectPolicy::Illegal) {
    Decision d{false, illegal_policy(policy), {}};
    d.config_warning = illegal_policy_warning(policy);
    return d;
  }

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

  // Users put the namespace opt-out on the pod too: kinject's default mode
  // honours it (and warns, in chain()).
  if (pod_label && label_value(pod.labels, kNamespaceLabel) == "disabled")
    return {false, fmt::format("pod label {}=disabled", kNamespaceLabel), {}};

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

}  // namespace

std::vector<std::string> pod_warnings(const PodFacts& pod, bool honoured) {
  std::vector<std::string> out;
  if (auto v = label_value(pod.labels, kNamespaceLabel))
    out.push_back(pod_namespace_label_warning(*v, honoured && *v == "disabled"));
  return out;
}

InjectorPolicy injector_policy(const IstioConfig& config, std::optional<InjectPolicy> flag, bool kube_inject) {
  InjectorPolicy p;
  if (kube_inject) {
    // IntoObject: &Config{Policy: InjectionPolicyEnabled}, nothing else,
    // and the template's ObjectMeta with no namespace filled in.
    p.pod_istio_injection_label = false;
    p.template_namespace = true;
  } else {
    p = InjectorPolicy::from(flag.value_or(config.policy), config.never_inject_selector, config.always_inject_selector,
                             config.description.empty() ? "injector config" : config.description);
    if (!flag) {
      p.policy_value = config.policy_value;
      p.source = config.policy_source.empty() ? p.source : config.policy_source;
    }
  }
  p.strict_inject_value = config.release.strict_inject_value();
  return p;
}

Decision decide(const PodFacts& pod, const InjectorPolicy& policy) {
  Decision d = chain_steps(pod, policy, policy.pod_istio_injection_label);
  d.warnings = pod_warnings(pod, policy.pod_istio_injection_label);
  return d;
}

Decision decide(const PodFacts& pod, const InjectorPolicy& policy, const WebhookRules& rules, const Namespaces& namespaces) {
  WebhookMatch m = match_webhooks(pod, rules, namespaces);
  if (!m.fired) {
    Decision d;
    d.reason = m.reason;
    d.warnings = pod_warnings(pod, false);
    return d;
  }
  return decide(pod, policy, m);
}

Decision decide(const PodFacts& pod, const InjectorPolicy& policy, const WebhookMatch& m) {
  Decision d = chain_steps(pod, policy, false);
  d.webhook = m.fired->name;
  d.fired = m.fired;
  if (!d.inject) d.reason += fmt::format(" (webhook {} fired)", m.fired->name);
  else d.reason = fmt::format("webhook {} matched {}", m.fired->name, m.reason);
  for (auto& w : pod_warnings(pod, false)) d.warnings.push_back(std::move(w));
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
