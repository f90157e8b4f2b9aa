// The cluster as injection sees it (mesh.h): which webhooks the API server
// calls for a pod, which control plane revision each one reaches, and that
// revision's injector.
#include <algorithm>
#include <optional>
#include <sstream>

#include <fmt/format.h>

#include "kinject/base/error.h"
#include "kinject/istio/configmaps.h"
#include "kinject/istio/mesh.h"
#include "kinject/istio/policy.h"
#include "kinject/k8s/cluster.h"
#include "kinject/yaml/parse.h"

namespace kinject {

namespace {

std::string revision_name(const std::string& revision) { return revision.empty() ? "default" : revision; }

// What the injector is told of the cluster, for native sidecars.
NativeSidecarContext native_context(const ClusterSettings& s) {
  NativeSidecarContext c;
  if (!s.kube_version.empty()) {
    c.kube_version = parse_kube_version(s.kube_version);
    if (!c.kube_version)
      throw Error(fmt::format("--kube-version {}: not a Kubernetes version; give MAJOR.MINOR, e.g. 1.33 (v1.33, 1.33.2 and "
                              "1.33.2-eks-1234 are read too)",
                              s.kube_version))
          .as_usage();
  }
  c.kube_inject = s.kube_inject;
  return c;
}

// A webhook described without saying whom it calls (no service, no URL, no
// istio.io/rev label): a rule of one's own for the injector configured.
bool calls_nobody(const Webhook& w) {
  return w.service.empty() && w.url.empty() && !label_value(&w.configuration_labels, "istio.io/rev");
}

std::string conditions_of(const Webhook& w) {
  std::string out;
  for (const auto& [name, expression] : w.match_conditions)
    out += fmt::format("{}{}: {}", out.empty() ? "" : "; ", name.empty() ? "(unnamed)" : name, expression);
  return out;
}

bool has_injection_label(const Node& ns) {
  const Node* labels = ns.at_path("metadata.labels");
  return label_value(labels, "istio-injection") || label_value(labels, "istio.io/rev");
}

}  // namespace

Cluster Cluster::load(const ClusterSettings& s, const Disk& disk, const EnvLookup& env) {
  Cluster c;
  c.settings_ = s;
  NativeSidecarContext native = native_context(s);
  ConfigSources src = s.config;
  if (s.proxy_configs) c.proxy_configs_ = std::make_shared<istio::ProxyConfigs>(s.default_namespace);
  std::optional<std::vector<std::string>> held;  // the revisions whose ConfigMaps the files hold

  // --cluster: the snapshot's namespaces, nodes, webhooks and ConfigMaps. What
  // flags gave (rules, namespaces, configuration files, --kube-version) wins.
  if (!s.cluster_file.empty()) {
    const std::string& file = s.cluster_file;
    std::string text = read_whole_file(disk, file);
    std::vector<Document> docs = read_all(text, file, s.limits);
    ClusterNodes nodes;
    for (const auto& d : docs)
      if (!d.empty) {
        c.namespaces_.add(d.root);
        add_nodes(d.root, nodes);
        if (c.proxy_configs_) c.proxy_configs_->add(d);
      }
    if (!native.kube_version && !nodes.empty()) native.nodes = std::move(nodes);
    if (s.rules.empty()) {
      try {
        c.webhooks_ = WebhookRules::parse(text, file);
      } catch (const Error& e) {
        throw Error(Location{file}, fmt::format("{}; take the snapshot with `kubectl get namespaces,nodes,"
                                                "mutatingwebhookconfigurations,configmaps,proxyconfigs.networking.istio.io -A -o yaml` "
                                                "(docs/cluster.md)",
                                                e.bare()));
      }
    }
    ConfigMapScan scan = scan_configmaps(docs, file);
    std::vector<std::string> revisions = configmap_revisions(scan, ConfigMapRole::Injector);
    bool own_injector = !src.inject_config_file.empty() || !src.template_file.empty();
    if (revisions.empty() && !own_injector && src.istio_version.empty())
      throw Error(Location{file}, fmt::format("the cluster snapshot holds no istio-sidecar-injector ConfigMap (it holds "
                                              "{}); take the configmaps of istio-system too (docs/cluster.md), or name "
                                              "the release its control plane runs with --istio-version",
                                              describe_configmaps(scan)));
    if (revisions.empty() && !own_injector)
      c.notes_.push_back(fmt::format("{}: the cluster snapshot holds no istio-sidecar-injector ConfigMap: the built-in "
                                     "profile of Istio {} (--istio-version) injects for every revision",
                                     file, src.istio_version));
    if (!revisions.empty()) {
      for (std::string* f : {&src.inject_config_file, &src.values_file, &src.mesh_config_file})
        if (f->empty()) *f = file;
      held = revisions;
      // Without -r, the default revision's configuration decides what no
      // webhook sends anywhere, else the snapshot's first.
      if (src.revision.empty())
        src.revision = revision_name(std::find(revisions.begin(), revisions.end(), "") != revisions.end() ? "" : revisions.front());
    }
  }
  if (!held) held = configured_revisions(src, disk);

  // The configured revision's mesh: it decides without webhooks, and plays
  // every revision whose own configuration was not given.
  IstioConfig base = load_config(src, disk);
  c.default_revision_ = base.revision;
  auto add_mesh = [&](IstioConfig cfg) {
    std::string rev = cfg.revision;
    if (c.meshes_.count(rev)) return;
    c.meshes_.emplace(rev, make_mesh(std::move(cfg), env, s.policy, native, c.proxy_configs_));
  };
  // Another revision is played with a copy of this configuration only when
  // webhooks (--rules, --cluster) or a snapshot's ConfigMaps can ask for
  // one; otherwise the configuration moves into its mesh, not copied (its
  // templates and values are the largest thing a one-document run builds).
  const bool may_play_others = !s.rules.empty() || !s.cluster_file.empty();
  add_mesh(may_play_others ? IstioConfig(base) : std::move(base));

  if (s.rules == "istio") {
    c.webhooks_ = c.default_mesh().default_webhooks();
  } else if (!s.rules.empty()) {
    c.webhooks_ = WebhookRules::parse(read_whole_file(disk, s.rules), s.rules);
  }
  if (!s.namespaces_file.empty()) {
    if (c.webhooks_) {
      for (const auto& d : read_all(read_whole_file(disk, s.namespaces_file), s.namespaces_file, s.limits))
        if (!d.empty) c.namespaces_.add(d.root);
    } else {
      c.notes_.push_back(fmt::format("--namespaces {}: read nowhere; namespace labels decide only which webhooks fire, "
                                     "and no webhooks are played (add --rules istio, --rules FILE or --cluster)",
                                     s.namespaces_file));
    }
  }

  // Every revision a webhook calls gets its mesh: from its own ConfigMaps
  // when the files hold them, else the configured revision's configuration
  // played as that revision (CA_ADDR, istio.io/rev), and the notes say so.
  std::vector<std::string> wanted;
  if (held && !s.cluster_file.empty()) wanted = *held;  // a snapshot's every revision is checked
  if (c.webhooks_)
    for (const auto& w : c.webhooks_->webhooks())
      if (auto rev = c.revision_of(w)) wanted.push_back(*rev);
  for (const auto& rev : wanted) {
    if (c.meshes_.count(rev)) continue;
    if (held && std::find(held->begin(), held->end(), rev) != held->end()) {
      ConfigSources r = src;
      r.revision = revision_name(rev);
      add_mesh(load_config(r, disk));
      continue;
    }
    IstioConfig cfg = base;
    cfg.revision = rev;
    cfg.values.set("revision", Node::string(rev));
    cfg.description = fmt::format("{} played as revision {}", base.description, revision_name(rev));
    c.notes_.push_back(fmt::format("revision {}: a webhook calls it, and {}: it is played with the configuration of "
                                   "revision {} ({}) as revision {}",
                                   revision_name(rev),
                                   held ? "the configuration files given hold no ConfigMaps of it"
                                        : "no configuration of its own is given",
                                   revision_name(base.revision), base.description, revision_name(rev)));
    add_mesh(std::move(cfg));
  }
  // Configuration given in files is checked now, templates and all, so a
  // broken one fails every run, with workloads or without. The built-in
  // profile cannot be broken: its templates are parsed only when a
  // workload needs them (most documents hold none).
  bool own = !src.inject_config_file.empty() || !src.values_file.empty() || !src.mesh_config_file.empty() ||
             !src.template_file.empty() || !src.operator_file.empty();
  if (own)
    for (const auto& [rev, mesh] : c.meshes_) mesh.load();
  if (c.proxy_configs_) c.add_proxy_config_warnings();
  // The configuration's own warnings (a release kinject does not know), once
  // however many revisions share them.
  for (const auto& [rev, mesh] : c.meshes_)
    for (const auto& w : mesh.warnings)
      if (std::find(c.notes_.begin(), c.notes_.end(), w) == c.notes_.end()) c.notes_.push_back(w);
  return c;
}

std::optional<std::string> Cluster::revision_of(const Webhook& w) const {
  if (auto rev = istio_revision_of(w)) return rev;
  if (calls_nobody(w)) return default_revision_;
  return std::nullopt;
}

bool Cluster::might_take(std::string_view text) const {
  return (webhooks_ && text.find("Namespace") != std::string_view::npos) ||
         (proxy_configs_ && text.find("ProxyConfig") != std::string_view::npos);
}

void Cluster::take(const Document& doc) {
  if (webhooks_) namespaces_.add(doc.root);
  if (!proxy_configs_) return;
  proxy_configs_->add(doc);
  add_proxy_config_warnings();
}

void Cluster::add_proxy_config_warnings() {
  // Istio's validation warnings (a selector without labels), once each.
  for (const auto& w : proxy_configs_->warnings())
    if (std::find(notes_.begin(), notes_.end(), w) == notes_.end()) notes_.push_back(w);
}

void Cluster::observe(const Node& object) {
  if (webhooks_ || namespaces_noted_) return;
  if (const Node* items = object.get("items"); items && items->is_seq()) {  // a List, a ResourceList
    for (const auto& item : items->items) observe(item);
    return;
  }
  const Node* kind = object.get("kind");
  if (!kind || kind->str() != "Namespace" || !has_injection_label(object)) return;
  const Node* name = object.at_path("metadata.name");
  namespaces_noted_ = true;
  notes_.push_back(fmt::format("Namespace {} carries an injection label, which decides nothing here: kinject plays no "
                               "webhooks, so every pod is decided by Istio's injector alone; add --rules istio (or "
                               "--rules FILE, --cluster SNAPSHOT) to decide as the cluster does",
                               name ? name->scalar_text() : "?"));
}

Verdict Cluster::decide(const PodFacts& pod) const {
  Verdict v;
  auto take = [&](const Mesh& mesh, const Decision& d) {
    v.inject = d.inject;
    v.reason = d.reason;
    for (const auto& w : d.warnings) v.warnings.push_back(w);
    v.config_warning = d.config_warning;
    if (d.inject) v.revision = revision_name(mesh.revision);
  };
  if (!webhooks_) {
    const Mesh& mesh = default_mesh();
    take(mesh, mesh.decide(pod, nullptr));
    if (v.inject) v.calls.push_back({&mesh, WebhookMatch{}});
    return v;
  }
  WebhookMatches all = match_all_webhooks(pod, *webhooks_, namespaces_);
  std::vector<std::pair<const Mesh*, WebhookMatch>> istio;
  std::string others;
  for (const auto& m : all.fired) {
    std::optional<std::string> rev = revision_of(*m.fired);
    if (!rev) {
      others += fmt::format("{}{} (of {}, calling {})", others.empty() ? "" : ", ", m.fired->name, m.fired->configuration,
                            m.fired->service.empty() ? m.fired->url : m.fired->service);
      continue;
    }
    if (!m.fired->match_conditions.empty()) {
      // The API server evaluates them (CEL) before calling the webhook;
      // kinject has no CEL, and guessing would decide wrongly either way.
      if (!settings_.ignore_match_conditions)
        throw Error(fmt::format("webhook {} (of {}) has matchConditions [{}], which the API server evaluates (CEL) before "
                                "calling it, and kinject cannot; to decide as if they all held, run with "
                                "--ignore-match-conditions (each workload they concern is warned of)",
                                m.fired->name, m.fired->configuration, conditions_of(*m.fired)));
      v.warnings.push_back(fmt::format("webhook {} (of {}) has matchConditions [{}], taken as true "
                                       "(--ignore-match-conditions): the cluster may not call it for this pod",
                                       m.fired->name, m.fired->configuration, conditions_of(*m.fired)));
    }
    istio.push_back({&meshes_.at(*rev), m});
  }
  if (istio.empty()) {
    v.warnings = pod_warnings(pod, false);  // no Istio code reads the label on a pod
    v.reason = others.empty() ? all.none_reason
                              : fmt::format("no Istio webhook fired (only {}, not Istio's injector)", others);
    return v;
  }
  const auto& [mesh, first] = istio.front();
  Decision d = mesh->decide(pod, &first);
  take(*mesh, d);
  // Which control plane injects, when there is a choice.
  if (d.inject && (meshes_.size() > 1 || !mesh->revision.empty())) v.reason += fmt::format(" (revision {})", v.revision);
  v.webhook = first.fired->name;
  v.configuration = first.fired->configuration;
  if (istio.size() > 1) {
    std::string names;
    for (const auto& [m, match] : istio)
      names += fmt::format("{}{} (of {}, revision {})", names.empty() ? "" : " and ", match.fired->name,
                           match.fired->configuration, revision_name(m->revision));
    v.warnings.push_back(fmt::format("{} webhooks fire for this pod: {}; the API server calls each in turn (configurations "
                                     "by name), and each one's injector injects again over what the one before left; the "
                                     "output is what the last leaves",
                                     istio.size(), names));
  }
  if (d.inject) v.calls = std::move(istio);
  return v;
}

InjectionOutcome Cluster::inject(Node& root, const Workload& given, const std::string& namespace_, Verdict& v) const {
  // The webhook fills a pod's empty namespace from the admission request's
  // before anything reads it (webhook.go, Webhook.inject:
  // `pod.ObjectMeta.Namespace = req.Namespace`), so the template sees the
  // namespace the object is created in (DeploymentMeta, the
  // ISTIO_META_OWNER it renders). istioctl kube-inject has no request: an
  // object that names no namespace renders with none (IntoObject), and the
  // template says `default`.
  // (A copy only for such an object: most name their namespace.)
  std::optional<Workload> filled;
  if (!settings_.kube_inject && given.namespace_.empty()) {
    filled = given;
    filled->namespace_ = namespace_;
  }
  const Workload& w = filled ? *filled : given;
  InjectionOutcome out;
  for (std::size_t i = 0; i < v.calls.size(); ++i) {
    const auto& [mesh, match] = v.calls[i];
    if (i > 0) {
      // The API server matches each webhook against the pod as the webhooks
      // before it left it.
      const Node* pod = w.pod(root);
      if (!pod) break;
      PodFacts now = pod_facts(*pod, namespace_);
      if (!webhook_matches(*match.fired, now, namespaces_) || !mesh->decide(now, &match).inject) continue;
    }
    InjectionOutcome step = mesh->inject(root, w);
    bool changed = out.changed || step.changed;
    step.warnings.insert(step.warnings.begin(), out.warnings.begin(), out.warnings.end());
    out = std::move(step);
    out.changed = changed;
    v.revision = revision_name(mesh->revision);
    v.webhook = match.fired ? match.fired->name : "";
    v.configuration = match.fired ? match.fired->configuration : "";
  }
  return out;
}

}  // namespace kinject
