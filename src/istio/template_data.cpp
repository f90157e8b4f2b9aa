#include "kinject/istio/template_data.h"

#include <optional>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "kinject/base/error.h"
#include "kinject/k8s/k8s_types.h"
#include "kinject/base/text.h"
#include "kinject/gofuncs/duration.h"
#include "kinject/gofuncs/json.h"
#include "kinject/yaml/writer.h"

namespace kinject {

using tmpl::Value;
using tmpl::TypePtr;
using tmpl::TypeInfo;
using tmpl::StructField;

// ---------------------------------------------------------------- plain data

Value json_value(const Node& n) {
  switch (n.kind) {
    case Kind::Null: return Value::nil();
    case Kind::Bool: return Value::boolean(n.b);
    case Kind::Int: return Value::floating(static_cast<double>(n.i));
    case Kind::Float: return Value::floating(n.f);
    case Kind::String: return Value::string(n.text);
    case Kind::Seq: {
      Value::List items;
      items.reserve(n.items.size());
      for (const auto& it : n.items) items.push_back(json_value(it));
      return Value::list(std::move(items));
    }
    case Kind::Map: {
      Value::Map m;
      for (const auto& e : n.entries) m[e.key.scalar_text()] = json_value(e.value);
      return Value::map(std::move(m));
    }
  }
  return Value::nil();
}

Node node_from_value(const Value& v) {
  switch (v.kind()) {
    case tmpl::Kind::Invalid:
    case tmpl::Kind::Nil: return Node::null();
    case tmpl::Kind::Bool: return Node::boolean(v.as_bool());
    case tmpl::Kind::Int: return Node::integer(v.as_int());
    case tmpl::Kind::Uint: return Node::integer(static_cast<std::int64_t>(v.as_uint()));
    case tmpl::Kind::Float: {
      double f = v.as_float();
      if (f == std::floor(f) && std::fabs(f) < 9e15) return Node::integer(static_cast<std::int64_t>(f));
      return Node::floating(f);
    }
    case tmpl::Kind::String: return Node::string(v.as_string());
    case tmpl::Kind::List: {
      Node s = Node::seq();
      for (const auto& it : v.as_list()) s.items.push_back(node_from_value(it));
      return s;
    }
    case tmpl::Kind::Map: {
      Node m = Node::map();
      for (const auto& [k, x] : v.as_map()) m.set(k, node_from_value(x));
      return m;
    }
    case tmpl::Kind::Struct: {
      Node m = Node::map();
      const auto& fields = v.type()->fields;
      const auto& vals = v.struct_fields();
      for (std::size_t i = 0; i < fields.size() && i < vals.size(); ++i) {
        std::string key = fields[i].json_name.empty() ? fields[i].name : fields[i].json_name;
        if (key == "-") continue;
        m.set(key, node_from_value(vals[i]));
      }
      return m;
    }
  }
  return Node::null();
}

namespace {

// ---------------------------------------------------------------- Go types

std::string upper_camel(std::string_view json) {
  std::string s(json);
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

// Manifest data below a typed field that kinject does not model field by
// field: a map keyed by Go field names, so `.SecurityContext.RunAsUser`
// reads as it would on the real struct.
Value generic_value(const Node& n) {
  switch (n.kind) {
    case Kind::Null: return Value::nil();
    case Kind::Bool: return Value::boolean(n.b);
    case Kind::Int: return Value::integer(n.i);
    case Kind::Float: return Value::floating(n.f);
    case Kind::String: return Value::string(n.text);
    case Kind::Seq: {
      Value::List items;
      for (const auto& it : n.items) items.push_back(generic_value(it));
      return Value::list(std::move(items));
    }
    case Kind::Map: {
      Value::Map m;
      for (const auto& e : n.entries) m[upper_camel(e.key.scalar_text())] = generic_value(e.value);
      return Value::map(std::move(m));
    }
  }
  return Value::nil();
}

std::int64_t to_int(const Node& n) {
  if (n.kind == Kind::Int) return n.i;
  if (n.kind == Kind::Float) return static_cast<std::int64_t>(n.f);
  if (n.kind == Kind::String) {
    Node p = Node::plain(n.text);
    if (p.kind == Kind::Int) return p.i;
  }
  return 0;
}

// A Value for manifest data read as Kubernetes Go type `t`: absent fields
// are zero values, as in the typed struct Istio's templates see.
class K8sValues {
 public:
  // Every type reachable from the pod is described up front, so that the
  // table is read-only once built.
  K8sValues() {
    build(k8s::pod_spec_type());
    build(k8s::object_meta_type());
  }

  Value make(const Node* n, const k8s::Type& t) const {
    const TypePtr& type = type_of(t);
    std::vector<Value> vals;
    vals.reserve(t.fields.size());
    for (const auto& f : t.fields) {
      if (f.inline_) {
        vals.push_back(make(n, *f.sub));
        continue;
      }
      const Node* v = n && n->is_map() ? n->get(f.json) : nullptr;
      vals.push_back(field(f, v));
    }
    return Value::structure(type, std::move(vals));
  }

 private:
  void build(const k8s::Type& t) {
    if (types_.count(&t)) return;
    auto info = std::make_shared<TypeInfo>();
    info->name = t.go_name;
    for (const auto& f : t.fields) info->fields.push_back(StructField{f.go, f.json, f.omitempty, f.inline_});
    types_.emplace(&t, info);
    for (const auto& f : t.fields)
      if (f.sub) build(*f.sub);
  }

  const TypePtr& type_of(const k8s::Type& t) const { return types_.at(&t); }

  Value field(const k8s::Field& f, const Node* n) const {
    bool absent = !n || n->is_null();
    switch (f.type) {
      case k8s::T::String: return Value::string(absent ? "" : n->scalar_text());
      case k8s::T::Int32:
      case k8s::T::Int64: return Value::integer(absent ? 0 : to_int(*n));
      case k8s::T::Float: return Value::floating(absent ? 0 : (n->kind == Kind::Int ? static_cast<double>(n->i) : n->f));
      case k8s::T::Bool: return Value::boolean(!absent && n->kind == Kind::Bool && n->b);
      case k8s::T::Quantity: return Value::string(absent ? "0" : k8s::canonical_quantity(n->scalar_text()));
      case k8s::T::IntOrString:
        if (absent) return Value::integer(0);
        return n->kind == Kind::Int ? Value::integer(n->i) : Value::string(n->scalar_text());
      case k8s::T::StringMap:
      case k8s::T::QuantityMap: {
        Value::Map m;
        if (!absent && n->is_map())
          for (const auto& e : n->entries) m[e.key.scalar_text()] = Value::string(e.value.scalar_text());
        return Value::map(std::move(m), tmpl::Elem::String);
      }
      case k8s::T::StringList: {
        Value::List l;
        if (!absent && n->is_seq())
          for (const auto& it : n->items) l.push_back(Value::string(it.scalar_text()));
        return Value::list(std::move(l), tmpl::Elem::String);
      }
      case k8s::T::Int32List:
      case k8s::T::Int64List: {
        Value::List l;
        if (!absent && n->is_seq())
          for (const auto& it : n->items) l.push_back(Value::integer(to_int(it)));
        return Value::list(std::move(l));
      }
      // A metav1.Time is shown as the manifest wrote it.
      case k8s::T::Time: return absent ? Value::nil() : Value::string(n->scalar_text());
      case k8s::T::Struct:
        if (absent && f.pointer) return Value::typed_nil(type_of(*f.sub));
        return make(absent ? nullptr : n, *f.sub);
      case k8s::T::StructList: {
        Value::List l;
        if (!absent && n->is_seq())
          for (const auto& it : n->items) l.push_back(make(&it, *f.sub));
        return Value::list(std::move(l));
      }
      case k8s::T::Raw: return absent ? Value::nil() : generic_value(*n);
    }
    return Value::nil();
  }

  std::map<const k8s::Type*, TypePtr> types_;
};

const K8sValues& k8s_values() {
  static const K8sValues values;
  return values;
}

TypePtr simple_struct(const char* name, std::vector<StructField> fields) {
  auto t = std::make_shared<TypeInfo>();
  t->name = name;
  t->fields = std::move(fields);
  return t;
}

}  // namespace

Value object_meta_value(const Node* metadata) { return k8s_values().make(metadata, k8s::object_meta_type()); }
Value pod_spec_value(const Node* spec) { return k8s_values().make(spec, k8s::pod_spec_type()); }

Value type_meta_value(const std::string& api_version, const std::string& kind) {
  static const TypePtr t =
      simple_struct("v1.TypeMeta", {StructField{"Kind", "kind", true, false}, StructField{"APIVersion", "apiVersion", true, false}});
  return Value::structure(t, {Value::string(kind), Value::string(api_version)});
}

Value namespaced_name_value(const std::string& ns, const std::string& name) {
  static const TypePtr t =
      simple_struct("types.NamespacedName", {StructField{"Namespace", "", false, false}, StructField{"Name", "", false, false}});
  return Value::structure(t, {Value::string(ns), Value::string(name)});
}

// ---------------------------------------------------------------- protobuf types

namespace {

enum class PK { String, Int32, Uint32, Int64, Bool, Double, Enum, Message, StringMap, Strings, Messages, Duration, BoolValue, Int32Value, Any };

struct ProtoSpec;

struct ProtoField {
  const char* go;
  const char* json;
  PK kind;
  const ProtoSpec* sub = nullptr;             // Message / Messages
  std::vector<std::string> enum_names = {};   // Enum, by number
  const char* enum_type = "";
};

struct ProtoSpec {
  const char* name;
  std::vector<ProtoField> fields;
  TypePtr type = nullptr;  // *T
};

std::string snake_to_camel(std::string_view s) {
  std::string out;
  bool up = false;
  for (char c : s) {
    if (c == '_') {
      up = true;
      continue;
    }
    out.push_back(up ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c);
    up = false;
  }
  return out;
}

// Whether `key` is the proto name of the field whose JSON name is `json`:
// a lower_snake name (lower case and digits in words joined by single
// underscores) that protoc's JSON naming (each `_x` as `X`) turns into
// `json`. Compared in place: a field is looked up in every mesh and proxy
// config, key by key. protojson (Istio's ApplyYAML) takes a field by its
// JSON name or its proto name and nothing else; a near miss such as
// `discovery__address` is an unknown field, which Istio's ApplyJSON ignores
// (it retries with AllowUnknownFields).
bool is_proto_name_of(std::string_view key, std::string_view json) {
  if (key.empty() || key.front() == '_' || key.back() == '_') return false;
  std::size_t j = 0;
  bool up = false;
  for (char c : key) {
    if (c == '_') {
      if (up) return false;  // two in a row
      up = true;
      continue;
    }
    if (c >= 'A' && c <= 'Z') return false;
    char want = up ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    if (j >= json.size() || json[j] != want) return false;
    ++j;
    up = false;
  }
  return j == json.size();
}

const Node* proto_get(const Node* obj, const ProtoField& f) {
  if (!obj || !obj->is_map()) return nullptr;
  for (auto it = obj->entries.rbegin(); it != obj->entries.rend(); ++it) {
    const std::string& k = it->key.text;
    if (k == f.json || is_proto_name_of(k, f.json)) return &it->value;
  }
  return nullptr;
}

double duration_seconds(const Node& n) {
  // Protobuf JSON duration: "1.5s"; YAML users also write numbers.
  if (n.kind == Kind::Int) return static_cast<double>(n.i);
  if (n.kind == Kind::Float) return n.f;
  std::string s = n.scalar_text();
  if (!s.empty() && s.back() == 's') s.pop_back();
  try {
    return std::stod(s);
  } catch (...) {
    return 0;
  }
}

std::string duration_json(double secs) {
  // protojson: seconds with 0, 3, 6 or 9 fractional digits.
  double whole = std::trunc(secs);
  long long nanos = std::llround((secs - whole) * 1e9);
  std::string out = fmt::format("{}", static_cast<long long>(whole));
  if (nanos != 0) {
    std::string frac = fmt::format("{:09d}", std::llabs(nanos));
    if (frac.substr(6) == "000") frac = frac.substr(0, 6);
    if (frac.size() == 6 && frac.substr(3) == "000") frac = frac.substr(0, 3);
    out += "." + frac;
  }
  return out + "s";
}

TypePtr wrapper_type(const char* name, PK inner) {
  auto t = std::make_shared<TypeInfo>();
  t->name = name;
  t->pointer = true;
  t->fields = {StructField{"Value", "value", true, false}};
  t->methods["GetValue"] = [inner](const Value& self, std::span<const Value>) {
    if (self.is_nil()) return inner == PK::BoolValue ? Value::boolean(false) : Value::integer(0);
    return self.struct_fields()[0];
  };
  return t;
}

TypePtr duration_type() {
  auto t = std::make_shared<TypeInfo>();
  t->name = "durationpb.Duration";
  t->pointer = true;
  t->fields = {StructField{"Seconds", "seconds", true, false}, StructField{"Nanos", "nanos", true, false}};
  t->methods["GetSeconds"] = [](const Value& self, std::span<const Value>) {
    return self.is_nil() ? Value::integer(0) : self.struct_fields()[0];
  };
  t->methods["GetNanos"] = [](const Value& self, std::span<const Value>) {
    return self.is_nil() ? Value::integer(0) : self.struct_fields()[1];
  };
  t->methods["AsDuration"] = [](const Value& self, std::span<const Value>) {
    if (self.is_nil()) return Value::string("0s");
    return Value::string(tmpl::go_duration_string(self.struct_fields()[0].as_int() * 1000000000 + self.struct_fields()[1].as_int()));
  };
  t->stringer = [](const Value& self) {
    if (self.is_nil()) return std::string("<nil>");
    auto s = self.struct_fields()[0].as_int();
    auto n = self.struct_fields()[1].as_int();
    std::string out;
    if (s) out += fmt::format("seconds:{}", s);
    if (n) out += fmt::format("{}nanos:{}", out.empty() ? "" : " ", n);
    return out;
  };
  return t;
}

struct ProtoTypes {
  TypePtr bool_value = wrapper_type("wrapperspb.BoolValue", PK::BoolValue);
  TypePtr int32_value = wrapper_type("wrapperspb.Int32Value", PK::Int32Value);
  TypePtr duration = duration_type();
  std::map<std::string, TypePtr> enums;

