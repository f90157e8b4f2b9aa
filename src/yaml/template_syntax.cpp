#include "kinject/yaml/template_syntax.h"

#include <fmt/format.h>

namespace kinject {

namespace {

constexpr std::size_t kShownAction = 48;  // longer actions are cut in messages

bool blank(char c) { return c == ' ' || c == '\t'; }

std::size_t line_start(std::string_view text, std::size_t at) {
  std::size_t nl = text.rfind('\n', at == 0 ? 0 : at - 1);
  return at == 0 || nl == std::string_view::npos ? 0 : nl + 1;
}

std::size_t line_end(std::string_view text, std::size_t at) {
  std::size_t nl = text.find('\n', at);
  return nl == std::string_view::npos ? text.size() : nl;
}

}  // namespace

std::vector<TemplateAction> template_actions(std::string_view text) {
  std::vector<TemplateAction> out;
  std::size_t at = 0;
  while ((at = text.find("{{", at)) != std::string_view::npos) {
    std::size_t close = text.find("}}", at + 2);
    if (close == std::string_view::npos) break;
    out.push_back({at, close + 2});
    at = close + 2;
  }
  return out;
}

std::string without_template_actions(std::string_view text, const std::vector<TemplateAction>& actions) {
  std::string out(text);
  for (const auto& a : actions) {
    std::size_t from = line_start(text, a.begin), to = line_end(text, a.end);
    bool alone = to >= a.end && text.substr(a.begin, a.end - a.begin).find('\n') == std::string_view::npos;
    for (std::size_t i = from; alone && i < a.begin; ++i) alone = blank(text[i]);
    for (std::size_t i = a.end; alone && i < to; ++i) alone = blank(text[i]) || text[i] == '\r';
    // One line: a value's word (`name: xxxx-web`); alone on its line or
    // across lines (`{{- if .Values.x }}`, `{{- include ... | nindent 4 }}`,
    // a comment): nothing, as the rendered line would often be.
    bool word = !alone && text.substr(a.begin, a.end - a.begin).find('\n') == std::string_view::npos;
    for (std::size_t i = a.begin; i < a.end; ++i)
      if (text[i] != '\n' && text[i] != '\r') out[i] = word ? 'x' : ' ';
  }
  return out;
}

bool in_yaml_comment(std::string_view text, std::size_t at) {
  char quote = 0;
  for (std::size_t i = line_start(text, at); i < at; ++i) {
    char c = text[i];
    if (quote) {
      if (c == '\\' && quote == '"') ++i;  // an escape; '' in single quotes closes and reopens
      else if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      // A quote opens a scalar only where one may start, not inside a word (it's).
      if (i == line_start(text, at) || blank(text[i - 1]) || text[i - 1] == '-' || text[i - 1] == ':' ||
          text[i - 1] == '[' || text[i - 1] == '{' || text[i - 1] == ',')
        quote = c;
    } else if (c == '#' && (i == line_start(text, at) || blank(text[i - 1]))) {
      return true;
    }
  }
  return false;
}

const Node* template_mapping(const Node& root, std::string_view text) {
  // The action's `}}` closes the mapping (`{{ .x }}` is `{ {.x: null}: null }`).
  if (root.is_map() && root.has_span && text.substr(root.span.begin, 2) == "{{" &&
      text.substr(root.span.begin, root.span.end - root.span.begin).find("}}") != std::string_view::npos)
    return &root;
  for (const auto& e : root.entries) {
    if (const Node* n = template_mapping(e.key, text)) return n;
    if (const Node* n = template_mapping(e.value, text)) return n;
  }
  for (const auto& item : root.items)
    if (const Node* n = template_mapping(item, text)) return n;
  return nullptr;
}

std::string template_syntax_message(std::string_view action, int line, int column) {
  std::string_view shown = action.substr(0, action.find('\n'));
  std::string cut = shown.size() > kShownAction || shown.size() < action.size()
                        ? fmt::format("{} ...", shown.substr(0, kShownAction))
                        : std::string(shown);
  return fmt::format("the file holds Go/Helm template syntax ({} at {}:{}) and must be rendered first: helm template CHART "
                     "| kinject",
                     cut, line, column);
}

}  // namespace kinject
