// Istio's compatibilityVersion: the charts (1.24+) carry one profile per
// older release, files/profile-compatibility-version-V.yaml, which Helm (and
// istioctl) merge under the user's values when `compatibilityVersion: V` is
// set (istio-discovery templates/zzz_profile.yaml: the profile over the
// chart's defaults, the user's values over both). What they set that the
// injector sees is istiod's environment, pilot.env (ENABLE_NATIVE_SIDECARS
// "false" for 1.25 and 1.26 in Istio 1.28 - 1.30). The profiles of each
// release are kept, as the chart has them, in its built-in profile
// (src/istio/profiles, `compatibility:`).
#pragma once

#include <string_view>

#include "kinject/istio/config.h"

namespace kinject {

inline constexpr std::string_view kCompatibilityVersion = "compatibilityVersion";

// Applies the values' compatibilityVersion, if any, from
// config.compatibility_profiles: each pilot.env entry the values do not set
// already is added (the user's values win), and config.compatibility_version
// records it. Throws Error, as Helm fails ("unknown compatibility version"),
// for a version the release's chart has no profile of.
void apply_compatibility_version(IstioConfig& config);

}  // namespace kinject
