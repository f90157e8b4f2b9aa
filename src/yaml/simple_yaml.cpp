#include "kinject/yaml/simple_yaml.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "kinject/base/utf8.h"
#include "kinject/yaml/source_text.h"
#include "lines.h"
#include "scanner.h"

namespace kinject {

namespace {

// Thrown to leave the fast path: the text goes to yaml-cpp instead.
struct Declined {};

[[noreturn]] void decline() { throw Declined{}; }

bool is_space_or_end(std::string_view s, std::size_t p) { return p >= s.size() || s[p] == ' '; }

class Reader {
 public:
  Reader(std::string_view text, bool spans) : t_(text), spans_(spans), sc_(text) {
    // Lines, each without its '\n'; a final '\n' ends the last line and
    // starts none.
    for (std::size_t b = 0; b < t_.size();) {
      std::size_t e = t_.find('\n', b);
      if (e == std::string_view::npos) e = t_.size();
      Line l{b, e, 0, true, false};
      while (b + l.indent < e && t_[b + l.indent] == ' ') ++l.indent;
      std::size_t c = b + l.indent;
      l.blank = c == e || t_[c] == '#';
      // (No tab or CR gets here: read_simple_yaml declines them.)
      std::string_view line = t_.substr(b, e - b);
      l.marker = lines::is_marker(line, '-') || lines::is_marker(line, '.');
      lines_.push_back(l);
      if (e == t_.size()) break;
      b = e + 1;
    }
  }

  Node document() {
    std::size_t i = next_content(0);
    if (i < lines_.size() && lines_[i].marker && t_[lines_[i].begin] == '-') {
      // `---` alone (or with a comment) opens the document.
      std::string_view rest = line_text(i).substr(3);
      std::size_t k = rest.find_first_not_of(' ');
      if (k != std::string_view::npos && rest[k] != '#') decline();
      if (k != std::string_view::npos && k == 0) decline();
      i = next_content(i + 1);
    }
    Node root;
    if (i < lines_.size() && !lines_[i].marker) {
      pos_ = i;
      node(root, i, lines_[i].indent, -1, true);
      i = next_content(pos_);
    }
    if (i < lines_.size() && lines_[i].marker && t_[lines_[i].begin] == '.') {
      if (line_text(i).find_first_not_of(' ', 3) != std::string_view::npos) decline();
      i = next_content(i + 1);
    }
    if (i < lines_.size()) decline();  // more content, another document, a directive
    return root;
  }

 private:
  struct Line {
    std::size_t begin, end;
    int indent;
    bool blank;   // only spaces, or a comment
    bool marker;  // `---` or `...` at column 0
  };

  std::string_view line_text(std::size_t i) const { return t_.substr(lines_[i].begin, lines_[i].end - lines_[i].begin); }

  // The first line at or after i that holds content (comments and blank
  // lines are skipped outside block scalars).
  std::size_t next_content(std::size_t i) const {
    while (i < lines_.size() && lines_[i].blank) ++i;
    return i;
  }

  int indent_of(std::size_t i) const { return i < lines_.size() && !lines_[i].marker ? lines_[i].indent : -1; }

  // After a node that ended on line `last`: the next content line, which
  // must not be indented past the enclosing collection.
  void expect_not_deeper(std::size_t last, int parent_indent) {
    pos_ = next_content(last + 1);
    if (indent_of(pos_) > parent_indent) decline();  // a continuation line, or bad indentation
  }

  // The rest of a line after a scalar or flow collection ends at p: blanks
  // and a comment that has a blank before it.
  void expect_line_end(std::string_view line, std::size_t p) const {
    std::size_t k = p;
    while (k < line.size() && line[k] == ' ') ++k;
    if (k == line.size()) return;
    if (line[k] == '#' && k > p) return;
    decline();
  }

