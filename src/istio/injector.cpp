#include "kinject/istio/injector.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "kinject/base/error.h"
#include "kinject/k8s/k8s_types.h"
#include "kinject/k8s/pod_validation.h"
#include "kinject/yaml/reader.h"
#include "kinject/k8s/strategic_merge.h"
#include "kinject/istio/template_data.h"
#include "kinject/istio/funcs.h"
#include "kinject/yaml/writer.h"

namespace kinject {

using tmpl::Value;

namespace {

constexpr std::string_view kProxy = "istio-proxy";
constexpr std::string_view kInit = "istio-init";
constexpr std::string_view kValidation = "istio-validation";
constexpr std::string_view kCoreDump = "enable-core-dump";
constexpr std::string_view kOverrides = "proxy.istio.io/overrides";
constexpr std::string_view kProxyConfig = "proxy.istio.io/config";

// ---------------------------------------------------------------- small helpers

const Node* child(const Node* n, std::string_view key) { return n && n->is_map() ? n->get(key) : nullptr; }

std::string str_at(const Node* n, std::string_view dotted) {
  const Node* v = n ? n->at_path(dotted) : nullptr;
  return v && v->is_scalar() ? v->scalar_text() : std::string();
}

bool bool_at(const Node* n, std::string_view dotted) {
  const Node* v = n ? n->at_path(dotted) : nullptr;
  return v && v->kind == Kind::Bool && v->b;
}

const Node* annotation_node(const Node& pod, std::string_view key) { return child(child(pod.get("metadata"), "annotations"), key); }

std::optional<std::string> annotation(const Node& pod, std::string_view key) {
  const Node* v = annotation_node(pod, key);
  if (!v) return std::nullopt;
  return v->scalar_text();
}

const Node* label(const Node& pod, std::string_view key) { return child(child(pod.get("metadata"), "labels"), key); }

Node& annotations_of(Node& pod) { return pod.child_map("metadata").child_map("annotations"); }

Node* container_list(Node& pod, std::string_view field) {
  Node* spec = pod.get("spec");
  if (!spec || !spec->is_map()) return nullptr;
  Node* l = spec->get(field);
  return l && l->is_seq() ? l : nullptr;
}

std::string name_of(const Node& c) { return str_at(&c, "name"); }

Node* find_container(Node* list, std::string_view name) {
  if (!list) return nullptr;
  for (auto& c : list->items)
    if (c.is_map() && name_of(c) == name) return &c;
  return nullptr;
}

// FindContainerFromPod: containers first, then init containers.
Node* find_in_pod(Node& pod, std::string_view name) {
  if (Node* c = find_container(container_list(pod, "containers"), name)) return c;
  return find_container(container_list(pod, "initContainers"), name);
}

enum class Move { First, Last, Remove };

void modify_containers(Node* list, std::string_view name, Move how) {
  if (!list) return;
  auto it = std::find_if(list->items.begin(), list->items.end(), [&](const Node& c) { return c.is_map() && name_of(c) == name; });
  if (it == list->items.end()) return;
  Node c = std::move(*it);
  list->items.erase(it);
  if (how == Move::First) list->items.insert(list->items.begin(), std::move(c));
  else if (how == Move::Last) list->items.push_back(std::move(c));
}

std::vector<std::string> names_in(const Node* list) {
  std::vector<std::string> out;
  if (list && list->is_seq())
    for (const auto& c : list->items) out.push_back(c.is_map() ? name_of(c) : c.scalar_text());
  return out;
}

// Go's strconv.ParseBool.
std::optional<bool> parse_bool(std::string_view v) {
  if (v == "1" || v == "t" || v == "T" || v == "true" || v == "TRUE" || v == "True") return true;
  if (v == "0" || v == "f" || v == "F" || v == "false" || v == "FALSE" || v == "False") return false;
  return std::nullopt;
}

std::optional<std::uint64_t> parse_uint(std::string_view v, unsigned bits) {
  if (v.empty()) return std::nullopt;
  std::uint64_t n = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
    if (bits < 64 && n >= (std::uint64_t{1} << bits)) return std::nullopt;
  }
  return n;
}

std::string trim(std::string_view s) {
  std::size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return std::string(s.substr(a, b - a));
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    auto p = s.find(sep, start);
    out.emplace_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

// ---------------------------------------------------------------- annotation validation

// netip.ParsePrefix: an IPv4 or IPv6 address, '/', prefix length.
bool valid_ipv4(std::string_view s) {
  auto parts = split(s, '.');
  if (parts.size() != 4) return false;
  for (const auto& p : parts) {
    if (p.empty() || p.size() > 3) return false;
    if (p.size() > 1 && p[0] == '0') return false;
    for (char c : p)
      if (c < '0' || c > '9') return false;
    if (std::stoi(p) > 255) return false;
  }
  return true;
}

bool valid_ipv6(std::string_view s) {
  if (s.empty()) return false;
  std::string addr(s);
  // An embedded IPv4 tail counts as two groups.
  int groups_extra = 0;
  auto last_colon = addr.rfind(':');
  if (last_colon != std::string::npos && addr.find('.', last_colon) != std::string::npos) {
    if (!valid_ipv4(std::string_view(addr).substr(last_colon + 1))) return false;
    addr = addr.substr(0, last_colon + 1) + "0";
    groups_extra = 1;
  }
  auto dbl = addr.find("::");
  if (dbl != std::string::npos && addr.find("::", dbl + 1) != std::string::npos) return false;
  auto count_groups = [](std::string_view part, int& n) {
    if (part.empty()) return true;
    for (const auto& g : split(part, ':')) {
      if (g.empty() || g.size() > 4) return false;
      for (char c : g)
        if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
      ++n;
    }
    return true;
  };
  int n = 0;
  if (dbl == std::string::npos) {
    if (!count_groups(addr, n)) return false;
    return n + groups_extra == 8;
  }
  if (!count_groups(std::string_view(addr).substr(0, dbl), n) || !count_groups(std::string_view(addr).substr(dbl + 2), n))
    return false;
  return n + groups_extra < 8;
}

std::optional<std::string> cidr_error(std::string_view cidr) {
  auto slash = cidr.find('/');
  if (slash == std::string_view::npos) return fmt::format("netip.ParsePrefix(\"{}\"): no '/'", cidr);
  std::string_view addr = cidr.substr(0, slash), bits = cidr.substr(slash + 1);
  bool v4 = valid_ipv4(addr), v6 = !v4 && valid_ipv6(addr);
  if (!v4 && !v6) return fmt::format("netip.ParsePrefix(\"{}\"): ParseAddr(\"{}\"): unable to parse IP", cidr, addr);
  auto n = parse_uint(bits, 16);
  if (!n || (bits.size() > 1 && bits[0] == '0') || *n > (v4 ? 32u : 128u))
    return fmt::format("netip.ParsePrefix(\"{}\"): bad bits after slash: \"{}\"", cidr, bits);
  return std::nullopt;
}

std::optional<std::string> check_cidrs(std::string_view v, const char* what) {
  if (v.empty()) return std::nullopt;
  for (const auto& c : split(v, ','))
    if (auto e = cidr_error(c)) return fmt::format("{} invalid: failed parsing cidr '{}': {}", what, c, *e);
  return std::nullopt;
}

std::optional<std::string> check_port(std::string_view p) {
  if (!parse_uint(trim(p), 16)) return fmt::format("failed parsing port '{}'", p);
  return std::nullopt;
}

std::optional<std::string> check_ports(std::string_view v, const char* what) {
  std::string t = trim(v);
  if (t.empty()) return std::nullopt;
  for (const auto& p : split(t, ','))
    if (auto e = check_port(p)) return fmt::format("{} invalid: failed parsing port '{}': {}", what, p, *e);
  return std::nullopt;
}

std::optional<std::string> check_annotation(std::string_view name, const std::string& v) {
  if (name == "sidecar.istio.io/interceptionMode") {
    if (v != "REDIRECT" && v != "TPROXY" && v != "NONE")
      return fmt::format("interceptionMode invalid, use REDIRECT,TPROXY,NONE: {}", v);
  } else if (name == "sidecar.istio.io/enableCoreDump" || name == "prometheus.istio.io/merge-metrics" ||
             name == "sidecar.istio.io/rewriteAppHTTPProbers") {
    if (!parse_bool(v)) return fmt::format("strconv.ParseBool: parsing \"{}\": invalid syntax", v);
  } else if (name == "status.sidecar.istio.io/port") {
    if (auto e = check_port(v)) return fmt::format("excludeInboundPorts invalid: {}", *e);
  } else if (name == "readiness.status.sidecar.istio.io/initialDelaySeconds" ||
             name == "readiness.status.sidecar.istio.io/periodSeconds" ||
             name == "readiness.status.sidecar.istio.io/failureThreshold") {
    if (!parse_uint(v, 32)) return fmt::format("strconv.ParseUint: parsing \"{}\": invalid syntax", v);
  } else if (name == "traffic.sidecar.istio.io/includeOutboundIPRanges") {
    if (v != "*") return check_cidrs(v, "includeIPRanges");
  } else if (name == "traffic.sidecar.istio.io/excludeOutboundIPRanges") {
    return check_cidrs(v, "excludeIPRanges");
  } else if (name == "traffic.sidecar.istio.io/includeInboundPorts") {
    if (v != "*") return check_ports(v, "includeInboundPorts");
  } else if (name == "traffic.sidecar.istio.io/excludeInboundPorts") {
    return check_ports(v, "excludeInboundPorts");
  } else if (name == "traffic.sidecar.istio.io/excludeOutboundPorts") {
    return check_ports(v, "excludeOutboundPorts");
  } else if (name == "traffic.sidecar.istio.io/includeOutboundPorts") {
    if (v != "*") return check_ports(v, "includeOutboundPorts");
  } else if (name == "sidecar.istio.io/proxyCPU" || name == "sidecar.istio.io/proxyMemory" ||
             name == "sidecar.istio.io/proxyCPULimit" || name == "sidecar.istio.io/proxyMemoryLimit") {
    if (!k8s::is_quantity(v)) return "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
  } else if (name == kProxyConfig) {
    try {
      Node pc = parse_yaml(v, std::string(kProxyConfig));
      if (!pc.is_null()) merge_proxy_config(default_proxy_config(), pc);
    } catch (const Error& e) {
      return fmt::format("failed to convert to apply proxy config: {}", e.bare());
    }
  }
  return std::nullopt;
}

}  // namespace

namespace {

// Injection records and finds containers by name (the status annotation,
// the overrides, stripping on re-injection), so a container without one
// cannot be injected twice the same way; Kubernetes refuses it anyway.
void validate_container_names(Node& pod) {
  for (const char* field : {"initContainers", "containers"}) {
    const Node* list = container_list(pod, field);
    if (!list) continue;
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      const Node& c = list->items[i];
      const Node* name = c.is_map() ? c.get("name") : nullptr;
      if (name && name->is_scalar() && !name->is_null() && !name->scalar_text().empty()) continue;
      long offset = c.has_span ? static_cast<long>(c.span.begin) : -1;
      throw Error(fmt::format("spec.{}[{}]: the container has no name; Kubernetes requires one", field, i)).at_offset(offset);
    }
  }
}

}  // namespace

