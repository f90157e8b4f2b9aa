#include "kinject/yaml/strict_yaml.h"

#include <map>
#include <memory>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "kinject/base/error.h"
#include "libyaml_events.h"

namespace kinject {

namespace {

// Far above anything kinject writes (its input was bounded by reader.h's
// limits), low enough that an alias bomb cannot exhaust memory here.
constexpr std::size_t kMaxNodes = std::size_t{8} << 20;

using libyaml::Event;
using libyaml::Parser;

std::size_t subtree_size(const Node& n) {
  std::size_t s = 1;
  for (const auto& it : n.items) s += subtree_size(it);
  for (const auto& e : n.entries) s += subtree_size(e.key) + subtree_size(e.value);
  return s;
}

class Builder {
 public:
  Builder(std::string_view text, const std::string& what) : parser_(text), what_(what) {}

  Node run() {
    Node root;
    int documents = 0;
    for (;;) {
      Event ev;
      if (!yaml_parser_parse(&parser_.p, &ev.e)) fail_parser();
      ev.live = true;
      const yaml_event_t& e = ev.e;
      switch (e.type) {
        case YAML_STREAM_END_EVENT:
          return root;
        case YAML_DOCUMENT_START_EVENT:
          if (++documents > 1) fail(e.start_mark, std::string(libyaml::kSecondDocument));
          anchors_.clear();
          break;
        case YAML_DOCUMENT_END_EVENT:
          root = std::move(done_);
          break;
        case YAML_SCALAR_EVENT: {
          Node n;
          libyaml::scalar_into(e, n);
          add(std::move(n), e.data.scalar.anchor, e.start_mark);
          break;
        }
        case YAML_ALIAS_EVENT: {
          std::string name = reinterpret_cast<const char*>(e.data.alias.anchor);
          auto it = anchors_.find(name);
          if (it == anchors_.end()) fail(e.start_mark, fmt::format("alias *{} refers to no anchor before it", name));
          nodes_ += subtree_size(it->second);
          add(Node(it->second), nullptr, e.start_mark);
          break;
        }
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT: {
          Frame f;
          f.node.kind = e.type == YAML_SEQUENCE_START_EVENT ? Kind::Seq : Kind::Map;
          const yaml_char_t* anchor = f.node.is_seq() ? e.data.sequence_start.anchor : e.data.mapping_start.anchor;
          const yaml_char_t* tag = f.node.is_seq() ? e.data.sequence_start.tag : e.data.mapping_start.tag;
          if (anchor) f.anchor = reinterpret_cast<const char*>(anchor);
          if (tag) f.node.tag = reinterpret_cast<const char*>(tag);
          f.start = e.start_mark;
          stack_.push_back(std::move(f));
          break;
        }
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT: {
          Frame f = std::move(stack_.back());
          stack_.pop_back();
          if (f.node.is_map()) apply_merge_keys(f.node);
          std::string anchor = std::move(f.anchor);
          add(std::move(f.node), anchor.empty() ? nullptr : reinterpret_cast<const yaml_char_t*>(anchor.c_str()), f.start);
          break;
        }
        default:
          break;
      }
    }
  }

 private:
  struct Frame {
    Node node;
    std::string anchor;
    yaml_mark_t start{};
    bool have_key = false;
    Node key;
    yaml_mark_t key_mark{};
    // The counted keys, for repeats, once the mapping is not small: a small
    // one (most are) is searched instead, which needs no copies.
    std::unordered_set<std::string> keys;
  };

  static bool counted(const Node& key) { return libyaml::counted_key(key); }

  // Whether the mapping has a counted key of this text already (and, in the
  // set, it has it from now on). By text, as go-yaml v3 compares them: `1`
  // and "1" are the same key.
  static bool repeated(Frame& f, const std::string& text) {
    constexpr std::size_t kSmall = 16;
    if (f.node.entries.size() < kSmall) {
      for (const auto& e : f.node.entries)
        if (counted(e.key) && e.key.text == text) return true;
      return false;
    }
    if (f.keys.empty())
      for (const auto& e : f.node.entries)
        if (counted(e.key)) f.keys.insert(e.key.text);
    return !f.keys.insert(text).second;
  }

  void add(Node n, const yaml_char_t* anchor, const yaml_mark_t& mark) {
    if (++nodes_ > kMaxNodes) fail(mark, "the document expands to too many nodes");
    if (anchor) anchors_[reinterpret_cast<const char*>(anchor)] = n;
    if (stack_.empty()) {
      done_ = std::move(n);
      return;
    }
    Frame& f = stack_.back();
    if (f.node.is_seq()) {
      f.node.items.push_back(std::move(n));
      return;
    }
    if (!f.have_key) {
      f.key = std::move(n);
      f.key_mark = mark;
      f.have_key = true;
      return;
    }
    // go-yaml v3 and kustomize refuse a key repeated in one mapping.
    if (counted(f.key) && repeated(f, f.key.text))
      fail(f.key_mark, libyaml::repeated_key_message(f.key.text));
    f.node.entries.emplace_back(std::move(f.key), std::move(n));
    f.key = Node();
    f.have_key = false;
  }

  [[noreturn]] void fail(const yaml_mark_t& mark, const std::string& message) const {
    throw Error(libyaml::location(what_, mark), message);
  }

  [[noreturn]] void fail_parser() const { libyaml::fail_parser(parser_.p, what_); }

  Parser parser_;
  const std::string& what_;
  std::vector<Frame> stack_;
  std::map<std::string, Node> anchors_;
  Node done_;
  std::size_t nodes_ = 0;
};

}  // namespace

Node read_strict_yaml(std::string_view text, const std::string& what) { return Builder(text, what).run(); }

}  // namespace kinject
