#include "kinject/istio/status.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "kinject/base/error.h"
#include "kinject/base/text.h"
#include "kinject/k8s/pod.h"
#include "kinject/yaml/reader.h"

namespace kinject {

using namespace pod;

InjectionStatus status_from(const Node& record) {
  InjectionStatus st;
  st.init_containers = names_in(record.get("initContainers"));
  st.containers = names_in(record.get("containers"));
  st.volumes = names_in(record.get("volumes"));
  st.pull_secrets = names_in(record.get("imagePullSecrets"));
  for (auto [field, out] : {std::pair{"annotations", &st.annotations}, std::pair{"labels", &st.labels}})
    if (const Node* keys = record.get(field); keys && keys->is_seq())
      for (const auto& k : keys->items) out->push_back(k.scalar_text());
  st.revision = scalar_at(&record, "revision").value_or("");
  if (st.revision.empty()) st.revision = "default";
  return st;
}

bool InjectionStatus::added_container(std::string_view name) const {
  return contains(containers, name) || contains(init_containers, name);
}

std::optional<InjectionStatus> parse_status(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  try {
    Node n = parse_yaml(*text, std::string(kIstioStatusAnnotation));
    if (!n.is_map()) return std::nullopt;
    return status_from(n);
  } catch (const Error&) {
    return std::nullopt;
  }
}

namespace {

// A list of names as Istio's JSON has it: null when empty.
std::string json_names(const std::vector<std::string>& names) {
  if (names.empty()) return "null";
  std::string out = "[";
  for (std::size_t i = 0; i < names.size(); ++i) out += (i ? "," : "") + json_quote(names[i]);
  return out + "]";
}

// The metadata keys a template of one's own added (not the status key, not
// one the pod had).
std::vector<std::string> added_keys(const Node& template_pod, std::string_view status_key, const Node& own, const char* field) {
  const Node* added = child(template_pod.get("metadata"), field);
  const Node* had = child(own.get("metadata"), field);
  std::vector<std::string> keys;
  if (added && added->is_map())
    for (const auto& e : added->entries) {
      std::string k = e.key.scalar_text();
      if (k != status_key && !(had && had->is_map() && had->get(k))) keys.push_back(std::move(k));
    }
  return keys;
}

}  // namespace

// Istio lists every name the template rendered; a template of one's own may
// also render the pod's own containers (to add a mount to them), so those
// are left out of its record.
InjectionStatus injection_status(const Node& template_pod, const std::string& revision, std::string_view status_key,
                                 const Node* own) {
  const Node* spec = template_pod.get("spec");
  auto names = [&](const char* field) {
    const Node* list = child(spec, field);
    if (!own || !list || !list->is_seq()) return names_in(list);
    std::vector<std::string> out;
    const Node* mine = child(own->get("spec"), field);
    for (const auto& it : list->items)
      if (!find_container(mine, name_of(it))) out.push_back(it.is_map() ? name_of(it) : it.scalar_text());
    return out;
  };
  InjectionStatus st;
  st.init_containers = names("initContainers");
  st.containers = names("containers");
  st.volumes = names("volumes");
  st.pull_secrets = names("imagePullSecrets");
  st.revision = revision.empty() ? "default" : revision;
  // Istio records no metadata; a template of one's own records the keys it
  // added, so that uninject can take them away.
  if (own) {
    st.annotations = added_keys(template_pod, status_key, *own, "annotations");
    st.labels = added_keys(template_pod, status_key, *own, "labels");
  }
  return st;
}

std::string status_json(const InjectionStatus& st) {
  std::string status = fmt::format("{{\"initContainers\":{},\"containers\":{},\"volumes\":{},\"imagePullSecrets\":{},\"revision\":{}",
                                   json_names(st.init_containers), json_names(st.containers), json_names(st.volumes),
                                   json_names(st.pull_secrets), json_quote(st.revision));
  for (auto [field, keys] : {std::pair{"annotations", &st.annotations}, std::pair{"labels", &st.labels}}) {
    if (keys->empty()) continue;
    std::vector<std::string> quoted;
    for (const auto& k : *keys) quoted.push_back(json_quote(k));
    status += fmt::format(",\"{}\":[{}]", field, fmt::join(quoted, ","));
  }
  return status + "}";
}

}  // namespace kinject
