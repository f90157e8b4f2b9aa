#include "kinject/k8s/k8s_types.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "kinject/base/error.h"
#include "kinject/base/text.h"
#include "kinject/k8s/go_decode.h"
#include "kinject/k8s/quantity.h"
#include "kinject/yaml/writer.h"
#include "type_tables.h"

namespace kinject::k8s {

namespace {

bool zero_scalar(const Node& n, T t) {
  switch (t) {
    case T::String: return n.scalar_text().empty();
    case T::Int32:
    case T::Int64:
    case T::Float: return (n.kind == Kind::Int && n.i == 0) || (n.kind == Kind::Float && n.f == 0) || n.is_null();
    case T::Bool: return n.kind != Kind::Bool || !n.b;
    case T::StringMap:
    case T::QuantityMap:
    case T::StringList:
    case T::Int32List:
    case T::Int64List:
    case T::StructList: return !n.is_map() && !n.is_seq() ? true : n.size() == 0;
    case T::Raw: return n.is_null() || ((n.is_map() || n.is_seq()) && n.size() == 0);
    default: return false;
  }
}

std::string int_json(const Node& n) {
  if (n.kind == Kind::Int) return fmt::format("{}", n.i);
  if (n.kind == Kind::Float) return fmt::format("{}", static_cast<long long>(n.f));
  Node p = Node::plain(n.scalar_text());
  return fmt::format("{}", p.kind == Kind::Int ? p.i : 0);
}

void append_value(std::string& out, const Node& n, const Field& f);

void append_struct(std::string& out, const Node& n, const Type& t, bool& first) {
  for (const auto& f : t.fields) {
    if (f.inline_) {
      append_struct(out, n, *f.sub, first);
      continue;
    }
    const Node* v = n.is_map() ? n.get(f.json) : nullptr;
    bool present = v && !v->is_null();
    if (f.pointer) {
      if (!present) continue;
    } else if (f.type == T::Struct || f.type == T::Time) {
      // Go never omits a non-pointer struct (metav1.Time is one: null when zero).
    } else if (f.type == T::Quantity) {
      // resource.Quantity is a struct too: always present ("0" when unset).
    } else if (f.omitempty && (!present || zero_scalar(*v, f.type))) {
      continue;
    }
    out += first ? "" : ",";
    first = false;
    out += json_quote(f.json);
    out += ':';
    if (!present) {
      switch (f.type) {
        case T::String: out += "\"\""; break;
        case T::Int32:
        case T::Int64:
        case T::Float: out += "0"; break;
        case T::Bool: out += "false"; break;
        case T::Quantity: out += "\"0\""; break;
        case T::Struct: out += go_json(Node::map(), *f.sub); break;
        case T::IntOrString: out += "0"; break;
        default: out += "null"; break;
      }
      continue;
    }
    append_value(out, *v, f);
  }
}

void append_value(std::string& out, const Node& n, const Field& f) {
  switch (f.type) {
    case T::String: out += json_quote(n.scalar_text()); break;
    case T::Int32:
    case T::Int64: out += int_json(n); break;
    case T::Float: out += emit_json(n, 0); break;
    case T::Bool: out += n.kind == Kind::Bool && n.b ? "true" : "false"; break;
    case T::Quantity: out += json_quote(canonical_quantity(n.scalar_text())); break;
    case T::IntOrString:
      if (n.kind == Kind::Int) out += fmt::format("{}", n.i);
      else out += json_quote(n.scalar_text());
      break;
    case T::StringMap:
    case T::QuantityMap: {
      std::vector<std::pair<std::string, std::string>> kv;
      if (n.is_map())
        for (const auto& e : n.entries)
          kv.emplace_back(e.key.scalar_text(),
                          f.type == T::QuantityMap ? canonical_quantity(e.value.scalar_text()) : e.value.scalar_text());
      std::sort(kv.begin(), kv.end());
      kv.erase(std::unique(kv.begin(), kv.end(), [](auto& a, auto& b) { return a.first == b.first; }), kv.end());
      out += '{';
      for (std::size_t i = 0; i < kv.size(); ++i) out += (i ? "," : "") + json_quote(kv[i].first) + ":" + json_quote(kv[i].second);
      out += '}';
      break;
    }
    case T::StringList:
      out += '[';
      if (n.is_seq())
        for (std::size_t i = 0; i < n.items.size(); ++i) out += (i ? "," : "") + json_quote(n.items[i].scalar_text());
      out += ']';
      break;
    case T::Int32List:
    case T::Int64List:
      out += '[';
      if (n.is_seq())
        for (std::size_t i = 0; i < n.items.size(); ++i) out += (i ? "," : "") + int_json(n.items[i]);
      out += ']';
      break;
    case T::Time: out += json_quote(n.scalar_text()); break;
    case T::Struct: out += go_json(n, *f.sub); break;
    case T::StructList:
      out += '[';
      if (n.is_seq())
        for (std::size_t i = 0; i < n.items.size(); ++i) out += (i ? "," : "") + go_json(n.items[i], *f.sub);
      out += ']';
      break;
    case T::Raw: out += emit_json(n, 0); break;
  }
}

}  // namespace

namespace {

// Decoding has been checked (go_decode.h): what remains is what the decode
// and Go's marshalling do to the value.
void normalize_at(Node& n, const Type& t) {
  if (!n.is_map()) return;
  for (const auto& f : t.fields) {
    if (f.inline_) {
      normalize_at(n, *f.sub);
      continue;
    }
    Node* v = n.get(f.json);
    if (!v) {
      if (f.type == T::Quantity) n.set(f.json, Node::string("0"));
      continue;
    }
    if (v->is_null()) {
      n.erase(f.json);
      continue;
    }
    switch (f.type) {
      case T::Struct:
        normalize_at(*v, *f.sub);
        break;
      case T::StructList:
        for (auto& item : v->items) normalize_at(item, *f.sub);
        if (f.omitempty && zero_scalar(*v, f.type)) n.erase(f.json);
        break;
      case T::Time:
      case T::IntOrString:
        break;  // structs to Go: never empty
      default:
        if (f.omitempty && !f.pointer && zero_scalar(*v, f.type)) n.erase(f.json);
    }
  }
}

}  // namespace

void go_normalize(Node& n, const Type& t) {
  if (auto problem = decode_problem(n, t)) throw Error(problem->message());
  normalize_at(n, t);
}

std::string go_json(const Node& n, const Type& t) {
  std::string out = "{";
  bool first = true;
  append_struct(out, n, t, first);
  out += '}';
  return out;
}

namespace {

const Type& named(std::string_view qualified) {
  const Type* t = tables::find(qualified);
  if (!t) throw std::logic_error(fmt::format("no Go type {} in the tables", qualified));
  return *t;
}

}  // namespace

const Type& container_type() {
  static const Type& t = named("k8s.io/api/core/v1.Container");
  return t;
}
const Type& container_port_type() {
  static const Type& t = named("k8s.io/api/core/v1.ContainerPort");
  return t;
}
const Type& probe_type() {
  static const Type& t = named("k8s.io/api/core/v1.Probe");
  return t;
}
const Type& http_get_type() {
  static const Type& t = named("k8s.io/api/core/v1.HTTPGetAction");
  return t;
}
const Type& tcp_socket_type() {
  static const Type& t = named("k8s.io/api/core/v1.TCPSocketAction");
  return t;
}
const Type& grpc_type() {
  static const Type& t = named("k8s.io/api/core/v1.GRPCAction");
  return t;
}
const Type& object_meta_type() {
  static const Type& t = named("k8s.io/apimachinery/pkg/apis/meta/v1.ObjectMeta");
  return t;
}
const Type& pod_spec_type() {
  static const Type& t = named("k8s.io/api/core/v1.PodSpec");
  return t;
}
const Type& pod_template_spec_type() {
  static const Type& t = named("k8s.io/api/core/v1.PodTemplateSpec");
  return t;
}

const Type* workload_type(std::string_view api_version, std::string_view kind) {
  for (const auto& r : tables::roots())
    if (api_version == r.api_version && kind == r.kind) return r.type;
  return nullptr;
}

std::string go_type_name(const Field& f) {
  if (f.go_type) return f.go_type;
  switch (f.type) {
    case T::String: return "string";
    case T::Int32: return "int32";
    case T::Int64: return "int64";
    case T::Bool: return "bool";
    case T::Float: return "float64";
    case T::Quantity: return "resource.Quantity";
    case T::IntOrString: return "intstr.IntOrString";
    case T::Time: return "v1.Time";
    case T::StringMap: return "map[string]string";
    case T::QuantityMap: return "v1.ResourceList";
    case T::StringList: return "[]string";
    case T::Int32List: return "[]int32";
    case T::Int64List: return "[]int64";
    case T::Struct: return f.sub ? f.sub->go_name : "struct";
    case T::StructList: return fmt::format("[]{}", f.sub ? f.sub->go_name : "struct");
    case T::Raw: return "interface {}";
  }
  return "";
}

std::string go_elem_name(const Field& f) {
  if (f.elem_type) return f.elem_type;
  switch (f.type) {
    case T::StringMap:
    case T::StringList: return "string";
    case T::QuantityMap: return "resource.Quantity";
    case T::Int32List: return "int32";
    case T::Int64List: return "int64";
    case T::StructList: return f.sub ? f.sub->go_name : "struct";
    default: return go_type_name(f);
  }
}

}  // namespace kinject::k8s
