#include "kinject/istio/release.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "kinject/base/error.h"

namespace kinject {

namespace {

constexpr int kOldest = 24, kNewest = 31;  // the releases whose injector kinject plays

// "1.28", "1.28.10", "v1.28.10", "1.28.0-beta.1": minor and patch.
std::optional<std::pair<int, int>> parse_version(std::string_view s) {
  if (!s.empty() && (s[0] == 'v' || s[0] == 'V')) s.remove_prefix(1);
  auto number = [&](int& out) {
    std::size_t n = 0;
    out = 0;
    while (n < s.size() && s[n] >= '0' && s[n] <= '9' && n < 4) out = out * 10 + (s[n++] - '0');
    if (n == 0) return false;
    s.remove_prefix(n);
    return true;
  };
  int major = 0, minor = 0, patch = -1;
  if (!number(major) || major != 1 || s.empty() || s[0] != '.') return std::nullopt;
  s.remove_prefix(1);
  if (!number(minor)) return std::nullopt;
  if (!s.empty() && s[0] == '.') {
    s.remove_prefix(1);
    if (!number(patch)) return std::nullopt;
  }
  if (!s.empty() && s[0] != '-' && s[0] != '+') return std::nullopt;
  return std::pair{minor, patch};
}

// What a release's injection template or values use first: the newest
// marker found names the oldest release the configuration can be from.
struct Marker {
  int minor;
  std::string_view text;
  std::string_view what;
};
constexpr Marker kTemplateMarkers[] = {
    // As Istio's templates spell them: a variable or a comment of the same
    // name (`$seccompProfile`) says nothing.
    {31, ".ProxyInitImage", "reads .ProxyInitImage"},
    {31, "fips140=only", "sets GODEBUG fips140=only"},
    {30, "otelResourceAttributes .", "calls otelResourceAttributes"},
    {29, ".Values.pilot.crlConfigMapName", "reads pilot.crlConfigMapName"},
    {28, ".Values.global.proxy.seccompProfile", "reads global.proxy.seccompProfile"},
    {27, ".NativeSidecars", "reads .NativeSidecars"},
    {26, "ENABLE_CLUSTER_TRUST_BUNDLE_API", "reads ENABLE_CLUSTER_TRUST_BUNDLE_API"},
    {25, "service.istio.io/workload-name", "reads service.istio.io/workload-name"},
};

}  // namespace

std::string IstioRelease::name() const { return patch < 0 ? fmt::format("1.{}", minor) : fmt::format("1.{}.{}", minor, patch); }

const std::vector<std::string>& builtin_releases() {
  static const std::vector<std::string> releases = {"1.24", "1.28", "1.29", "1.30", "1.31"};
  return releases;
}

IstioRelease parse_istio_release(std::string_view text, std::string_view flag) {
  auto v = parse_version(text);
  if (!v || v->first < kOldest || v->first > kNewest)
    throw Error(fmt::format("{} {}: kinject plays the injectors of Istio 1.{} to 1.{} (built-in profiles: {}); choose "
                            "one of those (a patch such as 1.{}.3 selects its minor)",
                            flag, text, kOldest, kNewest, fmt::join(builtin_releases(), ", "), kNewest));
  IstioRelease r;
  r.minor = v->first;
  r.patch = v->second;
  r.reason = fmt::format("{} {}", flag, text);
  return r;
}

std::optional<UnknownRelease> unknown_istio_release(const std::string& chart_version, const Node& values) {
  auto check = [&](const std::string& text, std::string_view where) -> std::optional<UnknownRelease> {
    auto v = parse_version(text);
    // 1.0.x is the version of an unreleased chart, not a release.
    if (!v || v->first == 0 || (v->first >= kOldest && v->first <= kNewest)) return std::nullopt;
    UnknownRelease u{text, std::string(where), {}};
    // Older than kinject: the oldest release's first patch, whose injector
    // is the nearest to it (a patch can backport a change: 1.24.4's
    // appendMultusNetwork); newer: the newest release, its latest patch.
    u.nearest.minor = v->first < kOldest ? kOldest : kNewest;
    u.nearest.patch = v->first < kOldest ? 0 : -1;
    u.nearest.reason = fmt::format("{} {} (Istio 1.{}, which kinject does not know; played as the nearest release it "
                                   "knows, {})",
                                   where, text, v->first, u.nearest.name());
    return u;
  };
  if (auto u = check(chart_version, "the ConfigMap's version label")) return u;
  if (!chart_version.empty() && parse_version(chart_version) && parse_version(chart_version)->first != 0) return std::nullopt;
  if (const Node* tag = values.at_path("global.tag"); tag && tag->is_scalar()) return check(tag->scalar_text(), "values global.tag");
  return std::nullopt;
}

std::string unknown_release_warning(const UnknownRelease& u) {
  const int asked = parse_version(u.version)->first;
  return fmt::format("the configuration is from Istio 1.{} ({} {}), a release kinject does not know: it is played as "
                     "Istio {}, the nearest release kinject knows (it plays 1.{} to 1.{}), and what 1.{} changed in "
                     "injection is not reproduced; give --istio-version to choose the release played",
                     asked, u.where, u.version, u.nearest.name(), kOldest, kNewest, asked);
}

IstioRelease infer_istio_release(const std::string& chart_version, const Node& values,
                                 const std::vector<std::string_view>& templates, const IstioRelease& fallback) {
  // A version outside what kinject plays is a development build's (Istio's
  // charts say 1.0.0 until released) or one newer than kinject: say so and
  // go on to what the configuration uses.
  auto known = [](const std::optional<std::pair<int, int>>& v) { return v && v->first >= kOldest && v->first <= kNewest; };
  if (auto v = parse_version(chart_version); known(v))
    return IstioRelease{v->first, v->second, fmt::format("the ConfigMap's version label {}", chart_version)};
  if (const Node* tag = values.at_path("global.tag"); tag && tag->is_scalar())
    if (auto v = parse_version(tag->scalar_text()); known(v))
      return IstioRelease{v->first, v->second, fmt::format("values global.tag {}", tag->scalar_text())};
  for (const auto& m : kTemplateMarkers)
    for (std::string_view t : templates)
      if (t.find(m.text) != std::string_view::npos)
        return IstioRelease{m.minor, -1, fmt::format("the injection template {} (Istio 1.{}+)", m.what, m.minor)};
  // Values a release added (the injector ConfigMap's values).
  if (values.at_path("global.proxy.seccompProfile") || values.at_path("global.resourceScope"))
    return IstioRelease{28, -1, "the values have global.resourceScope (Istio 1.28+)"};
  if (values.at_path("global.nativeNftables")) return IstioRelease{27, -1, "the values have global.nativeNftables (Istio 1.27+)"};
  if (!templates.empty() && values.at_path("global.multiCluster.enabled"))
    return IstioRelease{24, -1, "the template and values use nothing newer than Istio 1.24"};
  return fallback;
}

}  // namespace kinject
