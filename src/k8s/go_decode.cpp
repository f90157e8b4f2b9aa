#include "kinject/k8s/go_decode.h"

#include <cctype>
#include <cmath>
#include <cstdint>
#include <limits>

#include <fmt/format.h>

#include "kinject/base/text.h"

namespace kinject::k8s {

// ------------------------------------------------------------ times

std::string rfc3339_error(std::string_view s) {
  // time.Parse(time.RFC3339, s): its fast path, else the general parser
  // with the layout "2006-01-02T15:04:05Z07:00", which is a little more
  // lenient (a one-digit hour, a comma before fractional seconds, an offset
  // of 24 hours). What both refuse is refused.
  const std::string bad = fmt::format("parsing time \"{}\" as \"2006-01-02T15:04:05Z07:00\": not an RFC 3339 time", s);
  std::size_t i = 0;
  auto is_digit = [&](std::size_t k) { return k < s.size() && s[k] >= '0' && s[k] <= '9'; };
  auto num = [&](std::size_t k, std::size_t n) {
    int v = 0;
    for (std::size_t j = k; j < k + n; ++j) v = v * 10 + (s[j] - '0');
    return v;
  };
  auto lit = [&](char c) {
    if (i < s.size() && s[i] == c) {
      ++i;
      return true;
    }
    return false;
  };
  if (!(is_digit(0) && is_digit(1) && is_digit(2) && is_digit(3))) return bad;
  int year = num(0, 4);
  i = 4;
  if (!lit('-') || !is_digit(i) || !is_digit(i + 1)) return bad;
  int month = num(i, 2);
  i += 2;
  if (!lit('-') || !is_digit(i) || !is_digit(i + 1)) return bad;
  int day = num(i, 2);
  i += 2;
  if (!lit('T') || !is_digit(i)) return bad;
  int hour = num(i, is_digit(i + 1) ? 2 : 1);
  i += is_digit(i + 1) ? 2 : 1;
  if (!lit(':') || !is_digit(i) || !is_digit(i + 1)) return bad;
  int minute = num(i, 2);
  i += 2;
  if (!lit(':') || !is_digit(i) || !is_digit(i + 1)) return bad;
  int second = num(i, 2);
  i += 2;
  if (i + 1 < s.size() && (s[i] == '.' || s[i] == ',') && is_digit(i + 1)) {
    ++i;
    while (is_digit(i)) ++i;
  }
  if (lit('Z')) {
  } else {
    if (s.size() - i < 6 || s[i + 3] != ':') return bad;
    if (s[i] != '+' && s[i] != '-') return bad;
    if (!is_digit(i + 1) || !is_digit(i + 2) || !is_digit(i + 4) || !is_digit(i + 5)) return bad;
    if (num(i + 1, 2) > 24 || num(i + 4, 2) > 60) return fmt::format("parsing time \"{}\": time zone offset out of range", s);
    i += 6;
  }
  if (i != s.size()) return fmt::format("parsing time \"{}\": extra text", s);
  if (month < 1 || month > 12) return fmt::format("parsing time \"{}\": month out of range", s);
  if (hour > 23) return fmt::format("parsing time \"{}\": hour out of range", s);
  if (minute > 59) return fmt::format("parsing time \"{}\": minute out of range", s);
  if (second > 59) return fmt::format("parsing time \"{}\": second out of range", s);
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  int days = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  if (day < 1 || day > days) return fmt::format("parsing time \"{}\": day out of range", s);
  return "";
}

// ------------------------------------------------------------ the decoder

namespace {

const char* want_of(T t) {
  switch (t) {
    case T::String: return "a string";
    case T::Bool: return "a boolean (true or false)";
    case T::Int32:
    case T::Int64: return "an integer";
    case T::Float: return "a number";
    case T::Quantity: return "a quantity (a number, or a string such as 100m or 1Gi)";
    case T::IntOrString: return "an integer or a string";
    case T::Time: return "a time (an RFC 3339 string such as 2024-01-02T15:04:05Z)";
    case T::StringMap:
    case T::QuantityMap:
    case T::Struct: return "a mapping";
    case T::StringList:
    case T::Int32List:
    case T::Int64List:
    case T::StructList: return "a list";
    case T::Raw: return "anything";
  }
  return "";
}

// The element kind of a list or map field.
T elem_of(T t) {
  switch (t) {
    case T::StringMap:
    case T::StringList: return T::String;
    case T::QuantityMap: return T::Quantity;
    case T::Int32List: return T::Int32;
    case T::Int64List: return T::Int64;
    case T::StructList: return T::Struct;
    default: return t;
  }
}

std::string found_of(const Node& n) {
  switch (n.kind) {
    case Kind::String: {
      if (n.text.size() <= 60) return json_quote(n.text, false);
      return fmt::format("{}...", json_quote(std::string_view(n.text).substr(0, 57), false));
    }
    case Kind::Int:
    case Kind::Float: return fmt::format("the number {}", n.text.empty() ? format_float(n.f) : n.text);
    case Kind::Bool: return fmt::format("the boolean {}", n.text.empty() ? (n.b ? "true" : "false") : n.text);
    case Kind::Map:
    case Kind::Seq: return kind_phrase(n);
    case Kind::Null: return "null";
  }
  return "";
}

bool plain_key(std::string_view k) {
  if (k.empty()) return false;
  for (char c : k)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return false;
  return true;
}

std::string child_path(const std::string& path, std::string_view key) {
  if (!plain_key(key)) return fmt::format("{}[{}]", path, json_quote(key, false));
  return path.empty() ? std::string(key) : fmt::format("{}.{}", path, key);
}

bool in_range(const Node& v, T t) {
  const double lo = t == T::Int64 ? -9223372036854775808.0 : -2147483648.0;
  const double hi = t == T::Int64 ? 9223372036854775807.0 : 2147483647.0;
  if (v.kind == Kind::Int) return t == T::Int64 || (v.i >= -2147483648LL && v.i <= 2147483647LL);
  // A float that is a whole number in range: Go's json.Marshal writes it
  // without a fraction (1.0 as 1, 1e3 as 1000), and ParseInt takes it.
  return v.kind == Kind::Float && std::isfinite(v.f) && v.f == std::floor(v.f) && v.f >= lo && v.f < hi + 1;
}

// The Go type a value must decode into, named only when a problem is
// reported: naming it builds a string, and most values decode.
struct GoType {
  const Field* field = nullptr;  // the field whose type (or element type) it is
  bool elem = false;
  const char* fixed = nullptr;   // a type named outright ("int32" for IntOrString)
  std::string name() const {
    if (fixed) return fixed;
    return elem ? go_elem_name(*field) : go_type_name(*field);
  }
};

class Decoder {
 public:
  std::optional<DecodeProblem> problem;

