// Number conversions as Sprig makes them: spf13/cast's ToInt64/ToFloat64
// (Sprig's int, int64, float64, add, ...) and the strconv parsers under them.
#pragma once

#include <cstdint>
#include <string_view>

#include "kinject/gotemplate/template.h"

namespace kinject::tmpl {

// strconv.ParseInt(s, 0, 64) without underscores: an optional sign, then
// decimal, 0x/0o/0b-prefixed or 0-prefixed octal. False on a syntax or
// range error.
bool parse_int_base0(std::string_view s, std::int64_t* out);

// strconv.Atoi (ParseInt(s, 10, 0); Go's int is 64 bits): an optional sign,
// then decimal digits only. False on a syntax or range error.
bool parse_atoi(std::string_view s, std::int64_t* out);

// strconv.Atoi's value with its error ignored, as Sprig's atoi returns it:
// 0 for a syntax error, and for a number out of range the int64 nearest to
// it (ParseInt's clamped value), not 0.
std::int64_t atoi_value(std::string_view s);

// (strconv.ParseFloat is parse_go_float, gotemplate/strconv.h.)

// cast.ToInt64: numbers truncated (NaN and out-of-range floats give Go's
// MinInt64), bools 0/1, strings parsed (a ".000" suffix trimmed), else 0.
std::int64_t to_int64(const Value& v);
// cast.ToFloat64: the same for float64.
double to_float64(const Value& v);

}  // namespace kinject::tmpl
