#include "kinject/yaml/node.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "kinject/base/error.h"

namespace kinject {

Node Node::null() { return Node(); }

Node Node::boolean(bool v) {
  Node n;
  n.kind = Kind::Bool;
  n.b = v;
  n.text = v ? "true" : "false";
  return n;
}

Node Node::integer(std::int64_t v) {
  Node n;
  n.kind = Kind::Int;
  n.i = v;
  n.f = static_cast<double>(v);
  n.text = format_int(v);
  return n;
}

Node Node::floating(double v) {
  Node n;
  n.kind = Kind::Float;
  n.f = v;
  n.text = format_float(v);
  return n;
}

Node Node::string(std::string v) {
  Node n;
  n.kind = Kind::String;
  n.text = std::move(v);
  return n;
}

Node Node::map() {
  Node n;
  n.kind = Kind::Map;
  return n;
}

Node Node::seq() {
  Node n;
  n.kind = Kind::Seq;
  return n;
}

namespace {

// Compared here rather than with ==, which calls memcmp for each word of
// the set: most candidates differ in length or first character.
bool one_of(std::string_view s, std::initializer_list<std::string_view> set) {
  for (auto x : set) {
    if (x.size() != s.size()) continue;
    std::size_t k = 0;
    while (k < s.size() && s[k] == x[k]) ++k;
    if (k == s.size()) return true;
  }
  return false;
}

// strconv.ParseInt(s, 0, 64) as Go does it: sign, then 0x/0o/0b prefixes or
// a leading 0 for octal. Underscores have already been removed by the caller
// (go-yaml v2 strips them before parsing).
bool parse_go_int(std::string_view s, std::int64_t& out) {
  if (s.empty()) return false;
  bool neg = false;
  if (s[0] == '+' || s[0] == '-') {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return false;
  int base = 10;
  if (s.size() >= 2 && s[0] == '0') {
    char p = static_cast<char>(s[1] | 0x20);
    if (p == 'x') base = 16, s.remove_prefix(2);
    else if (p == 'o') base = 8, s.remove_prefix(2);
    else if (p == 'b') base = 2, s.remove_prefix(2);
    else base = 8, s.remove_prefix(1);
  }
  if (s.empty()) return false;
  std::uint64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v, base);
  if (ec != std::errc() || ptr != s.data() + s.size()) return false;
  if (!neg && v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return false;
  if (neg && v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + 1) return false;
  out = neg ? static_cast<std::int64_t>(0 - v) : static_cast<std::int64_t>(v);
  return true;
}

// go-yaml v2's yamlStyleFloat: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool yaml_style_float(std::string_view s) {
  std::size_t i = 0, n = s.size();
  auto digit = [&](std::size_t k) { return k < n && s[k] >= '0' && s[k] <= '9'; };
  if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
  if (i < n && s[i] == '.') {
    ++i;
    if (!digit(i)) return false;
    while (digit(i)) ++i;
  } else {
    if (!digit(i)) return false;
    while (digit(i)) ++i;
    if (i < n && s[i] == '.') {
      ++i;
      while (digit(i)) ++i;
    }
  }
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digit(i)) return false;
    while (digit(i)) ++i;
  }
  return i == n;
}

}  // namespace

