#include "kinject/reader.h"

#include <algorithm>
#include <sstream>
#include <unordered_set>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include "kinject/error.h"

namespace kinject {

// ---------------------------------------------------------------- inputs

namespace {

bool manifest_extension(const std::string& name) {
  auto ends = [&](std::string_view suf) {
    return name.size() >= suf.size() && name.compare(name.size() - suf.size(), suf.size(), suf) == 0;
  };
  return ends(".yaml") || ends(".yml") || ends(".json");
}

void walk(const std::string& dir, bool recursive, const Disk& disk, std::vector<Input>& out) {
  auto names = disk.list(dir);
  std::sort(names.begin(), names.end());
  for (auto& name : names) {
    std::string path = dir == "/" ? "/" + name : dir + "/" + name;
    PathKind kind = disk.stat(path);
    if (kind == PathKind::Directory) {
      if (recursive) walk(path, recursive, disk, out);
    } else if (kind == PathKind::File && manifest_extension(name)) {
      out.push_back(Input{path, path});
    }
  }
}

}  // namespace

std::vector<Input> collect_inputs(const std::vector<std::string>& args, bool recursive, const Disk& disk) {
  std::vector<Input> out;
  if (args.empty()) {
    out.push_back(Input{"-", ""});
    return out;
  }
  for (const auto& arg : args) {
    if (arg == "-") {
      out.push_back(Input{"-", ""});
      continue;
    }
    std::string path = arg;
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    switch (disk.stat(path)) {
      case PathKind::Missing:
        throw Error(Location{arg}, "no such file or directory");
      case PathKind::Directory: {
        std::size_t before = out.size();
        walk(path, recursive, disk, out);
        if (out.size() == before)
          throw Error(Location{arg}, recursive ? "directory holds no .yaml, .yml or .json files"
                                               : "directory holds no .yaml, .yml or .json files (use -R to read its subdirectories)");
        break;
      }
      default:
        out.push_back(Input{arg, path});
    }
  }
  return out;
}

// ---------------------------------------------------------------- splitting

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// `---` or `...` at column 0 followed by whitespace or the end of the line.
bool is_marker(std::string_view line, char c) {
  if (line.size() < 3 || line[0] != c || line[1] != c || line[2] != c) return false;
  return line.size() == 3 || is_ws(line[3]);
}

// A line that holds no YAML content: blank, a comment, or a directive.
bool is_non_content(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i == line.size() || line[i] == '\r' || line[i] == '\n' || line[i] == '#') return true;
  return i == 0 && line[0] == '%';
}

// True if what follows a `---` on its line is content (e.g. `--- !!map` or
// `--- {a: 1}`), not just a comment.
bool content_after_marker(std::string_view line) {
  std::size_t i = 3;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  return i < line.size() && line[i] != '\r' && line[i] != '\n' && line[i] != '#';
}

}  // namespace

DocumentStream::DocumentStream(std::istream& in, std::string name, Limits limits)
    : in_(in), name_(std::move(name)), limits_(limits) {}

bool DocumentStream::read_line(std::string& line) {
  line.clear();
  if (!head_.empty()) {
    auto nl = head_.find('\n');
    if (nl != std::string::npos) {
      line = head_.substr(0, nl + 1);
      head_.erase(0, nl + 1);
      ++line_no_;
      return true;
    }
    line = std::move(head_);
    head_.clear();
  }
  std::string rest;
  bool got = static_cast<bool>(std::getline(in_, rest));
  if (in_.bad()) throw Error(Location{name_}, "read error");
  if (!got && line.empty()) return false;
  line += rest;
  if (got && !in_.eof()) line.push_back('\n');
  ++line_no_;
  return true;
}

