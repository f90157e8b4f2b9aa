// libyaml's event parser, as kinject's two libyaml readers use it: the
// strict reader (strict_yaml.cpp, a tree) and the verifier (verify_yaml.cpp,
// events against an intended tree). Only the handling of libyaml's C API is
// shared here, never a reading of YAML of kinject's own.
#pragma once

#include <string>
#include <string_view>

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
  n.tag.clear();
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

}  // namespace kinject::libyaml
