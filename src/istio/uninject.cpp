#include "kinject/istio/uninject.h"

#include <algorithm>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "kinject/base/error.h"
#include "kinject/k8s/k8s_types.h"
#include "kinject/k8s/pod.h"
#include "kinject/yaml/reader.h"

namespace kinject {

using namespace pod;

namespace {

constexpr std::string_view kProxy = "istio-proxy";
constexpr std::string_view kOverrides = "proxy.istio.io/overrides";
constexpr std::string_view kProbers = "ISTIO_KUBE_APP_PROBERS";
constexpr std::string_view kPrometheus = "ISTIO_PROMETHEUS_ANNOTATIONS";
constexpr std::int64_t kDefaultStatusPort = 15020;

// A JSON object recorded by the injection, with its source positions dropped:
// they point into the annotation's text, not into the document.
Node parse_record(const std::string& text, const std::string& what) {
  Node n;
  try {
    n = parse_yaml(text, what);
  } catch (const Error& e) {
    throw Error(fmt::format("invalid value for {}: {}", what, e.bare()));
  }
  if (!n.is_map()) throw Error(fmt::format("invalid value for {}: not a JSON object", what));
  n.forget_source();
  return n;
}

std::vector<std::string> split_list(std::string_view s, char sep) {
  std::vector<std::string> out;
  while (true) {
    auto p = s.find(sep);
    std::string_view part = s.substr(0, p);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) out.emplace_back(part);
    if (p == std::string_view::npos) break;
    s.remove_prefix(p + 1);
  }
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The pod's maps and lists that uninjection may empty, with whether they had
// entries before: only those it empties go, as one the user wrote empty
// cannot be told from one the injection created.
struct Emptied {
  std::vector<std::pair<std::string, bool>> had;  // dotted path, non-empty before

  static bool non_empty(const Node* n) { return n && (n->is_map() || n->is_seq()) && n->size() > 0; }

  void note(const Node& pod, std::string_view path) { had.emplace_back(std::string(path), non_empty(pod.at_path(path))); }

