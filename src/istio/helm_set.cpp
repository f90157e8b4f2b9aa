// Helm's --set grammar: helm.sh/helm/v3 v3.21 pkg/strvals/parser.go, whose
// functions the parser below follows one for one (key, listItem, keyIndex,
// valList, val, runesUntil, typedVal), and pkg/chartutil/coalesce.go.
//
// Helm parses and applies at once; here the text is read into assignments
// first and each is applied on its own, so that kinject can check every
// assignment against Istio's values with the text the user wrote. Helm's
// parser reads runes; reading bytes is the same on UTF-8 (every character
// it stops at is ASCII, and no byte of a multi-byte character is), so the
// text must be UTF-8: Helm would turn a stray byte into U+FFFD.
#include "kinject/istio/helm_set.h"

#include <charconv>
#include <cstdint>
#include <limits>
#include <optional>

#include <fmt/format.h>

#include "kinject/base/error.h"
#include "kinject/base/utf8.h"
#include "kinject/gotemplate/strconv.h"

namespace kinject {

namespace {

constexpr int kEnd = -1;  // runesUntil's io.EOF

// What each refusal tells the user to write instead.
constexpr std::string_view kSeparatorHint =
    "--set takes Helm's grammar: NAME=VALUE assignments separated by commas; write a comma inside a value as \\,";
constexpr std::string_view kNameHint =
    "a name is keys separated by dots, each with list indices if any (a.b[0].c=x); write a dot, [ or = inside a "
    "key as \\. \\[ \\=";

// strconv.ParseInt(s, 10, 64), as typedVal and (through Atoi) keyIndex
// read numbers: an optional sign, then decimal digits only.
struct GoInt {
  enum { Ok, Syntax, Range } status = Syntax;
  std::int64_t value = 0;
};

GoInt parse_int10(std::string_view s) {
  bool negative = !s.empty() && s[0] == '-';
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  std::uint64_t magnitude = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), magnitude);  // digits only: no sign, no space
  if (s.empty() || end != s.data() + s.size() || ec == std::errc::invalid_argument) return {};
  constexpr std::uint64_t kMax = std::numeric_limits<std::int64_t>::max();
  if (ec == std::errc::result_out_of_range || magnitude > kMax + (negative ? 1 : 0)) return {GoInt::Range, 0};
  if (!negative) return {GoInt::Ok, static_cast<std::int64_t>(magnitude)};
  return {GoInt::Ok, magnitude > kMax ? std::numeric_limits<std::int64_t>::min() : -static_cast<std::int64_t>(magnitude)};
}

// strings.EqualFold(v, word) for the lower-case ASCII words typedVal knows.
// Of the letters in true, false and null only s folds with another
// character: U+017F LATIN SMALL LETTER LONG S.
bool equal_fold(std::string_view v, std::string_view word) {
  std::size_t i = 0;
  for (char w : word) {
    if (i < v.size() && (v[i] | 0x20) == w) ++i;  // (c | 0x20) is a lower-case letter only for letters
    else if (w == 's' && v.substr(i, 2) == "\xC5\xBF") i += 2;
    else return false;
  }
  return i == v.size();
}

// typedVal: true/false in any case, null in any case, 0, and a decimal not
// written with a leading zero that fits in 64 bits; everything else is the
// string as written (so 1.5, 1e3, 010 and yes stay strings).
Node typed_value(const std::string& v) {
  if (equal_fold(v, "true")) return Node::boolean(true);
  if (equal_fold(v, "false")) return Node::boolean(false);
  if (equal_fold(v, "null")) return Node::null();
  if (v == "0") return Node::integer(0);
  if (!v.empty() && v[0] != '0')
    if (GoInt i = parse_int10(v); i.status == GoInt::Ok) return Node::integer(i.value);
  return Node::string(v);
}

struct Run {
  std::string text;  // escapes taken
  int last = kEnd;   // the stop character, or kEnd
  bool cut = false;  // ended by a backslash with nothing after it
};

class Parser {
 public:
  explicit Parser(std::string_view text) : s_(text) {}

  std::vector<HelmSetAssignment> parse() {
    std::vector<HelmSetAssignment> out;
    while (pos_ < s_.size()) {
      std::size_t start = pos_;
      HelmSetAssignment a;
      if (!name(a.path, start)) break;  // only separators were left: Helm's io.EOF
      a.empty_at_end = pos_ == s_.size();  // valList's io.EOF
      a.value = value();
      a.text = std::string(s_.substr(start, value_end_ - start));
      out.push_back(std::move(a));
    }
    return out;
  }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
  std::size_t value_end_ = 0;

  [[noreturn]] void fail(const std::string& what, std::string_view hint) const {
    throw Error(fmt::format("--set {}: {}; {}", s_, what, hint)).as_usage();
  }

  // runesUntil: reads up to one of `stops`, taking `\x` as x.
  Run until(std::string_view stops) {
    Run r;
    while (pos_ < s_.size()) {
      char c = s_[pos_++];
      if (stops.find(c) != std::string_view::npos) {
        r.last = static_cast<unsigned char>(c);
        return r;
      }
      if (c == '\\') {
        if (pos_ == s_.size()) {
          r.cut = true;
          return r;
        }
        c = s_[pos_++];
      }
      r.text.push_back(c);
    }
    return r;
  }