  explicit Decoder(std::string_view prefix) : prefix_(prefix) {}

  // `n` as Go struct `t`.
  void object(const Node& n, const Type& t) {
    for (const auto& e : n.entries) {
      if (problem) return;
      if (!key_ok(e.key)) return;
      std::string_view key = e.key.text;  // a scalar key's text (key_ok refused the others)
      const Field* f = e.key.kind == Kind::String ? field_of(t, key) : nullptr;
      segments_.push_back(Segment{key, 0});
      if (f) value(e.value, *f, t.go_name);
      else raw(e.value);  // unknown: ignored by the decode, but it must be JSON
      segments_.pop_back();
    }
  }

 private:
  // Where the decoder is, from the decoded value: a key, or a list index
  // (key.data() == nullptr). The path's text is built only for a problem.
  struct Segment {
    std::string_view key;
    std::size_t index;
  };
  std::string_view prefix_;
  std::vector<Segment> segments_;

  std::string path() const {
    std::string p(prefix_);
    for (const auto& s : segments_) p = s.key.data() ? child_path(p, s.key) : fmt::format("{}[{}]", p, s.index);
    return p;
  }

  // sigs.k8s.io/json matches field names exactly; embedded structs without
  // a JSON name lend theirs (Go's errors still name the outer struct).
  static const Field* field_of(const Type& t, std::string_view json) {
    for (const auto& f : t.fields) {
      if (f.inline_) {
        if (const Field* g = field_of(*f.sub, json)) return g;
      } else if (json == f.json) {
        return &f;
      }
    }
    return nullptr;
  }

