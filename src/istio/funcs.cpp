// Istio's template functions (istio/funcs.h), as pkg/kube/inject/template.go
// defines them. Argument types mirror the Go signatures, so that the
// engine's argument checks give Go's errors.
#include "kinject/istio/funcs.h"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <span>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "kinject/base/text.h"
#include "kinject/base/unicode.h"

#include "kinject/gofuncs/cast.h"
#include "kinject/gofuncs/duration.h"
#include "kinject/gofuncs/func_table.h"
#include "kinject/gofuncs/gostrings.h"
#include "kinject/gofuncs/json.h"
#include "kinject/gofuncs/sprig.h"
#include "kinject/gofuncs/yaml.h"

namespace kinject::tmpl {

namespace {

using P = ParamKind;
using Args = std::span<const Value>;

Value str(std::string s) { return Value::string(std::move(s)); }

Value::Map string_map_of(const Value& m) {
  if (m.kind() != Kind::Map) return {};
  return m.as_map();
}

// Values that Istio reads from Kubernetes objects may be structs (Go field
// names) or decoded JSON maps (json names); accept both.
const Value* member(const Value& obj, std::string_view go_name, std::string_view json_name) {
  if (obj.kind() == Kind::Struct) {
    if (const Value* v = obj.field(go_name)) return v;
    return nullptr;
  }
  if (obj.kind() == Kind::Map) return obj.find(json_name);
  return nullptr;
}

// includeInboundPorts and applicationPorts: the containers' ports, but UDP
// and SCTP ones, comma-separated; applicationPorts leaves out istio-proxy's.
std::string container_ports(const Value& containers, bool skip_proxy) {
  std::vector<std::string> parts;
  if (containers.kind() != Kind::List) return "";
  for (const auto& c : containers.as_list()) {
    if (skip_proxy) {
      const Value* name = member(c, "Name", "name");
      if (name && name->kind() == Kind::String && name->as_string() == "istio-proxy") continue;
    }
    const Value* ports = member(c, "Ports", "ports");
    if (!ports || ports->kind() != Kind::List) continue;
    for (const auto& p : ports->as_list()) {
      const Value* proto = member(p, "Protocol", "protocol");
      if (proto && proto->kind() == Kind::String && (proto->as_string() == "UDP" || proto->as_string() == "SCTP")) continue;
      const Value* cp = member(p, "ContainerPort", "containerPort");
      std::int64_t port = cp ? to_int64(*cp) : 0;
      parts.push_back(std::to_string(static_cast<std::int32_t>(port)));
    }
  }
  return join(parts, ",");
}

// Istio's omitNil: drops nils from maps and lists recursively; containers
// that end up empty become nil themselves (and are then dropped too).
std::pair<Value, bool> omit_nil_internal(const Value& v) {
  if (v.is_nullish()) return {Value::nil(), true};
  if (v.kind() == Kind::Map && v.elem() == Elem::Any && !v.type()) {
    bool changed = false;
    for (const auto& [k, e] : v.as_map()) {
      if (omit_nil_internal(e).second) {
        changed = true;
        break;
      }
    }
    if (!changed) return {v, false};
    Value::Map out;
    for (const auto& [k, e] : v.as_map()) {
      Value f = omit_nil_internal(e).first;
      if (!f.is_nullish()) out.emplace(k, f);
    }
    if (out.empty()) return {Value::nil(), true};
    return {Value::map(std::move(out)), true};
  }
  if (v.kind() == Kind::List && v.elem() == Elem::Any && !v.type()) {
    bool changed = false;
    for (const auto& e : v.as_list()) {
      if (omit_nil_internal(e).second) {
        changed = true;
        break;
      }
    }
    if (!changed) return {v, false};
    Value::List out;
    for (const auto& e : v.as_list()) {
      Value f = omit_nil_internal(e).first;
      if (!f.is_nullish()) out.push_back(f);
    }
    if (out.empty()) return {Value::nil(), true};
    return {Value::list(std::move(out)), true};
  }
  return {v, false};
}

Value format_duration(Args a) {
  // *durationpb.Duration -> AsDuration().String(); a nil pointer is 0s.
  const Value& d = a[0];
  std::int64_t secs = 0, nanos = 0;
  if (d.kind() == Kind::Struct || d.kind() == Kind::Map) {
    if (const Value* s = member(d, "Seconds", "seconds")) secs = to_int64(*s);
    if (const Value* n = member(d, "Nanos", "nanos")) nanos = to_int64(*n);
  } else if (d.kind() == Kind::String) {
    // protojson form, e.g. "1.5s"
    std::string s = d.as_string();
    if (!s.empty() && s.back() == 's') s.pop_back();
    double sec = 0;
    if (parse_go_float(s, &sec)) {
      // google.protobuf.Duration's range, as protojson checks it (and a
      // double beyond int64 would not convert).
      if (!(std::fabs(sec) <= 315576000000.0))
        throw FuncError(fmt::format("invalid google.protobuf.Duration value {:?}", d.as_string()));
      secs = static_cast<std::int64_t>(sec);
      nanos = static_cast<std::int64_t>(std::llround((sec - static_cast<double>(secs)) * 1e9));
    }
  } else if (!d.is_nullish() && !d.is_typed_nil()) {
    throw FuncError(fmt::format("wrong type for value; expected *durationpb.Duration; got {}", d.go_type_name()));
  }
  // AsDuration saturates on overflow.
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  std::int64_t total;
  if (secs > kMax / 1000000000) {
    total = kMax;
  } else if (secs < std::numeric_limits<std::int64_t>::min() / 1000000000) {
    total = std::numeric_limits<std::int64_t>::min();
  } else {
    total = secs * 1000000000 + nanos;
  }
  return str(go_duration_string(total));
}

Value isset(Args a) { return Value::boolean(a[0].find(a[1].as_string()) != nullptr); }

Value exclude_inbound_port(Args a) {
  // The port is printed with fmt.Sprint, so a float64 port from values
  // would read "1e+06"-style; ports compare as trimmed strings.
  Value one[1] = {a[0]};
  std::string port(trim_space(go_sprint(one)));
  const std::string& excluded = a[1].as_string();
  if (port.empty() || port == "0") return a[1];
  std::vector<std::string> out;
  for (auto p : split(excluded, ",")) {
    if (p == port) return a[1];
    auto t = trim_space(p);
    if (!t.empty()) out.emplace_back(t);
  }
  out.push_back(port);
  return str(join(out, ","));
}

Value include_inbound_ports(Args a) { return str(container_ports(a[0], false)); }

Value application_ports(Args a) { return str(container_ports(a[0], true)); }

// kubevirtInterfaces and excludeInterfaces return their argument.
Value unchanged(Args a) { return a[0]; }

Value annotation(Args a) {
  // meta.Annotations[name], else fmt.Sprint(default) — so a missing
  // default prints "<nil>".
  const Value* ann = member(a[0], "Annotations", "annotations");
  if (ann && ann->kind() == Kind::Map) {
    if (const Value* v = ann->find(a[1].as_string())) return Value::string(strval(*v));
  }
  Value one[1] = {a[2]};
  return str(go_sprint(one));
}

Value value_or_default(Args a) {
  const Value& v = a[0];
  if (v.is_nullish() || (v.kind() == Kind::String && v.as_string().empty() && !v.type())) return a[1];
  return v;
}

// Unlike Sprig's toJson, toJSON takes a map[string]string, which always
// marshals; a nil one is "{}" (template.go checks for it), not null.
Value json_encode(Args a) { return str(a[0].is_nil_collection() ? "{}" : to_json(a[0])); }

Value json_decode(Args a) {
  // On invalid JSON Istio logs and returns the *string* "{}".
  try {
    return from_json(a[0].as_string());
  } catch (const JsonError&) {
    return str("{}");
  }
}

Value struct_to_json(Args a) {
  if (a[0].is_nullish()) return str("{}");
  try {
    return str(to_json(a[0]));
  } catch (const JsonError&) {
    return str("{}");
  }
}

Value proto_to_json(Args a) {
  // The proto-specific part (protojson, Istio's cleanProxyConfig) lives in
  // the value's TypeInfo hook; a nil message marshals as "{}".
  const Value& v = a[0];
  if (v.is_nullish()) return str("{}");
  if (!v.type() || !v.type()->proto_json) {
    throw FuncError(fmt::format("wrong type for value; expected protoreflect.ProtoMessage; got {}", v.go_type_name()));
  }
  return str(v.type()->proto_json(v));
}

Value yaml_encode(Args a) {
  try {
    return str(to_yaml(a[0]));
  } catch (const JsonError&) {
    return str("");
  }
}

Value indent(Args a) {
  // Istio's indent pads every line but the first (fmt "% Ns" with "":
  // |N| spaces, none for 0).
  check_indent(a[0].as_int(), a[1].as_string());
  std::string pad(static_cast<std::size_t>(std::llabs(a[0].as_int())), ' ');
  auto lines = split(a[1].as_string(), "\n");
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) {
      out += '\n';
      out += pad;
    }
    out += lines[i];
  }
  return str(out);
}

