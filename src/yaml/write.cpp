#include "kinject/yaml/write.h"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "edit.h"
#include "kinject/base/error.h"
#include "kinject/yaml/emit.h"
#include "kinject/yaml/source_text.h"
#include "kinject/yaml/strict_yaml.h"
#include "kinject/yaml/verify_yaml.h"
#include "lines.h"

namespace kinject {

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
    std::size_t ls = lines::line_start(t, le);
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

// `text`, written for `doc`, if libyaml reads it as `want` (verify_yaml.h);
// else nullopt.
//
// Not with the reader that read the input: a leniency of that reader would
// pass its own mistakes (strict_yaml.h). That kinject's own reader reads
// what kinject wrote the same way (a second injection, uninject) is not
// checked here on every run but by tests over the corpus and by the writer's
// fuzz harness (docs/robustness.md).
std::optional<VerifiedText> reads_back_as(const Document& doc, std::string text, const Node& want) {
  try {
    return VerifiedText::of(std::move(text), want, doc.file);
  } catch (const Error&) {
    return std::nullopt;
  }
}

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

// No Kubernetes object has a list or a map as a key: kubectl refuses the
// document ("invalid map key"). Editing it could only make a manifest no
// tool reads, and its edits are the writer's least certain: refuse it.
void refuse_unwritable_keys(const Document& doc) {
  const Node* key = first_collection_key(doc.root);
  if (!key) return;
  Location where{doc.file, doc.raw.index, 0, 0};
  if (key->has_span) {
    auto [line, col] = line_col(doc.raw.text, key->span.begin);
    where.line = doc.raw.first_line + line - 1;
    where.column = col;
  }
  throw Error(where, "a list or a map is used as a mapping key here; kubectl cannot read such a document (invalid map "
                     "key), so kinject does not edit it: make the key a string");
}

namespace {

// The document edited in place, if that can be done and the edit reads back
// as exactly the new value (libyaml's reading of it); else nullopt.
std::optional<VerifiedText> edited(const Document& doc, const DocStyle& st, const Node& updated,
                                   std::span<const std::string_view> item_keys) {
  try {
    std::string text = edit_in_place(doc, st, updated, item_keys);
    if (auto r = reads_back_as(doc, text, updated)) return r;
    // A literal block scalar that now ends a text without a final line
    // break has lost its own trailing line break: give it one (only
    // then: a text that had none keeps having none).
    if (!text.empty() && text.back() != '\n')
      if (auto r = reads_back_as(doc, text + st.eol(), updated)) return r;
  } catch (const NotEditable&) {
  } catch (const Error&) {
  }
  return std::nullopt;
}

// The document's content re-emitted whole, keeping what precedes and
// follows it.
std::string reemitted(const Document& doc, const DocStyle& st, const Node& updated) {
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
  return before + body + after;
}

// A re-emitted document that does not read back as meant: kinject's reader
// took the input, but kubectl's parser may not, and then it is the input
// that needs fixing; else it is kinject's mistake.
[[noreturn]] void refuse_unwritable(const Document& doc) {
  Location where{doc.file, doc.raw.index, doc.raw.first_line, 1};
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

}  // namespace

WriteResult write_document(const Document& doc, const Node& updated, std::span<const std::string_view> item_keys) {
  WriteResult r;
  if (doc.empty || doc.root.same_value(updated)) {
    r.text = doc.raw.text;
    return r;
  }
  r.changed = true;
  refuse_unwritable_keys(doc);
  DocStyle st = detect_style(doc);
  if (doc.editable) {
    if (auto reading = edited(doc, st, updated, item_keys)) {
      r.text = reading->text();
      r.reading = std::move(reading);
      return r;
    }
  }
  r.reformatted = true;
  r.reading = reads_back_as(doc, reemitted(doc, st, updated), updated);
  if (!r.reading) refuse_unwritable(doc);
  r.text = r.reading->text();
  return r;
}

}  // namespace kinject