  // A node starting at column col of line li, inside a collection indented
  // parent_indent, read into n (a new Node: every reader below builds its
  // node where it will stay, as moving a Node moves three strings and two
  // vectors). `own_line` when the node starts its line or follows `- `
  // (block collections may only start there); else it follows a key's ':'
  // on its line, and is not asked whether it is a key: every reader of a
  // value declines a ':' after it (`a: b: c`, `a: "b": c`, `a: [b]: c`).
  void node(Node& n, std::size_t li, int col, int parent_indent, bool own_line) {
    if (++depth_ > 200) decline();
    std::string_view line = line_text(li);
    std::size_t p = static_cast<std::size_t>(col);
    char c = line[p];
    if (c == '-' && is_space_or_end(line, p + 1)) {
      sequence(n, li, col);
    } else if (c == '[' || c == '{') {
      FlowAt at{li, line, p, parent_indent};
      flow(n, at, 0);
      expect_line_end(at.line, at.p);
      expect_not_deeper(at.li, parent_indent);
    } else if (c == '|') {
      literal(n, li, p, parent_indent);
    } else if (own_line && key_at(line, p)) {
      mapping(n, li, col);
    } else {
      scalar(n, line, p);
      expect_not_deeper(li, parent_indent);
    }
    --depth_;
  }

  // If a mapping key starts at p: the position just after its ':'.
  std::optional<std::size_t> key_at(std::string_view line, std::size_t p) const {
    char c = line[p];
    if (c == '[' || c == '{') return std::nullopt;  // a flow collection (flow keys are declined later)
    if (c == '"' || c == '\'') {
      std::size_t q = p;
      try {
        q = quoted_end(line, p, nullptr);
      } catch (const Declined&) {
        return std::nullopt;
      }
      while (q < line.size() && line[q] == ' ') ++q;
      if (q < line.size() && line[q] == ':' && is_space_or_end(line, q + 1)) return q + 1;
      return std::nullopt;
    }
    // The first ':' followed by a space or the line's end, unless a comment
    // (" #") starts before it.
    for (std::size_t k = line.find(':', p); k != std::string_view::npos; k = line.find(':', k + 1)) {
      if (!is_space_or_end(line, k + 1)) continue;
      std::size_t hash = line.substr(0, k).find(" #", p);
      if (hash != std::string_view::npos) return std::nullopt;
      return k + 1;
    }
    return std::nullopt;
  }

  void mapping(Node& m, std::size_t li, int col) {
    m.kind = Kind::Map;
    m.style = Style::Block;
    m.entries.reserve(8);  // growing a vector of Nodes one by one costs more than the spare room
    const std::size_t begin = off(line_text(li), static_cast<std::size_t>(col));
    for (;;) {
      std::string_view line = line_text(li);
      std::size_t p = static_cast<std::size_t>(col);
      Entry& entry = m.entries.emplace_back();
      Node& key = entry.key;
      char c = line[p];
      if (c == '"' || c == '\'') {
        if (!key_at(line, p)) decline();  // a quoted scalar, not a key
        quoted(key, line, p);
        while (line[p] == ' ') ++p;
        ++p;  // the ':' key_at found
      } else {
        if (!plain_start_ok(line, p)) decline();
        std::optional<std::size_t> after = key_at(line, p);
        if (!after) decline();
        std::string_view text = line.substr(p, *after - 1 - p);
        while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
        if (text == "<<") decline();        // merge keys: yaml-cpp's reading applies
        if (text.size() > 1024) decline();  // longer than YAML allows an implicit key
        plain(key, text);
        if (key.is_null()) decline();  // a null key: the reader marks such documents not editable
        span(key, off(line, p), off(line, p) + text.size());
        p = *after;
      }
      const std::size_t slot = off(line, p);  // just after the ':', where an empty value is
      while (p < line.size() && line[p] == ' ') ++p;
      Node& value = entry.value;
      if (p == line.size() || line[p] == '#') {
        if (p < line.size() && line[p - 1] != ' ') decline();
        std::size_t next = next_content(li + 1);
        int ni = indent_of(next);
        if (ni > col) {
          node(value, next, ni, col, true);
        } else if (ni == col && line_text(next)[static_cast<std::size_t>(ni)] == '-' &&
                   is_space_or_end(line_text(next), static_cast<std::size_t>(ni) + 1)) {
          sequence(value, next, ni);  // `key:` then `- item` at the key's own indentation
        } else {
          empty_at(value, slot);
          pos_ = next;  // an empty value
        }
      } else {
        char v = line[p];
        if (v == '-' && is_space_or_end(line, p + 1)) decline();  // `a: - b`
        node(value, li, static_cast<int>(p), col, false);
      }
      // pos_ is the next content line.
      int ni = indent_of(pos_);
      if (ni < col) {
        collection_span(m, begin);
        return;
      }
      if (ni > col) decline();
      li = pos_;
      std::string_view nl = line_text(li);
      if (nl[static_cast<std::size_t>(col)] == '-' && is_space_or_end(nl, static_cast<std::size_t>(col) + 1)) decline();
    }
  }

