// Rules: does this pod template get a sidecar, and why.
//
// The default is `istioctl kube-inject`'s answer (SPEC §4): inject unless the
// pod opts out, runs on the host network, lives in a system namespace, or the
// injection policy says no. Every decision carries the reason the report
// prints.
#pragma once

#include <string>
#include <vector>

#include "kinject/node.h"

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

struct Decision {
  bool inject = false;
  std::string reason;  // what decided, in words for the report
};

// Istio's injectRequired chain, with kinject's additions of SPEC §4.
Decision decide(const PodFacts& pod, InjectPolicy policy);

}  // namespace kinject
