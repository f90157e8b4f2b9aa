// What a template function table is made of: rows of {Go name, function},
// and the size checks a function makes before it builds a result.
//
// Sprig's table (sprig.h) and Istio's (istio/funcs.h) are lists of such
// rows, so that reading a table shows which Go name maps to which C++
// function and signature.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kinject/gotemplate/template.h"

namespace kinject::tmpl {

// One entry of a FuncMap: the name templates call and what it runs.
struct NamedFunc {
  std::string name;
  Function fn;
};
using FuncTable = std::vector<NamedFunc>;

// A function taking exactly `params` (Go: func(a A, b B) R).
Function fixed(std::vector<Param> params, FuncImpl impl);
// A function taking `params` and then any number of `rest` (func(a A, r ...T)).
Function variadic(std::vector<Param> params, Param rest, FuncImpl impl);

// Adds every row of `table` to `f`, a later row replacing an earlier one
// of the same name (as Go's map literal and Funcs() do).
void add_funcs(FuncMap& f, const FuncTable& table);

// The size limits of template.h (kMaxStringBytes, kMaxItems), checked
// before a function builds a string or list that could exceed them: the
// executor checks results, but by then the memory would be spent.
void check_bytes(std::uint64_t n, std::string_view what);
void check_items(std::uint64_t n, std::string_view what);
// indent/nindent: |n| spaces before each line of s.
void check_indent(std::int64_t n, std::string_view s);

}  // namespace kinject::tmpl
