// istiod's process environment, as the injector reads it.
//
// Istio's injector reads switches from its own environment: features such as
// ENABLE_NATIVE_SIDECARS (pilot/pkg/features) and COMPLIANCE_POLICY
// (pkg/features), and the templates' `env "KEY" "default"`. In a cluster that
// is istiod's environment, which the chart sets from the values' `env`
// (istio-discovery's deployment.yaml: `range $key, $val := .Values.env`) and
// also records in the injector ConfigMap's values as `pilot.env`
// (istiod-injector-configmap.yaml: `pick .Values "cni" "env"` under `pilot`,
// since 1.26). So a configuration that carries values.pilot.env says what
// istiod's environment holds, and kinject reads it there.
//
// The order, first found wins: --set pilot.env.KEY (a flag of this run),
// kinject's own environment, the configuration's values.pilot.env (files, a
// --cluster snapshot, an IstioOperator, a compatibilityVersion profile), and
// then the reader's default. As `kinject kube-inject` only kinject's own
// environment counts: istioctl kube-inject runs the injector in its own
// process, whose environment the values do not set.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "kinject/istio/config.h"
#include "kinject/istio/funcs.h"
#include "kinject/yaml/node.h"

namespace kinject {

// One variable of istiod's environment and where its value comes from.
struct IstiodEnvSetting {
  std::string value;
  std::string origin;  // "" for kinject's own environment, else e.g. "values.pilot.env of cm.yaml (...)"
};

struct IstiodEnv {
  tmpl::EnvLookup process;                               // kinject's own environment
  std::map<std::string, std::string, std::less<>> flags;   // --set pilot.env.KEY=VALUE
  std::map<std::string, std::string, std::less<>> values;  // the configuration's values.pilot.env
  std::string values_origin;                             // where values.pilot.env was read

  std::optional<IstiodEnvSetting> setting(std::string_view key) const;
  std::optional<std::string> operator()(std::string_view key) const;
  // For the template functions (`env`): a copy of this lookup.
  tmpl::EnvLookup lookup() const;
};

// istiod's environment for `config`: its values.pilot.env and its --set
// pilot.env (IstioConfig::set_values) under and over `process`; with
// `kube_inject`, `process` alone. Throws Error for a pilot.env entry that
// is a mapping or a list (an environment variable is a string).
IstiodEnv istiod_env(const IstioConfig& config, tmpl::EnvLookup process, bool kube_inject);

// The string a pilot.env value becomes in istiod's Deployment, written by
// the chart as `value: "{{ $val }}"`: a string as it is, a boolean as
// true/false, a number as written; nullopt for null (no value). Throws Error
// naming `path` for a mapping or a list.
std::optional<std::string> env_value_text(const Node& value, std::string_view path);

}  // namespace kinject
