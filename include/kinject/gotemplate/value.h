// The values a template sees: a mirror of what Go's reflect sees. Untyped
// values decoded from JSON/YAML (map[string]interface{}, []interface{},
// float64, ...) and named Go structs with methods (Kubernetes and proto
// types) described by a TypeInfo.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kinject::tmpl {

class Value;

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
  // A nil slice or nil map: Go's typed nil of a slice or map type, which
  // some of Sprig's and Istio's functions return (rest of an empty list,
  // concat of no items, regexFindAll with no match, mergeMaps of no maps:
  // docs/templates.md lists them). It is a List or Map of no elements, as
  // Go's len, range, index, empty and printing (%v: [] and map[]) see it;
  // it differs from an empty one where Go's do: encoding/json and toYaml
  // (null), %#v (T(nil)), deepEqual (never equal to an empty one), and
  // assignment (a FuncError, Go's panic).
  static Value nil_list(Elem elem = Elem::Any, TypePtr type = nullptr);
  static Value nil_map(Elem elem = Elem::Any, TypePtr type = nullptr);
  // `fields` are in the order of type->fields.
  static Value structure(TypePtr type, std::vector<Value> fields);

  Kind kind() const { return kind_; }
  const TypePtr& type() const { return type_; }
  Elem elem() const { return elem_; }

  bool is_invalid() const { return kind_ == Kind::Invalid; }
  bool is_nil() const { return kind_ == Kind::Nil; }
  bool is_typed_nil() const { return kind_ == Kind::Nil && type_ != nullptr; }
  // A nil slice or nil map (nil_list, nil_map): kind() is List or Map.
  bool is_nil_collection() const { return nil_collection_; }
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
  // Go's == of two pointers: the same object, not equal contents. A Value
  // made once (Value::structure) and copied stays that object; two made
  // apart are two, as two calls of semver are two *semver.Version in Go.
  bool same_object(const Value& other) const { return ptr_ == other.ptr_; }
  // The object a string, collection or struct shares with its copies (null
  // for the other kinds): what same_object compares.
  const void* object() const { return ptr_.get(); }

  // In-place mutation of a shared map, visible through every copy. Only
  // Sprig's set/unset/merge use it: Go maps are reference types and those
  // functions mutate their argument. A function that calls it says so
  // (Function::changes_maps). Throws if this is not a map, and
  // FuncError for a nil map (Go panics: assignment to entry in nil map).
  Value::Map& mutable_map_shared() const;

 private:
  // What every factory sets; the scalar, if any, is theirs to set.
  Value(Kind kind, TypePtr type, std::shared_ptr<void> ptr = nullptr, Elem elem = Elem::Any)
      : kind_(kind), elem_(elem), ptr_(std::move(ptr)), type_(std::move(type)) {}

  Kind kind_ = Kind::Invalid;
  Elem elem_ = Elem::Any;
  bool nil_collection_ = false;  // only nil_list and nil_map set it, on an empty List or Map
  union {
    bool b_;
    std::int64_t i_ = 0;
    std::uint64_t u_;
    double f_;
  };
  std::shared_ptr<void> ptr_;  // std::string, List, Map or struct fields
  TypePtr type_;
};

}  // namespace kinject::tmpl