Value directory(Args a) {
  // path.Split: everything up to and including the last '/'.
  const auto& s = a[0].as_string();
  std::size_t slash = s.rfind('/');
  return str(slash == std::string::npos ? std::string() : s.substr(0, slash + 1));
}

Value flipped_contains(Args a) {
  // flippedContains(needle, haystack)
  return Value::boolean(a[1].as_string().find(a[0].as_string()) != std::string::npos);
}

// strings.ToLower, Unicode and all.
Value to_lower(Args a) { return str(unicode::go_to_lower(a[0].as_string())); }

// appendMultusNetwork on the JSON list form [{"name": "x", "namespace":
// "y"}, ...], whose last ']' is at `close`: `net` ("name" or "ns/name") is
// added before it unless listed already; what does not parse as such a
// list is left alone. `split_namespace`: the release splits "ns/name" into
// the entry's name and namespace (IstioRelease); before, "ns/name" was the
// name, and an entry of that name, whatever its namespace, was it.
Value append_to_network_list(const Value& existing_arg, std::size_t close, const std::string& net, bool split_namespace) {
  const std::string& existing = existing_arg.as_string();
  Value parsed;
  try {
    parsed = from_json(existing);
  } catch (const JsonError&) {
    return existing_arg;  // not valid JSON: leave it alone
  }
  if (parsed.kind() != Kind::List) return existing_arg;
  std::string ns, name = net;
  // k8s.io/utils/strings.SplitQualifiedName("ns/name")
  if (auto parts = split(net, "/"); split_namespace && parts.size() >= 2) {
    ns = std::string(parts[0]);
    name = std::string(parts[1]);
  }
  for (const auto& n : parsed.as_list()) {
    if (n.kind() != Kind::Map) {
      if (n.is_nullish()) continue;
      return existing_arg;  // json.Unmarshal into []map[string]any fails
    }
    const Value* nm = n.find("name");
    if (nm && nm->kind() == Kind::String && nm->as_string() == name) {
      if (!split_namespace) return existing_arg;
      const Value* nsv = n.find("namespace");
      std::string have = nsv && nsv->kind() == Kind::String ? nsv->as_string() : "";
      if ((!nsv || nsv->is_nullish()) || nsv->kind() == Kind::String) {
        if (have == ns) return existing_arg;
      }
    }
  }
  std::string add = ns.empty() ? fmt::format(R"(, {{"name": "{}"}})", name)
                               : fmt::format(R"(, {{"name": "{}", "namespace": "{}"}})", name, ns);
  return str(existing.substr(0, close) + add + existing.substr(close));
}