  void check_name(const std::string& key, std::size_t start) const {
    if (key.empty())
      throw Error(fmt::format("--set {}: an empty name in {} sets nothing (Helm ignores it); {}", s_,
                              tmpl::go_quote(s_.substr(start, pos_ - start)), kNameHint))
          .as_usage();
  }

  // keyIndex: the index between [ and ], as strconv.Atoi reads it, within
  // listItem's and setIndex's bounds.
  std::size_t index() {
    Run r = until("]");
    if (r.last == kEnd) fail("error parsing index: EOF", "close a list index with ], as in a[0]=x");
    constexpr std::string_view kIndexHint = "a list index is a whole number, as in a[0]=x; write [ inside a key as \\[";
    GoInt i = parse_int10(r.text);
    if (i.status != GoInt::Ok)
      fail(fmt::format("error parsing index: strconv.Atoi: parsing {}: {}", tmpl::go_quote(r.text),
                       i.status == GoInt::Range ? "value out of range" : "invalid syntax"),
           kIndexHint);
    if (i.value < 0) fail(fmt::format("negative {} index not allowed", i.value), kIndexHint);
    const auto v = static_cast<std::uint64_t>(i.value);
    if (v > kHelmSetMaxIndex)
      fail(fmt::format("index of {} is greater than maximum supported index of {}", v, kHelmSetMaxIndex),
           "Helm refuses larger lists");
    return static_cast<std::size_t>(v);
  }

  // key (and listItem): the name up to its `=`. False when nothing but the
  // end is left. Helm's dots after a name count toward its nesting limit;
  // those after an index do not.
  bool name(std::vector<HelmSetKey>& path, std::size_t start) {
    int level = 0;
    while (true) {
      Run r = until("=[,.");
      if (r.last == kEnd) {
        if (r.text.empty() && path.empty() && !r.cut) return false;  // nothing left but what separated the last one
        // Helm refuses `a`, and sets nothing for `a.` or a trailing backslash.
        fail(fmt::format("key {} has no value", tmpl::go_quote(s_.substr(start))), kSeparatorHint);
      }
      if (r.last == ',')
        fail(fmt::format("key {} has no value (cannot end with ,)", tmpl::go_quote(s_.substr(start, pos_ - 1 - start))),
             kSeparatorHint);
      check_name(r.text, start);
      HelmSetKey key{std::move(r.text), {}};
      if (r.last == '=') {
        path.push_back(std::move(key));
        return true;
      }
      if (r.last == '.') {
        if (++level > kHelmSetMaxNestedNameLevel)
          fail(fmt::format("value name nested level is greater than maximum supported nested level of {}",
                           kHelmSetMaxNestedNameLevel),
               "Helm refuses deeper names");
        path.push_back(std::move(key));
        continue;
      }
      // `[`: listItem, for as many indices as follow.
      while (true) {
        key.indices.push_back(index());
        Run after = until("[.=");
        if (!after.text.empty())
          fail(fmt::format("unexpected data at end of array index: {}", tmpl::go_quote(after.text)),
               "an index is followed by =, . or another index");
        if (after.last == kEnd)  // `a[0]` at the end: Helm makes a an empty list if it was not one, and says nothing.
          fail(fmt::format("key {} has no value", tmpl::go_quote(s_.substr(start))), kSeparatorHint);
        if (after.last == '[') continue;
        path.push_back(std::move(key));
        if (after.last == '=') return true;
        break;  // '.': the next key, at the same nesting level
      }
    }
  }

  // valList, else val: the value after `=`, typed.
  Node value() {
    if (pos_ == s_.size()) {
      value_end_ = pos_;
      return Node::string("");
    }
    if (s_[pos_] != '{') {
      Run r = until(",");
      value_end_ = r.last == kEnd ? s_.size() : pos_ - 1;
      return typed_value(r.text);  // a backslash ending the text is dropped, as Helm drops it
    }
    ++pos_;
    Node list = Node::seq();
    while (true) {
      Run r = until(",}");
      if (r.last == kEnd)
        fail("list must terminate with '}'", "a value starting with { is a list, {a,b}; write \\{ for a brace");
      list.items.push_back(typed_value(r.text));
      if (r.last == '}') {
        value_end_ = pos_;
        if (pos_ < s_.size() && s_[pos_] == ',') ++pos_;  // else the next assignment starts right here, as in Helm
        return list;
      }
    }
  }
};

[[noreturn]] void conflict(const HelmSetAssignment& a, const std::string& at, const Node& was, std::string_view wanted) {
  std::string_view kind = was.is_null() ? "null" : was.is_seq() ? "a list" : was.is_map() ? "a mapping" : "a value";
  throw Error(fmt::format("--set {}: {} is {} from an earlier --set, not {}; set it whole or not at all", a.text, at,
                          kind, wanted))
      .as_usage();
}

