// The settings table (pipeline/settings.h) is the one place a setting is
// named: a flag, a KRM functionConfig key, an environment variable. These
// tests hold the three spellings to the same Options, setting by setting,
// so that a setting added to the table reaches every host at once.
#include "kinject/pipeline/settings.h"

#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "kinject/base/error.h"
#include "kinject/pipeline/krm.h"
#include "kinject/yaml/parse.h"

using namespace kinject;

namespace {

// Every field a setting can write, as text, so two Options compare whole.
std::string fingerprint(const Options& o) {
  const auto& c = o.config;
  std::string sets, workloads;
  for (const auto& s : c.sets) sets += s + "|";
  for (const auto& w : o.workloads) workloads += w + "|";
  return fmt::format(
      "inject={} values={} mesh={} template={} operator={} revision={} version={} sets={} kube={} policy={} rules={} "
      "namespaces={} cluster={} ignore_mc={} ns={} selector={} workloads={}",
      c.inject_config_file, c.values_file, c.mesh_config_file, c.template_file, c.operator_file, c.revision,
      c.istio_version, sets, o.kube_version,
      o.policy ? (*o.policy == InjectPolicy::Enabled ? "enabled" : "disabled") : "-", o.rules, o.namespaces_file,
      o.cluster_file, o.ignore_match_conditions, o.default_namespace, o.selector, workloads);
}

// A value each setting accepts, and that differs from the default.
std::string sample(const Setting& s) {
  std::string_view key = s.key;
  if (key == "policy") return "disabled";
  if (key == "set") return "global.hub=registry.example.com";
  if (key == "workloads") return "CloneSet=spec.template";
  if (key == "namespace") return "shop";
  if (key == "selector") return "app=web";
  if (key == "istioVersion") return "1.28";
  if (key == "kubeVersion") return "1.33";
  if (s.arity == SettingArity::Switch) return "true";
  return fmt::format("{}.yaml", key);
}

Options via_function_config(const std::string& key, const std::string& value) {
  Options o;
  Node config = parse_yaml(fmt::format("kind: ConfigMap\ndata:\n  {}: \"{}\"\n", key, value), "functionConfig");
  apply_function_config(config, o);
  return o;
}

Options via_argocd_parameter(const std::string& key, const std::string& value) {
  Options o;
  apply_argocd_parameters(fmt::format(R"([{{"name": "{}", "string": "{}"}}])", key, value), {}, o);
  return o;
}

Options via_environment(const std::string& name, const std::string& value, const std::string& prefix = "") {
  Options o;
  apply_env_settings({{name, value}}, prefix, {}, o);
  return o;
}

}  // namespace

TEST_CASE("each setting gives the same Options as a KRM key and as an environment variable", "[settings]") {
  for (const auto& s : settings()) {
    INFO("setting " << s.key);
    Options direct;
    s.apply(direct, sample(s));
    CHECK(fingerprint(direct) != fingerprint(Options{}));
    CHECK(fingerprint(via_function_config(s.key, sample(s))) == fingerprint(direct));
    CHECK(fingerprint(via_environment(s.env_name(), sample(s))) == fingerprint(direct));
    CHECK(fingerprint(via_environment("ARGOCD_ENV_" + s.env_name(), sample(s), "ARGOCD_ENV_")) == fingerprint(direct));
    CHECK(fingerprint(via_argocd_parameter(s.key, sample(s))) == fingerprint(direct));
  }
}

TEST_CASE("the names of a setting follow from its key", "[settings]") {
  const Setting* ignore = setting_for_key("ignoreMatchConditions");
  REQUIRE(ignore);
  CHECK(ignore->env_name() == "KINJECT_IGNORE_MATCH_CONDITIONS");
  CHECK(ignore->long_flag() == "--ignore-match-conditions");
  const Setting* revision = setting_for_key("revision");
  REQUIRE(revision);
  CHECK(revision->long_flag() == "--revision");  // "-r,--revision": the long one
  CHECK(setting_for_key("workload") == setting_for_key("workloads"));  // the old spelling still read
  CHECK(setting_for_key("rulez") == nullptr);
  // No two settings share a key, a flag or a variable.
  for (const auto& a : settings())
    for (const auto& b : settings()) {
      if (&a == &b) continue;
      CHECK(std::string_view(a.key) != b.key);
      CHECK(a.long_flag() != b.long_flag());
      CHECK(a.env_name() != b.env_name());
    }
}

TEST_CASE("settings from the environment: many values, the flag wins, a misspelt name is an error", "[settings]") {
  Options o;
  apply_env_settings({{"ARGOCD_ENV_KINJECT_SET", "global.hub=h\nglobal.tag=t"},
                      {"ARGOCD_ENV_KINJECT_REVISION", "canary"},
                      {"ARGOCD_ENV_OTHER", "ignored"},
                      {"KINJECT_RULES", "not under the prefix"}},
                     "ARGOCD_ENV_", {"--revision"}, o);
  CHECK(o.config.sets == std::vector<std::string>{"global.hub=h", "global.tag=t"});
  CHECK(o.config.revision.empty());  // --revision was given on the command line
  CHECK(o.rules.empty());

  Options p;
  CHECK_THROWS_WITH(apply_env_settings({{"ARGOCD_ENV_KINJECT_RULSE", "istio"}}, "ARGOCD_ENV_", {}, p),
                    Catch::Contains("ARGOCD_ENV_KINJECT_RULSE: no such setting") && Catch::Contains("KINJECT_RULES"));
  CHECK_THROWS_WITH(apply_env_settings({{"KINJECT_POLICY", "sometimes"}}, "", {}, p),
                    Catch::Contains("KINJECT_POLICY") && Catch::Contains("must be enabled or disabled"));
  // Set but empty is not given (an Argo CD parameter left blank).
  Options q;
  apply_env_settings({{"KINJECT_RULES", ""}}, "", {}, q);
  CHECK(q.rules.empty());
}