std::optional<RawDocument> DocumentStream::next() {
  if (!started_) {
    started_ = true;
    // Concatenated JSON texts are cut by bracket matching instead of lines;
    // the first character that is not blank tells which kind of stream this is.
    int c;
    while ((c = in_.peek()) != EOF && is_ws(static_cast<char>(c))) head_.push_back(static_cast<char>(in_.get()));
    if (c == '{' || c == '[') {
      json_mode_ = true;
      std::ostringstream rest;
      rest << in_.rdbuf();
      if (in_.bad()) throw Error(Location{name_}, "read error");
      json_text_ = std::move(head_) + rest.str();
      head_.clear();
    }
  }
  if (json_mode_) return next_json();

  RawDocument doc;
  doc.index = index_ + 1;
  bool has_marker = false, has_content = false, any = false;
  std::string line;
  for (;;) {
    int this_line;
    if (has_pending_) {
      line = std::move(pending_);
      has_pending_ = false;
      this_line = pending_line_no_;
    } else {
      this_line = line_no_;
      if (!read_line(line)) break;
    }
    std::string_view view = line;
    if (doc.index == 1 && !any && view.substr(0, 3) == kBom) {
      doc.bom = true;
      view.remove_prefix(3);
    }
    bool end_here = false;
    if (is_marker(view, '-')) {
      if (has_marker || has_content) {
        pending_ = std::move(line);
        pending_line_no_ = this_line;
        has_pending_ = true;
        break;
      }
      has_marker = true;
      if (content_after_marker(view)) has_content = true;
    } else if (is_marker(view, '.')) {
      end_here = true;
    } else if (!is_non_content(view)) {
      has_content = true;
    }
    if (!any) doc.first_line = this_line;
    doc.text += line;
    any = true;
    if (doc.text.size() > limits_.max_document_bytes)
      throw Error(Location{name_, doc.index, doc.first_line, 1},
                  fmt::format("document is larger than {} MiB; raise the limit with --max-document-size",
                              limits_.max_document_bytes >> 20));
    if (end_here) break;
  }
  if (!any) return std::nullopt;
  ++index_;
  return doc;
}

std::optional<RawDocument> DocumentStream::next_json() {
  if (json_pos_ >= json_text_.size()) return std::nullopt;
  std::string_view s = json_text_;
  std::size_t i = json_pos_;
  while (i < s.size() && is_ws(s[i])) ++i;
  if (i >= s.size()) {
    // Trailing blanks belong to the previous document; with none, emit them
    // as an empty document so the bytes survive.
    RawDocument doc;
    doc.index = ++index_;
    doc.text = std::string(s.substr(json_pos_));
    doc.first_line = json_line_;
    json_pos_ = s.size();
    return doc;
  }
  std::size_t end;
  if (s[i] == '{' || s[i] == '[') {
    int depth = 0;
    std::size_t k = i;
    for (; k < s.size(); ++k) {
      char c = s[k];
      if (c == '"') {
        for (++k; k < s.size() && s[k] != '"'; ++k)
          if (s[k] == '\\') ++k;
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        if (--depth == 0) break;
      }
    }
    end = k < s.size() ? k + 1 : s.size();
    // Take the rest of the line if it is blank.
    std::size_t j = end;
    while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r')) ++j;
    if (j < s.size() && s[j] == '\n') end = j + 1;
    // The last document also takes trailing blanks.
    std::size_t t = end;
    while (t < s.size() && is_ws(s[t])) ++t;
    if (t == s.size()) end = s.size();
  } else {
    // Not JSON after all (e.g. a `---` after a flow document): the rest is
    // one YAML chunk; the parser reports what is wrong with it.
    end = s.size();
  }
  RawDocument doc;
  doc.index = ++index_;
  doc.text = std::string(s.substr(json_pos_, end - json_pos_));
  doc.first_line = json_line_;
  json_line_ += static_cast<int>(std::count(doc.text.begin(), doc.text.end(), '\n'));
  json_pos_ = end;
  if (doc.text.size() > limits_.max_document_bytes)
    throw Error(Location{name_, doc.index, doc.first_line, 1},
                fmt::format("document is larger than {} MiB; raise the limit with --max-document-size",
                            limits_.max_document_bytes >> 20));
  return doc;
}

// ---------------------------------------------------------------- parsing

namespace {

// Scans the source text to find where nodes end. yaml-cpp reports only where
// a node starts; the end of a scalar is found by scanning it, the end of a
// collection is the end of its last child (block) or its closing bracket
// (flow). Everything here runs on text yaml-cpp has already accepted.
class Scanner {
 public:
  explicit Scanner(std::string_view t) : t_(t) {}

  std::size_t size() const { return t_.size(); }
  char at(std::size_t i) const { return i < t_.size() ? t_[i] : '\0'; }

