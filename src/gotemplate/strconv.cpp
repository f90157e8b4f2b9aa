// Go's strconv as far as templates observe it: Unquote for the literals a
// template holds, Quote for error messages and %q, ParseInt/ParseUint/
// ParseFloat for number literals, and FormatFloat's shortest form, which is
// also how fmt prints a float64.
#include "strconv.h"

#include <array>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <utility>

#include "kinject/gotemplate/strconv.h"

#include "kinject/base/unicode.h"
#include "kinject/base/utf8.h"

namespace kinject::tmpl {

namespace detail {

namespace {

// The escapes of one letter, both ways: \a is '\a' and so on.
constexpr std::pair<char, char> kLetterEscapes[] = {
    {'a', '\a'}, {'b', '\b'}, {'f', '\f'}, {'n', '\n'}, {'r', '\r'}, {'t', '\t'}, {'v', '\v'},
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The n hex digits at s[i] as a number; nullopt if there are fewer.
std::optional<std::uint32_t> hex_number(std::string_view s, std::size_t i, std::size_t n) {
  if (i + n > s.size()) return std::nullopt;
  std::uint32_t r = 0;
  for (std::size_t k = 0; k < n; ++k) {
    int h = hex_value(s[i + k]);
    if (h < 0) return std::nullopt;
    r = r * 16 + static_cast<std::uint32_t>(h);
  }
  return r;
}

// The escape whose letter is at body[i], just past a backslash (Go's
// UnquoteChar), appended to out; i moves past it. false on bad syntax.
bool unescape(std::string_view body, std::size_t& i, char quote, std::string& out) {
  char e = body[i++];
  for (auto [letter, c] : kLetterEscapes) {
    if (e == letter) {
      out += c;
      return true;
    }
  }
  switch (e) {
    case '\\': out += '\\'; return true;
    case '"':
    case '\'':
      if (e != quote) return false;  // \' only in '...', \" only in "..."
      out += e;
      return true;
    case 'x': {  // one byte, which need not be UTF-8
      auto b = hex_number(body, i, 2);
      if (!b) return false;
      out += static_cast<char>(*b);
      i += 2;
      return true;
    }
    case 'u':
    case 'U': {
      std::size_t n = e == 'u' ? 4 : 8;
      auto r = hex_number(body, i, n);
      if (!r || !utf8::is_scalar(*r)) return false;
      utf8::append(out, *r);
      i += n;
      return true;
    }
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {  // \ooo, one byte
      if (i + 2 > body.size()) return false;
      int v = e - '0';
      for (std::size_t k = 0; k < 2; ++k) {
        char d = body[i + k];
        if (d < '0' || d > '7') return false;
        v = v * 8 + (d - '0');
      }
      if (v > 255) return false;
      out += static_cast<char>(v);
      i += 2;
      return true;
    }
    default: return false;
  }
}

// A `...` literal's body: taken as it is, but for carriage returns, which
// Go discards from raw strings.
std::optional<std::string> unquote_raw(std::string_view body) {
  if (body.find('`') != std::string_view::npos) return std::nullopt;
  std::string out;
  for (char c : body) {
    if (c != '\r') out += c;
  }
  return out;
}

}  // namespace

std::optional<std::string> unquote(std::string_view q) {
  if (q.size() < 2) return std::nullopt;
  char quote = q.front();
  if (q.back() != quote) return std::nullopt;
  std::string_view body = q.substr(1, q.size() - 2);
  if (quote == '`') return unquote_raw(body);
  if (quote != '"' && quote != '\'') return std::nullopt;
  std::string out;
  for (std::size_t i = 0; i < body.size();) {
    char c = body[i];
    if (c == quote && quote == '"') return std::nullopt;
    if (c == '\n') return std::nullopt;
    if (c != '\\') {
      out += c;
      ++i;
      continue;
    }
    if (++i >= body.size() || !unescape(body, i, quote, out)) return std::nullopt;
  }
  return out;
}

namespace {

// Go's underscoreOK: '_' may only separate digits (or follow a base prefix).
bool underscore_ok(std::string_view s) {
  char saw = '^';
  std::size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  bool hex = false;
  auto lower = [](char c) { return static_cast<char>(c | 0x20); };
  if (s.size() >= 2 && s[0] == '0' && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
    i = 2;
    saw = '0';
    hex = lower(s[1]) == 'x';
  }
  for (; i < s.size(); ++i) {
    char c = s[i];
    if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw = '0';
      continue;
    }
    if (c == '_') {
      if (saw != '0') return false;
      saw = '_';
      continue;
    }
    if (saw == '_') return false;
    saw = '!';
  }
  return saw != '_';
}

}  // namespace

// strconv.ParseUint(s, 0, 64).
bool parse_uint_base0(std::string_view s, std::uint64_t* out) {
  if (s.empty()) return false;
  if (s.find('_') != std::string_view::npos && !underscore_ok(s)) return false;
  int base = 10;
  std::string_view digits = s;
  if (s[0] == '0') {
    char c = s.size() >= 3 ? static_cast<char>(s[1] | 0x20) : '\0';
    if (c == 'b' || c == 'o' || c == 'x') {
      base = c == 'b' ? 2 : c == 'o' ? 8 : 16;
      digits = s.substr(2);
    } else {
      base = 8;
      digits = s.substr(1);
    }
  }
  std::uint64_t v = 0;
  for (char c : digits) {
    if (c == '_') continue;
    int d;
    if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      d = (c | 0x20) - 'a' + 10;
    } else {
      return false;
    }
    if (d >= base) return false;
    auto ub = static_cast<std::uint64_t>(base);
    if (v > (std::numeric_limits<std::uint64_t>::max() - static_cast<std::uint64_t>(d)) / ub) return false;
    v = v * ub + static_cast<std::uint64_t>(d);
  }
  *out = v;
  return true;
}

bool parse_int_base0(std::string_view s, std::int64_t* out) {
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  std::uint64_t u;
  if (!parse_uint_base0(s, &u)) return false;
  if (neg) {
    if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + 1) return false;
    *out = static_cast<std::int64_t>(0 - u);
  } else {
    if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return false;
    *out = static_cast<std::int64_t>(u);
  }
  return true;
}


