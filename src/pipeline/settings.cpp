#include "kinject/pipeline/settings.h"

#include <algorithm>

#include <fmt/format.h>

#include "kinject/base/error.h"
#include "kinject/k8s/names.h"
#include "kinject/yaml/parse.h"

namespace kinject {

namespace {

InjectPolicy parse_policy(const std::string& v) {
  if (v == "enabled") return InjectPolicy::Enabled;
  if (v == "disabled") return InjectPolicy::Disabled;
  throw Error(fmt::format("\"{}\": must be enabled or disabled", v));
}

bool parse_switch(const std::string& v) {
  if (v == "true" || v == "1" || v.empty()) return true;
  if (v == "false" || v == "0") return false;
  throw Error(fmt::format("\"{}\": must be true or false", v));
}

std::vector<Setting> make_settings() {
  using G = SettingGroup;
  using A = SettingArity;
  return {
      {"--injectConfigFile", "injectConfigFile", G::Config, A::One, "FILE",
       "Injector config (the istio-sidecar-injector ConfigMap's `config`), a bare template, or the ConfigMaps themselves "
       "(kubectl get cm -o yaml, helm template)",
       [](Options& o, const std::string& v) { o.config.inject_config_file = v; }},
      {"--valuesFile", "valuesFile", G::Config, A::One, "FILE",
       "Injector values (the ConfigMap's `values`), JSON or YAML, or the ConfigMaps",
       [](Options& o, const std::string& v) { o.config.values_file = v; }},
      {"--meshConfigFile", "meshConfigFile", G::Config, A::One, "FILE",
       "Mesh config (the istio ConfigMap's `mesh`), or the ConfigMaps",
       [](Options& o, const std::string& v) { o.config.mesh_config_file = v; }},
      {"--operatorFileName", "operatorFileName", G::Config, A::One, "FILE",
       "An IstioOperator whose spec.values and spec.meshConfig apply",
       [](Options& o, const std::string& v) { o.config.operator_file = v; }},
      {"-r,--revision", "revision", G::Config, A::One, "", "Istio control plane revision",
       [](Options& o, const std::string& v) { o.config.revision = v; }},
      {"--istio-version", "istioVersion", G::Config, A::One, "X.Y[.Z]",
       "The Istio release to inject as (its built-in profile, and its injector's behaviour), e.g. 1.30 or 1.30.3; default: "
       "the newest, or the release the given configuration is from",
       [](Options& o, const std::string& v) { o.config.istio_version = v; }},
      {"--set", "set", G::Config, A::Many, "NAME=VALUE[,...]",
       "Override Istio values in Helm's --set grammar, e.g. --set global.hub=registry.example.com,global.tag=1.30.3 (\\, for "
       "a comma in a value, a[0]=x, a={x,y})",
       [](Options& o, const std::string& v) { o.config.sets.push_back(v); }},
      {"--template", "template", G::Config, A::One, "FILE",
       "Inject a sidecar of one's own: a Go template rendering a pod fragment (instead of Istio's)",
       [](Options& o, const std::string& v) { o.config.template_file = v; }},
      {"--kube-version", "kubeVersion", G::KubeVersion, A::One, "X.Y",
       "The Kubernetes the output is for (as helm template's flag), e.g. 1.33: with ENABLE_NATIVE_SIDECARS=auto (Istio "
       "1.27+'s default), 1.33+ gets native sidecars; default: a current Kubernetes",
       [](Options& o, const std::string& v) { o.kube_version = v; }},
      {"--policy", "policy", G::Rules, A::One, "enabled|disabled", "Injection policy (default: the injector config's)",
       [](Options& o, const std::string& v) { o.policy = parse_policy(v); }},
      {"--rules", "rules", G::Rules, A::One, "FILE|istio",
       "Decide as the cluster does: a MutatingWebhookConfiguration file, or `istio` for Istio's default webhooks",
       [](Options& o, const std::string& v) { o.rules = v; }},
      {"--namespaces", "namespaces", G::Rules, A::One, "FILE", "Namespace objects whose labels the --rules webhooks select on",
       [](Options& o, const std::string& v) { o.namespaces_file = v; }},
      {"--cluster", "cluster", G::Rules, A::One, "FILE",
       "Decide and inject as this cluster would: a snapshot of its namespaces, nodes, webhooks, Istio ConfigMaps and "
       "ProxyConfigs (docs/cluster.md); flags given beside it win",
       [](Options& o, const std::string& v) { o.cluster_file = v; }},
      {"--ignore-match-conditions", "ignoreMatchConditions", G::Rules, A::Switch, "",
       "Take a webhook's matchConditions (CEL, which kinject cannot evaluate) as true, warning for each workload they "
       "concern; without it such a webhook firing is an error",
       [](Options& o, const std::string& v) { o.ignore_match_conditions = parse_switch(v); }},
      {"-n,--namespace", "namespace", G::Rules, A::One, "NAMESPACE", "Namespace of documents that name none (default: default)",
       [](Options& o, const std::string& v) {
         if (auto why = v.empty() ? std::nullopt : invalid_dns1123_label(v))
           throw Error(fmt::format("\"{}\": not a valid namespace name: {}", v, *why));
         o.default_namespace = v;
       }},
      {"-l,--selector", "selector", G::Rules, A::One, "SELECTOR", "Inject only pods whose labels match, e.g. -l app=web,tier!=db",
       [](Options& o, const std::string& v) { o.selector = v; }},
      {"--workload", "workloads", G::Rules, A::Many, "KIND=PATH",
       "Where a custom resource keeps its pod template, e.g. CloneSet=spec.template",
       [](Options& o, const std::string& v) { o.workloads.push_back(v); }},
  };
}

}  // namespace

std::string Setting::long_flag() const {
  std::string_view f = flags;
  auto at = f.find("--");
  return std::string(at == std::string_view::npos ? f : f.substr(at));
}

std::string Setting::env_name() const {
  std::string out = "KINJECT_";
  for (const char* c = key; *c; ++c) {
    if (*c >= 'A' && *c <= 'Z') {
      out += '_';
      out += *c;
    } else {
      out += static_cast<char>(*c >= 'a' && *c <= 'z' ? *c - 'a' + 'A' : *c);
    }
  }
  return out;
}

const std::vector<Setting>& settings() {
  static const std::vector<Setting> table = make_settings();  // immutable, built once
  return table;
}

const Setting* setting_for_key(std::string_view key) {
  if (key == "workload") key = "workloads";
  for (const auto& s : settings())
    if (key == s.key) return &s;
  return nullptr;
}

std::string setting_keys() {
  std::string out;
  for (const auto& s : settings()) out += (out.empty() ? "" : ", ") + std::string(s.key);
  return out;
}

namespace {

// Items one a line, or separated by commas too.
std::vector<std::string> split_list(const std::string& s, bool commas = true) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == '\n' || (commas && c == ',')) {
      auto a = cur.find_first_not_of(" \t\r");
      if (a != std::string::npos) out.push_back(cur.substr(a, cur.find_last_not_of(" \t\r") - a + 1));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  auto a = cur.find_first_not_of(" \t\r");
  if (a != std::string::npos) out.push_back(cur.substr(a, cur.find_last_not_of(" \t\r") - a + 1));
  return out;
}

}  // namespace

