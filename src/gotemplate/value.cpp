// The value model (what reflect sees of a Go value) and the FuncMap.
#include <stdexcept>
#include <string>
#include <utility>

#include "kinject/gotemplate/funcs.h"
#include "kinject/gotemplate/value.h"

namespace kinject::tmpl {

// ---------------------------------------------------------------------------
// TypeInfo / Value

int TypeInfo::field_index(std::string_view go_field) const {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == go_field) return static_cast<int>(i);
  }
  return -1;
}

Value Value::nil() { return Value(Kind::Nil, nullptr); }

Value Value::typed_nil(TypePtr type) { return Value(Kind::Nil, std::move(type)); }

Value Value::boolean(bool b) {
  Value v(Kind::Bool, nullptr);
  v.b_ = b;
  return v;
}

Value Value::integer(std::int64_t i, TypePtr type) {
  Value v(Kind::Int, std::move(type));
  v.i_ = i;
  return v;
}

Value Value::uinteger(std::uint64_t u, TypePtr type) {
  Value v(Kind::Uint, std::move(type));
  v.u_ = u;
  return v;
}

Value Value::floating(double f) {
  Value v(Kind::Float, nullptr);
  v.f_ = f;
  return v;
}

Value Value::string(std::string s, TypePtr type) {
  return Value(Kind::String, std::move(type), std::make_shared<std::string>(std::move(s)));
}

Value Value::list(List items, Elem elem, TypePtr type) {
  return Value(Kind::List, std::move(type), std::make_shared<List>(std::move(items)), elem);
}

Value Value::map(Map entries, Elem elem, TypePtr type) {
  return Value(Kind::Map, std::move(type), std::make_shared<Map>(std::move(entries)), elem);
}

Value Value::nil_list(Elem elem, TypePtr type) {
  Value v = list({}, elem, std::move(type));
  v.nil_collection_ = true;
  return v;
}

Value Value::nil_map(Elem elem, TypePtr type) {
  Value v = map({}, elem, std::move(type));
  v.nil_collection_ = true;
  return v;
}

Value Value::structure(TypePtr type, std::vector<Value> fields) {
  if (!type) throw std::logic_error("Value::structure needs a type");
  if (fields.size() != type->fields.size()) {
    throw std::logic_error("Value::structure: field count mismatch for " + type->name);
  }
  return Value(Kind::Struct, std::move(type), std::make_shared<std::vector<Value>>(std::move(fields)));
}

namespace {
[[noreturn]] void wrong_kind(const char* what) {
  throw std::logic_error(std::string("Value: not a ") + what);
}
}  // namespace

bool Value::as_bool() const {
  if (kind_ != Kind::Bool) wrong_kind("bool");
  return b_;
}
std::int64_t Value::as_int() const {
  if (kind_ != Kind::Int) wrong_kind("int");
  return i_;
}
std::uint64_t Value::as_uint() const {
  if (kind_ != Kind::Uint) wrong_kind("uint");
  return u_;
}
double Value::as_float() const {
  if (kind_ != Kind::Float) wrong_kind("float");
  return f_;
}
const std::string& Value::as_string() const {
  if (kind_ != Kind::String) wrong_kind("string");
  return *static_cast<const std::string*>(ptr_.get());
}
const Value::List& Value::as_list() const {
  if (kind_ != Kind::List) wrong_kind("list");
  return *static_cast<const List*>(ptr_.get());
}
const Value::Map& Value::as_map() const {
  if (kind_ != Kind::Map) wrong_kind("map");
  return *static_cast<const Map*>(ptr_.get());
}
const std::vector<Value>& Value::struct_fields() const {
  if (kind_ != Kind::Struct) wrong_kind("struct");
  return *static_cast<const std::vector<Value>*>(ptr_.get());
}
Value::Map& Value::mutable_map_shared() const {
  if (kind_ != Kind::Map) wrong_kind("map");
  if (nil_collection_) throw FuncError("assignment to entry in nil map");
  return *static_cast<Map*>(ptr_.get());
}

const Value* Value::find(std::string_view key) const {
  if (kind_ != Kind::Map) return nullptr;
  const Map& m = as_map();
  auto it = m.find(key);
  return it == m.end() ? nullptr : &it->second;
}

const Value* Value::field(std::string_view go_name) const {
  if (kind_ != Kind::Struct) return nullptr;
  int i = type_->field_index(go_name);
  return i < 0 ? nullptr : &struct_fields()[static_cast<std::size_t>(i)];
}

std::size_t Value::size() const {
  switch (kind_) {
    case Kind::String: return as_string().size();
    case Kind::List: return as_list().size();
    case Kind::Map: return as_map().size();
    default: return 0;
  }
}

bool Value::truthy() const {
  switch (kind_) {
    case Kind::Invalid:
    case Kind::Nil: return false;
    case Kind::Bool: return b_;
    case Kind::Int: return i_ != 0;
    case Kind::Uint: return u_ != 0;
    case Kind::Float: return f_ != 0;
    case Kind::String:
    case Kind::List:
    case Kind::Map: return size() > 0;
    case Kind::Struct: return true;
  }
  return false;
}

