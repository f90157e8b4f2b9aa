// yaml/template_syntax.h: a chart's template (`{{ ... }}`) given for a
// manifest. The reader's YAML errors say so first when the template syntax
// is what makes the text invalid, and never when it is data.
#include "kinject/yaml/template_syntax.h"

#include <string>

#include <catch2/catch.hpp>

#include "kinject/base/error.h"
#include "kinject/yaml/reader.h"

using namespace kinject;

namespace {

// The error reading `text` as a stream; a test failure if there is none.
Error read_error(const std::string& text) {
  try {
    read_all(text, "t.yaml");
  } catch (const Error& e) {
    return e;
  }
  FAIL("read without an error");
  return Error("");
}

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

const char* kChartTemplate =
    "apiVersion: apps/v1\n"
    "kind: Deployment\n"
    "metadata:\n"
    "  name: {{ .Release.Name }}-web\n"
    "  labels:\n"
    "    {{- include \"chart.labels\" . | nindent 4 }}\n"
    "spec:\n"
    "  replicas: {{ .Values.replicas }}\n";

}  // namespace

// Issue 22: a Helm template was refused with a YAML error at the right
// place ("end of map not found"), with nothing saying that the file is a
// template to render first.
TEST_CASE("reader: a Helm template's YAML error says first that the file holds template syntax and must be rendered (issue 22)",
          "[template_syntax][reader]") {
  Error e = read_error(kChartTemplate);
  // The place is the template syntax's; the YAML error follows with its own.
  CHECK(e.where().line == 4);
  CHECK(e.where().column == 9);
  CHECK(first_line(e.what()) ==
        "t.yaml (document 1):4:9: the file holds Go/Helm template syntax ({{ .Release.Name }} at 4:9) and must be rendered "
        "first: helm template CHART | kinject");
  CHECK_THAT(e.what(), Catch::Contains("\n  as it is, it is not YAML: 4:28: invalid YAML: end of map not found"));
  // In a later document, lines count from the top of the file.
  Error later = read_error(std::string("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n") + kChartTemplate);
  CHECK(later.where().document == 2);
  CHECK(later.where().line == 8);
  CHECK_THAT(first_line(later.what()), Catch::Contains("({{ .Release.Name }} at 8:9)"));
  // A block-level action (`{{- if }}` on a line of its own).
  Error block = read_error("apiVersion: v1\nkind: Pod\nspec:\n  {{- if .Values.sa }}\n  serviceAccountName: x\n  {{- end }}\n"
                           "  containers: [{name: a, image: b}]\n");
  CHECK_THAT(first_line(block.what()), Catch::Contains("the file holds Go/Helm template syntax ({{- if .Values.sa }} at 4:3)"));
  // A quote inside an action inside a quoted string.
  Error quoted = read_error("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \"{{ .Values.n | default \"x\" }}\"\n");
  CHECK_THAT(first_line(quoted.what()), Catch::Contains("template syntax ({{ .Values.n | default \"x\" }} at 4:10)"));
}

TEST_CASE("reader: template syntax that is data adds nothing: no error, or the YAML error alone (issue 22)",
          "[template_syntax][reader]") {
  // Valid YAML holding templates for other tools (an annotation, an alert's
  // text, a block scalar, a comment) reads as ever.
  CHECK_NOTHROW(read_all("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: alerts\n  annotations:\n"
                         "    tool/template: \"{{ .Name }}\"\n  # {{ .Values.x }}\ndata:\n"
                         "  summary: Instance {{ $labels.instance }} is down\n  rule: |\n    {{ range . }}{{ .x }}{{ end }}\n",
                         "t.yaml"));
  // A YAML error elsewhere in such a document is only the YAML error.
  for (const char* text :
       {"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  annotations:\n    t: \"{{ .Values.x }}\"\ndata:\n  a: b\n  c\n",
        "# {{ .Values.x }}\napiVersion: v1\nkind: ConfigMap\ndata:\n  a: b\n  c\n",
        "apiVersion: v1\nkind: ConfigMap\ndata:\n  s: x {{ .y }}\n  rule: |\n    {{ .z }}\n  a: [b\n"}) {
    INFO(text);
    Error e = read_error(text);
    CHECK_THAT(e.what(), !Catch::Contains("template"));
    CHECK_THAT(e.what(), !Catch::Contains("\n"));
  }
}

TEST_CASE("template_syntax: actions, their blanking, comments and the mapping an action makes", "[template_syntax]") {
  const std::string text = "a: {{ .x }}-y\n  {{- if .z }}\n# {{ .c }}\nb: \"{{ .q \"w\" }}\"\n{{/* one\ntwo */}}\nc: {{ open\n";
  auto actions = template_actions(text);
  REQUIRE(actions.size() == 5);  // the last `{{` has no `}}`
  CHECK(text.substr(actions[0].begin, actions[0].end - actions[0].begin) == "{{ .x }}");
  CHECK(text.substr(actions[4].begin, actions[4].end - actions[4].begin) == "{{/* one\ntwo */}}");
  CHECK(without_template_actions(text, actions) ==
        "a: xxxxxxxx-y\n              \n# xxxxxxxx\nb: \"xxxxxxxxxxxx\"\n        \n        \nc: {{ open\n");
  CHECK_FALSE(in_yaml_comment(text, actions[0].begin));
  CHECK(in_yaml_comment(text, actions[2].begin));
  CHECK_FALSE(in_yaml_comment("k: \"# not\" {{ x }}", 12));
  CHECK(in_yaml_comment("k: it's # {{ x }}", 9));
  CHECK_FALSE(in_yaml_comment("k: a#b {{ x }}", 7));
  // `{{ .Values.image }}` at a value's start is a mapping keyed by a mapping.
  auto docs = read_all("image: {{ .Values.image }}\nok: \"{{ .q }}\"\nflow: {{a: b}: c}\n", "t.yaml");
  const Node* m = template_mapping(docs[0].root, docs[0].raw.text);
  REQUIRE(m);
  CHECK(m->span.begin == 7);
  auto plain = read_all("flow: {{a: b}: c}\nok: \"{{ .q }}\"\n", "t.yaml");
  CHECK_FALSE(template_mapping(plain[0].root, plain[0].raw.text));  // no `}}`: not an action
  CHECK(template_syntax_message("{{ .Release.Name }}", 4, 9) ==
        "the file holds Go/Helm template syntax ({{ .Release.Name }} at 4:9) and must be rendered first: helm template CHART | kinject");
  CHECK(template_syntax_message("{{/* a\nb */}}", 1, 1) ==
        "the file holds Go/Helm template syntax ({{/* a ... at 1:1) and must be rendered first: helm template CHART | kinject");
}
