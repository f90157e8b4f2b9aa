// The data model every stage shares: a YAML/JSON value tree.
//
// A Node is a plain value (copying copies the subtree). Nodes read from a
// manifest also remember where they came from (byte span, scalar style,
// anchor/alias), which is what lets the writer change a document without
// disturbing a byte it did not have to. Nodes built by kinject have no span.
//
// Scalars keep the text they were written with: `0400` is an Int with value
// 256 (YAML 1.1, as Kubernetes' go-yaml reads it) and text "0400", so a
// rewrite never turns it into `256`.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kinject {

enum class Kind : std::uint8_t { Null, Bool, Int, Float, String, Map, Seq };

// How a node was written. Any = made by kinject, no preference.
enum class Style : std::uint8_t { Any, Plain, Single, Double, Literal, Folded, Flow, Block };

struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool empty() const { return begin == end; }
};

struct Entry;

// A node's anchor and explicit tag. Few nodes have either (only documents
// that use anchors or tags), so they live behind one pointer, null when both
// are empty: 8 bytes on every node instead of two strings' 64, and nothing
// to copy or free for the others. Copying copies the strings.
class NodeProps {
 public:
  NodeProps() = default;
  NodeProps(const NodeProps& o) : p_(o.p_ ? std::make_unique<Fields>(*o.p_) : nullptr) {}
  NodeProps(NodeProps&&) noexcept = default;
  NodeProps& operator=(const NodeProps& o) {
    if (this != &o) p_ = o.p_ ? std::make_unique<Fields>(*o.p_) : nullptr;
    return *this;
  }
  NodeProps& operator=(NodeProps&&) noexcept = default;
  ~NodeProps() = default;

  std::string_view anchor() const { return p_ ? std::string_view(p_->anchor) : std::string_view(); }
  std::string_view tag() const { return p_ ? std::string_view(p_->tag) : std::string_view(); }
  void set_anchor(std::string_view v) { set(&Fields::anchor, v); }
  void set_tag(std::string_view v) { set(&Fields::tag, v); }

 private:
  struct Fields {
    std::string anchor;
    std::string tag;
  };
  void set(std::string Fields::*field, std::string_view v) {
    if (!p_) {
      if (v.empty()) return;
      p_ = std::make_unique<Fields>();
    }
    (*p_).*field = v;
    if (p_->anchor.empty() && p_->tag.empty()) p_.reset();
  }
  std::unique_ptr<Fields> p_;
};

class Node {
 public:
  // The small fields first, together, so padding wastes no space.
  Kind kind = Kind::Null;
  Style style = Style::Any;
  bool b = false;
  // Source information (valid when has_span).
  bool has_span = false;
  bool is_alias = false;     // written as *anchor; span = the alias token
  Span span;                 // the node's own text (properties included)
  // Scalars: String = the value; other scalars = the text as written
  // ("yes", "0x1F", "~"); for kinject-made numbers, their canonical form.
  std::string text;
  std::int64_t i = 0;
  double f = 0;
  std::vector<Node> items;     // Seq
  std::vector<Entry> entries;  // Map, in document order
  // Source information: &anchor on the definition, or the name an alias
  // refers to; the explicit tag as written (e.g. "!!str"). Empty = none.
  NodeProps props;

  std::string_view anchor() const { return props.anchor(); }
  std::string_view tag() const { return props.tag(); }
  void set_anchor(std::string_view v) { props.set_anchor(v); }
  void set_tag(std::string_view v) { props.set_tag(v); }

  // Constructors for values kinject makes.
  static Node null();
  static Node boolean(bool v);
  static Node integer(std::int64_t v);
  static Node floating(double v);
  static Node string(std::string v);
  static Node map();
  static Node seq();
  // A plain scalar resolved the way Kubernetes (go-yaml v2, YAML 1.1) reads it.
  static Node plain(std::string_view text);
  // Just the kind Node::plain(text) would have.
  static Kind plain_kind(std::string_view text);

