// Sprig's word functions over Masterminds/goutils (abbrev, abbrevboth,
// initials, wrap, wrapWith) and its small string helpers (plural, splitn,
// hello), each after the Go source it names. goutils slices bytes, not
// runes, and so do these.
#include <fmt/format.h>

#include "kinject/base/unicode.h"
#include "kinject/base/utf8.h"

#include "internal.h"
#include "kinject/gofuncs/gostrings.h"

namespace kinject::tmpl {

namespace {

// goutils.AbbreviateFull; its errors (a width under 4, or under 7 with an
// offset) are dropped by Sprig, leaving "".
std::string abbreviate_full(std::string_view s, std::int64_t offset, std::int64_t max_width) {
  if (s.empty()) return "";
  if (max_width < 4) return "";
  auto len = static_cast<std::int64_t>(s.size());
  if (len <= max_width) return std::string(s);
  if (offset > len) offset = len;
  if (len - offset < max_width - 3) offset = len - (max_width - 3);
  if (offset <= 4) return std::string(s.substr(0, static_cast<std::size_t>(max_width - 3))) + "...";
  if (max_width < 7) return "";
  if (offset + max_width - 3 < len) {
    return "..." + abbreviate_full(s.substr(static_cast<std::size_t>(offset)), 0, max_width - 3);
  }
  return "..." + std::string(s.substr(static_cast<std::size_t>(len - (max_width - 3))));
}

Value abbrev(Args a) {
  std::int64_t width = a[0].as_int();
  if (width < 4) return a[1];
  return str(abbreviate_full(a[1].as_string(), 0, width));
}

Value abbrevboth(Args a) {
  std::int64_t left = a[0].as_int(), right = a[1].as_int();
  if (right < 4 || (left > 0 && right < 7)) return a[2];
  return str(abbreviate_full(a[2].as_string(), left, right));
}

// unicode.IsSpace of a rune up to U+00FF, which is all goutils' Initials
// sees: it walks bytes, each taken as a rune.
bool is_latin1_space(unsigned char c) { return unicode::is_space(c); }

// goutils.Initials: the first byte of the string and each byte after
// whitespace, every byte written as the rune of that number (so a byte of
// a multi-byte character becomes a Latin-1 character, as in Go).
Value initials(Args a) {
  std::string out;
  bool gap = true;
  for (char ch : a[0].as_string()) {
    auto c = static_cast<unsigned char>(ch);
    if (is_latin1_space(c)) {
      gap = true;
    } else if (gap) {
      utf8::append(out, c);
      gap = false;
    }
  }
  return str(out);
}

// goutils.WrapCustom: words are split at ' '; leading spaces of a new line
// are dropped; a word longer than the width is broken only when
// `long_words` is set.
std::string wrap_custom(std::string_view s, std::int64_t width, std::string_view nl, bool long_words) {
  if (s.empty()) return "";
  if (nl.empty()) nl = "\n";
  if (width < 1) width = 1;
  auto w = static_cast<std::size_t>(std::min<std::int64_t>(width, static_cast<std::int64_t>(s.size()) + 1));
  std::string out;
  std::size_t offset = 0;
  while (s.size() - offset > w) {
    if (s[offset] == ' ') {
      ++offset;
      continue;
    }
    std::size_t space = s.substr(offset, w + 1).rfind(' ');
    if (space != std::string_view::npos) {
      out.append(s.substr(offset, space));
      out.append(nl);
      offset += space + 1;
    } else if (long_words) {
      out.append(s.substr(offset, w));
      out.append(nl);
      offset += w;
    } else {
      std::size_t next = s.find(' ', w + offset);
      if (next == std::string_view::npos) {
        out.append(s.substr(offset));
        offset = s.size();
      } else {
        out.append(s.substr(offset, next - offset));
        out.append(nl);
        offset = next + 1;
      }
    }
    check_bytes(out.size(), "the wrapped string");
  }
  out.append(s.substr(offset));
  return out;
}

Value wrap(Args a) { return str(wrap_custom(a[1].as_string(), a[0].as_int(), "", false)); }

Value wrap_with(Args a) { return str(wrap_custom(a[2].as_string(), a[0].as_int(), a[1].as_string(), true)); }

Value plural(Args a) { return a[2].as_int() == 1 ? a[0] : a[1]; }

// strings.SplitN(s, sep, n) as Sprig's map {_0: ..., _1: ...}.
Value splitn(Args a) {
  const std::string& sep = a[0].as_string();
  std::int64_t n = a[1].as_int();
  std::string_view s = a[2].as_string();
  std::vector<std::string_view> parts;
  if (n < 0) {
    parts = split(s, sep);
  } else if (n > 0) {
    auto limit = static_cast<std::uint64_t>(n);
    if (sep.empty()) {
      // explode: one rune per part, the last part the rest.
      std::size_t i = 0;
      while (i < s.size() && parts.size() + 1 < limit) {
        std::size_t w = utf8::decode(s, i).width;
        parts.push_back(s.substr(i, w));
        i += w;
      }
      if (i < s.size()) parts.push_back(s.substr(i));
    } else {
      std::size_t start = 0;
      while (parts.size() + 1 < limit) {
        std::size_t at = s.find(sep, start);
        if (at == std::string_view::npos) break;
        parts.push_back(s.substr(start, at - start));
        start = at + sep.size();
      }
      parts.push_back(s.substr(start));
    }
  }
  check_items(parts.size(), "the split");
  Value::Map m;
  for (std::size_t i = 0; i < parts.size(); ++i) m.emplace(fmt::format("_{}", i), str(std::string(parts[i])));
  return Value::map(std::move(m), Elem::String);
}

Value hello(Args) { return str("Hello!"); }

}  // namespace

FuncTable sprig_word_funcs() {
  return {
      {"abbrev", fixed({P::Int, P::String}, abbrev)},
      {"abbrevboth", fixed({P::Int, P::Int, P::String}, abbrevboth)},
      {"initials", fixed({P::String}, initials)},
      {"wrap", fixed({P::Int, P::String}, wrap)},
      {"wrapWith", fixed({P::Int, P::String, P::String}, wrap_with)},
      {"plural", fixed({P::String, P::String, P::Int}, plural)},
      {"splitn", fixed({P::String, P::Int, P::String}, splitn)},
      {"hello", fixed({}, hello)},
  };
}

}  // namespace kinject::tmpl
