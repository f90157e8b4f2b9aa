// Sprig's remaining list, dict and reflection functions: slice, chunk
// (list.go), dig (dict.go), deepCopy (defaults.go, mitchellh/copystructure),
// deepEqual (reflect.DeepEqual), typeIsLike (reflect.go).
#include <cmath>
#include <cstdint>

#include <fmt/format.h>

#include "internal.h"
#include "kinject/gofuncs/cast.h"

namespace kinject::tmpl {

namespace {

// Sprig's slice (which replaces Go's builtin in its FuncMap): a slice of
// a slice only, never of a string; an empty list gives nil.
Value slice(Args a) {
  if (a[0].is_nullish()) throw FuncError("runtime error: invalid memory address or nil pointer dereference");
  if (a[0].kind() != Kind::List) {
    throw FuncError(fmt::format("list should be type of slice or array but {}", kind_name(a[0])));
  }
  const auto& l = a[0].as_list();
  if (l.empty()) return Value::nil();
  auto idx = a.subspan(1);
  std::int64_t start = idx.empty() ? 0 : to_int64(idx[0]);
  std::int64_t end = idx.size() < 2 ? static_cast<std::int64_t>(l.size()) : to_int64(idx[1]);
  // reflect.Value.Slice checks against the capacity; a list here has
  // exactly its length.
  if (start < 0 || end < start || end > static_cast<std::int64_t>(l.size())) {
    throw FuncError("reflect.Value.Slice: slice index out of bounds");
  }
  return Value::list(Value::List(l.begin() + start, l.begin() + end), a[0].elem(), a[0].type());
}

// chunk(size, list): [][]interface{} of `size` items, the last one short.
// Go computes the counts in float64 (Sprig's mustChunk), which this
// follows step for step, so that a size of 0 or below fails, or not, as
// there: a count or length below 0 is make()'s panic.
Value chunk(Args a) {
  if (a[1].is_nullish()) throw FuncError("runtime error: invalid memory address or nil pointer dereference");
  if (a[1].kind() != Kind::List) throw FuncError(fmt::format("Cannot chunk type {}", kind_name(a[1])));
  const auto& l = a[1].as_list();
  const auto size = static_cast<double>(a[0].as_int());
  const auto n = static_cast<double>(l.size());
  auto go_int = [](double d) {  // Go's int(float64) on amd64: NaN and overflow give MinInt64
    return std::isnan(d) || d >= 9.2e18 || d <= -9.2e18 ? INT64_MIN : static_cast<std::int64_t>(d);
  };
  std::int64_t cs = go_int(std::floor((n - 1) / size) + 1);
  if (cs < 0) throw FuncError("runtime error: makeslice: len out of range");
  check_items(static_cast<std::uint64_t>(cs), "the chunks");
  Value::List out;
  for (std::int64_t i = 0; i < cs; ++i) {
    std::int64_t clen = a[0].as_int();
    if (i == cs - 1) {
      clen = go_int(std::floor(std::fmod(n, size)));
      if (clen == 0) clen = a[0].as_int();
    }
    if (clen < 0) throw FuncError("runtime error: makeslice: len out of range");
    Value::List c;
    for (std::int64_t j = 0; j < clen; ++j) {
      auto ix = static_cast<std::uint64_t>(i * a[0].as_int() + j);
      if (ix >= l.size()) throw FuncError("reflect: slice index out of range");
      c.push_back(l[ix]);
    }
    out.push_back(Value::list(std::move(c)));
  }
  static const TypePtr chunks_type = std::make_shared<const TypeInfo>(TypeInfo{"[][]interface {}", false, {}, {}, {}, {}});
  return Value::list(std::move(out), Elem::Any, chunks_type);
}

[[noreturn]] void not_a_map(const Value& v) {
  throw FuncError(fmt::format("interface conversion: interface {{}} is {}, not map[string]interface {{}}",
                              v.is_nullish() ? "nil" : v.go_type_name()));
}

bool is_untyped_map(const Value& v) { return v.kind() == Kind::Map && v.elem() == Elem::Any && !v.type(); }

// dig(k1, k2, ..., default, dict): the value at the path of keys, or the
// default where a key is missing; a step that is no map[string]interface{}
// is Go's failed type assertion.
Value dig(Args a) {
  if (a.size() < 3) throw FuncError("dig needs at least three arguments");
  const Value& dict = a[a.size() - 1];
  const Value& def = a[a.size() - 2];
  auto keys = a.first(a.size() - 2);
  for (const auto& k : keys) {
    if (k.kind() != Kind::String || k.type()) {
      throw FuncError(fmt::format("interface conversion: interface {{}} is {}, not string",
                                  k.is_nullish() ? "nil" : k.go_type_name()));
    }
  }
  if (!is_untyped_map(dict)) not_a_map(dict);
  const Value* step = &dict;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (!is_untyped_map(*step)) not_a_map(*step);
    const Value* next = step->find(keys[i].as_string());
    if (!next) return def;
    step = next;
  }
  return *step;
}

// copystructure.Copy: maps and slices rebuilt (so that set/unset on the
// copy leave the original alone), everything else shared: values are
// immutable apart from maps.
Value deep_copy_value(const Value& v, int depth = 0) {
  if (depth > kMaxDepth) throw FuncError("the value nests too deeply to copy");
  switch (v.kind()) {
    case Kind::Map: {
      if (v.is_nil_collection()) return v;  // copystructure copies a nil map or slice as nil
      Value::Map m;
      for (const auto& [k, x] : v.as_map()) m.emplace(k, deep_copy_value(x, depth + 1));
      return Value::map(std::move(m), v.elem(), v.type());
    }
    case Kind::List: {
      if (v.is_nil_collection()) return v;
      Value::List l;
      l.reserve(v.as_list().size());
      for (const auto& x : v.as_list()) l.push_back(deep_copy_value(x, depth + 1));
      return Value::list(std::move(l), v.elem(), v.type());
    }
    case Kind::Struct: {
      std::vector<Value> f;
      for (const auto& x : v.struct_fields()) f.push_back(deep_copy_value(x, depth + 1));
      return Value::structure(v.type(), std::move(f));
    }
    default: return v;
  }
}

Value deep_copy(Args a) {
  if (a[0].is_nullish()) throw FuncError("reflect: call of reflect.Value.Type on zero Value");
  return deep_copy_value(a[0]);
}

Value deep_equal(Args a) { return Value::boolean(a[0].deep_equals(a[1])); }

Value type_is_like(Args a) {
  std::string t = a[1].go_type_name();
  return Value::boolean(t == a[0].as_string() || t == "*" + a[0].as_string());
}

}  // namespace

