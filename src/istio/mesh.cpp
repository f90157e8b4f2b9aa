#include "kinject/istio/mesh.h"

#include <memory>
#include <utility>

#include "kinject/istio/policy.h"

namespace kinject {

namespace {

// The injector is made on first use: the built-in profile's templates are
// parsed only when a workload needs them (most documents hold none).
class LazyInjector {
 public:
  LazyInjector(IstioConfig config, EnvLookup env, NativeSidecarContext native,
               std::shared_ptr<const istio::ProxyConfigs> proxy_configs)
      : config_(std::move(config)), env_(std::move(env)), native_(std::move(native)), proxy_configs_(std::move(proxy_configs)) {}
  const Injector& get() {
    if (!injector_) injector_.emplace(std::move(*config_), std::move(env_), std::move(native_), std::move(proxy_configs_));
    return *injector_;
  }

 private:
  std::optional<IstioConfig> config_;
  EnvLookup env_;
  NativeSidecarContext native_;
  std::shared_ptr<const istio::ProxyConfigs> proxy_configs_;
  std::optional<Injector> injector_;
};

}  // namespace

Mesh make_mesh(IstioConfig config, EnvLookup env, std::optional<InjectPolicy> policy, NativeSidecarContext native,
               std::shared_ptr<const istio::ProxyConfigs> proxy_configs) {
  Mesh m;
  m.status_annotation = config.status_annotation;
  auto chain = std::make_shared<const InjectorPolicy>(injector_policy(config, policy, native.kube_inject));
  m.decide = [chain](const PodFacts& pod, const WebhookMatch* fired) {
    return fired ? decide(pod, *chain, *fired) : decide(pod, *chain);
  };
  const Node* by_default = config.values.at_path("sidecarInjectorWebhook.enableNamespacesByDefault");
  m.default_webhooks = [revision = config.revision, all = by_default && by_default->kind == Kind::Bool && by_default->b] {
    return istio_webhooks(revision, all);
  };
  m.uninject = [key = m.status_annotation](Node& root, const Workload& w) { return uninject_workload(root, w, key); };
  m.revision = config.revision;
  m.description = config.description;
  m.warnings = config.warnings;
  auto injector = std::make_shared<LazyInjector>(std::move(config), std::move(env), std::move(native),
                                                 std::move(proxy_configs));
  m.inject = [injector](Node& root, const Workload& w) { return injector->get().inject(root, w); };
  m.load = [injector] { injector->get(); };
  return m;
}

}  // namespace kinject
