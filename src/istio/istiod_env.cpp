#include "kinject/istio/istiod_env.h"

#include <fmt/format.h>

#include "kinject/base/error.h"

namespace kinject {

namespace {

// The pilot.env mapping of `values` as strings, checked entry by entry.
std::map<std::string, std::string, std::less<>> env_of(const Node& values, const std::string& where) {
  std::map<std::string, std::string, std::less<>> out;
  const Node* env = values.at_path("pilot.env");
  if (!env || env->is_null()) return out;
  if (!env->is_map())
    throw Error(fmt::format("{}: values pilot.env must be a mapping of environment variables (e.g. "
                            "`pilot: {{env: {{ENABLE_NATIVE_SIDECARS: \"false\"}}}}`), not a {}",
                            where, env->is_seq() ? "list" : "scalar"));
  for (const auto& e : env->entries) {
    const std::string key = e.key.scalar_text();
    try {
      if (auto text = env_value_text(e.value, "pilot.env." + key)) out[key] = *text;
    } catch (const Error& err) {
      throw Error(fmt::format("{}: {}", where, err.bare()));
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> env_value_text(const Node& value, std::string_view path) {
  if (value.is_map() || value.is_seq())
    throw Error(fmt::format("values {} is {}; istiod's environment variables are strings: write the value in quotes",
                            path, value.is_map() ? "a mapping" : "a list"));
  if (value.is_null()) return std::nullopt;
  if (value.kind == Kind::Bool) return value.b ? "true" : "false";
  return value.scalar_text();
}

std::optional<IstiodEnvSetting> IstiodEnv::setting(std::string_view key) const {
  if (auto it = flags.find(key); it != flags.end())
    return IstiodEnvSetting{it->second, fmt::format("--set pilot.env.{}", key)};
  if (process)
    if (auto v = process(key)) return IstiodEnvSetting{*v, ""};
  if (auto it = values.find(key); it != values.end()) return IstiodEnvSetting{it->second, values_origin};
  return std::nullopt;
}

std::optional<std::string> IstiodEnv::operator()(std::string_view key) const {
  auto s = setting(key);
  if (!s) return std::nullopt;
  return std::move(s->value);
}

tmpl::EnvLookup IstiodEnv::lookup() const {
  return [env = *this](std::string_view key) { return env(key); };
}

IstiodEnv istiod_env(const IstioConfig& config, tmpl::EnvLookup process, bool kube_inject) {
  IstiodEnv env;
  env.process = std::move(process);
  if (kube_inject) return env;
  const std::string where = config.description.empty() ? std::string("the configuration") : config.description;
  env.flags = env_of(config.set_values, "--set");
  env.values = env_of(config.values, where);
  env.values_origin = config.compatibility_version.empty()
                          ? fmt::format("values.pilot.env of {}", where)
                          : fmt::format("values.pilot.env of {}, with compatibilityVersion {}'s profile under it", where,
                                        config.compatibility_version);
  return env;
}

}  // namespace kinject
