// Istio's Prometheus merge (webhook.go's applyPrometheusMerge): the agent
// serves the app's metrics merged with Envoy's on the status port, so the
// pod's prometheus.io annotations are pointed there and the user's recorded
// in the proxy's ISTIO_PROMETHEUS_ANNOTATIONS. Istio 1.31 adds scrape
// targets (several app ports, status.ParseScrapeTargets), checks the ports
// scraped, and applySecurePrometheusAnnotation.
#include <algorithm>
#include <cctype>
#include <string>

#include <fmt/format.h>

#include "kinject/base/error.h"
#include "kinject/base/text.h"
#include "kinject/gofuncs/cast.h"
#include "kinject/gofuncs/gostrings.h"
#include "kinject/gotemplate/strconv.h"
#include "kinject/istio/inject_steps.h"
#include "kinject/istio/strconv.h"
#include "kinject/k8s/pod.h"

namespace kinject::istio {

using namespace pod;

namespace {

constexpr std::string_view kScrapeTargets = "prometheus_istio_io_scrape_targets";
constexpr std::string_view kSecurePort = "prometheus_istio_io_secure_port";

// Prometheus' label sanitising: anything but [a-zA-Z0-9_] becomes '_'.
std::string sanitize_label(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) c = '_';
  return out;
}

// enablePrometheusMerge: the pod's annotation, else the mesh's setting, else on.
bool enable_prometheus_merge(const Node& pod, const Node& mesh) {
  if (auto a = annotation(pod, "prometheus.istio.io/merge-metrics"); a && parse_bool(*a)) return *parse_bool(*a);
  if (const Node* m = mesh.get("enablePrometheusMerge"); m && m->kind == Kind::Bool) return m->b;
  return true;
}

// getPrometheusScrape: scraping is on unless the pod says otherwise.
bool prometheus_scrape(const Node& pod) {
  if (auto s = prometheus_annotation(pod, "scrape"))
    if (auto b = parse_bool(*s)) return *b;
  return true;
}

// The annotations Istio reads as one of `sanitized` (every spelling
// Prometheus sanitises alike), in the manifest's order.
std::vector<const Entry*> annotations_named(const Node& pod, std::string_view sanitized) {
  std::vector<const Entry*> out;
  const Node* annos = child(pod.get("metadata"), "annotations");
  if (!annos || !annos->is_map()) return out;
  for (const auto& e : annos->entries)
    if (sanitize_label(e.key.scalar_text()) == sanitized) out.push_back(&e);
  return out;
}

long offset_of(const Entry* e) { return e && e->key.has_span ? static_cast<long>(e->key.span.begin) : -1; }

// applyPrometheusMerge's check of one port scraped, with Istio's message
// (`what`: "target port" or "port"); nullopt when it may be scraped.
std::optional<std::string> scrape_port_error(const std::string& port, const std::string& target_port, std::string_view prefix,
                                             std::string_view what) {
  std::int64_t n = 0;
  if (!tmpl::parse_atoi(port, &n) || n < 1 || n > 65535)
    return fmt::format("{}: invalid {} {}", prefix, what, tmpl::go_quote(port));
  const std::string canon = std::to_string(n);
  if (canon == target_port) return fmt::format("{}: {} {} conflicts with agent port", prefix, what, port);
  if (auto reason = istio_reserved_port_reason(canon))
    return fmt::format("{}: {} {} is reserved for Istio ({}) and cannot be scraped", prefix, what, port, *reason);
  return std::nullopt;
}

}  // namespace

std::optional<std::string_view> istio_reserved_port_reason(std::string_view port) {
  // status.istioReservedPorts (pilot-agent, 1.31).
  static constexpr std::pair<std::string_view, std::string_view> kReserved[] = {
      {"15000", "Envoy admin"},
      {"15001", "outbound traffic capture"},
      {"15004", "pilot debug"},
      {"15006", "inbound traffic capture"},
      {"15008", "HBONE tunnel"},
      {"15020", "pilot-agent status / merged Prometheus"},
      {"15021", "Envoy health"},
      {"15053", "DNS proxy"},
      {"15090", "Envoy Prometheus (already merged)"},
  };
  for (const auto& [p, why] : kReserved)
    if (p == port) return why;
  return std::nullopt;
}

ScrapeTargets parse_scrape_targets(std::string_view raw) {
  ScrapeTargets out;
  for (std::string_view entry : tmpl::split(raw, ",")) {
    entry = tmpl::trim_space(entry);
    if (entry.empty()) continue;
    const auto colon = entry.find(':');
    std::string_view port = tmpl::trim_space(entry.substr(0, colon));
    if (port.empty()) {
      out.targets.clear();
      out.error = fmt::format("empty port in scrape target {}", tmpl::go_quote(entry));
      return out;
    }
    std::string_view path = colon == std::string_view::npos ? std::string_view() : tmpl::trim_space(entry.substr(colon + 1));
    out.targets.push_back({std::string(port), path.empty() ? std::string("/metrics") : std::string(path)});
  }
  return out;
}

bool PrometheusScrape::empty() const { return scrape.empty() && path.empty() && port.empty() && targets.empty(); }

std::string PrometheusScrape::json() const {
  // json.Marshal of status.PrometheusScrapeConfiguration: its field order,
  // `targets` omitted when empty.
  std::string js = fmt::format("{{\"scrape\":{},\"path\":{},\"port\":{}", json_quote(scrape), json_quote(path), json_quote(port));
  if (!targets.empty()) {
    js += ",\"targets\":[";
    for (std::size_t i = 0; i < targets.size(); ++i)
      js += fmt::format("{}{{\"port\":{},\"path\":{}}}", i ? "," : "", json_quote(targets[i].port), json_quote(targets[i].path));
    js += "]";
  }
  return js + "}";
}

