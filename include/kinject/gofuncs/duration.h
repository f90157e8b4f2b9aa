// Go's time.Duration, as far as templates print it.
#pragma once

#include <cstdint>
#include <string>

namespace kinject::tmpl {

// Go's time.Duration.String() for a number of nanoseconds ("1m30s", "1.5s").
std::string go_duration_string(std::int64_t nanos);

}  // namespace kinject::tmpl
