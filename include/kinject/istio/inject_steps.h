// Istio's injection, step by step, under Istio's names (pkg/kube/inject:
// webhook.go's injectPod, inject.go's RunTemplate and the post-processing
// they call), so that a change to one of Istio's steps is a change to one
// function here. Injector::inject runs them in Istio's order; each is a
// function of a pod (a map with metadata and spec) that the tests call alone.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kinject/istio/funcs.h"
#include "kinject/gotemplate/template.h"
#include "kinject/istio/config.h"
#include "kinject/istio/istiod_env.h"
#include "kinject/istio/native.h"
#include "kinject/istio/proxy_config.h"
#include "kinject/istio/status.h"
#include "kinject/istio/template_data.h"
#include "kinject/k8s/workloads.h"
#include "kinject/yaml/node.h"

namespace kinject::istio {

// The containers Istio's templates add, by the names its steps look for.
inline constexpr std::string_view kProxyContainer = "istio-proxy";       // ProxyContainerName
inline constexpr std::string_view kInitContainer = "istio-init";         // InitContainerName
inline constexpr std::string_view kValidationContainer = "istio-validation";
inline constexpr std::string_view kCoreDumpContainer = "enable-core-dump";
inline constexpr std::string_view kOverridesAnnotation = "proxy.istio.io/overrides";
inline constexpr std::string_view kProxyConfigAnnotation = "proxy.istio.io/config";

// What every injection shares, made once from the configuration: the parsed
// templates and the template values that do not depend on the pod.
struct Templates {
  const IstioConfig* config = nullptr;
  IstiodEnv env;  // istiod's environment: --set pilot.env, kinject's, values.pilot.env
  NativeSidecarContext native;  // what decides ENABLE_NATIVE_SIDECARS=auto
  // istioctl kube-inject's re-injection, quirks and all: a container the
  // previous injection added is known only in the list its status names
  // (reapplyOverwrittenContainers), so a layout that changes keeps the old
  // proxy as if it were the user's. kinject's own commands converge instead
  // (relayout.cpp, docs/native-sidecars.md).
  bool kube_inject = false;
  tmpl::FuncMap funcs;
  // The template `name` of the configuration, parsed (once), or nullptr if
  // it has none. Throws Error naming the template and line:column on a
  // syntax error.
  const tmpl::Template* find(const std::string& name) const;
  // Parsed so far: every template but the built-in profile's
  // (IstioConfig::builtin_templates), which are parsed as pods ask for them.
  mutable std::map<std::string, tmpl::Template> parsed;
  tmpl::Value values;
  // .ProxyConfig and .MeshConfig of a pod without proxy.istio.io/config
  // that no ProxyConfig object applies to.
  tmpl::Value default_proxy_config, default_mesh_config;
  // mesh_proxy_config(config->mesh): where each pod's effective proxy config
  // starts (proxy_config.h).
  Node mesh_proxy_config;
  // The cluster's ProxyConfig objects, as the webhook's istiod merges them
  // into each pod's proxy config; nullptr as istioctl kube-inject, which
  // has none (IntoObject: "we don't have the ProxyConfig CRs here").
  std::shared_ptr<const ProxyConfigs> proxy_configs;
};
// Throws Error naming the template and line:column on a syntax error (of any
// template given in files; of a built-in one, when it is first used).
// `env`: kinject's own environment, under the configuration's --set
// pilot.env and over its values.pilot.env; with `kube_inject` (istioctl's
// process), alone.
Templates parse_templates(const IstioConfig& config, tmpl::EnvLookup env, bool kube_inject = false);

// InjectionParameters: one pod's injection as every step reads it.
struct InjectionParams {
  Node pod;                // req.pod: metadata + spec, as read
  Node mesh;               // MeshConfig with the pod's proxy.istio.io/config applied
  // req.proxyConfig: the pod's effective proxy config (GetProxyConfigOrDefault:
  // Istio's defaults, the mesh's defaultConfig, the ProxyConfig objects and
  // the annotation), and the objects that took part (namespace/name).
  Node proxy;
  std::vector<std::string> proxy_config_objects;
  bool own_proxy_config = false;  // .ProxyConfig is the pod's own: annotation or objects
  std::int64_t status_port = 15020;
  std::map<std::string, std::string> proxy_envs;  // ISTIO_META_CLUSTER_ID, ISTIO_META_NETWORK
  NativeSidecarDecision native;   // params.nativeSidecar, and why
  bool native_sidecars = false;   // RunTemplate's move: that, or the pod's sidecar.istio.io/nativeSidecar
  NativeSidecarLayout native_layout;  // what the release's template makes of both (.NativeSidecars)
  std::string api_version, kind;  // typeMeta
  std::string namespace_, name;   // deployMeta
  const Templates* templates = nullptr;

