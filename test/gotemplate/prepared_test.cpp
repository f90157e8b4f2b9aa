// Template::prepared_form / load_prepared (src/gotemplate/prepared.cpp): a
// parsed set written at build time and loaded without parsing must be the
// same set: the same output, the same execution errors (positions
// included), the same form written again; and a form that does not fit is
// refused, never loaded into something else.
#include <catch2/catch.hpp>

#include <string>

#include "kinject/gotemplate/template.h"
#include "value_literals.h"

using namespace kinject::tmpl;
using namespace kinject::tmpl::literals;

namespace {

FuncMap funcs() {
  FuncMap f;
  f.set("upper", {ParamKind::String}, [](std::span<const Value> a) {
    std::string s = a[0].as_string();
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return Value::string(s);
  });
  f.set("fail", {ParamKind::String}, [](std::span<const Value> a) -> Value { throw FuncError(a[0].as_string()); });
  return f;
}

// Every kind of node the parser makes: text, actions, pipelines with
// declarations and assignments, fields, variables, chains, identifiers
// (functions and builtins), dot, nil, booleans, numbers of every form,
// strings (quoted, raw, with escapes), if/else if/else, range with
// break/continue and else, with/else with, define, template, block,
// comments and trim markers.
constexpr std::string_view kEveryNode = R"({{/* comment */ -}}
head {{ .Name | upper }} {{ printf "%v-%d-%.1f-%v-%v" "q\"\t" 0x1F 1.5e1 true nil }}
{{- $x := .Items }}{{ $y := 1 }}{{ $y = 2 }}{{ $y }}
{{ range $i, $v := $x }}{{ if eq $i 1 }}{{ continue }}{{ end }}{{ if gt $i 2 }}{{ break }}{{ end }}[{{ $i }}={{ $v }}]{{ else }}none{{ end }}
{{ if .Missing }}a{{ else if .Name }}b{{ else }}c{{ end }}
{{ with .Sub }}{{ .A.B }}{{ else with .Name }}{{ . }}{{ end }}
{{ (index .Sub "A").B }} {{ len `raw\n` }} {{ 'x' }} {{ -3 }} {{ 1_000 }} {{ 0o17 }} {{ 0b11 }}
{{ define "inner" }}<{{ . }}>{{ end }}{{ template "inner" .Name }}{{ template "inner" }}
{{ block "blk" .Name }}[{{ . }}]{{ end }}
{{ and .Name .Missing | not }} {{ or 0 "" .Name }} {{ html "<a>" }} {{ js "'" }} {{ urlquery "a b" }}
)";

Value data() {
  return M({{"Name", S("web")},
            {"Items", L({S("a"), S("b"), S("c"), S("d")})},
            {"Sub", M({{"A", M({{"B", I(7)}})}})}});
}

}  // namespace

TEST_CASE("prepared form: a loaded set runs as the parsed one and writes the same form", "[template][prepared]") {
  Template parsed = Template::parse("t", kEveryNode, funcs());
  std::string form = parsed.prepared_form();
  REQUIRE_FALSE(form.empty());
  std::optional<Template> loaded = Template::load_prepared("t", kEveryNode, form, funcs());
  REQUIRE(loaded);
  CHECK(loaded->names() == parsed.names());
  for (const auto& name : parsed.names()) CHECK(loaded->execute(name, data()) == parsed.execute(name, data()));
  CHECK(loaded->prepared_form() == form);
  // The same bytes from a second parse: the form is deterministic.
  CHECK(Template::parse("t", kEveryNode, funcs()).prepared_form() == form);
}

TEST_CASE("prepared form: execution errors point where the parsed set's do", "[template][prepared]") {
  constexpr std::string_view text = "line one\n  {{ fail \"boom\" }}\n{{ .A.B.C }}";
  Template parsed = Template::parse("errs", text, funcs());
  auto loaded = Template::load_prepared("errs", text, parsed.prepared_form(), funcs());
  REQUIRE(loaded);
  std::string want, got;
  try {
    parsed.execute("errs", data());
  } catch (const TemplateError& e) {
    want = e.what();
  }
  try {
    loaded->execute("errs", data());
  } catch (const TemplateError& e) {
    got = e.what();
  }
  CHECK_THAT(want, Catch::Contains("errs:2:5"));
  CHECK(got == want);
}

TEST_CASE("prepared form: a form that does not fit is refused, not loaded", "[template][prepared]") {
  Template parsed = Template::parse("t", kEveryNode, funcs());
  std::string form = parsed.prepared_form();
  // A shorter text: offsets past its end.
  CHECK_FALSE(Template::load_prepared("t", kEveryNode.substr(0, 40), form, funcs()));
  // Another name than the text was parsed as.
  CHECK_FALSE(Template::load_prepared("u", kEveryNode, form, funcs()));
  // A FuncMap without a function the text calls, or refusing it: the parser
  // reports those.
  CHECK_FALSE(Template::load_prepared("t", kEveryNode, form, FuncMap{}));
  FuncMap refusing = funcs();
  refusing.refuse("upper", "not here");
  CHECK_FALSE(Template::load_prepared("t", kEveryNode, form, refusing));
  // A function named break changes the lexing of {{break}}.
  FuncMap with_break = funcs();
  with_break.set("break", {}, [](std::span<const Value>) { return Value::nil(); });
  CHECK_FALSE(Template::load_prepared("t", kEveryNode, form, with_break));
  // Every truncation and every single-byte change either loads a set or is
  // refused; none crashes (the sanitizer build runs this too).
  for (std::size_t n = 0; n < form.size(); ++n) CHECK_FALSE(Template::load_prepared("t", kEveryNode, form.substr(0, n), funcs()));
  for (std::size_t i = 0; i < form.size(); i += 3) {
    std::string changed = form;
    changed[i] = static_cast<char>(changed[i] ^ 0x5A);
    (void)Template::load_prepared("t", kEveryNode, changed, funcs());
  }
  CHECK_FALSE(Template::load_prepared("t", kEveryNode, form + "x", funcs()));
}

TEST_CASE("prepared form: a set made of several texts has none", "[template][prepared]") {
  Template t = Template::parse("a", "{{ template \"b\" }}", funcs());
  t.add("b", "b");
  CHECK(t.prepared_form().empty());
}
