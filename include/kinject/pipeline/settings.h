// Every setting a run takes, in one table: its command-line flag, its key
// in a KRM functionConfig, and the environment variable an Argo CD plugin
// passes it as. The CLI registers its flags from this table, the KRM
// function reads its functionConfig through it, and --settings-from-env
// reads the environment through it, so the three cannot drift apart.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kinject/pipeline/options.h"
#include "kinject/yaml/node.h"

namespace kinject {

enum class SettingGroup {
  Config,       // Istio's configuration: every command that injects, kube-inject too
  KubeVersion,  // --kube-version: not kube-inject's (istioctl has no such flag)
  Rules,        // which workloads, as the cluster decides: inject, check, krm
};

enum class SettingArity {
  One,     // a value; given again, the last wins
  Many,    // a value per occurrence, in order (--set, --workload)
  Switch,  // no value on the command line; true/false elsewhere
};

struct Setting {
  const char* flags;      // as CLI11 spells them: "-r,--revision"
  const char* key;        // the functionConfig key: "revision"
  SettingGroup group;
  SettingArity arity;
  const char* type_name;  // the value's placeholder in --help ("FILE"), "" for none
  const char* help;
  // Sets the value in `o`. Throws Error (without the setting's name, which
  // the caller puts in front) for a value that is wrong whatever the input.
  void (*apply)(Options& o, const std::string& value);

  // The flag's long name: "--revision".
  std::string long_flag() const;
  // The environment variable, after a host's prefix: "KINJECT_REVISION"
  // (the key in upper snake case).
  std::string env_name() const;
};

// Every setting, in the order --help lists them.
const std::vector<Setting>& settings();

// The setting a functionConfig key names (also the old spelling
// `workload`); null for none.
const Setting* setting_for_key(std::string_view key);

// "rules, namespaces, ..." for messages.
std::string setting_keys();

// Applies the settings found among `environment` (name, value pairs) under
// `prefix` (e.g. "ARGOCD_ENV_": ARGOCD_ENV_KINJECT_RULES), except those
// `given` says the command line gave. A Many setting takes one value per
// line or word. An unknown PREFIX + "KINJECT_" name is an error naming the
// known ones (a typo would otherwise be ignored). Throws Error.
void apply_env_settings(const std::vector<std::pair<std::string, std::string>>& environment, const std::string& prefix,
                        const std::vector<std::string>& given, Options& o);

// Applies settings by their functionConfig keys (`values`, a map: a KRM
// functionConfig's data, Argo CD's parameters), except those `given` says
// the command line gave. A Many setting takes a list, a map (KEY=VALUE
// each) or a string of one value a line (or a comma, but for `set`).
// Errors begin with `what`. Throws Error.
void apply_setting_values(const Node& values, const std::string& what, const std::vector<std::string>& given,
                          Options& o);

// Applies an Argo CD plugin's parameters, as the cmp-server hands them over
// in ARGOCD_APP_PARAMETERS (JSON: [{"name": "rules", "string": "istio"},
// {"name": "set", "array": [...]}, {"name": ..., "map": {...}}], or null),
// each named by its functionConfig key, except those `given`. Throws Error.
void apply_argocd_parameters(std::string_view json, const std::vector<std::string>& given, Options& o);

}  // namespace kinject
