// Go's fmt.Sprint, Sprintln and Sprintf over Values, as templates (print,
// printf, println) and Sprig's functions use them.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "kinject/gotemplate/value.h"

namespace kinject::tmpl {

// fmt.Sprint(args...): spaces between operands when neither is a string.
std::string go_sprint(std::span<const Value> args);
// fmt.Sprintln(args...).
std::string go_sprintln(std::span<const Value> args);
// fmt.Sprintf(format, args...), including %!verb(type=value) diagnostics.
std::string go_sprintf(std::string_view format, std::span<const Value> args);

}  // namespace kinject::tmpl
