// Go's time.Duration.String() (duration.h).
#include "kinject/gofuncs/duration.h"

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
