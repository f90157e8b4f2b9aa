// ProxyConfig objects and istiod's merge of them (pilot/pkg/model/proxy_config.go).
#include "kinject/istio/proxy_config.h"

#include <algorithm>
#include <limits>
#include <tuple>

#include <fmt/format.h>

#include "kinject/istio/template_data.h"
#include "kinject/k8s/go_decode.h"
#include "kinject/k8s/workloads.h"
#include "kinject/yaml/source_text.h"

namespace kinject::istio {

namespace {

constexpr std::string_view kGroup = "networking.istio.io/";
constexpr std::string_view kApiVersion = "networking.istio.io/v1beta1";  // the CRD's only version

// Where `n` stands in `doc` (the object's place when `n` has none).
Location where_in(const Document& doc, const Node* n, const Node& object) {
  const Node* at = n && n->has_span ? n : &object;
  if (!at->has_span) return Location{doc.file, doc.raw.index};
  auto [line, col] = line_col(doc.raw.text, at->span.begin);
  return Location{doc.file, doc.raw.index, doc.raw.first_line + line - 1, col};
}

// The seconds since the epoch of a valid RFC 3339 time (k8s::rfc3339_error
// has said it is one). Kubernetes keeps creation times to the second.
std::int64_t epoch_seconds(std::string_view s) {
  auto num = [&](std::size_t at, std::size_t n) {
    std::int64_t v = 0;
    for (std::size_t k = at; k < at + n; ++k) v = v * 10 + (s[k] - '0');
    return v;
  };
  std::int64_t y = num(0, 4), m = num(5, 2), d = num(8, 2);
  // Days from civil (H. Hinnant's algorithm).
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  std::int64_t t = (era * 146097 + doe - 719468) * 86400 + num(11, 2) * 3600 + num(14, 2) * 60 + num(17, 2);
  std::size_t i = 19;
  while (i < s.size() && (s[i] == '.' || (s[i] >= '0' && s[i] <= '9'))) ++i;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    std::int64_t offset = num(i + 1, 2) * 3600 + num(i + 4, 2) * 60;
    t += s[i] == '+' ? -offset : offset;
  }
  return t;
}

// Istio's ProxyConfig as its CRD's schema (manifests/charts/base/files/
// crd-all.gen.yaml) and ValidateProxyConfig (pkg/config/validation/
// validation.go) take it. The API server refuses what the schema refuses,
// and with kubectl's strict field validation a field it does not know.
class SpecCheck {
 public:
  SpecCheck(const Document& doc, const Node& object, std::string what) : doc_(doc), object_(object), what_(std::move(what)) {}

  [[noreturn]] void fail(const Node* at, std::string_view message) const {
    throw Error(where_in(doc_, at, object_), fmt::format("{}: {}", what_, message));
  }

  void only_fields(const Node& map, std::string_view path, std::initializer_list<std::string_view> known) const {
    for (const auto& e : map.entries) {
      std::string key = e.key.scalar_text();
      if (std::find(known.begin(), known.end(), key) == known.end())
        fail(&e.key, fmt::format("unknown field \"{}.{}\" (a ProxyConfig has {}); the API server refuses it", path, key,
                                 path == "spec" ? "selector, concurrency, environmentVariables and image"
                                                : fmt::format("{}", fmt::join(known, ", "))));
    }
  }

  const Node* map_at(const Node& parent, std::string_view key, std::string_view path) const {
    const Node* n = parent.get(key);
    if (!n || n->is_null()) return nullptr;
    if (!n->is_map()) fail(n, fmt::format("{} must be a mapping, not {}", path, kind_phrase(*n)));
    return n;
  }

  // A map of strings (environmentVariables, matchLabels), each at most `max` bytes.
  std::map<std::string, std::string> strings(const Node& map, std::string_view path, std::size_t max) const {
    std::map<std::string, std::string> out;
    for (const auto& e : map.entries) {
      std::string key = e.key.scalar_text();
      if (!e.value.is_string())
        fail(&e.value, fmt::format("{}.{} must be a string, not {}; quote it", path, key, kind_phrase(e.value)));
      if (e.value.text.size() > max)
        fail(&e.value, fmt::format("{}.{} is {} bytes long; the CRD allows at most {}", path, key, e.value.text.size(), max));
      out[key] = e.value.text;
    }
    return out;
  }

