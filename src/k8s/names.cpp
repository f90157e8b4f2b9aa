#include "kinject/k8s/names.h"

#include <fmt/format.h>

namespace kinject {

namespace {

constexpr std::size_t kMaxLabel = 63;       // validation.DNS1123LabelMaxLength
constexpr std::size_t kMaxSubdomain = 253;  // validation.DNS1123SubdomainMaxLength

bool lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// [a-z0-9]([-a-z0-9]*[a-z0-9])?
bool label_shape(std::string_view s) {
  if (s.empty() || !lower_alnum(s.front()) || !lower_alnum(s.back())) return false;
  for (char c : s)
    if (!lower_alnum(c) && c != '-') return false;
  return true;
}

}  // namespace

std::optional<std::string> invalid_dns1123_label(std::string_view name) {
  if (name.size() > kMaxLabel)
    return fmt::format("must be no more than {} characters (it has {})", kMaxLabel, name.size());
  if (!label_shape(name))
    return std::string(
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end "
        "with an alphanumeric character (e.g. my-namespace or 123-abc)");
  return std::nullopt;
}

bool is_dns1123_subdomain(std::string_view name) {
  if (name.empty() || name.size() > kMaxSubdomain) return false;
  std::size_t start = 0;
  while (true) {
    auto dot = name.find('.', start);
    if (!label_shape(name.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start))) return false;
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

}  // namespace kinject