void validate_annotations(const Node* annotations) {
  if (!annotations || !annotations->is_map()) return;
  std::vector<std::string> errors;
  long offset = -1;
  for (const auto& e : annotations->entries) {
    std::string name = e.key.scalar_text();
    std::string value = e.value.scalar_text();
    if (auto why = check_annotation(name, value)) {
      errors.push_back(fmt::format("invalid value '{}' for annotation '{}': {}", value, name, *why));
      if (offset < 0 && e.key.has_span) offset = e.key.span.begin;
    }
  }
  if (errors.empty()) return;
  std::string msg = errors.front();
  for (std::size_t i = 1; i < errors.size(); ++i) msg += "; " + errors[i];
  throw Error(msg).at_offset(offset);
}

namespace {

// ---------------------------------------------------------------- probes (app_probe.go)

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
std::optional<Node> app_prober(const Node* probe, const std::map<std::string, std::int64_t>& ports, std::int64_t status_port) {
  if (!probe || !probe->is_map()) return std::nullopt;
  Node p = Node::map();
  const char* handler = nullptr;
  for (const char* h : {"httpGet", "tcpSocket", "grpc"})
    if (const Node* v = probe->get(h); v && v->is_map()) {
      handler = h;
      p.set(h, *v);
      break;
    }
  if (!handler) return std::nullopt;
  if (const Node* t = probe->get("timeoutSeconds")) p.set("timeoutSeconds", *t);
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

std::string dump_app_probers(Node& pod, std::int64_t status_port) {
  std::map<std::string, Node> out;
  for (const char* field : {"initContainers", "containers"}) {
    Node* list = container_list(pod, field);
    if (!list) continue;
    for (const auto& c : list->items) {
      if (!c.is_map() || name_of(c) == kProxy) continue;
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
    }
  }
  if (out.empty()) return "";
  return format_probers(out);
}

void convert_probe(Node& c, int status_port) {
  std::string name = name_of(c);
  const std::pair<const char*, const char*> probes[] = {
      {"readinessProbe", "readyz"}, {"livenessProbe", "livez"}, {"startupProbe", "startupz"}};
  for (auto [field_name, suffix] : probes) {
    Node* probe = c.get(field_name);
    if (!probe || !probe->is_map()) continue;
    std::string url = fmt::format("/app-health/{}/{}", name, suffix);
    if (Node* http = probe->get("httpGet"); http && http->is_map()) {
      http->set("port", Node::integer(status_port));
      http->set("path", Node::string(url));
      if (const Node* scheme = http->get("scheme"); scheme && scheme->scalar_text() == "HTTPS")
        http->set("scheme", Node::string("HTTP"));
    } else if (probe->get("tcpSocket") || (probe->get("grpc") && grpc_port_ok(*probe))) {
      bool tcp = probe->get("tcpSocket") != nullptr;
      Node http_get = Node::map();
      http_get.set("path", Node::string(url));
      http_get.set("port", Node::integer(status_port));
      // Keep the probe's key order: the new handler takes the old one's place.
      for (auto& e : probe->entries)
        if (e.key.scalar_text() == (tcp ? "tcpSocket" : "grpc")) {
          e.key = Node::string("httpGet");
          e.value = std::move(http_get);
          break;
        }
    }
  }
}

void patch_rewrite_probes(Node& pod, const std::optional<std::string>& port_annotation, std::int64_t default_port) {
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
      if (c.is_map() && name_of(c) != kProxy) convert_probe(c, status_port);
  }
}

// ---------------------------------------------------------------- prometheus

// Prometheus' label sanitising: anything but [a-zA-Z0-9_] becomes '_'.
std::string sanitize_label(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) c = '_';
  return out;
}

