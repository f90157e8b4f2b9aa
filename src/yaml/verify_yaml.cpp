#include "kinject/yaml/verify_yaml.h"

#include <deque>
#include <map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "kinject/base/error.h"
#include "libyaml_events.h"

namespace kinject {

namespace {

using libyaml::Event;
using libyaml::Parser;

// What is built rather than compared (collection keys, the values of merge
// keys) is bounded as the strict reader bounds a whole document: far above
// anything kinject writes, low enough that an alias bomb cannot exhaust
// memory. What is compared needs no bound: an alias is compared with the part
// of the intended tree where it stands, which exists already.
constexpr std::size_t kMaxBuilt = std::size_t{8} << 20;

// Below this many keys a mapping's keys are searched for repeats; from it
// on they are also kept in a set.
constexpr std::size_t kSmallMap = 16;

std::size_t subtree_size(const Node& n) {
  std::size_t s = 1;
  for (const auto& it : n.items) s += subtree_size(it);
  for (const auto& e : n.entries) s += subtree_size(e.key) + subtree_size(e.value);
  return s;
}

// A node for messages: `a number "3"`, `a mapping`.
std::string describe(const Node& n) {
  if (n.is_null()) return "null";
  if (!n.is_scalar()) return kind_phrase(n);
  constexpr std::size_t kShown = 60;
  std::string_view t = n.text;
  return fmt::format("{} \"{}{}\"", kind_phrase(n), t.substr(0, kShown), t.size() > kShown ? "..." : "");
}

const char* event_phrase(yaml_event_type_t t) { return t == YAML_SEQUENCE_START_EVENT ? "a list" : "a mapping"; }

class Verifier {
 public:
  Verifier(std::string_view text, const Node& want, const std::string& what) : parser_(text), want_(want), what_(what) {}

  void run() {
    int documents = 0;
    for (;;) {
      Event ev;
      if (!yaml_parser_parse(&parser_.p, &ev.e)) libyaml::fail_parser(parser_.p, what_);
      ev.live = true;
      const yaml_event_t& e = ev.e;
      switch (e.type) {
        case YAML_STREAM_END_EVENT:
          if (!root_done_ && !want_.is_null())
            fail(e.start_mark, fmt::format("the text holds no document, where {} was meant", describe(want_)));
          return;
        case YAML_DOCUMENT_START_EVENT:
          if (++documents > 1) fail(e.start_mark, std::string(libyaml::kSecondDocument));
          break;
        case YAML_SCALAR_EVENT:
          scalar(e);
          break;
        case YAML_ALIAS_EVENT:
          alias(e);
          break;
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
          start(e);
          break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
          end(e);
          break;
        default:
          break;
      }
    }
  }

 private:
  // A collection of the text being compared with the intended `want`.
  struct Frame {
    bool map = false;
    const Node* want = nullptr;
    yaml_mark_t start{};
    std::string anchor;
    std::size_t count = 0;  // a list's items, a mapping's own entries so far
    // A mapping: what its next node is (a key, the value of the key just
    // read, or the value of a merge key), and the intended value of that key.
    enum class Next : std::uint8_t { Key, Value, Merge } next = Next::Key;
    const Node* value_want = nullptr;
    // Its counted keys' texts (for repeats) and the index in `want` each own
    // key matched, from these positions of the shared stacks on.
    std::size_t keys_begin = 0, matched_begin = 0;
    std::unordered_set<std::string> key_set;  // the keys' texts, once the mapping is not small
    std::vector<Node> merge_values;           // the values of its merge keys, built
  };

  // ------------------------------------------------------------ events

  void scalar(const yaml_event_t& e) {
    const yaml_char_t* anchor = e.data.scalar.anchor;
    if (!building_.empty() || (!frames_.empty() && frames_.back().map && frames_.back().next == Frame::Next::Merge)) {
      Node n;
      libyaml::scalar_into(e, n);
      return built(std::move(n), anchor ? name(anchor) : std::string(), e.start_mark);
    }
    libyaml::scalar_into(e, scratch_);
    if (!frames_.empty() && frames_.back().map && frames_.back().next == Frame::Next::Key) {
      const Node* matched = key(scratch_, e.start_mark);
      if (anchor) anchors_[name(anchor)] = matched ? matched : &owned_.emplace_back(scratch_);
      return;
    }
    const Node& want = slot(e.start_mark);
    if (!scratch_.same_value(want)) mismatch(e.start_mark, scratch_, want);
    if (anchor) anchors_[name(anchor)] = &want;
    advance();
  }

  void alias(const yaml_event_t& e) {
    std::string n = name(e.data.alias.anchor);
    auto it = anchors_.find(n);
    if (it == anchors_.end()) fail(e.start_mark, fmt::format("alias *{} refers to no anchor before it", n));
    const Node& value = *it->second;
    if (!building_.empty() || (!frames_.empty() && frames_.back().map && frames_.back().next == Frame::Next::Merge)) {
      built_nodes_ += subtree_size(value);
      return built(Node(value), std::string(), e.start_mark);
    }
    if (!frames_.empty() && frames_.back().map && frames_.back().next == Frame::Next::Key) {
      key(value, e.start_mark);
      return;
    }
    const Node& want = slot(e.start_mark);
    if (!value.same_value(want)) mismatch(e.start_mark, value, want);
    advance();
  }

