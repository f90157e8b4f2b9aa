// The data each template renders with: Istio's SidecarTemplateData for one
// pod (RunTemplate's `data`), and its presentation as a Go struct.
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kinject/istio/inject_steps.h"
#include "kinject/istio/template_data.h"
#include "kinject/k8s/pod.h"

namespace kinject {

using tmpl::Value;

Value to_value(const SidecarTemplateData& d) {
  const std::pair<const char*, Value> fields[] = {
      {"TypeMeta", d.type_meta},
      {"DeploymentMeta", d.deployment_meta},
      {"ObjectMeta", d.object_meta},
      {"Spec", d.spec},
      {"ProxyConfig", d.proxy_config},
      {"MeshConfig", d.mesh_config},
      {"Values", d.values},
      {"Revision", Value::string(d.revision)},
      {"ProxyImage", Value::string(d.proxy_image)},
      {"ProxyInitImage", Value::string(d.proxy_init_image)},
      {"ProxyUID", Value::integer(d.proxy_uid)},
      {"ProxyGID", Value::integer(d.proxy_gid)},
      {"InboundTrafficPolicyMode", Value::string(d.inbound_traffic_policy_mode)},
      {"CompliancePolicy", Value::string(d.compliance_policy)},
      {"NativeSidecars", Value::boolean(d.native_sidecars)},
  };
  auto type = std::make_shared<tmpl::TypeInfo>();
  type->name = "inject.SidecarTemplateData";
  type->pointer = true;
  std::vector<Value> values;
  for (const auto& [name, value] : fields) {
    type->fields.push_back(tmpl::StructField{name, name, false, false});
    values.push_back(value);
  }
  return Value::structure(type, std::move(values));
}

namespace istio {

using namespace pod;

namespace {

// Istio's image URL: hub/name:tag[-variant], the variant replacing a known
// one already in the tag.
std::string image_url(const Node& values, const std::string& default_name, const std::string& name_path,
                      const std::optional<std::string>& proxy_image_type, const std::optional<std::string>& type_annotation) {
  std::string hub = str_at(&values, "global.hub");
  std::string name = str_at(&values, name_path);
  if (name.empty()) name = default_name;
  const Node* tag_node = values.at_path("global.tag");
  std::string tag;
  if (tag_node && tag_node->is_scalar() && !tag_node->is_null()) {
    // fmt.Sprintf("%v", tag): a numeric tag is printed as Go prints float64.
    tag = (tag_node->kind == Kind::Int || tag_node->kind == Kind::Float) ? tmpl::go_format_float(tag_node->kind == Kind::Int ? static_cast<double>(tag_node->i) : tag_node->f)
                                                                         : tag_node->scalar_text();
  }
  std::string type = str_at(&values, "global.variant");
  // ProxyImage: `if image != nil { imageType = image.ImageType }`: an image
  // in the proxy config, even one naming no type, replaces the variant.
  if (proxy_image_type) type = *proxy_image_type;
  if (type_annotation) type = *type_annotation;
  if (!type.empty()) {
    for (const char* known : {"distroless", "debug"}) {
      std::string suffix = std::string("-") + known;
      if (tag.size() >= suffix.size() && tag.compare(tag.size() - suffix.size(), suffix.size(), suffix) == 0) {
        tag.resize(tag.size() - suffix.size());
        break;
      }
    }
    if (type != "default") tag += "-" + type;
  }
  return hub + "/" + name + ":" + tag;
}


}  // namespace

SidecarTemplateData sidecar_template_data(const InjectionParams& p, const Node& stripped) {
  const Node& proxy_config = p.proxy_config();
  auto type_annotation = annotation(p.pod, "sidecar.istio.io/proxyImageType");
  const IstioRelease& release = p.config().release;
  std::optional<std::string> proxy_image_type;
  if (const Node* image = proxy_config.get("image"); image && !image->is_null())
    proxy_image_type = str_at(image, "imageType");
  // 1.31's proxyImageURL: an empty type is no type (global.variant stands).
  if (release.empty_image_type_keeps_variant() && proxy_image_type && proxy_image_type->empty()) proxy_image_type.reset();
  SidecarTemplateData d;
  d.type_meta = type_meta_value(p.api_version, p.kind);
  d.deployment_meta = namespaced_name_value(p.namespace_, p.name);
  // The webhook's pod has the request's namespace when it named none
  // (webhook.go, Webhook.inject); istioctl's is the template's metadata as
  // written (IntoObject).
  const Node* metadata = stripped.get("metadata");
  if (!p.templates->kube_inject && !p.namespace_.empty() && str_at(metadata, "namespace").empty()) {
    Node filled = metadata && metadata->is_map() ? *metadata : Node::map();
    filled.set("namespace", Node::string(p.namespace_));
    d.object_meta = object_meta_value(&filled);
  } else {
    d.object_meta = object_meta_value(metadata);
  }
  d.spec = pod_spec_value(stripped.get("spec"));
  d.proxy_config = p.own_proxy_config ? proxy_config_value(proxy_config) : p.templates->default_proxy_config;
  d.mesh_config = p.own_proxy_config ? mesh_config_value(p.mesh) : p.templates->default_mesh_config;
  d.values = p.templates->values;
  d.revision = p.config().revision;
  d.proxy_image = image_url(p.values(), "proxyv2", "global.proxy.image", proxy_image_type, type_annotation);
  // 1.31's ProxyInitImage: the ProxyConfig's image type is the proxy's, not
  // istio-init's. (Before 1.31 no template reads .ProxyInitImage.)
  d.proxy_init_image = image_url(p.values(), "proxyv2", "global.proxy_init.image",
                                 release.separate_init_image() ? std::nullopt : proxy_image_type, type_annotation);
  d.inbound_traffic_policy_mode = str_at(&p.mesh, "inboundTrafficPolicy.mode") == "LOCALHOST" ? "localhost" : "passthrough";
  d.compliance_policy = p.templates->env("COMPLIANCE_POLICY").value_or("");
  // Istio's is params.nativeSidecar, and its templates read the pod's
  // annotation themselves (1.27+: `index annos ... | default .NativeSidecars`;
  // 1.24 - 1.26 read the annotation and the env, not this field). Their
  // rule applied here changes nothing for them, and a template that reads
  // .NativeSidecars alone (kinject's built-in profile) lays the proxy out as
  // the release's own template would.
  d.native_sidecars = p.native_layout.native;
  return d;
}

}  // namespace istio

}  // namespace kinject
