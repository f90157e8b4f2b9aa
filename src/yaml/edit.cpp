#include "kinject/yaml/writer.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "kinject/base/error.h"
#include "kinject/yaml/simple_yaml.h"
#include "kinject/yaml/source_text.h"
#include "kinject/yaml/strict_yaml.h"

namespace kinject {

// ---------------------------------------------------------------- scalars

std::string yaml_scalar_styled(const Node& n, bool flow, char quote, bool quote_strings);

namespace {

bool is_indicator(char c) {
  switch (c) {
    case '-': case '?': case ':': case ',': case '[': case ']': case '{': case '}':
    case '#': case '&': case '*': case '!': case '|': case '>': case '\'': case '"':
    case '%': case '@': case '`':
      return true;
    default:
      return false;
  }
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Strings that some YAML reader would take for something else even though
// go-yaml v2 (Node::plain) reads them as strings: YAML 1.1 sexagesimal
// numbers and timestamps, the `=` value key, YAML 1.2 octal.
bool looks_typed_elsewhere(std::string_view s) {
  if (s == "=" || s == "<<") return true;
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (i < s.size() && is_digit(s[i])) {
    bool all_numeric = true;
    for (std::size_t k = i; k < s.size(); ++k) {
      char c = s[k];
      if (!(is_digit(c) || c == ':' || c == '.' || c == '_' || c == '-' || c == 'e' || c == 'E' || c == '+' ||
            c == 'T' || c == 't' || c == 'Z' || c == 'z' || c == ' ' || c == 'o' || c == 'x' ||
            (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
        all_numeric = false;
    }
    if (all_numeric) return true;
  }
  if (s.size() >= 2 && s[0] == '.' && (s[1] == 'i' || s[1] == 'I' || s[1] == 'n' || s[1] == 'N')) return true;
  return false;
}

bool plain_safe(std::string_view s, bool flow) {
  if (s.empty()) return false;
  if (has_escape_only(s)) return false;
  if (s.front() == ' ' || s.back() == ' ' || s.front() == '\t' || s.back() == '\t') return false;
  if (Node::plain_kind(s) != Kind::String) return false;
  if (looks_typed_elsewhere(s)) return false;
  if (s.size() >= 3 && (s.substr(0, 3) == "---" || s.substr(0, 3) == "...")) return false;
  char c0 = s[0];
  if (is_indicator(c0)) {
    if (!(c0 == '-' || c0 == '?' || c0 == ':')) return false;
    if (s.size() < 2 || s[1] == ' ' || s[1] == '\t') return false;
    if (flow && (s[1] == ',' || s[1] == '[' || s[1] == ']' || s[1] == '{' || s[1] == '}')) return false;
  }
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f) return false;
    if (c == ':' && (i + 1 == s.size() || s[i + 1] == ' ' || s[i + 1] == '\t')) return false;
    if (c == '#' && i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t')) return false;
    // yaml-cpp reads a '?' anywhere in a flow scalar as an explicit key.
    if (flow && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}' || c == '?' ||
                 (c == ':' && i + 1 < s.size() && (s[i + 1] == ',' || s[i + 1] == ']' || s[i + 1] == '}'))))
      return false;
  }
  // Invalid UTF-8 or a BOM would not survive as plain text.
  if (s.find("\xEF\xBB\xBF") != std::string_view::npos) return false;
  return true;
}

std::string double_quoted(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (std::size_t len = c >= 0xC2 ? escape_only_at(s, i) : 0) {
      out += len == 2 ? fmt::format("\\x{:02X}", static_cast<unsigned char>(s[i + 1])) : s[i + 2] == '\xA8' ? "\\L" : "\\P";
      i += len - 1;
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '\0': out += "\\0"; break;
      default:
        if (c < 0x20 || c == 0x7f) out += fmt::format("\\x{:02X}", c);
        else out.push_back(static_cast<char>(c));
    }
  }
  out += '"';
  return out;
}

std::string single_quoted(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "''";
    else out.push_back(c);
  }
  out += '\'';
  return out;
}

bool single_quotable(std::string_view s) {
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) return false;
  return !has_escape_only(s);
}

std::string number_text(const Node& n) {
  if (!n.text.empty()) {
    // Keep the text it was written with if it still reads as the same number.
    Node r = Node::plain(n.text);
    if (r.kind == n.kind && r.same_value(n)) return n.text;
  }
  return n.kind == Kind::Int ? format_int(n.i) : format_float(n.f);
}

}  // namespace

std::string yaml_scalar(const Node& n, bool flow, char quote) { return yaml_scalar_styled(n, flow, quote, false); }

std::string yaml_scalar_styled(const Node& n, bool flow, char quote, bool quote_strings) {
  switch (n.kind) {
    case Kind::Null:
      return n.text.empty() || Node::plain(n.text).kind != Kind::Null ? "null" : n.text;
    case Kind::Bool:
      if (!n.text.empty()) {
        Node r = Node::plain(n.text);
        if (r.kind == Kind::Bool && r.b == n.b) return n.text;
      }
      return n.b ? "true" : "false";
    case Kind::Int:
    case Kind::Float:
      return number_text(n);
    case Kind::String: {
      const std::string& s = n.text;
      if (n.style == Style::Single && single_quotable(s)) return single_quoted(s);
      if (n.style == Style::Double) return double_quoted(s);
      if (plain_safe(s, flow) && !(quote_strings && n.style == Style::Any)) return s;
      // JSON in a string (e.g. sidecar.istio.io/status) reads best in single quotes.
      bool has_dq = s.find('"') != std::string::npos, has_sq = s.find('\'') != std::string::npos;
      if ((quote == '\'' || (has_dq && !has_sq)) && single_quotable(s)) return single_quoted(s);
      return double_quoted(s);
    }
    default:
      return flow ? (n.is_map() ? "{}" : "[]") : "";
  }
}

