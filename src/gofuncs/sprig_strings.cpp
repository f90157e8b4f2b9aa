// Sprig's string functions (strings.go), its string-list functions
// (split, splitList, join, toStrings, sortAlpha) and its encodings
// (b64enc, b64dec, sha256sum). Where Sprig takes the string last
// (`trimPrefix "ab" "abc"`), so do these: templates pipe it in.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "kinject/base/text.h"
#include "kinject/base/unicode.h"
#include "kinject/base/utf8.h"

#include "internal.h"
#include "kinject/gofuncs/gostrings.h"
#include "kinject/gofuncs/sprig.h"

namespace kinject::tmpl {

namespace {

// quote, squote and cat: each non-nil argument, formatted, joined by
// spaces. The size is checked as it grows: one long string may be passed
// many times.
template <typename Format>
Value join_formatted(Args a, Format format, std::string_view what) {
  std::vector<std::string> out;
  std::uint64_t total = 0;
  for (const auto& v : a) {
    if (!v.is_nullish()) check_bytes(total += (out.emplace_back(format(v))).size(), what);
  }
  return str(join(out, " "));
}

Value quote(Args a) {
  // The templates' usual call, `quote` of one plain string, quoted straight
  // into the result: what strval and the join would give, without their
  // copies of the string.
  if (a.size() == 1 && a[0].kind() == Kind::String && !(a[0].type() && a[0].type()->stringer)) {
    std::string out = go_quote(a[0].as_string());
    check_bytes(out.size(), "the quoted strings");
    return str(std::move(out));
  }
  return join_formatted(a, [](const Value& v) { return go_quote(strval(v)); }, "the quoted strings");
}

Value squote(Args a) {
  return join_formatted(a, [](const Value& v) { return "'" + strval(v) + "'"; }, "the quoted strings");
}

Value cat(Args a) { return join_formatted(a, strval, "the joined strings"); }

// strings.ToUpper, ToLower, Title: Go's Unicode mappings, not ASCII's.
Value upper(Args a) { return str(unicode::go_to_upper(a[0].as_string())); }

Value lower(Args a) { return str(unicode::go_to_lower(a[0].as_string())); }

Value title(Args a) { return str(unicode::go_title(a[0].as_string())); }

Value trim(Args a) { return str(std::string(trim_space(a[0].as_string()))); }

Value trim_all(Args a) { return str(trim_cutset(a[1].as_string(), a[0].as_string())); }

Value trim_prefix(Args a) {
  const auto& p = a[0].as_string();
  const auto& s = a[1].as_string();
  return str(s.compare(0, p.size(), p) == 0 && s.size() >= p.size() ? s.substr(p.size()) : s);
}

Value trim_suffix(Args a) {
  const auto& p = a[0].as_string();
  const auto& s = a[1].as_string();
  bool has = s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
  return str(has ? s.substr(0, s.size() - p.size()) : s);
}

Value trunc(Args a) {
  // Negative counts keep the tail; byte-based like Sprig.
  std::int64_t c = a[0].as_int();
  const auto& s = a[1].as_string();
  auto len = static_cast<std::int64_t>(s.size());
  if (c < 0 && len + c > 0) return str(s.substr(static_cast<std::size_t>(len + c)));
  if (c >= 0 && len > c) return str(s.substr(0, static_cast<std::size_t>(c)));
  return a[1];
}

Value substr(Args a) {
  std::int64_t start = a[0].as_int(), end = a[1].as_int();
  const auto& s = a[2].as_string();
  auto len = static_cast<std::int64_t>(s.size());
  if (start < 0) return str(s.substr(0, static_cast<std::size_t>(std::clamp<std::int64_t>(end, 0, len))));
  if (end < 0 || end > len) return str(s.substr(static_cast<std::size_t>(std::min(start, len))));
  if (start > end) throw FuncError(fmt::format("runtime error: slice bounds out of range [{}:{}]", start, end));
  return str(s.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start)));
}

Value replace(Args a) {
  return str(replace_all(a[2].as_string(), a[0].as_string(), a[1].as_string()));
}

Value repeat(Args a) {
  std::int64_t n = a[0].as_int();
  if (n < 0) throw FuncError("strings: negative Repeat count");
  if (a[1].as_string().empty()) return str("");
  // (n is below 2^63 and the length below 2^26 + 1: the product fits.)
  check_bytes(std::min<std::uint64_t>(static_cast<std::uint64_t>(n), kMaxStringBytes + 1) * a[1].as_string().size(),
              "the repeated string");
  std::string out;
  for (std::int64_t i = 0; i < n; ++i) out += a[1].as_string();
  return str(out);
}

// goutils.DeleteWhiteSpace: it reads the string byte by byte, each byte as
// the rune of that number, so a byte of a multi-byte rune that is Latin-1
// white space (0x85, 0xA0) is dropped and, once anything was dropped, every
// other byte >= 0x80 is written as the UTF-8 of its Latin-1 rune.
Value nospace(Args a) {
  const std::string& s = a[0].as_string();
  std::string out;
  bool dropped = false;
  for (char c : s) {
    auto r = static_cast<char32_t>(static_cast<unsigned char>(c));
    if (unicode::is_space(r)) {
      dropped = true;
    } else {
      utf8::append(out, r);
    }
  }
  return dropped ? str(out) : a[0];
}