std::optional<std::string> prometheus_annotation(const Node& pod, std::string_view which) {
  const Node* annos = child(pod.get("metadata"), "annotations");
  if (!annos || !annos->is_map()) return std::nullopt;
  std::string want = std::string("prometheus_io_") + std::string(which);
  std::optional<std::string> found;
  for (const auto& e : annos->entries)
    if (sanitize_label(e.key.scalar_text()) == want) found = e.value.scalar_text();
  return found;
}

void clear_prometheus_annotations(Node& pod) {
  Node* md = pod.get("metadata");
  Node* annos = md ? md->get("annotations") : nullptr;
  if (!annos || !annos->is_map()) return;
  auto& es = annos->entries;
  es.erase(std::remove_if(es.begin(), es.end(),
                          [](const Entry& e) {
                            std::string k = sanitize_label(e.key.scalar_text());
                            return k == "prometheus_io_path" || k == "prometheus_io_port" || k == "prometheus_io_scrape";
                          }),
           es.end());
}

Node env_var(std::string name, std::string value) {
  Node e = Node::map();
  e.set("name", Node::string(std::move(name)));
  e.set("value", Node::string(std::move(value)));
  return e;
}

Node& env_of(Node& container) {
  Node* env = container.get("env");
  if (!env || !env->is_seq()) return container.set("env", Node::seq());
  return *env;
}

// ---------------------------------------------------------------- status and overrides

struct Status {
  std::vector<std::string> init_containers, containers, volumes;
  std::vector<std::string> annotations, labels;  // recorded by a template of one's own
  bool valid = false;
};

Status parse_status(const std::optional<std::string>& text) {
  Status st;
  if (!text) return st;
  try {
    Node n = parse_yaml(*text, "sidecar.istio.io/status");
    if (!n.is_map()) return st;
    st.init_containers = names_in(n.get("initContainers"));
    st.containers = names_in(n.get("containers"));
    st.volumes = names_in(n.get("volumes"));
    for (auto [field, out] : {std::pair{"annotations", &st.annotations}, std::pair{"labels", &st.labels}})
      if (const Node* keys = n.get(field); keys && keys->is_seq())
        for (const auto& k : keys->items) out->push_back(k.scalar_text());
    st.valid = true;
  } catch (const Error&) {
  }
  return st;
}

std::string json_names(const Node* list) {
  auto names = names_in(list);
  if (!list || !list->is_seq() || names.empty()) return "null";
  std::string out = "[";
  for (std::size_t i = 0; i < names.size(); ++i) out += (i ? "," : "") + json_quote(names[i]);
  return out + "]";
}

// The status annotation: what the template added. Istio lists every name
// the template rendered; a template of one's own may also render the pod's
// own containers (to add a mount to them), so `keep` (the pod's own names)
// are left out of the record then.
std::string injection_status(const Node& template_pod, const std::string& revision, std::string_view status_key,
                             const Node* keep = nullptr) {
  const Node* spec = template_pod.get("spec");
  auto names = [&](const char* field) {
    const Node* list = child(spec, field);
    if (!keep || !list || !list->is_seq()) return json_names(list);
    Node filtered = Node::seq();
    const Node* own = child(keep->get("spec"), field);
    for (const auto& it : list->items)
      if (!find_container(const_cast<Node*>(own), name_of(it))) filtered.items.push_back(it);
    return json_names(&filtered);
  };
  std::string status = fmt::format("{{\"initContainers\":{},\"containers\":{},\"volumes\":{},\"imagePullSecrets\":{},\"revision\":{}",
                                   names("initContainers"), names("containers"), names("volumes"),
                                   names("imagePullSecrets"), json_quote(revision.empty() ? "default" : revision));
  // Istio records no metadata; a template of one's own records the
  // annotation and label keys it added, so that uninject can take them away.
  if (keep) {
    for (const char* field : {"annotations", "labels"}) {
      const Node* added = child(template_pod.get("metadata"), field);
      const Node* had = child(keep->get("metadata"), field);
      std::vector<std::string> keys;
      if (added && added->is_map())
        for (const auto& e : added->entries) {
          std::string k = e.key.scalar_text();
          if (k != status_key && !(had && had->is_map() && had->get(k))) keys.push_back(json_quote(k));
        }
      if (!keys.empty()) status += fmt::format(",\"{}\":[{}]", field, fmt::join(keys, ","));
    }
  }
  return status + "}";
}

struct Overrides {
  std::vector<Node> containers, init_containers;
};

// The overrides were written by Go's json.Marshal of a corev1.Container,
// which writes `"resources":{}` for a container without resources (a struct
// field is never omitted). Re-applied as is, that would add `resources: {}`
// to a container that never had it, so injecting an injected manifest would
// change it. The pod's own container (`pod`: the manifest as read) says
// whether the user wrote it.
void drop_marshalled_zero_structs(std::vector<Node>& overrides, const Node& pod, const char* field) {
  const Node* own = container_list(const_cast<Node&>(pod), field);
  for (auto& c : overrides) {
    const Node* r = c.get("resources");
    if (!r || !r->is_map() || !r->entries.empty()) continue;
    const Node* mine = find_container(const_cast<Node*>(own), name_of(c));
    if (!mine || !mine->get("resources")) c.erase("resources");
  }
}

Overrides parse_overrides(const std::optional<std::string>& text, const Node& pod) {
  Overrides o;
  if (!text) return o;
  Node n;
  try {
    n = parse_yaml(*text, std::string(kOverrides));
  } catch (const Error& e) {
    throw Error(fmt::format("invalid value for annotation '{}': {}", kOverrides, e.bare()));
  }
  if (const Node* c = n.get("containers"); c && c->is_seq()) o.containers = c->items;
  if (const Node* c = n.get("initContainers"); c && c->is_seq()) o.init_containers = c->items;
  for (auto& c : o.containers) c.forget_source();
  for (auto& c : o.init_containers) c.forget_source();
  drop_marshalled_zero_structs(o.containers, pod, "containers");
  drop_marshalled_zero_structs(o.init_containers, pod, "initContainers");
  return o;
}