  void start(const yaml_event_t& e) {
    bool seq = e.type == YAML_SEQUENCE_START_EVENT;
    const yaml_char_t* anchor = seq ? e.data.sequence_start.anchor : e.data.mapping_start.anchor;
    if (!building_.empty() || (!frames_.empty() && frames_.back().map && frames_.back().next != Frame::Next::Value)) {
      building_.open(e);
      return;
    }
    const Node& want = slot(e.start_mark);
    if (want.kind != (seq ? Kind::Seq : Kind::Map))
      fail(e.start_mark, fmt::format("the text has {} here, where {} was meant", event_phrase(e.type), describe(want)));
    Frame f;
    f.map = !seq;
    f.want = &want;
    f.start = e.start_mark;
    if (anchor) f.anchor = name(anchor);
    f.keys_begin = key_spans_.size();
    f.matched_begin = matched_.size();
    frames_.push_back(std::move(f));
  }

  void end(const yaml_event_t& e) {
    if (!building_.empty()) {
      libyaml::Collections::Open o = building_.close();
      return built(std::move(o.node), o.anchor, o.start);
    }
    Frame& f = frames_.back();
    const Node& want = *f.want;
    if (!f.map) {
      if (f.count < want.items.size())
        fail(e.start_mark, fmt::format("the list ends after {} items, where {} were meant; the next is {}", f.count,
                                       want.items.size(), describe(want.items[f.count])));
    } else {
      complete_map(f);
    }
    // Back to where the mapping's keys began.
    if (f.keys_begin < key_spans_.size()) {
      key_chars_.resize(key_spans_[f.keys_begin].first);
      key_spans_.resize(f.keys_begin);
    }
    matched_.resize(f.matched_begin);
    if (!f.anchor.empty()) anchors_[f.anchor] = f.want;
    frames_.pop_back();
    advance();
  }

  // ------------------------------------------------------------ slots

  // The intended value of the node that begins at `mark` (not a key).
  const Node& slot(const yaml_mark_t& mark) {
    if (frames_.empty()) {
      if (root_done_) fail(mark, std::string(libyaml::kSecondDocument));
      return want_;
    }
    Frame& f = frames_.back();
    if (f.map) return *f.value_want;
    if (f.count >= f.want->items.size())
      fail(mark, fmt::format("the list has an item more than the {} meant", f.want->items.size()));
    return f.want->items[f.count];
  }

  // A node has been compared: the next one goes into the next slot.
  void advance() {
    if (frames_.empty()) {
      root_done_ = true;
      return;
    }
    Frame& f = frames_.back();
    if (f.map) f.next = Frame::Next::Key;
    else ++f.count;
  }

  // A mapping's key `k` read at `mark`: the intended entry it names is the
  // one whose value comes next. Returns that entry's key (nullptr for a
  // merge key).
  const Node* key(const Node& k, const yaml_mark_t& mark) {
    Frame& f = frames_.back();
    if (is_merge_key(k)) {
      f.next = Frame::Next::Merge;
      return nullptr;
    }
    if (libyaml::counted_key(k)) {
      if (repeated(f, k.text)) fail(mark, libyaml::repeated_key_message(k.text));
    }
    const std::vector<Entry>& entries = f.want->entries;
    // As Node::same_value matches entries: the same position first, else
    // the first entry of that key.
    std::size_t m = entries.size();
    if (f.count < entries.size() && entries[f.count].key.same_value(k)) {
      m = f.count;
    } else {
      for (std::size_t i = 0; i < entries.size(); ++i)
        if (entries[i].key.same_value(k)) {
          m = i;
          break;
        }
    }
    if (m == entries.size()) fail(mark, fmt::format("the text has key {}, which the mapping meant has not", describe(k)));
    matched_.push_back(static_cast<std::uint32_t>(m));
    ++f.count;
    f.value_want = &entries[m].value;
    f.next = Frame::Next::Value;
    return &entries[m].key;
  }

  // Whether the mapping has a counted key of this text already (from now on
  // it has).
  bool repeated(Frame& f, const std::string& text) {
    std::size_t n = key_spans_.size() - f.keys_begin;
    bool seen = false;
    if (n < kSmallMap) {
      for (std::size_t i = f.keys_begin; i < key_spans_.size() && !seen; ++i)
        seen = std::string_view(key_chars_).substr(key_spans_[i].first, key_spans_[i].second) == text;
    } else {
      if (f.key_set.empty())
        for (std::size_t i = f.keys_begin; i < key_spans_.size(); ++i)
          f.key_set.emplace(std::string_view(key_chars_).substr(key_spans_[i].first, key_spans_[i].second));
      seen = !f.key_set.insert(text).second;
    }
    if (!seen) {
      key_spans_.emplace_back(key_chars_.size(), text.size());
      key_chars_ += text;
    }
    return seen;
  }

