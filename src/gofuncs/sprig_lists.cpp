// Sprig's list functions (list.go). Each takes a slice of any element type
// and returns a new []interface{}; the argument is never changed.
#include <algorithm>

#include <fmt/format.h>

#include "internal.h"
#include "kinject/gofuncs/cast.h"

namespace kinject::tmpl {

namespace {

Value list(Args a) { return Value::list(Value::List(a.begin(), a.end())); }

// append and push are the same function in Sprig (and name it "push" in
// their error).
Value push(Args a) {
  Value::List out = require_list(a[0], "push");
  out.push_back(a[1]);
  return Value::list(std::move(out));
}

Value prepend(Args a) {
  const auto& l = require_list(a[0], "prepend");
  Value::List out;
  out.reserve(l.size() + 1);
  out.push_back(a[1]);
  out.insert(out.end(), l.begin(), l.end());
  return Value::list(std::move(out));
}

Value first(Args a) {
  const auto& l = require_list(a[0], "find first");
  return l.empty() ? Value::nil() : l.front();
}

Value last(Args a) {
  const auto& l = require_list(a[0], "find last");
  return l.empty() ? Value::nil() : l.back();
}

// Sprig's rest and initial of an empty list return a nil []interface{},
// which prints as [] (not as a nil interface's <no value>) and encodes as
// null.
Value rest(Args a) {
  const auto& l = require_list(a[0], "find rest");
  if (l.empty()) return Value::nil_list();
  return Value::list(Value::List(l.begin() + 1, l.end()));
}

Value initial(Args a) {
  const auto& l = require_list(a[0], "find initial");
  if (l.empty()) return Value::nil_list();
  return Value::list(Value::List(l.begin(), l.end() - 1));
}

Value reverse(Args a) {
  const auto& l = require_list(a[0], "find reverse");
  return Value::list(Value::List(l.rbegin(), l.rend()));
}

Value compact(Args a) {
  const auto& l = require_list(a[0], "compact");
  Value::List out;
  for (const auto& v : l) {
    if (!empty(v)) out.push_back(v);
  }
  return Value::list(std::move(out));
}

Value uniq(Args a) {
  const auto& l = require_list(a[0], "find uniq");
  Value::List out;
  for (const auto& v : l) {
    if (std::none_of(out.begin(), out.end(), [&](const Value& o) { return o.deep_equals(v); })) out.push_back(v);
  }
  return Value::list(std::move(out));
}

Value without(Args a) {
  const auto& l = require_list(a[0], "find without");
  auto omit = a.subspan(1);
  Value::List out;
  for (const auto& v : l) {
    if (std::none_of(omit.begin(), omit.end(), [&](const Value& o) { return o.deep_equals(v); })) out.push_back(v);
  }
  return Value::list(std::move(out));
}

Value has(Args a) {
  if (a[1].is_nullish()) return Value::boolean(false);
  const auto& l = require_list(a[1], "find has");
  return Value::boolean(std::any_of(l.begin(), l.end(), [&](const Value& v) { return v.deep_equals(a[0]); }));
}

// concat appends to a nil []interface{}: with no items at all it stays nil.
Value concat(Args a) {
  Value::List out;
  for (const auto& l : a) {
    if (l.kind() != Kind::List) throw FuncError(fmt::format("Cannot concat type {} as list", kind_name(l)));
    out.insert(out.end(), l.as_list().begin(), l.as_list().end());
  }
  if (out.empty()) return Value::nil_list();
  return Value::list(std::move(out));
}

}  // namespace

FuncTable sprig_list_funcs() {
  return {
      {"list", variadic({}, P::Any, list)},
      {"append", fixed({P::Any, P::Any}, push)},
      {"push", fixed({P::Any, P::Any}, push)},
      {"prepend", fixed({P::Any, P::Any}, prepend)},
      {"first", fixed({P::Any}, first)},
      {"last", fixed({P::Any}, last)},
      {"rest", fixed({P::Any}, rest)},
      {"initial", fixed({P::Any}, initial)},
      {"reverse", fixed({P::Any}, reverse)},
      {"compact", fixed({P::Any}, compact)},
      {"uniq", fixed({P::Any}, uniq)},
      {"without", variadic({P::Any}, P::Any, without)},
      {"has", fixed({P::Any, P::Any}, has)},
      {"concat", variadic({}, P::Any, concat)},
  };
}

}  // namespace kinject::tmpl