std::string Value::go_type_name() const {
  if (type_ && kind_ != Kind::Nil) return type_->go_name();
  switch (kind_) {
    case Kind::Invalid: return "<nil>";
    case Kind::Nil: return type_ ? "*" + type_->name : "<nil>";
    case Kind::Bool: return "bool";
    case Kind::Int: return "int";
    case Kind::Uint: return "uint";
    case Kind::Float: return "float64";
    case Kind::String: return "string";
    case Kind::List: return elem_ == Elem::String ? "[]string" : "[]interface {}";
    case Kind::Map: return elem_ == Elem::String ? "map[string]string" : "map[string]interface {}";
    case Kind::Struct: return "struct";
  }
  return "?";
}

bool Value::deep_equals(const Value& o) const {
  if (kind_ != o.kind_) return false;
  auto tname = [](const Value& v) { return v.type_ ? v.type_->go_name() : std::string(); };
  switch (kind_) {
    case Kind::Invalid: return true;
    case Kind::Nil: return tname(*this) == tname(o);
    case Kind::Bool: return b_ == o.b_;
    case Kind::Int: return i_ == o.i_ && tname(*this) == tname(o);
    case Kind::Uint: return u_ == o.u_ && tname(*this) == tname(o);
    case Kind::Float: return f_ == o.f_;
    case Kind::String: return as_string() == o.as_string() && tname(*this) == tname(o);
    case Kind::List: {
      const List& a = as_list();
      const List& b = o.as_list();
      // reflect.DeepEqual: a nil slice is not equal to an empty one, nor an
      // []int to an []interface{}.
      if (a.size() != b.size() || elem_ != o.elem_ || nil_collection_ != o.nil_collection_ || tname(*this) != tname(o))
        return false;
      for (std::size_t i = 0; i < a.size(); ++i) {
        if (!a[i].deep_equals(b[i])) return false;
      }
      return true;
    }
    case Kind::Map: {
      const Map& a = as_map();
      const Map& b = o.as_map();
      if (a.size() != b.size() || elem_ != o.elem_ || nil_collection_ != o.nil_collection_ || tname(*this) != tname(o))
        return false;
      for (auto ia = a.begin(), ib = b.begin(); ia != a.end(); ++ia, ++ib) {
        if (ia->first != ib->first || !ia->second.deep_equals(ib->second)) return false;
      }
      return true;
    }
    case Kind::Struct: {
      if (tname(*this) != tname(o)) return false;
      const auto& a = struct_fields();
      const auto& b = o.struct_fields();
      for (std::size_t i = 0; i < a.size(); ++i) {
        if (!a[i].deep_equals(b[i])) return false;
      }
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------
// Param / FuncMap

std::string Param::go_name() const {
  switch (kind) {
    case ParamKind::Any: return "interface {}";
    case ParamKind::Reflect: return "reflect.Value";
    case ParamKind::String: return "string";
    case ParamKind::Int: return "int";
    case ParamKind::Uint32: return "uint32";
    case ParamKind::Float: return "float64";
    case ParamKind::Bool: return "bool";
    case ParamKind::List: return type_name.empty() ? "[]interface {}" : type_name;
    case ParamKind::Map: return "map[string]interface {}";
    case ParamKind::StringMap: return "map[string]string";
    case ParamKind::Named: return type_name;
  }
  return "?";
}

void FuncMap::set(std::string name, Function fn) {
  refused_.erase(name);
  funcs_[std::move(name)] = std::move(fn);
}

void FuncMap::set(std::string name, std::vector<Param> params, FuncImpl impl) {
  set(std::move(name), Function{std::move(params), std::nullopt, std::move(impl)});
}

void FuncMap::set_variadic(std::string name, std::vector<Param> params, Param variadic, FuncImpl impl) {
  set(std::move(name), Function{std::move(params), std::move(variadic), std::move(impl)});
}

void FuncMap::merge(const FuncMap& other) {
  for (const auto& [name, fn] : other.funcs_) set(name, fn);
  for (const auto& [name, reason] : other.refused_) refuse(name, reason);
}

void FuncMap::refuse(std::string name, std::string reason) {
  funcs_.erase(name);
  refused_[std::move(name)] = std::move(reason);
}

const std::string* FuncMap::refusal(std::string_view name) const {
  auto it = refused_.find(name);
  return it == refused_.end() ? nullptr : &it->second;
}

std::vector<std::string> FuncMap::names() const {
  std::vector<std::string> out;
  out.reserve(funcs_.size());
  for (const auto& [name, fn] : funcs_) out.push_back(name);
  return out;
}

const Function* FuncMap::find(std::string_view name) const {
  auto it = funcs_.find(name);
  return it == funcs_.end() ? nullptr : &it->second;
}

}  // namespace kinject::tmpl