  int column(std::size_t pos) const {
    std::size_t ls = line_start(pos);
    return static_cast<int>(pos - ls);
  }
  std::size_t line_start(std::size_t pos) const {
    if (pos == 0) return 0;
    auto nl = t_.rfind('\n', pos - 1);
    return nl == std::string_view::npos ? 0 : nl + 1;
  }
  std::size_t line_end(std::size_t pos) const {  // position of '\n' (or size)
    auto nl = t_.find('\n', pos);
    return nl == std::string_view::npos ? t_.size() : nl;
  }

  static bool flow_indicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }
  static bool blank(char c) { return c == ' ' || c == '\t'; }
  static bool space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

  // Skips spaces, line breaks and comments.
  std::size_t skip_space(std::size_t p) const {
    while (p < t_.size()) {
      char c = t_[p];
      if (space(c)) {
        ++p;
      } else if (c == '#' && (p == 0 || space(t_[p - 1]))) {
        p = line_end(p);
      } else {
        break;
      }
    }
    return p;
  }

  // Skips node properties (&anchor, !tag) and the space after them.
  std::size_t skip_properties(std::size_t p, bool flow) const {
    for (;;) {
      char c = at(p);
      if (c != '&' && c != '!') return p;
      if (c == '!' && at(p + 1) == '<') {
        auto close = t_.find('>', p);
        p = close == std::string_view::npos ? t_.size() : close + 1;
      } else {
        while (p < t_.size() && !space(t_[p]) && !(flow && flow_indicator(t_[p]))) ++p;
      }
      p = skip_space(p);
    }
  }

  std::string anchor_name(std::size_t p, bool flow) const {
    // p points at the node start; find '&' among the properties.
    for (;;) {
      char c = at(p);
      if (c != '&' && c != '!') return {};
      std::size_t s = p;
      while (p < t_.size() && !space(t_[p]) && !(flow && flow_indicator(t_[p]))) ++p;
      if (c == '&') return std::string(t_.substr(s + 1, p - s - 1));
      p = skip_space(p);
    }
  }

  std::size_t token_end(std::size_t p, bool flow) const {
    while (p < t_.size() && !space(t_[p]) && !(flow && flow_indicator(t_[p]))) ++p;
    return p;
  }

  std::size_t quoted_end(std::size_t p) const {  // p at the opening quote
    char q = t_[p];
    for (std::size_t k = p + 1; k < t_.size(); ++k) {
      if (q == '"' && t_[k] == '\\') {
        ++k;
      } else if (t_[k] == q) {
        if (q == '\'' && k + 1 < t_.size() && t_[k + 1] == '\'') {
          ++k;
        } else {
          return k + 1;
        }
      }
    }
    return t_.size();
  }

  // End of a plain scalar's text on one line, before a comment or line end
  // (and, in flow context, before a flow indicator or ': ').
  std::size_t plain_line_end(std::size_t p, bool flow, bool key) const {
    std::size_t end = p;
    std::size_t k = p;
    while (k < t_.size()) {
      char c = t_[k];
      if (c == '\n' || c == '\r') break;
      if (c == '#' && k > p && blank(t_[k - 1])) break;
      if (c == ':' && (k + 1 >= t_.size() || space(t_[k + 1]) || (flow && flow_indicator(t_[k + 1])))) {
        if (key || flow) break;
      }
      if (flow && flow_indicator(c)) break;
      ++k;
      if (!blank(c)) end = k;
    }
    return end;
  }