  ProtoSpec client_tls{"v1alpha3.ClientTLSSettings",
                       {{"Mode", "mode", PK::Enum, nullptr, {"DISABLE", "SIMPLE", "MUTUAL", "ISTIO_MUTUAL", "OPTIONAL_MUTUAL"}, "v1alpha3.ClientTLSSettings_TLSmode"},
                        {"ClientCertificate", "clientCertificate", PK::String},
                        {"PrivateKey", "privateKey", PK::String},
                        {"CaCertificates", "caCertificates", PK::String},
                        {"CredentialName", "credentialName", PK::String},
                        {"SubjectAltNames", "subjectAltNames", PK::Strings},
                        {"Sni", "sni", PK::String},
                        {"InsecureSkipVerify", "insecureSkipVerify", PK::BoolValue},
                        {"CaCrl", "caCrl", PK::String}}};
  ProtoSpec tracing{"v1alpha1.Tracing",
                    {{"Zipkin", "zipkin", PK::Any},
                     {"Lightstep", "lightstep", PK::Any},
                     {"Datadog", "datadog", PK::Any},
                     {"Stackdriver", "stackdriver", PK::Any},
                     {"OpenCensusAgent", "openCensusAgent", PK::Any},
                     {"CustomTags", "customTags", PK::Any},
                     {"MaxPathTagLength", "maxPathTagLength", PK::Uint32},
                     {"Sampling", "sampling", PK::Double},
                     {"TlsSettings", "tlsSettings", PK::Message, &client_tls}}};
  ProtoSpec proxy_config{"v1alpha1.ProxyConfig", {}};
  ProtoSpec inbound_policy{"v1alpha1.MeshConfig_InboundTrafficPolicy",
                           {{"Mode", "mode", PK::Enum, nullptr, {"PASSTHROUGH", "LOCALHOST"}, "v1alpha1.MeshConfig_InboundTrafficPolicy_Mode"}}};
  ProtoSpec outbound_policy{"v1alpha1.MeshConfig_OutboundTrafficPolicy",
                            {{"Mode", "mode", PK::Enum, nullptr, {"REGISTRY_ONLY", "ALLOW_ANY"}, "v1alpha1.MeshConfig_OutboundTrafficPolicy_Mode"}}};
  ProtoSpec mesh_config{"v1alpha1.MeshConfig", {}};