// setIndex: list[i] = v, growing the list with nulls.
Node& grow(Node& list, std::size_t i) {
  if (list.items.size() <= i) list.items.resize(i + 1);
  return list.items[i];
}

void apply_from(Node& map, const HelmSetAssignment& a, std::size_t step, std::string at);

// listItem: `list` is a's step's list; j its index being followed.
void apply_index(Node& list, const HelmSetAssignment& a, std::size_t step, std::size_t j, const std::string& at) {
  const HelmSetKey& key = a.path[step];
  std::string here = fmt::format("{}[{}]", at, key.indices[j]);
  const std::size_t i = key.indices[j];
  const bool more_indices = j + 1 < key.indices.size();
  if (a.empty_at_end && a.path.back().indices.empty() && (more_indices || step + 1 < a.path.size()) &&
      (i >= list.items.size() || (more_indices && list.items[i].is_null())))
    // key() returns io.EOF after setting the value, and each listItem on
    // the way returns before its setIndex: an item it made is lost (one
    // that was there is changed in place, being a map or slice).
    throw Error(fmt::format("--set {}: Helm sets nothing here: its parser drops an empty value ending the text under "
                            "a list item that does not exist yet ({}); give a value, or put another assignment after "
                            "this one",
                            a.text, here))
        .as_usage();
  Node& slot = grow(list, i);
  if (j + 1 < key.indices.size()) {
    // A list in the list: what is there must be one (null starts one).
    if (!slot.is_null() && !slot.is_seq()) conflict(a, here, slot, "a list");
    if (slot.is_null()) slot = Node::seq();
    apply_index(slot, a, step, j + 1, here);
  } else if (step + 1 < a.path.size()) {
    // A map in the list: Helm replaces whatever else is there ("indices out of order").
    if (!slot.is_map()) slot = Node::map();
    apply_from(slot, a, step + 1, here);
  } else {
    slot = a.value;
  }
}

// key: the steps from `step` on, applied in `map`.
void apply_from(Node& map, const HelmSetAssignment& a, std::size_t step, std::string at) {
  const HelmSetKey& key = a.path[step];
  at = at.empty() ? key.name : at + "." + key.name;
  const bool last = step + 1 == a.path.size();
  Node* have = map.get(key.name);
  if (key.indices.empty() && last) {
    map.set(key.name, a.value);
    return;
  }
  // Helm asserts the type of what an earlier assignment put there, null
  // included (an interface conversion that fails).
  if (key.indices.empty()) {
    if (have && !have->is_map()) conflict(a, at, *have, "a mapping");
    Node& inner = have ? *have : map.set(key.name, Node::map());
    apply_from(inner, a, step + 1, at);
    return;
  }
  if (have && !have->is_seq()) conflict(a, at, *have, "a list");
  Node& list = have ? *have : map.set(key.name, Node::seq());
  apply_index(list, a, step, 0, at);
}

void coalesce_into(Node& out, const Node& user, bool top) {
  for (const auto& e : user.entries) {
    const std::string key = e.key.scalar_text();
    Node* d = out.get(key);
    if (e.value.is_null()) {
      // coalesceValues drops a user's null at the top level; below it,
      // coalesceTablesFullKey drops one that nullifies a default and keeps
      // one that names none (or a null default).
      if (top ? d != nullptr : d && !d->is_null()) out.erase(key);
      else out.set(key, Node::null());
    } else if (d && d->is_map() && e.value.is_map()) {
      coalesce_into(*d, e.value, false);
    } else {
      out.set(key, e.value);  // the user's value wins, whatever it meets (Helm warns and keeps it)
    }
  }
}

}  // namespace

std::vector<HelmSetAssignment> parse_helm_set(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    auto r = utf8::decode(text, i);
    if (!r.valid)
      throw Error(fmt::format("--set: byte {} of the text is not UTF-8 (0x{:02X}); write the text in UTF-8", i + 1,
                              static_cast<unsigned char>(text[i])))
          .as_usage();
    i += r.width;
  }
  return Parser(text).parse();
}

void apply_helm_set(Node& values, const HelmSetAssignment& assignment) {
  if (!values.is_map()) values = Node::map();
  apply_from(values, assignment, 0, "");
}

void helm_set_into(Node& values, std::string_view text) {
  for (const auto& a : parse_helm_set(text)) apply_helm_set(values, a);
}

Node helm_coalesce(const Node& user, const Node& defaults) {
  Node out = defaults.is_map() ? defaults : Node::map();
  if (user.is_map()) coalesce_into(out, user, true);
  return out;
}

const Node* helm_set_find(const Node& root, const std::vector<HelmSetKey>& path) {
  const Node* n = &root;
  for (const auto& key : path) {
    n = n->is_map() ? n->get(key.name) : nullptr;
    for (std::size_t i : key.indices) n = n && n->is_seq() && i < n->items.size() ? &n->items[i] : nullptr;
    if (!n) return nullptr;
  }
  return n;
}

std::string helm_set_dotted(const std::vector<HelmSetKey>& path) {
  std::string out;
  for (const auto& key : path) out += (out.empty() ? "" : ".") + key.name;
  return out;
}

}  // namespace kinject
