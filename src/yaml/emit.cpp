#include "kinject/yaml/emit.h"

#include "emitter.h"
#include "scalars.h"
#include "kinject/yaml/source_text.h"

namespace kinject {

// A block key at column `col` and its ':' (see kMaxImplicitKey).
std::string Emitter::block_key_colon(const Node& key, int col) const {
  std::string k = key_text(key, false, st_.quote);
  if (k.size() <= kMaxImplicitKey) return k + ":";
  return "? " + k + nl() + spaces(col) + ":";
}

bool Emitter::multiline_literal_ok(const Node& n) const {
  if (n.kind != Kind::String || n.text.find('\n') == std::string::npos) return false;
  if (n.style == Style::Double || n.style == Style::Single) return false;
  const std::string& s = n.text;
  // A first line that starts with a space or a tab would need an
  // indentation indicator: libyaml (kubectl's parser) finds the block's
  // indentation from that line and refuses a tab there ("found a tab
  // character where an indentation space is expected").
  if (s.front() == ' ' || s.front() == '\t' || s.front() == '\n') return false;
  // Several final newlines would need keep chomping (`|+`), which also
  // takes in any blank lines that follow the new text in the document.
  if (s.size() >= 2 && s[s.size() - 1] == '\n' && s[s.size() - 2] == '\n') return false;
  for (unsigned char c : s)
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || c == '\r') return false;
  if (has_escape_only(s)) return false;
  // Lines with trailing spaces survive a literal block; a line that is
  // only spaces would be ambiguous after the first line, so quote instead.
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t e = s.find('\n', start);
    std::string_view line(s.data() + start, (e == std::string::npos ? s.size() : e) - start);
    if (!line.empty() && line.find_first_not_of(' ') == std::string_view::npos) return false;
    if (e == std::string::npos) break;
    start = e + 1;
  }
  return true;
}

// A literal block scalar for a multi-line string; content lines at `col`.
std::string Emitter::literal(const std::string& s, int col) const {
  std::size_t trailing = 0;
  while (trailing < s.size() && s[s.size() - 1 - trailing] == '\n') ++trailing;
  std::string out = trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+";
  std::string body = s.substr(0, s.size() - trailing);
  std::size_t start = 0;
  for (;;) {
    std::size_t e = body.find('\n', start);
    std::string_view line(body.data() + start, (e == std::string::npos ? body.size() : e) - start);
    out += nl();
    if (!line.empty()) out += spaces(col) + std::string(line);
    if (e == std::string::npos) break;
    start = e + 1;
  }
  for (std::size_t k = 1; k < trailing; ++k) out += nl();
  return out;
}

// The value part after "key:" for a key at column `col` (block context).
std::string Emitter::after_key(const Node& n, int col) const {
  if (n.is_map() && !n.entries.empty()) {
    std::string out;
    for (const auto& e : n.entries) {
      out += nl() + spaces(col + st_.indent) + block_key_colon(e.key, col + st_.indent);
      out += after_key(e.value, col + st_.indent);
    }
    return out;
  }
  if (n.is_seq() && !n.items.empty()) {
    int dash = col + st_.seq_indent;
    std::string out;
    for (const auto& it : n.items) out += nl() + spaces(dash) + "-" + after_dash(it, dash);
    return out;
  }
  if (multiline_literal_ok(n)) return " " + literal(n.text, col + st_.indent);
  return " " + inline_scalar(n);
}

// The item part after "-" for a dash at column `dash` (block context).
std::string Emitter::after_dash(const Node& n, int dash) const {
  if (item_source_ && n.has_span && n.is_map())
    if (auto kept = item_source_(n, dash)) return *kept;
  // An item map's keys go at the document's item indentation, an item
  // list's dash two columns in; either starts on the dash's own line.
  if (n.is_map() && !n.entries.empty()) {
    int col = dash + std::max(st_.item_indent, 2);
    return spaces(col - dash - 1) + block_at(n, col);
  }
  if (n.is_seq() && !n.items.empty()) return " " + block_at(n, dash + 2);
  if (multiline_literal_ok(n)) return " " + literal(n.text, dash + 2);
  return " " + inline_scalar(n);
}

