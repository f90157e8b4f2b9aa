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

}  // namespace kinject::tmpl