  void sequence(Node& s, std::size_t li, int col) {
    s.kind = Kind::Seq;
    s.style = Style::Block;
    s.items.reserve(4);  // as for a mapping's entries: most lists have a few items
    const std::size_t begin = off(line_text(li), static_cast<std::size_t>(col));
    for (;;) {
      std::string_view line = line_text(li);
      std::size_t p = static_cast<std::size_t>(col) + 1;
      Node& item = s.items.emplace_back();
      const std::size_t slot = off(line, p);  // just after the '-'
      while (p < line.size() && line[p] == ' ') ++p;
      if (p == line.size() || line[p] == '#') {
        if (p < line.size() && line[p - 1] != ' ') decline();
        std::size_t next = next_content(li + 1);
        int ni = indent_of(next);
        if (ni > col) {
          node(item, next, ni, col, true);
        } else {
          empty_at(item, slot);
          pos_ = next;  // an empty item
        }
      } else {
        node(item, li, static_cast<int>(p), col, true);
      }
      int ni = indent_of(pos_);
      if (ni > col) decline();
      if (ni == col) {
        li = pos_;
        std::string_view nl = line_text(li);
        if (nl[static_cast<std::size_t>(col)] == '-' && is_space_or_end(nl, static_cast<std::size_t>(col) + 1)) continue;
      }
      // Done (an enclosing mapping may go on at this indentation).
      collection_span(s, begin);
      return;
    }
  }

  static bool plain_start_ok(std::string_view line, std::size_t p) {
    char c = line[p];
    static constexpr std::string_view kIndicators = ",[]{}#&*!|>'\"%@`";
    if (kIndicators.find(c) != std::string_view::npos) return false;
    if ((c == '-' || c == '?' || c == ':') && is_space_or_end(line, p + 1)) return false;
    return true;
  }

  // A one-line scalar value in block context.
  void scalar(Node& n, std::string_view line, std::size_t p) {
    char c = line[p];
    if (c == '"' || c == '\'') {
      quoted(n, line, p);
      expect_line_end(line, p);
      return;
    }
    if (!plain_start_ok(line, p)) decline();
    std::size_t e = p;
    while (e < line.size() && !(line[e] == '#' && line[e - 1] == ' ')) {
      if (line[e] == ':' && is_space_or_end(line, e + 1)) decline();
      ++e;
    }
    std::string_view text = line.substr(p, e - p);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    plain(n, text);
    span(n, off(line, p), off(line, p) + text.size());
  }

  // A plain scalar's text and meaning, as Node::plain gives them.
  static void plain(Node& n, std::string_view text) {
    n.text.assign(text);
    n.style = Style::Plain;
    resolve_scalar(n, "?");
  }

  // A quoted scalar that opens and closes on this line, read into n; p
  // moves past it.
  void quoted(Node& n, std::string_view line, std::size_t& p) const {
    std::size_t k = quoted_end(line, p, &n.text);
    n.kind = Kind::String;
    n.style = line[p] == '"' ? Style::Double : Style::Single;
    span(n, off(line, p), off(line, k));
    p = k;
  }

