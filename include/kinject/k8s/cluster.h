// What kinject may know of the cluster its output is for, beyond the
// manifests: the Kubernetes version it runs (--kube-version, Helm's flag)
// and its nodes' kubelets (the Node objects of a cluster snapshot). Istio
// decides native sidecars from them (istio/native.h).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "kinject/yaml/node.h"

namespace kinject {

// A Kubernetes version as --kube-version takes it: "1.33", "v1.33",
// "1.33.2", "1.33.2-eks-4096", "v1.34.1+k3s1".
struct KubeVersion {
  long major = 1;
  long minor = 0;
  std::string text;  // as given

  std::string name() const;  // "1.33"
  bool at_least(long maj, long min) const { return major > maj || (major == maj && minor >= min); }
};
// nullopt unless `text` is [v]MAJOR.MINOR[.PATCH...] followed by nothing,
// a -prerelease or a +build part.
std::optional<KubeVersion> parse_kube_version(std::string_view text);

// A cluster's nodes: each node's name and its kubelet's version as the Node
// reports it (status.nodeInfo.kubeletVersion; "" when it reports none).
using ClusterNodes = std::map<std::string, std::string>;

// Adds the Node objects (v1, kind Node) of one parsed document to `nodes`:
// the document itself, or the items of a List or NodeList (as `kubectl get
// nodes -o yaml` prints them). Returns how many it added; other objects add
// none.
std::size_t add_nodes(const Node& document, ClusterNodes& nodes);

}  // namespace kinject