  // At a mapping's end: it has every intended entry. With merge keys, the
  // entries they bring in that the mapping does not set itself count too,
  // as apply_merge_keys merges them (an earlier source wins over a later).
  void complete_map(const Frame& f) {
    const std::vector<Entry>& entries = f.want->entries;
    std::size_t total = f.count;
    // The intended entries some key matched, for naming a missing one.
    std::vector<bool> seen;
    auto own_seen = [&] {
      if (!seen.empty()) return;
      seen.resize(entries.size());
      for (std::size_t k = f.matched_begin; k < matched_.size(); ++k) seen[matched_[k]] = true;
    };
    if (!f.merge_values.empty()) {
      std::vector<const Node*> keys;
      for (std::size_t i = f.matched_begin; i < matched_.size(); ++i) keys.push_back(&entries[matched_[i]].key);
      auto take = [&](const Node& source) {
        for (const Entry& e : source.entries) {
          bool present = false;
          for (const Node* k : keys) present = present || k->same_value(e.key);
          if (present) continue;
          keys.push_back(&e.key);
          const Entry* match = nullptr;
          if (total < entries.size() && entries[total].key.same_value(e.key)) {
            match = &entries[total];
          } else {
            for (const Entry& x : entries)
              if (x.key.same_value(e.key)) {
                match = &x;
                break;
              }
          }
          if (!match)
            fail(f.start, fmt::format("a merge key brings in key {}, which the mapping meant has not", describe(e.key)));
          if (!match->value.same_value(e.value))
            fail(f.start, fmt::format("a merge key brings in key {} with {}, where {} was meant", describe(e.key),
                                      describe(e.value), describe(match->value)));
          own_seen();
          seen[static_cast<std::size_t>(match - entries.data())] = true;
          ++total;
        }
      };
      for (const Node& v : f.merge_values) {
        if (v.is_map()) take(v);
        else if (v.is_seq())
          for (const Node& it : v.items)
            if (it.is_map()) take(it);
      }
    }
    if (total == entries.size()) return;
    if (total > entries.size())
      fail(f.start, fmt::format("the mapping has {} entries, where {} were meant", total, entries.size()));
    // Which key is missing: the first of the intended ones no key of the
    // text matched.
    own_seen();
    for (std::size_t i = 0; i < entries.size(); ++i)
      if (!seen[i]) fail(f.start, fmt::format("the mapping lacks key {}", describe(entries[i].key)));
    fail(f.start, fmt::format("the mapping has {} entries, where {} were meant", total, entries.size()));
  }

  // ------------------------------------------------------------ building

  // A node built whole: into the node being built, or handed to the mapping
  // whose key or merge value it is.
  void built(Node n, const std::string& anchor, const yaml_mark_t& mark) {
    if (++built_nodes_ > kMaxBuilt) fail(mark, "the document expands to too many nodes");
    if (!anchor.empty()) anchors_[anchor] = &owned_.emplace_back(n);
    if (!building_.empty()) return building_.add(std::move(n), mark);
    Frame& f = frames_.back();
    if (f.next == Frame::Next::Merge) {
      f.merge_values.push_back(std::move(n));
      f.next = Frame::Next::Key;
      return;
    }
    key(n, mark);  // a collection key
  }

  // ------------------------------------------------------------ errors

  static std::string name(const yaml_char_t* s) { return reinterpret_cast<const char*>(s); }

  [[noreturn]] void mismatch(const yaml_mark_t& mark, const Node& got, const Node& want) const {
    fail(mark, fmt::format("the text reads {} here, where {} was meant", describe(got), describe(want)));
  }

  [[noreturn]] void fail(const yaml_mark_t& mark, const std::string& message) const {
    throw Error(libyaml::location(what_, mark), message);
  }

  Parser parser_;
  const Node& want_;
  const std::string& what_;
  bool root_done_ = false;
  std::vector<Frame> frames_;
  libyaml::Collections building_{what_};  // what is built, not compared
  // Shared stacks of the open mappings' keys (their texts, for repeats) and
  // matched entries: a mapping's lie above its parent's and are dropped at
  // its end, so no mapping allocates its own.
  std::string key_chars_;
  std::vector<std::pair<std::size_t, std::size_t>> key_spans_;
  std::vector<std::uint32_t> matched_;
  // What an alias stands for: the intended node its anchor was compared
  // with (and found equal to), or a node built here.
  std::map<std::string, const Node*> anchors_;
  std::deque<Node> owned_;
  std::size_t built_nodes_ = 0;
  Node scratch_;  // the scalar being compared, its buffer reused
};

}  // namespace

void verify_text_is(std::string_view text, const Node& want, const std::string& what) { Verifier(text, want, what).run(); }

}  // namespace kinject