  // Where the quoted scalar that opens at p ends (just past its closing
  // quote), its value appended to *out unless out is null (key_at only
  // looks for the end).
  std::size_t quoted_end(std::string_view line, std::size_t p, std::string* out) const {
    char q = line[p];
    auto put = [&](char c) {
      if (out) *out += c;
    };
    auto put_utf8 = [&](std::uint32_t cp) {
      if (!utf8::is_scalar(cp)) decline();  // yaml-cpp refuses what is not a scalar value; so does the fast path
      if (out) utf8::append(*out, cp);
    };
    std::size_t k = p + 1;
    for (;;) {
      // The run up to the next quote or escape, at once.
      std::size_t stop = k;
      while (stop < line.size() && line[stop] != q && !(q == '"' && line[stop] == '\\')) ++stop;
      if (stop == line.size()) decline();  // runs onto the next line
      if (out) out->append(line.substr(k, stop - k));
      k = stop;
      char c = line[k];
      if (c == q) {
        if (q == '\'' && k + 1 < line.size() && line[k + 1] == '\'') {
          put('\'');
          k += 2;
          continue;
        }
        ++k;
        break;
      }
      // A backslash in a double-quoted scalar.
      if (k + 1 >= line.size()) decline();
      char e = line[k + 1];
      k += 2;
      switch (e) {
        case '0': put('\0'); break;
        case 'a': put('\a'); break;
        case 'b': put('\b'); break;
        case 't': put('\t'); break;
        case 'n': put('\n'); break;
        case 'v': put('\v'); break;
        case 'f': put('\f'); break;
        case 'r': put('\r'); break;
        case 'e': put('\x1B'); break;
        case ' ': put(' '); break;
        case '"': put('"'); break;
        case '/': put('/'); break;
        case '\\': put('\\'); break;
        case 'N': put_utf8(0x85); break;
        case '_': put_utf8(0xA0); break;
        case 'L': put_utf8(0x2028); break;
        case 'P': put_utf8(0x2029); break;
        case 'x':
        case 'u':
        case 'U': {
          std::size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          if (k + digits > line.size()) decline();
          std::uint32_t cp = 0;
          for (std::size_t d = 0; d < digits; ++d) {
            char h = line[k + d];
            cp <<= 4;
            if (h >= '0' && h <= '9') cp |= static_cast<std::uint32_t>(h - '0');
            else if (h >= 'a' && h <= 'f') cp |= static_cast<std::uint32_t>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F') cp |= static_cast<std::uint32_t>(h - 'A' + 10);
            else decline();
          }
          k += digits;
          put_utf8(cp);
          break;
        }
        default:
          decline();
      }
    }
    return k;
  }

  // Where a flow collection's reading stands: line li (its text `line`),
  // column p, inside a block collection indented `parent`. A collection may
  // go on over several lines (Istio's templates write `annotations: {`, one
  // entry a line, then `}`).
  struct FlowAt {
    std::size_t li;
    std::string_view line;
    std::size_t p;
    int parent;
  };

  // Past the spaces at p; at the end of the line, or a comment, on to the
  // next content line when `cross` (between entries, after the opening
  // bracket, before a ',' or the closing one), else declined (between a
  // key and its ':' or value: an implicit key is one line).
  void flow_skip(FlowAt& at, bool cross) {
    for (;;) {
      const std::size_t from = at.p;
      while (at.p < at.line.size() && at.line[at.p] == ' ') ++at.p;
      if (at.p < at.line.size() && at.line[at.p] != '#') return;
      if (!cross) decline();
      // A comment must be set off by a blank, or begin its line.
      if (at.p < at.line.size() && at.p == from && at.p > 0 && at.line[at.p - 1] != ' ') decline();
      std::size_t next = next_content(at.li + 1);
      if (next >= lines_.size() || lines_[next].marker) decline();
      // Lines of a flow collection are indented past the block collection
      // it stands in; a closing bracket may stand at that collection's own
      // indentation, as Istio's templates write it (go-yaml and yaml-cpp
      // take it).
      const int indent = lines_[next].indent;
      const char first = t_[lines_[next].begin + static_cast<std::size_t>(indent)];
      if (indent <= at.parent && !(indent == at.parent && (first == ']' || first == '}'))) decline();
      at.li = next;
      at.line = line_text(next);
      at.p = static_cast<std::size_t>(lines_[next].indent);
    }
  }