// strconv.IsPrint, from Go's own tables (base/unicode.h).
bool is_print_rune(std::uint32_t r) { return r <= 0x10FFFF && unicode::is_print(static_cast<char32_t>(r)); }

namespace {

// Appends \x, \u or \U (the `kind`) and `digits` lower-case hex digits of v.
void append_escape(std::string& out, char kind, std::uint32_t v, int digits) {
  static constexpr std::string_view hex = "0123456789abcdef";
  out += '\\';
  out += kind;
  for (int k = (digits - 1) * 4; k >= 0; k -= 4) out += hex[(v >> k) & 15];
}

// How strconv.Quote writes a rune it does not print as it is.
void append_escaped_rune(std::string& out, std::uint32_t r) {
  for (auto [letter, c] : kLetterEscapes) {
    if (r == static_cast<unsigned char>(c)) {
      out += '\\';
      out += letter;
      return;
    }
  }
  if (r < ' ' || r == 0x7F) {
    append_escape(out, 'x', r, 2);
  } else if (r < 0x10000) {
    append_escape(out, 'u', r, 4);
  } else {
    append_escape(out, 'U', r, 8);
  }
}

}  // namespace

void quote_into(std::string& out, std::string_view s, char q, bool ascii_only) {
  // strconv.IsPrint of an ASCII rune: from space to '~' (Go's tables agree).
  auto printable_ascii = [q](char c) { return c >= ' ' && c < 0x7F && c != q && c != '\\'; };
  out += q;
  for (std::size_t i = 0; i < s.size();) {
    // A run of printable ASCII is written as it is, without decoding.
    if (printable_ascii(s[i])) {
      std::size_t end = i + 1;
      while (end < s.size() && printable_ascii(s[end])) ++end;
      out.append(s, i, end - i);
      i = end;
      continue;
    }
    auto [r, w, valid] = utf8::decode(s, i);
    if (!valid) {  // a byte that is no UTF-8 is written as \xNN
      append_escape(out, 'x', static_cast<unsigned char>(s[i]), 2);
      i += 1;
      continue;
    }
    i += w;
    if (r == static_cast<std::uint32_t>(q) || r == '\\') {
      out += '\\';
      out += static_cast<char>(r);
    } else if (ascii_only ? (r < 0x7F && is_print_rune(r)) : is_print_rune(r)) {
      utf8::append(out, r);
    } else {
      append_escaped_rune(out, r);
    }
  }
  out += q;
}

}  // namespace detail

