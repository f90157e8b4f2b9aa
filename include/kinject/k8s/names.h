// What the API server accepts as a name (apimachinery's validation), so that
// a name kinject is given (a flag, a functionConfig setting) is refused up
// front, in the API server's words, instead of deciding and injecting for a
// namespace no cluster can have.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kinject {

// IsDNS1123Label: at most 63 characters of [a-z0-9-], starting and ending
// alphanumeric (a namespace's name, ValidateNamespaceName). What is wrong,
// or nothing when the name is one.
std::optional<std::string> invalid_dns1123_label(std::string_view name);

// IsDNS1123Subdomain: at most 253 characters, dot-separated parts of
// [a-z0-9-] each starting and ending alphanumeric (a label key's prefix).
bool is_dns1123_subdomain(std::string_view name);

}  // namespace kinject
