// Istio's probe rewriting (pkg/kube/inject/app_probe.go, webhook.go's
// applyRewrite): the app's HTTP, TCP and gRPC probes go through the agent's
// status port, which runs the original probe recorded in the proxy's
// ISTIO_KUBE_APP_PROBERS, so that probes pass under mTLS.
#include <map>
#include <string>

#include <fmt/format.h>

#include "kinject/base/error.h"
#include "kinject/base/text.h"
#include "kinject/istio/inject_steps.h"
#include "kinject/istio/strconv.h"
#include "kinject/k8s/k8s_types.h"
#include "kinject/k8s/pod.h"
#include "kinject/yaml/reader.h"

namespace kinject::istio {

using namespace pod;

namespace {

const k8s::Type& prober_type() {
  static const k8s::Type t{"inject.Prober",
                           {{"HTTPGet", "httpGet", k8s::T::Struct, &k8s::http_get_type(), true, true},
                            {"TCPSocket", "tcpSocket", k8s::T::Struct, &k8s::tcp_socket_type(), true, true},
                            {"GRPC", "grpc", k8s::T::Struct, &k8s::grpc_type(), true, true},
                            {"TimeoutSeconds", "timeoutSeconds", k8s::T::Int32}}};
  return t;
}

bool grpc_port_ok(const Node& probe) {
  const Node* port = probe.at_path("grpc.port");
  return port && port->kind == Kind::Int;
}

// The prober for one kube probe, with named ports resolved; nullopt when the
// probe is not rewritten (exec, unresolvable name, already on the status port).
// A lifecycle hook (`hook`) is one too, but only httpGet and tcpSocket, and
// has no timeout (kubeLifecycleHandlerToInternalProber).
std::optional<Node> app_prober(const Node* probe, const std::map<std::string, std::int64_t>& ports, std::int64_t status_port,
                               bool hook = false) {
  if (!probe || !probe->is_map()) return std::nullopt;
  Node p = Node::map();
  const char* handler = nullptr;
  for (const char* h : {"httpGet", "tcpSocket", "grpc"}) {
    if (hook && std::string_view(h) == "grpc") break;
    if (const Node* v = probe->get(h); v && v->is_map()) {
      handler = h;
      p.set(h, *v);
      break;
    }
  }
  if (!handler) return std::nullopt;
  if (const Node* t = probe->get("timeoutSeconds"); t && !hook) p.set("timeoutSeconds", *t);
  if (std::string_view(handler) == "grpc") {
    // GRPCAction.port is an int32: a placeholder (`${PORT}`, for envsubst)
    // is nothing the agent could read, and the probe is left as it is.
    if (!grpc_port_ok(*probe)) return std::nullopt;
    return p;
  }
  Node& action = *p.get(handler);
  Node* port = action.get("port");
  if (!port) return std::nullopt;
  if (port->kind == Kind::Int) {
    if (port->i == status_port) return std::nullopt;
  } else {
    auto it = ports.find(port->scalar_text());
    if (it == ports.end()) return std::nullopt;
    *port = Node::integer(it->second);
  }
  return p;
}

std::string format_probers(const std::map<std::string, Node>& probers) {
  std::string out = "{";
  bool first = true;
  for (const auto& [k, v] : probers) {
    out += (first ? "" : ",") + json_quote(k) + ":" + k8s::go_json(v, prober_type());
    first = false;
  }
  return out + "}";
}

// Lifecycle hooks the agent runs (Istio 1.25+), by their URL's last part.
constexpr std::pair<const char*, const char*> kHooks[] = {{"preStop", "prestopz"}, {"postStart", "poststartz"}};

std::string dump_app_probers(Node& pod, std::int64_t status_port, bool hooks) {
  std::map<std::string, Node> out;
  for (const char* field : {"initContainers", "containers"}) {
    Node* list = container_list(pod, field);
    if (!list) continue;
    for (const auto& c : list->items) {
      if (!c.is_map() || name_of(c) == kProxyContainer) continue;
      std::string name = name_of(c);
      std::map<std::string, std::int64_t> ports;
      if (const Node* pl = c.get("ports"); pl && pl->is_seq())
        for (const auto& p : pl->items) {
          std::string pn = str_at(&p, "name");
          const Node* cp = p.get("containerPort");
          if (!pn.empty() && cp) ports[pn] = cp->kind == Kind::Int ? cp->i : 0;
        }
      const std::pair<const char*, const char*> probes[] = {
          {"readinessProbe", "readyz"}, {"livenessProbe", "livez"}, {"startupProbe", "startupz"}};
      for (auto [field_name, suffix] : probes)
        if (auto p = app_prober(c.get(field_name), ports, status_port))
          out[fmt::format("/app-health/{}/{}", name, suffix)] = std::move(*p);
      if (const Node* lifecycle = c.get("lifecycle"); hooks && lifecycle && lifecycle->is_map())
        for (auto [hook, suffix] : kHooks)
          if (auto p = app_prober(lifecycle->get(hook), ports, status_port, true))
            out[fmt::format("/app-lifecycle/{}/{}", name, suffix)] = std::move(*p);
    }
  }
  if (out.empty()) return "";
  return format_probers(out);
}

// rewriteHTTPGetAction, or a tcpSocket/grpc handler replaced by an httpGet
// on the agent in its place (the key order of the probe kept).
void point_at_agent(Node& handler_owner, const std::string& url, int status_port, bool grpc) {
  if (Node* http = handler_owner.get("httpGet"); http && http->is_map()) {
    http->set("port", Node::integer(status_port));
    http->set("path", Node::string(url));
    if (const Node* scheme = http->get("scheme"); scheme && scheme->scalar_text() == "HTTPS")
      http->set("scheme", Node::string("HTTP"));
    return;
  }
  bool tcp = handler_owner.get("tcpSocket") != nullptr;
  if (!tcp && !(grpc && handler_owner.get("grpc") && grpc_port_ok(handler_owner))) return;
  Node http_get = Node::map();
  http_get.set("path", Node::string(url));
  http_get.set("port", Node::integer(status_port));
  for (auto& e : handler_owner.entries)
    if (e.key.scalar_text() == (tcp ? "tcpSocket" : "grpc")) {
      e.key = Node::string("httpGet");
      e.value = std::move(http_get);
      break;
    }
}

void convert_probe(Node& c, int status_port, bool hooks) {
  std::string name = name_of(c);
  const std::pair<const char*, const char*> probes[] = {
      {"readinessProbe", "readyz"}, {"livenessProbe", "livez"}, {"startupProbe", "startupz"}};
  for (auto [field_name, suffix] : probes)
    if (Node* probe = c.get(field_name); probe && probe->is_map())
      point_at_agent(*probe, fmt::format("/app-health/{}/{}", name, suffix), status_port, true);
  // convertAppLifecycleHandler: httpGet and tcpSocket hooks only.
  if (Node* lifecycle = c.get("lifecycle"); hooks && lifecycle && lifecycle->is_map())
    for (auto [hook, suffix] : kHooks)
      if (Node* h = lifecycle->get(hook); h && h->is_map())
        point_at_agent(*h, fmt::format("/app-lifecycle/{}/{}", name, suffix), status_port, false);
}

void patch_rewrite_probes(Node& pod, const std::optional<std::string>& port_annotation, std::int64_t default_port,
                          bool hooks) {
  int status_port = static_cast<int>(default_port);
  if (port_annotation) {
    // strconv.Atoi; Istio logs a bad value and goes on with 0.
    try {
      std::size_t used = 0;
      status_port = std::stoi(*port_annotation, &used);
      if (used != port_annotation->size()) status_port = 0;
    } catch (...) {
      status_port = 0;
    }
  }
  for (const char* field : {"containers", "initContainers"}) {
    Node* list = container_list(pod, field);
    if (!list) continue;
    for (auto& c : list->items)
      if (c.is_map() && name_of(c) != kProxyContainer) convert_probe(c, status_port, hooks);
  }
}

// mergeOrAppendProbers: a re-injection keeps the recorded probers (they hold
// the originals; the pod's probes are rewritten already) and adds new ones.
// A proxy without the variable gets it from Istio 1.27 on (`append_missing`);
// before, the new probers were dropped.
void merge_or_append_probers(Node& env, bool previously_injected, const std::string& prober, bool append_missing) {
  bool present = false;
  for (const auto& e : env.items) present = present || name_of(e) == "ISTIO_KUBE_APP_PROBERS";
  if (!previously_injected || (!present && append_missing)) {
    env.items.push_back(env_var("ISTIO_KUBE_APP_PROBERS", prober));
    return;
  }
  for (auto& e : env.items) {
    if (name_of(e) != "ISTIO_KUBE_APP_PROBERS") continue;
    try {
      Node old = parse_yaml(str_at(&e, "value"), "ISTIO_KUBE_APP_PROBERS");
      Node fresh = parse_yaml(prober, "ISTIO_KUBE_APP_PROBERS");
      std::map<std::string, Node> all;
      for (const auto& x : fresh.entries) all[x.key.scalar_text()] = x.value;
      for (const auto& x : old.entries) all[x.key.scalar_text()] = x.value;  // existing entries win
      e.set("value", Node::string(format_probers(all)));
    } catch (const Error&) {
      // Istio logs and leaves the variable alone.
    }
    break;
  }
}

// A grpc probe whose port is a placeholder cannot be rewritten; say so.
std::vector<std::string> unrewritable_grpc_probes(Node& pod) {
  std::vector<std::string> warnings;
  for (const char* field : {"containers", "initContainers"})
    if (const Node* list = container_list(pod, field))
      for (const auto& c : list->items)
        for (const char* probe : {"readinessProbe", "livenessProbe", "startupProbe"})
          if (const Node* p = c.is_map() ? c.get(probe) : nullptr; p && p->is_map() && p->get("grpc") && !grpc_port_ok(*p))
            warnings.push_back(fmt::format("container \"{}\": the {}'s grpc port is not a number; the probe is left as "
                                           "it is (substitute the placeholder before applying)",
                                           name_of(c), probe));
  return warnings;
}

}  // namespace

std::vector<std::string> apply_rewrite(Node& pod, const InjectionParams& p) {
  Node* sidecar = find_in_pod(pod, kProxyContainer);
  if (!sidecar) return {};
  bool rewrite = bool_at(&p.values(), "sidecarInjectorWebhook.rewriteAppHTTPProbe");
  if (auto a = annotation(pod, "sidecar.istio.io/rewriteAppHTTPProbers"))
    if (auto b = parse_bool(*a)) rewrite = *b;
  if (!rewrite) return {};
  const IstioRelease& release = p.config().release;
  std::string prober = dump_app_probers(pod, p.status_port, release.rewrites_lifecycle_hooks());
  if (!prober.empty())
    merge_or_append_probers(env_of(*find_in_pod(pod, kProxyContainer)), annotation(pod, p.status_key()).has_value(), prober,
                            release.appends_missing_probers());
  patch_rewrite_probes(pod, annotation(pod, "status.sidecar.istio.io/port"), p.status_port,
                       release.rewrites_lifecycle_hooks());
  return unrewritable_grpc_probes(pod);
}

}  // namespace kinject::istio
