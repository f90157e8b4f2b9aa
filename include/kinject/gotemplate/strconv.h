// Go's strconv.Quote and FormatFloat, which error messages and Sprig's
// functions need as Go writes them.
#pragma once

#include <string>
#include <string_view>

namespace kinject::tmpl {

// strconv.Quote.
std::string go_quote(std::string_view s);
// strconv.FormatFloat(f, 'g', -1, 64), which is also fmt's %v for float64.
std::string go_format_float(double f);
// strconv.ParseFloat(s, 64), the one reading of Go's float syntax (number
// literals, Sprig's float64): '_' only between digits, a hexadecimal
// mantissa only with its 'p' exponent, inf/infinity/nan in any case (a sign
// not before nan); false on a syntax error and out of range.
bool parse_go_float(std::string_view s, double* out);

}  // namespace kinject::tmpl