// appendMultusNetwork(existing, net): the k8s.v1.cni.cncf.io/networks
// annotation with Istio's CNI network added, in the annotation's own form
// (a JSON list, or comma-separated names), as `release`'s injector adds it.
Value append_multus_network(const IstioRelease& release, Args a) {
  const std::string& existing = a[0].as_string();
  const std::string& net = a[1].as_string();
  if (existing.empty()) return a[1];
  if (std::size_t close = existing.rfind(']'); close != std::string::npos) {
    return append_to_network_list(a[0], close, net, release.splits_multus_network_namespace());
  }
  for (auto n : split(existing, ",")) {
    if (trim_space(n) == net) return a[0];
  }
  return str(existing + ", " + net);
}

Value env_or_default(const EnvLookup& lookup, Args a) {
  std::optional<std::string> v = lookup ? lookup(a[0].as_string()) : std::nullopt;
  if (!v || v->empty()) return a[1];
  return str(*v);
}

// Istio's omit, on map[string]string (Sprig's takes map[string]interface{}).
Value omit(Args a) {
  Value::Map out = string_map_of(a[0]);
  for (const auto& k : a.subspan(1)) out.erase(k.as_string());
  return Value::map(std::move(out), Elem::String);
}

Value strdict(Args a) {
  Value::Map out;
  for (std::size_t i = 0; i < a.size(); i += 2) {
    out.insert_or_assign(a[i].as_string(), i + 1 < a.size() ? a[i + 1] : str(""));
  }
  return Value::map(std::move(out), Elem::String);
}

