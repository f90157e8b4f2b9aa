// Which Istio release's injection kinject reproduces. Istio's templates come
// with the configuration, but part of what an injection does lives in the
// injector itself (istiod or istioctl): the post-processing, the annotation
// checks, how ENABLE_NATIVE_SIDECARS is read. Those differ by release, so the
// injector asks an IstioRelease, never a version number, what to do: a new
// release is a new row in release.cpp and, where it changed a step, one
// question here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kinject/yaml/node.h"

namespace kinject {

struct IstioRelease {
  int minor = 30;        // 1.<minor>
  int patch = -1;        // -1: not known (a minor chosen, or inferred from a template)
  std::string reason;    // why this release, for the report ("--istio-version 1.28", ...)

  std::string name() const;  // "1.28" or "1.28.10"
  bool at_least(int m, int p = 0) const { return minor > m || (minor == m && (patch < 0 || patch >= p)); }

  // ---- what changed, by Istio's own release notes and sources
  // 1.25: httpGet/tcpSocket lifecycle hooks go through the agent too
  // (/app-lifecycle/<container>/{prestopz,poststartz}).
  bool rewrites_lifecycle_hooks() const { return at_least(25); }
  // 1.25: sidecar.istio.io/enableCoreDump is no longer validated as a bool.
  bool validates_core_dump() const { return !at_least(25); }
  // 1.27: ENABLE_NATIVE_SIDECARS is true/false/auto (was a bool, default
  // false); the template reads .NativeSidecars.
  bool native_sidecars_tristate() const { return at_least(27); }
  // 1.27: sidecar.istio.io/inject takes exactly "true" or "false"; anything
  // else falls back to the default policy (was: y/yes/true/on inject, the
  // rest skip).
  bool strict_inject_value() const { return at_least(27); }
  // 1.27: re-injecting a pod whose proxy lacks ISTIO_KUBE_APP_PROBERS adds
  // it (was: the new probers were dropped).
  bool appends_missing_probers() const { return at_least(27); }
  // 1.27.6 / 1.28.4 / 1.29: sidecar.istio.io/proxyCPU & co must be quantities.
  bool validates_proxy_resources() const {
    return minor >= 29 || (minor == 28 && at_least(28, 4)) || (minor == 27 && at_least(27, 6));
  }
  // 1.30: the interface annotations must name interfaces.
  bool validates_interface_names() const { return at_least(30); }
  // 1.30.x and earlier (inject.go ProxyImage): a ProxyConfig image, even one
  // naming no type, replaces global.variant. 1.31 (proxyImageURL): an empty
  // type falls back to global.variant.
  bool empty_image_type_keeps_variant() const { return at_least(31); }
  // 1.31: istio-init's image is .ProxyInitImage (ProxyInitImage: named by
  // global.proxy_init.image, no ProxyConfig image type); before, .ProxyImage.
  bool separate_init_image() const { return at_least(31); }
  // 1.31: prometheus.istio.io/scrape-targets ("8080:/metrics,9100:/m") is
  // merged as `targets` into ISTIO_PROMETHEUS_ANNOTATIONS and cleared with
  // the prometheus.io annotations.
  bool merges_scrape_targets() const { return at_least(31); }
  // 1.31: the scrape ports (targets, else prometheus.io/port) must be ports
  // that are neither the agent's nor reserved for Istio.
  bool validates_scrape_ports() const { return at_least(31); }
  // 1.31: prometheus.istio.io/secure-port from the proxy's
  // ENVOY_SECURE_MERGED_METRICS_PORT (applySecurePrometheusAnnotation).
  bool annotates_secure_metrics_port() const { return at_least(31); }
  // 1.24.4 / 1.25.1 / 1.26: appendMultusNetwork, adding "default/istio-cni"
  // to a JSON list of networks, splits it into name and namespace
  // ({"name": "istio-cni", "namespace": "default"}) and looks for it so;
  // before, the whole "default/istio-cni" was the name (istio/istio#55000,
  // pkg/kube/inject/template.go).
  bool splits_multus_network_namespace() const {
    return minor >= 26 || (minor == 25 && at_least(25, 1)) || (minor == 24 && at_least(24, 4));
  }
};

// The releases kinject has a built-in profile for, newest last.
const std::vector<std::string>& builtin_releases();

// "1.30", "1.30.3", "v1.28": the release asked for. Throws Error naming the
// known releases for a malformed or unknown one.
IstioRelease parse_istio_release(std::string_view text, std::string_view flag = "--istio-version");

// The release a configuration came from, when nothing says: the version
// label of the ConfigMap it was read from, a released global.tag, else what
// the templates and values use that a release introduced. `fallback` when
// nothing tells.
IstioRelease infer_istio_release(const std::string& chart_version, const Node& values,
                                 const std::vector<std::string_view>& templates, const IstioRelease& fallback);

// A configuration from a release kinject does not play (its ConfigMap's
// version label or a released global.tag says 1.23 or 1.32; a development
// chart's 1.0.0 says nothing): what it says, and the nearest release kinject
// plays, which the configuration is played as.
struct UnknownRelease {
  std::string version;  // "1.32.0", as written
  std::string where;    // "the ConfigMap's version label", "values global.tag"
  IstioRelease nearest; // with a reason naming both
};
std::optional<UnknownRelease> unknown_istio_release(const std::string& chart_version, const Node& values);
// The report's warning for it, naming both releases (said once per run).
std::string unknown_release_warning(const UnknownRelease& unknown);

}  // namespace kinject