TEST_CASE("a functionConfig names the setting it refuses and lists the known ones", "[settings][krm]") {
  Options o;
  CHECK_THROWS_WITH(apply_function_config(parse_yaml("kind: ConfigMap\ndata:\n  rulez: istio\n", "fc"), o),
                    Catch::Contains("unknown setting \"rulez\"") && Catch::Contains("ignoreMatchConditions"));
  CHECK_THROWS_WITH(apply_function_config(parse_yaml("kind: ConfigMap\ndata:\n  ignoreMatchConditions: maybe\n", "fc"), o),
                    Catch::Contains("functionConfig: ignoreMatchConditions \"maybe\": must be true or false"));
  // Many values as a list, as lines, and (for --set) Helm's own commas.
  Options l;
  apply_function_config(parse_yaml("kind: Injection\nspec:\n  set: [a=1, b=2]\n  workloads: |\n    A=spec.t\n    B=spec.u\n", "fc"),
                        l);
  CHECK(l.config.sets == std::vector<std::string>{"a=1", "b=2"});
  CHECK(l.workloads == std::vector<std::string>{"A=spec.t", "B=spec.u"});
}

TEST_CASE("the man page and docs/integrations.md name every functionConfig key", "[settings][docs]") {
  std::ifstream man_in(KINJECT_SOURCE_DIR "/docs/kinject.1.in"), doc_in(KINJECT_SOURCE_DIR "/docs/integrations.md");
  std::stringstream man, doc;
  man << man_in.rdbuf();
  doc << doc_in.rdbuf();
  for (const auto& s : settings()) {
    INFO("key " << s.key);
    CHECK_THAT(man.str(), Catch::Contains(fmt::format("{}", s.key)));
    CHECK_THAT(doc.str(), Catch::Contains(fmt::format("`{}`", s.key)));
  }
}

// Argo CD's cmp-server hands an Application's plugin parameters to the
// generate command as JSON in ARGOCD_APP_PARAMETERS (Argo CD's
// docs/operator-manual/config-management-plugins.md: `[{"name":
// "values-files", "array": [...]}, {"name": ..., "map": {...}}]`), and
// `null` when the Application sets none.
TEST_CASE("Argo CD plugin parameters: string, array and map; null; the flag wins; malformed ones refused", "[settings]") {
  Options o;
  apply_argocd_parameters(R"([{"name": "rules", "string": "istio"}, {"name": "set", "array": ["a=1", "b=2"]},
                               {"name": "workloads", "map": {"CloneSet": "spec.template"}}])",
                          {}, o);
  CHECK(o.rules == "istio");
  CHECK(o.config.sets == std::vector<std::string>{"a=1", "b=2"});
  CHECK(o.workloads == std::vector<std::string>{"CloneSet=spec.template"});

  Options none;
  apply_argocd_parameters("null", {}, none);
  CHECK(fingerprint(none) == fingerprint(Options{}));

  Options flagged;
  flagged.rules = "rules.yaml";
  apply_argocd_parameters(R"([{"name": "rules", "string": "istio"}])", {"--rules"}, flagged);
  CHECK(flagged.rules == "rules.yaml");

  Options bad;
  CHECK_THROWS_WITH(apply_argocd_parameters(R"([{"name": "rulse", "string": "istio"}])", {}, bad),
                    Catch::StartsWith("ARGOCD_APP_PARAMETERS: unknown setting \"rulse\" (known: "));
  CHECK_THROWS_WITH(apply_argocd_parameters(R"({"rules": "istio"})", {}, bad),
                    Catch::Contains("expected Argo CD's list of parameters"));
  CHECK_THROWS_WITH(apply_argocd_parameters(R"([{"string": "istio"}])", {}, bad), Catch::Contains("every parameter needs a name"));
  CHECK_THROWS_WITH(apply_argocd_parameters(R"([{"name": "rules"}])", {}, bad),
                    Catch::Contains("parameter \"rules\" has no string, array or map"));
  CHECK_THROWS_WITH(apply_argocd_parameters(R"([{"name": "rules", "string": "a", "array": ["b"]}])", {}, bad),
                    Catch::Contains("more than one of string, array and map"));
  CHECK_THROWS_WITH(apply_argocd_parameters(R"([{"name": "rules", "string": "a"}, {"name": "rules", "string": "b"}])", {}, bad),
                    Catch::Contains("parameter \"rules\" is given twice"));
  CHECK_THROWS_WITH(apply_argocd_parameters(R"([{"name": "rules", "array": ["istio", "x"]}])", {}, bad),
                    "ARGOCD_APP_PARAMETERS: rules takes one value, not a list");
  CHECK_THROWS_WITH(apply_argocd_parameters("[{", {}, bad), Catch::Contains("ARGOCD_APP_PARAMETERS"));
}

// A setting of one value given a list or a map in a functionConfig was set
// to "" (the scalar text of a collection) without a word: `rules: [istio]`
// played no webhooks at all.
TEST_CASE("regression: a functionConfig's list for a one-value setting was taken as empty, silently", "[settings][krm]") {
  Options o;
  CHECK_THROWS_WITH(apply_function_config(parse_yaml("kind: Injection\nspec:\n  rules: [istio, x]\n", "fc"), o),
                    "functionConfig: rules takes one value, not a list");
  CHECK_THROWS_WITH(apply_function_config(parse_yaml("kind: Injection\nspec:\n  policy: {a: b}\n", "fc"), o),
                    "functionConfig: policy takes one value, not a mapping");
}