  ProtoTypes() {
    proxy_config.fields = {
        {"ConfigPath", "configPath", PK::String},
        {"BinaryPath", "binaryPath", PK::String},
        {"ServiceCluster", "serviceCluster", PK::String},
        {"TracingServiceName", "tracingServiceName", PK::Enum, nullptr, {"APP_LABEL_AND_NAMESPACE", "CANONICAL_NAME_ONLY", "CANONICAL_NAME_AND_NAMESPACE"}, "v1alpha1.ProxyConfig_TracingServiceName"},
        {"DrainDuration", "drainDuration", PK::Duration},
        {"DiscoveryAddress", "discoveryAddress", PK::String},
        {"DiscoveryRefreshDelay", "discoveryRefreshDelay", PK::Duration},
        {"ZipkinAddress", "zipkinAddress", PK::String},
        {"StatsdUdpAddress", "statsdUdpAddress", PK::String},
        {"EnvoyMetricsServiceAddress", "envoyMetricsServiceAddress", PK::String},
        {"ProxyAdminPort", "proxyAdminPort", PK::Int32},
        {"AvailabilityZone", "availabilityZone", PK::String},
        {"ControlPlaneAuthPolicy", "controlPlaneAuthPolicy", PK::Enum, nullptr, {"NONE", "MUTUAL_TLS"}, "v1alpha1.AuthenticationPolicy"},
        {"CustomConfigFile", "customConfigFile", PK::String},
        {"StatNameLength", "statNameLength", PK::Int32},
        {"Concurrency", "concurrency", PK::Int32Value},
        {"ProxyBootstrapTemplatePath", "proxyBootstrapTemplatePath", PK::String},
        {"InterceptionMode", "interceptionMode", PK::Enum, nullptr, {"REDIRECT", "TPROXY", "NONE"}, "v1alpha1.ProxyConfig_InboundInterceptionMode"},
        {"Tracing", "tracing", PK::Message, &tracing},
        {"Sds", "sds", PK::Any},
        {"EnvoyAccessLogService", "envoyAccessLogService", PK::Any},
        {"EnvoyMetricsService", "envoyMetricsService", PK::Any},
        {"ProxyMetadata", "proxyMetadata", PK::StringMap},
        {"RuntimeValues", "runtimeValues", PK::StringMap},
        {"StatusPort", "statusPort", PK::Int32},
        {"ExtraStatTags", "extraStatTags", PK::Strings},
        {"GatewayTopology", "gatewayTopology", PK::Any},
        {"TerminationDrainDuration", "terminationDrainDuration", PK::Duration},
        {"MeshId", "meshId", PK::String},
        {"ReadinessProbe", "readinessProbe", PK::Any},
        {"ProxyStatsMatcher", "proxyStatsMatcher", PK::Any},
        {"HoldApplicationUntilProxyStarts", "holdApplicationUntilProxyStarts", PK::BoolValue},
        {"CaCertificatesPem", "caCertificatesPem", PK::Strings},
        {"Image", "image", PK::Any},
        {"PrivateKeyProvider", "privateKeyProvider", PK::Any},
        {"ProxyHeaders", "proxyHeaders", PK::Any},
    };
    mesh_config.fields = {
        {"ProxyListenPort", "proxyListenPort", PK::Int32},
        {"ProxyInboundListenPort", "proxyInboundListenPort", PK::Int32},
        {"ProxyHttpPort", "proxyHttpPort", PK::Int32},
        {"ConnectTimeout", "connectTimeout", PK::Duration},
        {"ProtocolDetectionTimeout", "protocolDetectionTimeout", PK::Duration},
        {"TcpKeepalive", "tcpKeepalive", PK::Any},
        {"IngressClass", "ingressClass", PK::String},
        {"IngressService", "ingressService", PK::String},
        {"IngressControllerMode", "ingressControllerMode", PK::Enum, nullptr, {"UNSPECIFIED", "OFF", "DEFAULT", "STRICT"}, "v1alpha1.MeshConfig_IngressControllerMode"},
        {"IngressSelector", "ingressSelector", PK::String},
        {"EnableTracing", "enableTracing", PK::Bool},
        {"AccessLogFile", "accessLogFile", PK::String},
        {"AccessLogFormat", "accessLogFormat", PK::String},
        {"AccessLogEncoding", "accessLogEncoding", PK::Enum, nullptr, {"TEXT", "JSON"}, "v1alpha1.MeshConfig_AccessLogEncoding"},
        {"EnableEnvoyAccessLogService", "enableEnvoyAccessLogService", PK::Bool},
        {"DisableEnvoyListenerLog", "disableEnvoyListenerLog", PK::Bool},
        {"DefaultConfig", "defaultConfig", PK::Message, &proxy_config},
        {"OutboundTrafficPolicy", "outboundTrafficPolicy", PK::Message, &outbound_policy},
        {"InboundTrafficPolicy", "inboundTrafficPolicy", PK::Message, &inbound_policy},
        {"ConfigSources", "configSources", PK::Any},
        {"EnableAutoMtls", "enableAutoMtls", PK::BoolValue},
        {"TrustDomain", "trustDomain", PK::String},
        {"TrustDomainAliases", "trustDomainAliases", PK::Strings},
        {"CaCertificates", "caCertificates", PK::Any},
        {"DefaultServiceExportTo", "defaultServiceExportTo", PK::Strings},
        {"DefaultVirtualServiceExportTo", "defaultVirtualServiceExportTo", PK::Strings},
        {"DefaultDestinationRuleExportTo", "defaultDestinationRuleExportTo", PK::Strings},
        {"RootNamespace", "rootNamespace", PK::String},
        {"LocalityLbSetting", "localityLbSetting", PK::Any},
        {"DnsRefreshRate", "dnsRefreshRate", PK::Duration},
        {"H2UpgradePolicy", "h2UpgradePolicy", PK::Enum, nullptr, {"DO_NOT_UPGRADE", "UPGRADE"}, "v1alpha1.MeshConfig_H2UpgradePolicy"},
        {"InboundClusterStatName", "inboundClusterStatName", PK::String},
        {"OutboundClusterStatName", "outboundClusterStatName", PK::String},
        {"Certificates", "certificates", PK::Any},
        {"ServiceSettings", "serviceSettings", PK::Any},
        {"EnablePrometheusMerge", "enablePrometheusMerge", PK::BoolValue},
        {"VerifyCertificateAtClient", "verifyCertificateAtClient", PK::BoolValue},
        {"Ca", "ca", PK::Any},
        {"ExtensionProviders", "extensionProviders", PK::Any},
        {"DefaultProviders", "defaultProviders", PK::Any},
        {"DiscoverySelectors", "discoverySelectors", PK::Any},
        {"PathNormalization", "pathNormalization", PK::Any},
        {"DefaultHttpRetryPolicy", "defaultHttpRetryPolicy", PK::Any},
        {"MeshMTLS", "meshMTLS", PK::Any},
        {"TlsDefaults", "tlsDefaults", PK::Any},
    };
    for (ProtoSpec* s : {&client_tls, &tracing, &proxy_config, &inbound_policy, &outbound_policy, &mesh_config}) build(*s);
  }