  void fail(const Node& n, std::string go_struct, const GoType& go_type, T want, std::string why = "") {
    DecodeProblem p;
    p.node = &n;
    p.path = path();
    p.go_struct = std::move(go_struct);
    p.go_type = go_type.name();
    p.want = want_of(want);
    p.found = found_of(n);
    p.why = std::move(why);
    p.hint = hint(n, want);
    problem = std::move(p);
  }

  static std::string hint(const Node& n, T want) {
    if (n.kind == Kind::String && (n.text.find("${") != std::string::npos || n.text.find("{{") != std::string::npos))
      return "it reads as a template's placeholder: render it first (envsubst, helm template, ...) and give kinject the result";
    if (n.kind == Kind::String && (want == T::Int32 || want == T::Int64 || want == T::IntOrString || want == T::Float)) {
      Kind k = Node::plain_kind(n.text);
      if (k == Kind::Int || k == Kind::Float) return "write the number without quotes";
    }
    if (n.kind == Kind::String && want == T::Bool && Node::plain_kind(n.text) == Kind::Bool)
      return "write true or false without quotes";
    if ((n.kind == Kind::Int || n.kind == Kind::Float || n.kind == Kind::Bool) && want == T::String)
      return fmt::format("quote it (\"{}\") to make it a string", n.text);
    if (want == T::Struct || want == T::StringMap || want == T::QuantityMap) return "write it as a mapping (key: value)";
    if (want == T::StringList || want == T::Int32List || want == T::Int64List || want == T::StructList)
      return "write it as a list (- item)";
    if ((want == T::Int32 || want == T::Int64) && (n.kind == Kind::Int || n.kind == Kind::Float))
      return want == T::Int32 ? "give a whole number from -2147483648 to 2147483647"
                              : "give a whole number that fits in 64 bits";
    if (want == T::Quantity) return "write a quantity such as 500m, 2, 128Mi or 1Gi";
    if (want == T::Time) return "write an RFC 3339 time such as 2024-01-02T15:04:05Z, or null";
    return "give it a value of that type";
  }

  // A map key JSON can hold: go-yaml gives null or collection keys no string.
  bool key_ok(const Node& key) {
    if (key.is_null() || key.is_map() || key.is_seq()) {
      DecodeProblem p;
      p.node = &key;
      p.path = path();
      p.want = "a key";
      p.found = key.is_null() ? "a null key" : key.is_map() ? "a mapping as a key" : "a list as a key";
      p.why = "kubectl cannot turn a mapping with such a key into JSON";
      p.hint = "give the key a name";
      problem = std::move(p);
      return false;
    }
    return true;
  }

  // NaN and infinity have no JSON form: sigs.k8s.io/yaml's YAMLToJSON
  // fails on the whole document.
  bool finite(const Node& n) {
    if (n.kind != Kind::Float || std::isfinite(n.f)) return true;
    DecodeProblem p;
    p.node = &n;
    p.path = path();
    p.want = "a value JSON can hold";
    p.found = found_of(n);
    p.why = fmt::format("YAML's {} is not a number JSON can hold: kubectl cannot convert the document to JSON", n.text);
    p.hint = "quote it if it is meant as a string";
    problem = std::move(p);
    return false;
  }