Value contains(Args a) {
  return Value::boolean(a[1].as_string().find(a[0].as_string()) != std::string::npos);
}

Value has_prefix(Args a) {
  return Value::boolean(a[1].as_string().compare(0, a[0].as_string().size(), a[0].as_string()) == 0 &&
                        a[1].as_string().size() >= a[0].as_string().size());
}

Value has_suffix(Args a) {
  const auto& suf = a[0].as_string();
  const auto& s = a[1].as_string();
  return Value::boolean(s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0);
}

Value split_dict(Args a) {
  Value::Map m;
  auto parts = split(a[1].as_string(), a[0].as_string());
  check_items(parts.size(), "the split");
  for (std::size_t i = 0; i < parts.size(); ++i) m.emplace("_" + std::to_string(i), str(std::string(parts[i])));
  return Value::map(std::move(m), Elem::String);
}

Value split_list(Args a) {
  std::vector<std::string> out;
  auto parts = split(a[1].as_string(), a[0].as_string());
  check_items(parts.size(), "the split");
  for (auto p : parts) out.emplace_back(p);
  return string_list(std::move(out));
}

Value join_list(Args a) { return str(join(strslice(a[1]), a[0].as_string())); }

// Sprig's strslice returns a []string argument itself, so a nil one stays
// nil (toStrings, sortAlpha); a nil []interface{} becomes an empty []string.
bool is_nil_strings(const Value& v) { return v.is_nil_collection() && v.kind() == Kind::List && v.elem() == Elem::String; }

Value strings_of(Args a) { return is_nil_strings(a[0]) ? a[0] : string_list(strslice(a[0])); }

Value sort_alpha(Args a) {
  if (is_nil_strings(a[0])) return a[0];
  auto v = strslice(a[0]);
  std::sort(v.begin(), v.end());
  return string_list(std::move(v));
}

// Sprig's indent pads every line (Istio's replaces it in injection_funcs).
Value indent(Args a) {
  check_indent(a[0].as_int(), a[1].as_string());
  std::string pad(static_cast<std::size_t>(std::max<std::int64_t>(a[0].as_int(), 0)), ' ');
  return str(pad + replace_all(a[1].as_string(), "\n", "\n" + pad));
}

// Sprig's nindent is "\n" + indent.
Value nindent(Args a) { return str("\n" + indent(a).as_string()); }

Value string_of(Args a) { return str(strval(a[0])); }

Value b64enc(Args a) { return str(base64_encode(a[0].as_string())); }

Value b64dec(Args a) {
  std::string err;
  auto out = base64_decode(a[0].as_string(), &err);
  return str(out ? *out : err);
}

Value sha256sum(Args a) { return str(sha256_hex(a[0].as_string())); }

}  // namespace

FuncTable sprig_string_funcs() {
  return {
      {"quote", variadic({}, P::Any, quote)},
      {"squote", variadic({}, P::Any, squote)},
      {"cat", variadic({}, P::Any, cat)},
      {"upper", fixed({P::String}, upper)},
      {"lower", fixed({P::String}, lower)},
      {"title", fixed({P::String}, title)},
      {"trim", fixed({P::String}, trim)},
      {"trimAll", fixed({P::String, P::String}, trim_all)},
      {"trimall", fixed({P::String, P::String}, trim_all)},
      {"trimPrefix", fixed({P::String, P::String}, trim_prefix)},
      {"trimSuffix", fixed({P::String, P::String}, trim_suffix)},
      {"trunc", fixed({P::Int, P::String}, trunc)},
      {"substr", fixed({P::Int, P::Int, P::String}, substr)},
      {"replace", fixed({P::String, P::String, P::String}, replace)},
      {"repeat", fixed({P::Int, P::String}, repeat)},
      {"nospace", fixed({P::String}, nospace)},
      {"contains", fixed({P::String, P::String}, contains)},
      {"hasPrefix", fixed({P::String, P::String}, has_prefix)},
      {"hasSuffix", fixed({P::String, P::String}, has_suffix)},
      {"split", fixed({P::String, P::String}, split_dict)},
      {"splitList", fixed({P::String, P::String}, split_list)},
      {"join", fixed({P::String, P::Any}, join_list)},
      {"toStrings", fixed({P::Any}, strings_of)},
      {"sortAlpha", fixed({P::Any}, sort_alpha)},
      {"indent", fixed({P::Int, P::String}, indent)},
      {"nindent", fixed({P::Int, P::String}, nindent)},
      {"toString", fixed({P::Any}, string_of)},
      {"b64enc", fixed({P::String}, b64enc)},
      {"b64dec", fixed({P::String}, b64dec)},
      {"sha256sum", fixed({P::String}, sha256sum)},
  };
}

}  // namespace kinject::tmpl