  // A flow collection, read into n; `at` moves past it.
  void flow(Node& n, FlowAt& at, int depth) {
    if (depth > 100) decline();
    char open = at.line[at.p];
    char close = open == '[' ? ']' : '}';
    n.kind = open == '[' ? Kind::Seq : Kind::Map;
    n.style = Style::Flow;
    const std::size_t begin = off(at.line, at.p);
    ++at.p;
    flow_skip(at, true);
    if (at.line[at.p] == close) {
      ++at.p;
      span(n, begin, off(at.line, at.p));
      return;
    }
    for (;;) {
      if (open == '[') {
        flow_node(n.items.emplace_back(), at, depth);
        std::size_t k = at.p;
        while (k < at.line.size() && at.line[k] == ' ') ++k;
        if (k < at.line.size() && at.line[k] == ':') decline();  // a single-pair mapping inside a sequence
      } else {
        bool quoted_key = at.line[at.p] == '"' || at.line[at.p] == '\'';
        Entry& e = n.entries.emplace_back();
        flow_node(e.key, at, depth);
        if (!e.key.is_scalar() || e.key.is_null()) decline();  // the reader marks null keys not editable
        flow_skip(at, false);
        if (at.line[at.p] != ':') decline();  // `{a}`: an implicit null
        ++at.p;
        if (!quoted_key && !(at.p < at.line.size() && at.line[at.p] == ' ')) decline();
        flow_skip(at, false);
        if (at.line[at.p] == ',' || at.line[at.p] == close) decline();  // `{a: }`
        flow_node(e.value, at, depth);
      }
      flow_skip(at, true);
      if (at.line[at.p] == close) {
        ++at.p;
        span(n, begin, off(at.line, at.p));
        return;
      }
      if (at.line[at.p] != ',') decline();
      ++at.p;
      flow_skip(at, true);
      if (at.line[at.p] == ',') decline();  // an empty entry
      if (at.line[at.p] == close) {
        // A trailing comma ends the collection (Istio's templates write one
        // after the last annotation); it adds no entry.
        ++at.p;
        span(n, begin, off(at.line, at.p));
        return;
      }
    }
  }

  void flow_node(Node& n, FlowAt& at, int depth) {
    std::string_view line = at.line;
    std::size_t& p = at.p;
    char c = line[p];
    if (c == '[' || c == '{') return flow(n, at, depth + 1);
    if (c == '"' || c == '\'') return quoted(n, line, p);
    // `[?x]`, `[a?b]` and the like are valid YAML that yaml-cpp refuses:
    // leave them to it.
    if (!plain_start_ok(line, p) || c == '?' || c == ':') decline();
    if (c == '-' && !(p + 1 < line.size() && ((line[p + 1] >= '0' && line[p + 1] <= '9') || line[p + 1] == '.'))) decline();
    std::size_t e = p;
    while (e < line.size()) {
      char x = line[e];
      if (x == '?') decline();
      if (x == ',' || x == '[' || x == ']' || x == '{' || x == '}') break;
      if (x == ':' && (e + 1 >= line.size() || line[e + 1] == ' ' || line[e + 1] == ',' || line[e + 1] == ']' ||
                       line[e + 1] == '}' || line[e + 1] == '[' || line[e + 1] == '{'))
        break;
      if (x == '#' && line[e - 1] == ' ') decline();
      ++e;
    }
    std::string_view text = line.substr(p, e - p);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text.empty()) decline();
    plain(n, text);
    span(n, off(line, p), off(line, p) + text.size());
    p = e;
  }

  // A literal block scalar whose `|` is at p of line li.
  void literal(Node& s, std::size_t li, std::size_t p, int parent_indent) {
    std::string_view head = line_text(li);
    char chomp = 'c';
    std::size_t k = p + 1;
    if (k < head.size() && (head[k] == '-' || head[k] == '+')) chomp = head[k++];
    if (k < head.size() && head[k] != ' ') decline();  // an indentation indicator, or a glued comment
    expect_line_end(head, k);
    // Content lines: those indented at least as the first non-empty one.
    std::size_t i = li + 1;
    int n = -1;
    std::size_t first = i;
    while (first < lines_.size() && empty_line(first)) ++first;
    if (first < lines_.size() && !lines_[first].marker) n = lines_[first].indent;
    if (n <= parent_indent || n <= 0) {
      // Empty content (or a zero-indented top-level scalar, which yaml-cpp reads its own way).
      if (n <= 0 && parent_indent < 0 && first < lines_.size() && !lines_[first].marker) decline();
      if (chomp == '+' && first > i) decline();
      pos_ = next_content(li + 1);
      if (indent_of(pos_) > parent_indent) decline();
      s.kind = Kind::String;
      s.style = Style::Literal;
      span(s, off(head, p), sc_.block_scalar_end(off(head, p), parent_indent));
      return;
    }
    for (std::size_t j = i; j < first; ++j)
      if (lines_[j].end - lines_[j].begin > static_cast<std::size_t>(n)) decline();  // spaces past the indentation
    // Leading empty lines are part of the value, as line breaks.
    std::vector<std::string_view> body(first - i);
    std::size_t j = first;
    for (; j < lines_.size(); ++j) {
      if (empty_line(j)) {
        if (lines_[j].end - lines_[j].begin > static_cast<std::size_t>(n)) decline();
        body.emplace_back();
        continue;
      }
      if (lines_[j].marker || lines_[j].indent < n) break;
      body.push_back(line_text(j).substr(static_cast<std::size_t>(n)));
    }
    std::size_t trailing = 0;
    while (trailing < body.size() && body[body.size() - 1 - trailing].empty() && empty_line(i + body.size() - 1 - trailing))
      ++trailing;
    std::string& out = s.text;
    for (std::size_t b = 0; b + trailing < body.size(); ++b) {
      out.append(body[b]);
      // The text's last line may end without a line break, and then so
      // does the scalar.
      if (lines_[i + b].end < t_.size()) out += '\n';
    }
    if (chomp == '-' && !out.empty() && out.back() == '\n') out.pop_back();  // none after a last line without one
    if (chomp == '+') out.append(trailing, '\n');
    // The next content line ends the scalar: it must belong to an enclosing collection.
    pos_ = next_content(j);
    if (indent_of(pos_) > parent_indent) decline();
    s.kind = Kind::String;
    s.style = Style::Literal;
    span(s, off(head, p), sc_.block_scalar_end(off(head, p), parent_indent));
  }

