// Fuzz target: the Go text/template engine with the injection function map.
//
// The input is parsed as a template and executed on a fixed value shaped like
// Istio's SidecarTemplateData (pod metadata and spec as Go structs, Values as
// JSON data, the mesh and proxy config as proto structs). TemplateError is
// how the engine rejects a template or reports an execution error (function
// errors included); anything else escaping, a crash, a hang or an
// out-of-memory is a finding. Templates that would run forever or allocate
// without bound must stop at the engine's own limits with a TemplateError.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "kinject/base/error.h"
#include "kinject/yaml/node.h"
#include "kinject/yaml/reader.h"
#include "kinject/gotemplate/template.h"
#include "kinject/istio/template_data.h"
#include "kinject/istio/funcs.h"

namespace {

using kinject::tmpl::Value;

constexpr std::string_view kPod = R"(metadata:
  name: web
  namespace: shop
  labels: {app: web, version: v1}
  annotations:
    sidecar.istio.io/proxyCPU: 100m
    traffic.sidecar.istio.io/includeInboundPorts: "8080"
spec:
  serviceAccountName: web
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - {containerPort: 8080, name: http}
    readinessProbe:
      httpGet: {path: /ready, port: 8080}
)";

constexpr std::string_view kValues = R"({"global": {"hub": "docker.io/istio", "tag": "1.24.6", "proxy": {"resources":
  {"requests": {"cpu": "100m", "memory": "128Mi"}}, "logLevel": "warning", "holdApplicationUntilProxyStarts": false},
  "imagePullPolicy": "", "meshID": "", "network": ""}, "sidecarInjectorWebhook": {"rewriteAppHTTPProbe": true},
  "pilot": {"cni": {"enabled": false}}, "n": 3, "f": 1.5, "list": [1, "a", true, null, {"k": "v"}]})";

// The template data, built for every input: Sprig's set and merge mutate
// the maps they are given, the template's data included (Go maps are
// references), so data shared between inputs would carry one input's
// changes (even a map containing itself) into the next.
Value data() {
  return [] {
    kinject::Node pod = kinject::parse_yaml(kPod, "fuzz pod");
    kinject::Node values = kinject::parse_yaml(kValues, "fuzz values");
    kinject::Node mesh = kinject::default_mesh_config();
    auto type = std::make_shared<kinject::tmpl::TypeInfo>();
    type->name = "inject.SidecarTemplateData";
    type->pointer = true;
    // The fields of Istio's SidecarTemplateData, as src/injector.cpp builds it.
    for (const char* f : {"TypeMeta", "DeploymentMeta", "ObjectMeta", "Spec", "ProxyConfig", "MeshConfig", "Values", "Revision",
                          "ProxyImage", "ProxyInitImage", "ProxyUID", "ProxyGID", "InboundTrafficPolicyMode", "CompliancePolicy",
                          "NativeSidecars"})
      type->fields.push_back({f, f, false, false});
    return Value::structure(
        type, {kinject::type_meta_value("apps/v1", "Deployment"), kinject::namespaced_name_value("shop", "web"),
               kinject::object_meta_value(pod.get("metadata")), kinject::pod_spec_value(pod.get("spec")),
               kinject::proxy_config_value(kinject::default_proxy_config()), kinject::mesh_config_value(mesh),
               kinject::json_value(values), Value::string(""), Value::string("docker.io/istio/proxyv2:1.24.6"),
               Value::string("docker.io/istio/proxyv2:1.24.6"), Value::integer(1337), Value::integer(1337),
               Value::string("passthrough"), Value::string(""), Value::boolean(false)});
  }();
}

const kinject::tmpl::FuncMap& funcs() {
  static const kinject::tmpl::FuncMap map =
      kinject::tmpl::injection_funcs([](std::string_view key) -> std::optional<std::string> {
        if (key == "FUZZ") return std::string("set");
        return std::nullopt;
      });
  return map;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(bytes), size);
  const Value dot = data();
  try {
    auto t = kinject::tmpl::Template::parse("fuzz", text, funcs());
    // Also every {{define}}d template: they are what Istio executes by name.
    for (const auto& name : t.names()) (void)t.execute(name, dot);
  } catch (const kinject::tmpl::TemplateError&) {
  } catch (const kinject::tmpl::FuncError&) {
  }
  return 0;
}
