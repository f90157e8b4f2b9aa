// Go template syntax (`{{ ... }}`) in a text given for YAML: most often a
// Helm chart's template given for a manifest, which must be rendered first.
// The reader (parse.h) says so first when a document's YAML error comes from
// it; the pipeline when a chart's `name: {{ .Release.Name }}` reads as a
// mapping. Template syntax that is data (a quoted annotation holding a
// template for another tool, an alert's text, a comment) changes nothing.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kinject/yaml/node.h"

namespace kinject {

// One action: the offsets of its `{{` and just past its `}}`.
struct TemplateAction {
  std::size_t begin = 0, end = 0;
};

// Every action of `text`, in order: from each `{{` to the first `}}` after it,
// across lines too (Go allows it in comments). A `{{` no `}}` follows is none.
std::vector<TemplateAction> template_actions(std::string_view text);

// `text` with each action made a plain word of the same length (`x`s), or
// blanks where the action is all its line holds or spans lines: the YAML the
// text would be if the template filled its values in. Lines and columns stay.
std::string without_template_actions(std::string_view text, const std::vector<TemplateAction>& actions);

// Whether `at` lies in a YAML comment of its line: after a '#' that starts
// the line or follows a blank, outside quotes (read from the line's start).
bool in_yaml_comment(std::string_view text, std::size_t at);

// The first mapping of a parsed document (document order) whose text starts
// with `{{`: a template action at a value's start, which YAML reads as a
// flow mapping keyed by a mapping (kubectl refuses it: invalid map key).
// Null when there is none. `text`: the document's text, which its spans index.
const Node* template_mapping(const Node& root, std::string_view text);

// The first line of an error about a template given for a manifest, with the
// action (its first line, shortened) and its place:
// "the file holds Go/Helm template syntax ({{ .Release.Name }} at 4:9) and
// must be rendered first: helm template CHART | kinject".
std::string template_syntax_message(std::string_view action, int line, int column);

}  // namespace kinject
