// istiod's environment (istio/istiod_env.h): --set pilot.env over kinject's
// own environment over the configuration's values.pilot.env, which Istio's
// chart writes into istiod's Deployment as `value: "{{ $val }}"`
// (istio-discovery templates/deployment.yaml) and records in the injector
// ConfigMap (templates/istiod-injector-configmap.yaml, `pick .Values "cni" "env"`).
#include "kinject/istio/istiod_env.h"

#include <catch2/catch.hpp>

#include "kinject/base/error.h"
#include "kinject/istio/compatibility.h"
#include "kinject/yaml/reader.h"
#include "support.h"

using namespace kinject;
using namespace kinject::test;

namespace {

IstioConfig with_values(const char* values, const char* sets = "{}") {
  IstioConfig c;
  c.description = "cm.yaml";
  c.values = parse_yaml(values, "values");
  c.set_values = parse_yaml(sets, "sets");
  return c;
}

}  // namespace

TEST_CASE("istiod env: --set pilot.env, then kinject's environment, then values.pilot.env", "[istio][istiod-env]") {
  IstioConfig c = with_values(R"({pilot: {env: {A: from-values, B: from-values, C: from-values}}})",
                              R"({pilot: {env: {A: from-set}}})");
  IstiodEnv env = istiod_env(c, [](std::string_view key) -> std::optional<std::string> {
    if (key == "A" || key == "B") return std::string("from-kinject");
    return std::nullopt;
  }, false);
  CHECK(env("A") == "from-set");
  CHECK(env.setting("A")->origin == "--set pilot.env.A");
  CHECK(env("B") == "from-kinject");
  CHECK(env.setting("B")->origin.empty());
  CHECK(env("C") == "from-values");
  CHECK(env.setting("C")->origin == "values.pilot.env of cm.yaml");
  CHECK_FALSE(env("D"));
  // The template functions see the same.
  CHECK(env.lookup()("C") == "from-values");
}

TEST_CASE("istiod env: as kube-inject (istioctl's process), kinject's environment alone", "[istio][istiod-env]") {
  IstioConfig c = with_values(R"({pilot: {env: {A: v}}})", R"({pilot: {env: {B: v}}})");
  IstiodEnv env = istiod_env(c, env_with("C", "x"), true);
  CHECK_FALSE(env("A"));
  CHECK_FALSE(env("B"));
  CHECK(env("C") == "x");
}

TEST_CASE("istiod env: values as Helm writes them into istiod's Deployment", "[istio][istiod-env]") {
  // `value: "{{ $val }}"`: a boolean prints true/false, a number as it is.
  IstioConfig c = with_values(R"({pilot: {env: {NATIVE: false, ON: true, N: 1000000, S: "x y", E: "", NULL_ONE: null}}})");
  IstiodEnv env = istiod_env(c, no_env(), false);
  CHECK(env("NATIVE") == "false");
  CHECK(env("ON") == "true");
  CHECK(env("N") == "1000000");
  CHECK(env("S") == "x y");
  CHECK(env("E") == "");
  CHECK_FALSE(env("NULL_ONE"));
  CHECK_THROWS_WITH(istiod_env(with_values("{pilot: {env: {X: {a: b}}}}"), no_env(), false),
                    Catch::Contains("cm.yaml") && Catch::Contains("pilot.env.X is a mapping"));
  CHECK_THROWS_WITH(istiod_env(with_values("{pilot: {env: [a]}}"), no_env(), false),
                    Catch::Contains("pilot.env must be a mapping"));
  // No pilot.env (Istio 1.24 - 1.25's ConfigMaps have none): nothing.
  CHECK_FALSE(istiod_env(with_values("{pilot: {cni: {enabled: false}}}"), no_env(), false)("X"));
}

TEST_CASE("compatibilityVersion: the chart's profile under the user's values", "[istio][istiod-env]") {
  // Istio 1.30.3's files/profile-compatibility-version-1.25.yaml sets
  // ENABLE_NATIVE_SIDECARS "false"; its 1.27 profile does not.
  IstioConfig c = builtin_config(parse_istio_release("1.30"));
  c.values.set("compatibilityVersion", Node::string("1.25"));
  apply_compatibility_version(c);
  CHECK(c.values.at_path("pilot.env.ENABLE_NATIVE_SIDECARS")->text == "false");
  CHECK(c.values.at_path("pilot.env.PILOT_SIDECAR_PICK_BEST_SERVICE_NAMESPACE")->text == "false");
  CHECK(c.compatibility_version == "1.25");
  CHECK_THAT(istiod_env(c, no_env(), false).setting("ENABLE_NATIVE_SIDECARS")->origin,
             Catch::Contains("compatibilityVersion 1.25"));

  IstioConfig own = builtin_config(parse_istio_release("1.30"));
  own.values.set("compatibilityVersion", Node::string("1.25"));
  own.values.child_map("pilot").child_map("env").set("ENABLE_NATIVE_SIDECARS", Node::string("true"));
  apply_compatibility_version(own);
  CHECK(own.values.at_path("pilot.env.ENABLE_NATIVE_SIDECARS")->text == "true");  // the user's wins

  IstioConfig later = builtin_config(parse_istio_release("1.30"));
  later.values.set("compatibilityVersion", Node::string("1.27"));
  apply_compatibility_version(later);
  CHECK_FALSE(later.values.at_path("pilot.env.ENABLE_NATIVE_SIDECARS"));

  // Each release has its own chart's: 1.24.6's are 1.21 - 1.23.
  IstioConfig old = builtin_config(parse_istio_release("1.24"));
  old.values.set("compatibilityVersion", Node::string("1.25"));
  CHECK_THROWS_WITH(apply_compatibility_version(old), Catch::Contains("unknown compatibility version 1.25") &&
                                                          Catch::Contains("1.21, 1.22, 1.23"));
  IstioConfig none = builtin_config(parse_istio_release("1.28"));
  apply_compatibility_version(none);
  CHECK(none.compatibility_version.empty());
}