  TypePtr enum_type(const ProtoField& f) {
    auto it = enums.find(f.enum_type);
    if (it != enums.end()) return it->second;
    auto t = std::make_shared<TypeInfo>();
    t->name = f.enum_type;
    auto names = f.enum_names;
    t->stringer = [names](const Value& v) {
      auto i = v.as_int();
      return i >= 0 && static_cast<std::size_t>(i) < names.size() ? names[static_cast<std::size_t>(i)] : std::to_string(i);
    };
    t->methods["String"] = [names](const Value& v, std::span<const Value>) {
      auto i = v.as_int();
      return Value::string(i >= 0 && static_cast<std::size_t>(i) < names.size() ? names[static_cast<std::size_t>(i)]
                                                                                 : std::to_string(i));
    };
    enums[f.enum_type] = t;
    return t;
  }

  void build(ProtoSpec& s) {
    auto t = std::make_shared<TypeInfo>();
    t->name = s.name;
    t->pointer = true;
    for (const auto& f : s.fields) t->fields.push_back(StructField{f.go, f.json, true, false});
    s.type = t;
    for (auto& f : s.fields)
      if (f.kind == PK::Enum) enum_type(f);
  }

  // Getters for every field, nil-safe like generated protobuf code. Added
  // after all specs are built since getters reference field types.
  void add_getters() {
    for (ProtoSpec* s : {&client_tls, &tracing, &proxy_config, &inbound_policy, &outbound_policy, &mesh_config}) {
      auto* t = const_cast<TypeInfo*>(s->type.get());
      for (std::size_t i = 0; i < s->fields.size(); ++i) {
        ProtoField f = s->fields[i];
        Value zero = zero_value(f);
        t->methods[std::string("Get") + f.go] = [i, zero](const Value& self, std::span<const Value>) {
          if (self.is_nil()) return zero;
          return self.struct_fields()[i];
        };
      }
    }
  }

