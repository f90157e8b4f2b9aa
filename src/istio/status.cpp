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

std::string json_names(const Node* list) {
  auto names = names_in(list);
  if (!list || !list->is_seq() || names.empty()) return "null";
  std::string out = "[";
  for (std::size_t i = 0; i < names.size(); ++i) out += (i ? "," : "") + json_quote(names[i]);
  return out + "]";
}

// The metadata keys a template of one's own added (not the status key, not
// one the pod had), as `,"annotations":[...]` and `,"labels":[...]`.
std::string added_metadata(const Node& template_pod, std::string_view status_key, const Node& own) {
  std::string out;
  for (const char* field : {"annotations", "labels"}) {
    const Node* added = child(template_pod.get("metadata"), field);
    const Node* had = child(own.get("metadata"), field);
    std::vector<std::string> keys;
    if (added && added->is_map())
      for (const auto& e : added->entries) {
        std::string k = e.key.scalar_text();
        if (k != status_key && !(had && had->is_map() && had->get(k))) keys.push_back(json_quote(k));
      }
    if (!keys.empty()) out += fmt::format(",\"{}\":[{}]", field, fmt::join(keys, ","));
  }
  return out;
}

}  // namespace

// Istio lists every name the template rendered; a template of one's own may
// also render the pod's own containers (to add a mount to them), so those
// are left out of its record.
std::string injection_status(const Node& template_pod, const std::string& revision, std::string_view status_key,
                             const Node* own) {
  const Node* spec = template_pod.get("spec");
  auto names = [&](const char* field) {
    const Node* list = child(spec, field);
    if (!own || !list || !list->is_seq()) return json_names(list);
    Node filtered = Node::seq();
    const Node* mine = child(own->get("spec"), field);
    for (const auto& it : list->items)
      if (!find_container(mine, name_of(it))) filtered.items.push_back(it);
    return json_names(&filtered);
  };
  std::string status = fmt::format("{{\"initContainers\":{},\"containers\":{},\"volumes\":{},\"imagePullSecrets\":{},\"revision\":{}",
                                   names("initContainers"), names("containers"), names("volumes"),
                                   names("imagePullSecrets"), json_quote(revision.empty() ? "default" : revision));
  // Istio records no metadata; a template of one's own records the keys it
  // added, so that uninject can take them away.
  if (own) status += added_metadata(template_pod, status_key, *own);
  return status + "}";
}

}  // namespace kinject
