#include "kinject/rules.h"

#include <fmt/format.h>

namespace kinject {

bool is_ignored_namespace(std::string_view ns) {
  return ns == "kube-system" || ns == "kube-public" || ns == "kube-node-lease" || ns == "local-path-storage";
}

PodFacts pod_facts(const Node& pod, const std::string& namespace_) {
  PodFacts f;
  f.namespace_ = namespace_;
  if (const Node* md = pod.get("metadata"); md && md->is_map()) {
    if (const Node* l = md->get("labels"); l && l->is_map()) f.labels = l;
    if (const Node* a = md->get("annotations"); a && a->is_map()) f.annotations = a;
  }
  if (const Node* spec = pod.get("spec"); spec && spec->is_map()) {
    if (const Node* hn = spec->get("hostNetwork"); hn && hn->kind == Kind::Bool) f.host_network = hn->b;
  }
  return f;
}

namespace {

// Label and annotation values are strings to Kubernetes; a bare `true` in the
// manifest is read as the string "true" there.
const Node* lookup(const Node* map, std::string_view key) { return map ? map->get(key) : nullptr; }

}  // namespace

Decision decide(const PodFacts& pod, InjectPolicy policy) {
  if (pod.host_network) return {false, "pod spec has hostNetwork: true"};
  if (is_ignored_namespace(pod.namespace_))
    return {false, fmt::format("namespace {} is never injected", pod.namespace_)};

  // The label wins over the annotation whenever it is present, even empty.
  const char* key = "sidecar.istio.io/inject";
  std::string source;
  std::string value;
  if (const Node* l = lookup(pod.labels, key)) {
    source = "label";
    value = l->scalar_text();
  } else if (const Node* a = lookup(pod.annotations, key)) {
    source = "annotation";
    value = a->scalar_text();
  }
  if (value == "true") return {true, fmt::format("pod {} {}=true", source, key)};
  if (value == "false") return {false, fmt::format("pod {} {}=false", source, key)};

  if (const Node* l = lookup(pod.labels, "istio-injection"); l && l->scalar_text() == "disabled")
    return {false, "pod label istio-injection=disabled"};

  std::string note = source.empty() ? "" : fmt::format(" (pod {} {}={} is neither \"true\" nor \"false\")", source, key, value);
  if (policy == InjectPolicy::Disabled) return {false, "injection policy is disabled and the pod does not opt in" + note};
  return {true, "injection policy is enabled" + note};
}

}  // namespace kinject