  // Erases what is empty now and was not before, innermost paths first.
  void sweep(Node& pod) const {
    for (auto it = had.rbegin(); it != had.rend(); ++it) {
      const auto& [path, was] = *it;
      Node* n = pod.at_path(path);
      if (!was || !n || !(n->is_map() || n->is_seq()) || n->size() > 0) continue;
      auto dot = path.rfind('.');
      Node* parent = dot == std::string::npos ? &pod : pod.at_path(path.substr(0, dot));
      if (parent && parent->is_map()) parent->erase(dot == std::string::npos ? path : path.substr(dot + 1));
    }
  }
};

// The override record of a user's container, made to read as the user wrote
// it where the record allows: Go's JSON drops `image: auto` and always
// writes `resources: {}`, and canonicalises quantities whose spelling the
// injected container kept.
Node restore_override(Node record, const Node& injected) {
  if (!record.get("image")) {
    Node restored = Node::map();
    for (auto& e : record.entries) {
      bool is_name = e.key.scalar_text() == "name";
      restored.entries.push_back(std::move(e));
      if (is_name) restored.set("image", Node::string("auto"));
    }
    if (!restored.get("image")) restored.set("image", Node::string("auto"));
    record = std::move(restored);
  }
  if (const Node* r = record.get("resources"); r && r->is_map() && r->size() == 0) record.erase("resources");
  Node* now = record.get("resources");
  const Node* was = injected.get("resources");
  if (now && was && now->is_map() && was->is_map()) k8s::keep_quantity_spelling(*now, *was);
  // Where the container stood: should it move back (native sidecars put it
  // in the init containers), the writer takes its text along.
  record.span = injected.span;
  record.has_span = injected.has_span;
  return record;
}

// A restored scalar written the way the value it replaces was (the user's
// quotes survive in the injected text when only the value changed).
Node in_style_of(Node value, const Node* replaced) {
  if (replaced && value.kind == replaced->kind && (replaced->style == Style::Single || replaced->style == Style::Double))
    value.style = replaced->style;
  return value;
}

// The injection resolved a probe's named port to its number before recording
// it. A number that exactly one of the container's named ports has most
// likely was that name (74 of the 108 such probes of the corpus were written
// by name): give the name back, so that an uninjected manifest diffs clean
// against what was written. Either spelling is the same port to Kubernetes.
// (httpGet and tcpSocket only: a grpc probe's port can only be a number.)
void name_port(Node& handler, const Node& container) {
  Node* port = handler.is_map() ? handler.get("port") : nullptr;
  if (!port || port->kind != Kind::Int) return;
  const Node* ports = container.get("ports");
  if (!ports || !ports->is_seq()) return;
  const Node* found = nullptr;
  for (const auto& p : ports->items) {
    const Node* number = p.get("containerPort");
    const Node* name = p.get("name");
    if (!number || number->scalar_text() != port->scalar_text() || !name || name->scalar_text().empty()) continue;
    if (found) return;  // two names for one number: no telling which
    found = name;
  }
  if (found) *port = Node::string(found->scalar_text());
}

// Puts back a probe's recorded handler in place of the httpGet the injection
// rewrote it to. Only path, port and scheme were touched by the rewrite; the
// httpGet's other fields (host, headers) are the user's and stay as written.
void restore_probe(Node& probe, const Node& prober, const Node& container) {
  for (auto& e : probe.entries) {
    if (e.key.scalar_text() != "httpGet") continue;
    if (const Node* orig = prober.get("httpGet"); orig && orig->is_map() && e.value.is_map()) {
      Node& http = e.value;
      for (const char* field : {"path", "port", "scheme"}) {
        const Node* want = orig->get(field);
        const Node* have = http.get(field);
        if (!want) {
          if (std::string_view(field) != "scheme") http.erase(field);
        } else if (!have || !have->same_value(*want)) {
          http.set(field, in_style_of(*want, have));
        }
      }
      name_port(http, container);
      return;
    }
    for (const char* handler : {"tcpSocket", "grpc"})
      if (const Node* orig = prober.get(handler)) {
        e.key = Node::string(handler);
        e.value = *orig;
        if (std::string_view(handler) == "tcpSocket") name_port(e.value, container);  // a grpc port is only a number
        return;
      }
    return;
  }
}

// What Istio's post-processing recorded in the injected proxy, read before
// the proxy goes.
struct ProxyRecord {
  Node probers = Node::map();     // ISTIO_KUBE_APP_PROBERS
  std::optional<Node> prometheus;  // ISTIO_PROMETHEUS_ANNOTATIONS
  std::optional<std::string> app_containers, workload_name;
  bool hbone = false;
  bool router = false;
};

ProxyRecord read_proxy(const Node* proxy) {
  ProxyRecord r;
  if (!proxy) return r;
  // Parsed now, so that a broken record stops the uninjection before it
  // changes anything.
  if (auto p = env_value(proxy, kProbers)) r.probers = parse_record(*p, fmt::format("env {} of {}", kProbers, kProxy));
  if (auto p = env_value(proxy, kPrometheus))
    r.prometheus = parse_record(*p, fmt::format("env {} of {}", kPrometheus, kProxy));
  r.app_containers = env_value(proxy, "ISTIO_META_APP_CONTAINERS");
  r.workload_name = env_value(proxy, "ISTIO_META_WORKLOAD_NAME");
  r.hbone = env_value(proxy, "ISTIO_META_ENABLE_HBONE").value_or("") == "true";
  if (const Node* args = proxy->get("args"); args && args->is_seq())
    for (std::size_t i = 0; i + 1 < args->items.size(); ++i)
      if (args->items[i].scalar_text() == "proxy" && args->items[i + 1].scalar_text() == "router") r.router = true;
  return r;
}

// The ports the injected agent may have been given as its status port.
std::set<std::string> status_ports(const Node* annotations) {
  std::set<std::string> out{fmt::format("{}", kDefaultStatusPort)};
  if (auto p = scalar_at(annotations, "status.sidecar.istio.io/port")) out.insert(*p);
  if (auto pc = scalar_at(annotations, "proxy.istio.io/config")) {
    try {
      Node cfg = parse_yaml(*pc, "proxy.istio.io/config");
      if (auto sp = scalar_at(&cfg, "statusPort")) out.insert(*sp);
    } catch (const Error&) {
      // The injector validated it; a broken one names no port.
    }
  }
  return out;
}

// sprig's trunc 63 | trimSuffix "-" as the sidecar template applies them.
std::string canonical_name_cut(std::string s) {
  if (s.size() > 63) s.resize(63);
  if (!s.empty() && s.back() == '-') s.pop_back();
  return s;
}

std::string first_non_empty(const Node* labels, std::initializer_list<std::string_view> keys, std::string fallback) {
  for (auto k : keys)
    if (auto v = scalar_at(labels, k); v && !v->empty()) return *v;
  return fallback;
}

// The position of a key in a map, -1 when absent.
long index_of(const Node& map, std::string_view key) {
  for (std::size_t i = map.entries.size(); i-- > 0;)
    if (map.entries[i].key.scalar_text() == key) return static_cast<long>(i);
  return -1;
}

void erase_if_equal(Node* map, std::string_view key, std::string_view value) {
  if (auto v = scalar_at(map, key); v && *v == value) map->erase(key);
}

void undo_labels(Node& pod, const ProxyRecord& proxy) {
  Node* labels = map_at(pod.get("metadata"), "labels");
  if (!labels) return;
  erase_if_equal(labels, "security.istio.io/tlsMode", "istio");
  if (proxy.hbone) erase_if_equal(labels, "networking.istio.io/tunnel", "http");
  std::string name = first_non_empty(labels, {"app.kubernetes.io/name", "app"}, proxy.workload_name.value_or(""));
  if (auto v = scalar_at(labels, "service.istio.io/canonical-name"); v && (*v == name || *v == canonical_name_cut(name)))
    labels->erase("service.istio.io/canonical-name");
  erase_if_equal(labels, "service.istio.io/canonical-revision",
                 first_non_empty(labels, {"app.kubernetes.io/version", "version"}, "latest"));
}

void undo_prometheus(Node& annotations, const ProxyRecord& proxy, const std::set<std::string>& ports) {
  static constexpr const char* kNames[] = {"scrape", "path", "port"};
  if (proxy.prometheus) {
    const Node& orig = *proxy.prometheus;
    // 1.31's scrape targets (prometheus.istio.io/scrape-targets, "port:path"
    // a target, comma-separated): the record's port and path are the first
    // target's, put there for old agents, not the user's.
    std::string targets;
    if (const Node* t = orig.get("targets"); t && t->is_seq())
      for (const auto& target : t->items)
        targets += fmt::format("{}{}:{}", targets.empty() ? "" : ",", scalar_at(&target, "port").value_or(""),
                               scalar_at(&target, "path").value_or(""));
    for (const char* n : kNames) {
      std::string key = fmt::format("prometheus.io/{}", n);
      std::string was = targets.empty() || std::string_view(n) == "scrape" ? scalar_at(&orig, n).value_or("") : "";
      // Set in place of the injected entry, among the user's other keys.
      if (was.empty()) annotations.erase(key);
      else annotations.set(key, in_style_of(Node::string(was), annotations.get(key)));
    }
    if (!targets.empty()) {
      // Quoted as the user quotes the annotation beside it, if any.
      annotations.set("prometheus.istio.io/scrape-targets",
                      in_style_of(Node::string(targets), annotations.get("prometheus.io/scrape")));
    }
    return;
  }
  auto port = scalar_at(&annotations, "prometheus.io/port");
  if (port && ports.count(*port) && scalar_at(&annotations, "prometheus.io/path").value_or("") == "/stats/prometheus" &&
      scalar_at(&annotations, "prometheus.io/scrape").value_or("") == "true")
    for (const char* n : kNames) annotations.erase(fmt::format("prometheus.io/{}", n));
}

// Whether the template added an annotation rather than found it: it appends
// its keys after istio.io/rev, which it always writes, so a key the user wrote
// comes first. Go's encoders (istioctl kube-inject, kubectl get) sort the
// keys, which puts every key the rules below ask about after istio.io/rev:
// then the values alone decide.
bool appended(const Node& annotations, std::string_view key) {
  return index_of(annotations, key) > index_of(annotations, "istio.io/rev");
}

// The CNI annotations the sidecar template writes: those it derives from
// Istio's default values go, the ones it copies from the user's stay, and
// what it appends to the user's values is taken off again.
void undo_cni(Node& annotations, const std::string& status_port) {
  for (auto [key, value] : {std::pair{"sidecar.istio.io/interceptionMode", "REDIRECT"},
                            std::pair{"traffic.sidecar.istio.io/includeOutboundIPRanges", "*"},
                            std::pair{"traffic.sidecar.istio.io/includeInboundPorts", "*"}})
    if (appended(annotations, key)) erase_if_equal(&annotations, key, value);

  // excludeInboundPort appends the status port (not 0) unless the list has it.
  constexpr std::string_view kExclude = "traffic.sidecar.istio.io/excludeInboundPorts";
  if (auto v = scalar_at(&annotations, kExclude)) {
    std::string port = status_port == "0" ? "" : status_port;
    if (*v == port) {
      if (appended(annotations, kExclude)) annotations.erase(kExclude);
      else annotations.set(kExclude, Node::string(""));
    } else if (!port.empty() && ends_with(*v, "," + port)) {
      annotations.set(kExclude, Node::string(v->substr(0, v->size() - port.size() - 1)));
    }
  }

  // appendMultusNetwork: the network alone, or appended to the user's list
  // (comma-separated or JSON). The JSON entry is as the injector's release
  // wrote it: name and namespace from 1.24.4 / 1.25.1 / 1.26, the whole
  // "default/istio-cni" as its name before (IstioRelease).
  constexpr std::string_view kMultus = "k8s.v1.cni.cncf.io/networks";
  if (auto v = scalar_at(&annotations, kMultus)) {
    const std::string net = "default/istio-cni";
    auto json_entry_end = [&](std::string_view entry) -> std::optional<std::size_t> {
      auto close = v->rfind(']');
      if (close == std::string::npos || close < entry.size() || v->compare(close - entry.size(), entry.size(), entry) != 0)
        return std::nullopt;
      return close;
    };
    if (*v == net) {
      if (appended(annotations, kMultus)) annotations.erase(kMultus);
    } else if (ends_with(*v, ", " + net)) {
      annotations.set(kMultus, Node::string(v->substr(0, v->size() - net.size() - 2)));
    } else {
      for (std::string_view entry : {R"(, {"name": "istio-cni", "namespace": "default"})", R"(, {"name": "default/istio-cni"})"})
        if (auto close = json_entry_end(entry)) {
          annotations.set(kMultus, Node::string(v->substr(0, *close - entry.size()) + v->substr(*close)));
          break;
        }
    }
  }
}

// Everything the injected proxy and the overrides annotation recorded,
// read before the proxy goes.
struct Records {
  ProxyRecord proxy;
  Node overrides = Node::map();  // proxy.istio.io/overrides
  std::vector<std::string> apps;  // ISTIO_META_APP_CONTAINERS
};

Records read_records(Node& pod, const InjectionStatus& st) {
  Records r;
  Node* spec = map_at(&pod, "spec");
  if (contains(st.containers, kProxy)) r.proxy = read_proxy(find_container(seq_at(spec, "containers"), kProxy));
  else if (contains(st.init_containers, kProxy)) r.proxy = read_proxy(find_container(seq_at(spec, "initContainers"), kProxy));
  if (auto o = scalar_at(map_at(pod.get("metadata"), "annotations"), kOverrides))
    r.overrides = parse_record(*o, fmt::format("annotation '{}'", kOverrides));
  if (r.proxy.app_containers) r.apps = split_list(*r.proxy.app_containers, ',');
  return r;
}

// The containers of one list the status names: removed, or given back to
// the user (returns those restored from the overrides record, which are
// left as the user wrote them).
std::vector<const Node*> undo_containers(Node* list, const std::vector<std::string>& names, const char* field,
                                         const Records& rec, UninjectOutcome& out) {
  if (!list) return {};
  std::vector<std::string> restored;
  const Node* record = seq_at(&rec.overrides, field);
  auto users_own = [&](const std::string& name) { return find_container(record, name) || contains(rec.apps, name); };
  bool any_left = false;
  for (const auto& c : list->items)
    if (!contains(names, name_of(c)) || users_own(name_of(c))) any_left = true;
  // A pod has containers: if the status claims them all, the template
  // rendered the pod's own (grpc-simple) and they stay.
  if (!any_left && std::string_view(field) == "containers") return {};
  for (const auto& name : names) {
    Node* c = find_container(list, name);
    if (!c) continue;
    if (const Node* user = find_container(record, name)) {
      *c = restore_override(*user, *c);
      restored.push_back(name);
    } else if (!users_own(name)) {
      remove_named(list, name);
      out.removed.push_back(name);
    }
  }
  std::vector<const Node*> users;
  for (const auto& name : restored)
    if (const Node* c = find_container(list, name)) users.push_back(c);
  out.restored.insert(out.restored.end(), restored.begin(), restored.end());
  return users;
}

// Volumes and pull secrets, and the mounts the template gave the app
// containers of the volumes it added.
void undo_volumes(Node& pod, const InjectionStatus& st, const std::set<const Node*>& users) {
  Node* spec = map_at(&pod, "spec");
  std::set<std::string> gone;
  if (Node* vols = seq_at(spec, "volumes"))
    for (const auto& v : st.volumes)
      if (remove_named(vols, v)) gone.insert(v);
  if (Node* secrets = seq_at(spec, "imagePullSecrets"))
    for (const auto& s : st.pull_secrets) remove_named(secrets, s);
  for (Node* list : {seq_at(spec, "containers"), seq_at(spec, "initContainers")}) {
    if (!list) continue;
    for (auto& c : list->items) {
      if (!c.is_map() || users.count(&c)) continue;
      Node* mounts = seq_at(&c, "volumeMounts");
      if (!mounts || mounts->items.empty()) continue;
      auto& items = mounts->items;
      items.erase(std::remove_if(items.begin(), items.end(), [&](const Node& m) { return gone.count(name_of(m)) > 0; }),
                  items.end());
      if (items.empty()) c.erase("volumeMounts");
    }
  }
}

// Probes rewritten to the agent get their recorded handler back, and so do
// the httpGet and tcpSocket lifecycle hooks Istio 1.25+ rewrites alike.
void undo_probes(Node& pod, const ProxyRecord& proxy, const std::set<const Node*>& users, std::vector<std::string>& warnings) {
  Node* spec = map_at(&pod, "spec");
  for (Node* list : {seq_at(spec, "containers"), seq_at(spec, "initContainers")}) {
    if (!list) continue;
    for (auto& c : list->items) {
      std::string name = name_of(c);
      if (!c.is_map() || name == kProxy || users.count(&c)) continue;
      Node* lifecycle = map_at(&c, "lifecycle");
      const struct {
        Node* parent;
        const char* field;
        std::string url;
      } handlers[] = {
          {&c, "readinessProbe", fmt::format("/app-health/{}/readyz", name)},
          {&c, "livenessProbe", fmt::format("/app-health/{}/livez", name)},
          {&c, "startupProbe", fmt::format("/app-health/{}/startupz", name)},
          {lifecycle, "preStop", fmt::format("/app-lifecycle/{}/prestopz", name)},
          {lifecycle, "postStart", fmt::format("/app-lifecycle/{}/poststartz", name)},
      };
      for (const auto& h : handlers) {
        Node* handler = map_at(h.parent, h.field);
        if (!handler || scalar_at(map_at(handler, "httpGet"), "path") != h.url) continue;
        if (const Node* p = proxy.probers.get(h.url); p && p->is_map()) {
          restore_probe(*handler, *p, c);
        } else {
          warnings.push_back(fmt::format("{} of container {} has no recorded original in {}; left pointing at the agent",
                                         h.parent == lifecycle ? fmt::format("lifecycle.{}", h.field) : h.field, name,
                                         kProbers));
        }
      }
    }
  }
}

// The annotations Istio's templates add whose values the pod alone says
// were derived (see uninject.h).
void undo_istio_annotations(Node& pod, Node& annotations, const InjectionStatus& st, const ProxyRecord& proxy) {
  undo_prometheus(annotations, proxy, status_ports(&annotations));
  std::string first_app;
  if (const Node* containers = seq_at(map_at(&pod, "spec"), "containers"))
    for (const auto& c : containers->items)
      if (name_of(c) != kProxy) {
        first_app = name_of(c);
        break;
      }
  for (const char* key : {"kubectl.kubernetes.io/default-container", "kubectl.kubernetes.io/default-logs-container"})
    if (!first_app.empty() && appended(annotations, key)) erase_if_equal(&annotations, key, first_app);
  // CNI: the validation init container, or, when interception is off and
  // there is none, the exclusion list the CNI block always writes.
  if (contains(st.init_containers, "istio-validation") ||
      (scalar_at(&annotations, "sidecar.istio.io/interceptionMode") == "NONE" &&
       appended(annotations, "traffic.sidecar.istio.io/excludeInboundPorts")))
    undo_cni(annotations, scalar_at(&annotations, "status.sidecar.istio.io/port").value_or(fmt::format("{}", kDefaultStatusPort)));
  if (auto t = scalar_at(&annotations, "inject.istio.io/templates")) {
    auto names = split_list(*t, ',');
    if ((contains(names, "grpc-agent") || contains(names, "grpc-simple")) &&
        appended(annotations, "sidecar.istio.io/rewriteAppHTTPProbers"))
      erase_if_equal(&annotations, "sidecar.istio.io/rewriteAppHTTPProbers", "false");
  }
  annotations.erase(kOverrides);
  erase_if_equal(&annotations, "istio.io/rev", st.revision);
}

// The gateway template's unprivileged-port sysctl, when the proxy is a router.
void undo_router_sysctl(Node& pod, const ProxyRecord& proxy) {
  if (!proxy.router) return;
  Node* sc = map_at(map_at(&pod, "spec"), "securityContext");
  if (!sc) return;
  Node sysctl = Node::map();
  sysctl.set("name", Node::string("net.ipv4.ip_unprivileged_port_start"));
  sysctl.set("value", Node::string("0"));
  if (const Node* s = seq_at(sc, "sysctls"); s && s->items.size() == 1 && s->items[0].same_value(sysctl)) sc->erase("sysctls");
}

// A user's istio-proxy goes back to the end of the containers, where
// Istio's documentation has it written: the injection moved it first (to
// hold the app) or last, or, under native sidecars, to the init containers,
// where one the user meant as an init container has a restartPolicy.
void return_user_proxy(Node& pod) {
  Node* spec = map_at(&pod, "spec");
  const char* from = nullptr;
  if (find_container(seq_at(spec, "containers"), kProxy)) from = "containers";
  else if (Node* q = find_container(seq_at(spec, "initContainers"), kProxy); q && !q->get("restartPolicy")) from = "initContainers";
  if (from) move_container(pod, kProxy, from, "containers");
}

}  // namespace

UninjectOutcome uninject_pod(Node& pod, std::string_view status_key) {
  UninjectOutcome out;
  auto status_text = scalar_at(map_at(pod.get("metadata"), "annotations"), status_key);
  if (!status_text) {
    out.reason = fmt::format("no {} annotation", status_key);
    return out;
  }
  InjectionStatus st = status_from(parse_record(*status_text, fmt::format("annotation '{}'", status_key)));
  // Istio's post-processing left records of its own; a template of one's
  // own recorded only what its status lists.
  const bool istio = status_key == kIstioStatusAnnotation;
  const Node before = pod;

  Emptied emptied;
  for (const char* path : {"metadata", "metadata.labels", "metadata.annotations", "spec.initContainers", "spec.volumes",
                           "spec.imagePullSecrets", "spec.securityContext"})
    emptied.note(pod, path);

  Records rec = istio ? read_records(pod, st) : Records{};
  std::set<const Node*> users;  // restored from the overrides record: left as the user wrote them
  Node* spec = map_at(&pod, "spec");
  for (auto [field, names] : {std::pair{"containers", &st.containers}, std::pair{"initContainers", &st.init_containers}})
    for (const Node* c : undo_containers(seq_at(spec, field), *names, field, rec, out)) users.insert(c);
  undo_volumes(pod, st, users);

  Node* annotations = map_at(pod.get("metadata"), "annotations");
  if (istio) {
    undo_probes(pod, rec.proxy, users, out.warnings);
    undo_labels(pod, rec.proxy);
    if (annotations) undo_istio_annotations(pod, *annotations, st, rec.proxy);
    undo_router_sysctl(pod, rec.proxy);
  }
  if (annotations) {
    annotations->erase(status_key);
    // A template of one's own records the metadata keys it added.
    for (const auto& k : st.annotations) annotations->erase(k);
  }
  if (Node* labels = map_at(map_at(&pod, "metadata"), "labels"))
    for (const auto& k : st.labels) labels->erase(k);
  if (contains(out.restored, kProxy)) return_user_proxy(pod);

  emptied.sweep(pod);
  out.changed = !pod.same_value(before);
  return out;
}

namespace {

// Where istioctl records a CronJob's injection (the metadata's parent).
template <typename N>
N* job_template(N& root, const Workload& w) {
  return w.kind == "CronJob" ? map_at(map_at(w.object(root), "spec"), "jobTemplate") : nullptr;
}

bool records(const Node* metadata, std::string_view status_key) {
  return scalar_at(map_at(metadata, "annotations"), status_key).has_value();
}

}  // namespace

InjectionRecords injection_records(const Node& root, const Workload& w, std::string_view status_key) {
  const Node* pod = w.pod(root);
  const Node* job = job_template(root, w);
  return {pod && records(pod->get("metadata"), status_key), job && records(job->get("metadata"), status_key)};
}

UninjectOutcome uninject_workload(Node& root, const Workload& w, std::string_view status_key) {
  Node* pod = w.pod(root);
  if (!pod || !pod->is_map()) throw Error("the workload has no pod template");
  const InjectionRecords at = injection_records(root, w, status_key);
  if (!at.job_template) return uninject_pod(*pod, status_key);
  UninjectOutcome out;
  if (at.pod_template) out = uninject_pod(*pod, status_key);
  // istioctl's CronJob: the pod it injected, undone, and put back.
  Node* job = job_template(root, w);
  Node view = Node::map();
  view.set("metadata", *job->get("metadata"));
  if (const Node* spec = pod->get("spec")) view.set("spec", *spec);
  UninjectOutcome istioctl = uninject_pod(view, status_key);
  if (const Node* metadata = view.get("metadata")) job->set("metadata", *metadata);
  else job->erase("metadata");  // emptied by the uninjection: it had only what istioctl added
  if (const Node* spec = view.get("spec")) pod->set("spec", *spec);
  out.changed = out.changed || istioctl.changed;
  for (std::vector<std::string> UninjectOutcome::*list : {&UninjectOutcome::removed, &UninjectOutcome::restored,
                                                          &UninjectOutcome::warnings})
    (out.*list).insert((out.*list).end(), (istioctl.*list).begin(), (istioctl.*list).end());
  if (!out.changed) out.reason = istioctl.reason;
  return out;
}

}  // namespace kinject
