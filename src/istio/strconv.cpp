#include "kinject/istio/strconv.h"

#include <cctype>

#include "kinject/gofuncs/gostrings.h"

namespace kinject::istio {

std::optional<bool> parse_bool(std::string_view v) {
  if (v == "1" || v == "t" || v == "T" || v == "true" || v == "TRUE" || v == "True") return true;
  if (v == "0" || v == "f" || v == "F" || v == "false" || v == "FALSE" || v == "False") return false;
  return std::nullopt;
}

std::optional<std::uint64_t> parse_uint(std::string_view v, unsigned bits) {
  if (v.empty()) return std::nullopt;
  std::uint64_t n = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
    if (bits < 64 && n >= (std::uint64_t{1} << bits)) return std::nullopt;
  }
  return n;
}

std::string trim(std::string_view s) {
  std::size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return std::string(s.substr(a, b - a));
}

// Go's strings.Split with a one-byte separator: gofuncs' implementation.
std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  for (std::string_view part : tmpl::split(s, std::string_view(&sep, 1))) out.emplace_back(part);
  return out;
}

}  // namespace kinject::istio
