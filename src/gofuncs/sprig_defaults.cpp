// Sprig's default functions (defaults.go): default, empty, coalesce, all,
// any, ternary, fail, and the JSON ones Sprig keeps with them.
#include <algorithm>

#include "internal.h"
#include "kinject/gofuncs/json.h"

namespace kinject::tmpl {

namespace {

Value default_value(Args a) {
  // dfault(d, given...): the piped value is the last, optional argument.
  if (a.size() < 2 || empty(a[1])) return a[0];
  return a[1];
}

Value is_empty(Args a) { return Value::boolean(empty(a[0])); }

Value coalesce(Args a) {
  for (const auto& v : a) {
    if (!empty(v)) return v;
  }
  return Value::nil();
}

Value all(Args a) {
  return Value::boolean(std::none_of(a.begin(), a.end(), [](const Value& v) { return empty(v); }));
}

Value any(Args a) {
  return Value::boolean(std::any_of(a.begin(), a.end(), [](const Value& v) { return !empty(v); }));
}

Value ternary(Args a) { return a[2].as_bool() ? a[0] : a[1]; }

Value fail(Args a) { throw FuncError(a[0].as_string()); }

// Sprig's toJson and toPrettyJson give "" where marshalling fails, and
// fromJson nil where parsing does (the must* variants would fail instead).
Value json_encode(Args a) {
  try {
    return str(to_json(a[0]));
  } catch (const JsonError&) {
    return str("");
  }
}

Value json_encode_pretty(Args a) {
  try {
    return str(to_json_indent(a[0], "  "));
  } catch (const JsonError&) {
    return str("");
  }
}

Value json_encode_raw(Args a) { return str(to_json_unescaped(a[0])); }

Value json_decode(Args a) {
  try {
    return from_json(a[0].as_string());
  } catch (const JsonError&) {
    return Value::nil();
  }
}

}  // namespace

FuncTable sprig_default_funcs() {
  return {
      {"default", variadic({P::Any}, P::Any, default_value)},
      {"empty", fixed({P::Any}, is_empty)},
      {"coalesce", variadic({}, P::Any, coalesce)},
      {"all", variadic({}, P::Any, all)},
      {"any", variadic({}, P::Any, any)},
      {"ternary", fixed({P::Any, P::Any, P::Bool}, ternary)},
      {"fail", fixed({P::String}, fail)},
      {"toJson", fixed({P::Any}, json_encode)},
      {"toPrettyJson", fixed({P::Any}, json_encode_pretty)},
      {"toRawJson", fixed({P::Any}, json_encode_raw)},
      {"fromJson", fixed({P::String}, json_decode)},
  };
}

}  // namespace kinject::tmpl