  bool empty_line(std::size_t i) const {
    return lines_[i].begin + static_cast<std::size_t>(lines_[i].indent) == lines_[i].end;
  }

  // Source spans, as the reader's Builder gives them (reader.cpp).
  std::size_t off(std::string_view line, std::size_t p) const { return static_cast<std::size_t>(line.data() - t_.data()) + p; }
  void span(Node& n, std::size_t begin, std::size_t end) const {
    if (!spans_) return;
    n.has_span = true;
    n.span = {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
  }
  // An empty node (null) at slot.
  void empty_at(Node& n, std::size_t slot) const { span(n, slot, slot); }
  // A block collection spans from its first child to the end of its last.
  void collection_span(Node& n, std::size_t begin) const {
    if (!spans_) return;
    std::size_t end = 0;
    if (n.is_map() && !n.entries.empty()) end = std::max(n.entries.back().value.span.end, n.entries.back().key.span.end);
    if (n.is_seq() && !n.items.empty()) end = n.items.back().span.end;
    span(n, begin, end);
  }

  std::string_view t_;
  bool spans_;
  scan::Scanner sc_;
  std::vector<Line> lines_;
  std::size_t pos_ = 0;  // after a node: the next content line
  int depth_ = 0;
};

}  // namespace

namespace {

// Whether an ASCII byte of `text` is a control character other than LF, or
// DEL; `ascii` says whether every byte is ASCII. Eight bytes at a time: on
// 7-bit bytes, adding 0x60 sets the top bit exactly of those >= 0x20, and
// adding 0x7F after an XOR with c exactly of those != c, with no carry
// between bytes.
bool has_control(std::string_view text, bool& ascii) {
  constexpr std::uint64_t k01 = 0x0101010101010101ull, k80 = 0x8080808080808080ull, k7f = 0x7F7F7F7F7F7F7F7Full;
  std::uint64_t high = 0, bad = 0;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, text.data() + i, 8);
    high |= w;
    std::uint64_t w7 = w & k7f;
    std::uint64_t printable = (w7 + 0x60 * k01) & k80;
    std::uint64_t not_lf = ((w7 ^ (0x0A * k01)) + k7f) & k80;
    std::uint64_t del = ~((w7 ^ k7f) + k7f) & k80;
    bad |= ((~printable & not_lf) | del) & ~w;
  }
  for (; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    high |= c;
    if ((c < 0x20 && c != '\n') || c == 0x7F) bad = 1;
  }
  ascii = (high & k80) == 0;
  return bad != 0;
}

}  // namespace

std::optional<Node> read_simple_yaml(std::string_view text, bool spans) {
  // Control characters (tab, CR and NUL included; LF of course not) and DEL
  // are declined; non-ASCII text must be valid YAML text (UTF-8, no C1
  // control) with no byte order mark. The reader's yaml-cpp path judges
  // what is declined, and refuses what YAML forbids.
  bool ascii = true;
  if (has_control(text, ascii)) return std::nullopt;
  if (!ascii && (text.find("\xEF\xBB\xBF") != std::string_view::npos || first_invalid_char(text) != std::string_view::npos))
    return std::nullopt;
  try {
    return Reader(text, spans).document();
  } catch (const Declined&) {
    return std::nullopt;
  }
}

}  // namespace kinject
