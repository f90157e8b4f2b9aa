#include "kinject/yaml/parse.h"

#include <algorithm>
#include <cstring>
#include <sstream>
#include <unordered_set>

#include <fmt/format.h>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include "kinject/base/error.h"
#include "kinject/base/utf8.h"
#include "kinject/yaml/simple_yaml.h"
#include "kinject/yaml/source_text.h"
#include "kinject/yaml/template_syntax.h"
#include "lines.h"
#include "scanner.h"

namespace kinject {

using lines::is_marker;
using scan::Scanner;

namespace {

// YAML forbids a key twice in one mapping, and so do kustomize and go-yaml
// v3; go-yaml v2 (kubectl's client side) keeps the last one, so what the
// cluster gets depends on the tool. kinject refuses it rather than guess.
// Keys compare by their text, as go-yaml v3 compares them. Null keys are
// left alone: the YAML test suite has two empty keys in one valid mapping
// (2JQS), and no Kubernetes object has one.
std::string repeated_key_message(const std::string& key) {
  return fmt::format("key \"{}\" appears more than once in the same mapping; YAML forbids it, kustomize refuses it, "
                     "and other tools keep one or the other: remove the one that is wrong",
                     key);
}

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
  static bool merge_key(const Node& key) { return key.style == Style::Plain && key.text == "<<"; }
  std::size_t open = 0;         // flow: position of the opening bracket
};

struct Anchor {
  std::string name;
  Node node;
  std::size_t nodes = 0;
  bool complete = false;
};

// yaml-cpp decodes the escapes \N and \_ (NEL, no-break space) to the single
// bytes 0x85 and 0xA0, which are not UTF-8; every other byte of a scalar is
// valid UTF-8, since the document was checked first (first_invalid_char).
// Each such byte becomes its two-byte UTF-8 form, as the fast reader and
// go-yaml decode them.
std::string utf8_escapes(std::string_view value) {
  std::string out;
  out.reserve(value.size() + 8);
  for (std::size_t i = 0; i < value.size();) {
    utf8::Rune r = utf8::decode(value, i);
    if (r.valid) {
      out.append(value, i, r.width);
      i += r.width;
    } else {
      out += '\xC2';
      out += value[i];
      ++i;
    }
  }
  return out;
}

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
        // yaml-cpp reads a block-map line without a ':' (`top2` after
        // `top1:\n  key1: v`) as a key with a null value; YAML does not.
        if (slot == f.key.span.end && !flow && f.key.is_scalar() && !f.key.is_null() && !f.key.is_alias &&
            !explicit_key(f.key.span.begin))
          throw Error(where_offset(f.key.span.begin), "this line has no ':' after its key; add it, or indent the "
                                                      "line to continue the value above");
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
    if (anchor) n.set_anchor(sc_.anchor_name(pos, flow));
    finish(std::move(n), anchor, 1);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (anchor == 0 || anchor > anchors_.size() || !anchors_[anchor - 1].complete)
      throw Error(where(mark), "alias refers to an anchor that is not defined before it (or to its own enclosing node)");
    const Anchor& a = anchors_[anchor - 1];
    count(a.nodes, mark);
    // A billion-laughs document is small but expands without bound; cap what
    // aliases add (kubectl's YAML library rejects "excessive aliasing" too).
    alias_nodes_ += a.nodes;
    if (alias_nodes_ > limits_.max_alias_nodes)
      throw Error(where(mark), fmt::format("aliases expand to more than {} nodes (a \"billion laughs\" document?); "
                                           "raise the limit with --max-alias-nodes if it is genuine",
                                           limits_.max_alias_nodes));
    Node n = a.node;
    n.is_alias = true;
    n.set_anchor(a.name);
    std::size_t e = sc_.token_end(mark.pos, in_flow());
    n.span = {static_cast<std::uint32_t>(mark.pos), static_cast<std::uint32_t>(e)};
    n.has_span = true;
    finish(std::move(n), 0, 0);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    check_tag(mark, tag);
    if (value.size() > limits_.max_scalar_bytes)
      throw Error(where(mark), fmt::format("a scalar is larger than {}; raise the limit with --max-scalar-size",
                                           format_size(limits_.max_scalar_bytes)));
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
      // yaml-cpp accepts a quoted scalar that runs to the end of the
      // document; a forgotten quote must not swallow the rest of a manifest.
      if (end == std::string_view::npos)
        throw Error(where(mark), fmt::format("this {}-quoted string is never closed; add the closing {}",
                                             c == '"' ? "double" : "single", c));
      check_quoted(body, end, flow);
      if (c == '"' && sc_.slice(body, end).find('\\') != std::string_view::npos) n.text = utf8_escapes(n.text);
    } else if ((c == '|' || c == '>') && tag == "!") {
      n.style = c == '|' ? Style::Literal : Style::Folded;
      std::size_t h = body + 1;
      while (sc_.at(h) == '+' || sc_.at(h) == '-' || (sc_.at(h) >= '1' && sc_.at(h) <= '9')) ++h;
      if (sc_.at(h) == '#') throw Error(where_offset(h), "a comment needs a space before its '#'");
      end = sc_.block_scalar_end(body, indent);
    } else {
      n.style = Style::Plain;
      end = sc_.plain_end(body, flow, is_key, indent);
      std::string_view scanned = sc_.slice(body, end);
      if (scanned != value && fold_plain(scanned) != value) {
        // yaml-cpp continued the scalar onto a line that is not indented past
        // its key, which YAML does not allow (`foo:\n  bar\ninvalid`): the
        // line is most likely a key that lost its colon or its indentation.
        std::size_t next = sc_.line_end(end);
        bool took_more = c != '|' && c != '>' && !scanned.empty() && value.size() > scanned.size() &&
                         value.compare(0, scanned.size(), scanned) == 0;
        if (!flow && !is_key && took_more && next < sc_.size()) {
          std::size_t q = sc_.skip_space(next);
          if (q < sc_.size() && sc_.column(q) <= indent)
            throw Error(where_offset(q), "this line is not indented past its key, but reads as part of the value above; "
                                         "indent it, or add the ':' it lacks");
        }
        doc_.editable = false;
      }
      if (tag == "!") doc_.editable = false;  // non-plain without a quote or block indicator?
    }
    n.span = {static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(end)};
    n.has_span = true;
    if (anchor) n.set_anchor(sc_.anchor_name(pos, flow));
    resolve_scalar(n, tag);
    finish(std::move(n), anchor, 1);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    open(mark, tag, anchor, style, Kind::Seq);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    // `?` with nothing after it, then `: value`: yaml-cpp opens a map inside
    // the key at the ':' ({{null: value}: null}), where libyaml and go-yaml
    // read {null: value}. The two would read different documents.
    // (On the `?` line, `? : x`, the map inside the key is right.) In a
    // flow map, `{? : b}` is {null: b} and yaml-cpp makes the same map.
    bool is_key = !stack_.empty() && stack_.back().node.is_map() && !stack_.back().have_key;
    if (is_key && sc_.at(mark.pos) == ':' &&
        (in_flow() || (lines::first_on_line(sc_.slice(0, sc_.size()), mark.pos) && static_cast<int>(mark.column) <= parent_indent())))
      throw Error(where(mark), "an explicit key (`?`) with nothing after it: yaml-cpp and kubectl's parser read what "
                               "follows differently; write the key after the `?`, or drop the `?`");
    open(mark, tag, anchor, style, Kind::Map);
  }
  void OnMapEnd() override { close(); }

  Node take_root() { return std::move(root_); }
  bool has_root() const { return have_root_; }

 private:
  bool in_flow() const { return !stack_.empty() && stack_.back().flow; }

  // A `? key` (explicit key) needs no ':' when its value is empty.
  bool explicit_key(std::size_t key_begin) const {
    std::size_t p = key_begin;
    while (p > 0 && Scanner::blank(sc_.at(p - 1))) --p;
    return p > 0 && sc_.at(p - 1) == '?';
  }

  // yaml-cpp passes a tag with a named handle it has no %TAG for as written.
  void check_tag(const YAML::Mark& mark, const std::string& tag) const {
    if (tag.size() > 1 && tag[0] == '!' && tag.find('!', 1) != std::string::npos)
      throw Error(where(mark), fmt::format("tag {} uses a handle no %TAG directive of this document defines", tag));
  }

  Location where_offset(std::size_t pos) const {
    return Location{doc_.file, doc_.raw.index, doc_.raw.first_line + line_col(sc_.slice(0, sc_.size()), pos).first - 1,
                    sc_.column(pos) + 1};
  }

  // What YAML forbids in a quoted scalar and yaml-cpp lets through (see
  // docs/robustness.md): unknown escapes (`"\."` is an error for kubectl's
  // parser too), a comment glued to the closing quote, and continuation
  // lines that are not indented past the enclosing block (which is how a
  // forgotten quote usually shows).
  void check_quoted(std::size_t open, std::size_t end, bool flow) const {
    if (sc_.at(open) == '"') {
      for (std::size_t k = open + 1; k + 1 < end; ++k) {
        if (sc_.at(k) != '\\') continue;
        char e = sc_.at(k + 1);
        if (!std::strchr("0abt\tnvfre \"/\\N_LPxuU\r\n", e) || e == '\0')
          throw Error(where_offset(k), fmt::format("\\{} is not an escape in a double-quoted string; write \\\\{} "
                                                   "for a backslash, or use single quotes",
                                                   e, e));
        ++k;
      }
    }
    if (sc_.at(end) == '#')
      throw Error(where_offset(end), "a comment needs a space before its '#'");
    if (flow) return;
    int indent = parent_indent();
    for (std::size_t nl = sc_.line_end(open); nl + 1 < end; nl = sc_.line_end(nl + 1)) {
      std::size_t q = nl + 1;
      while (Scanner::blank(sc_.at(q))) ++q;
      if (q >= end || sc_.at(q) == '\n' || sc_.at(q) == '\r') continue;  // a blank line
      if (sc_.column(q) <= indent)
        throw Error(where_offset(q), "this line continues a quoted string but is not indented past its key; "
                                     "indent it, or close the quote on the line before");
    }
  }

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
    check_tag(mark, tag);
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
    if (tag != "?" && tag != "!" && !tag.empty()) f.node.set_tag(tag);
    if (anchor) f.node.set_anchor(sc_.anchor_name(mark.pos, parent_flow));
    std::size_t body = sc_.skip_properties(mark.pos, parent_flow);
    if (f.node.style == Style::Flow) {
      f.open = body;
      if (sc_.at(body) != (kind == Kind::Map ? '{' : '[')) doc_.editable = false;
    } else {
      f.indent = sc_.column(body);
      // Properties on the first key's line (`&a name: |`) begin the mapping
      // there, for YAML's indentation: its block scalars need only be
      // indented past the line's start, not past the key.
      std::size_t start = static_cast<std::size_t>(mark.pos);
      if (kind == Kind::Map && body != start && sc_.line_end(start) > body) f.indent = sc_.column(start);
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
        if (sc_.at(p + 1) == '#') throw Error(where_offset(p + 1), "a comment needs a space before its '#'");
      } else {
        n.span.end = static_cast<std::uint32_t>(p);
        doc_.editable = false;
      }
    } else {
      n.span.end = static_cast<std::uint32_t>(last);
      if (last == 0) doc_.editable = false;
    }
    // Merged entries keep their anchor's spans; the writer never edits them
    // where they stand (Entry::merged).
    if (f.merge) apply_merge_keys(n);
    finish(std::move(n), anchor, 0);
  }

  // Attaches a completed node to its parent (or makes it the root).
  void finish(Node n, YAML::anchor_t anchor, std::size_t weight) {
    if (weight) count(weight, YAML::Mark());
    if (anchor) {
      if (anchors_.size() < anchor) anchors_.resize(anchor);
      Anchor& a = anchors_[anchor - 1];
      a.name = n.anchor();
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
        if (f.merge_key(f.key)) f.merge = true;
        if (limits_.refuse_repeated_keys && !f.merge_key(f.key) && !f.key.is_null() && !f.seen.insert(f.key.text).second)
          throw Error(where_offset(f.key.span.begin), repeated_key_message(f.key.text));
      } else {
        doc_.editable = false;  // complex keys
      }
      f.node.entries.push_back(Entry{std::move(f.key), std::move(n)});
      f.key = Node();
      f.have_key = false;
    }
  }

  static std::size_t subtree_size(const Node& n) {
    std::size_t s = 1;
    for (auto& it : n.items) s += subtree_size(it);
    for (auto& e : n.entries) s += subtree_size(e.key) + subtree_size(e.value);
    return s;
  }

  Scanner sc_;
  const Limits& limits_;
  Document& doc_;
  std::vector<Frame> stack_;
  std::vector<YAML::anchor_t> anchor_ids_;
  std::vector<Anchor> anchors_;
  std::size_t nodes_ = 0;
  std::size_t alias_nodes_ = 0;
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

}  // namespace