  const IstioConfig& config() const { return *templates->config; }
  const Node& proxy_config() const { return proxy; }
  const Node& values() const { return config().values; }
  const std::string& status_key() const { return config().status_annotation; }
  std::string target_port() const;  // the status port, as Prometheus annotations write it
};

// The pod template of `target` as the injector sees it: metadata + spec.
Node pod_view(const Node& target);
// Everything the steps read, for the pod `pod` of the workload `w`.
InjectionParams injection_params(const Node& pod, const Workload& w, const Templates& templates);

// ---- checkPreconditions / validateAnnotations (validate.cpp)
// Containers are recorded and found by name; one without cannot be injected.
void validate_container_names(const Node& pod);

// ---- RunTemplate (run_template.cpp)
struct TemplateRun {
  Node stripped;      // the pod the templates saw (stripPod + reinsertOverrides)
  Node merged;        // the pod with every template merged
  Node template_pod;  // the templates' output alone, merged together
};
// stripPod: the pod without what a previous injection (recorded under
// `status_key`) added; Istio's also without the Prometheus annotations it
// set (`prometheus_port` = the status port).
Node strip_pod(const Node& pod, std::string_view status_key, const std::optional<std::string>& prometheus_port,
               const IstioRelease& release);
// reinsertOverrides: the user's containers a previous injection recorded in
// proxy.istio.io/overrides, back in `stripped`. `original`: the pod as read.
Node reinsert_overrides(const Node& stripped, const Node& original);
// The inject.istio.io/templates annotation, else the defaults; aliases expanded.
std::vector<std::string> select_templates(const InjectionParams& p);
// The template data for one pod (`stripped`: what the templates see of it).
SidecarTemplateData sidecar_template_data(const InjectionParams& p, const Node& stripped);
// The names of the containers and init containers `rendered` brings.
std::vector<std::string> rendered_containers(const Node& rendered);
// Istio decodes the merged pod into a typed Pod after each template: the
// containers rendered (rendered_containers) get Go's zero-value treatment
// in `merged`.
void typed_round_trip(Node& merged, const std::vector<std::string>& rendered);
// Renders the selected templates over `stripped` and merges them.
TemplateRun run_template(const InjectionParams& p, Node stripped);
// A container the previous injection (`previous`, its status) added to one
// list that the templates now render in the other (istio-proxy, classic
// and native) moves to that list in `merged`, the pod the templates are
// merged over, so that it is merged with its new self, not kept beside it
// or laid over it as the user's (relayout.cpp).
void follow_new_layout(Node& merged, const Node& template_pod, const InjectionStatus& previous);
// Quantities that went through Go's typed marshalling keep the manifest's
// spelling where their value did not change.
void keep_container_quantity_spelling(Node& merged, const Node& original);

// ---- what the rendered templates must not do (collisions.cpp)
void check_rendered_names(const Node& rendered, const std::string& template_name, const Node& pod);
void check_template_lists(const Node& template_pod, const std::vector<std::string>& templates);
// `claims`: the workload's claim templates, each a volume of the pod's.
void check_collisions(const Node& own, const Node& added, const std::vector<std::string>& previous_volumes, bool native,
                      const std::set<std::int64_t>& proxy_ports, const std::vector<ClaimTemplate>& claims);
// The ports Istio's proxy listens on in the pod's network.
std::set<std::int64_t> proxy_ports(const InjectionParams& p);

// ---- reapplyOverwrittenContainers, adjustInitContainerUser (overrides.cpp)
// Containers the user defined under an injected name win over the template;
// recorded in proxy.istio.io/overrides on a first injection.
void reapply_overwritten_containers(Node& merged, const Node& original, const Node& template_pod, const InjectionParams& p);
void adjust_init_container_user(Node& merged, const Node& original, const Node& proxy_config);

// ---- postProcessPod (post_process.cpp); warnings for the report.
// `status` is what the injection records (injection_status, status.h).
std::vector<std::string> post_process_pod(Node& pod, const InjectionStatus& status, const InjectionParams& p);
void overwrite_cluster_info(Node& pod, const std::map<std::string, std::string>& proxy_envs);
void apply_metadata(Node& pod, const InjectionStatus& status, const InjectionParams& p);

// ---- applyPrometheusMerge, applySecurePrometheusAnnotation (prometheus.cpp)
// The user's scrape settings moved to the proxy and the annotations pointed
// at the agent (`target_port`); warnings for the report (a scrape-targets
// annotation Istio ignores). Throws Error, at the annotation, for a port
// Istio 1.31+ refuses to scrape.
std::vector<std::string> apply_prometheus_merge(Node& pod, const Node& mesh, const std::string& target_port,
                                                const IstioRelease& release);
// getPrometheusPort & co: the annotation Prometheus reads as prometheus.io/<which>.
std::optional<std::string> prometheus_annotation(const Node& pod, std::string_view which);
// prometheus.io/{port,path,scrape} in every spelling; on 1.31+ also
// prometheus.istio.io/scrape-targets.
void clear_prometheus_annotations(Node& pod, const IstioRelease& release);
// status.ScrapeTarget / ParseScrapeTargets: "8080:/metrics, 9100" (a path
// defaults to /metrics); `error` is Istio's message, with no targets.
struct ScrapeTarget {
  std::string port, path;
  bool operator==(const ScrapeTarget& o) const { return port == o.port && path == o.path; }
};
struct ScrapeTargets {
  std::vector<ScrapeTarget> targets;
  std::string error;
};
ScrapeTargets parse_scrape_targets(std::string_view raw);
// status.IstioReservedPortReason: why Istio's proxy owns a port, if it does.
std::optional<std::string_view> istio_reserved_port_reason(std::string_view port);
// status.PrometheusScrapeConfiguration, as getPrometheusScrapeConfiguration
// reads it off the pod (targets on 1.31+; one that does not parse is left
// out, with a warning).
struct PrometheusScrape {
  std::string scrape, path, port;
  std::vector<ScrapeTarget> targets;
  long targets_offset = -1, port_offset = -1;  // where the annotations are, for errors
  bool empty() const;        // IsEmpty
  std::string json() const;  // as json.Marshal writes it: ISTIO_PROMETHEUS_ANNOTATIONS
};
PrometheusScrape prometheus_scrape_configuration(const Node& pod, const IstioRelease& release,
                                                 std::vector<std::string>* warnings = nullptr);
// prometheus.istio.io/secure-port from the proxy's
// ENVOY_SECURE_MERGED_METRICS_PORT ("" and "0" do not count), unless the pod
// has that annotation in some spelling (Istio 1.31+; the caller asks).
void apply_secure_prometheus_annotation(Node& pod);

// ---- applyRewrite (app_probe.cpp); warnings for probes left alone.
std::vector<std::string> apply_rewrite(Node& pod, const InjectionParams& p);

// ---- reorderPod (reorder.cpp)
void reorder_pod(Node& pod, const InjectionParams& p);
// The order alone: `hold` = holdApplicationUntilProxyStarts.
void reorder_containers(Node& pod, bool hold);

}  // namespace kinject::istio
