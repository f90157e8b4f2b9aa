// Go's time.Duration.String() (duration.h).
#include "kinject/gofuncs/duration.h"

#include <string>

namespace kinject::tmpl {

namespace {

// The fraction of v below 10^prec, as ".ddd" without trailing zeros ("" if
// it is zero); v is left divided by 10^prec (time.fmtFrac).
std::string frac_digits(std::uint64_t& v, int prec) {
  std::string digits;
  bool print = false;
  for (int i = 0; i < prec; ++i) {
    int digit = static_cast<int>(v % 10);
    print = print || digit != 0;
    if (print) digits.insert(digits.begin(), static_cast<char>('0' + digit));
    v /= 10;
  }
  return print ? "." + digits : "";
}

}  // namespace

std::string go_duration_string(std::int64_t d) {
  bool neg = d < 0;
  std::uint64_t u = neg ? 0 - static_cast<std::uint64_t>(d) : static_cast<std::uint64_t>(d);
  std::string out;
  if (u < 1000000000ULL) {
    if (u == 0) return "0s";
    std::string unit;
    int prec;
    if (u < 1000ULL) {
      prec = 0;
      unit = "ns";
    } else if (u < 1000000ULL) {
      prec = 3;
      unit = "\xC2\xB5s";  // µs
    } else {
      prec = 6;
      unit = "ms";
    }
    std::string frac = frac_digits(u, prec);
    out = std::to_string(u) + frac + unit;
  } else {
    std::string frac = frac_digits(u, 9);
    std::string s = std::to_string(u % 60) + frac + "s";
    u /= 60;
    if (u > 0) {
      s = std::to_string(u % 60) + "m" + s;
      u /= 60;
      if (u > 0) s = std::to_string(u) + "h" + s;
    }
    out = s;
  }
  return neg ? "-" + out : out;
}

}  // namespace kinject::tmpl

namespace kinject::tmpl {

namespace {

constexpr std::uint64_t kMaxNeg = 1ULL << 63;  // |MinInt64|: the bound of every step

// time's own quote(): every byte outside printable ASCII as \xNN (Go does
// it rune by rune, which comes to the same bytes).
std::string time_quote(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80 || c < ' ') {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else {
      if (c == '"' || c == '\\') out += '\\';
      out += ch;
    }
  }
  return out + "\"";
}

// The unit that starts `u`, in nanoseconds (time.unitMap), or 0.
std::uint64_t unit_nanos(std::string_view u) {
  if (u == "ns") return 1;
  if (u == "us" || u == "\xC2\xB5s" || u == "\xCE\xBCs") return 1000;  // µs (micro sign) and μs (Greek mu)
  if (u == "ms") return 1000000;
  if (u == "s") return 1000000000ULL;
  if (u == "m") return 60000000000ULL;
  if (u == "h") return 3600000000000ULL;
  return 0;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

// time.ParseDuration, step by step: a sign, then number-unit pairs; each
// number an integer part (leadingInt: an error past 2^63) and a fraction
// (leadingFraction: digits past 2^63 are dropped), the sum held to 2^63.
std::optional<std::int64_t> go_parse_duration(std::string_view s, std::string* err) {
  const std::string_view orig = s;
  auto fail = [&](std::string_view msg) -> std::optional<std::int64_t> {
    if (err) *err = "time: " + std::string(msg) + " " + time_quote(orig);
    return std::nullopt;
  };
  bool neg = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s == "0") return 0;
  if (s.empty()) return fail("invalid duration");
  std::uint64_t d = 0;
  while (!s.empty()) {
    if (!(s[0] == '.' || is_digit(s[0]))) return fail("invalid duration");
    std::uint64_t v = 0;
    std::size_t i = 0;
    for (; i < s.size() && is_digit(s[i]); ++i) {
      if (v > kMaxNeg / 10) return fail("invalid duration");
      v = v * 10 + static_cast<std::uint64_t>(s[i] - '0');
      if (v > kMaxNeg) return fail("invalid duration");
    }
    bool pre = i > 0;
    s.remove_prefix(i);
    std::uint64_t f = 0;
    double scale = 1;
    bool post = false;
    if (!s.empty() && s[0] == '.') {
      s.remove_prefix(1);
      bool overflow = false;
      std::size_t j = 0;
      for (; j < s.size() && is_digit(s[j]); ++j) {
        if (overflow) continue;
        if (f > (kMaxNeg - 1) / 10) {
          overflow = true;
          continue;
        }
        std::uint64_t y = f * 10 + static_cast<std::uint64_t>(s[j] - '0');
        if (y > kMaxNeg) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      post = j > 0;
      s.remove_prefix(j);
    }
    if (!pre && !post) return fail("invalid duration");
    std::size_t u = 0;
    while (u < s.size() && s[u] != '.' && !is_digit(s[u])) ++u;
    if (u == 0) return fail("missing unit in duration");
    std::uint64_t unit = unit_nanos(s.substr(0, u));
    if (unit == 0) return fail("unknown unit " + time_quote(s.substr(0, u)) + " in duration");
    s.remove_prefix(u);
    if (v > kMaxNeg / unit) return fail("invalid duration");
    v *= unit;
    if (f > 0) {
      // float64 arithmetic, as Go's: f/scale < 1, so this is below `unit`.
      v += static_cast<std::uint64_t>(static_cast<double>(f) * (static_cast<double>(unit) / scale));
      if (v > kMaxNeg) return fail("invalid duration");
    }
    d += v;
    if (d > kMaxNeg) return fail("invalid duration");
  }
  if (neg) return static_cast<std::int64_t>(0 - d);
  if (d > kMaxNeg - 1) return fail("invalid duration");
  return static_cast<std::int64_t>(d);
}

}  // namespace kinject::tmpl