  // Anything decodes, but it must be JSON.
  void raw(const Node& n) {
    if (!finite(n)) return;
    if (n.is_map()) {
      for (const auto& e : n.entries) {
        if (problem || !key_ok(e.key)) return;
        segments_.push_back(Segment{e.key.text, 0});
        raw(e.value);
        segments_.pop_back();
      }
    } else if (n.is_seq()) {
      for (std::size_t i = 0; i < n.items.size() && !problem; ++i) {
        segments_.push_back(Segment{{}, i});
        raw(n.items[i]);
        segments_.pop_back();
      }
    }
  }

  // One value of kind `t` (a field's, or a list's or map's element).
  void scalar(const Node& v, T t, const char* owner, const GoType& go_type) {
    if (v.is_null() || !finite(v)) return;
    switch (t) {
      case T::String:
        if (v.kind != Kind::String) fail(v, owner, go_type, t);
        break;
      case T::Bool:
        if (v.kind != Kind::Bool) fail(v, owner, go_type, t);
        break;
      case T::Int32:
      case T::Int64:
        if (!in_range(v, t)) fail(v, owner, go_type, t);
        break;
      case T::Float:
        if (v.kind != Kind::Int && v.kind != Kind::Float) fail(v, owner, go_type, t);
        break;
      case T::IntOrString:
        // Its UnmarshalJSON: a JSON string, else json.Unmarshal into int32.
        if (v.kind != Kind::String && !in_range(v, T::Int32)) fail(v, owner, GoType{nullptr, false, "int32"}, t);
        break;
      case T::Quantity: {
        // Its UnmarshalJSON parses the JSON text (a number's, or a string's
        // between the quotes) after strings.TrimSpace.
        if (v.kind == Kind::Int || v.kind == Kind::Float) break;
        // true, false, an object or an array: their JSON text is no quantity.
        std::string err = v.kind == Kind::String ? quantity_error(trim_space(v.text)) : quantity_error("{");
        if (!err.empty()) fail(v, owner, go_type, t, err);
        break;
      }
      case T::Time:
        if (v.kind != Kind::String) fail(v, owner, GoType{nullptr, false, "string"}, t);
        else if (std::string err = rfc3339_error(v.text); !err.empty()) fail(v, owner, go_type, t, err);
        break;
      default:
        break;
    }
  }

  // strings.TrimSpace of the bytes between a JSON string's quotes: json.Marshal
  // escapes control characters, so only spaces and non-ASCII white space go.
  static std::string_view trim_space(std::string_view s) {
    static constexpr std::string_view kSpaces[] = {" ",      "\u0085", "\u00a0", "\u1680", "\u2000", "\u2001",
                                                   "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2007",
                                                   "\u2008", "\u2009", "\u200a", "\u202f", "\u205f", "\u3000"};
    for (bool again = true; again;) {
      again = false;
      for (std::string_view u : kSpaces) {
        if (s.substr(0, u.size()) == u) s.remove_prefix(u.size()), again = true;
        if (s.size() >= u.size() && s.substr(s.size() - u.size()) == u) s.remove_suffix(u.size()), again = true;
      }
    }
    return s;
  }