 private:
  const Document& doc_;
  const Node& object_;
  std::string what_;
};

bool in_revision(const std::optional<std::string>& object_revision, std::string_view revision) {
  // config.LabelsInRevision (pkg/config/model.go), with istiod's REVISION
  // as the chart sets it: `default` for the default control plane.
  if (!object_revision) return true;
  return *object_revision == (revision.empty() ? std::string_view("default") : revision);
}

// sortConfigByCreationTime (pilot/pkg/model/config.go): oldest first, then
// by name, then by namespace.
bool older(const ProxyConfigObject& a, const ProxyConfigObject& b) {
  const std::int64_t never = std::numeric_limits<std::int64_t>::max();
  return std::make_tuple(a.created.value_or(never), std::string_view(a.name), std::string_view(a.namespace_)) <
         std::make_tuple(b.created.value_or(never), std::string_view(b.name), std::string_view(b.namespace_));
}

bool selects(const std::map<std::string, std::string>& selector, const Node* labels) {
  // labels.Instance(matchLabels).SubsetOf(pod labels)
  for (const auto& [k, v] : selector) {
    const Node* l = labels && labels->is_map() ? labels->get(k) : nullptr;
    if (!l || !l->is_scalar() || l->scalar_text() != v) return false;
  }
  return true;
}

}  // namespace

Node to_mesh_proxy_config(const Node& spec) {
  Node pc = Node::map();
  if (!spec.is_map()) return pc;
  if (const Node* c = spec.get("concurrency"); c && !c->is_null()) pc.set("concurrency", *c);
  if (const Node* env = spec.get("environmentVariables"); env && !env->is_null()) pc.set("proxyMetadata", *env);
  if (const Node* image = spec.get("image"); image && !image->is_null()) pc.set("image", *image);
  return pc;
}

Node merge_with_precedence(const std::vector<const Node*>& configs) {
  Node merged = Node::map();
  for (auto it = configs.rbegin(); it != configs.rend(); ++it)
    if (*it) merged = merge_proxy_config(merged, **it);
  return merged;
}

int ProxyConfigs::add(const Document& doc) {
  if (doc.empty || !doc.root.is_map()) return 0;
  int n = 0;
  if (is_list(doc.root)) {
    for (const auto& item : doc.root.get("items")->items) n += add_object(item, doc);
  } else {
    n += add_object(doc.root, doc);
  }
  return n;
}

bool ProxyConfigs::add_object(const Node& object, const Document& doc) {
  if (!object.is_map()) return false;
  const Node* kind = object.get("kind");
  const Node* api = object.get("apiVersion");
  if (!kind || kind->str() != "ProxyConfig" || !api || api->str().substr(0, kGroup.size()) != kGroup) return false;
  const Node* name = object.at_path("metadata.name");
  std::string what = fmt::format("ProxyConfig {}", name && name->is_string() ? name->text : "");
  SpecCheck check(doc, object, what);
  if (api->str() != kApiVersion)
    check.fail(api, fmt::format("apiVersion {}: Istio serves ProxyConfig as {} only", api->str(), kApiVersion));
  if (!name || !name->is_string() || name->text.empty()) check.fail(name, "metadata.name must be a non-empty string");

  ProxyConfigObject pc;
  pc.name = name->text;
  pc.namespace_ = default_namespace_;
  if (const Node* ns = object.at_path("metadata.namespace"); ns && !ns->is_null()) {
    if (!ns->is_string() || ns->text.empty()) check.fail(ns, "metadata.namespace must be a non-empty string");
    pc.namespace_ = ns->text;
  }
  if (const Node* ts = object.at_path("metadata.creationTimestamp"); ts && !ts->is_null()) {
    std::string why = ts->is_string() ? k8s::rfc3339_error(ts->text) : std::string("not a string");
    if (!why.empty()) check.fail(ts, fmt::format("metadata.creationTimestamp: {}", why));
    pc.created = epoch_seconds(ts->text);
  }
  if (const Node* labels = object.at_path("metadata.labels"); labels && labels->is_map())
    if (const Node* rev = labels->get("istio.io/rev"); rev && rev->is_scalar()) pc.revision = rev->scalar_text();

  Node spec = Node::map();
  if (const Node* s = check.map_at(object, "spec", "spec")) spec = *s;
  check.only_fields(spec, "spec", {"selector", "concurrency", "environmentVariables", "image"});
  if (const Node* c = spec.get("concurrency"); c && !c->is_null()) {
    if (c->kind != Kind::Int) check.fail(c, fmt::format("spec.concurrency must be an integer, not {}", kind_phrase(*c)));
    // validateConcurrency, and the CRD's `minimum: 0`, `format: int32`.
    if (c->i < 0) check.fail(c, "spec.concurrency must be greater than or equal to 0");
    if (c->i > std::numeric_limits<std::int32_t>::max()) check.fail(c, "spec.concurrency must fit in 32 bits (int32)");
  }
  if (const Node* env = check.map_at(spec, "environmentVariables", "spec.environmentVariables"))
    check.strings(*env, "spec.environmentVariables", 2048);
  if (const Node* image = check.map_at(spec, "image", "spec.image")) {
    check.only_fields(*image, "spec.image", {"imageType"});
    if (const Node* t = image->get("imageType"); t && !t->is_null() && !t->is_string())
      check.fail(t, fmt::format("spec.image.imageType must be a string, not {}", kind_phrase(*t)));
  }
  if (const Node* sel = check.map_at(spec, "selector", "spec.selector")) {
    check.only_fields(*sel, "spec.selector", {"matchLabels"});
    std::map<std::string, std::string> labels;
    if (const Node* ml = check.map_at(*sel, "matchLabels", "spec.selector.matchLabels")) {
      labels = check.strings(*ml, "spec.selector.matchLabels", 63);
      // validateWorkloadSelector, and the CRD's x-kubernetes-validations.
      for (const auto& e : ml->entries) {
        std::string key = e.key.scalar_text();
        if (key.empty()) check.fail(&e.key, "spec.selector.matchLabels: key must not be empty");
        if (key.find('*') != std::string::npos || e.value.text.find('*') != std::string::npos)
          check.fail(&e.key, fmt::format("spec.selector.matchLabels: wildcard is not supported in selector: \"{}={}\"", key,
                                         e.value.text));
      }
    }
    if (labels.empty())
      warnings_.push_back(fmt::format("{}: {}: workload selector specified without labels; it applies to no workload (nor "
                                      "to the namespace)",
                                      where_in(doc, sel, object).str(), what));
    pc.selector = std::move(labels);
  }
  pc.proxy_config = to_mesh_proxy_config(spec);
  pc.where = where_in(doc, nullptr, object);

  auto same = std::find_if(objects_.begin(), objects_.end(), [&](const ProxyConfigObject& o) {
    return o.namespace_ == pc.namespace_ && o.name == pc.name;
  });
  if (same != objects_.end()) {
    if (!pc.created) pc.created = same->created;
    objects_.erase(same);
  }
  objects_.insert(std::upper_bound(objects_.begin(), objects_.end(), pc, older), std::move(pc));
  return true;
}

