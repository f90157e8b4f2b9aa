// A faithful C++ implementation of Go's text/template language.
//
// kinject runs Istio's sidecar-injector templates offline, so the engine has
// to reproduce what Go's text/template (plus reflect and fmt) does with the
// same input: the same output bytes, the same truthiness, the same error
// messages. The data model (Value) mirrors what reflect sees: untyped
// values decoded from JSON/YAML (map[string]interface{}, []interface{},
// float64, ...) and named Go structs with methods (Kubernetes and proto
// types) described by a TypeInfo.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kinject::tmpl {

class Value;

// Thrown for parse and execution errors. The message has Go's shape, e.g.
//   template: sidecar:12: unexpected EOF
//   template: sidecar:3:7: executing "sidecar" at <.Values.x>: ...
class TemplateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Thrown by a function or method implementation to report the error half of
// a Go (value, error) return; the engine wraps it as "error calling NAME: msg".
class FuncError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class Kind : std::uint8_t {
  Invalid,  // missing map key / zero reflect.Value: prints "<no value>"
  Nil,      // interface{}(nil), or a typed nil pointer when type() is set
  Bool,
  Int,
  Uint,
  Float,
  String,
  List,
  Map,
  Struct,
};

// Element type of a List or Map, which Go's reflect would know statically.
// It matters for `index` on a missing map key (nil vs "") and for type
// checks of function arguments (map[string]string vs map[string]interface{}).
enum class Elem : std::uint8_t { Any, String };

using Method = std::function<Value(const Value& self, std::span<const Value> args)>;

struct StructField {
  std::string name;       // Go field name, used by .Field in templates
  std::string json_name;  // encoding/json key; empty = Go name; "-" = never marshalled
  bool omitempty = false;
  bool embedded = false;  // anonymous field: its fields are promoted (and inlined in JSON)
};

// Describes a named Go type. Shared by all values of that type.
struct TypeInfo {
  std::string name;      // e.g. "v1.Container", "int32", "v1alpha1.ProxyConfig_InboundInterceptionMode"
  bool pointer = false;  // values are reached through *T (changes the type's printed name)
  std::vector<StructField> fields;                    // for Struct values, in declaration order
  std::map<std::string, Method, std::less<>> methods;  // looked up before fields, as Go does
  std::function<std::string(const Value&)> stringer;   // fmt.Stringer (e.g. proto enums)
  std::function<std::string(const Value&)> proto_json; // used by Istio's protoToJSON

  // The name reflect would print: "*v1.Pod" for pointer types.
  std::string go_name() const { return pointer ? "*" + name : name; }
  // Index of a struct field by Go name, or -1.
  int field_index(std::string_view go_field) const;
};

using TypePtr = std::shared_ptr<const TypeInfo>;

// An immutable dynamic value; copying is cheap (containers are shared).
class Value {
 public:
  using List = std::vector<Value>;
  using Map = std::map<std::string, Value, std::less<>>;

  Value() = default;  // Invalid

  static Value invalid() { return Value(); }
  static Value nil();
  static Value typed_nil(TypePtr type);
  static Value boolean(bool b);
  static Value integer(std::int64_t i, TypePtr type = nullptr);
  static Value uinteger(std::uint64_t u, TypePtr type = nullptr);
  static Value floating(double f);
  static Value string(std::string s, TypePtr type = nullptr);
  static Value list(List items, Elem elem = Elem::Any, TypePtr type = nullptr);
  static Value map(Map entries, Elem elem = Elem::Any, TypePtr type = nullptr);
  // `fields` are in the order of type->fields.
  static Value structure(TypePtr type, std::vector<Value> fields);

  Kind kind() const { return kind_; }
  const TypePtr& type() const { return type_; }
  Elem elem() const { return elem_; }

  bool is_invalid() const { return kind_ == Kind::Invalid; }
  bool is_nil() const { return kind_ == Kind::Nil; }
  bool is_typed_nil() const { return kind_ == Kind::Nil && type_ != nullptr; }
  // Invalid or untyped nil: what Go passes as a nil interface{}.
  bool is_nullish() const { return kind_ == Kind::Invalid || (kind_ == Kind::Nil && !type_); }

  // Accessors; calling one for the wrong kind throws std::logic_error.
  bool as_bool() const;
  std::int64_t as_int() const;
  std::uint64_t as_uint() const;
  double as_float() const;
  const std::string& as_string() const;
  const List& as_list() const;
  const Map& as_map() const;
  const std::vector<Value>& struct_fields() const;

  // Map lookup; nullptr if absent (or not a map).
  const Value* find(std::string_view key) const;
  // Struct field by Go name; nullptr if absent (or not a struct).
  const Value* field(std::string_view go_name) const;
  // Number of elements of a string, list or map (0 otherwise).
  std::size_t size() const;

  // Go truthiness as used by if/with/and/or/not.
  bool truthy() const;

  // The Go type name as reflect/fmt's %T print it: "string", "float64",
  // "map[string]interface {}", "[]interface {}", "*v1.Pod", "<nil>", ...
  std::string go_type_name() const;

  // fmt.Sprint(v) / %v.
  std::string to_print_string() const;
  void append_print(std::string& out) const;

  // Deep equality like reflect.DeepEqual (used by Sprig's has/uniq/without).
  bool deep_equals(const Value& other) const;

  // In-place mutation of a shared map, visible through every copy. Only
  // Sprig's set/unset/merge use it: Go maps are reference types and those
  // functions mutate their argument. Throws if this is not a map.
  Value::Map& mutable_map_shared() const;

