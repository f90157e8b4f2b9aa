// Go's string parsing as Istio's injector applies it to annotation values
// (strconv.ParseBool, ParseUint, strings.TrimSpace, strings.Split).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kinject::istio {

std::optional<bool> parse_bool(std::string_view v);
// A decimal that fits in `bits` bits.
std::optional<std::uint64_t> parse_uint(std::string_view v, unsigned bits);
std::string trim(std::string_view s);
std::vector<std::string> split(std::string_view s, char sep);

}  // namespace kinject::istio