  bool is_null() const { return kind == Kind::Null; }
  bool is_map() const { return kind == Kind::Map; }
  bool is_seq() const { return kind == Kind::Seq; }
  bool is_string() const { return kind == Kind::String; }
  bool is_scalar() const { return kind != Kind::Map && kind != Kind::Seq; }

  // Map access; with duplicate keys the last one wins (as kubectl reads it).
  const Node* get(std::string_view key) const;
  Node* get(std::string_view key);
  // Follows a dotted path of map keys ("spec.template.spec").
  const Node* at_path(std::string_view dotted) const;
  Node* at_path(std::string_view dotted);
  // Sets key to value, replacing an existing entry in place or appending.
  Node& set(std::string_view key, Node value);
  // Returns the map at key, creating an empty map there if absent or null.
  // Anything else there is an Error ("labels is a list, not a mapping"):
  // replacing it would lose it.
  Node& child_map(std::string_view key);
  // The same for a list.
  Node& child_seq(std::string_view key);
  bool erase(std::string_view key);

  // The string value of a String scalar, or "" for anything else.
  std::string_view str() const { return kind == Kind::String ? std::string_view(text) : std::string_view(); }
  // The scalar as text, whatever its type ("" for collections and null).
  std::string scalar_text() const;
  // Defined below Entry: clang instantiates vector<Entry>::size() (constexpr
  // in C++20) at this point, where Entry is still incomplete.
  std::size_t size() const;

  // Equality of meaning: kinds and values, map key order ignored, source
  // information ignored. Int 80 != String "80".
  bool same_value(const Node& other) const;

  // Drops source information from this subtree, style included (used for
  // content from elsewhere, which is then written in the target document's
  // own style).
  void forget_source();
};

struct Entry {
  Node key;
  Node value;
  // The entry came into this map through a YAML merge key (`<<: *base`):
  // its text is the anchor's, elsewhere in the document, so it is never
  // edited where it stands (see apply_merge_keys).
  bool merged = false;

  Entry() = default;
  Entry(Node k, Node v, bool from_merge = false) : key(std::move(k)), value(std::move(v)), merged(from_merge) {}
};

inline std::size_t Node::size() const { return kind == Kind::Map ? entries.size() : items.size(); }

// Every Node pays for each byte here; anchor and tag behind NodeProps keep it small.
static_assert(sizeof(Node) <= 120, "kinject::Node grew");

// What a scalar means, as Kubernetes' go-yaml reads it. `n.text` holds the
// scalar's value and `n.style` its style; `tag` is the tag as a parser reports
// it: "?" for an untagged plain scalar, "!" for an untagged quoted or block
// one (or the non-specific `!`), else the full tag ("tag:yaml.org,2002:int",
// "!local"). Sets n.kind (and b/i/f), and the tag (set_tag) for an explicit tag. Both
// YAML readers (reader.h, strict_yaml.h) resolve scalars with it.
void resolve_scalar(Node& n, std::string_view tag);

// YAML merge keys (`<<: *base`, `<<: [*a, *b]`), which Kubernetes' go-yaml
// honours: the merged keys become part of the map unless it sets them
// itself. The `<<` entries go; the merged ones follow the map's own, marked
// Entry::merged. Returns whether the map had a merge key.
bool apply_merge_keys(Node& map);

// Whether a mapping key is a merge key (`<<`, plain and untagged), whose
// value is merged in by apply_merge_keys rather than being an entry.
bool is_merge_key(const Node& key);

// A key repeated in one mapping, as Go reads it (encoding/json, and go-yaml
// outside strict mode, as Istio reads its templates' output, values and
// annotations): the last value wins. It takes the first one's place, and the
// later entries go. Applies to the whole tree.
void keep_last_of_repeated_keys(Node& n);

// What a node is, for messages: "a mapping", "a list", "a boolean", "a
// number", "a string" (null too: Go reads it as "").
const char* kind_phrase(const Node& n);

// The canonical text of numbers made by kinject.
std::string format_int(std::int64_t v);
std::string format_float(double v);

}  // namespace kinject
