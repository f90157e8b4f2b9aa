// Sprig's addf, add1f, subf, mulf and divf (functions.go's execDecimalOp):
// each argument becomes a shopspring/decimal Decimal (NewFromFloat: the
// shortest decimal text of the float64), the operation is exact decimal
// arithmetic (Div: rounded half away from zero to 16 places, decimal's
// DivisionPrecision), and the result the float64 nearest to it
// (Decimal.Float64, big.Rat's correctly rounded conversion, which strtod
// is too). So `addf 0.1 0.2` is 0.3, where float64 arithmetic gives
// 0.30000000000000004.
#include <charconv>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "internal.h"
#include "kinject/gofuncs/cast.h"

namespace kinject::tmpl {

namespace {

// Magnitudes as decimal digit strings, most significant first, no leading
// zeros ("" is zero): the sizes here are a few hundred digits at most.
using Digits = std::string;

Digits trim(Digits d) {
  std::size_t i = d.find_first_not_of('0');
  return i == std::string::npos ? Digits() : d.substr(i);
}

int compare(const Digits& a, const Digits& b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  return a.compare(b) < 0 ? -1 : (a == b ? 0 : 1);
}

Digits add(const Digits& a, const Digits& b) {
  Digits out;
  int carry = 0;
  for (std::size_t i = 0; i < std::max(a.size(), b.size()) || carry; ++i) {
    int s = carry + (i < a.size() ? a[a.size() - 1 - i] - '0' : 0) + (i < b.size() ? b[b.size() - 1 - i] - '0' : 0);
    out += static_cast<char>('0' + s % 10);
    carry = s / 10;
  }
  return trim(Digits(out.rbegin(), out.rend()));
}

// a - b for a >= b.
Digits sub(const Digits& a, const Digits& b) {
  Digits out;
  int borrow = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    int s = (a[a.size() - 1 - i] - '0') - borrow - (i < b.size() ? b[b.size() - 1 - i] - '0' : 0);
    borrow = s < 0 ? 1 : 0;
    out += static_cast<char>('0' + (s + 10) % 10);
  }
  return trim(Digits(out.rbegin(), out.rend()));
}

Digits mul(const Digits& a, const Digits& b) {
  if (a.empty() || b.empty()) return {};
  check_bytes(a.size() + b.size(), "the decimal product");
  std::vector<int> acc(a.size() + b.size(), 0);
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (std::size_t j = 0; j < b.size(); ++j) acc[i + j + 1] += (a[i] - '0') * (b[j] - '0');
  }
  for (std::size_t k = acc.size() - 1; k > 0; --k) {
    acc[k - 1] += acc[k] / 10;
    acc[k] %= 10;
  }
  Digits out;
  for (int v : acc) out += static_cast<char>('0' + v);
  return trim(out);
}

struct Decimal {
  bool neg = false;
  Digits digits;          // the coefficient's magnitude
  std::int64_t exp = 0;   // value = coefficient * 10^exp
};

// decimal.NewFromFloat.
Decimal from_float(double f) {
  if (std::isnan(f) || std::isinf(f)) {
    Value one[1] = {Value::floating(f)};
    throw FuncError(fmt::format("Cannot create a Decimal from {}", go_sprint(one)));
  }
  if (f == 0) return {};
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, f, std::chars_format::scientific);
  std::string_view s(buf, static_cast<std::size_t>(res.ptr - buf));  // [-]d[.ddd]e[+-]XX
  Decimal d;
  if (s[0] == '-') {
    d.neg = true;
    s.remove_prefix(1);
  }
  std::size_t e = s.find('e');
  std::string_view mant = s.substr(0, e);
  std::int64_t exp10 = std::strtoll(std::string(s.substr(e + 1)).c_str(), nullptr, 10);
  std::size_t dot = mant.find('.');
  std::int64_t frac = dot == std::string_view::npos ? 0 : static_cast<std::int64_t>(mant.size() - dot - 1);
  for (char c : mant) {
    if (c != '.') d.digits += c;
  }
  d.digits = trim(d.digits);
  d.exp = exp10 - frac;
  return d;
}

