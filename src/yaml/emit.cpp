#include "kinject/yaml/emit.h"

#include "emitter.h"
#include "scalars.h"
#include "kinject/yaml/source_text.h"

namespace kinject {

// A block key at column `col` and its ':' (see kMaxImplicitKey).
void Emitter::block_key_colon(std::string& out, const Node& key, int col) const {
  const std::size_t start = out.size();
  append_key_text(out, key, false, st_.quote);
  if (out.size() - start <= kMaxImplicitKey) {
    out += ':';
    return;
  }
  out.insert(start, "? ");  // rare: a key of over 1000 characters
  out += nl();
  spaces(out, col);
  out += ':';
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
void Emitter::literal(std::string& out, std::string_view s, int col) const {
  std::size_t trailing = 0;
  while (trailing < s.size() && s[s.size() - 1 - trailing] == '\n') ++trailing;
  out += trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+";
  std::string_view body = s.substr(0, s.size() - trailing);
  std::size_t start = 0;
  for (;;) {
    std::size_t e = body.find('\n', start);
    std::string_view line = body.substr(start, (e == std::string_view::npos ? body.size() : e) - start);
    out += nl();
    if (!line.empty()) {
      spaces(out, col);
      out += line;
    }
    if (e == std::string_view::npos) break;
    start = e + 1;
  }
  for (std::size_t k = 1; k < trailing; ++k) out += nl();
}

// The value part after "key:" for a key at column `col` (block context).
void Emitter::after_key(std::string& out, const Node& n, int col) const {
  if (n.is_map() && !n.entries.empty()) {
    int inner = col + st_.indent;
    for (const auto& e : n.entries) {
      out += nl();
      spaces(out, inner);
      block_key_colon(out, e.key, inner);
      after_key(out, e.value, inner);
    }
    return;
  }
  if (n.is_seq() && !n.items.empty()) {
    int dash = col + st_.seq_indent;
    for (const auto& it : n.items) {
      out += nl();
      spaces(out, dash);
      out += '-';
      after_dash(out, it, dash);
    }
    return;
  }
  out += ' ';
  if (multiline_literal_ok(n)) literal(out, n.text, col + st_.indent);
  else inline_scalar(out, n);
}

// The item part after "-" for a dash at column `dash` (block context).
void Emitter::after_dash(std::string& out, const Node& n, int dash) const {
  if (item_source_ && n.has_span && n.is_map())
    if (auto kept = item_source_(n, dash)) {
      out += *kept;
      return;
    }
  // An item map's keys go at the document's item indentation, an item
  // list's dash two columns in; either starts on the dash's own line.
  if (n.is_map() && !n.entries.empty()) {
    int col = dash + std::max(st_.item_indent, 2);
    spaces(out, col - dash - 1);
    block_at(out, n, col);
    return;
  }
  out += ' ';
  if (n.is_seq() && !n.items.empty()) block_at(out, n, dash + 2);
  else if (multiline_literal_ok(n)) literal(out, n.text, dash + 2);
  else inline_scalar(out, n);
}

// A whole block node whose first line starts at column `col` (already
// positioned there); following lines are indented absolutely.
void Emitter::block_at(std::string& out, const Node& n, int col) const {
  if (n.is_map() && !n.entries.empty()) {
    bool first = true;
    for (const auto& e : n.entries) {
      if (!first) {
        out += nl();
        spaces(out, col);
      }
      first = false;
      block_key_colon(out, e.key, col);
      after_key(out, e.value, col);
    }
    return;
  }
  if (n.is_seq() && !n.items.empty()) {
    bool first = true;
    for (const auto& it : n.items) {
      if (!first) {
        out += nl();
        spaces(out, col);
      }
      first = false;
      out += '-';
      after_dash(out, it, col);
    }
    return;
  }
  if (multiline_literal_ok(n)) literal(out, n.text, col + st_.indent);
  else inline_scalar(out, n);
}

void Emitter::block_entry(std::string& out, const Node& key, const Node& value, int col) const {
  spaces(out, col);
  append_key_text(out, key, false, st_.quote);
  out += ':';
  after_key(out, value, col);
}

void Emitter::inline_scalar(std::string& out, const Node& n) const {
  if (st_.json) out += json_scalar(n, exact_);
  else if (n.is_map() && n.entries.empty()) out += "{}";
  else if (n.is_seq() && n.items.empty()) out += "[]";
  else if (n.is_map() || n.is_seq()) flow(out, n);
  else append_yaml_scalar(out, n, false, st_.quote, st_.quote_strings);
}

// Single-line flow rendering.
void Emitter::flow(std::string& out, const Node& n) const {
  if (st_.json) return json(out, n, 0, 0);
  if (n.is_map()) {
    out += '{';
    bool first = true;
    for (const auto& e : n.entries) {
      if (!first) out += ", ";
      first = false;
      out += flow_key_colon(key_text(e.key, true, st_.quote));
      out += ' ';
      flow(out, e.value);
    }
    out += '}';
    return;
  }
  if (n.is_seq()) {
    out += '[';
    bool first = true;
    for (const auto& it : n.items) {
      if (!first) out += ", ";
      first = false;
      flow(out, it);
    }
    out += ']';
    return;
  }
  append_yaml_scalar(out, n, true, st_.quote, st_.quote_strings);
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
void Emitter::json(std::string& out, const Node& n, int col, int unit, bool spaced) const {
  const char* comma = spaced && unit == 0 ? ", " : ",";
  if (n.is_map()) {
    if (n.entries.empty()) {
      out += "{}";
      return;
    }
    out += '{';
    bool first = true;
    for (const auto& e : n.entries) {
      if (!first) out += comma;
      first = false;
      if (unit > 0) {
        out += nl();
        spaces(out, col + unit);
      }
      std::string k = flow_key_colon(flow_key_text(e.key));
      bool explicit_key = k.compare(0, 2, "? ") == 0;  // its value needs the space: `? k : v`
      out += k;
      if (unit > 0 || explicit_key || spaced) out += ' ';
      json(out, e.value, col + unit, unit, spaced);
    }
    if (unit > 0) {
      out += nl();
      spaces(out, col);
    }
    out += '}';
    return;
  }
  if (n.is_seq()) {
    if (n.items.empty()) {
      out += "[]";
      return;
    }
    out += '[';
    bool first = true;
    for (const auto& it : n.items) {
      if (!first) out += comma;
      first = false;
      if (unit > 0) {
        out += nl();
        spaces(out, col + unit);
      }
      json(out, it, col + unit, unit, spaced);
    }
    if (unit > 0) {
      out += nl();
      spaces(out, col);
    }
    out += ']';
    return;
  }
  if (st_.json) out += json_scalar(n, exact_);
  else append_yaml_scalar(out, n, true, st_.quote, st_.quote_strings);
}

std::string emit_yaml(const Node& n, const DocStyle& style) {
  std::string out;
  if (style.json) {
    Emitter(style).json(out, n, 0, style.indent);
    return out;
  }
  // A one-line flow document has no indentation to follow, but block
  // content needs some.
  DocStyle block = style;
  if (block.indent < 1) block.indent = 2;
  Emitter(block).block_at(out, n, 0);
  return out;
}

std::string emit_json(const Node& n, int indent) {
  DocStyle st;
  st.json = true;
  std::string out;
  Emitter(st, false).json(out, n, 0, indent);
  return out;
}

}  // namespace kinject