  // The end of a plain scalar that starts at p. `indent` is the indentation
  // of the enclosing block collection (-1 at top level): continuation lines
  // must be more indented than that.
  std::size_t plain_end(std::size_t p, bool flow, bool key, int indent) const {
    std::size_t end = plain_line_end(p, flow, key);
    if (key) return end;
    std::size_t k = line_end(end);
    if (flow) {
      // Flow plain scalars continue onto following lines until an indicator.
      if (at(end) == '\r' || at(end) == '\n' || end == k) {
        for (;;) {
          std::size_t q = k + 1;
          if (k >= t_.size()) break;
          while (q < t_.size() && (blank(t_[q]) || t_[q] == '\r' || t_[q] == '\n')) ++q;
          if (q >= t_.size() || flow_indicator(t_[q]) || t_[q] == '#' ||
              (t_[q] == ':' && (q + 1 >= t_.size() || space(t_[q + 1]) || flow_indicator(t_[q + 1]))))
            break;
          std::size_t e = plain_line_end(q, flow, false);
          if (e == q) break;
          end = e;
          k = line_end(end);
          if (end != k && !(at(end) == '\r')) break;
        }
      }
      return end;
    }
    // Block context: the scalar ended at a comment or line end. A comment
    // ends it for good.
    std::size_t after = end;
    while (after < k && blank(t_[after])) ++after;
    if (after < k && t_[after] == '#') return end;
    while (k < t_.size()) {
      std::size_t ls = k + 1;
      std::size_t q = ls;
      while (q < t_.size() && t_[q] == ' ') ++q;
      std::size_t le = line_end(ls);
      std::size_t r = q;
      while (r < le && (blank(t_[r]) || t_[r] == '\r')) ++r;
      if (r == le) {  // blank line: may be inside the scalar
        if (le >= t_.size()) break;
        k = le;
        continue;
      }
      int col = static_cast<int>(q - ls);
      if (col <= indent) break;
      if (t_[r] == '#') break;
      if (col == 0 && (is_marker(t_.substr(ls), '-') || is_marker(t_.substr(ls), '.'))) break;
      std::size_t e = plain_line_end(r, false, false);
      if (e == r) break;
      end = e;
      std::size_t a2 = end;
      k = line_end(end);
      while (a2 < k && blank(t_[a2])) ++a2;
      if (a2 < k && t_[a2] == '#') break;
    }
    return end;
  }

  // The end of a block scalar whose indicator is at p. `indent` is the
  // indentation of the parent node.
  std::size_t block_scalar_end(std::size_t p, int indent) const {
    std::size_t k = p + 1;
    int explicit_indent = 0;
    bool keep = false;
    while (k < t_.size() && (t_[k] == '+' || t_[k] == '-' || (t_[k] >= '1' && t_[k] <= '9'))) {
      if (t_[k] == '+') keep = true;
      if (t_[k] >= '1' && t_[k] <= '9') explicit_indent = t_[k] - '0';
      ++k;
    }
    std::size_t header_end = k;
    std::size_t nl = line_end(k);
    int content_indent = explicit_indent ? std::max(indent, 0) + explicit_indent : -1;
    if (explicit_indent && indent < 0) content_indent = explicit_indent;
    std::size_t end = header_end;
    std::size_t last_blank_end = header_end;
    while (nl < t_.size()) {
      std::size_t ls = nl + 1;
      std::size_t q = ls;
      while (q < t_.size() && t_[q] == ' ') ++q;
      std::size_t le = line_end(ls);
      std::size_t r = q;
      while (r < le && t_[r] == '\r') ++r;
      int col = static_cast<int>(q - ls);
      if (r == le && (q == le || t_[q] == '\r' || t_[q] == '\n')) {  // empty line
        if (le >= t_.size()) {
          last_blank_end = le;
          break;
        }
        last_blank_end = le;
        nl = le;
        continue;
      }
      if (content_indent < 0) {
        if (col <= indent) break;
        content_indent = col;
      }
      if (col < content_indent) break;
      end = le;
      if (end > ls && t_[end - 1] == '\r') --end;
      nl = le;
    }
    if (keep && last_blank_end > end) {
      // Trailing empty lines are content under keep chomping; stop before the
      // final line break so the node still ends on its own line.
      end = last_blank_end;
      std::size_t ls = line_start(end);
      if (ls > 0 && ls <= end) end = ls - 1;
      if (end > 0 && t_[end - 1] == '\r') --end;
    }
    return end;
  }

 private:
  std::string_view t_;

 public:
  std::string_view slice(std::size_t a, std::size_t b) const {
    a = std::min(a, t_.size());
    b = std::min(std::max(a, b), t_.size());
    return t_.substr(a, b - a);
  }
  std::size_t skip_inline(std::size_t p) const {
    while (p < t_.size() && blank(t_[p])) ++p;
    return p;
  }
};

bool is_null_literal(std::string_view s) { return s == "~" || s == "null" || s == "Null" || s == "NULL"; }