const Node* find_in(const std::vector<Node>& list, std::string_view name) {
  for (const auto& c : list)
    if (c.is_map() && name_of(c) == name) return &c;
  return nullptr;
}

// stripPod: an already injected pod is presented to the template without
// what the previous injection added.
Node strip_pod(const Node& pod, const std::string& target_port, std::string_view status_key) {
  Status prev = parse_status(annotation(pod, status_key));
  if (!prev.valid) return pod;
  Node out = pod;
  for (const auto& c : prev.containers) modify_containers(container_list(out, "containers"), c, Move::Remove);
  for (const auto& c : prev.init_containers) modify_containers(container_list(out, "initContainers"), c, Move::Remove);
  if (auto cur = prometheus_annotation(out, "port"); cur && *cur == target_port) clear_prometheus_annotations(out);
  if (Node* annos = child(out.get("metadata"), "annotations") ? out.get("metadata")->get("annotations") : nullptr)
    annos->erase(status_key);
  // What a template of one's own added to the metadata, so that it is seen
  // (and recorded) as added again.
  for (auto [field, keys] : {std::pair{"annotations", &prev.annotations}, std::pair{"labels", &prev.labels}})
    if (Node* meta = out.get("metadata"); meta && meta->is_map())
      if (Node* m = meta->get(field); m && m->is_map())
        for (const auto& k : *keys) m->erase(k);
  return out;
}

// `pod` is the pod stripped of a previous injection, `original` as read.
Node reinsert_overrides(const Node& pod, const Node& original) {
  Overrides o = parse_overrides(annotation(pod, kOverrides), original);
  if (o.containers.empty() && o.init_containers.empty()) return pod;
  Node out = pod;
  Node& spec = out.child_map("spec");
  for (const auto& c : o.containers) {
    Node* list = spec.get("containers");
    if (!list || !list->is_seq()) list = &spec.set("containers", Node::seq());
    if (!find_container(list, name_of(c))) list->items.push_back(c);
  }
  for (const auto& c : o.init_containers) {
    Node* list = spec.get("initContainers");
    if (!list || !list->is_seq()) list = &spec.set("initContainers", Node::seq());
    if (!find_container(list, name_of(c))) list->items.push_back(c);
  }
  return out;
}

// Istio decodes the merged pod into a typed Pod after applying each
// template: zero values of omitempty fields vanish (`initialDelaySeconds: 0`)
// and always-marshalled ones appear (a resourceFieldRef's `divisor: "0"`).
// Only the containers the template rendered get that treatment here, so the
// user's own containers stay as written.
void typed_round_trip(Node& merged, const Node& rendered) {
  for (const char* field : {"containers", "initContainers"}) {
    const Node* rendered_list = container_list(const_cast<Node&>(rendered), field);
    if (!rendered_list) continue;
    for (const auto& rc : rendered_list->items) {
      if (!rc.is_map()) continue;
      for (const char* where : {"containers", "initContainers"})
        if (Node* c = find_container(container_list(merged, where), name_of(rc))) {
          try {
            k8s::go_normalize(*c, k8s::container_type());
          } catch (const Error& e) {
            throw Error(fmt::format("container \"{}\": {}", name_of(rc), e.bare()));
          }
        }
    }
  }
}

// Quantities that went through Go's typed marshalling come back canonical
// ("3000m" -> "3"); where the value did not change, keep the spelling the
// manifest had.
void keep_container_quantity_spelling(Node& merged, const Node& original) {
  for (const char* field : {"containers", "initContainers"}) {
    Node* list = container_list(merged, field);
    const Node* before = container_list(const_cast<Node&>(original), field);
    if (!list || !before) continue;
    for (auto& c : list->items) {
      const Node* oc = find_container(const_cast<Node*>(before), name_of(c));
      if (!oc) continue;
      Node* now = c.is_map() ? c.get("resources") : nullptr;
      const Node* was = oc->get("resources");
      if (now && was && now->is_map() && was->is_map()) k8s::keep_quantity_spelling(*now, *was);
    }
  }
}

}  // namespace

// ---------------------------------------------------------------- collisions

// A rendered template that lists a name twice: the strategic merge would
// fold the two into one item with both items' fields (a volume with two
// sources, a mount that lost its volume), which the API server refuses or
// the proxy cannot use. The usual cause is a sidecar.istio.io/userVolume or
// userVolumeMount annotation that takes a name or path the sidecar uses.
void check_rendered_names(const Node& rendered, const std::string& tname, const Node& pod) {
  const Node* annos = child(pod.get("metadata"), "annotations");
  auto hint = [&](const char* annotation) {
    return child(annos, annotation) ? fmt::format(" (the {} annotation adds one: rename it)", annotation) : std::string();
  };
  const Node* spec = rendered.get("spec");
  auto twice = [](const Node* list, std::string_view key) -> std::optional<std::string> {
    std::set<std::string> seen;
    if (list && list->is_seq())
      for (const auto& it : list->items)
        if (const Node* v = it.is_map() ? it.get(key) : nullptr; v && v->is_scalar() && !seen.insert(v->scalar_text()).second)
          return v->scalar_text();
    return std::nullopt;
  };
  if (auto v = twice(child(spec, "volumes"), "name"))
    throw Error(fmt::format("template \"{}\" renders two volumes named \"{}\"{}", tname, *v, hint("sidecar.istio.io/userVolume")));
  for (const char* field : {"containers", "initContainers"}) {
    const Node* list = child(spec, field);
    if (!list || !list->is_seq()) continue;
    for (const auto& c : list->items)
      if (auto m = twice(c.is_map() ? c.get("volumeMounts") : nullptr, "mountPath"))
        throw Error(fmt::format("template \"{}\" renders two mounts at \"{}\" in container \"{}\"{}", tname, *m, name_of(c),
                                hint("sidecar.istio.io/userVolumeMount")));
  }
}