namespace {

// `exact`: the text is a document kinject rewrites and will read again, so
// a number must keep its kind: a whole Float (`1e3`, or `007289` under YAML
// 1.1) keeps a decimal point, as `1000` would read back as an Int. Output
// JSON (-o json) prints numbers as Go's encoding/json does, without one.
std::string json_number(const Node& n, bool exact) {
  if (n.kind == Kind::Int) return format_int(n.i);
  if (std::isnan(n.f) || std::isinf(n.f)) {
    if (exact) return format_float(n.f);  // .nan, .inf: YAML's spelling
    return "null";                         // JSON has no such numbers
  }
  if (n.f == std::floor(n.f) && std::fabs(n.f) < 1e21) return exact ? fmt::format("{:.1f}", n.f) : fmt::format("{:.0f}", n.f);
  return fmt::format("{}", n.f);
}

// A JSON string as Go writes it, and with C1 controls escaped (\u0085):
// YAML readers take NEL for a line break, and kinject refuses it raw.
std::string json_string(std::string_view text) {
  std::string q = json_quote(text);
  if (!has_escape_only(q)) return q;
  std::string out;
  for (std::size_t i = 0; i < q.size(); ++i) {
    if (escape_only_at(q, i) == 2) {
      out += fmt::format("\\u00{:02x}", static_cast<unsigned char>(q[i + 1]));
      ++i;
    } else {
      out += q[i];
    }
  }
  return out;
}

std::string json_scalar(const Node& n, bool exact) {
  switch (n.kind) {
    case Kind::Null: return "null";
    case Kind::Bool: return n.b ? "true" : "false";
    case Kind::Int:
    case Kind::Float: return json_number(n, exact);
    case Kind::String: return json_string(n.text);
    default: return n.is_map() ? "{}" : "[]";
  }
}

std::string key_text(const Node& key, bool flow, bool json, char quote);

// YAML caps an implicit key at 1024 characters and yaml-cpp enforces it
// (JSON included); a longer key, which can only have been read as an
// explicit `? key`, is written as one again. The margin covers what yaml-cpp
// counts besides the key's own text.
constexpr std::size_t kMaxImplicitKey = 1000;

// A flow key and its ':' (no space after).
std::string flow_key_colon(const std::string& key) {
  return key.size() > kMaxImplicitKey ? "? " + key + " :" : key + ":";
}

// A collection used as a map key ({[a, b]: c}): written as a one-line flow
// collection, which YAML accepts as an implicit key in block and flow
// context alike.
std::string flow_key(const Node& n, char quote) {
  std::string out;
  bool first = true;
  if (n.is_map()) {
    out = "{";
    for (const auto& e : n.entries) {
      out += first ? "" : ", ";
      first = false;
      out += flow_key_colon(key_text(e.key, true, false, quote)) + " " + flow_key(e.value, quote);
    }
    return out + "}";
  }
  if (n.is_seq()) {
    out = "[";
    for (const auto& it : n.items) {
      out += first ? "" : ", ";
      first = false;
      out += flow_key(it, quote);
    }
    return out + "]";
  }
  return yaml_scalar(n, true, quote);
}

std::string key_text(const Node& key, bool flow, bool json, char quote) {
  if (json) return json_string(key.scalar_text());
  if (key.is_map() || key.is_seq()) return flow_key(key, quote);
  if (key.kind == Kind::String) return yaml_scalar(key, flow, quote);
  return key.scalar_text().empty() ? yaml_scalar(key, flow, quote) : key.scalar_text();
}

// ---------------------------------------------------------------- emitting new content

class Emitter {
 public:
  explicit Emitter(const DocStyle& st, bool exact = true) : st_(st), exact_(exact) {}

  std::string spaces(int n) const { return std::string(static_cast<std::size_t>(std::max(n, 0)), ' '); }

  // A block key at column `col` and its ':' (see kMaxImplicitKey).
  std::string block_key_colon(const Node& key, int col) const {
    std::string k = key_text(key, false, false, st_.quote);
    if (k.size() <= kMaxImplicitKey) return k + ":";
    return "? " + k + nl() + spaces(col) + ":";
  }
  std::string nl() const { return st_.eol(); }