// Folds the lines of a plain multi-line scalar the way YAML does, to check a
// scanned span against the value yaml-cpp produced.
std::string fold_plain(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  int pending_breaks = 0;
  bool first = true;
  while (i <= text.size()) {
    std::size_t nl = text.find('\n', i);
    std::string_view line = text.substr(i, nl == std::string_view::npos ? std::string_view::npos : nl - i);
    std::size_t a = 0, b = line.size();
    while (a < b && (line[a] == ' ' || line[a] == '\t')) ++a;
    while (b > a && (line[b - 1] == ' ' || line[b - 1] == '\t' || line[b - 1] == '\r')) --b;
    line = line.substr(a, b - a);
    if (line.empty()) {
      ++pending_breaks;
    } else {
      if (!first) {
        if (pending_breaks == 0) out.push_back(' ');
        else out.append(static_cast<std::size_t>(pending_breaks), '\n');
      }
      out.append(line);
      first = false;
      pending_breaks = 0;
    }
    if (nl == std::string_view::npos) break;
    i = nl + 1;
  }
  return out;
}

struct Frame {
  Node node;
  bool flow = false;
  int indent = -1;              // column of keys / dashes (block)
  bool have_key = false;        // map: a key was read, its value is next
  Node key;
  std::unordered_set<std::string> seen;  // map keys, for duplicate detection
  bool merge = false;           // has a `<<` merge key
  std::size_t open = 0;         // flow: position of the opening bracket
};

struct Anchor {
  std::string name;
  Node node;
  std::size_t nodes = 0;
  bool complete = false;
};

