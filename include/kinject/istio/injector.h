// Injector: renders the sidecar template(s) for one pod template and applies
// the result as Istio does: strategic merge onto the pod, user overrides of
// injected containers, then Istio's post-processing (cluster env, Prometheus
// merge, probe rewriting, status annotation, container order). The steps
// themselves are in inject_steps.h; a --template sidecar of one's own runs
// only the rendering and the record.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kinject/istio/config.h"
#include "kinject/yaml/node.h"
#include "kinject/gotemplate/template.h"
#include "kinject/istio/funcs.h"
#include "kinject/istio/native.h"
#include "kinject/istio/proxy_config.h"
#include "kinject/k8s/workloads.h"

namespace kinject {

// Reads an environment variable (the `env` template function and
// ENABLE_NATIVE_SIDECARS / COMPLIANCE_POLICY read it, as istioctl does).
// The library never reads the process environment itself: main() passes
// one that does, tests pass their own.
using EnvLookup = tmpl::EnvLookup;

struct InjectionOutcome {
  std::vector<std::string> init_containers;  // injected, from the status annotation
  std::vector<std::string> containers;
  bool changed = false;
  std::vector<std::string> warnings;  // what the injection left alone, and why
  // The proxy's layout: "native" (a restartable init container) or
  // "classic" (a container), as the injected pod has it; "" when the
  // injection added no istio-proxy (or was not Istio's). Why, and what
  // Istio would have warned of in deciding it (ENABLE_NATIVE_SIDECARS=yes).
  std::string sidecar;
  std::string sidecar_reason;
  std::string sidecar_warning;
};

class Injector {
 public:
  // Parses every template once. Throws Error naming the template and
  // line:column on a template syntax error. `native`: what is known of
  // the cluster, for ENABLE_NATIVE_SIDECARS=auto (istio/native.h);
  // `proxy_configs`: the cluster's ProxyConfig objects, merged into each
  // pod's proxy config as the webhook's istiod does (nullptr: none, as
  // istioctl kube-inject). Read at each inject(), not before.
  Injector(IstioConfig config, EnvLookup env, NativeSidecarContext native = {},
           std::shared_ptr<const istio::ProxyConfigs> proxy_configs = nullptr);
  ~Injector();
  Injector(Injector&&) noexcept;

  // Injects into the pod template of `w` inside the document `root`.
  // Throws Error (e.g. an invalid annotation, a template error).
  InjectionOutcome inject(Node& root, const Workload& w) const;

  const IstioConfig& config() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Validates Istio's per-pod override annotations (validate.go) as `release`
// does. Throws Error "invalid value 'V' for annotation 'NAME': why".
void validate_annotations(const Node* annotations, const IstioRelease& release);

// Why Istio's validateAnnotations refuses `value` for the override
// annotation `annotation` (as `release` checks it), or nullopt.
std::optional<std::string> annotation_value_error(std::string_view annotation, const std::string& value,
                                                  const IstioRelease& release);

}  // namespace kinject
