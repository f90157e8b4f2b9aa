// Istio's validateAnnotations (pkg/kube/inject/validate.go): the per-pod
// override annotations are checked before anything is rendered, with Istio's
// messages, so that a typo fails the injection instead of a proxy at runtime.
#include <cctype>
#include <string>

#include <fmt/format.h>

#include "kinject/base/error.h"
#include "kinject/k8s/pod.h"
#include "kinject/istio/injector.h"
#include "kinject/istio/inject_steps.h"
#include "kinject/istio/strconv.h"
#include "kinject/istio/template_data.h"
#include "kinject/k8s/k8s_types.h"
#include "kinject/gotemplate/strconv.h"
#include "kinject/yaml/reader.h"

namespace kinject {

using namespace pod;
using namespace istio;

namespace {

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

// netutil.ValidateInterfaceNames (Istio 1.30): comma-separated Linux
// interface names.
std::optional<std::string> check_interface_names(std::string_view v) {
  if (v.empty()) return std::nullopt;
  for (const auto& part : split(v, ',')) {
    std::string iface = trim(part);
    if (iface.empty()) return "empty interface name";
    if (iface.size() > 15) return fmt::format("interface name {} too long (max 15 chars)", tmpl::go_quote(iface));
    bool ok = std::isalpha(static_cast<unsigned char>(iface[0])) != 0;
    for (char c : iface) ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-');
    if (!ok) return fmt::format("interface name {} contains invalid characters", tmpl::go_quote(iface));
  }
  return std::nullopt;
}

std::optional<std::string> check_annotation(std::string_view name, const std::string& v, const IstioRelease& release) {
  if (name == "sidecar.istio.io/interceptionMode") {
    if (v != "REDIRECT" && v != "TPROXY" && v != "NONE")
      return fmt::format("interceptionMode invalid, use REDIRECT,TPROXY,NONE: {}", v);
  } else if (name == "sidecar.istio.io/enableCoreDump") {
    if (release.validates_core_dump() && !parse_bool(v)) return fmt::format("strconv.ParseBool: parsing \"{}\": invalid syntax", v);
  } else if (name == "traffic.sidecar.istio.io/excludeInterfaces" || name == "traffic.sidecar.istio.io/kubevirtInterfaces" ||
             name == "istio.io/reroute-virtual-interfaces") {
    if (release.validates_interface_names()) return check_interface_names(v);
  } else if (name == "prometheus.istio.io/merge-metrics" || name == "sidecar.istio.io/rewriteAppHTTPProbers") {
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
  } else if (name == kProxyConfigAnnotation) {
    try {
      Node pc = parse_yaml(v, std::string(kProxyConfigAnnotation));
      if (!pc.is_null()) merge_proxy_config(default_proxy_config(), pc);
    } catch (const Error& e) {
      return fmt::format("failed to convert to apply proxy config: {}", e.bare());
    }
  }
  return std::nullopt;
}


}  // namespace

std::optional<std::string> annotation_value_error(std::string_view annotation, const std::string& value,
                                                  const IstioRelease& release) {
  return check_annotation(annotation, value, release);
}

void validate_annotations(const Node* annotations, const IstioRelease& release) {
  if (!annotations || !annotations->is_map()) return;
  std::vector<std::string> errors;
  long offset = -1;
  for (const auto& e : annotations->entries) {
    std::string name = e.key.scalar_text();
    std::string value = e.value.scalar_text();
    if (auto why = annotation_value_error(name, value, release)) {
      errors.push_back(fmt::format("invalid value '{}' for annotation '{}': {}", value, name, *why));
      if (offset < 0 && e.key.has_span) offset = e.key.span.begin;
    }
  }
  if (errors.empty()) return;
  std::string msg = errors.front();
  for (std::size_t i = 1; i < errors.size(); ++i) msg += "; " + errors[i];
  throw Error(msg).at_offset(offset);
}

namespace istio {


// Injection records and finds containers by name (the status annotation,
// the overrides, stripping on re-injection), so a container without one
// cannot be injected twice the same way; Kubernetes refuses it anyway.
void validate_container_names(const Node& pod) {
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

}  // namespace istio

}  // namespace kinject