namespace {

// What yaml-cpp leaves unread instead of rejecting (see docs/robustness.md):
// text after the top-level node (`foo:\n  bar\ninvalid`), and directives
// that are not followed by a `---` line or that come after it. Left alone,
// such text would pass through unread, or be lost when the document is
// edited.
void check_structure(const Document& doc, std::string_view body, std::size_t offset) {
  auto fail = [&](std::size_t pos, std::string_view what) {
    auto [line, col] = line_col(body, pos);
    throw Error(Location{doc.file, doc.raw.index, doc.raw.first_line + line - 1, col}, std::string(what));
  };
  // Directives come first and need a `---` after them.
  std::size_t marker = std::string_view::npos, directive = std::string_view::npos;
  for (std::size_t ls = 0; ls < body.size();) {
    std::size_t le = body.find('\n', ls);
    if (le == std::string_view::npos) le = body.size();
    std::string_view line = body.substr(ls, le - ls);
    if (is_marker(line, '-')) {
      marker = ls;
      break;
    }
    if (!line.empty() && line[0] == '%') directive = ls;
    else if (!lines::is_non_content(line)) break;
    ls = le + 1;
  }
  if (directive != std::string_view::npos && marker == std::string_view::npos)
    fail(directive, "a %directive must be followed by a '---' line that starts its document");
  // After the content (or the `---` line of an empty document) only blanks,
  // comments and a `...` line may follow.
  std::size_t p;
  if (!doc.empty) {
    if (!doc.editable || !doc.root.has_span) return;  // spans not certain: trust yaml-cpp
    p = doc.root.span.end - offset;
  } else if (marker != std::string_view::npos) {
    p = body.find('\n', marker);
  } else {
    return;
  }
  Scanner sc(body);
  while (p < body.size()) {
    p = sc.skip_space(p);
    if (p >= body.size()) break;
    if (sc.column(p) == 0 && is_marker(body.substr(p, sc.line_end(p) - p), '.')) {
      p = sc.line_end(p);
      continue;
    }
    if (body[p] == '%')
      fail(p, "a %directive may only start a document: end the previous one with a '...' line first");
    fail(p, "text after the end of the document's content; check the indentation of this line");
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

namespace {

// Repeated keys, found in the order the Builder finds them (an entry is
// complete once its value is).
void refuse_repeated_keys(const Node& n, Document& doc, const Scanner& sc) {
  for (const auto& it : n.items) refuse_repeated_keys(it, doc, sc);
  if (!n.is_map()) return;
  auto counted = [](const Node& key) { return key.is_scalar() && !key.is_null(); };
  // A small mapping (most are) is searched, which copies no key; a large
  // one keeps a set of its keys' texts.
  constexpr std::size_t kSmall = 16;
  const bool small = n.entries.size() < kSmall;
  std::unordered_set<std::string_view> seen;
  for (std::size_t i = 0; i < n.entries.size(); ++i) {
    const Entry& e = n.entries[i];
    refuse_repeated_keys(e.value, doc, sc);
    if (!counted(e.key)) continue;
    bool repeated = small ? std::any_of(n.entries.begin(), n.entries.begin() + static_cast<std::ptrdiff_t>(i),
                                        [&](const Entry& o) { return counted(o.key) && o.key.text == e.key.text; })
                          : !seen.insert(e.key.text).second;
    if (repeated) {
      auto [line, col] = line_col(sc.slice(0, sc.size()), e.key.span.begin);
      throw Error(Location{doc.file, doc.raw.index, doc.raw.first_line + line - 1, col}, repeated_key_message(e.key.text));
    }
  }
}

// What the limits bound, for a tree the fast reader made.
bool within(const Node& n, const Limits& limits, int depth, std::size_t& count) {
  if (++count > limits.max_nodes || depth > limits.max_depth) return false;
  if (n.is_scalar()) return n.text.size() <= limits.max_scalar_bytes;
  for (const auto& it : n.items)
    if (!within(it, limits, depth + 1, count)) return false;
  for (const auto& e : n.entries)
    if (!within(e.key, limits, depth + 1, count) || !within(e.value, limits, depth + 1, count)) return false;
  return true;
}

}  // namespace

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// JSON: a flow document whose keys are double-quoted.
bool written_as_json(const Document& doc) {
  return !doc.empty && doc.root.style == Style::Flow &&
         (doc.root.is_seq() || doc.root.entries.empty() || doc.root.entries.front().key.style == Style::Double);
}

// Most manifests are in the plain subset the fast reader takes; it gives
// the same tree, spans and styles as the yaml-cpp path. False when it
// declines the document (or the tree is past a limit).
bool read_fast(Document& doc, const Limits& limits) {
  if (!limits.fast_reader || doc.raw.bom) return false;
  std::string_view text = doc.raw.text;
  auto quick = read_simple_yaml(text, true);
  if (!quick || quick->is_null()) return false;  // empty documents: yaml-cpp's way
  std::size_t count = 0;
  if (!within(*quick, limits, 0, count)) return false;
  doc.root = std::move(*quick);
  doc.empty = doc.root.is_null();
  doc.json = written_as_json(doc);
  if (limits.refuse_repeated_keys) refuse_repeated_keys(doc.root, doc, Scanner(text));
  return true;
}

// The refusal of a character first_invalid_char found at text[bad].
[[noreturn]] void refuse_char(std::string_view text, std::size_t bad, const Location& where) {
  auto c = static_cast<unsigned char>(text[bad]);
  unsigned control = c < 0x80 ? c : (c == 0xC2 && bad + 1 < text.size()) ? static_cast<unsigned char>(text[bad + 1]) : 0x100;
  if (c == 0)
    throw Error(where, "the document contains a NUL byte; manifests must be UTF-8 text (convert it, e.g. with iconv)");
  bool ls_ps = c == 0xE2 && bad + 2 < text.size() && static_cast<unsigned char>(text[bad + 1]) == 0x80 &&
               (static_cast<unsigned char>(text[bad + 2]) == 0xA8 || static_cast<unsigned char>(text[bad + 2]) == 0xA9);
  if (c == '\r' || (c == 0xC2 && control == 0x85) || ls_ps) {
    std::string_view which = c == '\r' ? "a carriage return without a line feed" : control == 0x85 ? "NEL (U+0085)"
                             : static_cast<unsigned char>(text[bad + 2]) == 0xA8 ? "LS (U+2028)" : "PS (U+2029)";
    throw Error(where, fmt::format("the document contains {}, a line break for kubectl's YAML reader (go-yaml) but not "
                                   "for YAML 1.2, so the two would read different documents; use LF or CRLF line "
                                   "ends (e.g. tr '\\r' '\\n'), or write it as an escape in a double-quoted string",
                                   which));
  }
  if (control < 0x100)
    // go-yaml (kubectl) refuses them too: "control characters are not allowed".
    throw Error(where, fmt::format("the document contains a control character (U+{:04X}); YAML allows none but tab, line "
                                   "feed and carriage return (remove it, or write it as \\u{:04X} in a double-quoted string)",
                                   control, control));
  throw Error(where, fmt::format("the document contains a byte (0x{:02X}) that is not valid UTF-8; manifests must be UTF-8 "
                                 "text (convert it, e.g. with iconv)",
                                 c));
}

// What yaml-cpp would read otherwise than kubectl, or count wrong: a
// character first_invalid_char refuses, and a byte order mark past `offset`
// (the one that may start the document). yaml-cpp skips a BOM anywhere
// without counting it in its positions, which would put every later edit in
// the wrong place; YAML allows one only at the start of a document (and,
// for JSON's sake, inside quoted scalars). Refused wherever it is, with its
// place.
void refuse_unreadable(const Document& doc, std::size_t offset) {
  std::string_view text = doc.raw.text;
  auto at = [&](std::size_t pos) {
    auto [line, col] = line_col(text, pos);
    return Location{doc.file, doc.raw.index, doc.raw.first_line + line - 1, col};
  };
  if (std::size_t bad = first_invalid_char(text); bad != std::string_view::npos) refuse_char(text, bad, at(bad));
  if (std::size_t bom = text.find(kBom, offset); bom != std::string_view::npos) {
    throw Error(at(bom),
                "a byte order mark (U+FEFF) inside the document; YAML allows one only at the start of the stream (remove "
                "it, or write \\uFEFF in a double-quoted string)");
  }
}

// Reads `body` (the document's text past `offset`, its BOM) with yaml-cpp
// into doc.root, with kinject's checks on top; yaml-cpp's complaints become
// Errors with the document's place.
void read_with_yaml_cpp(Document& doc, const std::string& body, std::size_t offset, const Limits& limits) {
  const std::string& file = doc.file;
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
      check_structure(doc, body, offset);
      Builder extra(body, limits, doc);
      if (parser.HandleNextDocument(extra) && extra.has_root())
        throw Error(Location{file, doc.raw.index, doc.raw.first_line, 1},
                    "more than one YAML document without a '---' separator between them");
    } else {
      check_structure(doc, body, offset);  // e.g. a directive with no document
    }
  } catch (const YAML::DeepRecursion& e) {
    throw Error(Location{file, doc.raw.index, doc.raw.first_line + e.mark.line, e.mark.column + 1},
                "nesting is too deep for the YAML parser (it stops at 2000 levels)");
  } catch (const YAML::Exception& e) {
    int line = e.mark.is_null() ? doc.raw.first_line : doc.raw.first_line + e.mark.line;
    int col = e.mark.is_null() ? 1 : e.mark.column + 1;
    throw Error(Location{file, doc.raw.index, line, col}, "invalid YAML: " + friendly(e.msg));
  }
}

void read_document(Document& doc, const Limits& limits) {
  if (read_fast(doc, limits)) return;
  std::string_view text = doc.raw.text;
  std::size_t offset = 0;
  if (doc.raw.bom && text.substr(0, 3) == kBom) offset = 3;
  doc.crlf = text.find("\r\n") != std::string_view::npos;
  refuse_unreadable(doc, offset);
  read_with_yaml_cpp(doc, std::string(text.substr(offset)), offset, limits);
  doc.json = written_as_json(doc);
}

// A chart's template given for a manifest fails as YAML somewhere after its
// first `{{`, with an error that does not say why. When the document reads
// (or fails elsewhere) with its actions made plain words, the template
// syntax is the cause: the error says so first, at the action nearest
// before the YAML error, and gives the YAML error after it. Template syntax
// that is data (quoted, in a comment, inside a block scalar or a word)
// reads the same either way and adds nothing.
void explain_template_syntax(const Document& doc, const Error& error, const Limits& limits) {
  std::string_view text = doc.raw.text;
  if (text.find("{{") == std::string_view::npos) return;
  std::vector<TemplateAction> actions = template_actions(text);
  if (actions.empty()) return;
  Document plain;
  plain.file = doc.file;
  plain.raw = doc.raw;
  plain.raw.text = without_template_actions(text, actions);
  try {
    read_document(plain, limits);
  } catch (const Error& again) {
    if (again.where().line == error.where().line && again.where().column == error.where().column) return;
  }
  auto place = [&](std::size_t at) {
    auto [line, col] = line_col(text, at);
    return std::pair<int, int>{doc.raw.first_line + line - 1, col};
  };
  const std::pair<int, int> failed{error.where().line, error.where().column};
  const TemplateAction* named = nullptr;
  for (const auto& a : actions) {
    if (in_yaml_comment(text, a.begin)) continue;
    if (named && place(a.begin) > failed) break;
    named = &a;
  }
  if (!named) return;
  auto [line, col] = place(named->begin);
  throw Error(Location{doc.file, doc.raw.index, line, col},
              fmt::format("{}\n  as it is, it is not YAML: {}:{}: {}",
                          template_syntax_message(text.substr(named->begin, named->end - named->begin), line, col),
                          error.where().line, error.where().column, error.bare()));
}

}  // namespace

