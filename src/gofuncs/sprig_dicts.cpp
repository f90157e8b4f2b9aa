// Sprig's dict functions (dict.go), on map[string]interface{}.
#include "internal.h"
#include "kinject/gofuncs/sprig.h"

namespace kinject::tmpl {

namespace {

Value dict(Args a) {
  Value::Map m;
  for (std::size_t i = 0; i < a.size(); i += 2) {
    m.insert_or_assign(strval(a[i]), i + 1 < a.size() ? a[i + 1] : str(""));
  }
  return Value::map(std::move(m));
}

Value get(Args a) {
  const Value* v = a[0].find(a[1].as_string());
  return v ? *v : str("");
}

// set/unset/merge mutate their map argument as the Go versions do (Go maps
// are references); a nil map argument panics in Go.
Value set_key(Args a) {
  if (holds_map(a[2], &a[0].as_map())) throw FuncError("the value holds the map itself; kinject cannot make a map contain itself");
  a[0].mutable_map_shared().insert_or_assign(a[1].as_string(), a[2]);
  return a[0];
}

Value unset_key(Args a) {
  if (a[0].is_nil_collection()) return a[0];  // Go's delete on a nil map does nothing
  a[0].mutable_map_shared().erase(a[1].as_string());
  return a[0];
}

Value has_key(Args a) { return Value::boolean(a[0].find(a[1].as_string()) != nullptr); }

// Go iterates maps in random order; keys are returned sorted here.
Value keys(Args a) {
  std::vector<std::string> out;
  for (const auto& m : a) {
    for (const auto& [k, v] : m.as_map()) out.push_back(k);
  }
  return string_list(std::move(out));
}

Value values(Args a) {
  Value::List out;
  for (const auto& [k, v] : a[0].as_map()) out.push_back(v);
  return Value::list(std::move(out));
}

Value pick(Args a) {
  Value::Map out;
  for (const auto& k : a.subspan(1)) {
    if (const Value* v = a[0].find(k.as_string())) out.insert_or_assign(k.as_string(), *v);
  }
  return Value::map(std::move(out));
}

Value omit(Args a) {
  Value::Map out = a[0].as_map();
  for (const auto& k : a.subspan(1)) out.erase(k.as_string());
  return Value::map(std::move(out));
}

Value pluck(Args a) {
  Value::List out;
  for (const auto& m : a.subspan(1)) {
    if (const Value* v = m.find(a[0].as_string())) out.push_back(*v);
  }
  return Value::list(std::move(out));
}

// mergo.Merge(&dst, src) for map[string]interface{}: keys missing from dst
// are taken from src and nested maps merge; a key dst has takes src's
// value where dst's is empty, or, with overwrite (mergo.WithOverride),
// where src's is not. A nil src value is skipped, or with overwrite set
// whatever dst holds (deepMerge's srcElement.IsNil() case).
void mergo_merge(Value::Map& dst, const Value::Map& src, bool overwrite) {
  for (const auto& [k, sv] : src) {
    if (sv.is_nullish()) {
      if (overwrite) dst.insert_or_assign(k, sv);
      continue;
    }
    auto it = dst.find(k);
    if (it == dst.end()) {
      dst.emplace(k, sv);
      continue;
    }
    Value& dv = it->second;
    if (dv.kind() == Kind::Map && sv.kind() == Kind::Map && dv.elem() == Elem::Any) {
      Value::Map merged = dv.as_map();
      mergo_merge(merged, sv.as_map(), overwrite);
      dv = Value::map(std::move(merged), dv.elem(), dv.type());
    } else if (overwrite ? !empty(sv) : empty(dv)) {
      dv = sv;
    }
  }
}

// merge and mergeOverwrite: mergo.Merge(dst, srcs...) into the first map,
// which they change and return.
Value merge_into(Args a, bool overwrite) {
  for (const auto& src : a.subspan(1)) {
    // Merging a map into itself changes nothing; a source that holds the
    // destination elsewhere would make it contain itself.
    if (&src.as_map() != &a[0].as_map() && holds_map(src, &a[0].as_map()))
      throw FuncError("a source holds the destination map itself; kinject cannot make a map contain itself");
  }
  Value::Map& dst = a[0].mutable_map_shared();
  for (const auto& src : a.subspan(1)) mergo_merge(dst, src.as_map(), overwrite);
  return a[0];
}

Value merge(Args a) { return merge_into(a, false); }

Value merge_overwrite(Args a) { return merge_into(a, true); }

Function changes_its_map(Function f) {
  f.changes_maps = true;
  return f;
}

}  // namespace

FuncTable sprig_dict_funcs() {
  return {
      {"dict", variadic({}, P::Any, dict)},
      {"get", fixed({P::Map, P::String}, get)},
      {"set", changes_its_map(fixed({P::Map, P::String, P::Any}, set_key))},
      {"unset", changes_its_map(fixed({P::Map, P::String}, unset_key))},
      {"hasKey", fixed({P::Map, P::String}, has_key)},
      {"keys", variadic({}, P::Map, keys)},
      {"values", fixed({P::Map}, values)},
      {"pick", variadic({P::Map}, P::String, pick)},
      {"omit", variadic({P::Map}, P::String, omit)},
      {"pluck", variadic({P::String}, P::Map, pluck)},
      {"merge", changes_its_map(variadic({P::Map}, P::Map, merge))},
      {"mergeOverwrite", changes_its_map(variadic({P::Map}, P::Map, merge_overwrite))},
  };
}

}  // namespace kinject::tmpl
