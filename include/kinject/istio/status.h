// The status annotation: what an injection added, recorded in the pod, so
// that a re-injection can strip it and uninject can take it away.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kinject/yaml/node.h"

namespace kinject {

// Istio's record (annotation.SidecarStatus), and the one a --template
// sidecar of one's own writes instead, so that Istio's uninjection never
// mistakes one for the other.
inline constexpr std::string_view kIstioStatusAnnotation = "sidecar.istio.io/status";
inline constexpr std::string_view kGenericStatusAnnotation = "kinject.io/status";

// SidecarInjectionStatus, as the annotation's JSON holds it.
struct InjectionStatus {
  std::vector<std::string> init_containers, containers, volumes, pull_secrets;
  std::vector<std::string> annotations, labels;  // keys a template of one's own added
  std::string revision = "default";
  // Whether the injection added a container of this name, in either list:
  // a re-injection may lay it out in the other one (istio-proxy classic or
  // native), and it is still the injection's, not the user's.
  bool added_container(std::string_view name) const;
};

// The fields of a parsed status record.
InjectionStatus status_from(const Node& record);
// A status annotation's text read leniently, as Istio's parseStatus does:
// nullopt when absent or not a JSON object.
std::optional<InjectionStatus> parse_status(const std::optional<std::string>& text);

// What an injection records: the names the template pod lists, and the
// revision. `own` (a template of one's own only): the pod's own containers,
// volumes and metadata, which are left out of the record, and the metadata
// keys the template added recorded. The injector keeps it and reports from
// it; it never reads back the annotation it wrote.
InjectionStatus injection_status(const Node& template_pod, const std::string& revision, std::string_view status_key,
                                 const Node* own = nullptr);

// The status annotation's value: the record as Istio's JSON writes it.
std::string status_json(const InjectionStatus& status);

}  // namespace kinject