// mergeMaps: later maps win. No arguments gives a nil map[string]string
// (which prints map[] and JSON-encodes as null).
Value merge_maps(Args a) {
  if (a.empty()) return Value::nil_map(Elem::String);
  Value::Map out;
  for (const auto& m : a) {
    for (const auto& [k, v] : m.as_map()) out.insert_or_assign(k, v);
  }
  return Value::map(std::move(out), Elem::String);
}

Value to_json_map(Args a) { return str(to_json(merge_maps(a))); }

Value omit_nil(Args a) { return omit_nil_internal(a[0]).first; }

// parseImageTagDigest: "repo/app:1.2@sha256:ab" -> tag "1.2", digest
// "sha256:ab"; a colon before the last slash is a registry port, not a tag.
std::pair<std::string, std::string> image_tag_digest(std::string image) {
  std::string tag, digest;
  if (auto at = image.find('@'); at != std::string::npos) {
    digest = image.substr(at + 1);
    image.resize(at);
  }
  auto slash = image.rfind('/');
  auto colon = image.rfind(':');
  if (colon != std::string::npos && (slash == std::string::npos || colon > slash)) tag = image.substr(colon + 1);
  return {tag, digest};
}

// A mesh extension provider asks for OpenTelemetry's semantic conventions
// (opentelemetry.serviceAttributeEnrichment, the enum by name or number).
// The untyped parts of the mesh config carry Go's field names, as the proto
// structs Istio reads them from do.
bool wants_otel_semantic_conventions(const Value& mesh) {
  auto field = [](const Value& v, std::string_view go, std::string_view json) -> const Value* {
    if (const Value* f = member(v, go, json)) return f;
    return v.kind() == Kind::Map ? v.find(go) : nullptr;
  };
  const Value* providers = field(mesh, "ExtensionProviders", "extensionProviders");
  if (!providers || providers->kind() != Kind::List) return false;
  for (const auto& ep : providers->as_list()) {
    const Value* otel = field(ep, "Opentelemetry", "opentelemetry");
    if (!otel || otel->kind() != Kind::Map) continue;
    const Value* e = field(*otel, "ServiceAttributeEnrichment", "serviceAttributeEnrichment");
    if (!e) continue;
    if ((e->kind() == Kind::String && e->as_string() == "OTEL_SEMANTIC_CONVENTIONS") ||
        (e->kind() == Kind::Int && to_int64(*e) == 1))
      return true;
  }
  return false;
}

