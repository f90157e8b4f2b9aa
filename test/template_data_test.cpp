#include "kinject/istio/template_data.h"

#include <catch2/catch.hpp>

#include "kinject/yaml/reader.h"
#include "kinject/istio/funcs.h"

using namespace kinject;

namespace {

std::string render(const std::string& text, const tmpl::Value& data) {
  auto t = tmpl::Template::parse("t", text, tmpl::injection_funcs([](std::string_view) { return std::nullopt; }));
  return t.execute("t", data);
}

tmpl::Value dot(std::map<std::string, tmpl::Value> fields) {
  auto type = std::make_shared<tmpl::TypeInfo>();
  type->name = "test.Data";
  std::vector<tmpl::Value> vals;
  for (auto& [k, v] : fields) {
    type->fields.push_back(tmpl::StructField{k, k, false, false});
    vals.push_back(v);
  }
  return tmpl::Value::structure(type, std::move(vals));
}

}  // namespace

TEST_CASE("the pod reads through Go field names, absent fields are zero", "[template_data]") {
  Node md = parse_yaml("{name: web, labels: {app: web}}", "md");
  Node spec = parse_yaml("{containers: [{name: app, ports: [{containerPort: 80, name: http}]}]}", "spec");
  auto data = dot({{"ObjectMeta", object_meta_value(&md)}, {"Spec", pod_spec_value(&spec)}});
  CHECK(render("{{ .ObjectMeta.Name }}/{{ index .ObjectMeta.Labels \"app\" }}", data) == "web/web");
  CHECK(render("[{{ .Spec.ServiceAccountName }}]{{ .Spec.HostNetwork }}", data) == "[]false");
  CHECK(render("{{ range .Spec.Containers }}{{ range .Ports }}{{ structToJSON . }}{{ end }}{{ end }}", data) ==
        R"({"name":"http","containerPort":80})");
  CHECK(render("{{ isset .ObjectMeta.Annotations \"x\" }}", data) == "false");
  CHECK(render("{{ annotation .ObjectMeta \"x\" 15020 }}", data) == "15020");
}

TEST_CASE("values are JSON-like: numbers are float64", "[template_data]") {
  auto v = json_value(parse_yaml("{port: 15020, big: 1000000, on: true, s: x}", "v"));
  auto data = dot({{"Values", v}});
  CHECK(render("{{ .Values.port }} {{ .Values.big }} {{ .Values.on }} {{ .Values.missing }}", data) == "15020 1e+06 true <no value>");
}

TEST_CASE("ProxyConfig: enum names, nil-safe wrappers, protoToJSON without defaults", "[template_data]") {
  Node mesh = apply_mesh_config(default_mesh_config(), parse_yaml("{defaultConfig: {drainDuration: 23s}}", "mesh"));
  const Node& pc = *mesh.get("defaultConfig");
  auto data = dot({{"ProxyConfig", proxy_config_value(pc)}, {"MeshConfig", mesh_config_value(mesh)}});
  CHECK(render("{{ .ProxyConfig.InterceptionMode }} {{ .ProxyConfig.InterceptionMode.String }}", data) == "REDIRECT REDIRECT");
  CHECK(render("{{ .ProxyConfig.HoldApplicationUntilProxyStarts.GetValue }}", data) == "false");
  CHECK(render("{{ .MeshConfig.ProxyListenPort }} {{ .MeshConfig.TrustDomain }}", data) == "15001 cluster.local");
  CHECK(render("{{ protoToJSON .ProxyConfig }}", data) == R"({"drainDuration":"23s"})");
  CHECK(render("{{ formatDuration .ProxyConfig.DrainDuration }}", data) == "23s");
  CHECK(proxy_config_json(default_proxy_config()) == "{}");
}

TEST_CASE("ProxyConfig overlays merge field by field; map keys stay as written", "[template_data]") {
  Node base = default_proxy_config();
  Node pc = merge_proxy_config(base, parse_yaml("{proxyMetadata: {ISTIO_META_X: a}, concurrency: 0, discovery_address: foo:1}", "a"));
  pc = merge_proxy_config(pc, parse_yaml("{proxyMetadata: {FOO: bar}, holdApplicationUntilProxyStarts: true}", "b"));
  CHECK(proxy_config_json(pc) ==
        R"({"discoveryAddress":"foo:1","concurrency":0,"proxyMetadata":{"FOO":"bar","ISTIO_META_X":"a"},"holdApplicationUntilProxyStarts":true})");
  CHECK_THROWS_WITH(merge_proxy_config(base, parse_yaml("{notAField: 1}", "c")), Catch::Contains("unknown ProxyConfig field"));
}

// protojson reads a field by its JSON name or its proto (snake_case) name,
// nothing else (template_data.cpp, is_proto_name_of).
TEST_CASE("proxy config: fields are found by their JSON name or their proto (snake_case) name, and no near miss", "[template_data]") {
  Node snake = parse_yaml("{discovery_address: 'istiod:15012', proxy_metadata: {A: b}}", "pc");
  Node camel = parse_yaml("{discoveryAddress: 'istiod:15012', proxyMetadata: {A: b}}", "pc");
  Node other = parse_yaml("{discoveryAddres: x, discovery_addres: y, discoveryaddress: z}", "pc");
  // Near misses that snake_to_camel would turn into the JSON name: unknown
  // fields to protojson, which Istio's ApplyJSON ignores (regression: kinject
  // took them as discoveryAddress).
  Node near = parse_yaml("{discovery__address: a, discovery_address_: b, _discovery_address: c, discovery_Address: d}",
                         "pc");
  const std::string t = "{{ with .PC }}[{{ .DiscoveryAddress }}|{{ index .ProxyMetadata \"A\" }}]{{ end }}";
  auto data = [](const Node& n) { return dot({{"PC", proxy_config_value(n)}}); };
  CHECK(render(t, data(snake)) == "[istiod:15012|b]");
  CHECK(render(t, data(camel)) == "[istiod:15012|b]");
  CHECK(render(t, data(other)) == "[|]");  // absent: empty string, empty map
  CHECK(render(t, data(near)) == "[|]");
}
