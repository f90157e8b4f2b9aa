// libyaml's event parser, as kinject's two libyaml readers use it: the
// strict reader (strict_yaml.cpp, a tree) and the verifier (verify_yaml.cpp,
// events against an intended tree). Only the handling of libyaml's C API is
// shared here, never a reading of YAML of kinject's own.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>
#include <yaml.h>

#include "kinject/base/error.h"
#include "kinject/yaml/node.h"

namespace kinject::libyaml {

struct Parser {
  yaml_parser_t p;
  explicit Parser(std::string_view text) {
    yaml_parser_initialize(&p);
    yaml_parser_set_input_string(&p, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  }
  ~Parser() { yaml_parser_delete(&p); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
};

struct Event {
  yaml_event_t e;
  bool live = false;
  Event() = default;
  ~Event() {
    if (live) yaml_event_delete(&e);
  }
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;
};

// The tag as resolve_scalar (node.h) wants it.
inline std::string_view tag_of(const yaml_char_t* tag, bool untagged_plain) {
  if (tag) return reinterpret_cast<const char*>(tag);
  return untagged_plain ? "?" : "!";
}

// A scalar event's value into `n`: text, style, and its meaning by
// resolve_scalar. `n` may be reused from an earlier scalar: every field a
// scalar has is set.
inline void scalar_into(const yaml_event_t& e, Node& n) {
  n.text.assign(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length);
  bool plain = e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
  n.style = plain ? Style::Plain
            : e.data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ? Style::Single
            : e.data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE ? Style::Double
            : e.data.scalar.style == YAML_LITERAL_SCALAR_STYLE       ? Style::Literal
                                                                     : Style::Folded;
  n.kind = Kind::Null;
  n.b = false;
  n.i = 0;
  n.f = 0;
  n.set_tag({});
  resolve_scalar(n, tag_of(e.data.scalar.tag, plain));
}

inline Location location(const std::string& what, const yaml_mark_t& mark) {
  return Location{what, 0, static_cast<int>(mark.line) + 1, static_cast<int>(mark.column) + 1};
}

// libyaml's complaint, where it made it.
[[noreturn]] inline void fail_parser(const yaml_parser_t& p, const std::string& what) {
  std::string message = p.problem ? p.problem : "invalid YAML";
  if (p.context) message = fmt::format("{} {}", p.context, message);
  throw Error(location(what, p.problem_mark), "invalid YAML (libyaml): " + message);
}

// A key that counts for repeats (go-yaml v3 and kustomize refuse a key
// repeated in one mapping): a scalar, not null (reader.h leaves those
// alone), not a merge key (`<<` entries are sources, not keys). Repeats are
// by text, as go-yaml v3 compares them: `1` and "1" are the same key.
inline bool counted_key(const Node& key) {
  return key.is_scalar() && !key.is_null() && !(key.style == Style::Plain && key.text == "<<");
}

inline std::string repeated_key_message(std::string_view key) {
  return fmt::format("key \"{}\" appears more than once in the same mapping", key);
}

inline constexpr std::string_view kSecondDocument = "more than one YAML document where one was expected";

// The collections being built from events into a tree: each a list's items
// or a mapping's entries (a repeated key refused), merge keys applied at a
// mapping's end. The strict reader builds a whole document so; the verifier
// only what it cannot compare as it streams (a collection key, a merge key's
// value).
class Collections {
 public:
  struct Open {
    Node node;
    std::string anchor;
    yaml_mark_t start{};
  };

  explicit Collections(const std::string& what) : what_(what) {}

  bool empty() const { return stack_.empty(); }

  // A collection begins.
  void open(const yaml_event_t& e) {
    Frame f;
    bool seq = e.type == YAML_SEQUENCE_START_EVENT;
    f.open.node.kind = seq ? Kind::Seq : Kind::Map;
    const yaml_char_t* anchor = seq ? e.data.sequence_start.anchor : e.data.mapping_start.anchor;
    const yaml_char_t* tag = seq ? e.data.sequence_start.tag : e.data.mapping_start.tag;
    if (anchor) f.open.anchor = reinterpret_cast<const char*>(anchor);
    if (tag) f.open.node.set_tag(reinterpret_cast<const char*>(tag));
    f.open.start = e.start_mark;
    stack_.push_back(std::move(f));
  }

  // The innermost collection ends: it, merge keys applied.
  Open close() {
    Open o = std::move(stack_.back().open);
    stack_.pop_back();
    if (o.node.is_map()) apply_merge_keys(o.node);
    return o;
  }

  // A whole node, read at `mark`, into the innermost collection.
  void add(Node n, const yaml_mark_t& mark) {
    Frame& f = stack_.back();
    if (f.open.node.is_seq()) {
      f.open.node.items.push_back(std::move(n));
      return;
    }
    if (!f.have_key) {
      f.key = std::move(n);
      f.key_mark = mark;
      f.have_key = true;
      return;
    }
    if (counted_key(f.key) && repeated(f, f.key.text))
      throw Error(location(what_, f.key_mark), repeated_key_message(f.key.text));
    f.open.node.entries.emplace_back(std::move(f.key), std::move(n));
    f.key = Node();
    f.have_key = false;
  }

 private:
  struct Frame {
    Open open;
    bool have_key = false;
    Node key;
    yaml_mark_t key_mark{};
    // The counted keys, for repeats, once the mapping is not small: a small
    // one (most are) is searched instead, which needs no copies.
    std::unordered_set<std::string> keys;
  };

  // Whether the mapping has a counted key of this text already (and, in the
  // set, it has it from now on).
  static bool repeated(Frame& f, const std::string& text) {
    constexpr std::size_t kSmall = 16;
    const std::vector<Entry>& entries = f.open.node.entries;
    if (entries.size() < kSmall) {
      for (const auto& e : entries)
        if (counted_key(e.key) && e.key.text == text) return true;
      return false;
    }
    if (f.keys.empty())
      for (const auto& e : entries)
        if (counted_key(e.key)) f.keys.insert(e.key.text);
    return !f.keys.insert(text).second;
  }

  const std::string& what_;
  std::vector<Frame> stack_;
};

}  // namespace kinject::libyaml
