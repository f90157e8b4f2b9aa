// Go's time.Duration, as far as templates print it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kinject::tmpl {

// Go's time.Duration.String() for a number of nanoseconds ("1m30s", "1.5s").
std::string go_duration_string(std::int64_t nanos);

// Go's time.ParseDuration ("1h30m", "-1.5s", "3us"): the nanoseconds, or
// nullopt and Go's error text ("time: invalid duration \"x\"") in *err.
std::optional<std::int64_t> go_parse_duration(std::string_view s, std::string* err);

}  // namespace kinject::tmpl
