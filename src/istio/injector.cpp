#include "kinject/istio/injector.h"

#include <algorithm>

#include <fmt/format.h>

#include "kinject/base/error.h"
#include "kinject/istio/inject_steps.h"
#include "kinject/istio/status.h"
#include "kinject/k8s/pod.h"

namespace kinject {

using namespace pod;
using namespace istio;

struct Injector::Impl {
  IstioConfig config;
  Templates templates;  // points at `config`, which an Impl never moves
};

namespace {

struct Injected {
  Node pod;
  InjectionStatus status;  // what the status annotation records
  std::vector<std::string> warnings;
  std::string sidecar, sidecar_reason, sidecar_warning;  // InjectionOutcome's
};

std::vector<std::string> previous_volumes(const Node& pod, std::string_view status_key) {
  return parse_status(annotation(pod, status_key)).value_or(InjectionStatus{}).volumes;
}

// Where the proxy ended up, and why: by the release's rule (the decision
// and the pod's annotation), unless the template placed it otherwise.
void sidecar_layout(Injected& out, const InjectionParams& p) {
  bool in_init = find_container(container_list(out.pod, "initContainers"), kProxyContainer) != nullptr;
  if (!in_init && !find_container(container_list(out.pod, "containers"), kProxyContainer)) return;
  const NativeSidecarLayout& rule = p.native_layout;
  out.sidecar = in_init ? "native" : "classic";
  out.sidecar_reason = rule.native == in_init ? rule.reason
                                              : fmt::format("the injection template put istio-proxy among the {}: {} (Istio's "
                                                            "own template would go by: {})",
                                                            in_init ? "init containers" : "containers", out.sidecar, rule.reason);
}

// webhook.go's injectPod: Istio's steps, in Istio's order.
Injected inject_pod(const Node& pod, const Workload& w, const Templates& templates, const std::vector<ClaimTemplate>& claims) {
  validate_annotations(child(pod.get("metadata"), "annotations"), templates.config->release);
  validate_container_names(pod);
  InjectionParams p = injection_params(pod, w, templates);
  TemplateRun run = run_template(p, reinsert_overrides(strip_pod(pod, p.status_key(), p.target_port(), p.config().release), pod));
  check_collisions(run.stripped, run.template_pod, previous_volumes(pod, p.status_key()), p.native_sidecars, proxy_ports(p),
                   claims);
  reapply_overwritten_containers(run.merged, pod, run.template_pod, p);
  keep_container_quantity_spelling(run.merged, pod);
  InjectionStatus status = injection_status(run.template_pod, p.config().revision, p.status_key());
  std::vector<std::string> warnings = post_process_pod(run.merged, status, p);
  Injected out{std::move(run.merged), std::move(status), std::move(warnings), {}, {}, p.native.warning};
  sidecar_layout(out, p);
  if (out.sidecar == "classic")
    if (auto never = classic_sidecar_never_completes(w, out.pod, out.sidecar_reason)) out.warnings.push_back(std::move(*never));
  return out;
}

// A template of one's own (--template) is rendered and merged as Istio's
// are, and recorded; none of Istio's post-processing applies to it. Its
// record leaves out the pod's own containers and volumes, which such a
// template renders to extend them.
Injected inject_own_template(const Node& pod, const Workload& w, const Templates& templates,
                             const std::vector<ClaimTemplate>& claims) {
  validate_container_names(pod);
  InjectionParams p = injection_params(pod, w, templates);
  TemplateRun run = run_template(p, reinsert_overrides(strip_pod(pod, p.status_key(), std::nullopt, p.config().release), pod));
  check_collisions(run.stripped, run.template_pod, previous_volumes(pod, p.status_key()), p.native_sidecars, {}, claims);
  keep_container_quantity_spelling(run.merged, pod);
  annotations_of(run.merged);
  run.merged.child_map("metadata").child_map("labels");
  Node own = run.stripped;
  if (auto prev = parse_status(annotation(pod, p.status_key()))) {
    for (const auto& n : prev->volumes) modify_containers(container_list(own, "volumes"), n, Move::Remove);
    for (const auto& n : prev->pull_secrets) modify_containers(container_list(own, "imagePullSecrets"), n, Move::Remove);
  }
  InjectionStatus status = injection_status(run.template_pod, p.config().revision, p.status_key(), &own);
  annotations_of(run.merged).set(p.status_key(), Node::string(status_json(status)));
  return {std::move(run.merged), std::move(status), {}, {}, {}, {}};
}

// The labels and annotations maps the steps create for bookkeeping are not
// output when they stayed empty and the pod had none.
void drop_bookkeeping_maps(Node& merged, const Node& original) {
  Node* md = merged.get("metadata");
  if (!md) return;
  for (const char* field : {"labels", "annotations"})
    if (Node* m = md->get(field); m && m->is_map() && m->entries.empty() && !child(original.get("metadata"), field))
      md->erase(field);
}

// The injected pod back into the document, in the pod template's place.
InjectionOutcome write_back(Node& target, Injected injected) {
  Node& merged = injected.pod;
  InjectionOutcome out;
  // From what the injection recorded, not from a reading of the annotation
  // it wrote.
  out.init_containers = std::move(injected.status.init_containers);
  out.containers = std::move(injected.status.containers);
  // The pod template changed when its metadata or its spec did (or either
  // is new), told as each is replaced: no copy of the template before.
  auto replace = [&out](Node& had, Node now) {
    out.changed = out.changed || !had.same_value(now);
    had = std::move(now);
  };
  if (Node* md = merged.get("metadata"); md && (md->size() > 0 || target.get("metadata"))) {
    if (Node* had = target.get("metadata")) {
      replace(*had, std::move(*md));
    } else {
      // A new metadata goes where Kubernetes writes it: before the spec.
      auto spec = std::find_if(target.entries.begin(), target.entries.end(),
                               [](const Entry& e) { return e.key.is_scalar() && e.key.text == "spec"; });
      target.entries.insert(spec, Entry(Node::string("metadata"), std::move(*md)));
      out.changed = true;
    }
  }
  if (Node* had = target.get("spec")) {
    replace(*had, std::move(*merged.get("spec")));
  } else {
    target.set("spec", std::move(*merged.get("spec")));
    out.changed = true;
  }
  out.warnings = std::move(injected.warnings);
  out.sidecar = std::move(injected.sidecar);
  out.sidecar_reason = std::move(injected.sidecar_reason);
  out.sidecar_warning = std::move(injected.sidecar_warning);
  return out;
}

}  // namespace

Injector::Injector(IstioConfig config, EnvLookup env, NativeSidecarContext native,
                   std::shared_ptr<const istio::ProxyConfigs> proxy_configs)
    : impl_(std::make_unique<Impl>()) {
  impl_->config = std::move(config);
  impl_->templates = parse_templates(impl_->config, std::move(env), native.kube_inject);
  impl_->templates.native = std::move(native);
  impl_->templates.proxy_configs = std::move(proxy_configs);
}

Injector::~Injector() = default;
Injector::Injector(Injector&&) noexcept = default;

const IstioConfig& Injector::config() const { return impl_->config; }

InjectionOutcome Injector::inject(Node& root, const Workload& w) const {
  Node* target = w.pod(root);
  if (!target || !target->is_map()) throw Error("the workload has no pod template");
  const Node pod = pod_view(*target);
  const std::vector<ClaimTemplate> claims = claim_templates(root, w);
  Injected injected = impl_->config.istio ? inject_pod(pod, w, impl_->templates, claims)
                                          : inject_own_template(pod, w, impl_->templates, claims);
  drop_bookkeeping_maps(injected.pod, pod);
  return write_back(*target, std::move(injected));
}

}  // namespace kinject
