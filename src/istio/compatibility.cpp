#include "kinject/istio/compatibility.h"

#include <fmt/format.h>

#include "kinject/base/error.h"

namespace kinject {

void apply_compatibility_version(IstioConfig& config) {
  const Node* asked = config.values.get(std::string(kCompatibilityVersion));
  if (!asked || asked->is_null() || (asked->is_scalar() && asked->scalar_text().empty())) return;
  if (!asked->is_scalar())
    throw Error(fmt::format("{}: values compatibilityVersion must be a release such as \"1.25\"", config.description));
  const std::string version = asked->scalar_text();
  const Node* profile = config.compatibility_profiles.get(version);
  if (!profile) {
    std::string known;
    for (const auto& e : config.compatibility_profiles.entries) known += (known.empty() ? "" : ", ") + e.key.scalar_text();
    // Helm's own words (zzz_profile.yaml: fail "unknown compatibility version").
    throw Error(fmt::format("{}: unknown compatibility version {}: Istio {}'s chart has profiles for {}", config.description,
                            version, config.release.name(), known.empty() ? "none" : known));
  }
  if (const Node* env = profile->at_path("pilot.env"); env && env->is_map()) {
    Node& pilot = config.values.child_map("pilot");
    Node& values_env = pilot.child_map("env");
    for (const auto& e : env->entries)
      if (!values_env.get(e.key.scalar_text())) values_env.set(e.key.scalar_text(), e.value);
  }
  config.compatibility_version = version;
}

}  // namespace kinject