class Builder : public YAML::EventHandler {
 public:
  Builder(std::string_view text, const Limits& limits, Document& doc) : sc_(text), limits_(limits), doc_(doc) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    // yaml-cpp reports an empty node at the position of the *next* token,
    // and an explicit null (`~`, `null`) at its own position. Tell them
    // apart by what follows the key's ':' or the item's '-'.
    bool flow = in_flow();
    std::size_t pos = mark.pos;
    std::size_t body = sc_.skip_properties(pos, flow);
    std::size_t tok_end = sc_.token_end(body, flow);
    bool literal = is_null_literal(sc_.slice(body, tok_end)) && sc_.at(sc_.skip_inline(tok_end)) != ':';
    bool props = sc_.at(pos) == '&' || sc_.at(pos) == '!';
    std::size_t slot = pos;  // where the node's (possibly empty) text is
    bool known = true;
    if (!stack_.empty() && stack_.back().node.is_map()) {
      Frame& f = stack_.back();
      if (f.have_key && f.key.has_span) {
        slot = after_colon(f.key.span.end, flow);
      } else {
        known = false;  // an empty key
      }
    } else if (!stack_.empty() && !flow) {
      const Node& seq = stack_.back().node;
      std::size_t from = seq.items.empty() ? seq.span.begin : seq.items.back().span.end;
      std::size_t d = sc_.skip_space(from);
      if (sc_.at(d) == '-') slot = d + 1;
      else known = false;
    }
    Node n = Node::null();
    n.has_span = true;
    if (sc_.skip_space(slot) == pos && (literal || props)) {
      std::size_t end = literal ? tok_end : sc_.token_end(pos, flow);
      n.span = {static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(end)};
      if (literal) {
        n.text = std::string(sc_.slice(body, tok_end));
        n.style = Style::Plain;
      }
    } else {
      n.span = {static_cast<std::uint32_t>(slot), static_cast<std::uint32_t>(slot)};
    }
    if (!known) doc_.editable = false;
    if (anchor) n.anchor = sc_.anchor_name(pos, flow);
    finish(std::move(n), anchor, 1);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (anchor == 0 || anchor > anchors_.size() || !anchors_[anchor - 1].complete)
      throw Error(where(mark), "alias refers to an anchor that is not defined before it (or to its own enclosing node)");
    const Anchor& a = anchors_[anchor - 1];
    count(a.nodes, mark);
    Node n = a.node;
    n.is_alias = true;
    n.anchor = a.name;
    std::size_t e = sc_.token_end(mark.pos, in_flow());
    n.span = {static_cast<std::uint32_t>(mark.pos), static_cast<std::uint32_t>(e)};
    n.has_span = true;
    finish(std::move(n), 0, 0);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    bool flow = in_flow();
    bool is_key = !stack_.empty() && stack_.back().node.is_map() && !stack_.back().have_key;
    std::size_t pos = mark.pos;
    std::size_t body = sc_.skip_properties(pos, flow);
    char c = sc_.at(body);
    Node n;
    n.text = value;
    int indent = parent_indent();
    std::size_t end;
    if (c == '"' || c == '\'') {
      n.style = c == '"' ? Style::Double : Style::Single;
      end = sc_.quoted_end(body);
    } else if ((c == '|' || c == '>') && tag == "!") {
      n.style = c == '|' ? Style::Literal : Style::Folded;
      end = sc_.block_scalar_end(body, indent);
    } else {
      n.style = Style::Plain;
      end = sc_.plain_end(body, flow, is_key, indent);
      std::string_view scanned = sc_.slice(body, end);
      if (scanned != value && fold_plain(scanned) != value) doc_.editable = false;
      if (tag == "!") doc_.editable = false;  // non-plain without a quote or block indicator?
    }
    n.span = {static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(end)};
    n.has_span = true;
    if (anchor) n.anchor = sc_.anchor_name(pos, flow);
    resolve(n, tag, value);
    finish(std::move(n), anchor, 1);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    open(mark, tag, anchor, style, Kind::Seq);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    open(mark, tag, anchor, style, Kind::Map);
  }
  void OnMapEnd() override { close(); }

  Node take_root() { return std::move(root_); }
  bool has_root() const { return have_root_; }

 private:
  bool in_flow() const { return !stack_.empty() && stack_.back().flow; }

  int parent_indent() const {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
      if (!it->flow) return it->indent;
    return -1;
  }

  Location where(const YAML::Mark& mark) const {
    return Location{doc_.file, doc_.raw.index, doc_.raw.first_line + mark.line, mark.column + 1};
  }

  void count(std::size_t n, const YAML::Mark& mark) {
    nodes_ += n;
    if (nodes_ > limits_.max_nodes)
      throw Error(where(mark), fmt::format("document expands to more than {} nodes (alias expansion?); "
                                           "raise the limit with --max-nodes if it is genuine",
                                           limits_.max_nodes));
  }

  std::size_t after_colon(std::size_t key_end, bool flow) const {
    std::size_t p = key_end;
    while (p < sc_.size() && (Scanner::blank(sc_.at(p)) || (flow && Scanner::space(sc_.at(p))))) ++p;
    if (sc_.at(p) == ':') return p + 1;
    return key_end;
  }

  void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, YAML::EmitterStyle::value style,
            Kind kind) {
    if (static_cast<int>(stack_.size()) >= limits_.max_depth)
      throw Error(where(mark), fmt::format("nesting is deeper than {} levels; raise the limit with --max-depth if "
                                           "this document is genuine",
                                           limits_.max_depth));
    count(1, mark);
    bool parent_flow = in_flow();
    Frame f;
    f.node.kind = kind;
    f.flow = style == YAML::EmitterStyle::Flow || parent_flow;
    f.node.style = style == YAML::EmitterStyle::Flow ? Style::Flow : Style::Block;
    f.node.span.begin = static_cast<std::uint32_t>(mark.pos);
    f.node.has_span = true;
    if (tag != "?" && tag != "!" && !tag.empty()) f.node.tag = tag;
    if (anchor) f.node.anchor = sc_.anchor_name(mark.pos, parent_flow);
    std::size_t body = sc_.skip_properties(mark.pos, parent_flow);
    if (f.node.style == Style::Flow) {
      f.open = body;
      if (sc_.at(body) != (kind == Kind::Map ? '{' : '[')) doc_.editable = false;
    } else {
      f.indent = sc_.column(body);
      if (kind == Kind::Seq && sc_.at(body) != '-') doc_.editable = false;
      if (kind == Kind::Map && sc_.at(body) == '?') doc_.editable = false;
    }
    anchor_ids_.push_back(anchor);
    stack_.push_back(std::move(f));
  }

  void close() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    YAML::anchor_t anchor = anchor_ids_.back();
    anchor_ids_.pop_back();
    Node& n = f.node;
    std::size_t last = 0;
    if (n.is_map() && !n.entries.empty()) last = std::max(n.entries.back().value.span.end, n.entries.back().key.span.end);
    if (n.is_seq() && !n.items.empty()) last = n.items.back().span.end;
    if (n.style == Style::Flow) {
      std::size_t p = std::max<std::size_t>(last, f.open + 1);
      for (;;) {
        p = sc_.skip_space(p);
        if (sc_.at(p) == ',') {
          ++p;
          continue;
        }
        break;
      }
      char want = n.is_map() ? '}' : ']';
      if (sc_.at(p) == want) {
        n.span.end = static_cast<std::uint32_t>(p + 1);
      } else {
        n.span.end = static_cast<std::uint32_t>(p);
        doc_.editable = false;
      }
    } else {
      n.span.end = static_cast<std::uint32_t>(last);
      if (last == 0) doc_.editable = false;
    }
    if (f.merge) apply_merge(n);
    finish(std::move(n), anchor, 0);
  }

  // YAML merge keys (`<<: *base`), which Kubernetes' go-yaml honours: the
  // merged keys become part of the map unless the map sets them itself.
  void apply_merge(Node& n) {
    doc_.editable = false;
    std::vector<Entry> own;
    std::vector<const Node*> sources;
    for (auto& e : n.entries) {
      if (e.key.style == Style::Plain && e.key.text == "<<") {
        if (e.value.is_map()) sources.push_back(&e.value);
        else if (e.value.is_seq())
          for (auto& it : e.value.items)
            if (it.is_map()) sources.push_back(&it);
      } else {
        own.push_back(e);
      }
    }
    std::vector<Entry> merged = own;
    for (const Node* src : sources)
      for (const auto& e : src->entries) {
        bool present = false;
        for (auto& m : merged)
          if (m.key.same_value(e.key)) present = true;
        if (!present) merged.push_back(e);
      }
    n.entries = std::move(merged);
  }

  // Attaches a completed node to its parent (or makes it the root).
  void finish(Node n, YAML::anchor_t anchor, std::size_t weight) {
    if (weight) count(weight, YAML::Mark());
    if (anchor) {
      if (anchors_.size() < anchor) anchors_.resize(anchor);
      Anchor& a = anchors_[anchor - 1];
      a.name = n.anchor;
      a.node = n;
      a.nodes = subtree_size(n);
      a.complete = true;
    }
    if (stack_.empty()) {
      root_ = std::move(n);
      have_root_ = true;
      return;
    }
    Frame& f = stack_.back();
    if (f.node.is_seq()) {
      f.node.items.push_back(std::move(n));
    } else if (!f.have_key) {
      f.key = std::move(n);
      f.have_key = true;
    } else {
      if (f.key.is_scalar()) {
        if (f.key.style == Style::Plain && f.key.text == "<<") f.merge = true;
        if (!f.seen.insert(f.key.text).second) {
          doc_.warnings.push_back(fmt::format(
              "line {}: key \"{}\" appears more than once in the same mapping; the last one is used, as kubectl does",
              doc_.raw.first_line + line_of(f.key.span.begin), f.key.text));
        }
      } else {
        doc_.editable = false;  // complex keys
      }
      f.node.entries.push_back(Entry{std::move(f.key), std::move(n)});
      f.key = Node();
      f.have_key = false;
    }
  }

  int line_of(std::size_t pos) const {
    int line = 0;
    std::string_view t = sc_.slice(0, std::min(pos, sc_.size()));
    for (char c : t)
      if (c == '\n') ++line;
    return line;
  }

  static std::size_t subtree_size(const Node& n) {
    std::size_t s = 1;
    for (auto& it : n.items) s += subtree_size(it);
    for (auto& e : n.entries) s += subtree_size(e.key) + subtree_size(e.value);
    return s;
  }

  void resolve(Node& n, const std::string& tag, const std::string& value) {
    if (tag == "?") {
      Node r = Node::plain(value);
      n.kind = r.kind;
      n.b = r.b;
      n.i = r.i;
      n.f = r.f;
      return;
    }
    if (tag == "!" || tag.empty()) {
      n.kind = Kind::String;
      return;
    }
    n.tag = tag;
    static constexpr std::string_view core = "tag:yaml.org,2002:";
    std::string_view t = tag;
    if (t.substr(0, core.size()) == core) {
      std::string_view name = t.substr(core.size());
      if (name == "int" || name == "float" || name == "bool" || name == "null") {
        Node r = Node::plain(value);
        bool ok = (name == "int" && r.kind == Kind::Int) || (name == "float" && (r.kind == Kind::Float || r.kind == Kind::Int)) ||
                  (name == "bool" && r.kind == Kind::Bool) || (name == "null" && r.kind == Kind::Null);
        if (ok) {
          n.kind = name == "float" ? Kind::Float : r.kind;
          n.b = r.b;
          n.i = r.i;
          n.f = r.kind == Kind::Int ? static_cast<double>(r.i) : r.f;
          return;
        }
      }
      n.kind = Kind::String;
      return;
    }
    // Application tags: the value is read by its style.
    if (n.style == Style::Plain) {
      Node r = Node::plain(value);
      n.kind = r.kind;
      n.b = r.b;
      n.i = r.i;
      n.f = r.f;
    } else {
      n.kind = Kind::String;
    }
  }

  Scanner sc_;
  const Limits& limits_;
  Document& doc_;
  std::vector<Frame> stack_;
  std::vector<YAML::anchor_t> anchor_ids_;
  std::vector<Anchor> anchors_;
  std::size_t nodes_ = 0;
  Node root_;
  bool have_root_ = false;
};