// The pod's own names and ports against what the templates add (`added`:
// every rendered template merged). A container named like an injected one
// is Istio's way to customise that container (reapplyOverwrittenContainers)
// and is not a collision, but only in the same list: an init container
// named like an injected container (or the reverse) would leave the pod
// with two containers of that name. `previous`: the volumes an earlier
// injection added, which the new one replaces.
void check_collisions(const Node& own, const Node& added, const std::vector<std::string>& previous, bool native,
                      const std::set<std::int64_t>& proxy_ports) {
  const Node* own_spec = own.get("spec");
  const Node* add_spec = added.get("spec");
  if (const Node* vs = child(add_spec, "volumes"); vs && vs->is_seq())
    for (const auto& v : vs->items) {
      std::string name = name_of(v);
      if (std::find(previous.begin(), previous.end(), name) != previous.end()) continue;
      const Node* mine = find_container(const_cast<Node*>(child(own_spec, "volumes")), name);
      if (!mine) continue;
      auto theirs = volume_sources(v), ours = volume_sources(*mine);
      if (ours.empty() || theirs.empty() || ours == theirs) continue;
      throw Error(fmt::format("the pod has a volume named \"{}\" ({}), the name of a volume the sidecar adds ({}); the two "
                              "would merge into one volume with two sources, which the API server refuses: rename the pod's "
                              "volume",
                              name, fmt::join(ours, ", "), fmt::join(theirs, ", ")))
          .at_offset(mine->has_span ? static_cast<long>(mine->span.begin) : -1);
    }
  for (const char* field : {"containers", "initContainers"}) {
    const char* other = std::string_view(field) == "containers" ? "initContainers" : "containers";
    const Node* list = child(add_spec, field);
    if (!list || !list->is_seq()) continue;
    for (const auto& c : list->items) {
      std::string name = name_of(c);
      if (native && name == kProxy) continue;  // the pod's istio-proxy moves to the init containers
      const Node* mine = find_container(const_cast<Node*>(child(own_spec, other)), name);
      if (!mine || find_container(const_cast<Node*>(child(own_spec, field)), name)) continue;
      throw Error(fmt::format("the pod has {} named \"{}\", the name of {} the sidecar adds; the pod would have two "
                              "containers of that name, which the API server refuses: rename it (to customise the "
                              "injected one, define it under {})",
                              std::string_view(other) == "containers" ? "a container" : "an init container", name,
                              std::string_view(field) == "containers" ? "a container" : "an init container", field))
          .at_offset(mine->has_span ? static_cast<long>(mine->span.begin) : -1);
    }
  }
  if (proxy_ports.empty()) return;
  // The app shares the pod's network with Envoy, which listens on these.
  for (const char* field : {"containers", "initContainers"}) {
    const Node* list = child(own_spec, field);
    if (!list || !list->is_seq()) continue;
    for (const auto& c : list->items) {
      if (!c.is_map() || find_container(const_cast<Node*>(child(add_spec, "containers")), name_of(c)) ||
          find_container(const_cast<Node*>(child(add_spec, "initContainers")), name_of(c)))
        continue;  // the user's customisation of an injected container
      // An init container runs beside the proxy only as a native sidecar.
      if (std::string_view(field) == "initContainers" && str_at(&c, "restartPolicy") != "Always") continue;
      const Node* ports = c.get("ports");
      if (!ports || !ports->is_seq()) continue;
      for (const auto& p : ports->items) {
        const Node* cp = p.is_map() ? p.get("containerPort") : nullptr;
        if (!cp || cp->kind != Kind::Int || !proxy_ports.count(cp->i)) continue;
        throw Error(fmt::format("container \"{}\" declares port {}, one the sidecar's proxy listens on in the pod's "
                                "network ({}); the two cannot both bind it: move the app to another port{}",
                                name_of(c), cp->i, fmt::join(proxy_ports, ", "),
                                " (the status port can move with the status.sidecar.istio.io/port annotation)"))
            .at_offset(cp->has_span ? static_cast<long>(cp->span.begin) : -1);
      }
    }
  }
}

// ---------------------------------------------------------------- the injector

struct Injector::Impl {
  std::map<std::string, tmpl::Template> templates;
  Value values;
  tmpl::TypePtr data_type;
  // .ProxyConfig and .MeshConfig of a pod without proxy.istio.io/config:
  // the same for every such pod, so built once.
  Value default_proxy_config, default_mesh_config;
};

namespace {

tmpl::TypePtr sidecar_data_type() {
  auto t = std::make_shared<tmpl::TypeInfo>();
  t->name = "inject.SidecarTemplateData";
  t->pointer = true;
  for (const char* f : {"TypeMeta", "DeploymentMeta", "ObjectMeta", "Spec", "ProxyConfig", "MeshConfig", "Values", "Revision",
                        "ProxyImage", "ProxyInitImage", "ProxyUID", "ProxyGID", "InboundTrafficPolicyMode", "CompliancePolicy",
                        "NativeSidecars"})
    t->fields.push_back(tmpl::StructField{f, f, false, false});
  return t;
}

// Istio's image URL: hub/name:tag[-variant], the variant replacing a known
// one already in the tag.
std::string image_url(const Node& values, const std::string& default_name, const std::string& name_path,
                      const std::string& proxy_image_type, const std::optional<std::string>& type_annotation) {
  std::string hub = str_at(&values, "global.hub");
  std::string name = str_at(&values, name_path);
  if (name.empty()) name = default_name;
  const Node* tag_node = values.at_path("global.tag");
  std::string tag;
  if (tag_node && tag_node->is_scalar() && !tag_node->is_null()) {
    // fmt.Sprintf("%v", tag): a numeric tag is printed as Go prints float64.
    tag = (tag_node->kind == Kind::Int || tag_node->kind == Kind::Float) ? tmpl::go_format_float(tag_node->kind == Kind::Int ? static_cast<double>(tag_node->i) : tag_node->f)
                                                                         : tag_node->scalar_text();
  }
  std::string type = str_at(&values, "global.variant");
  if (!proxy_image_type.empty()) type = proxy_image_type;
  if (type_annotation) type = *type_annotation;
  if (!type.empty()) {
    for (const char* known : {"distroless", "debug"}) {
      std::string suffix = std::string("-") + known;
      if (tag.size() >= suffix.size() && tag.compare(tag.size() - suffix.size(), suffix.size(), suffix) == 0) {
        tag.resize(tag.size() - suffix.size());
        break;
      }
    }
    if (type != "default") tag += "-" + type;
  }
  return hub + "/" + name + ":" + tag;
}

// GetDeployMetaFromPod: a bare pod's workload name and kind, or its
// controller's when it was created by one.
void deploy_meta_from_pod(const Node& pod, std::string& api_version, std::string& kind, std::string& name) {
  const Node* md = pod.get("metadata");
  name = str_at(md, "name");
  kind = "Pod";
  api_version = "v1";
  if (str_at(md, "generateName").empty()) return;
  const Node* refs = child(md, "ownerReferences");
  const Node* controller = nullptr;
  if (refs && refs->is_seq())
    for (const auto& r : refs->items)
      if (bool_at(&r, "controller")) {
        controller = &r;
        break;
      }
  if (!controller) return;
  api_version = str_at(controller, "apiVersion");
  kind = str_at(controller, "kind");
  name = str_at(controller, "name");
  auto label_of = [&](std::string_view k) { return str_at(child(md, "labels"), k); };
  auto ends_with = [](const std::string& s, const std::string& suf) {
    return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
  };
  std::string hash = label_of("pod-template-hash");
  std::string rollout_hash = label_of("rollouts-pod-template-hash");
  if (kind == "ReplicaSet" && !hash.empty() && ends_with(name, hash)) {
    name = name.substr(0, name.size() - hash.size());
    if (!name.empty() && name.back() == '-') name.pop_back();
    kind = "Deployment";
  } else if (kind == "ReplicaSet" && !rollout_hash.empty() && ends_with(name, rollout_hash)) {
    name = name.substr(0, name.size() - rollout_hash.size());
    if (!name.empty() && name.back() == '-') name.pop_back();
    kind = "Rollout";
    api_version = "v1alpha1";
  } else if (kind == "ReplicationController" && !label_of("deploymentconfig").empty()) {
    name = label_of("deploymentconfig");
    kind = "DeploymentConfig";
  } else if (kind == "Job") {
    // <cronjob>-<8 to 10 digits>
    auto dash = name.rfind('-');
    if (dash != std::string::npos) {
      std::string digits = name.substr(dash + 1);
      bool all = !digits.empty() && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (all && digits.size() >= 8 && digits.size() <= 10) {
        name = name.substr(0, dash);
        kind = "CronJob";
        api_version = "batch/v1";
      }
    }
  }
  if (name.empty()) name = str_at(md, "name");
}

}  // namespace

