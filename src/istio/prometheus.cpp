// Istio's Prometheus merge (webhook.go's applyPrometheusMerge): the agent
// serves the app's metrics merged with Envoy's on the status port, so the
// pod's prometheus.io annotations are pointed there and the user's recorded
// in the proxy's ISTIO_PROMETHEUS_ANNOTATIONS.
#include <algorithm>
#include <cctype>
#include <string>

#include <fmt/format.h>

#include "kinject/base/text.h"
#include "kinject/istio/inject_steps.h"
#include "kinject/istio/strconv.h"
#include "kinject/k8s/pod.h"

namespace kinject::istio {

using namespace pod;

namespace {

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

}  // namespace

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

void apply_prometheus_merge(Node& pod, const Node& mesh, const std::string& target_port) {
  if (!prometheus_scrape(pod) || !enable_prometheus_merge(pod, mesh)) return;
  auto cur = prometheus_annotation(pod, "port");
  // Already set: the user controls it, or, more likely, a re-injection.
  if (cur && *cur == target_port) return;
  auto s = prometheus_annotation(pod, "scrape");
  auto p = prometheus_annotation(pod, "path");
  Node* sidecar = find_in_pod(pod, kProxyContainer);
  if (sidecar && (s || p || cur) && (s.value_or("") + p.value_or("") + cur.value_or("")) != "") {
    std::string js = fmt::format("{{\"scrape\":{},\"path\":{},\"port\":{}}}", json_quote(s.value_or("")),
                                 json_quote(p.value_or("")), json_quote(cur.value_or("")));
    env_of(*sidecar).items.push_back(env_var("ISTIO_PROMETHEUS_ANNOTATIONS", js));
  }
  // Prometheus reads every spelling that sanitises alike: all go, then ours.
  clear_prometheus_annotations(pod);
  Node& a = annotations_of(pod);
  a.set("prometheus.io/port", Node::string(target_port));
  a.set("prometheus.io/path", Node::string("/stats/prometheus"));
  a.set("prometheus.io/scrape", Node::string("true"));
}

}  // namespace kinject::istio
