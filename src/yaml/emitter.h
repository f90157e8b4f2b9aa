// Internal to the writer: new content in a document's style, for the
// editor (edit.cpp) and emit_yaml / emit_json (emit.h).
#pragma once

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

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

  // Every rendering below appends to `out`: a whole edit or document is
  // written into one buffer, not returned node by node as strings that
  // each parent copies again.

  void spaces(std::string& out, int n) const {
    if (n > 0) out.append(static_cast<std::size_t>(n), ' ');
  }
  const char* nl() const { return st_.eol(); }

  // A block key at column `col` and its ':' (see kMaxImplicitKey).
  void block_key_colon(std::string& out, const Node& key, int col) const;

  // Whether a string goes best as a literal block scalar (`|`).
  bool multiline_literal_ok(const Node& n) const;

  // A literal block scalar for a multi-line string; content lines at `col`.
  void literal(std::string& out, std::string_view s, int col) const;

  // The value part after "key:" for a key at column `col` (block context).
  void after_key(std::string& out, const Node& n, int col) const;

  // The item part after "-" for a dash at column `dash` (block context).
  void after_dash(std::string& out, const Node& n, int dash) const;

  // A whole block node whose first line starts at column `col` (already
  // positioned there); following lines are indented absolutely.
  void block_at(std::string& out, const Node& n, int col) const;

  // A key, its ':' and its value at column `col` (block context), as an
  // edit adds an entry to a block map.
  void block_entry(std::string& out, const Node& key, const Node& value, int col) const;

  // A scalar, or an empty or flow collection, on the line it starts.
  void inline_scalar(std::string& out, const Node& n) const;

  // Single-line flow rendering.
  void flow(std::string& out, const Node& n) const;

  // A key in flow text. A JSON document is read back by a YAML parser, so a
  // key JSON cannot spell (a number, null, a collection: `{1: a}` in a
  // document that is otherwise JSON) stays a YAML flow key there, keeping
  // its type; output JSON (-o json) quotes every key, as Go does.
  std::string flow_key_text(const Node& key) const;

  // Flow text in the document's syntax (JSON or YAML flow), pretty-printed
  // over several lines when unit > 0 (first line already at column `col`).
  // `spaced`: on one line (unit 0), with a space after each ',' and ':',
  // as a person writes JSON on one line.
  void json(std::string& out, const Node& n, int col, int unit, bool spaced = false) const;

 private:
  const DocStyle& st_;
  bool exact_;  // see json_number (scalar.cpp)
  ItemSource item_source_;
};

}  // namespace kinject