std::optional<std::string> prometheus_annotation(const Node& pod, std::string_view which) {
  auto found = annotations_named(pod, std::string("prometheus_io_") + std::string(which));
  if (found.empty()) return std::nullopt;
  return found.back()->value.scalar_text();
}

PrometheusScrape prometheus_scrape_configuration(const Node& pod, const IstioRelease& release,
                                                 std::vector<std::string>* warnings) {
  PrometheusScrape cfg;
  cfg.scrape = prometheus_annotation(pod, "scrape").value_or("");
  cfg.path = prometheus_annotation(pod, "path").value_or("");
  cfg.port = prometheus_annotation(pod, "port").value_or("");
  if (!release.merges_scrape_targets()) return cfg;
  for (const Entry* e : annotations_named(pod, kScrapeTargets)) {
    const std::string key = e->key.scalar_text();
    ScrapeTargets parsed = parse_scrape_targets(e->value.scalar_text());
    cfg.targets_offset = offset_of(e);
    if (parsed.error.empty()) {
      cfg.targets = std::move(parsed.targets);
    } else if (warnings) {
      // Istio only logs it, and the annotation is cleared with the others.
      warnings->push_back(fmt::format("annotation {}: {}; Istio {} ignores (and removes) it, so only prometheus.io/port "
                                      "and prometheus.io/path are scraped; write it as port:path pairs, e.g. "
                                      "\"8080:/metrics,9100:/custom-metrics\"",
                                      key, parsed.error, release.name()));
    }
  }
  if (auto port = annotations_named(pod, "prometheus_io_port"); !port.empty()) cfg.port_offset = offset_of(port.back());
  return cfg;
}

void clear_prometheus_annotations(Node& pod, const IstioRelease& release) {
  Node* md = pod.get("metadata");
  Node* annos = md ? md->get("annotations") : nullptr;
  if (!annos || !annos->is_map()) return;
  const bool targets = release.merges_scrape_targets();
  auto& es = annos->entries;
  es.erase(std::remove_if(es.begin(), es.end(),
                          [&](const Entry& e) {
                            std::string k = sanitize_label(e.key.scalar_text());
                            return k == "prometheus_io_path" || k == "prometheus_io_port" || k == "prometheus_io_scrape" ||
                                   (targets && k == kScrapeTargets);
                          }),
           es.end());
}

std::vector<std::string> apply_prometheus_merge(Node& pod, const Node& mesh, const std::string& target_port,
                                                const IstioRelease& release) {
  std::vector<std::string> warnings;
  if (!prometheus_scrape(pod) || !enable_prometheus_merge(pod, mesh)) return warnings;
  // Already set: the user controls it, or, more likely, a re-injection.
  if (auto cur = prometheus_annotation(pod, "port"); cur && *cur == target_port) return warnings;
  PrometheusScrape scrape = prometheus_scrape_configuration(pod, release, &warnings);
  if (!scrape.targets.empty()) {
    // Old agents, which know no targets, scrape the first.
    scrape.port = scrape.targets.front().port;
    scrape.path = scrape.targets.front().path;
    if (release.validates_scrape_ports())
      for (const auto& t : scrape.targets)
        if (auto e = scrape_port_error(t.port, target_port, "invalid prometheus scrape targets", "target port"))
          throw Error(fmt::format("{} (annotation prometheus.istio.io/scrape-targets; Istio {} refuses to inject the pod: "
                                  "scrape the application's own ports)",
                                  *e, release.name()))
              .at_offset(scrape.targets_offset);
  } else if (!scrape.port.empty() && release.validates_scrape_ports()) {
    if (auto e = scrape_port_error(scrape.port, target_port, "invalid prometheus scrape configuration", "port"))
      throw Error(fmt::format("{} (annotation prometheus.io/port; Istio {} refuses to inject the pod: scrape the "
                              "application's own port)",
                              *e, release.name()))
          .at_offset(scrape.port_offset);
  }
  Node* sidecar = find_in_pod(pod, kProxyContainer);
  if (sidecar && !scrape.empty()) env_of(*sidecar).items.push_back(env_var("ISTIO_PROMETHEUS_ANNOTATIONS", scrape.json()));
  // Prometheus reads every spelling that sanitises alike: all go, then ours.
  clear_prometheus_annotations(pod, release);
  Node& a = annotations_of(pod);
  a.set("prometheus.io/port", Node::string(target_port));
  a.set("prometheus.io/path", Node::string("/stats/prometheus"));
  a.set("prometheus.io/scrape", Node::string("true"));
  return warnings;
}

void apply_secure_prometheus_annotation(Node& pod) {
  // The user's own, in any spelling, stays.
  if (!annotations_named(pod, kSecurePort).empty()) return;
  const Node* sidecar = find_in_pod(pod, kProxyContainer);
  const Node* env = child(sidecar, "env");
  if (!env || !env->is_seq()) return;
  for (const auto& e : env->items) {
    if (!e.is_map() || name_of(e) != "ENVOY_SECURE_MERGED_METRICS_PORT") continue;
    std::string v = scalar_at(&e, "value").value_or("");
    if (v.empty() || v == "0") continue;
    annotations_of(pod).set("prometheus.istio.io/secure-port", Node::string(v));
    return;
  }
}

}  // namespace kinject::istio