// A whole block node whose first line starts at column `col` (already
// positioned there); following lines are indented absolutely.
std::string Emitter::block_at(const Node& n, int col) const {
  if (n.is_map() && !n.entries.empty()) {
    std::string out;
    bool first = true;
    for (const auto& e : n.entries) {
      if (!first) out += nl() + spaces(col);
      first = false;
      out += block_key_colon(e.key, col) + after_key(e.value, col);
    }
    return out;
  }
  if (n.is_seq() && !n.items.empty()) {
    std::string out;
    bool first = true;
    for (const auto& it : n.items) {
      if (!first) out += nl() + spaces(col);
      first = false;
      out += "-" + after_dash(it, col);
    }
    return out;
  }
  if (multiline_literal_ok(n)) return literal(n.text, col + st_.indent);
  return inline_scalar(n);
}

std::string Emitter::block_entry(const Node& key, const Node& value, int col) const {
  return spaces(col) + key_text(key, false, st_.quote) + ":" + after_key(value, col);
}

std::string Emitter::inline_scalar(const Node& n) const {
  if (st_.json) return json_scalar(n, exact_);
  if (n.is_map()) return n.entries.empty() ? "{}" : flow(n);
  if (n.is_seq()) return n.items.empty() ? "[]" : flow(n);
  return yaml_scalar_styled(n, false, st_.quote, st_.quote_strings);
}

// Single-line flow rendering.
std::string Emitter::flow(const Node& n) const {
  if (st_.json) return json(n, 0, 0);
  if (n.is_map()) {
    std::string out = "{";
    bool first = true;
    for (const auto& e : n.entries) {
      if (!first) out += ", ";
      first = false;
      out += flow_key_colon(key_text(e.key, true, st_.quote)) + " " + flow(e.value);
    }
    return out + "}";
  }
  if (n.is_seq()) {
    std::string out = "[";
    bool first = true;
    for (const auto& it : n.items) {
      if (!first) out += ", ";
      first = false;
      out += flow(it);
    }
    return out + "]";
  }
  return yaml_scalar_styled(n, true, st_.quote, st_.quote_strings);
}

// A key in flow text. A JSON document is read back by a YAML parser, so a
// key JSON cannot spell (a number, null, a collection: `{1: a}` in a
// document that is otherwise JSON) stays a YAML flow key there, keeping
// its type; output JSON (-o json) quotes every key, as Go does.
std::string Emitter::flow_key_text(const Node& key) const {
  if (st_.json && (key.kind == Kind::String || !exact_)) return json_string(key.scalar_text());
  return key_text(key, true, st_.quote);
}

// Flow text in the document's syntax (JSON or YAML flow), pretty-printed
// over several lines when unit > 0 (first line already at column `col`).
// `spaced`: on one line (unit 0), with a space after each ',' and ':',
// as a person writes JSON on one line.
std::string Emitter::json(const Node& n, int col, int unit, bool spaced) const {
  const char* comma = spaced && unit == 0 ? ", " : ",";
  if (n.is_map()) {
    if (n.entries.empty()) return "{}";
    std::string out = "{";
    bool first = true;
    for (const auto& e : n.entries) {
      out += first ? "" : comma;
      first = false;
      if (unit > 0) out += nl() + spaces(col + unit);
      std::string k = flow_key_colon(flow_key_text(e.key));
      bool explicit_key = k.compare(0, 2, "? ") == 0;  // its value needs the space: `? k : v`
      out += k + (unit > 0 || explicit_key || spaced ? " " : "") + json(e.value, col + unit, unit, spaced);
    }
    if (unit > 0) out += nl() + spaces(col);
    return out + "}";
  }
  if (n.is_seq()) {
    if (n.items.empty()) return "[]";
    std::string out = "[";
    bool first = true;
    for (const auto& it : n.items) {
      out += first ? "" : comma;
      first = false;
      if (unit > 0) out += nl() + spaces(col + unit);
      out += json(it, col + unit, unit, spaced);
    }
    if (unit > 0) out += nl() + spaces(col);
    return out + "]";
  }
  return st_.json ? json_scalar(n, exact_) : yaml_scalar_styled(n, true, st_.quote, st_.quote_strings);
}

std::string emit_yaml(const Node& n, const DocStyle& style) {
  if (style.json) return Emitter(style).json(n, 0, style.indent);
  // A one-line flow document has no indentation to follow, but block
  // content needs some.
  DocStyle block = style;
  if (block.indent < 1) block.indent = 2;
  return Emitter(block).block_at(n, 0);
}

std::string emit_json(const Node& n, int indent) {
  DocStyle st;
  st.json = true;
  Emitter em(st, false);
  return em.json(n, 0, indent);
}

}  // namespace kinject
