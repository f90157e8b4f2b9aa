// Internal to the writer: new content in a document's style, for the
// editor (edit.cpp) and emit_yaml / emit_json (emit.h).
#pragma once

#include <algorithm>
#include <functional>
#include <optional>
#include <string>

#include "kinject/yaml/node.h"
#include "kinject/yaml/style.h"

namespace kinject {

class Emitter {
 public:
  explicit Emitter(const DocStyle& st, bool exact = true) : st_(st), exact_(exact) {}

  // The text after "-" of a block sequence item that can be taken from the
  // document being edited (an item moved there from elsewhere in it, see
  // edit.cpp), or nothing: the item is emitted afresh.
  using ItemSource = std::function<std::optional<std::string>(const Node& item, int dash)>;
  void set_item_source(ItemSource source) { item_source_ = std::move(source); }

  std::string spaces(int n) const { return std::string(static_cast<std::size_t>(std::max(n, 0)), ' '); }

  // A block key at column `col` and its ':' (see kMaxImplicitKey).
  std::string block_key_colon(const Node& key, int col) const;
  std::string nl() const { return st_.eol(); }

  // Whether a string goes best as a literal block scalar (`|`).
  bool multiline_literal_ok(const Node& n) const;

  // A literal block scalar for a multi-line string; content lines at `col`.
  std::string literal(const std::string& s, int col) const;

  // The value part after "key:" for a key at column `col` (block context).
  std::string after_key(const Node& n, int col) const;

  // The item part after "-" for a dash at column `dash` (block context).
  std::string after_dash(const Node& n, int dash) const;

  // A whole block node whose first line starts at column `col` (already
  // positioned there); following lines are indented absolutely.
  std::string block_at(const Node& n, int col) const;

  // A key, its ':' and its value at column `col` (block context), as an
  // edit adds an entry to a block map.
  std::string block_entry(const Node& key, const Node& value, int col) const;

  // A scalar, or an empty or flow collection, on the line it starts.
  std::string inline_scalar(const Node& n) const;

  // Single-line flow rendering.
  std::string flow(const Node& n) const;

  // A key in flow text. A JSON document is read back by a YAML parser, so a
  // key JSON cannot spell (a number, null, a collection: `{1: a}` in a
  // document that is otherwise JSON) stays a YAML flow key there, keeping
  // its type; output JSON (-o json) quotes every key, as Go does.
  std::string flow_key_text(const Node& key) const;

  // Flow text in the document's syntax (JSON or YAML flow), pretty-printed
  // over several lines when unit > 0 (first line already at column `col`).
  // `spaced`: on one line (unit 0), with a space after each ',' and ':',
  // as a person writes JSON on one line.
  std::string json(const Node& n, int col, int unit, bool spaced = false) const;

 private:
  const DocStyle& st_;
  bool exact_;  // see json_number (scalar.cpp)
  ItemSource item_source_;
};

}  // namespace kinject