Node mesh_proxy_config(const Node& mesh) {
  Node defaults = default_proxy_config();
  const Node* default_config = mesh.get("defaultConfig");
  return merge_with_precedence({default_config && default_config->is_map() ? default_config : nullptr, &defaults});
}

EffectiveProxyConfig ProxyConfigs::effective(const ProxyConfigTarget& pod, const Node& mesh, std::string_view revision) const {
  return effective(pod, mesh, mesh_proxy_config(mesh), revision);
}

EffectiveProxyConfig ProxyConfigs::effective(const ProxyConfigTarget& pod, const Node& mesh, Node effective,
                                             std::string_view revision) const {
  EffectiveProxyConfig out;
  auto ref = [](const ProxyConfigObject& o) { return fmt::format("{}/{}", o.namespace_, o.name); };
  // mergedNamespaceConfig / mergedWorkloadConfig: the oldest that applies.
  auto first = [&](auto&& applies) -> const ProxyConfigObject* {
    for (const auto& o : objects_)
      if (in_revision(o.revision, revision) && applies(o)) return &o;
    return nullptr;
  };
  auto namespace_config = [&](const std::string& ns) {
    return first([&](const ProxyConfigObject& o) { return o.namespace_ == ns && !o.selector; });
  };
  auto config_of = [&](const ProxyConfigObject* o) {
    if (o) out.applied.push_back(ref(*o));
    return o ? &o->proxy_config : nullptr;
  };

  // A config merged with nothing over it is itself (mergeWithPrecedence
  // skips a nil one, and a merged config is in the form a merge writes):
  // only a config that applies is merged, not the mesh's again per step.
  auto over = [](const Node* config, Node merged) { return config ? merge_with_precedence({config, &merged}) : merged; };
  const Node* root_ns = mesh.get("rootNamespace");
  std::string root = root_ns && root_ns->is_scalar() ? root_ns->scalar_text() : std::string();
  if (!root.empty()) effective = over(config_of(namespace_config(root)), std::move(effective));
  if (pod.namespace_ != root) effective = over(config_of(namespace_config(pod.namespace_)), std::move(effective));
  const ProxyConfigObject* workload = first([&](const ProxyConfigObject& o) {
    return o.namespace_ == pod.namespace_ && o.selector && !o.selector->empty() && selects(*o.selector, pod.labels);
  });
  // The annotation ranks below the workload's object and above the rest.
  Node workload_config;
  const Node* wc = workload ? &workload->proxy_config : nullptr;
  if (pod.annotation) {
    workload_config = merge_with_precedence({wc, pod.annotation});
    wc = &workload_config;
  }
  if (workload) out.applied.push_back(ref(*workload));
  out.config = over(wc, std::move(effective));
  return out;
}

}  // namespace kinject::istio
