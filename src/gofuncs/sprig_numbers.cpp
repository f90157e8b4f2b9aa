// Sprig's number functions: conversions with spf13/cast semantics (int,
// int64, float64, atoi), integer math (numeric.go: add ... until) and
// reflection (kindOf, kindIs, typeOf, typeIs).
#include <algorithm>

#include "internal.h"
#include "kinject/gofuncs/cast.h"

namespace kinject::tmpl {

namespace {

// int and int64 are both cast.ToInt64 (Go's int is 64 bits wide), but int64
// returns Go's int64, a type of its own to printf's %T, typeOf and kindOf.
Value cast_int(Args a) { return Value::integer(to_int64(a[0])); }

Value cast_int64(Args a) { return int64_value(to_int64(a[0])); }

Value cast_float64(Args a) { return Value::floating(to_float64(a[0])); }

// Sprig's atoi: `i, _ := strconv.Atoi(a)`, so the error is dropped but not
// the value Atoi returned with it.
Value go_atoi(Args a) { return Value::integer(atoi_value(a[0].as_string())); }

// add and mul wrap around on overflow, as Go's int64 does.
Value add(Args a) {
  std::int64_t sum = 0;
  for (const auto& v : a) sum = go_add(sum, to_int64(v));
  return int64_value(sum);
}

Value add1(Args a) { return int64_value(go_add(to_int64(a[0]), 1)); }

Value sub(Args a) { return int64_value(go_sub(to_int64(a[0]), to_int64(a[1]))); }

Value mul(Args a) {
  std::int64_t v = to_int64(a[0]);
  for (const auto& b : a.subspan(1)) v = go_mul(v, to_int64(b));
  return int64_value(v);
}

Value div(Args a) {
  std::int64_t d = to_int64(a[1]);
  if (d == 0) throw FuncError("runtime error: integer divide by zero");
  return int64_value(go_div(to_int64(a[0]), d));
}

Value mod(Args a) {
  std::int64_t d = to_int64(a[1]);
  if (d == 0) throw FuncError("runtime error: integer divide by zero");
  return int64_value(go_mod(to_int64(a[0]), d));
}

Value max_int(Args a) {
  std::int64_t m = to_int64(a[0]);
  for (const auto& b : a.subspan(1)) m = std::max(m, to_int64(b));
  return int64_value(m);
}

Value min_int(Args a) {
  std::int64_t m = to_int64(a[0]);
  for (const auto& b : a.subspan(1)) m = std::min(m, to_int64(b));
  return int64_value(m);
}

Value until(Args a) {
  Value::List out;
  std::int64_t n = a[0].as_int();
  check_items(n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n), "the list");
  std::int64_t step = n < 0 ? -1 : 1;
  for (std::int64_t i = 0; i != n; i += step) out.push_back(Value::integer(i));
  return int_list(std::move(out));
}

// Reflection (reflect.go): reflect.Kind names and Go type names.
Value kind_of(Args a) { return str(kind_name(a[0])); }

Value kind_is(Args a) { return Value::boolean(kind_name(a[1]) == a[0].as_string()); }

Value type_of(Args a) { return str(a[0].go_type_name()); }

Value type_is(Args a) { return Value::boolean(a[1].go_type_name() == a[0].as_string()); }

}  // namespace

FuncTable sprig_number_funcs() {
  return {
      {"int", fixed({P::Any}, cast_int)},
      {"int64", fixed({P::Any}, cast_int64)},
      {"float64", fixed({P::Any}, cast_float64)},
      {"atoi", fixed({P::String}, go_atoi)},
      {"add", variadic({}, P::Any, add)},
      {"add1", fixed({P::Any}, add1)},
      {"sub", fixed({P::Any, P::Any}, sub)},
      {"mul", variadic({P::Any}, P::Any, mul)},
      {"div", fixed({P::Any, P::Any}, div)},
      {"mod", fixed({P::Any, P::Any}, mod)},
      {"max", variadic({P::Any}, P::Any, max_int)},
      {"min", variadic({P::Any}, P::Any, min_int)},
      {"until", fixed({P::Int}, until)},
      {"kindOf", fixed({P::Any}, kind_of)},
      {"kindIs", fixed({P::String, P::Any}, kind_is)},
      {"typeOf", fixed({P::Any}, type_of)},
      {"typeIs", fixed({P::String, P::Any}, type_is)},
  };
}

}  // namespace kinject::tmpl