FuncTable sprig_collection_funcs() {
  return {
      {"slice", variadic({P::Any}, P::Any, slice)},
      {"chunk", fixed({P::Int, P::Any}, chunk)},
      {"dig", variadic({}, P::Any, dig)},
      {"deepCopy", fixed({P::Any}, deep_copy)},
      {"deepEqual", fixed({P::Any, P::Any}, deep_equal)},
      {"typeIsLike", fixed({P::String, P::Any}, type_is_like)},
  };
}

// The must* forms whose only difference in Sprig is returning an error
// where the plain form panics: the engine reports both the same way, so
// each is the plain function under a second name. (mustToJson and the
// other forms that differ are written out in their own files.)
void add_must_aliases(FuncMap& f) {
  static constexpr std::pair<std::string_view, std::string_view> kAliases[] = {
      {"mustAppend", "append"},   {"mustPush", "push"},
      {"mustPrepend", "prepend"}, {"mustFirst", "first"},
      {"mustLast", "last"},       {"mustRest", "rest"},
      {"mustInitial", "initial"}, {"mustReverse", "reverse"},
      {"mustUniq", "uniq"},       {"mustWithout", "without"},
      {"mustHas", "has"},         {"mustCompact", "compact"},
      {"mustSlice", "slice"},     {"mustChunk", "chunk"},
      {"mustMerge", "merge"},     {"mustMergeOverwrite", "mergeOverwrite"},
      {"mustDeepCopy", "deepCopy"}, {"tuple", "list"},
      {"biggest", "max"},
  };
  for (const auto& [alias, name] : kAliases) {
    const Function* fn = f.find(name);
    if (!fn) throw std::logic_error(fmt::format("sprig: {} aliases {}, which is not defined", alias, name));
    f.set(std::string(alias), *fn);
  }
}

}  // namespace kinject::tmpl
