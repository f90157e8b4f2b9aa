// Sprig (sprig.h): the function table, put together from the tables of
// Sprig's families, and the value helpers those families share
// (internal.h).
//
// The families, each in its own file and in the order Sprig's
// documentation lists them: defaults (sprig_defaults.cpp), strings and
// encodings (sprig_strings.cpp), regular expressions (regexp.cpp), numbers,
// conversions and reflection (sprig_numbers.cpp), lists (sprig_lists.cpp),
// dicts (sprig_dicts.cpp). Argument types mirror the Go signatures, so
// that the engine's argument checks give Go's errors.
#include "kinject/gofuncs/sprig.h"

#include <algorithm>

#include <fmt/format.h>

#include "internal.h"

namespace kinject::tmpl {

FuncMap sprig_funcs() {
  FuncMap f;
  for (const FuncTable& family : {sprig_default_funcs(), sprig_string_funcs(), sprig_regex_funcs(), sprig_number_funcs(),
                                  sprig_list_funcs(), sprig_dict_funcs(), sprig_word_funcs(), sprig_crypto_funcs(),
                                  sprig_path_funcs(), sprig_float_funcs(), sprig_decimal_funcs(), sprig_collection_funcs(),
                                  sprig_must_json_funcs(), sprig_semver_funcs(), sprig_url_funcs(),
                                  sprig_case_funcs()}) {
    add_funcs(f, family);
  }
  add_must_aliases(f);
  sprig_refusals(f);
  return f;
}

std::string strval(const Value& v) {
  if (v.kind() == Kind::String && !(v.type() && v.type()->stringer)) return v.as_string();
  if (v.type() && v.type()->stringer && v.kind() != Kind::Nil) return v.type()->stringer(v);
  Value one[1] = {v};
  return go_sprintf("%v", one);
}

bool empty(const Value& v) {
  switch (v.kind()) {
    case Kind::Invalid:
    case Kind::Nil: return true;
    case Kind::Bool: return !v.as_bool();
    case Kind::Int: return v.as_int() == 0;
    case Kind::Uint: return v.as_uint() == 0;
    case Kind::Float: return v.as_float() == 0;
    case Kind::String:
    case Kind::List:
    case Kind::Map: return v.size() == 0;
    case Kind::Struct: return false;
  }
  return true;
}

std::vector<std::string> strslice(const Value& v) {
  std::vector<std::string> out;
  if (v.kind() == Kind::List) {
    std::uint64_t total = 0;  // the items may share one long string many times
    for (const auto& e : v.as_list()) {
      if (v.elem() == Elem::String || !e.is_nullish()) out.push_back(strval(e));
      if (!out.empty()) check_bytes(total += out.back().size(), "the strings");
    }
    return out;
  }
  if (v.is_nullish()) return out;
  out.push_back(strval(v));
  return out;
}

Value int64_value(std::int64_t i) {
  static const TypePtr int64_type = std::make_shared<const TypeInfo>(TypeInfo{"int64", false, {}, {}, {}, {}});
  return Value::integer(i, int64_type);
}

Value int_list(Value::List items) {
  static const TypePtr int_slice_type = std::make_shared<const TypeInfo>(TypeInfo{"[]int", false, {}, {}, {}, {}});
  return Value::list(std::move(items), Elem::Any, int_slice_type);
}

Value string_list(std::vector<std::string> items) {
  Value::List l;
  l.reserve(items.size());
  for (auto& s : items) l.push_back(Value::string(std::move(s)));
  return Value::list(std::move(l), Elem::String);
}

std::string kind_name(const Value& v) {
  switch (v.kind()) {
    case Kind::Invalid: return "invalid";
    case Kind::Nil: return v.type() ? "ptr" : "invalid";
    case Kind::Bool: return "bool";
    case Kind::Int: {
      if (v.type()) {
        const auto& n = v.type()->name;
        if (n == "int8" || n == "int16" || n == "int32" || n == "int64") return n;
      }
      return "int";
    }
    case Kind::Uint: {
      if (v.type()) {
        const auto& n = v.type()->name;
        if (n == "uint8" || n == "uint16" || n == "uint32" || n == "uint64") return n;
      }
      return "uint";
    }
    case Kind::Float: return "float64";
    case Kind::String: return "string";
    case Kind::List: return "slice";
    case Kind::Map: return "map";
    case Kind::Struct: return v.type()->pointer ? "ptr" : "struct";
  }
  return "invalid";
}

namespace {

// Sprig builds list errors from reflect.TypeOf(x).Kind(); on a nil input
// that is a nil-pointer panic, which the engine reports as Go would.
[[noreturn]] void nil_type_panic() { throw FuncError("runtime error: invalid memory address or nil pointer dereference"); }

}  // namespace

const Value::List& require_list(const Value& v, std::string_view what) {
  if (v.is_nullish()) nil_type_panic();
  if (v.kind() != Kind::List) throw FuncError(fmt::format("Cannot {} on type {}", what, kind_name(v)));
  return v.as_list();
}

// Go allows a map to contain itself; here values are reference-counted, so
// such a cycle would never be freed, and printing it would never end.
bool holds_map(const Value& v, const Value::Map* m, int depth) {
  if (depth > kMaxDepth) return true;  // too deep to be kept anyway
  switch (v.kind()) {
    case Kind::Map:
      if (&v.as_map() == m) return true;
      return std::any_of(v.as_map().begin(), v.as_map().end(),
                         [&](const auto& e) { return holds_map(e.second, m, depth + 1); });
    case Kind::List:
      return std::any_of(v.as_list().begin(), v.as_list().end(), [&](const Value& x) { return holds_map(x, m, depth + 1); });
    case Kind::Struct:
      return std::any_of(v.struct_fields().begin(), v.struct_fields().end(),
                         [&](const Value& x) { return holds_map(x, m, depth + 1); });
    default: return false;
  }
}

}  // namespace kinject::tmpl
