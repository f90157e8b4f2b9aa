#include "kinject/yaml/strict_yaml.h"

#include <map>
#include <memory>
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
        case YAML_MAPPING_START_EVENT:
          open_.open(e);
          break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT: {
          libyaml::Collections::Open o = open_.close();
          add(std::move(o.node), o.anchor.empty() ? nullptr : reinterpret_cast<const yaml_char_t*>(o.anchor.c_str()), o.start);
          break;
        }
        default:
          break;
      }
    }
  }

 private:
  void add(Node n, const yaml_char_t* anchor, const yaml_mark_t& mark) {
    if (++nodes_ > kMaxNodes) fail(mark, "the document expands to too many nodes");
    if (anchor) anchors_[reinterpret_cast<const char*>(anchor)] = n;
    if (open_.empty()) done_ = std::move(n);
    else open_.add(std::move(n), mark);
  }

  [[noreturn]] void fail(const yaml_mark_t& mark, const std::string& message) const {
    throw Error(libyaml::location(what_, mark), message);
  }

  [[noreturn]] void fail_parser() const { libyaml::fail_parser(parser_.p, what_); }

  Parser parser_;
  const std::string& what_;
  libyaml::Collections open_{what_};
  std::map<std::string, Node> anchors_;
  Node done_;
  std::size_t nodes_ = 0;
};

}  // namespace

Node read_strict_yaml(std::string_view text, const std::string& what) { return Builder(text, what).run(); }

}  // namespace kinject
