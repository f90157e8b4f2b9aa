// spf13/cast and strconv number parsing (cast.h).
#include "kinject/gofuncs/cast.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

namespace kinject::tmpl {

namespace {

// cast trims a ".000" suffix before parsing integers.
std::string trim_zero_decimal(std::string_view s) {
  std::size_t dot = s.find('.');
  if (dot == std::string_view::npos || dot == 0) return std::string(s);
  for (std::size_t i = dot + 1; i < s.size(); ++i) {
    if (s[i] != '0') return std::string(s);
  }
  return std::string(s.substr(0, dot));
}

}  // namespace

namespace {

// The digits after the sign, in `base`, as an int64 (negated with `neg`).
bool signed_digits(std::string_view s, int base, bool neg, std::int64_t* out) {
  // An unsigned from_chars takes no sign: "+-5" stays an error, as in Go.
  std::uint64_t v = 0;
  auto res = std::from_chars(s.data(), s.data() + s.size(), v, base);
  if (s.empty() || res.ec != std::errc() || res.ptr != s.data() + s.size()) return false;
  if (v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + (neg ? 1 : 0)) return false;
  *out = neg ? static_cast<std::int64_t>(0 - v) : static_cast<std::int64_t>(v);
  return true;
}

// An optional sign, removed from s: whether it was '-'.
bool take_sign(std::string_view& s) {
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  return neg;
}

}  // namespace

bool parse_int_base0(std::string_view s, std::int64_t* out) {
  bool neg = take_sign(s);
  if (s.empty()) return false;
  int base = 10;
  if (s[0] == '0' && s.size() > 1) {
    char c = static_cast<char>(s[1] | 0x20);
    if (s.size() >= 3 && (c == 'x' || c == 'o' || c == 'b')) {
      base = c == 'x' ? 16 : c == 'o' ? 8 : 2;
      s.remove_prefix(2);
    } else {
      base = 8;
      s.remove_prefix(1);
    }
  }
  return signed_digits(s, base, neg, out);
}

bool parse_atoi(std::string_view s, std::int64_t* out) {
  bool neg = take_sign(s);
  return signed_digits(s, 10, neg, out);
}

std::int64_t atoi_value(std::string_view s) {
  std::int64_t v = 0;
  if (parse_atoi(s, &v)) return v;
  bool neg = take_sign(s);
  bool digits = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) return 0;  // a syntax error
  return neg ? std::numeric_limits<std::int64_t>::min() : std::numeric_limits<std::int64_t>::max();
}

std::int64_t to_int64(const Value& v) {
  switch (v.kind()) {
    case Kind::Int: return v.as_int();
    case Kind::Uint: return static_cast<std::int64_t>(v.as_uint());
    case Kind::Float: {
      double f = v.as_float();
      if (std::isnan(f)) return std::numeric_limits<std::int64_t>::min();
      if (f >= 9.2233720368547758e18 || f < -9.2233720368547758e18) return std::numeric_limits<std::int64_t>::min();
      return static_cast<std::int64_t>(f);
    }
    case Kind::Bool: return v.as_bool() ? 1 : 0;
    case Kind::String: {
      std::int64_t i;
      return parse_int_base0(trim_zero_decimal(v.as_string()), &i) ? i : 0;
    }
    default: return 0;
  }
}

double to_float64(const Value& v) {
  switch (v.kind()) {
    case Kind::Int: return static_cast<double>(v.as_int());
    case Kind::Uint: return static_cast<double>(v.as_uint());
    case Kind::Float: return v.as_float();
    case Kind::Bool: return v.as_bool() ? 1 : 0;
    case Kind::String: {
      double d;
      return parse_go_float(v.as_string(), &d) ? d : 0;
    }
    default: return 0;
  }
}

}  // namespace kinject::tmpl
