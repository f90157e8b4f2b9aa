// The functions a template may call (Go's template.FuncMap), with the Go
// parameter types their arguments are checked against.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kinject/gotemplate/value.h"

namespace kinject::tmpl {

// How an argument is checked/converted before a call, mirroring the Go
// parameter type of the real function.
enum class ParamKind : std::uint8_t {
  Any,        // interface{}: missing values become nil
  Reflect,    // reflect.Value: passed unchanged, missing stays Invalid
  String,     // string
  Int,        // int
  Uint32,     // uint32: a non-negative constant only (no template value has Go type uint32)
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
  // Changes a map it is given, in place (Value::mutable_map_shared: Sprig's
  // set, unset, merge), as Go's maps are references. The executor forgets
  // what it found of the values it checked (their depth) after such a call.
  bool changes_maps = false;
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
  // Every name, in order.
  std::vector<std::string> names() const;

  // A name the parser refuses, with why and what to do instead: a function
  // whose result would differ between two runs (the clock, randomness, the
  // network, the environment). Refusing it at parse time, by name, says so
  // before anything is rendered; a later set() of the name replaces the
  // refusal (as Istio's own `env` replaces Sprig's), refuse() a function.
  void refuse(std::string name, std::string reason);
  // The reason `name` is refused, or nullptr.
  const std::string* refusal(std::string_view name) const;
  std::size_t refused_count() const { return refused_.size(); }

 private:
  std::map<std::string, Function, std::less<>> funcs_;
  std::map<std::string, std::string, std::less<>> refused_;
};

}  // namespace kinject::tmpl