  Value zero_value(const ProtoField& f) {
    switch (f.kind) {
      case PK::String: return Value::string("");
      case PK::Int32:
      case PK::Int64: return Value::integer(0);
      case PK::Uint32: return Value::uinteger(0);
      case PK::Bool: return Value::boolean(false);
      case PK::Double: return Value::floating(0);
      case PK::Enum: return Value::integer(0, enums.at(f.enum_type));
      case PK::Message: return Value::typed_nil(f.sub->type);
      case PK::StringMap: return Value::map({}, tmpl::Elem::String);
      case PK::Strings: return Value::list({}, tmpl::Elem::String);
      case PK::Messages: return Value::list({});
      case PK::Duration: return Value::typed_nil(duration);
      case PK::BoolValue: return Value::typed_nil(bool_value);
      case PK::Int32Value: return Value::typed_nil(int32_value);
      case PK::Any: return Value::nil();
    }
    return Value::nil();
  }

  std::int64_t enum_number(const ProtoField& f, const Node& n) {
    if (n.kind == Kind::Int) return n.i;
    for (std::size_t i = 0; i < f.enum_names.size(); ++i)
      if (f.enum_names[i] == n.scalar_text()) return static_cast<std::int64_t>(i);
    return 0;
  }

  Value field(const ProtoField& f, const Node* n) {
    if (!n || n->is_null()) return zero_value(f);
    switch (f.kind) {
      case PK::String: return Value::string(n->scalar_text());
      case PK::Int32:
      case PK::Int64: return Value::integer(to_int(*n));
      case PK::Uint32: return Value::uinteger(static_cast<std::uint64_t>(std::max<std::int64_t>(0, to_int(*n))));
      case PK::Bool: return Value::boolean(n->kind == Kind::Bool ? n->b : n->scalar_text() == "true");
      case PK::Double: return Value::floating(n->kind == Kind::Int ? static_cast<double>(n->i) : n->f);
      case PK::Enum: return Value::integer(enum_number(f, *n), enums.at(f.enum_type));
      case PK::Message: return message(*f.sub, n);
      case PK::StringMap: {
        Value::Map m;
        if (n->is_map())
          for (const auto& e : n->entries) m[e.key.scalar_text()] = Value::string(e.value.scalar_text());
        return Value::map(std::move(m), tmpl::Elem::String);
      }
      case PK::Strings: {
        Value::List l;
        if (n->is_seq())
          for (const auto& it : n->items) l.push_back(Value::string(it.scalar_text()));
        return Value::list(std::move(l), tmpl::Elem::String);
      }
      case PK::Messages: {
        Value::List l;
        if (n->is_seq())
          for (const auto& it : n->items) l.push_back(message(*f.sub, &it));
        return Value::list(std::move(l));
      }
      case PK::Duration: {
        double secs = duration_seconds(*n);
        double whole = std::trunc(secs);
        return Value::structure(duration, {Value::integer(static_cast<std::int64_t>(whole)),
                                           Value::integer(std::llround((secs - whole) * 1e9))});
      }
      case PK::BoolValue: {
        bool b = n->kind == Kind::Bool ? n->b : (n->is_map() && n->get("value") && n->get("value")->b);
        return Value::structure(bool_value, std::vector<Value>{Value::boolean(b)});
      }
      case PK::Int32Value: {
        const Node* v = n->is_map() ? n->get("value") : n;
        return Value::structure(int32_value, std::vector<Value>{Value::integer(v ? to_int(*v) : 0)});
      }
      case PK::Any: return generic_value(*n);
    }
    return Value::nil();
  }