 private:
  // What every factory sets; the scalar, if any, is theirs to set.
  Value(Kind kind, TypePtr type, std::shared_ptr<void> ptr = nullptr, Elem elem = Elem::Any)
      : kind_(kind), elem_(elem), ptr_(std::move(ptr)), type_(std::move(type)) {}

  Kind kind_ = Kind::Invalid;
  Elem elem_ = Elem::Any;
  union {
    bool b_;
    std::int64_t i_ = 0;
    std::uint64_t u_;
    double f_;
  };
  std::shared_ptr<void> ptr_;  // std::string, List, Map or struct fields
  TypePtr type_;
};

// ---- Limits ---------------------------------------------------------------

// Go's text/template has no limits. kinject runs whatever template files it
// is given, so a template that would run forever ({{range}} over 1e12) or
// fill memory ({{repeat}}, a doubling loop) stops with a TemplateError
// instead. Real injection templates stay far below them.
// One string made by a function, a value printed, and one execution's output.
inline constexpr std::size_t kMaxStringBytes = 64u << 20;
// One list or map made by a function.
inline constexpr std::size_t kMaxItems = 1u << 20;
// The work of one execution: every node walked and every call costs one
// step, and a call's result costs its size too (one step per item, per 64
// bytes), which also bounds loops that grow a value a little at a time.
inline constexpr std::uint64_t kMaxSteps = 20'000'000;
// Nesting of a value made by a function (deeper values would overflow the
// stack when printed or freed; set and merge can even make a map contain
// itself). fromJson stops there too (Go's encoding/json allows 10000).
inline constexpr int kMaxDepth = 1000;

// ---- Functions ------------------------------------------------------------

// How an argument is checked/converted before a call, mirroring the Go
// parameter type of the real function.
enum class ParamKind : std::uint8_t {
  Any,        // interface{}: missing values become nil
  Reflect,    // reflect.Value: passed unchanged, missing stays Invalid
  String,     // string
  Int,        // int
  Float,      // float64
  Bool,       // bool
  List,       // a slice (any element type)
  Map,        // map[string]interface{}
  StringMap,  // map[string]string
  Named,      // a named Go type (struct etc.), checked by TypeInfo name
};

struct Param {
  ParamKind kind = ParamKind::Any;
  std::string type_name;  // for Named: TypeInfo::name to accept (maps are accepted too)
  Param(ParamKind k = ParamKind::Any) : kind(k) {}  // NOLINT: implicit by design
  Param(ParamKind k, std::string name) : kind(k), type_name(std::move(name)) {}
  // Go spelling of the parameter type, for error messages.
  std::string go_name() const;
};

using FuncImpl = std::function<Value(std::span<const Value> args)>;

struct Function {
  std::vector<Param> params;
  std::optional<Param> variadic;  // element type of a trailing ...T
  FuncImpl impl;                  // may throw FuncError
};

// Named functions available to a template (Go's template.FuncMap).
class FuncMap {
 public:
  // Adds or replaces.
  void set(std::string name, Function fn);
  void set(std::string name, std::vector<Param> params, FuncImpl impl);
  void set_variadic(std::string name, std::vector<Param> params, Param variadic, FuncImpl impl);
  // Copies every function of `other` into this map; on a name clash
  // `other` wins (Go's chained .Funcs(a).Funcs(b) behaves that way).
  void merge(const FuncMap& other);
  const Function* find(std::string_view name) const;
  bool contains(std::string_view name) const { return find(name) != nullptr; }
  std::size_t size() const { return funcs_.size(); }

 private:
  std::map<std::string, Function, std::less<>> funcs_;
};

// ---- Templates ------------------------------------------------------------

struct TemplateSet;  // parsed trees + functions, defined in the .cpp

// A set of parsed templates sharing one FuncMap. Copies share the parsed
// trees; add() on a copy does not affect the original.
class Template {
 public:
  // Parses `text` as template `name`; {{define}}/{{block}} add more names.
  static Template parse(std::string_view name, std::string_view text, FuncMap funcs);

  // Parses more templates into the set. A new non-empty definition of an
  // existing name replaces it (as Go's Template.Parse does).
  void add(std::string_view name, std::string_view text);

  bool has(std::string_view name) const;
  std::vector<std::string> names() const;

  // Executes template `name` with `data` as dot.
  std::string execute(std::string_view name, const Value& data) const;
  void execute_to(std::string& out, std::string_view name, const Value& data) const;

  Template(const Template&) = default;
  Template(Template&&) noexcept = default;
  Template& operator=(const Template&) = default;
  Template& operator=(Template&&) noexcept = default;
  ~Template();

 private:
  explicit Template(std::shared_ptr<TemplateSet> set);
  std::shared_ptr<TemplateSet> set_;
};

// ---- Go fmt / strconv helpers (shared with template_funcs) ----------------

// fmt.Sprint(args...): spaces between operands when neither is a string.
std::string go_sprint(std::span<const Value> args);
// fmt.Sprintln(args...).
std::string go_sprintln(std::span<const Value> args);
// fmt.Sprintf(format, args...), including %!verb(type=value) diagnostics.
std::string go_sprintf(std::string_view format, std::span<const Value> args);
// strconv.Quote.
std::string go_quote(std::string_view s);
// strconv.FormatFloat(f, 'g', -1, 64), which is also fmt's %v for float64.
std::string go_format_float(double f);

}  // namespace kinject::tmpl
