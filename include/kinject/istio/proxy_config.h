// ProxyConfig resources (networking.istio.io/v1beta1 ProxyConfig) and the
// proxy config istiod computes from them for one pod, as
// pilot/pkg/model/proxy_config.go does (EffectiveProxyConfig). The injection
// webhook asks istiod's Environment for it (GetProxyConfigOrDefault in
// pkg/kube/inject/webhook.go's inject) and renders `.ProxyConfig` and
// `.ProxyImage` from it; istioctl kube-inject has no ProxyConfig objects
// ("we don't have the ProxyConfig CRs here", inject.go IntoObject) and uses
// the mesh's defaultConfig with the pod's annotation only.
//
// A pure module: it reads parsed documents and answers questions; where the
// objects come from (the input stream, a cluster snapshot) is the caller's.
// A ProxyConfig is kept as a mesh ProxyConfig in its JSON form (camelCase
// keys, as template_data.h's merge_proxy_config reads it).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kinject/base/error.h"
#include "kinject/yaml/node.h"
#include "kinject/yaml/parse.h"

namespace kinject::istio {

// One ProxyConfig object, as istiod's store holds it.
struct ProxyConfigObject {
  std::string namespace_, name;
  // metadata.creationTimestamp in seconds since the epoch; nullopt for an
  // object not created yet (one of the input's: applied now, it is newer
  // than every object a snapshot recorded).
  std::optional<std::int64_t> created;
  std::optional<std::string> revision;  // its istio.io/rev label
  // spec.selector: nullopt when absent (the object is its namespace's);
  // present and empty, it selects no workload and is no namespace's either
  // (mergedNamespaceConfig asks GetSelector() == nil).
  std::optional<std::map<std::string, std::string>> selector;
  Node proxy_config;  // toMeshConfigProxyConfig of its spec
  Location where;     // where it was read
};

// toMeshConfigProxyConfig: the fields a ProxyConfig carries, as the mesh
// ProxyConfig's (concurrency, environmentVariables as proxyMetadata, image).
// `spec` must be valid (ProxyConfigs::add checks it).
Node to_mesh_proxy_config(const Node& spec);

// mergeWithPrecedence: the configs merged, earlier ones winning (as
// mesh.MergeProxyConfig merges each over the ones after it: fields replaced,
// proxyMetadata merged by key). nullptr entries are skipped; none at all is
// an empty ProxyConfig.
Node merge_with_precedence(const std::vector<const Node*>& configs);

// Where every pod's effective config starts: the mesh's defaultConfig
// merged over Istio's defaults (mergeWithPrecedence).
Node mesh_proxy_config(const Node& mesh);

// What istiod computes for one pod, and from which objects.
struct EffectiveProxyConfig {
  Node config;  // Istio's defaults, the mesh's defaultConfig, the objects and the annotation, merged
  // The objects that took part, as namespace/name, lowest precedence first.
  std::vector<std::string> applied;
};

// The pod an effective proxy config is for: its namespace (as the API
// server gives it), its labels and its proxy.istio.io/config annotation,
// parsed (nullptr: none).
struct ProxyConfigTarget {
  std::string namespace_;
  const Node* labels = nullptr;
  const Node* annotation = nullptr;
};

class ProxyConfigs {
 public:
  // `default_namespace`: the namespace of objects that name none (kubectl's
  // -n, "default" without).
  explicit ProxyConfigs(std::string default_namespace = "default") : default_namespace_(std::move(default_namespace)) {}

  // Adds the ProxyConfig objects of a document: the object itself, or the
  // items of a List (or a KRM ResourceList); other objects are ignored.
  // Each is checked as the API server (Istio's CRD schema, strict field
  // validation) and Istio's validation (ValidateProxyConfig) check it:
  // throws Error at the offending line:column. An object seen again (same
  // namespace and name) replaces the earlier one, keeping its creation
  // time, as `kubectl apply` updates it. Returns how many were read.
  int add(const Document& doc);

  // EffectiveProxyConfig for `pod`, with `mesh` (a MeshConfig with Istio's
  // defaults applied: its defaultConfig and rootNamespace) and the objects
  // istiod of `revision` ("" = the default one) sees.
  EffectiveProxyConfig effective(const ProxyConfigTarget& pod, const Node& mesh, std::string_view revision) const;
  // The same, given mesh_proxy_config(mesh), which a caller injecting many
  // pods with one mesh computes once.
  EffectiveProxyConfig effective(const ProxyConfigTarget& pod, const Node& mesh, Node mesh_proxy_config,
                                 std::string_view revision) const;

  bool empty() const { return objects_.empty(); }
  const std::string& default_namespace() const { return default_namespace_; }
  const std::vector<ProxyConfigObject>& objects() const { return objects_; }  // oldest first
  // What Istio's validation warns of (a selector without labels).
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  bool add_object(const Node& object, const Document& doc);
  std::vector<ProxyConfigObject> objects_;  // sorted as sortConfigByCreationTime sorts them
  std::vector<std::string> warnings_;
  std::string default_namespace_;
};

}  // namespace kinject::istio
