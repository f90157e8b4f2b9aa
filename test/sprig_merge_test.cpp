// Sprig's merge and mergeOverwrite (dario.cat/mergo v1.0.1's deepMerge of
// map[string]interface{}): a nil source value. Every expected value is Go's,
// each template rendered by a small Go program (Go 1.26, text/template with
// github.com/Masterminds/sprig/v3 v3.3.0's TxtFuncMap). None comes from
// kinject.
#include <catch2/catch.hpp>

#include <string_view>

#include "kinject/gofuncs/sprig.h"
#include "kinject/gotemplate/template.h"

using namespace kinject::tmpl;

// mergo skips a nil interface in the source (srcElement.IsNil()) unless it
// overwrites, and then it sets the nil even over a value dst has; kinject
// copied the nil into a key dst lacked and never overwrote with it. Found
// by the Sprig oracle: {{ mustMerge .nest .m }} with .m's "c": null.
TEST_CASE("sprig: merge skips a nil source value and mergeOverwrite writes it, as mergo does", "[funcs][sprig]") {
  const FuncMap funcs = sprig_funcs();
  struct Row {
    std::string_view text, want;
  };
  const Row rows[] = {
      {R"({{ merge (dict) (dict "c" nil) }})", "map[]"},
      {R"({{ merge (dict "a" 1) (dict "a" nil) }})", "map[a:1]"},
      {R"({{ mergeOverwrite (dict "a" 1) (dict "a" nil) }})", "map[a:<nil>]"},
      {R"({{ mergeOverwrite (dict) (dict "c" nil) }})", "map[c:<nil>]"},
      {R"({{ merge (dict "n" (dict "a" 1)) (dict "n" (dict "b" nil "a" nil)) }})", "map[n:map[a:1]]"},
      {R"({{ mergeOverwrite (dict "n" (dict "a" 1)) (dict "n" (dict "b" nil "a" nil)) }})", "map[n:map[a:<nil> b:<nil>]]"},
      {R"({{ merge (dict "a" 1) (dict "c" "") }})", "map[a:1 c:]"},
  };
  for (const auto& r : rows) {
    INFO(r.text);
    CHECK(Template::parse("t", r.text, funcs).execute("t", Value()) == r.want);
  }
}