void apply_setting_values(const Node& values, const std::string& what, const std::vector<std::string>& given,
                          Options& opts) {
  for (const auto& e : values.entries) {
    std::string key = e.key.scalar_text();
    const Setting* setting = setting_for_key(key);
    if (!setting) throw Error(fmt::format("{}: unknown setting \"{}\" (known: {})", what, key, setting_keys()));
    if (std::find(given.begin(), given.end(), setting->long_flag()) != given.end()) continue;  // the flag wins
    const Node& v = e.value;
    try {
      if (setting->arity == SettingArity::Many) {
        // A list, a map (KEY=VALUE each), or a string of one value a line
        // (--set: Helm's grammar splits each at its commas and keeps
        // escaped ones (\,) in the value; --workload: commas separate too).
        std::vector<std::string> list;
        if (v.is_seq()) {
          for (const auto& it : v.items) list.push_back(it.scalar_text());
        } else if (v.is_map()) {
          for (const auto& x : v.entries) list.push_back(x.key.scalar_text() + "=" + x.value.scalar_text());
        } else {
          list = split_list(v.scalar_text(), std::string_view(setting->key) != "set");
        }
        for (const auto& value : list) setting->apply(opts, value);
      } else if (!v.is_scalar()) {
        // scalar_text() of a collection is "": the setting would be unset
        // without a word.
        throw Error(fmt::format("takes one value, not {}", kind_phrase(v)));
      } else {
        setting->apply(opts, v.scalar_text());
      }
    } catch (const Error& err) {
      throw Error(fmt::format("{}: {} {}", what, key, err.bare()));
    }
  }
}