Digits shifted(const Digits& d, std::int64_t zeros) {
  check_bytes(d.size() + static_cast<std::uint64_t>(zeros), "the decimal");
  return d.empty() ? d : d + Digits(static_cast<std::size_t>(zeros), '0');
}

Decimal plus(Decimal a, Decimal b) {
  std::int64_t e = std::min(a.exp, b.exp);
  Digits x = shifted(a.digits, a.exp - e), y = shifted(b.digits, b.exp - e);
  Decimal r;
  r.exp = e;
  if (a.neg == b.neg) {
    r.digits = add(x, y);
    r.neg = a.neg;
  } else if (compare(x, y) >= 0) {
    r.digits = sub(x, y);
    r.neg = a.neg;
  } else {
    r.digits = sub(y, x);
    r.neg = b.neg;
  }
  if (r.digits.empty()) r.neg = false;
  return r;
}

Decimal minus(Decimal a, Decimal b) {
  b.neg = !b.neg && !b.digits.empty();
  return plus(std::move(a), std::move(b));
}

Decimal times(const Decimal& a, const Decimal& b) {
  Decimal r{a.neg != b.neg, mul(a.digits, b.digits), a.exp + b.exp};
  if (r.digits.empty()) r.neg = false;
  return r;
}

// Long division of magnitudes: quotient and remainder.
std::pair<Digits, Digits> divmod(const Digits& n, const Digits& d) {
  Digits q, r;
  for (char c : n) {
    r = trim(r + c);
    int k = 0;
    while (compare(r, d) >= 0) {
      r = sub(r, d);
      ++k;
    }
    q += static_cast<char>('0' + k);
  }
  return {trim(q), r};
}

// Decimal.Div: DivRound(d2, 16), half away from zero.
Decimal divide(const Decimal& a, const Decimal& b) {
  if (b.digits.empty()) throw FuncError("decimal division by 0");
  constexpr std::int64_t kPrecision = 16;
  std::int64_t k = a.exp - b.exp + kPrecision;
  Digits n = k >= 0 ? shifted(a.digits, k) : a.digits;
  Digits d = k >= 0 ? b.digits : shifted(b.digits, -k);
  auto [q, r] = divmod(n, d);
  if (compare(add(r, r), d) >= 0) q = add(q, "1");
  Decimal out{a.neg != b.neg, q, -kPrecision};
  if (out.digits.empty()) out.neg = false;
  return out;
}

// Decimal.Float64: the nearest float64.
double to_double(const Decimal& d) {
  if (d.digits.empty()) return 0;
  return std::strtod(fmt::format("{}{}e{}", d.neg ? "-" : "", d.digits, d.exp).c_str(), nullptr);
}

template <Decimal (*op)(const Decimal&, const Decimal&)>
double fold(const Value& first, Args rest) {
  Decimal acc = from_float(to_float64(first));
  for (const auto& v : rest) acc = op(acc, from_float(to_float64(v)));
  return to_double(acc);
}

Decimal add_op(const Decimal& a, const Decimal& b) { return plus(a, b); }
Decimal sub_op(const Decimal& a, const Decimal& b) { return minus(a, b); }

Value addf(Args a) { return Value::floating(fold<add_op>(Value::floating(0), a)); }
Value add1f(Args a) {
  Value one[1] = {Value::integer(1)};
  return Value::floating(fold<add_op>(a[0], one));
}
Value subf(Args a) { return Value::floating(fold<sub_op>(a[0], a.subspan(1))); }
Value mulf(Args a) { return Value::floating(fold<times>(a[0], a.subspan(1))); }
Value divf(Args a) { return Value::floating(fold<divide>(a[0], a.subspan(1))); }

}  // namespace

FuncTable sprig_decimal_funcs() {
  return {
      {"addf", variadic({}, P::Any, addf)},
      {"add1f", fixed({P::Any}, add1f)},
      {"subf", variadic({P::Any}, P::Any, subf)},
      {"mulf", variadic({P::Any}, P::Any, mulf)},
      {"divf", variadic({P::Any}, P::Any, divf)},
  };
}

}  // namespace kinject::tmpl