bool parse_go_float(std::string_view s, double* out) {
  if (s.empty()) return false;
  // What strtod takes and ParseFloat does not: leading space, "nan(...)",
  // a sign before nan, a hexadecimal mantissa without its 'p' exponent.
  if (std::isspace(static_cast<unsigned char>(s[0])) || s.find('(') != std::string_view::npos) return false;
  std::string_view body = s.substr(s[0] == '+' || s[0] == '-' ? 1 : 0);
  if (body.size() < s.size() && !body.empty() && (body[0] | 0x20) == 'n') return false;
  bool hex = body.size() > 1 && body[0] == '0' && (body[1] | 0x20) == 'x';
  if (hex && body.find_first_of("pP") == std::string_view::npos) return false;
  std::string t;
  if (s.find('_') != std::string_view::npos) {
    if (!detail::underscore_ok(s)) return false;
    for (char c : s) {
      if (c != '_') t += c;
    }
  } else {
    t = std::string(s);
  }
  char* end = nullptr;
  errno = 0;
  double d = std::strtod(t.c_str(), &end);
  if (end != t.c_str() + t.size()) return false;
  if (errno == ERANGE && std::isinf(d)) return false;
  *out = d;
  return true;
}

std::string go_quote(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  detail::quote_into(out, s, '"', false);
  return out;
}

namespace {

// Shortest round-trip digits of a finite, non-zero |f|: digits and the
// decimal exponent such that value = 0.d1d2d3... * 10^dp.
struct Digits {
  std::string d;
  int dp = 0;
};

Digits shortest_digits(double f) {
  std::array<char, 64> buf{};
  auto res = std::to_chars(buf.data(), buf.data() + buf.size(), std::fabs(f), std::chars_format::scientific);
  std::string_view s(buf.data(), static_cast<std::size_t>(res.ptr - buf.data()));
  Digits out;
  std::size_t e = s.find('e');
  for (std::size_t i = 0; i < e; ++i) {
    if (s[i] != '.') out.d += s[i];
  }
  int exp = std::atoi(std::string(s.substr(e + 1)).c_str());
  while (out.d.size() > 1 && out.d.back() == '0') out.d.pop_back();
  out.dp = exp + 1;
  return out;
}

void append_exp(std::string& out, int exp, char e) {
  out += e;
  if (exp < 0) {
    out += '-';
    exp = -exp;
  } else {
    out += '+';
  }
  if (exp < 10) out += '0';
  out += std::to_string(exp);
}

}  // namespace

std::string go_format_float(double f) {
  if (std::isnan(f)) return "NaN";
  if (std::isinf(f)) return f > 0 ? "+Inf" : "-Inf";
  std::string out;
  if (std::signbit(f)) out += '-';
  if (f == 0) {
    out += '0';
    return out;
  }
  Digits dg = shortest_digits(f);
  int nd = static_cast<int>(dg.d.size());
  int exp = dg.dp - 1;
  // %e is used when the exponent is < -4 or >= 6 (strconv's rule for the
  // shortest 'g' form, which is also what fmt's %v uses for float64).
  if (exp < -4 || exp >= 6) {
    out += dg.d[0];
    if (nd > 1) {
      out += '.';
      out.append(dg.d, 1, std::string::npos);
    }
    append_exp(out, exp, 'e');
    return out;
  }
  if (dg.dp <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-dg.dp), '0');
    out += dg.d;
  } else if (dg.dp >= nd) {
    out += dg.d;
    out.append(static_cast<std::size_t>(dg.dp - nd), '0');
  } else {
    out.append(dg.d, 0, static_cast<std::size_t>(dg.dp));
    out += '.';
    out.append(dg.d, static_cast<std::size_t>(dg.dp), std::string::npos);
  }
  return out;
}

}  // namespace kinject::tmpl