void apply_argocd_parameters(std::string_view json, const std::vector<std::string>& given, Options& o) {
  const std::string what = "ARGOCD_APP_PARAMETERS";
  Node list = parse_yaml(json, what);
  if (list.is_null()) return;  // Argo CD sends `null` when the Application sets none
  if (!list.is_seq())
    throw Error(fmt::format("{}: expected Argo CD's list of parameters ([{{\"name\": ..., \"string\": ...}}, ...]), not {}",
                            what, kind_phrase(list)));
  // As a functionConfig's data: each parameter's one value by its name.
  Node values = Node::map();
  for (const auto& p : list.items) {
    const Node* name = p.get("name");
    if (!p.is_map() || !name || !name->is_string() || name->str().empty())
      throw Error(fmt::format("{}: every parameter needs a name", what));
    const Node* value = nullptr;
    for (const char* field : {"string", "array", "map"})
      if (const Node* v = p.get(field)) {
        if (value)
          throw Error(fmt::format("{}: parameter \"{}\" has more than one of string, array and map", what, name->str()));
        value = v;
      }
    if (!value) throw Error(fmt::format("{}: parameter \"{}\" has no string, array or map", what, name->str()));
    if (values.get(name->str()))
      throw Error(fmt::format("{}: parameter \"{}\" is given twice", what, name->str()));
    values.set(name->str(), *value);
  }
  apply_setting_values(values, what, given, o);
}

void apply_env_settings(const std::vector<std::pair<std::string, std::string>>& environment, const std::string& prefix,
                        const std::vector<std::string>& given, Options& o) {
  const std::string ours = prefix + "KINJECT_";
  for (const auto& [name, value] : environment) {
    if (name.rfind(ours, 0) != 0) continue;
    const Setting* found = nullptr;
    for (const auto& s : settings())
      if (name == prefix + s.env_name()) found = &s;
    if (!found) {
      std::string known;
      for (const auto& s : settings()) known += (known.empty() ? "" : ", ") + s.env_name();
      throw Error(fmt::format("environment variable {}: no such setting (known, after {}: {})", name, prefix, known));
    }
    if (std::find(given.begin(), given.end(), found->long_flag()) != given.end()) continue;  // the flag wins
    if (value.empty() && found->arity != SettingArity::Switch) continue;  // set but empty: not given
    try {
      if (found->arity == SettingArity::Many) {
        // One value per line or word: Argo CD's plugin env is one string.
        std::string word;
        for (char c : value + "\n") {
          if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (!word.empty()) found->apply(o, word);
            word.clear();
          } else {
            word += c;
          }
        }
      } else {
        found->apply(o, value);
      }
    } catch (const Error& e) {
      throw Error(fmt::format("environment variable {}: {}", name, e.bare()));
    }
  }
}

}  // namespace kinject
