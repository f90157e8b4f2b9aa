// The built-in templates parsed at build time (include/kinject/istio/
// prepared.h, src/istio/prepare/kinject_prepare.cpp): the table is complete,
// each form is exactly what parsing the profile's text gives today, and a run
// loads a built-in template from it only while the text is the profile's own.
#include <catch2/catch.hpp>

#include <set>

#include "kinject/gotemplate/template.h"
#include "kinject/istio/config.h"
#include "kinject/istio/funcs.h"
#include "kinject/istio/inject_steps.h"
#include "kinject/istio/prepared.h"
#include "kinject/istio/release.h"
#include "kinject/yaml/node_form.h"

using namespace kinject;
using kinject::istio::parse_templates;
using kinject::istio::Templates;

namespace {

std::optional<std::string> no_env(std::string_view) { return std::nullopt; }

}  // namespace

TEST_CASE("prepared templates: every built-in profile's every template, as parsing it gives today", "[prepared]") {
  PreparedTemplates table = builtin_prepared().templates;
  std::set<std::pair<std::string, std::string>> seen;
  for (const PreparedTemplate& p : table) seen.emplace(std::string(p.profile), std::string(p.name));
  for (const std::string& minor : builtin_releases()) {
    IstioConfig cfg = builtin_config(parse_istio_release(minor));
    CHECK(cfg.builtin_profile == minor);
    tmpl::FuncMap funcs = tmpl::injection_funcs(no_env, cfg.release);
    for (const auto& [name, text] : cfg.builtin_templates) {
      INFO(minor << " " << name);
      CHECK(seen.count({minor, name}) == 1);
      for (const PreparedTemplate& p : table) {
        if (p.profile != minor || p.name != name) continue;
        CHECK(tmpl::Template::parse(name, text, funcs).prepared_form() == p.form);
        CHECK(tmpl::Template::load_prepared(name, text, p.form, funcs));
      }
    }
  }
  CHECK(seen.size() == table.size());  // no entry twice
}

TEST_CASE("prepared templates: a run loads a template from its form only while its text is the profile's",
          "[prepared]") {
  // A form made from another text: loaded against this one, its offsets
  // read other bytes ("A{" and .Y where the parse has "A" and .XY), so the
  // output shows which way was taken.
  const std::string text = "A{{ .XY }}", other = "AB{{ .X }}";
  tmpl::FuncMap funcs = tmpl::injection_funcs(no_env, {});
  std::string form = tmpl::Template::parse("sidecar", other, funcs).prepared_form();
  const PreparedTemplate table[] = {{"9.99", "sidecar", form}};
  IstioConfig cfg;
  cfg.templates["sidecar"] = text;
  cfg.builtin_templates["sidecar"] = text;
  cfg.builtin_profile = "9.99";
  cfg.prepared = table;
  tmpl::Value::Map m;
  m["Y"] = tmpl::Value::string("y");
  m["Z"] = tmpl::Value::string("z");
  const tmpl::Value dot = tmpl::Value::map(std::move(m));
  const std::string parsed = "A<no value>";
  {
    Templates t = parse_templates(cfg, no_env);
    const tmpl::Template* found = t.find("sidecar");
    REQUIRE(found);
    CHECK(found->execute("sidecar", dot) == "A{y");  // the form was loaded
    CHECK(found->prepared_form() == form);
  }
  // Changed since the profile composed it: parsed.
  cfg.templates["sidecar"] = "C{{ .Z }}";
  CHECK(parse_templates(cfg, no_env).find("sidecar")->execute("sidecar", dot) == "Cz");
  // Another profile's form, or one that does not load: parsed.
  cfg.templates["sidecar"] = text;
  cfg.builtin_profile = "9.98";
  CHECK(parse_templates(cfg, no_env).find("sidecar")->execute("sidecar", dot) == parsed);
  cfg.builtin_profile = "9.99";
  const PreparedTemplate broken[] = {{"9.99", "sidecar", "not a form"}};
  cfg.prepared = broken;
  CHECK(parse_templates(cfg, no_env).find("sidecar")->execute("sidecar", dot) == parsed);
}

TEST_CASE("prepared profiles: every built-in profile document, as reading it gives today", "[prepared]") {
  Prepared prepared = builtin_prepared();
  std::vector<std::pair<std::string, Node>> docs = builtin_profile_documents();
  REQUIRE(prepared.documents.size() == docs.size());
  for (std::size_t i = 0; i < docs.size(); ++i) {
    INFO(docs[i].first);
    CHECK(prepared.documents[i].name == docs[i].first);
    CHECK(prepared.documents[i].form == node_form(docs[i].second));
  }
  // A configuration built from them is the one built by reading: every
  // release, values, mesh and templates alike.
  for (const std::string& minor : builtin_releases()) {
    INFO(minor);
    IstioConfig read = builtin_config(parse_istio_release(minor));
    IstioConfig loaded = builtin_config(parse_istio_release(minor), prepared);
    CHECK(node_form(loaded.values) == node_form(read.values));
    CHECK(node_form(loaded.mesh) == node_form(read.mesh));
    CHECK(node_form(loaded.compatibility_profiles) == node_form(read.compatibility_profiles));
    CHECK(loaded.templates == read.templates);
    CHECK(loaded.builtin_templates == read.builtin_templates);
    CHECK(loaded.description == read.description);
  }
  // Forms that do not load: the documents are read.
  const PreparedDocument broken[] = {{"1.31", "x"}, {"templates", ""}};
  IstioConfig fallback = builtin_config(parse_istio_release("1.31"), Prepared{{}, broken});
  CHECK(node_form(fallback.values) == node_form(builtin_config(parse_istio_release("1.31")).values));
}