  bool multiline_literal_ok(const Node& n) const {
    if (n.kind != Kind::String || n.text.find('\n') == std::string::npos) return false;
    if (n.style == Style::Double || n.style == Style::Single) return false;
    const std::string& s = n.text;
    if (s.front() == ' ' || s.front() == '\n') return false;
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
  std::string literal(const std::string& s, int col) const {
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
  std::string after_key(const Node& n, int col) const {
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
  std::string after_dash(const Node& n, int dash) const {
    if (n.is_map() && !n.entries.empty()) {
      int col = dash + std::max(st_.item_indent, 2);
      std::string out = spaces(col - dash - 1);
      bool first = true;
      for (const auto& e : n.entries) {
        if (!first) out += nl() + spaces(col);
        first = false;
        out += block_key_colon(e.key, col) + after_key(e.value, col);
      }
      return out;
    }
    if (n.is_seq() && !n.items.empty()) {
      int col = dash + 2;
      std::string out = " ";
      bool first = true;
      for (const auto& it : n.items) {
        if (!first) out += nl() + spaces(col);
        first = false;
        out += "-" + after_dash(it, col);
      }
      return out;
    }
    if (multiline_literal_ok(n)) return " " + literal(n.text, dash + 2);
    return " " + inline_scalar(n);
  }

  // A whole block node whose first line starts at column `col` (already
  // positioned there); following lines are indented absolutely.
  std::string block_at(const Node& n, int col) const {
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

  std::string inline_scalar(const Node& n) const {
    if (st_.json) return json_scalar(n, exact_);
    if (n.is_map()) return n.entries.empty() ? "{}" : flow(n);
    if (n.is_seq()) return n.items.empty() ? "[]" : flow(n);
    return yaml_scalar_styled(n, false, st_.quote, st_.quote_strings);
  }

  // Single-line flow rendering.
  std::string flow(const Node& n) const {
    if (st_.json) return json(n, 0, 0);
    if (n.is_map()) {
      std::string out = "{";
      bool first = true;
      for (const auto& e : n.entries) {
        if (!first) out += ", ";
        first = false;
        out += flow_key_colon(key_text(e.key, true, false, st_.quote)) + " " + flow(e.value);
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
  std::string flow_key_text(const Node& key) const {
    if (st_.json && (key.kind == Kind::String || !exact_)) return json_string(key.scalar_text());
    return key_text(key, true, false, st_.quote);
  }

  // Flow text in the document's syntax (JSON or YAML flow), pretty-printed
  // over several lines when unit > 0 (first line already at column `col`).
  // `spaced`: on one line (unit 0), with a space after each ',' and ':',
  // as a person writes JSON on one line.
  std::string json(const Node& n, int col, int unit, bool spaced = false) const {
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

 private:
  const DocStyle& st_;
  bool exact_;  // see json_number
};

// ---------------------------------------------------------------- diffing

struct Edit {
  std::size_t begin, end;
  std::string text;
  std::size_t seq;  // insertion order, to keep inserts at one position in order
};

class NotEditable : public std::exception {};

enum class Parent { Root, MapValue, SeqItem };

struct Ctx {
  bool flow = false;
  Parent parent = Parent::Root;
  int col = 0;                 // key column (MapValue) or dash column (SeqItem)
  std::size_t slot = 0;        // MapValue: just after ':'; SeqItem: just after '-'
};

class Differ {
 public:
  Differ(const Document& doc, const DocStyle& st) : t_(doc.raw.text), st_(st), em_(st) {}

  void run(const Node& o, const Node& n) {
    Ctx ctx;
    ctx.flow = o.style == Style::Flow;
    diff(o, n, ctx);
    expand_dirty_aliases();
  }

  std::string apply() {
    // By position; at one position, pure insertions go before a deletion
    // or replacement that starts there.
    std::stable_sort(edits_.begin(), edits_.end(), [](const Edit& a, const Edit& b) {
      if (a.begin != b.begin) return a.begin < b.begin;
      bool ai = a.begin == a.end, bi = b.begin == b.end;
      if (ai != bi) return ai;
      return a.seq < b.seq;
    });
    std::string out;
    out.reserve(t_.size() + 1024);
    std::size_t pos = 0;
    for (const auto& e : edits_) {
      if (e.begin < pos) throw NotEditable();  // overlapping edits
      out.append(t_.substr(pos, e.begin - pos));
      out.append(e.text);
      pos = e.end;
    }
    out.append(t_.substr(pos));
    return out;
  }

  bool any() const { return !edits_.empty(); }

 private:
  // --- text helpers
  std::size_t line_start(std::size_t p) const {
    if (p == 0) return 0;
    auto nl = t_.rfind('\n', p - 1);
    return nl == std::string_view::npos ? 0 : nl + 1;
  }
  std::size_t line_end(std::size_t p) const {  // before "\r\n" / "\n"
    auto nl = t_.find('\n', p);
    if (nl == std::string_view::npos) return t_.size();
    return nl > 0 && t_[nl - 1] == '\r' ? nl - 1 : nl;
  }
  std::size_t after_newline(std::size_t p) const {  // start of the next line
    auto nl = t_.find('\n', p);
    return nl == std::string_view::npos ? t_.size() : nl + 1;
  }
  int column(std::size_t p) const { return static_cast<int>(p - line_start(p)); }
  bool only_blanks(std::size_t a, std::size_t b) const {
    for (std::size_t k = a; k < b; ++k)
      if (t_[k] != ' ' && t_[k] != '\t') return false;
    return true;
  }
  std::size_t after_colon(const Node& key) const {
    std::size_t p = key.span.end;
    while (p < t_.size() && (t_[p] == ' ' || t_[p] == '\t' || t_[p] == '\r' || t_[p] == '\n')) ++p;
    if (p < t_.size() && t_[p] == ':') return p + 1;
    throw NotEditable();
  }
  // The '-' of a block sequence item.
  std::size_t dash_of(const Node& item) const {
    std::size_t p = item.span.begin;
    if (item.span.empty() && p > 0 && t_[p - 1] == '-') return p - 1;
    while (p > 0) {
      --p;
      char c = t_[p];
      if (c == '-') return p;
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
    }
    throw NotEditable();
  }

  void edit(std::size_t b, std::size_t e, std::string text) {
    edits_.push_back(Edit{b, e, std::move(text), edits_.size()});
    for (const auto& a : anchors_) dirty_.insert(a);
  }

  // --- the comparison
  void diff(const Node& o, const Node& n, const Ctx& ctx) {
    if (o.is_alias) {
      if (o.same_value(n)) {
        alias_sites_.push_back({&o, &n, ctx});
      } else if (!alias_as_merge(o, n, ctx)) {
        replace(o, n, ctx);
      }
      return;
    }
    if (o.same_value(n)) {
      if (has_aliases_) collect_aliases(o, n, ctx);
      return;
    }
    bool anchored = !o.anchor.empty();
    if (anchored) anchors_.push_back(o.anchor);
    if (o.is_map() && n.is_map() && !o.entries.empty()) {
      diff_map(o, n, ctx);
    } else if (o.is_seq() && n.is_seq() && !o.items.empty() && !n.items.empty()) {
      diff_seq(o, n, ctx);
    } else {
      replace(o, n, ctx);
    }
    if (anchored) anchors_.pop_back();
  }

  Ctx child_ctx(const Node& o, Parent p) const {
    Ctx c;
    c.flow = o.style == Style::Flow;
    c.parent = p;
    return c;
  }

  void diff_map(const Node& o, const Node& n, const Ctx& ctx) {
    if (std::any_of(o.entries.begin(), o.entries.end(), [](const Entry& e) { return e.merged; })) {
      diff_merged_map(o, n, ctx);
      return;
    }
    bool flow = o.style == Style::Flow;
    // Entries whose key is gone.
    std::vector<bool> keep(o.entries.size(), false);
    for (std::size_t k = 0; k < o.entries.size(); ++k) {
      const Node& key = o.entries[k].key;
      if (!key.is_scalar()) throw NotEditable();
      keep[k] = n.get(key.text) != nullptr;
    }
    // Duplicate keys in the original: only the last counts; leave earlier
    // ones alone (they already mean nothing to kubectl).
    std::size_t survivors = 0;
    for (bool b : keep) survivors += b;
    if (survivors == 0) {
      replace(o, n, ctx);
      return;
    }
    for (std::size_t k = 0, kept = 0; k < o.entries.size(); ++k) {
      if (!keep[k]) delete_entry(o, k, kept > 0);
      kept += keep[k];
    }
    // Changed and new entries, in the new order.
    int key_col = flow ? 0 : column(o.entries.front().key.span.begin);
    std::size_t anchor_index = last_kept(keep);  // insert after this o entry by default
    std::map<std::size_t, std::vector<const Entry*>> inserts;
    std::vector<const Entry*> leading;  // new entries that come before every kept one
    std::size_t last_seen = std::string::npos;
    for (const auto& e : n.entries) {
      std::size_t found = std::string::npos;
      for (std::size_t k = o.entries.size(); k-- > 0;)
        if (keep[k] && o.entries[k].key.text == e.key.scalar_text() && o.entries[k].key.is_scalar()) {
          found = k;
          break;
        }
      if (found != std::string::npos) {
        const Entry& oe = o.entries[found];
        Ctx c = child_ctx(o, Parent::MapValue);
        c.col = key_col;
        c.slot = after_colon(oe.key);
        diff(oe.value, e.value, c);
        last_seen = found;
      } else {
        if (last_seen == std::string::npos) leading.push_back(&e);
        else inserts[last_seen].push_back(&e);
      }
    }
    if (!leading.empty()) {
      // Before the first kept entry if it starts its own line (so a key
      // that replaces another keeps its place, and a new first key comes
      // first), above the comment lines that lead into that entry; else
      // after the last one.
      std::size_t first = 0;
      while (!keep[first]) ++first;
      const Entry& fe = o.entries[first];
      std::size_t ls = line_start(fe.key.span.begin);
      if (!flow && only_blanks(ls, fe.key.span.begin) && (ls > o.span.begin || first == 0)) {
        ls = above_leading_comments(ls, key_col, o);
        std::string text;
        for (const Entry* e : leading)
          text += em_.spaces(key_col) + key_text(e->key, false, false, st_.quote) + ":" + em_.after_key(e->value, key_col) +
                  em_.nl();
        edit(ls, ls, text);
      } else {
        auto& list = inserts[anchor_index];
        list.insert(list.begin(), leading.begin(), leading.end());
      }
    }
    for (auto& [after, list] : inserts) insert_entries(o, after, list, key_col);
  }

  // A block map with entries from YAML merge keys (`<<: *base`): a merged
  // entry's text is the anchor's, elsewhere in the document, and is never
  // edited where it stands. The map's own entries are edited as usual; a
  // merged entry whose value changes gets an own entry with the new value
  // (the map's own keys win over merged ones), and new entries go at the end
  // of the map. A merged entry that goes cannot be said in place.
  void diff_merged_map(const Node& o, const Node& n, const Ctx& ctx) {
    if (o.style == Style::Flow) throw NotEditable();
    merge_sites_ = true;
    const std::size_t edits_before = edits_.size();
    for (std::size_t k = 0; k < o.entries.size(); ++k) {
      const Entry& e = o.entries[k];
      if (!e.key.is_scalar()) throw NotEditable();
      if (n.get(e.key.text)) continue;
      if (e.merged) throw NotEditable();
      if (!only_blanks(line_start(e.key.span.begin), e.key.span.begin)) throw NotEditable();
      delete_entry(o, k, false);
    }
    int key_col = column(first_key(o));
    std::vector<const Entry*> added;
    for (const auto& e : n.entries) {
      const Entry* found = nullptr;
      for (std::size_t k = o.entries.size(); k-- > 0;)
        if (o.entries[k].key.is_scalar() && o.entries[k].key.text == e.key.scalar_text()) {
          found = &o.entries[k];
          break;
        }
      if (!found) {
        added.push_back(&e);
      } else if (found->merged) {
        if (!found->value.same_value(e.value)) added.push_back(&e);
      } else {
        Ctx c = child_ctx(o, Parent::MapValue);
        c.col = key_col;
        c.slot = after_colon(found->key);
        diff(found->value, e.value, c);
      }
    }
    // Every own entry gone and the merge alone left: the map is the alias
    // it merges, written as one again (`labels:\n  <<: *labels` after the
    // keys an injection added are taken out is `labels: *labels`).
    bool own_left = false, own_had = false;
    for (const auto& e : o.entries)
      if (!e.merged) {
        own_had = true;
        own_left = own_left || n.get(e.key.text);
      }
    if (added.empty() && own_had && !own_left && ctx.parent == Parent::MapValue && o.style == Style::Block) {
      std::string name = lone_merge_alias(o);
      if (!name.empty()) {
        edits_.resize(edits_before);
        edit(ctx.slot, o.span.end, " *" + name);
        return;
      }
    }
    if (added.empty()) return;
    std::size_t at = past_trailing_comments(o.span.end, key_col);
    std::string text;
    for (const Entry* e : added)
      text += em_.nl() + em_.spaces(key_col) + key_text(e->key, false, false, st_.quote) + ":" + em_.after_key(e->value, key_col);
    edit(at, at, text);
  }

  // A map written as an alias (`labels: *labels`) that the change adds keys
  // to, or gives keys new values: the alias stays, as a merge key (`<<:
  // *labels`) beside the new and changed keys, so the map still follows its
  // anchor (and uninject can give the alias back, see diff_merged_map).
  // Nothing changes through the alias. Not for a key that goes, which a
  // merge cannot say.
  bool alias_as_merge(const Node& o, const Node& n, const Ctx& ctx) {
    if (ctx.flow || ctx.parent != Parent::MapValue || !o.is_map() || !n.is_map() || o.entries.empty()) return false;
    for (const auto& e : o.entries)
      if (!e.key.is_scalar() || !n.get(e.key.text)) return false;
    std::vector<const Entry*> own;
    for (const auto& e : n.entries) {
      if (!e.key.is_scalar()) return false;
      const Node* was = o.get(e.key.text);
      if (!was || !was->same_value(e.value)) own.push_back(&e);
    }
    int col = ctx.col + st_.indent;
    std::string text = em_.nl() + em_.spaces(col) + "<<: *" + o.anchor;
    for (const Entry* e : own)
      text += em_.nl() + em_.spaces(col) + key_text(e->key, false, false, st_.quote) + ":" + em_.after_key(e->value, col);
    edit(ctx.slot, o.span.end, text);
    return true;
  }

  // `<<: *name` as the whole of a block map's own text, as alias_as_merge
  // writes it: the name, else "".
  std::string lone_merge_alias(const Node& o) const {
    std::size_t p = map_text_start(o);
    if (t_.compare(p, 2, "<<") != 0) return {};
    p += 2;
    while (p < t_.size() && (t_[p] == ' ' || t_[p] == '\t')) ++p;
    if (p >= t_.size() || t_[p] != ':') return {};
    ++p;
    while (p < t_.size() && (t_[p] == ' ' || t_[p] == '\t')) ++p;
    if (p >= t_.size() || t_[p] != '*') return {};
    std::size_t b = ++p;
    while (p < t_.size() && t_[p] != ' ' && t_[p] != '\t' && t_[p] != '\n' && t_[p] != '\r' && t_[p] != '#') ++p;
    std::string name(t_.substr(b, p - b));
    // One merge key, and nothing after it on its line.
    if (t_.substr(p, o.span.end > p ? o.span.end - p : 0).find("<<") != std::string_view::npos) return {};
    std::size_t rest = p;
    while (rest < t_.size() && (t_[rest] == ' ' || t_[rest] == '\t')) ++rest;
    if (rest < t_.size() && t_[rest] != '\n' && t_[rest] != '\r') return {};
    return name;
  }

  // Where a block map's first key is: its span may start with an anchor or
  // a tag, and a comment, on the line before.
  std::size_t first_key(const Node& o) const {
    for (const auto& e : o.entries)
      if (!e.merged) return e.key.span.begin;
    return map_text_start(o);
  }

  // Where a block map's text begins, past an anchor, a tag or a comment.
  std::size_t map_text_start(const Node& o) const {
    std::size_t p = o.span.begin;
    for (;;) {
      while (p < t_.size() && (t_[p] == ' ' || t_[p] == '\t' || t_[p] == '\n' || t_[p] == '\r')) ++p;
      if (p < t_.size() && t_[p] == '#') {
        p = line_end(p);
      } else if (p < t_.size() && (t_[p] == '&' || t_[p] == '!')) {
        while (p < t_.size() && t_[p] != ' ' && t_[p] != '\t' && t_[p] != '\n' && t_[p] != '\r') ++p;
      } else {
        return p;
      }
    }
  }

  // The start of the comment lines (at `col`) that lead into the line at
  // `ls`, within node `o`'s parent: they belong to what follows them.
  std::size_t above_leading_comments(std::size_t ls, int col, const Node& o) const {
    (void)o;
    while (ls > 0) {
      std::size_t prev = line_start(ls - 1);
      std::size_t first = prev;
      while (first < ls && (t_[first] == ' ' || t_[first] == '\t')) ++first;
      if (first >= ls || t_[first] != '#' || column(first) != col) break;
      ls = prev;
    }
    return ls;
  }

  // Where text added after the line holding `p` goes: past the comment
  // lines that follow and belong to what ends there. One indented deeper
  // than `col` does (a `# TODO` after a container's last field stays with
  // that container); one at `col` leads into the next line at `col` if
  // there is one, and trails what ends here if what follows is less
  // indented (or nothing follows). A blank line ends the comments.
  std::size_t past_trailing_comments(std::size_t p, int col) const {
    std::size_t at = line_end(p), pending = std::string_view::npos;
    for (std::size_t next = after_newline(at); next < t_.size(); next = after_newline(next)) {
      std::size_t first = next;
      while (first < t_.size() && (t_[first] == ' ' || t_[first] == '\t')) ++first;
      if (first >= t_.size() || t_[first] == '\n' || t_[first] == '\r') break;  // a blank line
      int c = column(first);
      if (t_[first] != '#') {
        if (c < col && pending != std::string_view::npos) at = pending;
        return at;
      }
      if (c < col) break;
      if (c == col || pending != std::string_view::npos) pending = line_end(first);
      else at = line_end(first);
    }
    if (pending != std::string_view::npos && after_newline(pending) >= t_.size()) at = pending;
    return at;
  }

  std::size_t last_kept(const std::vector<bool>& keep) const {
    for (std::size_t k = keep.size(); k-- > 0;)
      if (keep[k]) return k;
    return 0;
  }

  std::size_t entry_end(const Entry& e) const { return std::max(e.key.span.end, e.value.span.end); }

  void insert_entries(const Node& o, std::size_t after, const std::vector<const Entry*>& list, int key_col) {
    const Entry& prev = o.entries[after];
    if (o.style == Style::Flow) {
      std::size_t at = entry_end(prev);
      bool multiline = line_start(o.span.begin) != line_start(prev.key.span.begin);
      int col = column(prev.key.span.begin);
      if (!multiline) col = 0;
      std::string text;
      for (const Entry* e : list) {
        text += ",";
        if (multiline) {
          text += em_.nl() + em_.spaces(col);
        } else {
          text += " ";
        }
        text += em_.flow_key_text(e->key) + ": " +
                (multiline ? em_.json(e->value, col, json_unit(o)) : em_.flow(e->value));
      }
      edit(at, at, text);
      return;
    }
    std::size_t at = past_trailing_comments(entry_end(prev), key_col);
    std::string text;
    for (const Entry* e : list)
      text += em_.nl() + em_.spaces(key_col) + key_text(e->key, false, false, st_.quote) + ":" +
              em_.after_key(e->value, key_col);
    edit(at, at, text);
  }

  int json_unit(const Node& o) const {
    // The indentation step of a pretty-printed JSON object: its first
    // entry's column minus the column of the line holding '{'.
    if (o.is_map() && !o.entries.empty()) {
      std::size_t ls = line_start(o.span.begin);
      std::size_t ind = ls;
      while (ind < t_.size() && t_[ind] == ' ') ++ind;
      int d = column(o.entries.front().key.span.begin) - static_cast<int>(ind - ls);
      if (d > 0) return d;
    }
    if (o.is_seq() && !o.items.empty()) {
      std::size_t ls = line_start(o.span.begin);
      std::size_t ind = ls;
      while (ind < t_.size() && t_[ind] == ' ') ++ind;
      int d = column(o.items.front().span.begin) - static_cast<int>(ind - ls);
      if (d > 0) return d;
    }
    return st_.indent;
  }

  // `kept_before`: an entry before this one stays. In flow style a deleted
  // entry takes the comma before it, unless none before it stays: a leading
  // run of deleted entries takes the comma after each (the edits of a run
  // must not overlap).
  void delete_entry(const Node& o, std::size_t k, bool kept_before) {
    const Entry& e = o.entries[k];
    if (o.style == Style::Flow) {
      if (kept_before) edit(entry_end(o.entries[k - 1]), entry_end(e), "");
      else if (k + 1 < o.entries.size()) edit(e.key.span.begin, o.entries[k + 1].key.span.begin, "");
      else throw NotEditable();
      return;
    }
    std::size_t ls = line_start(e.key.span.begin);
    if (only_blanks(ls, e.key.span.begin)) {
      remove_lines(ls, entry_end(e));
    } else if (k + 1 < o.entries.size()) {
      // The first key of a compact map (`- key: v`): the next key moves up.
      edit(e.key.span.begin, o.entries[k + 1].key.span.begin, "");
    } else {
      throw NotEditable();
    }
  }

  // --- sequences

  static const char* merge_key(const Node& o, const Node& n) {
    static const char* candidates[] = {"name", "containerPort", "mountPath", "devicePath", "ip", "port"};
    for (const char* k : candidates) {
      bool ok = true;
      std::set<std::string> seen_o, seen_n;
      for (const auto& it : o.items) {
        const Node* v = it.get(k);
        if (!it.is_map() || !v || !v->is_scalar() || !seen_o.insert(v->scalar_text()).second) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      for (const auto& it : n.items) {
        const Node* v = it.get(k);
        if (!it.is_map() || !v || !v->is_scalar() || !seen_n.insert(v->scalar_text()).second) {
          ok = false;
          break;
        }
      }
      if (ok) return k;
    }
    return nullptr;
  }

  void diff_seq(const Node& o, const Node& n, const Ctx& ctx) {
    const char* key = merge_key(o, n);
    std::vector<std::size_t> match(n.items.size(), std::string::npos);  // n index -> o index
    if (key) {
      for (std::size_t j = 0; j < n.items.size(); ++j) {
        std::string kv = n.items[j].get(key)->scalar_text();
        for (std::size_t i = 0; i < o.items.size(); ++i)
          if (o.items[i].get(key)->scalar_text() == kv) match[j] = i;
      }
    } else if (o.items.size() == n.items.size()) {
      // Same length and no key: items correspond by position if that keeps
      // most of them; otherwise the list was replaced.
      std::size_t same = 0;
      for (std::size_t j = 0; j < n.items.size(); ++j) {
        match[j] = j;
        if (o.items[j].same_value(n.items[j])) ++same;
      }
      bool structured = o.items.front().is_map() || o.items.front().is_seq();
      if (!structured && same + 1 < n.items.size()) {
        replace(o, n, ctx);
        return;
      }
    } else {
      // Scalars (args, command...) and unkeyed lists: match equal items in
      // order; anything else is replaced as a whole when it differs much.
      std::size_t i = 0;
      for (std::size_t j = 0; j < n.items.size() && i < o.items.size(); ++j) {
        std::size_t k = i;
        while (k < o.items.size() && !o.items[k].same_value(n.items[j])) ++k;
        if (k < o.items.size()) {
          match[j] = k;
          i = k + 1;
        }
      }
    }
    // Keep matched items whose order is preserved (longest increasing run);
    // the others are deleted and inserted again where they now belong.
    std::vector<std::size_t> order;  // n indices of kept matches
    {
      std::vector<std::size_t> idx;
      for (std::size_t j = 0; j < n.items.size(); ++j)
        if (match[j] != std::string::npos) idx.push_back(j);
      // O(k^2) LIS; lists are short.
      std::vector<std::size_t> len(idx.size(), 1), prev(idx.size(), std::string::npos);
      std::size_t best = std::string::npos;
      for (std::size_t a = 0; a < idx.size(); ++a) {
        for (std::size_t b = 0; b < a; ++b)
          if (match[idx[b]] < match[idx[a]] && len[b] + 1 > len[a]) {
            len[a] = len[b] + 1;
            prev[a] = b;
          }
        if (best == std::string::npos || len[a] > len[best]) best = a;
      }
      for (std::size_t a = best; a != std::string::npos; a = prev[a]) order.push_back(idx[a]);
      std::reverse(order.begin(), order.end());
    }
    std::vector<bool> kept_n(n.items.size(), false), kept_o(o.items.size(), false);
    for (std::size_t j : order) {
      kept_n[j] = true;
      kept_o[match[j]] = true;
    }
    if (order.empty()) {
      replace(o, n, ctx);
      return;
    }
    bool flow = o.style == Style::Flow;
    for (std::size_t i = 0, kept = 0; i < o.items.size(); ++i) {
      if (!kept_o[i]) delete_item(o, i, kept > 0);
      kept += kept_o[i];
    }
    int dash_col = flow ? 0 : column(dash_of(o.items.front()));
    // Walk n: diff kept items, collect inserts relative to kept neighbours.
    std::vector<const Node*> before_first;
    std::map<std::size_t, std::vector<const Node*>> after;  // o index -> items
    std::size_t last_o = std::string::npos;
    for (std::size_t j = 0; j < n.items.size(); ++j) {
      if (kept_n[j]) {
        std::size_t i = match[j];
        Ctx c = child_ctx(o, Parent::SeqItem);
        c.col = dash_col;
        c.slot = flow ? o.items[i].span.begin : dash_of(o.items[i]) + 1;
        diff(o.items[i], n.items[j], c);
        last_o = i;
      } else if (last_o == std::string::npos) {
        before_first.push_back(&n.items[j]);
      } else {
        after[last_o].push_back(&n.items[j]);
      }
    }
    if (!before_first.empty()) insert_items_before(o, match[order.front()], before_first, dash_col);
    int boundary = ctx.parent == Parent::MapValue ? ctx.col : dash_col;
    for (auto& [i, list] : after) insert_items_after(o, i, list, dash_col, boundary);
  }

  // `kept_before`: as for delete_entry.
  void delete_item(const Node& o, std::size_t i, bool kept_before) {
    const Node& it = o.items[i];
    if (o.style == Style::Flow) {
      if (kept_before) edit(o.items[i - 1].span.end, it.span.end, "");
      else if (i + 1 < o.items.size()) edit(it.span.begin, o.items[i + 1].span.begin, "");
      else throw NotEditable();
      return;
    }
    std::size_t d = dash_of(it);
    std::size_t ls = line_start(d);
    if (!only_blanks(ls, d)) throw NotEditable();
    remove_lines(ls, std::max<std::size_t>(it.span.end, d + 1));
  }

  // Removes whole lines from the one starting at `ls` through the one that
  // holds `last`. The line break before them goes rather than the one after,
  // so that text inserted at the end of the removed lines (the end of the
  // enclosing node) still has a place to go.
  void remove_lines(std::size_t ls, std::size_t last) {
    std::size_t end = line_end(last);
    if (ls > 0) {
      std::size_t prev_break = ls - 1;
      if (prev_break > 0 && t_[prev_break - 1] == '\r') --prev_break;
      edit(prev_break, end, "");
    } else {
      edit(ls, after_newline(last), "");
    }
  }

  std::string render_item_text(const Node& item, int dash_col) const {
    return "-" + em_.after_dash(item, dash_col);
  }

  void insert_items_before(const Node& o, std::size_t first_o, const std::vector<const Node*>& list, int dash_col) {
    const Node& first = o.items[first_o];
    if (o.style == Style::Flow) {
      bool multiline = line_start(o.span.begin) != line_start(first.span.begin);
      int col = column(first.span.begin);
      std::string text;
      for (const Node* it : list) {
        text += multiline ? em_.json(*it, col, json_unit(o)) : em_.flow(*it);
        text += ",";
        text += multiline ? em_.nl() + em_.spaces(col) : " ";
      }
      edit(first.span.begin, first.span.begin, text);
      return;
    }
    std::size_t d = dash_of(first);
    std::size_t ls = line_start(d);
    if (!only_blanks(ls, d)) throw NotEditable();
    std::string text;
    for (const Node* it : list) text += em_.spaces(dash_col) + render_item_text(*it, dash_col) + em_.nl();
    edit(ls, ls, text);
  }

  // `boundary`: comments indented deeper than this column after the item
  // belong to it (the list's key column: in an indented list, a comment at
  // the dash's column is inside the list).
  void insert_items_after(const Node& o, std::size_t i, const std::vector<const Node*>& list, int dash_col, int boundary) {
    const Node& prev = o.items[i];
    if (o.style == Style::Flow) {
      bool multiline = line_start(o.span.begin) != line_start(prev.span.begin);
      // "Cuddled" layout: `[{` ... `}, {` ... `}]` with items over several lines.
      bool cuddled = !multiline && line_start(prev.span.begin) != line_start(prev.span.end);
      int col = column(prev.span.begin);
      std::string text;
      for (const Node* it : list) {
        text += ",";
        if (cuddled) {
          std::size_t ls = line_start(prev.span.end - 1);
          std::size_t ind = ls;
          while (ind < t_.size() && t_[ind] == ' ') ++ind;
          text += " " + em_.json(*it, static_cast<int>(ind - ls), st_.indent);
          continue;
        }
        text += multiline ? em_.nl() + em_.spaces(col) : " ";
        text += multiline ? em_.json(*it, col, json_unit(o)) : em_.flow(*it);
      }
      edit(prev.span.end, prev.span.end, text);
      return;
    }
    std::size_t at = past_trailing_comments(std::max<std::size_t>(prev.span.end, dash_of(prev) + 1), boundary);
    std::string text;
    for (const Node* it : list) text += em_.nl() + em_.spaces(dash_col) + render_item_text(*it, dash_col);
    edit(at, at, text);
  }

  // --- replacing a node whole

  void replace(const Node& o, const Node& given, const Ctx& ctx) {
    // A changed scalar keeps its style: a string replacing a quoted string
    // is quoted the same way (`path: "/healthz"` stays double-quoted).
    Node restyled;
    const bool keep_quotes = given.kind == Kind::String && o.kind == Kind::String && given.style == Style::Any &&
                             !o.is_alias && (o.style == Style::Single || o.style == Style::Double);
    if (keep_quotes) {
      restyled = given;
      restyled.style = o.style;
    }
    const Node& n = keep_quotes ? restyled : given;
    if (ctx.flow || (o.style == Style::Flow && !(n.is_map() || n.is_seq()))) {
      // Flow context: pretty over several lines if the document is laid out
      // that way and the node replaced took several lines, else on one line
      // (as the node was).
      std::string text;
      const bool one_line = line_start(o.span.begin) == line_start(o.span.end) &&
                            ((o.is_map() && !o.entries.empty()) || (o.is_seq() && !o.items.empty()));
      if (one_line && st_.json) {
        std::string_view was = t_.substr(o.span.begin, o.span.end - o.span.begin);
        text = em_.json(n, 0, 0, was.find(": ") != std::string_view::npos || was.find(", ") != std::string_view::npos);
      } else if (pretty_flow_ && !one_line) {
        std::size_t ls = line_start(o.span.begin);
        std::size_t ind = ls;
        while (ind < t_.size() && t_[ind] == ' ') ++ind;
        text = em_.json(n, static_cast<int>(ind - ls), st_.indent);
      } else {
        text = em_.flow(n);
      }
      edit(o.span.begin, o.span.end, text);
      return;
    }
    bool n_block = (n.is_map() && !n.entries.empty()) || (n.is_seq() && !n.items.empty()) ||
                   em_.multiline_literal_ok(n);
    switch (ctx.parent) {
      case Parent::Root: {
        edit(o.span.begin, o.span.end, em_.block_at(n, column(o.span.begin)));
        return;
      }
      case Parent::MapValue: {
        if (!n_block) {
          if (o.span.empty()) {
            edit(ctx.slot, ctx.slot, " " + em_.inline_scalar(n));
          } else if (line_start(o.span.begin) != line_start(ctx.slot)) {
            // A one-line value cannot stay on the old value's own line (a
            // block list at the key's column: `key:\n[]` is no YAML): it goes
            // after the ':', and the old lines go. Comments between stay.
            edit(ctx.slot, ctx.slot, " " + em_.inline_scalar(n));
            remove_lines(line_start(o.span.begin), o.span.end);
          } else {
            edit(o.span.begin, o.span.end, em_.inline_scalar(n));
          }
          return;
        }
        bool own_line = !o.span.empty() && line_start(o.span.begin) != line_start(ctx.slot) &&
                        o.style == Style::Block && (o.is_map() || o.is_seq());
        if (own_line) {
          int col = column(o.span.begin);
          // Keep the document's relation between key and child columns.
          edit(o.span.begin, o.span.end, em_.block_at(n, n.is_seq() && o.is_map() ? ctx.col + st_.seq_indent : col));
        } else {
          std::size_t b = ctx.slot;
          std::size_t e = o.span.empty() ? ctx.slot : o.span.end;
          edit(b, e, em_.after_key(n, ctx.col));
        }
        return;
      }
      case Parent::SeqItem: {
        std::string text = em_.after_dash(n, ctx.col);
        if (o.span.empty()) {
          edit(ctx.slot, ctx.slot, text);
        } else {
          // o starts after "- " on the dash line: drop after_dash's own lead.
          std::size_t lead = 0;
          while (lead < text.size() && text[lead] == ' ') ++lead;
          std::size_t gap = o.span.begin - ctx.slot;
          if (line_start(o.span.begin) != line_start(ctx.slot)) {
            edit(ctx.slot, o.span.end, text);
          } else {
            (void)gap;
            edit(o.span.begin, o.span.end, text.substr(lead));
          }
        }
        return;
      }
    }
  }

  // --- aliases

  struct AliasSite {
    const Node* o;
    const Node* n;
    Ctx ctx;
  };

  // Walks two equal trees side by side, noting the alias sites in them.
  void collect_aliases(const Node& o, const Node& n, const Ctx& ctx) {
    if (o.is_alias) {
      alias_sites_.push_back({&o, &n, ctx});
      return;
    }
    if (o.is_map()) {
      if (o.entries.empty()) return;
      int key_col = o.style == Style::Flow ? 0 : column(first_key(o));
      for (const auto& e : o.entries) {
        const Node* nv = n.get(e.key.scalar_text());
        if (!nv || !e.key.is_scalar() || e.merged) continue;  // a merged entry's text is its anchor's
        Ctx c = child_ctx(o, Parent::MapValue);
        c.col = key_col;
        try {
          c.slot = after_colon(e.key);
        } catch (const NotEditable&) {
          continue;
        }
        collect_aliases(e.value, *nv, c);
      }
    } else if (o.is_seq()) {
      for (std::size_t i = 0; i < o.items.size() && i < n.items.size(); ++i) {
        Ctx c = child_ctx(o, Parent::SeqItem);
        if (o.style != Style::Flow) {
          try {
            std::size_t d = dash_of(o.items[i]);
            c.col = column(d);
            c.slot = d + 1;
          } catch (const NotEditable&) {
            continue;
          }
        }
        collect_aliases(o.items[i], n.items[i], c);
      }
    }
  }

  void expand_dirty_aliases() {
    // A changed anchor changes what a merge key takes from it, too, and the
    // merge site cannot say "as before" in place.
    if (merge_sites_ && !dirty_.empty()) throw NotEditable();
    for (const auto& site : alias_sites_) {
      if (dirty_.count(site.o->anchor)) replace(*site.o, *site.n, site.ctx);
    }
  }

 public:
  void set_has_aliases(bool v) { has_aliases_ = v; }
  void set_pretty_flow(bool v) { pretty_flow_ = v; }

 private:
  std::string_view t_;
  const DocStyle& st_;
  Emitter em_;
  std::vector<Edit> edits_;
  std::vector<std::string> anchors_;  // anchors of the nodes being diffed
  std::set<std::string> dirty_;
  std::vector<AliasSite> alias_sites_;
  bool has_aliases_ = false;
  bool pretty_flow_ = false;
  bool merge_sites_ = false;  // a map with merge keys was edited
};

bool tree_has_aliases(const Node& n) {
  if (n.is_alias || !n.anchor.empty()) return true;
  for (const auto& it : n.items)
    if (tree_has_aliases(it)) return true;
  for (const auto& e : n.entries)
    if (tree_has_aliases(e.value) || tree_has_aliases(e.key)) return true;
  return false;
}

// Learns the document's layout from its first examples of each construct.
struct StyleProbe {
  std::string_view t;
  DocStyle st;
  bool got_indent = false, got_seq = false, got_item = false;
  std::size_t quoted_values = 0, plain_values = 0;

  std::size_t single_quoted = 0, double_quoted = 0;

  void count_scalar(const Node& v) {
    if (v.kind != Kind::String || v.is_alias) return;
    if (v.style == Style::Single) ++single_quoted;
    if (v.style == Style::Double) ++double_quoted;
    if (v.style == Style::Plain) ++plain_values;
    else if ((v.style == Style::Double || v.style == Style::Single) && plain_safe(v.text, false)) ++quoted_values;
  }

  void visit_all(const Node& n) {
    if (n.is_alias) return;
    for (const auto& e : n.entries) {
      if (e.merged) continue;  // its text is elsewhere, and seen there
      count_scalar(e.value);
      visit_all(e.value);
    }
    for (const auto& it : n.items) {
      count_scalar(it);
      visit_all(it);
    }
  }

  int column(std::size_t p) const {
    std::size_t ls = p == 0 ? 0 : t.rfind('\n', p - 1);
    ls = ls == std::string_view::npos ? 0 : (p == 0 ? 0 : ls + 1);
    return static_cast<int>(p - ls);
  }
  std::size_t dash_before(std::size_t p) const {
    while (p > 0) {
      --p;
      if (t[p] == '-') return p;
      if (t[p] != ' ' && t[p] != '\n' && t[p] != '\r' && t[p] != '\t') break;
    }
    return std::string_view::npos;
  }

  void visit(const Node& n) {
    if (n.is_alias || n.style != Style::Block) return;
    if (n.is_map()) {
      if (n.entries.empty() || n.entries.front().merged) return;
      int key_col = column(n.entries.front().key.span.begin);
      for (const auto& e : n.entries) {
        if (e.merged) continue;
        const Node& v = e.value;
        if (v.is_alias || v.style != Style::Block) continue;
        if (v.is_map() && !v.entries.empty() && !got_indent) {
          int d = column(v.entries.front().key.span.begin) - key_col;
          if (d > 0) {
            st.indent = d;
            got_indent = true;
          }
        }
        if (v.is_seq() && !v.items.empty() && !got_seq) {
          std::size_t dash = dash_before(v.items.front().span.begin);
          if (dash != std::string_view::npos) {
            int d = column(dash) - key_col;
            if (d >= 0) {
              st.seq_indent = d;
              got_seq = true;
            }
          }
        }
        visit(v);
      }
    } else if (n.is_seq()) {
      for (const auto& it : n.items) {
        if (it.is_map() && it.style == Style::Block && !it.entries.empty() && !got_item) {
          std::size_t dash = dash_before(it.span.begin);
          if (dash != std::string_view::npos) {
            int d = column(it.entries.front().key.span.begin) - column(dash);
            if (d > 0) {
              st.item_indent = d;
              got_item = true;
            }
          }
        }
        visit(it);
      }
    }
  }
};

}  // namespace

DocStyle detect_style(const Document& doc) {
  StyleProbe p{doc.raw.text, {}};
  p.st.crlf = doc.crlf;
  p.st.flow = !doc.empty && doc.root.style == Style::Flow;
  p.st.json = doc.json;
  if (!doc.empty) {
    p.visit(doc.root);
    p.visit_all(doc.root);
  }
  if (!p.got_seq) p.st.seq_indent = p.st.indent;
  // Quote with what the document's strings mostly use.
  p.st.quote = p.single_quoted > p.double_quoted ? '\'' : '"';
  p.st.quote_strings = p.quoted_values > p.plain_values;
  if (p.st.flow) {
    // Indentation step of a pretty-printed flow document: first entry column.
    if (doc.root.is_map() && !doc.root.entries.empty()) {
      int c = p.column(doc.root.entries.front().key.span.begin);
      std::size_t root_line = doc.raw.text.rfind('\n', doc.root.span.begin);
      std::size_t key_line = doc.raw.text.rfind('\n', doc.root.entries.front().key.span.begin);
      p.st.indent = root_line != key_line && c > 0 ? c : 0;
    }
  }
  return p.st;
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

namespace {

// Where the document's content ends, for re-emitting it whole. The root's
// span says so for a document the reader could vouch for; for one it could
// not (doc.editable false: exotic syntax), the span may stop short, so the
// content is taken to run to the last line that is not blank, a comment or
// the `...` end marker.
std::size_t content_end(const Document& doc) {
  // (A span the reader could not vouch for may even run past the text.)
  std::size_t span_end = std::min<std::size_t>(doc.root.span.end, doc.raw.text.size());
  if (doc.editable) return span_end;
  std::string_view t = doc.raw.text;
  std::size_t end = t.size();  // the lines from here on are filler
  while (end > span_end) {
    std::size_t le = end;
    if (t[le - 1] == '\n') --le;  // each step goes back at least one byte
    std::size_t ls = le == 0 ? std::string_view::npos : t.rfind('\n', le - 1);
    ls = ls == std::string_view::npos ? 0 : ls + 1;
    std::string_view line = t.substr(ls, le - ls);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    std::size_t first = line.find_first_not_of(" \t");
    bool filler = first == std::string_view::npos || line[first] == '#' ||
                  (line.substr(0, 3) == "..." && (line.size() == 3 || line[3] == ' ' || line[3] == '\t'));
    if (!filler) return std::max(span_end, ls + line.size());
    end = ls;
  }
  return span_end;
}

// What follows re-emitted content, made safe to follow any content: a new
// last value may be a block scalar, which would take in the blanks ending
// the old last line, indented comment lines after it, and would trip over
// tab-only lines. Blank lines lose their blanks and comment lines start at
// column 0; text and comments stay.
std::string tidy_tail(std::string_view after) {
  std::string out;
  std::size_t pos = 0;
  while (pos < after.size()) {
    std::size_t nl = after.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? after.size() : nl + 1;
    std::string_view line = after.substr(pos, end - pos);
    std::string_view eol = line.ends_with("\r\n") ? "\r\n" : line.ends_with('\n') ? "\n" : "";
    std::string_view body = line.substr(0, line.size() - eol.size());
    std::size_t first = body.find_first_not_of(" \t\r");  // a bare CR is no text either
    if (first == std::string_view::npos) {
      body = {};
    } else if (body[first] == '#') {
      body.remove_prefix(body.find_first_not_of(" \t"));
      // A comment on the content's own last line needs its space before '#'.
      if (pos == 0) out += ' ';
    }
    out += body;
    out += eol;
    pos = end;
  }
  return out;
}

// Whether `text`, written for `doc`, reads as `want`. The fast reader takes
// most documents (it agrees with yaml-cpp on all it accepts); yaml-cpp reads
// the rest. Throws Error if yaml-cpp refuses the text.
bool reads_back_as(const Document& doc, const std::string& text, const Node& want) {
  // Not only with the reader that read the input: a leniency of that reader
  // would pass its own mistakes (strict_yaml.h). And not only with libyaml
  // either: kinject must be able to read what it wrote (a second injection,
  // uninject), and the two disagree on a few exotic texts (a tag before a
  // block map's first key on its line).
  try {
    if (!read_strict_yaml(text, doc.file).same_value(want)) return false;
    if (auto quick = read_simple_yaml(text)) return quick->same_value(want);
    RawDocument raw = doc.raw;
    raw.text = text;
    return parse_document(std::move(raw), doc.file).root.same_value(want);
  } catch (const Error&) {
    return false;
  }
}

}  // namespace

namespace {

// The first key of the tree that is a list or a map, or nullptr.
const Node* first_collection_key(const Node& n) {
  if (n.is_map()) {
    for (const auto& e : n.entries) {
      if (e.key.is_map() || e.key.is_seq()) return &e.key;
      if (const Node* k = first_collection_key(e.value)) return k;
    }
  } else if (n.is_seq()) {
    for (const auto& it : n.items)
      if (const Node* k = first_collection_key(it)) return k;
  }
  return nullptr;
}

}  // namespace

WriteResult write_document(const Document& doc, const Node& updated) {
  WriteResult r;
  if (doc.empty || doc.root.same_value(updated)) {
    r.text = doc.raw.text;
    return r;
  }
  r.changed = true;
  // No Kubernetes object has a list or a map as a key: kubectl refuses the
  // document ("invalid map key"). Editing it could only make a manifest no
  // tool reads, and its edits are the writer's least certain: refuse it.
  if (const Node* key = first_collection_key(doc.root)) {
    Location where{doc.file, doc.raw.index, 0, 0};
    if (key->has_span) {
      auto [line, col] = line_col(doc.raw.text, key->span.begin);
      where.line = doc.raw.first_line + line - 1;
      where.column = col;
    }
    throw Error(where, "a list or a map is used as a mapping key here; kubectl cannot read such a document (invalid map "
                       "key), so kinject does not edit it: make the key a string");
  }
  DocStyle st = detect_style(doc);
  if (doc.editable) {
    try {
      Differ d(doc, st);
      d.set_has_aliases(tree_has_aliases(doc.root));
      d.set_pretty_flow(st.flow && st.indent > 0);
      d.run(doc.root, updated);
      r.text = d.apply();
      // Check the edit: it must read back as exactly the new value.
      if (reads_back_as(doc, r.text, updated)) return r;
      // A literal block scalar that now ends a text without a final line
      // break has lost its own trailing line break: give it one (only
      // then: a text that had none keeps having none).
      if (!r.text.empty() && r.text.back() != '\n' && reads_back_as(doc, r.text + st.eol(), updated)) {
        r.text += st.eol();
        return r;
      }
    } catch (const NotEditable&) {
    } catch (const Error&) {
    }
  }
  // Re-emit the document's content whole, keeping what precedes and follows it.
  r.reformatted = true;
  std::string_view t = doc.raw.text;
  std::string body = emit_yaml(updated, st);
  std::size_t end = content_end(doc);
  std::string before(t.substr(0, std::min<std::size_t>(doc.root.span.begin, end))), after(t.substr(end));
  after = tidy_tail(after);
  // Block content: several lines, or one line of a block collection
  // (`- x`, `a: b`), which cannot share a line with `--- !tag`.
  // (Only an empty one is written in flow style, `{}` or `[]`; a block map's
  // first key may itself be a flow collection.)
  bool block_collection = (updated.is_map() && !updated.entries.empty()) || (updated.is_seq() && !updated.items.empty());
  if (!st.json && (body.find('\n') != std::string::npos || block_collection)) {
    // Block content is emitted for column 0 and must have lines of its own:
    // drop the indentation the old content started with (` a: 1`), or start
    // on a new line after whatever shares its first line (`--- `, a BOM).
    std::size_t ls = before.rfind('\n');
    ls = ls == std::string::npos ? 0 : ls + 1;
    if (before.find_first_not_of(" \t", ls) == std::string::npos) {
      before.resize(ls);
    } else {
      while (before.back() == ' ' || before.back() == '\t') before.pop_back();
      before += st.eol();
    }
    // ... and its last line must end with a line break even at the end of a
    // document without one, or a final block scalar would lose its newline
    // (and a trailing comment would join the scalar).
    if (after.empty() || (after[0] != '\n' && after.compare(0, 2, "\r\n") != 0)) after = st.eol() + after;
  }
  r.text = before + body + after;
  if (!reads_back_as(doc, r.text, updated)) {
    Location where{doc.file, doc.raw.index, doc.raw.first_line, 1};
    // kinject's reader took the input, but kubectl's parser may not: then
    // it is the input that needs fixing.
    try {
      read_strict_yaml(doc.raw.text, doc.file);
    } catch (const Error& e) {
      throw Error(Location{doc.file, doc.raw.index, doc.raw.first_line + std::max(e.where().line, 1) - 1, e.where().column},
                  fmt::format("kubectl's YAML parser would not read this document ({}); kinject does not rewrite what the "
                              "cluster's tools cannot read: fix the YAML",
                              e.bare()));
    }
    throw Error(where, "internal error: the rewritten document does not read back as intended; please report this with the input");
  }
  return r;
}

}  // namespace kinject
