#include "kinject/istio/native.h"

#include <fmt/format.h>

#include "kinject/istio/strconv.h"

namespace kinject {

namespace {

constexpr std::int64_t kNativeMinor = 33;  // native sidecars are stable from Kubernetes 1.33
constexpr std::string_view kAnnotation = "sidecar.istio.io/nativeSidecar";

bool digit(char c) { return c >= '0' && c <= '9'; }
bool letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// [0-9A-Za-z\-~], go-version's identifier characters.
bool ident(char c) { return digit(c) || letter(c) || c == '-' || c == '~'; }

// (\.[0-9A-Za-z\-~]+)* from `at`; false when a dot is not followed by one.
bool dotted_idents(std::string_view s, std::size_t& at) {
  while (at < s.size() && s[at] == '.') {
    std::size_t j = at + 1;
    while (j < s.size() && ident(s[j])) ++j;
    if (j == at + 1) return false;
    at = j;
  }
  return true;
}

std::string quoted(std::string_view s) { return fmt::format("\"{}\"", s); }

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// The first node whose kubelet rules native sidecars out, by name (Istio
// lists them in no set order; any one of them turns auto off).
NativeSidecarDecision by_nodes(const std::string& mode, const ClusterNodes& nodes, std::string_view node_name) {
  auto one = [&](const std::string& prefix, const std::string& name, const std::string& version) {
    NativeSidecarDecision d;
    if (!go_version_segments(version)) {
      d.reason = fmt::format("{} and node {}'s kubelet version {} does not parse: classic", prefix, name, quoted(version));
      d.warning = fmt::format("node {}: kubelet version {} does not parse; Istio takes the node for one without native sidecars",
                              name, quoted(version));
      return d;
    }
    d.native = kubelet_supports_native_sidecars(version);
    d.reason = d.native ? fmt::format("{} and node {} runs kubelet {}: native (1.33+)", prefix, name, version)
                        : fmt::format("{} and node {} runs kubelet {}: classic (native sidecars need 1.33)", prefix, name, version);
    return d;
  };
  std::string prefix = mode;
  if (!node_name.empty()) {
    if (auto it = nodes.find(std::string(node_name)); it != nodes.end()) return one(prefix, it->first, it->second);
    prefix = fmt::format("{}, the pod's node {} is not in the cluster snapshot,", mode, node_name);
  }
  if (nodes.empty()) return {true, fmt::format("{} and the cluster snapshot has no nodes: native (no node rules it out)", prefix), {}};
  for (const auto& [name, version] : nodes) {
    if (kubelet_supports_native_sidecars(version)) continue;
    NativeSidecarDecision d = one(prefix, name, version);
    if (nodes.size() > 1) d.reason += " (one such node turns native sidecars off for every pod)";
    return d;
  }
  if (nodes.size() == 1) return one(prefix, nodes.begin()->first, nodes.begin()->second);
  return {true, fmt::format("{} and all {} run kubelet 1.33+: native", prefix, plural(nodes.size(), "node", "nodes")), {}};
}

// 1.24 - 1.26: a bool (strconv.ParseBool), false by default; no detection.
NativeSidecarDecision decide_bool(const IstioRelease& release, const std::optional<std::string>& env,
                                  const NativeSidecarContext& context) {
  const std::string rel = release.name();
  NativeSidecarDecision d;
  if (!env) {
    d.reason = fmt::format("ENABLE_NATIVE_SIDECARS unset (Istio {}'s default: false): classic", rel);
  } else if (auto b = istio::parse_bool(*env)) {
    d.native = *b;
    if (*env == "true" || *env == "false")
      d.reason = fmt::format("ENABLE_NATIVE_SIDECARS={}: {}", *env, *b ? "native" : "classic");
    else
      d.reason = fmt::format("ENABLE_NATIVE_SIDECARS={} ({} to Istio {}'s strconv.ParseBool): {}", *env, *b ? "true" : "false",
                             rel, *b ? "native" : "classic");
  } else {
    d.reason = fmt::format("ENABLE_NATIVE_SIDECARS={} is not a bool, so false to Istio {}{}: classic", quoted(*env), rel,
                           *env == "auto" ? " (auto came in 1.27)" : "");
    d.warning = fmt::format("ENABLE_NATIVE_SIDECARS={}: Istio {} reads it as a bool (expecting true/false) and defaults to false",
                            quoted(*env), rel);
  }
  if (context.kube_version || context.nodes)
    d.reason += fmt::format(" (Istio {} does not detect native sidecar support: the Kubernetes version and nodes do not count)", rel);
  return d;
}

}  // namespace

std::optional<std::vector<std::int64_t>> go_version_segments(std::string_view v) {
  // ^v?([0-9]+(\.[0-9]+)*?)(-([0-9]+[0-9A-Za-z\-~]*(\.[0-9A-Za-z\-~]+)*)|(-?([A-Za-z\-~]+[0-9A-Za-z\-~]*(\.[0-9A-Za-z\-~]+)*)))?(\+([0-9A-Za-z\-~]+(\.[0-9A-Za-z\-~]+)*))??$
  // What follows the numbers starts with '-', a letter, '~' or '+', never
  // with a digit or a dot: the numbers are the longest [0-9]+(\.[0-9]+)*.
  std::size_t at = 0;
  if (at < v.size() && v[at] == 'v') ++at;
  std::vector<std::string_view> parts;
  auto digits = [&](std::size_t from) {
    std::size_t j = from;
    while (j < v.size() && digit(v[j])) ++j;
    return j;
  };
  std::size_t end = digits(at);
  if (end == at) return std::nullopt;
  parts.push_back(v.substr(at, end - at));
  while (end < v.size() && v[end] == '.') {
    std::size_t next = digits(end + 1);
    if (next == end + 1) break;
    parts.push_back(v.substr(end + 1, next - end - 1));
    end = next;
  }
  // The prerelease: one of [A-Za-z\-~], then identifier characters, then
  // dot-separated identifiers (the union of the two alternatives).
  at = end;
  if (at < v.size() && v[at] != '+') {
    if (!(letter(v[at]) || v[at] == '-' || v[at] == '~')) return std::nullopt;
    ++at;
    while (at < v.size() && ident(v[at])) ++at;
    if (!dotted_idents(v, at)) return std::nullopt;
  }
  // The build metadata.
  if (at < v.size()) {
    if (v[at] != '+') return std::nullopt;
    std::size_t j = at + 1;
    while (j < v.size() && ident(v[j])) ++j;
    if (j == at + 1) return std::nullopt;
    at = j;
    if (!dotted_idents(v, at) || at != v.size()) return std::nullopt;
  }
  // strconv.ParseInt(str, 10, 64) of each.
  std::vector<std::int64_t> segments;
  for (std::string_view p : parts) {
    std::int64_t n = 0;
    for (char c : p) {
      if (n > (INT64_MAX - (c - '0')) / 10) return std::nullopt;
      n = n * 10 + (c - '0');
    }
    segments.push_back(n);
  }
  while (segments.size() < 3) segments.push_back(0);
  return segments;
}

bool kubelet_supports_native_sidecars(std::string_view kubelet_version) {
  auto segments = go_version_segments(kubelet_version);
  return segments && (*segments)[1] >= kNativeMinor;  // the minor alone: Istio ignores the major
}

NativeSidecarDecision decide_native_sidecars(const IstioRelease& release, const std::optional<std::string>& env,
                                             const NativeSidecarContext& context, std::string_view node_name) {
  if (!release.native_sidecars_tristate()) return decide_bool(release, env, context);
  // features.EnableNativeSidecars: exactly "true", "false" or "auto".
  const std::string rel = release.name();
  if (env && *env == "true") return {true, "ENABLE_NATIVE_SIDECARS=true: native", {}};
  if (env && *env == "false") return {false, "ENABLE_NATIVE_SIDECARS=false: classic", {}};
  if (env && *env != "auto")
    return {false,
            fmt::format("ENABLE_NATIVE_SIDECARS={} is not true, false or auto, so false to Istio {}: classic", quoted(*env), rel),
            fmt::format("ENABLE_NATIVE_SIDECARS={}: Istio {} knows only \"true\", \"false\" and \"auto\" and defaults to false",
                        quoted(*env), rel)};
  const std::string mode = env ? "ENABLE_NATIVE_SIDECARS=auto" : "ENABLE_NATIVE_SIDECARS unset (auto)";
  // DetectNativeSidecar with the snapshot's nodes for the cluster's.
  if (context.nodes) return by_nodes(mode, *context.nodes, node_name);
  // istioctl kube-inject without a cluster client: auto is off.
  if (context.kube_inject)
    return {false,
            fmt::format("{} and kube-inject offline: auto is off, as istioctl{}: classic", mode,
                        context.kube_version ? ", whatever --kube-version says" : ""),
            {}};
  if (const auto& kv = context.kube_version) {
    if (kv->at_least(1, kNativeMinor)) return {true, fmt::format("{} and --kube-version {}: native (Kubernetes 1.33+)", mode, kv->text), {}};
    return {false, fmt::format("{} and --kube-version {}: classic (native sidecars need Kubernetes 1.33)", mode, kv->text), {}};
  }
  return {true, fmt::format("{} and no --kube-version: native, as on a current Kubernetes (1.33+)", mode), {}};
}

NativeSidecarLayout native_sidecar_layout(const IstioRelease& release, const NativeSidecarDecision& decision,
                                          const std::optional<std::string>& env,
                                          const std::optional<std::string>& annotation) {
  const std::string rel = release.name();
  auto by_annotation = [&](bool native, std::string_view why) {
    return NativeSidecarLayout{native, fmt::format("pod annotation {}={}{}: {}", kAnnotation,
                                                   *annotation == "true" || *annotation == "false" ? *annotation : quoted(*annotation),
                                                   why, native ? "native" : "classic")};
  };
  if (release.native_sidecars_tristate()) {
    // ne (index annos "sidecar.istio.io/nativeSidecar" | default (printf "%t" .NativeSidecars)) "false"
    if (!annotation || annotation->empty()) return {decision.native, decision.reason};
    if (*annotation == "true" || *annotation == "false") return by_annotation(*annotation == "true", "");
    return by_annotation(true, fmt::format(" (not \"false\", so native to Istio {}'s template)", rel));
  }
  // (or (and (not (isset annos K)) (eq (env "ENABLE_NATIVE_SIDECARS" "false") "true")) (eq (index annos K) "true"))
  if (annotation) {
    if (*annotation == "true" || *annotation == "false") return by_annotation(*annotation == "true", "");
    return by_annotation(false, fmt::format(" (not \"true\", so classic to Istio {}'s template)", rel));
  }
  bool native = env && *env == "true";
  if (native == decision.native) return {native, decision.reason};
  return {native, fmt::format("ENABLE_NATIVE_SIDECARS={}: Istio {}'s template wants exactly \"true\" (its injector reads it "
                              "as true): classic",
                              *env, rel)};
}

std::optional<std::string> classic_sidecar_never_completes(const Workload& w, const Node& pod, std::string_view layout_reason) {
  const Node* restart = pod.at_path("spec.restartPolicy");
  const std::string policy = restart && restart->is_scalar() ? restart->scalar_text() : "";
  std::string_view never;
  if (w.kind == "Job") never = "the Job never completes";
  else if (w.kind == "CronJob") never = "the Jobs it starts never complete";
  else if (w.kind == "Pod" && (policy == "Never" || policy == "OnFailure")) never = "the pod never completes";
  else return std::nullopt;
  // The agent listens on the status port, which the pod may have moved.
  const Node* port = pod.at_path("metadata.annotations");
  port = port && port->is_map() ? port->get("status.sidecar.istio.io/port") : nullptr;
  std::string status_port = port && port->is_scalar() && !port->scalar_text().empty() && port->scalar_text() != "0"
                                ? port->scalar_text()
                                : "15020";
  return fmt::format("the proxy is a classic sidecar, which keeps running after the other containers exit, so {} ({}). "
                     "Give it a native sidecar, which Kubernetes stops once they are done (Kubernetes 1.29+: "
                     "ENABLE_NATIVE_SIDECARS=true; from Istio 1.27, auto and a --kube-version of 1.33 or later; or the pod "
                     "annotation {}: \"true\"), or have the job end the proxy when it is done: curl -fsS -X POST "
                     "http://localhost:{}/quitquitquit",
                     never, layout_reason, kAnnotation, status_port);
}

bool native_sidecar_move(const NativeSidecarDecision& decision, const std::optional<std::string>& annotation) {
  if (annotation && *annotation == "true") return true;
  if (annotation && *annotation == "false") return false;
  return decision.native;
}

}  // namespace kinject