Injector::Injector(IstioConfig config, EnvLookup env) : config_(std::move(config)), env_(std::move(env)), impl_(std::make_unique<Impl>()) {
  tmpl::FuncMap funcs = tmpl::injection_funcs(env_);
  for (const auto& [name, text] : config_.templates) {
    try {
      impl_->templates.emplace(name, tmpl::Template::parse(name, text, funcs));
    } catch (const tmpl::TemplateError& e) {
      throw Error(fmt::format("{}: invalid injection template \"{}\": {}", config_.description, name, e.what()));
    }
  }
  impl_->values = json_value(config_.values);
  impl_->data_type = sidecar_data_type();
  if (const Node* dc = config_.mesh.get("defaultConfig")) impl_->default_proxy_config = proxy_config_value(*dc);
  impl_->default_mesh_config = mesh_config_value(config_.mesh);
}

Injector::~Injector() = default;
Injector::Injector(Injector&&) noexcept = default;

InjectionOutcome Injector::inject(Node& root, const Workload& w) const {
  Node* target = w.pod(root);
  if (!target || !target->is_map()) throw Error("the workload has no pod template");
  bool is_pod = w.template_path.empty();

  // The pod as the injector sees it: metadata + spec.
  Node original = Node::map();
  {
    const Node* md = target->get("metadata");
    original.set("metadata", md && md->is_map() ? *md : Node::map());
    const Node* spec = target->get("spec");
    original.set("spec", spec && spec->is_map() ? *spec : Node::map());
  }
  const Node* annos = child(original.get("metadata"), "annotations");
  std::vector<std::string> warnings;
  if (config_.istio) validate_annotations(annos);
  validate_container_names(original);

  // Mesh and proxy config, with the pod's proxy.istio.io/config applied.
  Node mesh = config_.mesh;
  const bool own_proxy_config = annotation(original, kProxyConfig).has_value();
  if (auto pca = annotation(original, kProxyConfig)) {
    Node overlay = parse_yaml(*pca, std::string(kProxyConfig));
    Node& dc = mesh.child_map("defaultConfig");
    dc = merge_proxy_config(dc, overlay);
  }
  const Node& proxy_config = *mesh.get("defaultConfig");
  std::int64_t status_port = 15020;
  if (const Node* sp = proxy_config.get("statusPort"); sp && sp->kind == Kind::Int) status_port = sp->i;
  std::string target_port = fmt::format("{}", status_port);

  // Cluster and network (extractClusterAndNetwork).
  const Node& values = config_.values;
  std::map<std::string, std::string> proxy_envs;
  std::string cluster = str_at(&values, "global.multiCluster.clusterName");
  std::string network = str_at(&values, "global.network");
  if (const Node* l = label(original, "topology.istio.io/network")) network = l->scalar_text();
  if (!cluster.empty()) proxy_envs["ISTIO_META_CLUSTER_ID"] = cluster;
  if (!network.empty()) proxy_envs["ISTIO_META_NETWORK"] = network;

  const std::string& status_key = config_.status_annotation;
  Node stripped = reinsert_overrides(strip_pod(original, config_.istio ? target_port : std::string("-"), status_key), original);

  // Native sidecars: offline, ENABLE_NATIVE_SIDECARS decides; the pod's
  // annotation overrides it.
  bool native = env_("ENABLE_NATIVE_SIDECARS").value_or("") == "true";
  if (auto a = annotation(original, "sidecar.istio.io/nativeSidecar")) {
    if (*a == "true") native = true;
    else if (*a == "false") native = false;
  }

  std::string api_version = w.api_version, kind = w.kind, name = w.name, ns = w.namespace_;
  if (is_pod) {
    deploy_meta_from_pod(original, api_version, kind, name);
    ns = str_at(original.get("metadata"), "namespace");
  }
  auto type_annotation = annotation(original, "sidecar.istio.io/proxyImageType");
  std::string proxy_image_type = str_at(&proxy_config, "image.imageType");
  std::string proxy_image = image_url(values, "proxyv2", "global.proxy.image", proxy_image_type, type_annotation);
  std::string init_image = image_url(values, "proxyv2", "global.proxy_init.image", proxy_image_type, type_annotation);
  std::string inbound = str_at(&mesh, "inboundTrafficPolicy.mode") == "LOCALHOST" ? "localhost" : "passthrough";

  std::vector<Value> fields = {
      type_meta_value(api_version, kind),
      namespaced_name_value(ns, name),
      object_meta_value(stripped.get("metadata")),
      pod_spec_value(stripped.get("spec")),
      own_proxy_config ? proxy_config_value(proxy_config) : impl_->default_proxy_config,
      own_proxy_config ? mesh_config_value(mesh) : impl_->default_mesh_config,
      impl_->values,
      Value::string(config_.revision),
      Value::string(proxy_image),
      Value::string(init_image),
      Value::integer(1337),
      Value::integer(1337),
      Value::string(inbound),
      Value::string(env_("COMPLIANCE_POLICY").value_or("")),
      Value::boolean(native),
  };
  Value data = Value::structure(impl_->data_type, std::move(fields));

  // Templates: the pod's inject.istio.io/templates, else the defaults;
  // aliases expanded.
  std::vector<std::string> names;
  if (auto a = annotation(original, "inject.istio.io/templates")) {
    for (const auto& n : split(*a, ',')) names.push_back(trim(n));
  } else {
    names = config_.default_templates;
  }
  std::vector<std::string> selected;
  for (const auto& n : names) {
    auto al = config_.aliases.find(n);
    if (al != config_.aliases.end()) selected.insert(selected.end(), al->second.begin(), al->second.end());
    else selected.push_back(n);
  }

  Node merged = original;
  Node template_pod = Node::map();
  for (const auto& tname : selected) {
    auto it = impl_->templates.find(tname);
    if (it == impl_->templates.end()) {
      std::string have;
      for (const auto& [k, _] : impl_->templates) have += (have.empty() ? "" : ", ") + k;
      throw Error(fmt::format("requested template \"{}\" not found; have {}", tname, have));
    }
    std::string text;
    try {
      text = it->second.execute(tname, data);
    } catch (const tmpl::TemplateError& e) {
      throw Error(fmt::format("failed to run injection template \"{}\": {}", tname, e.what()));
    }
    Node rendered;
    try {
      rendered = parse_yaml(text, "template " + tname + " output");
    } catch (const Error& e) {
      // Show the offending line of the rendered text: the template, not the
      // manifest, is what needs fixing.
      std::string context;
      if (int line = e.where().line; line > 0) {
        auto lines = split(text, '\n');
        if (static_cast<std::size_t>(line) <= lines.size())
          context = fmt::format("; rendered line {}: {}", line, trim(lines[static_cast<std::size_t>(line) - 1]));
      }
      throw Error(fmt::format("failed parsing generated injected YAML of template \"{}\" (check the injector configuration): {}{}",
                              tname, e.bare(), context));
    }
    rendered.forget_source();
    if (rendered.is_null()) rendered = Node::map();
    if (!rendered.is_map())
      throw Error(fmt::format("template \"{}\" did not render a pod (a mapping with metadata/spec)", tname));
    check_rendered_names(rendered, tname, original);
    strategic_merge_pod(template_pod, rendered);
    if (native && find_container(container_list(template_pod, "initContainers"), kProxy) &&
        find_container(container_list(merged, "containers"), kProxy)) {
      // The proxy moves from containers to initContainers under native
      // sidecars, with the user's customisations.
      Node* cs = container_list(merged, "containers");
      auto pos = std::find_if(cs->items.begin(), cs->items.end(), [](const Node& c) { return name_of(c) == kProxy; });
      Node proxy = std::move(*pos);
      cs->items.erase(pos);
      Node& spec = merged.child_map("spec");
      Node* inits = spec.get("initContainers");
      if (!inits || !inits->is_seq()) inits = &spec.set("initContainers", Node::seq());
      inits->items.push_back(std::move(proxy));
    }
    strategic_merge_pod(merged, rendered);
    typed_round_trip(merged, rendered);
  }

  {
    // Envoy's listeners (outbound, inbound, health, Prometheus) and the
    // agent's status port.
    std::set<std::int64_t> proxy_ports;
    if (config_.istio) {
      proxy_ports = {15001, 15006, 15021, 15090};
      std::int64_t agent = status_port;
      if (auto a = annotation(original, "status.sidecar.istio.io/port"))
        if (auto n = parse_uint(trim(*a), 16)) agent = static_cast<std::int64_t>(*n);
      if (agent != 0) proxy_ports.insert(agent);
    }
    check_collisions(stripped, template_pod, parse_status(annotation(original, config_.status_annotation)).volumes, native,
                     proxy_ports);
  }

  // reapplyOverwrittenContainers: containers the user defined under an
  // injected name win over the template. (A template of one's own that
  // names the pod's containers does so to extend them, not to replace them.)
  if (config_.istio) {
    Overrides existing = parse_overrides(annotation(original, kOverrides), original);
    auto status_text = annotation(original, status_key);
    bool already = status_text.has_value();
    Status prev = parse_status(status_text);
    Overrides overrides;
    auto contains = [](const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); };
    auto overlay_of = [](Node c) {
      if (c.get("image") && c.get("image")->scalar_text() == "auto") c.erase("image");
      c.forget_source();
      return c;
    };
    if (const Node* tcs = container_list(template_pod, "containers"))
      for (const auto& tc : tcs->items) {
        std::string n = name_of(tc);
        const Node* match = find_in(existing.containers, n);
        // Istio skips containers a previous injection added, which loses
        // the user's overrides on re-injection; kinject re-applies the
        // ones recorded in proxy.istio.io/overrides so that injecting twice
        // changes nothing.
        if (!match && contains(prev.containers, n)) continue;
        if (!match) match = find_container(container_list(original, "containers"), n);
        if (!match) continue;
        Node overlay = overlay_of(*match);
        overrides.containers.push_back(overlay);
        Node patch = Node::map();
        patch.child_map("spec").set("containers", Node::seq()).items.push_back(overlay);
        strategic_merge_pod(merged, patch);
        typed_round_trip(merged, patch);
      }
    if (const Node* tis = container_list(template_pod, "initContainers"))
      for (const auto& tc : tis->items) {
        std::string n = name_of(tc);
        const Node* match = find_in(existing.init_containers, n);
        if (!match && contains(prev.init_containers, n)) continue;
        if (!match) match = find_in_pod(original, n);
        if (!match) continue;
        Node overlay = overlay_of(*match);
        overrides.init_containers.push_back(overlay);
        Node patch = Node::map();
        patch.child_map("spec").set("initContainers", Node::seq()).items.push_back(overlay);
        strategic_merge_pod(merged, patch);
        typed_round_trip(merged, patch);
      }
    if (!already && (!overrides.containers.empty() || !overrides.init_containers.empty())) {
      std::string js = "{";
      auto list = [](const std::vector<Node>& cs) {
        std::string out = "[";
        for (std::size_t i = 0; i < cs.size(); ++i) out += (i ? "," : "") + k8s::go_json(cs[i], k8s::container_type());
        return out + "]";
      };
      if (!overrides.containers.empty()) js += "\"containers\":" + list(overrides.containers);
      if (!overrides.init_containers.empty())
        js += std::string(overrides.containers.empty() ? "" : ",") + "\"initContainers\":" + list(overrides.init_containers);
      js += "}";
      annotations_of(merged).set(kOverrides, Node::string(js));
    }
    // adjustInitContainerUser
    Node* user = find_in_pod(original, kProxy);
    const Node* usc = user ? user->get("securityContext") : nullptr;
    const Node* run_user = child(usc, "runAsUser");
    const Node* run_group = child(usc, "runAsGroup");
    if (user && usc && (run_user || run_group)) {
      Node* init = find_container(container_list(merged, "initContainers"), kInit);
      if (!init) init = find_container(container_list(merged, "initContainers"), kValidation);
      if (init) {
        bool tproxy = str_at(&proxy_config, "interceptionMode") == "TPROXY" ||
                      annotation(merged, "sidecar.istio.io/interceptionMode").value_or("") == "TPROXY";
        if (tproxy && run_user) {
          if (Node* sidecar = find_in_pod(merged, kProxy)) sidecar->child_map("securityContext").set("runAsUser", Node::integer(0));
        }
        if (!tproxy && name_of(*init) == kValidation) {
          Node& sc = init->child_map("securityContext");
          if (run_user) sc.set("runAsUser", *run_user);
          if (run_group) sc.set("runAsGroup", *run_group);
        }
        if (run_user && run_user->kind == Kind::Int && run_user->i != 0) {
          if (Node* args = init->get("args"); args && args->is_seq())
            for (std::size_t i = 0; i + 1 < args->items.size(); ++i)
              if (args->items[i].scalar_text() == "-u") {
                args->items[i + 1] = Node::string(fmt::format("{}", run_user->i));
                break;
              }
        }
      }
    }
  }

  keep_container_quantity_spelling(merged, original);

  // ---- postProcessPod
  annotations_of(merged);
  merged.child_map("metadata").child_map("labels");

  // overwriteClusterInfo
  if (config_.istio && !proxy_envs.empty())
    if (Node* sidecar = find_in_pod(merged, kProxy)) {
      Node& env = env_of(*sidecar);
      auto& items = env.items;
      items.erase(std::remove_if(items.begin(), items.end(), [&](const Node& e) { return proxy_envs.count(name_of(e)) > 0; }),
                  items.end());
      for (const auto& [k, v] : proxy_envs) items.push_back(env_var(k, v));
    }

  // applyPrometheusMerge
  if (config_.istio) {
    bool scrape = true;
    if (auto s = prometheus_annotation(merged, "scrape"))
      if (auto b = parse_bool(*s)) scrape = *b;
    bool merge = true;
    if (auto a = annotation(merged, "prometheus.istio.io/merge-metrics"); a && parse_bool(*a)) {
      merge = *parse_bool(*a);
    } else if (const Node* m = mesh.get("enablePrometheusMerge"); m && m->kind == Kind::Bool) {
      merge = m->b;
    }
    auto cur = prometheus_annotation(merged, "port");
    if (scrape && merge && !(cur && *cur == target_port)) {
      auto s = prometheus_annotation(merged, "scrape");
      auto p = prometheus_annotation(merged, "path");
      Node* sidecar = find_in_pod(merged, kProxy);
      if (sidecar && (s || p || cur) && (s.value_or("") + p.value_or("") + cur.value_or("")) != "") {
        std::string js = fmt::format("{{\"scrape\":{},\"path\":{},\"port\":{}}}", json_quote(s.value_or("")),
                                     json_quote(p.value_or("")), json_quote(cur.value_or("")));
        env_of(*sidecar).items.push_back(env_var("ISTIO_PROMETHEUS_ANNOTATIONS", js));
      }
      clear_prometheus_annotations(merged);
      Node& a = annotations_of(merged);
      a.set("prometheus.io/port", Node::string(target_port));
      a.set("prometheus.io/path", Node::string("/stats/prometheus"));
      a.set("prometheus.io/scrape", Node::string("true"));
    }
  }

  // applyRewrite
  if (Node* sidecar = config_.istio ? find_in_pod(merged, kProxy) : nullptr) {
    bool rewrite = bool_at(&values, "sidecarInjectorWebhook.rewriteAppHTTPProbe");
    if (auto a = annotation(merged, "sidecar.istio.io/rewriteAppHTTPProbers"))
      if (auto b = parse_bool(*a)) rewrite = *b;
    if (rewrite) {
      std::string prober = dump_app_probers(merged, status_port);
      sidecar = find_in_pod(merged, kProxy);
      if (!prober.empty()) {
        bool previously = annotation(merged, status_key).has_value();
        Node& env = env_of(*sidecar);
        if (!previously) {
          env.items.push_back(env_var("ISTIO_KUBE_APP_PROBERS", prober));
        } else {
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
      }
      patch_rewrite_probes(merged, annotation(merged, "status.sidecar.istio.io/port"), status_port);
      for (const char* field : {"containers", "initContainers"})
        if (const Node* list = container_list(merged, field))
          for (const auto& c : list->items)
            for (const char* probe : {"readinessProbe", "livenessProbe", "startupProbe"})
              if (const Node* p = c.is_map() ? c.get(probe) : nullptr; p && p->is_map() && p->get("grpc") && !grpc_port_ok(*p))
                warnings.push_back(fmt::format("container \"{}\": the {}'s grpc port is not a number; the probe is left as "
                                               "it is (substitute the placeholder before applying)",
                                               name_of(c), probe));
    }
  }

  // applyMetadata
  if (auto nw = proxy_envs.find("ISTIO_META_NETWORK"); config_.istio && nw != proxy_envs.end())
    merged.child_map("metadata").child_map("labels").set("topology.istio.io/network", Node::string(nw->second));
  Node own;  // the pod's own containers and volumes, for a template of one's own
  if (!config_.istio) {
    own = stripped;
    if (auto prev = annotation(original, status_key)) {
      try {
        Node st = parse_yaml(*prev, std::string(status_key));
        for (const char* field : {"volumes", "imagePullSecrets"})
          for (const auto& n : names_in(st.get(field))) modify_containers(container_list(own, field), n, Move::Remove);
      } catch (const Error&) {
      }
    }
  }
  annotations_of(merged).set(status_key,
                             Node::string(injection_status(template_pod, config_.revision, status_key,
                                                           config_.istio ? nullptr : &own)));

  // reorderPod
  if (config_.istio) {
    bool hold = bool_at(&proxy_config, "holdApplicationUntilProxyStarts") ||
                bool_at(&values, "global.proxy.holdApplicationUntilProxyStarts");
    modify_containers(container_list(merged, "containers"), kProxy, hold ? Move::First : Move::Last);
    Node* inits = container_list(merged, "initContainers");
    if (find_container(inits, kProxy)) {
      modify_containers(inits, kCoreDump, Move::First);
      modify_containers(inits, kProxy, Move::First);
      modify_containers(inits, kValidation, Move::First);
      modify_containers(inits, kInit, Move::First);
    } else {
      modify_containers(inits, kValidation, Move::First);
      modify_containers(inits, kInit, Move::Last);
      modify_containers(inits, kCoreDump, Move::Last);
    }
  }

  // Empty maps the pipeline created only for bookkeeping are not output.
  if (Node* md = merged.get("metadata")) {
    if (Node* l = md->get("labels"); l && l->is_map() && l->entries.empty() && !child(original.get("metadata"), "labels"))
      md->erase("labels");
    if (Node* a = md->get("annotations"); a && a->is_map() && a->entries.empty() && !annos) md->erase("annotations");
  }

  // Write back into the document.
  InjectionOutcome out;
  Status st = parse_status(annotation(merged, status_key));
  out.init_containers = st.init_containers;
  out.containers = st.containers;
  Node before = *target;
  if (const Node* md = merged.get("metadata"); md && (md->size() > 0 || target->get("metadata"))) {
    if (Node* had = target->get("metadata")) {
      *had = *md;
    } else {
      // A new metadata goes where Kubernetes writes it: before the spec.
      auto spec = std::find_if(target->entries.begin(), target->entries.end(),
                               [](const Entry& e) { return e.key.is_scalar() && e.key.text == "spec"; });
      target->entries.insert(spec, Entry(Node::string("metadata"), *md));
    }
  }
  target->set("spec", *merged.get("spec"));
  out.changed = !before.same_value(*target);
  out.warnings = std::move(warnings);
  return out;
}

}  // namespace kinject