namespace {

// What a plain scalar means without the rest of a Node: its kind and value,
// with a Node's defaults.
struct Meaning {
  Kind kind = Kind::Null;
  bool b = false;
  std::int64_t i = 0;
  double f = 0;
};

// The type and value a plain scalar's text gives, into n (a Node, whose
// text and style are the caller's, or a Meaning).
template <class Out>
void resolve_plain(std::string_view text, Out& n) {
  // Every special form (null, booleans, .inf, .nan) has at most 5
  // characters; numbers start with a sign, a dot or a digit. Most scalars
  // are neither: names, images, paths.
  char first = text.empty() ? '\0' : text[0];
  bool numeric_start = first == '+' || first == '-' || first == '.' || (first >= '0' && first <= '9');
  static constexpr std::string_view kSpecialStarts = "~nNyYtTfFoO";
  if (!text.empty() && !numeric_start && (text.size() > 5 || kSpecialStarts.find(first) == std::string_view::npos)) {
    n.kind = Kind::String;
    return;
  }
  if (!numeric_start) {
    // YAML 1.1's words for null and the booleans, as go-yaml v2 reads them;
    // only those with the text's first character are compared.
    bool null = false, yes = false, no = false;
    switch (first) {
      case '\0': null = text.empty(); break;
      case '~': null = text.size() == 1; break;
      case 'n': case 'N':
        null = one_of(text, {"null", "Null", "NULL"});
        no = one_of(text, {"n", "N", "no", "No", "NO"});
        break;
      case 'y': case 'Y': yes = one_of(text, {"y", "Y", "yes", "Yes", "YES"}); break;
      case 't': case 'T': yes = one_of(text, {"true", "True", "TRUE"}); break;
      case 'f': case 'F': no = one_of(text, {"false", "False", "FALSE"}); break;
      case 'o': case 'O':
        yes = one_of(text, {"on", "On", "ON"});
        no = one_of(text, {"off", "Off", "OFF"});
        break;
      default: break;
    }
    if (null) {
      n.kind = Kind::Null;
      return;
    }
    if (yes || no) {
      n.kind = Kind::Bool;
      n.b = yes;
      return;
    }
    n.kind = Kind::String;
    return;
  }
  // The special floats start with a dot or a sign; most numbers with a digit.
  if (first < '0' || first > '9') {
    if (one_of(text, {".nan", ".NaN", ".NAN"})) {
      n.kind = Kind::Float;
      n.f = std::numeric_limits<double>::quiet_NaN();
      return;
    }
    if (one_of(text, {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"})) {
      n.kind = Kind::Float;
      n.f = std::numeric_limits<double>::infinity();
      return;
    }
    if (one_of(text, {"-.inf", "-.Inf", "-.INF"})) {
      n.kind = Kind::Float;
      n.f = -std::numeric_limits<double>::infinity();
      return;
    }
  }
  char c = text[0];
  if (c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9')) {
    // go-yaml v2 drops underscores first; most numbers have none.
    std::string_view digits = text;
    std::string stripped;
    if (text.find('_') != std::string_view::npos) {
      stripped.reserve(text.size());
      for (char ch : text)
        if (ch != '_') stripped.push_back(ch);
      digits = stripped;
    }
    std::int64_t iv = 0;
    if (parse_go_int(digits, iv)) {
      n.kind = Kind::Int;
      n.i = iv;
      n.f = static_cast<double>(iv);
      return;
    }
    if (yaml_style_float(digits)) {
      double fv = 0;
      auto [ptr, ec] = std::from_chars(digits.data() + (digits[0] == '+' ? 1 : 0), digits.data() + digits.size(), fv);
      if (ec == std::errc() && ptr == digits.data() + digits.size()) {
        n.kind = Kind::Float;
        n.f = fv;
        return;
      }
    }
  }
  n.kind = Kind::String;
}

}  // namespace

Node Node::plain(std::string_view text) {
  Node n;
  n.text = std::string(text);
  n.style = Style::Plain;
  resolve_plain(text, n);
  return n;
}

Kind Node::plain_kind(std::string_view text) {
  Meaning m;
  resolve_plain(text, m);
  return m.kind;
}

const Node* Node::get(std::string_view key) const {
  if (kind != Kind::Map) return nullptr;
  // Keys of one length mostly differ in their first character: compared
  // first, it spares a memcmp call per such key. (t[0] of an empty string
  // is its '\0'.)
  const char first = key.empty() ? '\0' : key[0];
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
    const std::string& t = it->key.text;
    if (t.size() == key.size() && t[0] == first && it->key.kind != Kind::Map && it->key.kind != Kind::Seq &&
        std::string_view(t) == key)
      return &it->value;
  }
  return nullptr;
}

Node* Node::get(std::string_view key) { return const_cast<Node*>(static_cast<const Node*>(this)->get(key)); }

const Node* Node::at_path(std::string_view dotted) const {
  const Node* cur = this;
  while (cur && !dotted.empty()) {
    auto dot = dotted.find('.');
    cur = cur->get(dotted.substr(0, dot));
    dotted = dot == std::string_view::npos ? std::string_view() : dotted.substr(dot + 1);
  }
  return cur;
}

Node* Node::at_path(std::string_view dotted) { return const_cast<Node*>(static_cast<const Node*>(this)->at_path(dotted)); }

Node& Node::set(std::string_view key, Node value) {
  if (kind != Kind::Map) {
    *this = Node::map();
  }
  if (Node* existing = get(key)) {
    *existing = std::move(value);
    return *existing;
  }
  entries.push_back(Entry{Node::string(std::string(key)), std::move(value)});
  return entries.back().value;
}

const char* kind_phrase(const Node& n) {
  switch (n.kind) {
    case Kind::Map: return "a mapping";
    case Kind::Seq: return "a list";
    case Kind::Bool: return "a boolean";
    case Kind::Int:
    case Kind::Float: return "a number";
    default: return "a string";
  }
}

namespace {

// The collection of kind `want` at `key` of `map`, made when absent or null.
Node& child_of(Node& map, std::string_view key, Kind want) {
  Node* existing = map.get(key);
  if (existing && existing->kind == want) return *existing;
  if (existing && !existing->is_null())
    throw Error(fmt::format("{} is {}, not {}; kinject does not replace it", key, kind_phrase(*existing),
                            want == Kind::Map ? "a mapping" : "a list"));
  return map.set(key, want == Kind::Map ? Node::map() : Node::seq());
}

}  // namespace

Node& Node::child_map(std::string_view key) { return child_of(*this, key, Kind::Map); }

Node& Node::child_seq(std::string_view key) { return child_of(*this, key, Kind::Seq); }

bool Node::erase(std::string_view key) {
  bool any = false;
  for (auto it = entries.begin(); it != entries.end();) {
    if (it->key.is_scalar() && it->key.text == key) {
      it = entries.erase(it);
      any = true;
    } else {
      ++it;
    }
  }
  return any;
}

std::string Node::scalar_text() const {
  switch (kind) {
    case Kind::Null:
    case Kind::Map:
    case Kind::Seq:
      return {};
    default:
      return text;
  }
}

bool Node::same_value(const Node& o) const {
  if (kind != o.kind) return false;
  switch (kind) {
    case Kind::Null:
      return true;
    case Kind::Bool:
      return b == o.b;
    case Kind::Int:
      return i == o.i;
    case Kind::Float:
      return f == o.f || (std::isnan(f) && std::isnan(o.f));
    case Kind::String:
      return text == o.text;
    case Kind::Seq:
      if (items.size() != o.items.size()) return false;
      for (std::size_t k = 0; k < items.size(); ++k)
        if (!items[k].same_value(o.items[k])) return false;
      return true;
    case Kind::Map: {
      if (entries.size() != o.entries.size()) return false;
      for (std::size_t k = 0; k < entries.size(); ++k) {
        const Entry& e = entries[k];
        // Fast path: same position, same key.
        const Entry* match = nullptr;
        if (k < o.entries.size() && o.entries[k].key.same_value(e.key)) {
          match = &o.entries[k];
        } else {
          for (const Entry& x : o.entries)
            if (x.key.same_value(e.key)) {
              match = &x;
              break;
            }
        }
        if (!match || !match->value.same_value(e.value)) return false;
      }
      return true;
    }
  }
  return false;
}

void Node::forget_source() {
  has_span = false;
  style = Style::Any;
  span = {};
  is_alias = false;
  set_anchor({});
  for (auto& it : items) it.forget_source();
  for (auto& e : entries) {
    e.key.forget_source();
    e.value.forget_source();
  }
}

void resolve_scalar(Node& n, std::string_view tag) {
  auto take = [&](const Meaning& r) {
    n.kind = r.kind;
    n.b = r.b;
    n.i = r.i;
    n.f = r.f;
  };
  if (tag == "?") {
    resolve_plain(n.text, n);
    return;
  }
  if (tag == "!" || tag.empty()) {
    n.kind = Kind::String;
    return;
  }
  n.set_tag(tag);
  static constexpr std::string_view core = "tag:yaml.org,2002:";
  if (tag.substr(0, core.size()) == core) {
    std::string_view name = tag.substr(core.size());
    if (name == "int" || name == "float" || name == "bool" || name == "null") {
      Meaning r;
      resolve_plain(n.text, r);
      bool ok = (name == "int" && r.kind == Kind::Int) || (name == "float" && (r.kind == Kind::Float || r.kind == Kind::Int)) ||
                (name == "bool" && r.kind == Kind::Bool) || (name == "null" && r.kind == Kind::Null);
      if (ok) {
        take(r);
        if (name == "float") {
          n.kind = Kind::Float;
          n.f = r.kind == Kind::Int ? static_cast<double>(r.i) : r.f;
        }
        return;
      }
    }
    n.kind = Kind::String;
    return;
  }
  // Application tags: the value is read by its style.
  if (n.style == Style::Plain) resolve_plain(n.text, n);
  else n.kind = Kind::String;
}

bool is_merge_key(const Node& key) {
  return key.style == Style::Plain && key.kind == Kind::String && key.text == "<<" && key.tag().empty();
}

bool apply_merge_keys(Node& map) {
  if (!map.is_map()) return false;
  auto is_merge = [](const Entry& e) { return is_merge_key(e.key); };
  // Every map of every document read comes here, and almost none has a
  // merge key: nothing is copied for those (copying each map's entries made
  // reading cost the tree's size times its depth).
  if (std::none_of(map.entries.begin(), map.entries.end(), is_merge)) return false;
  std::vector<Entry> own;
  std::vector<const Node*> sources;
  for (auto& e : map.entries) {
    if (is_merge(e)) {
      if (e.value.is_map()) sources.push_back(&e.value);
      else if (e.value.is_seq())
        for (auto& it : e.value.items)
          if (it.is_map()) sources.push_back(&it);
    } else {
      own.push_back(e);
    }
  }
  // go-yaml: the map's own keys win, then the sources in order (an earlier
  // source wins over a later one).
  std::vector<Entry> merged = own;
  for (const Node* src : sources)
    for (const auto& e : src->entries) {
      bool present = false;
      for (auto& m : merged)
        if (m.key.same_value(e.key)) present = true;
      if (!present) merged.emplace_back(e.key, e.value, true);
    }
  map.entries = std::move(merged);
  return true;
}

void keep_last_of_repeated_keys(Node& n) {
  for (auto& it : n.items) keep_last_of_repeated_keys(it);
  for (auto& e : n.entries) keep_last_of_repeated_keys(e.value);
  if (n.entries.size() < 2) return;
  auto same_key = [](const Node& a, const Node& b) { return a.is_scalar() && b.is_scalar() && a.text == b.text; };
  bool repeated = false;
  for (std::size_t i = 0; i < n.entries.size() && !repeated; ++i)
    for (std::size_t j = i + 1; j < n.entries.size(); ++j)
      if (same_key(n.entries[i].key, n.entries[j].key)) {
        repeated = true;
        break;
      }
  if (!repeated) return;
  std::vector<Entry> out;
  for (auto& e : n.entries) {
    auto first = std::find_if(out.begin(), out.end(), [&](const Entry& o) { return same_key(o.key, e.key); });
    if (first == out.end()) out.push_back(std::move(e));
    else first->value = std::move(e.value);
  }
  n.entries = std::move(out);
}

std::string format_int(std::int64_t v) { return fmt::format("{}", v); }

std::string format_float(double v) {
  if (std::isnan(v)) return ".nan";
  if (std::isinf(v)) return v > 0 ? ".inf" : "-.inf";
  if (v == std::floor(v) && std::fabs(v) < 1e15) return fmt::format("{}", static_cast<std::int64_t>(v));
  return fmt::format("{}", v);
}

}  // namespace kinject