Document parse_document(RawDocument raw, const std::string& file, const Limits& limits) {
  Document doc;
  doc.file = file;
  doc.raw = std::move(raw);
  try {
    read_document(doc, limits);
  } catch (const Error& e) {
    explain_template_syntax(doc, e, limits);
    throw;
  }
  return doc;
}

Node parse_yaml(std::string_view text, const std::string& what, const Limits& limits) {
  // Most such texts (rendered templates, JSON annotations, config files) are
  // in the plain subset the fast reader takes; yaml-cpp reads the rest and
  // reports the errors.
  if (text.size() <= limits.max_document_bytes)
    if (auto quick = read_simple_yaml(text)) {
      keep_last_of_repeated_keys(*quick);
      return std::move(*quick);
    }
  // As Go reads it: a repeated key is no error (value_of_documents keeps
  // its last value), whichever reader reads the text.
  Limits go_reading = limits;
  go_reading.refuse_repeated_keys = false;
  return value_of_documents(read_all(text, what, go_reading), what);
}

Node value_of_documents(const std::vector<Document>& docs, const std::string& what) {
  const Document* found = nullptr;
  for (const auto& d : docs) {
    if (d.empty) continue;
    if (found) throw Error(Location{what, d.raw.index, d.raw.first_line, 1}, "expected a single YAML document");
    found = &d;
  }
  if (!found) return Node::null();
  Node root = found->root;
  keep_last_of_repeated_keys(root);
  return root;
}

std::vector<Document> read_all(std::string_view text, const std::string& name, const Limits& limits) {
  std::istringstream in{std::string(text)};
  DocumentStream stream(in, name, limits);
  std::vector<Document> out;
  while (auto raw = stream.next()) out.push_back(parse_document(std::move(*raw), name, limits));
  return out;
}

}  // namespace kinject
