// The data a sidecar template sees: Istio's SidecarTemplateData, built from
// the manifest. Templates address the pod through Go field names
// (`.ObjectMeta.Annotations`, `.Spec.Containers`, `$c.Ports`), so the pod's
// YAML is presented as the Kubernetes Go structs would present it: absent
// fields are zero values, ports marshal in Go field order. Values are
// presented as Go sees JSON (numbers are float64); MeshConfig and ProxyConfig
// as the protobuf structs, with their getters and enum names.
#pragma once

#include <cstdint>
#include <string>

#include "kinject/yaml/node.h"
#include "kinject/gotemplate/template.h"

namespace kinject {

// Istio's SidecarTemplateData (pkg/kube/inject/inject.go), field by field:
// what `.TypeMeta`, `.ProxyImage` and the rest of a template's data are.
// to_value() is the one place the names meet the values, so a field added
// here cannot shift the others.
struct SidecarTemplateData {
  tmpl::Value type_meta;        // TypeMeta
  tmpl::Value deployment_meta;  // DeploymentMeta (types.NamespacedName)
  tmpl::Value object_meta;      // ObjectMeta (of the stripped pod)
  tmpl::Value spec;             // Spec
  tmpl::Value proxy_config;     // ProxyConfig
  tmpl::Value mesh_config;      // MeshConfig
  tmpl::Value values;           // Values
  std::string revision;         // Revision
  std::string proxy_image;      // ProxyImage
  std::string proxy_init_image;  // ProxyInitImage
  std::int64_t proxy_uid = 1337;  // ProxyUID (GetProxyIDs offline: no namespace annotation)
  std::int64_t proxy_gid = 1337;  // ProxyGID
  std::string inbound_traffic_policy_mode;  // InboundTrafficPolicyMode
  std::string compliance_policy;            // CompliancePolicy
  bool native_sidecars = false;             // NativeSidecars
};

// The data as the template sees it: a *inject.SidecarTemplateData.
tmpl::Value to_value(const SidecarTemplateData& data);

// Plain JSON-like data (Values): maps, lists, float64 numbers.
tmpl::Value json_value(const Node& n);
// The inverse, for values coming back from a template function.
Node node_from_value(const tmpl::Value& v);

// Kubernetes types.
tmpl::Value object_meta_value(const Node* metadata);  // metav1.ObjectMeta
tmpl::Value pod_spec_value(const Node* spec);          // corev1.PodSpec
tmpl::Value type_meta_value(const std::string& api_version, const std::string& kind);
tmpl::Value namespaced_name_value(const std::string& ns, const std::string& name);

// Protobuf types, from their JSON form (camelCase keys, as in mesh config
// files). `proxy_config` must already have Istio's defaults applied.
tmpl::Value proxy_config_value(const Node& proxy_config);  // *meshconfig.ProxyConfig
tmpl::Value mesh_config_value(const Node& mesh);           // *meshconfig.MeshConfig (DefaultConfig included)

// protoToJSON of a ProxyConfig: fields equal to Istio's defaults dropped
// (cleanProxyConfig), then compact protobuf JSON in declaration order.
std::string proxy_config_json(const Node& proxy_config);

// Istio's defaults (DefaultProxyConfig / DefaultMeshConfig) in JSON form.
Node default_proxy_config();
Node default_mesh_config();

// Merges a mesh config file over the defaults the way Istio reads it: fields
// override, except defaultConfig, which is merged field by field.
Node apply_mesh_config(const Node& defaults, const Node& file);
// Merges a ProxyConfig (e.g. the proxy.istio.io/config annotation) over one.
Node merge_proxy_config(const Node& base, const Node& overlay);

}  // namespace kinject
