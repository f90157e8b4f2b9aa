// Short constructors for template Values in tests: S("a"), I(1), L({...}),
// M({...}), SM({{"k", "v"}}) (a map[string]string). Header-only; it needs
// nothing but the template engine, so the engine's own tests use it too.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "kinject/gotemplate/value.h"

namespace kinject::tmpl::literals {

inline Value S(std::string s) { return Value::string(std::move(s)); }
inline Value I(std::int64_t i) { return Value::integer(i); }
inline Value F(double f) { return Value::floating(f); }
inline Value B(bool b) { return Value::boolean(b); }
inline Value L(Value::List l) { return Value::list(std::move(l)); }
inline Value M(Value::Map m) { return Value::map(std::move(m)); }
inline Value SM(std::map<std::string, std::string> m) {
  Value::Map out;
  for (auto& [k, v] : m) out.emplace(k, S(v));
  return Value::map(std::move(out), Elem::String);
}

}  // namespace kinject::tmpl::literals
