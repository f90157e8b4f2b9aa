// Sprig's case conversions (functions.go, strings.go): snakecase and
// kebabcase (xstrings v1.5.0 ToSnakeCase, ToKebabCase), camelcase
// (xstrings.ToPascalCase: Sprig kept upper camel case when xstrings 1.5
// changed ToCamelCase), swapcase (goutils v1.1.1 SwapCase, not xstrings')
// and untitle (goutils.Uncapitalize), each translated statement by statement
// from the Go source, quirks included, over Go's Unicode classes
// (base/unicode.h). Go walks the bytes with utf8.DecodeRuneInString, which
// reads an invalid byte as U+FFFD of width 1; xstrings then cannot tell that
// from a real U+FFFD, and neither can these.
#include <string>
#include <string_view>
#include <vector>

#include "kinject/base/unicode.h"
#include "kinject/base/utf8.h"

#include "internal.h"

namespace kinject::tmpl {

namespace {

constexpr char32_t kRuneError = utf8::kReplacement;

struct Decoded {
  char32_t r;
  std::size_t size;
};

// utf8.DecodeRuneInString of a non-empty s.
Decoded decode(std::string_view s) {
  utf8::Rune r = utf8::decode(s, 0);
  return {static_cast<char32_t>(r.value), r.width};
}

void write_rune(std::string& out, char32_t r) { utf8::append(out, static_cast<std::uint32_t>(r)); }

// xstrings' isConnector.
bool is_connector(char32_t r) { return r == '-' || r == '_' || unicode::is_space(r); }

// xstrings' isAlphabet: a letter, but not a CJK ideograph.
bool is_alphabet(char32_t r) {
  if (!unicode::is_letter(r)) return false;
  if (r < 0x3400) return true;
  if (r >= 0x4E00 && r <= 0x9FCC) return false;
  if (r >= 0x3400 && r <= 0x4D85) return false;
  if (r >= 0x20000 && r <= 0x2B81D) return false;
  return true;
}

// xstrings' toCamelCase (convert.go); Sprig's camelcase is is_big = true.
std::string to_camel_case(std::string_view str, bool is_big) {
  if (str.empty()) return "";
  std::string buf;
  bool first_rune_upper = false;
  char32_t r0 = 0, r1 = 0;
  std::size_t size = 0;
  // A leading connector appears in the output.
  while (!str.empty()) {
    auto d = decode(str);
    r0 = d.r, size = d.size;
    str.remove_prefix(size);
    if (!is_connector(r0)) {
      first_rune_upper = unicode::is_upper(r0);
      r0 = is_big ? unicode::to_upper(r0) : unicode::to_lower(r0);
      break;
    }
    write_rune(buf, r0);
  }
  if (str.empty()) {
    // xstrings' "special case for a string [that] contains only 1 rune":
    // it also writes an all-connector string's last connector twice.
    if (size != 0) write_rune(buf, r0);
    return buf;
  }
  while (!str.empty()) {
    r1 = r0;
    auto d = decode(str);
    r0 = d.r;
    str.remove_prefix(d.size);
    if (is_connector(r0) && is_connector(r1)) {
      write_rune(buf, r1);
      continue;
    }
    if (is_connector(r1)) {
      first_rune_upper = unicode::is_upper(r0);
      r0 = unicode::to_upper(r0);
    } else {
      if (first_rune_upper) {
        if (unicode::is_upper(r0)) {
          r0 = unicode::to_lower(r0);
        } else {
          first_rune_upper = false;
        }
      }
      write_rune(buf, r1);
    }
  }
  if (first_rune_upper && !is_big) r0 = unicode::to_lower(r0);
  write_rune(buf, r0);
  return buf;
}

enum class WordType { Invalid, Number, UpperCase, Alphabet, Connector, Punct, Other };

struct Word {
  WordType type = WordType::Invalid;
  std::string_view word, remaining;
};

// xstrings' nextValidRune: the first rune of s that is not RuneError, and
// the bytes up to its end; `prev` and all of s where there is none.
Decoded next_valid_rune(std::string_view s, char32_t prev) {
  std::size_t size = 0;
  while (!s.empty()) {
    auto d = decode(s);
    size += d.size;
    if (d.r != kRuneError) return {d.r, size};
    s.remove_prefix(d.size);
  }
  return {prev, size};
}

// xstrings' nextWord.
Word next_word(std::string_view str) {
  Word w;
  if (str.empty()) return w;
  std::size_t offset = 0;
  std::string_view remaining = str;
  Decoded first = next_valid_rune(remaining, kRuneError);
  char32_t r = first.r;
  std::size_t size = first.size;
  offset += size;
  if (r == kRuneError) return {WordType::Invalid, str.substr(0, offset), str.substr(offset)};

  // Takes runes while `more` holds of the next valid one.
  auto take_while = [&](auto more) {
    while (!remaining.empty()) {
      auto d = next_valid_rune(remaining, r);
      r = d.r, size = d.size;
      if (!more(r)) break;
      offset += size;
      remaining.remove_prefix(size);
    }
  };
  if (is_connector(r)) {
    w.type = WordType::Connector;
    remaining.remove_prefix(size);
    take_while(is_connector);
  } else if (unicode::is_punct(r)) {
    w.type = WordType::Punct;
    remaining.remove_prefix(size);
    take_while(unicode::is_punct);
  } else if (unicode::is_upper(r)) {
    w.type = WordType::UpperCase;
    remaining.remove_prefix(size);
    if (!remaining.empty()) {
      auto d = next_valid_rune(remaining, r);
      r = d.r, size = d.size;
      if (unicode::is_upper(r)) {
        std::size_t prev_size = size;
        offset += size;
        remaining.remove_prefix(size);
        while (!remaining.empty()) {
          auto e = next_valid_rune(remaining, r);
          r = e.r, size = e.size;
          if (!unicode::is_upper(r)) break;
          prev_size = size;
          offset += size;
          remaining.remove_prefix(size);
        }
        // "HTTPStatus" is "HTTP" and "Status": the last upper-case rune
        // starts the next word when a letter follows it.
        if (!remaining.empty() && is_alphabet(r)) {
          offset -= prev_size;
          remaining = str.substr(offset);
        }
      } else if (is_alphabet(r)) {
        offset += size;
        remaining.remove_prefix(size);
        take_while([](char32_t c) { return is_alphabet(c) && !unicode::is_upper(c); });
      }
    }
  } else if (is_alphabet(r)) {
    w.type = WordType::Alphabet;
    remaining.remove_prefix(size);
    take_while([](char32_t c) { return is_alphabet(c) && !unicode::is_upper(c); });
  } else if (unicode::is_number(r)) {
    w.type = WordType::Number;
    remaining.remove_prefix(size);
    take_while(unicode::is_number);
  } else {
    w.type = WordType::Other;
    remaining.remove_prefix(size);
    while (!remaining.empty()) {
      auto d = next_valid_rune(remaining, r);
      r = d.r, size = d.size;
      if (size == 0 || is_connector(r) || is_alphabet(r) || unicode::is_number(r) || unicode::is_punct(r)) break;
      offset += size;
      remaining.remove_prefix(size);
    }
  }
  w.word = str.substr(0, offset);
  w.remaining = remaining;
  return w;
}

// xstrings' toLower: upper-case and connector words rune by rune, others as
// they are (invalid bytes included).
void to_lower(std::string& buf, WordType wt, std::string_view str, char32_t connector) {
  if (wt != WordType::UpperCase && wt != WordType::Connector) {
    buf += str;
    return;
  }
  while (!str.empty()) {
    auto [r, size] = decode(str);
    str.remove_prefix(size);
    if (is_connector(r)) {
      write_rune(buf, connector);
    } else if (unicode::is_upper(r)) {
      write_rune(buf, unicode::to_lower(r));
    } else {
      write_rune(buf, r);
    }
  }
}

// xstrings' camelCaseToLowerCase (ToSnakeCase, ToKebabCase).
std::string camel_case_to_lower_case(std::string_view str, char32_t connector) {
  using WT = WordType;
  if (str.empty()) return "";
  std::string buf;
  Word w = next_word(str);
  auto advance = [&] { w = next_word(w.remaining); };
  auto alnum = [&] { return w.type == WT::Alphabet || w.type == WT::Number; };
  while (!w.remaining.empty()) {
    if (w.type != WT::Connector) to_lower(buf, w.type, w.word, connector);
    WT prev = w.type;
    std::string_view last = w.word;
    advance();
    switch (prev) {
      case WT::Number:
        while (alnum()) {
          to_lower(buf, w.type, w.word, connector);
          advance();
        }
        if (w.type != WT::Invalid && w.type != WT::Punct && w.type != WT::Connector) write_rune(buf, connector);
        break;
      case WT::Connector: to_lower(buf, prev, last, connector); break;
      case WT::Punct: break;
      default: {
        if (w.type != WT::Number) {
          if (w.type != WT::Connector && w.type != WT::Punct) write_rune(buf, connector);
          break;
        }
        if (w.remaining.empty()) break;
        std::string_view number = w.word;
        advance();
        // A number is part of the word before it ("Bld4Floor" is
        // "bld4_floor") unless letters follow it ("HTTP2xx" is "http_2xx").
        if (w.type != WT::Alphabet) {
          to_lower(buf, WT::Number, number, connector);
          if (w.type != WT::Connector && w.type != WT::Punct) write_rune(buf, connector);
          break;
        }
        write_rune(buf, connector);
        to_lower(buf, WT::Number, number, connector);
        while (alnum()) {
          to_lower(buf, w.type, w.word, connector);
          advance();
        }
        if (w.type != WT::Invalid && w.type != WT::Connector && w.type != WT::Punct) write_rune(buf, connector);
        break;
      }
    }
  }
  to_lower(buf, w.type, w.word, connector);
  return buf;
}

// []rune(s): each invalid byte is U+FFFD.
std::vector<char32_t> runes(std::string_view s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    utf8::Rune r = utf8::decode(s, i);
    out.push_back(static_cast<char32_t>(r.value));
    i += r.width;
  }
  return out;
}

std::string from_runes(const std::vector<char32_t>& rs) {
  std::string out;
  for (char32_t r : rs) write_rune(out, r);
  return out;
}

// goutils.SwapCase: upper and title case to lower; lower case to title
// case at the start and after white space, to upper case elsewhere.
std::string swap_case(std::string_view s) {
  if (s.empty()) return "";
  std::vector<char32_t> buf = runes(s);
  bool whitespace = true;
  for (char32_t& ch : buf) {
    if (unicode::is_upper(ch) || unicode::is_title(ch)) {
      ch = unicode::to_lower(ch);
      whitespace = false;
    } else if (unicode::is_lower(ch)) {
      ch = whitespace ? unicode::to_title(ch) : unicode::to_upper(ch);
      whitespace = false;
    } else {
      whitespace = unicode::is_space(ch);
    }
  }
  return from_runes(buf);
}

// goutils.Uncapitalize with no delimiters: the first rune and the first
// after each run of white space in lower case.
std::string uncapitalize(std::string_view s) {
  if (s.empty()) return "";
  std::vector<char32_t> buf = runes(s);
  bool next = true;
  for (char32_t& ch : buf) {
    if (unicode::is_space(ch)) {
      next = true;
    } else if (next) {
      ch = unicode::to_lower(ch);
      next = false;
    }
  }
  return from_runes(buf);
}

Value snakecase(Args a) { return str(camel_case_to_lower_case(a[0].as_string(), '_')); }
Value kebabcase(Args a) { return str(camel_case_to_lower_case(a[0].as_string(), '-')); }
Value camelcase(Args a) { return str(to_camel_case(a[0].as_string(), true)); }
Value swapcase(Args a) { return str(swap_case(a[0].as_string())); }
Value untitle(Args a) { return str(uncapitalize(a[0].as_string())); }

}  // namespace

FuncTable sprig_case_funcs() {
  return {
      {"snakecase", fixed({P::String}, snakecase)},
      {"kebabcase", fixed({P::String}, kebabcase)},
      {"camelcase", fixed({P::String}, camelcase)},
      {"swapcase", fixed({P::String}, swapcase)},
      {"untitle", fixed({P::String}, untitle)},
  };
}

}  // namespace kinject::tmpl
