#include "kinject/k8s/cluster.h"

#include <fmt/format.h>

#include "kinject/k8s/pod.h"

namespace kinject {

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// A run of digits at `s[at]` as a number; advances `at`. nullopt without
// digits or when it does not fit.
std::optional<long> number(std::string_view s, std::size_t& at) {
  std::size_t start = at;
  long n = 0;
  while (at < s.size() && digit(s[at])) {
    if (n > 999999999) return std::nullopt;
    n = n * 10 + (s[at] - '0');
    ++at;
  }
  if (at == start) return std::nullopt;
  return n;
}

}  // namespace

std::string KubeVersion::name() const { return fmt::format("{}.{}", major, minor); }

std::optional<KubeVersion> parse_kube_version(std::string_view text) {
  std::size_t at = 0;
  if (at < text.size() && text[at] == 'v') ++at;
  auto major = number(text, at);
  if (!major || at >= text.size() || text[at] != '.') return std::nullopt;
  ++at;
  auto minor = number(text, at);
  if (!minor) return std::nullopt;
  while (at < text.size() && text[at] == '.') {
    ++at;
    if (!number(text, at)) return std::nullopt;
  }
  if (at < text.size()) {
    // -prerelease or +build: identifiers of [0-9A-Za-z-], dot-separated.
    if (text[at] != '-' && text[at] != '+') return std::nullopt;
    if (at + 1 == text.size()) return std::nullopt;
    for (std::size_t i = at + 1; i < text.size(); ++i) {
      char c = text[i];
      bool ok = digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '.' || c == '+';
      if (!ok) return std::nullopt;
    }
  }
  return KubeVersion{*major, *minor, std::string(text)};
}

std::size_t add_nodes(const Node& document, ClusterNodes& nodes) {
  if (!document.is_map()) return 0;
  std::string kind = pod::str_at(&document, "kind");
  std::string api_version = pod::str_at(&document, "apiVersion");
  if (kind == "List" || kind == "NodeList") {
    std::size_t added = 0;
    if (const Node* items = document.get("items"); items && items->is_seq())
      for (const auto& item : items->items) added += add_nodes(item, nodes);
    return added;
  }
  if (kind != "Node" || api_version != "v1") return 0;
  std::string name = pod::str_at(document.get("metadata"), "name");
  if (name.empty()) return 0;
  nodes[name] = pod::str_at(&document, "status.nodeInfo.kubeletVersion");
  return 1;
}

}  // namespace kinject