  void value(const Node& v, const Field& f, const char* owner) {
    if (v.is_null()) return;
    const GoType type{&f, false, nullptr}, elem{&f, true, nullptr};
    switch (f.type) {
      case T::Struct:
        if (!v.is_map()) return fail(v, owner, type, T::Struct);
        return object(v, *f.sub);
      case T::StringMap:
      case T::QuantityMap:
        if (!v.is_map()) return fail(v, owner, type, f.type);
        for (const auto& e : v.entries) {
          if (problem || !key_ok(e.key)) return;
          segments_.push_back(Segment{e.key.text, 0});
          scalar(e.value, elem_of(f.type), owner, elem);
          segments_.pop_back();
        }
        return;
      case T::StringList:
      case T::Int32List:
      case T::Int64List:
      case T::StructList:
        if (!v.is_seq()) return fail(v, owner, type, f.type);
        for (std::size_t i = 0; i < v.items.size() && !problem; ++i) {
          const Node& item = v.items[i];
          segments_.push_back(Segment{{}, i});
          if (f.type != T::StructList) scalar(item, elem_of(f.type), owner, elem);
          else if (item.is_map()) object(item, *f.sub);
          else if (!item.is_null()) fail(item, owner, elem, T::Struct);
          segments_.pop_back();
        }
        return;
      case T::Raw: return raw(v);
      default: return scalar(v, f.type, owner, type);
    }
  }
};

}  // namespace

std::string DecodeProblem::message() const {
  std::string where = path.empty() ? "the object" : path;
  if (!why.empty() && !go_type.empty())
    return fmt::format("{}: {}: {} (Go type {}{}: kubectl and the API server cannot decode it); {}", where, found, why, go_type,
                       go_struct.empty() ? "" : " in " + go_struct, hint);
  if (!why.empty()) return fmt::format("{}: {}: {}; {}", where, found, why, hint);
  if (go_type.empty())
    return fmt::format("{}: expected {}, found {} (kinject finds the pod template through it); {}", where, want, found, hint);
  return fmt::format("{}: expected {}, found {} (Go type {}{}: kubectl and the API server cannot decode it); {}", where, want,
                     found, go_type, go_struct.empty() ? "" : " in " + go_struct, hint);
}

std::optional<DecodeProblem> decode_problem(const Node& n, const Type& t, const std::string& path) {
  Decoder d(path);
  if (n.is_null()) return std::nullopt;
  if (!n.is_map()) {
    DecodeProblem problem;
    problem.node = &n;
    problem.path = path;
    problem.go_type = t.go_name;
    problem.want = "a mapping";
    problem.found = found_of(n);
    problem.hint = "write it as a mapping (key: value)";
    return problem;
  }
  d.object(n, t);
  return d.problem;
}

namespace {

// What kinject knows of a custom resource: TypeMeta and ObjectMeta; of one
// that is its own pod template, its spec too.
const Type& custom_object_type(bool with_spec) {
  static const Type object{"", {{"Kind", "kind", T::String, nullptr, true, false, false, "string"},
                                {"APIVersion", "apiVersion", T::String, nullptr, true, false, false, "string"},
                                {"ObjectMeta", "metadata", T::Struct, &object_meta_type(), true, false, false, "v1.ObjectMeta"}}};
  static const Type pod{"", [] {
                          std::vector<Field> f = object.fields;
                          f.push_back({"Spec", "spec", T::Struct, &pod_spec_type(), true, false, false, "v1.PodSpec"});
                          return f;
                        }()};
  return with_spec ? pod : object;
}

}  // namespace

std::optional<DecodeProblem> decode_workload(const Node& object, std::string_view api_version, std::string_view kind,
                                             const std::vector<std::string>& template_path) {
  if (const Type* t = workload_type(api_version, kind)) return decode_problem(object, *t);
  if (auto p = decode_problem(object, custom_object_type(template_path.empty()))) return p;
  if (template_path.empty() || !object.is_map()) return std::nullopt;
  const Node* n = &object;
  std::string path;
  for (std::size_t i = 0; i < template_path.size(); ++i) {
    const Node* next = n->get(template_path[i]);
    path = child_path(path, template_path[i]);
    if (!next || next->is_null()) return std::nullopt;  // no pod template: nothing more to decode
    if (i + 1 == template_path.size()) return decode_problem(*next, pod_template_spec_type(), path);
    if (!next->is_map()) {
      DecodeProblem p;
      p.node = next;
      p.path = path;
      p.want = "a mapping";
      p.found = found_of(*next);
      p.hint = "write it as a mapping (key: value)";
      return p;
    }
    n = next;
  }
  return std::nullopt;
}

}  // namespace kinject::k8s