  Value message(const ProtoSpec& s, const Node* obj) {
    if (!obj || obj->is_null()) return Value::typed_nil(s.type);
    std::vector<Value> vals;
    vals.reserve(s.fields.size());
    for (const auto& f : s.fields) vals.push_back(field(f, proto_get(obj, f)));
    return Value::structure(s.type, std::move(vals));
  }
};

struct ProtoRegistry {
  ProtoTypes types;
  ProtoRegistry() { types.add_getters(); }
};

ProtoTypes& protos() {
  // Built once by its constructor; only read afterwards.
  static ProtoRegistry registry;
  return registry.types;
}

bool proto_zero(const ProtoField& f, const Node& n) {
  if (n.is_null()) return true;
  switch (f.kind) {
    case PK::String: return n.scalar_text().empty();
    case PK::Int32:
    case PK::Int64:
    case PK::Uint32: return to_int(n) == 0;
    case PK::Bool: return n.kind == Kind::Bool && !n.b;
    case PK::Double: return (n.kind == Kind::Int ? static_cast<double>(n.i) : n.f) == 0;
    case PK::Enum: return protos().enum_number(f, n) == 0;
    case PK::StringMap:
    case PK::Strings:
    case PK::Messages: return n.size() == 0;
    default: return false;  // messages, wrappers, durations: presence is what counts
  }
}

std::string json_of(const Node& n);  // generic, keys in order

std::string json_of(const Node& n) {
  switch (n.kind) {
    case Kind::Null: return "null";
    case Kind::Bool: return n.b ? "true" : "false";
    case Kind::Int: return fmt::format("{}", n.i);
    case Kind::Float: return emit_json(n, 0);
    case Kind::String: return json_quote(n.text);
    case Kind::Seq: {
      std::string out = "[";
      for (std::size_t i = 0; i < n.items.size(); ++i) out += (i ? "," : "") + json_of(n.items[i]);
      return out + "]";
    }
    case Kind::Map: {
      std::string out = "{";
      bool first = true;
      for (const auto& e : n.entries) {
        out += (first ? "" : ",") + json_quote(snake_to_camel(e.key.scalar_text())) + ":" + json_of(e.value);
        first = false;
      }
      return out + "}";
    }
  }
  return "null";
}

std::string proto_field_json(const ProtoField& f, const Node& n) {
  switch (f.kind) {
    case PK::String: return json_quote(n.scalar_text());
    case PK::Int32:
    case PK::Uint32: return fmt::format("{}", to_int(n));
    case PK::Int64: return json_quote(fmt::format("{}", to_int(n)));  // protobuf JSON quotes 64-bit ints
    case PK::Bool: return n.b ? "true" : "false";
    case PK::Enum: return json_quote(f.enum_names.at(static_cast<std::size_t>(protos().enum_number(f, n))));
    case PK::Duration: return json_quote(duration_json(duration_seconds(n)));
    case PK::BoolValue: {
      const Node* v = n.is_map() ? n.get("value") : &n;
      return v && v->kind == Kind::Bool && v->b ? "true" : "false";
    }
    case PK::Int32Value: {
      const Node* v = n.is_map() ? n.get("value") : &n;
      return fmt::format("{}", v ? to_int(*v) : 0);
    }
    case PK::StringMap: {
      std::vector<std::pair<std::string, std::string>> kv;
      for (const auto& e : n.entries) kv.emplace_back(e.key.scalar_text(), e.value.scalar_text());
      std::sort(kv.begin(), kv.end());
      std::string out = "{";
      for (std::size_t i = 0; i < kv.size(); ++i)
        out += (i ? "," : "") + json_quote(kv[i].first) + ":" + json_quote(kv[i].second);
      return out + "}";
    }
    case PK::Message: {
      std::string out = "{";
      bool first = true;
      for (const auto& sf : f.sub->fields) {
        const Node* v = proto_get(&n, sf);
        if (!v || proto_zero(sf, *v)) continue;
        out += (first ? "" : ",") + json_quote(sf.json) + ":" + proto_field_json(sf, *v);
        first = false;
      }
      return out + "}";
    }
    default: return json_of(n);
  }
}

}  // namespace

Value proxy_config_value(const Node& pc) {
  Value v = protos().message(protos().proxy_config, &pc);
  // protoToJSON needs the configuration itself, not the Go view of it.
  auto t = std::make_shared<TypeInfo>(*protos().proxy_config.type);
  // Computed once per configuration: the built-in one serves every pod.
  auto json = std::make_shared<std::optional<std::string>>();
  t->proto_json = [copy = pc, json](const Value&) {
    if (!*json) *json = proxy_config_json(copy);
    return **json;
  };
  return Value::structure(t, v.struct_fields());
}

Value mesh_config_value(const Node& mesh) { return protos().message(protos().mesh_config, &mesh); }

Node default_proxy_config() {
  Node pc = Node::map();
  pc.set("configPath", Node::string("./etc/istio/proxy"));
  pc.set("binaryPath", Node::string("/usr/local/bin/envoy"));
  pc.set("serviceCluster", Node::string("istio-proxy"));
  pc.set("drainDuration", Node::string("45s"));
  pc.set("discoveryAddress", Node::string("istiod.istio-system.svc:15012"));
  pc.set("proxyAdminPort", Node::integer(15000));
  pc.set("controlPlaneAuthPolicy", Node::string("MUTUAL_TLS"));
  pc.set("statNameLength", Node::integer(189));
  pc.set("statusPort", Node::integer(15020));
  pc.set("terminationDrainDuration", Node::string("5s"));
  return pc;
}

Node default_mesh_config() {
  Node m = Node::map();
  m.set("proxyListenPort", Node::integer(15001));
  m.set("proxyInboundListenPort", Node::integer(15006));
  m.set("connectTimeout", Node::string("10s"));
  m.set("protocolDetectionTimeout", Node::string("0s"));
  m.set("ingressClass", Node::string("istio"));
  m.set("ingressService", Node::string("istio-ingressgateway"));
  m.set("ingressControllerMode", Node::string("STRICT"));
  m.set("enableTracing", Node::boolean(true));
  m.set("accessLogEncoding", Node::string("TEXT"));
  m.set("defaultConfig", default_proxy_config());
  Node out = Node::map();
  out.set("mode", Node::string("ALLOW_ANY"));
  m.set("outboundTrafficPolicy", out);
  Node in = Node::map();
  in.set("mode", Node::string("PASSTHROUGH"));
  m.set("inboundTrafficPolicy", in);
  m.set("enableAutoMtls", Node::boolean(true));
  m.set("trustDomain", Node::string("cluster.local"));
  m.set("rootNamespace", Node::string("istio-system"));
  m.set("dnsRefreshRate", Node::string("60s"));
  m.set("enablePrometheusMerge", Node::boolean(true));
  return m;
}

namespace {

// Protobuf JSON merge: messages merge field by field, everything else is
// replaced. Field names are normalised to camelCase (protobuf JSON accepts
// both); keys of map fields (proxyMetadata...) are data and kept as written.
bool is_map_field(std::string_view camel) {
  return camel == "proxyMetadata" || camel == "runtimeValues" || camel == "customTags" || camel == "matchLabels";
}

void proto_merge(Node& base, const Node& overlay, bool map_keys = false) {
  for (const auto& e : overlay.entries) {
    std::string key = map_keys ? e.key.scalar_text() : snake_to_camel(e.key.scalar_text());
    Node* cur = base.get(key);
    if (cur && cur->is_map() && e.value.is_map()) {
      proto_merge(*cur, e.value, !map_keys && is_map_field(key));
    } else {
      base.set(key, e.value);
    }
  }
}

void check_proxy_config_fields(const Node& overlay) {
  for (const auto& e : overlay.entries) {
    std::string key = snake_to_camel(e.key.scalar_text());
    bool known = false;
    for (const auto& f : protos().proxy_config.fields) known = known || key == f.json;
    if (!known) throw Error(fmt::format("unknown ProxyConfig field \"{}\"", e.key.scalar_text()));
  }
}

}  // namespace

Node apply_mesh_config(const Node& defaults, const Node& file) {
  Node out = defaults;
  if (!file.is_map()) return out;
  for (const auto& e : file.entries) {
    std::string key = snake_to_camel(e.key.scalar_text());
    if (key == "defaultConfig" && e.value.is_map()) {
      Node pc = out.get("defaultConfig") ? *out.get("defaultConfig") : default_proxy_config();
      out.set("defaultConfig", merge_proxy_config(pc, e.value));
    } else if (Node* cur = out.get(key); cur && cur->is_map() && e.value.is_map()) {
      proto_merge(*cur, e.value);
    } else {
      out.set(key, e.value);
    }
  }
  return out;
}

Node merge_proxy_config(const Node& base, const Node& overlay) {
  // mesh.MergeProxyConfig (pkg/config/mesh/mesh.go): the overlay is applied
  // with protomarshal.ApplyYAML, whose jsonpb sets each field the overlay
  // names to a new value, a nested message whole; then proxyMetadata is
  // merged by key (mergeMap) and correctProxyHeaders takes back from the
  // base the five header settings the overlay's proxyHeaders leaves unset.
  if (overlay.is_null()) return base;
  if (!overlay.is_map()) throw Error("a ProxyConfig must be a mapping");
  check_proxy_config_fields(overlay);
  Node out = base.is_map() ? base : Node::map();
  const Node* before_metadata = out.get("proxyMetadata");
  std::optional<Node> orig_metadata = before_metadata ? std::optional<Node>(*before_metadata) : std::nullopt;
  const Node* before_headers = out.get("proxyHeaders");
  std::optional<Node> orig_headers = before_headers ? std::optional<Node>(*before_headers) : std::nullopt;
  for (const auto& e : overlay.entries) {
    std::string key = snake_to_camel(e.key.scalar_text());
    if (e.value.is_map()) {
      Node fresh = Node::map();  // the field's keys in camelCase, as jsonpb reads both
      proto_merge(fresh, e.value, is_map_field(key));
      out.set(key, std::move(fresh));
    } else {
      out.set(key, e.value);
    }
  }
  if (orig_metadata && orig_metadata->is_map()) {
    if (Node* now = out.get("proxyMetadata"); now && now->is_map()) {
      Node merged = *orig_metadata;
      for (const auto& e : now->entries) merged.set(e.key.scalar_text(), e.value);
      *now = std::move(merged);
    }
  }
  if (orig_headers && orig_headers->is_map()) {
    if (Node* now = out.get("proxyHeaders"); now && now->is_map()) {
      for (const char* field : {"forwardedClientCert", "requestId", "attemptCount", "server", "envoyDebugHeaders"}) {
        const Node* v = now->get(field);
        // ptr.NonEmptyOrDefault: unset (or, for the enum, UNDEFINED) takes the base's.
        bool empty = !v || v->is_null() || (std::string_view(field) == "forwardedClientCert" && v->scalar_text() == "UNDEFINED");
        if (empty)
          if (const Node* o = orig_headers->get(field)) now->set(field, *o);
      }
    }
  }
  return out;
}

std::string proxy_config_json(const Node& pc) {
  Node defaults = default_proxy_config();
  const auto& spec = protos().proxy_config;
  std::string out = "{";
  bool first = true;
  auto same_as_default = [&](const ProtoField& f, const Node& v) {
    const Node* d = proto_get(&defaults, f);
    if (f.kind == PK::StringMap) return v.size() == 0;
    if (!d) return false;
    if (f.kind == PK::Duration) return duration_seconds(*d) == duration_seconds(v);
    if (f.kind == PK::Enum) return protos().enum_number(f, *d) == protos().enum_number(f, v);
    return d->scalar_text() == v.scalar_text();
  };
  for (const auto& f : spec.fields) {
    const Node* v = proto_get(&pc, f);
    if (!v || proto_zero(f, *v)) continue;
    // cleanProxyConfig: these fields are left out when they hold the default.
    static const std::vector<std::string> cleaned = {
        "configPath", "binaryPath", "controlPlaneAuthPolicy", "serviceCluster", "drainDuration",
        "terminationDrainDuration", "discoveryAddress", "proxyAdminPort", "statNameLength", "statusPort", "proxyMetadata"};
    if (std::find(cleaned.begin(), cleaned.end(), f.json) != cleaned.end() && same_as_default(f, *v)) continue;
    out += (first ? "" : ",") + json_quote(f.json) + ":" + proto_field_json(f, *v);
    first = false;
  }
  return out + "}";
}

}  // namespace kinject