// otelResourceAttributes (Istio 1.30): OTEL_RESOURCE_ATTRIBUTES for a pod
// whose mesh enriches spans with OpenTelemetry's semantic conventions:
// service.namespace, service.version and service.instance.id, each from its
// resource.opentelemetry.io/ annotation first.
Value otel_resource_attributes(Args a) {
  if (!wants_otel_semantic_conventions(a[0])) return str("");
  Value::Map annotations = string_map_of(a[1]), labels = string_map_of(a[2]);
  auto given = [](const Value::Map& m, const char* key) -> std::string {
    auto it = m.find(key);
    return it != m.end() && it->second.kind() == Kind::String ? it->second.as_string() : "";
  };
  const std::string ns = a[3].kind() == Kind::String ? a[3].as_string() : "";
  const Value::List none;
  const Value::List& containers = a[4].kind() == Kind::List ? a[4].as_list() : none;
  auto container_field = [&](std::size_t i, const char* go, const char* json) {
    const Value* v = member(containers[i], go, json);
    return v && v->kind() == Kind::String ? v->as_string() : std::string();
  };
  std::vector<std::string> attrs;
  if (auto v = given(annotations, "resource.opentelemetry.io/service.namespace"); !v.empty())
    attrs.push_back("service.namespace=" + v);
  else if (!ns.empty())
    attrs.push_back("service.namespace=" + ns);
  if (auto v = given(annotations, "resource.opentelemetry.io/service.version"); !v.empty()) {
    attrs.push_back("service.version=" + v);
  } else if (auto l = given(labels, "app.kubernetes.io/version"); !l.empty()) {
    attrs.push_back("service.version=" + l);
  } else if (containers.size() == 1) {
    auto [tag, digest] = image_tag_digest(container_field(0, "Image", "image"));
    if (!tag.empty() && !digest.empty()) attrs.push_back("service.version=" + tag + "@" + digest);
    else if (!digest.empty()) attrs.push_back("service.version=" + digest);
    else if (!tag.empty()) attrs.push_back("service.version=" + tag);
  }
  if (auto v = given(annotations, "resource.opentelemetry.io/service.instance.id"); !v.empty())
    attrs.push_back("service.instance.id=" + v);
  else if (!containers.empty())
    attrs.push_back("service.instance.id=" + ns + ".$(POD_NAME)." + container_field(0, "Name", "name"));
  return str(join(attrs, ","));
}

FuncTable istio_table(EnvLookup lookup, const IstioRelease& release) {
  return {
      {"formatDuration", fixed({Param(P::Any)}, format_duration)},
      {"isset", fixed({P::StringMap, P::String}, isset)},
      {"excludeInboundPort", fixed({P::Any, P::String}, exclude_inbound_port)},
      {"includeInboundPorts", fixed({P::List}, include_inbound_ports)},
      {"applicationPorts", fixed({P::List}, application_ports)},
      {"kubevirtInterfaces", fixed({P::String}, unchanged)},
      {"excludeInterfaces", fixed({P::String}, unchanged)},
      {"annotation", fixed({Param(P::Named, "v1.ObjectMeta"), P::String, P::Any}, annotation)},
      {"valueOrDefault", fixed({P::Any, P::Any}, value_or_default)},
      {"toJSON", fixed({P::StringMap}, json_encode)},
      {"fromJSON", fixed({P::String}, json_decode)},
      {"structToJSON", fixed({P::Any}, struct_to_json)},
      {"protoToJSON", fixed({Param(P::Any)}, proto_to_json)},
      {"toYaml", fixed({P::Any}, yaml_encode)},
      {"indent", fixed({P::Int, P::String}, indent)},
      {"directory", fixed({P::String}, directory)},
      {"contains", fixed({P::String, P::String}, flipped_contains)},
      {"toLower", fixed({P::String}, to_lower)},
      {"appendMultusNetwork",
       fixed({P::String, P::String}, [release](Args a) { return append_multus_network(release, a); })},
      {"env", fixed({P::String, P::String}, [lookup = std::move(lookup)](Args a) { return env_or_default(lookup, a); })},
      {"omit", variadic({P::StringMap}, P::String, omit)},
      {"strdict", variadic({}, P::String, strdict)},
      {"mergeMaps", variadic({}, P::StringMap, merge_maps)},
      {"toJsonMap", variadic({}, P::StringMap, to_json_map)},
      {"omitNil", fixed({P::Any}, omit_nil)},
      {"otelResourceAttributes", fixed({P::Any, P::StringMap, P::StringMap, P::String, P::List}, otel_resource_attributes)},
  };
}

}  // namespace

FuncMap istio_funcs(EnvLookup env, const IstioRelease& release) {
  FuncMap f;
  add_funcs(f, istio_table(std::move(env), release));
  return f;
}

FuncMap injection_funcs(EnvLookup env, const IstioRelease& release) {
  FuncMap f = sprig_funcs();
  f.merge(istio_funcs(std::move(env), release));
  return f;
}

}  // namespace kinject::tmpl
