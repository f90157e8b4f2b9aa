// Sprig's float math that needs no decimal arithmetic (maxf, minf, ceil,
// floor, round: numeric.go over Go's math), its integer sequences (seq,
// untilStep), toDecimal (octal text to a number) and duration (date.go).
// addf, subf, mulf, divf and add1f go through shopspring/decimal in Sprig
// and are not here yet (sprig_refused.cpp).
#include <cmath>

#include <fmt/format.h>

#include "internal.h"
#include "kinject/gofuncs/cast.h"
#include "kinject/gofuncs/duration.h"

namespace kinject::tmpl {

namespace {

// math.Max / math.Min: NaN wins, and +0 > -0.
double go_max(double x, double y) {
  if (std::isinf(x) && x > 0) return x;
  if (std::isinf(y) && y > 0) return y;
  if (std::isnan(x) || std::isnan(y)) return std::nan("");
  if (x == 0 && x == y) return std::signbit(x) ? y : x;
  return x > y ? x : y;
}

double go_min(double x, double y) {
  if (std::isinf(x) && x < 0) return x;
  if (std::isinf(y) && y < 0) return y;
  if (std::isnan(x) || std::isnan(y)) return std::nan("");
  if (x == 0 && x == y) return std::signbit(x) ? x : y;
  return x < y ? x : y;
}

Value maxf(Args a) {
  double m = to_float64(a[0]);
  for (const auto& b : a.subspan(1)) m = go_max(m, to_float64(b));
  return Value::floating(m);
}

Value minf(Args a) {
  double m = to_float64(a[0]);
  for (const auto& b : a.subspan(1)) m = go_min(m, to_float64(b));
  return Value::floating(m);
}

Value ceil_fn(Args a) { return Value::floating(std::ceil(to_float64(a[0]))); }

Value floor_fn(Args a) { return Value::floating(std::floor(to_float64(a[0]))); }

// round(x, places, roundOn=.5): Sprig's own rounding, whose fraction test
// uses math.Modf of x*10^places (so it rounds -2.5 to -2: the fraction is
// -0.5, below .5).
Value round_fn(Args a) {
  double round_on = a.size() > 2 ? a[2].as_float() : 0.5;
  double val = to_float64(a[0]);
  double pow = std::pow(10.0, static_cast<double>(a[1].as_int()));
  double digit = pow * val;
  double ipart;
  double frac = std::modf(digit, &ipart);
  double r = frac >= round_on ? std::ceil(digit) : std::floor(digit);
  return Value::floating(r / pow);
}

// strconv.ParseInt(fmt.Sprint(v), 8, 64); 0 on any error.
Value to_decimal(Args a) {
  Value one[1] = {a[0]};
  std::string s = go_sprint(one);
  std::string_view d = s;
  bool neg = false;
  if (!d.empty() && (d[0] == '+' || d[0] == '-')) {
    neg = d[0] == '-';
    d.remove_prefix(1);
  }
  if (d.empty()) return int64_value(0);
  std::uint64_t n = 0;
  for (char c : d) {
    if (c < '0' || c > '7') return int64_value(0);
    if (n > (std::uint64_t{1} << 63) / 8) return int64_value(0);
    n = n * 8 + static_cast<std::uint64_t>(c - '0');
  }
  std::uint64_t limit = neg ? std::uint64_t{1} << 63 : (std::uint64_t{1} << 63) - 1;
  if (n > limit) return int64_value(0);
  return int64_value(neg ? static_cast<std::int64_t>(0 - n) : static_cast<std::int64_t>(n));
}

// Sprig's untilStep(start, stop, step) as a C++ vector, its length checked
// before it is built.
std::vector<std::int64_t> until_step(std::int64_t start, std::int64_t stop, std::int64_t step) {
  std::vector<std::int64_t> v;
  bool down = stop < start;
  if (down ? step >= 0 : step <= 0) return v;
  // The count, in unsigned arithmetic: Go's loop stops before i passes
  // stop, so it never overflows; neither does this.
  auto u = [](std::int64_t x) { return static_cast<std::uint64_t>(x); };
  std::uint64_t span = down ? u(start) - u(stop) : u(stop) - u(start);
  std::uint64_t by = down ? 0 - u(step) : u(step);
  std::uint64_t count = span / by + (span % by != 0 ? 1 : 0);
  check_items(count, "the list");
  for (std::uint64_t k = 0; k < count; ++k) v.push_back(static_cast<std::int64_t>(u(start) + k * u(step)));
  return v;
}

Value untilstep_fn(Args a) {
  Value::List out;
  for (auto i : until_step(a[0].as_int(), a[1].as_int(), a[2].as_int())) out.push_back(Value::integer(i));
  return int_list(std::move(out));
}

std::string joined(const std::vector<std::int64_t>& v) { return fmt::format("{}", fmt::join(v, " ")); }

// Sprig's seq: `seq END`, `seq START END`, `seq START STEP END`, counting
// down when END < START; printed space-separated.
Value seq(Args a) {
  // Go's int arithmetic wraps; end+increment is computed in int64 here too.
  std::vector<std::int64_t> p;
  for (const auto& v : a) p.push_back(v.as_int());
  switch (p.size()) {
    case 1: {
      std::int64_t inc = p[0] < 1 ? -1 : 1;
      return str(joined(until_step(1, go_add(p[0], inc), inc)));
    }
    case 2: {
      std::int64_t step = p[1] < p[0] ? -1 : 1;
      return str(joined(until_step(p[0], go_add(p[1], step), step)));
    }
    case 3: {
      std::int64_t inc = 1;
      if (p[2] < p[0]) {
        inc = -1;
        if (p[1] > 0) return str("");
      }
      return str(joined(until_step(p[0], go_add(p[2], inc), p[1])));
    }
    default: return str("");
  }
}

// duration(sec): a string is parsed (strconv.ParseInt, 0 on error), an
// int64 taken, anything else (an `int` literal included) is 0; then
// time.Duration(n) * time.Second, wrapping as Go's int64 does.
Value duration(Args a) {
  std::int64_t n = 0;
  const Value& v = a[0];
  if (v.kind() == Kind::String && !v.type()) {
    if (!parse_atoi(v.as_string(), &n)) n = 0;
  } else if (v.kind() == Kind::Int && v.type() && v.type()->name == "int64") {
    n = v.as_int();
  }
  std::int64_t nanos = go_mul(n, 1000000000);
  return str(go_duration_string(nanos));
}

// durationRound(d) (date.go): a string through time.ParseDuration (0 on
// error), an int64 as nanoseconds, anything else (an `int` literal
// included) 0; a time.Time cannot reach it here, as every function that
// makes one is refused. Then the magnitude in its largest whole unit, a
// year being 365 days and a month 30, each unit reached only when strictly
// exceeded ("1h" is "60m").
Value duration_round(Args a) {
  std::int64_t d = 0;
  const Value& v = a[0];
  if (v.kind() == Kind::String && !v.type()) {
    d = go_parse_duration(v.as_string(), nullptr).value_or(0);
  } else if (v.kind() == Kind::Int && v.type() && v.type()->name == "int64") {
    d = v.as_int();
  }
  std::uint64_t u = d < 0 ? 0 - static_cast<std::uint64_t>(d) : static_cast<std::uint64_t>(d);
  constexpr std::uint64_t second = 1000000000ULL, minute = 60 * second, hour = 60 * minute, day = 24 * hour;
  static constexpr struct {
    std::uint64_t nanos;
    const char* suffix;
  } kUnits[] = {{365 * day, "y"}, {30 * day, "mo"}, {day, "d"}, {hour, "h"}, {minute, "m"}, {second, "s"}};
  for (const auto& unit : kUnits) {
    if (u > unit.nanos) return str(fmt::format("{}{}", u / unit.nanos, unit.suffix));
  }
  return str("0s");
}

}  // namespace

FuncTable sprig_float_funcs() {
  return {
      {"maxf", variadic({P::Any}, P::Any, maxf)},
      {"minf", variadic({P::Any}, P::Any, minf)},
      {"ceil", fixed({P::Any}, ceil_fn)},
      {"floor", fixed({P::Any}, floor_fn)},
      {"round", variadic({P::Any, P::Int}, P::Float, round_fn)},
      {"toDecimal", fixed({P::Any}, to_decimal)},
      {"untilStep", fixed({P::Int, P::Int, P::Int}, untilstep_fn)},
      {"seq", variadic({}, P::Int, seq)},
      {"duration", fixed({P::Any}, duration)},
      {"durationRound", fixed({P::Any}, duration_round)},
  };
}

}  // namespace kinject::tmpl