// Shifts every span of a tree by `delta` bytes.
void shift_spans(Node& n, std::uint32_t delta) {
  if (!n.has_span) return;
  n.span.begin += delta;
  n.span.end += delta;
  if (n.is_alias) return;  // children point into the anchor; shifted with it
  for (auto& it : n.items) shift_spans(it, delta);
  for (auto& e : n.entries) {
    shift_spans(e.key, delta);
    shift_spans(e.value, delta);
  }
}

std::string friendly(std::string msg) {
  // yaml-cpp's messages are terse; add what a person can act on.
  if (msg == "end of map not found" || msg == "end of sequence not found")
    return msg + " (check the indentation of the lines that follow)";
  if (msg == "illegal map value") return "a ':' where no mapping value is allowed (check indentation, or quote the value)";
  if (msg == "bad file") return "nesting too deep or unreadable input";
  return msg;
}

}  // namespace

Document parse_document(RawDocument raw, const std::string& file, const Limits& limits) {
  Document doc;
  doc.file = file;
  doc.raw = std::move(raw);
  std::string_view text = doc.raw.text;
  std::size_t offset = 0;
  if (doc.raw.bom && text.substr(0, 3) == kBom) offset = 3;
  doc.crlf = text.find("\r\n") != std::string_view::npos;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\0') {
      int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(i), '\n'));
      throw Error(Location{file, doc.raw.index, doc.raw.first_line + line - 1, 1},
                  "the document contains a NUL byte; manifests must be UTF-8 text");
    }
  }
  std::string body(text.substr(offset));
  std::istringstream in(body);
  Builder builder(body, limits, doc);
  try {
    YAML::Parser parser(in);
    if (parser.HandleNextDocument(builder)) {
      if (builder.has_root()) {
        doc.root = builder.take_root();
        doc.empty = doc.root.is_null();
        if (offset) shift_spans(doc.root, static_cast<std::uint32_t>(offset));
      }
      Builder extra(body, limits, doc);
      if (parser.HandleNextDocument(extra) && extra.has_root())
        throw Error(Location{file, doc.raw.index, doc.raw.first_line, 1},
                    "more than one YAML document without a '---' separator between them");
    }
  } catch (const YAML::DeepRecursion& e) {
    throw Error(Location{file, doc.raw.index, doc.raw.first_line + e.mark.line, e.mark.column + 1},
                "nesting is too deep for the YAML parser (over 500 levels)");
  } catch (const YAML::Exception& e) {
    int line = e.mark.is_null() ? doc.raw.first_line : doc.raw.first_line + e.mark.line;
    int col = e.mark.is_null() ? 1 : e.mark.column + 1;
    throw Error(Location{file, doc.raw.index, line, col}, "invalid YAML: " + friendly(e.msg));
  }
  // JSON: a flow document whose keys are double-quoted.
  doc.json = !doc.empty && doc.root.style == Style::Flow &&
             (doc.root.is_seq() || doc.root.entries.empty() || doc.root.entries.front().key.style == Style::Double);
  return doc;
}

Node parse_yaml(std::string_view text, const std::string& what, const Limits& limits) {
  auto docs = read_all(text, what, limits);
  const Document* found = nullptr;
  for (const auto& d : docs) {
    if (d.empty) continue;
    if (found) throw Error(Location{what, d.raw.index, d.raw.first_line, 1}, "expected a single YAML document");
    found = &d;
  }
  return found ? found->root : Node::null();
}

std::vector<Document> read_all(std::string_view text, const std::string& name, const Limits& limits) {
  std::istringstream in{std::string(text)};
  DocumentStream stream(in, name, limits);
  std::vector<Document> out;
  while (auto raw = stream.next()) out.push_back(parse_document(std::move(*raw), name, limits));
  return out;
}

}  // namespace kinject
