// The functions every template has without a FuncMap (Go's builtins():
// and, or, not, len, index, slice, print, printf, println, html, js,
// urlquery, eq, ne, lt, le, gt, ge, call), and the reflect-like helpers the
// executor shares with them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "kinject/gotemplate/funcs.h"
#include "kinject/gotemplate/value.h"

namespace kinject::tmpl::detail {

enum class Builtin : std::uint8_t {
  None, And, Or, Not, Len, Index, Slice, Print, Printf, Println, Eq, Ne, Lt, Le, Gt, Ge, Html, Js, Urlquery, Call,
};

// The builtin of that name, or Builtin::None.
Builtin find_builtin(std::string_view name);
// Whether a template with these functions has a function of that name (its
// own or a builtin): what the parser asks of an identifier, and of `break`
// and `continue`, which are keywords only where no function has the name.
inline bool has_function(const FuncMap& funcs, std::string_view name) {
  return funcs.contains(name) || find_builtin(name) != Builtin::None;
}
// Its signature and implementation. and, or and call have no
// implementation: the executor evaluates them itself (and/or stop at the
// first decisive argument; call of a function value cannot happen here).
const Function& builtin_function(Builtin b);

// indirectInterface: an interface holding nil is no value at all.
const Value& strip_nil(const Value& v);
// The type reflect reports for an operand in error messages.
std::string reflect_type_name(const Value& v);
// fmt.Sprintf("%v", v), for error messages.
std::string print_v(const Value& v);

}  // namespace kinject::tmpl::detail
