// The builtin functions, written as Go's text/template/funcs.go writes them,
// with its error messages.
#include "builtins.h"

#include <limits>
#include <memory>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "kinject/gotemplate/fmt.h"
#include "kinject/base/unicode.h"
#include "kinject/base/utf8.h"

namespace kinject::tmpl::detail {

namespace {

const std::vector<std::pair<std::string_view, Builtin>>& builtin_names() {
  static const std::vector<std::pair<std::string_view, Builtin>> names = {
      {"and", Builtin::And},     {"call", Builtin::Call},   {"html", Builtin::Html},       {"index", Builtin::Index},
      {"slice", Builtin::Slice}, {"js", Builtin::Js},       {"len", Builtin::Len},         {"not", Builtin::Not},
      {"or", Builtin::Or},       {"print", Builtin::Print}, {"printf", Builtin::Printf},   {"println", Builtin::Println},
      {"urlquery", Builtin::Urlquery}, {"eq", Builtin::Eq}, {"ge", Builtin::Ge},          {"gt", Builtin::Gt},
      {"le", Builtin::Le},       {"lt", Builtin::Lt},       {"ne", Builtin::Ne}};
  return names;
}

}  // namespace

Builtin find_builtin(std::string_view name) {
  for (const auto& [n, b] : builtin_names()) {
    if (n == name) return b;
  }
  return Builtin::None;
}

// indirectInterface: an interface holding nil is no value at all.
const Value& strip_nil(const Value& v) {
  static const Value invalid{};
  return v.is_nil() && !v.type() ? invalid : v;
}

// The type reflect reports for an operand in error messages.
std::string reflect_type_name(const Value& v) {
  if (v.is_nil() && !v.type()) return "interface {}";
  return v.go_type_name();
}

std::string print_v(const Value& v) {
  Value arr[1] = {v};
  return go_sprintf("%v", arr);
}

namespace {

// Go's reflect kinds as far as comparisons care.
enum class BasicKind : std::uint8_t { Invalid, Bool, Int, Float, String, Uint };

BasicKind basic_kind(const Value& v) {
  switch (v.kind()) {
    case Kind::Bool: return BasicKind::Bool;
    case Kind::Int: return BasicKind::Int;
    case Kind::Uint: return BasicKind::Uint;
    case Kind::Float: return BasicKind::Float;
    case Kind::String: return BasicKind::String;
    default: return BasicKind::Invalid;
  }
}

// reflect's Kind names, for "non-comparable" errors.
enum class RKind : std::uint8_t { Invalid, Bool, Int, Uint, Float, String, Slice, Map, Struct, Ptr };
RKind rkind(const Value& v) {
  switch (v.kind()) {
    case Kind::Invalid: return RKind::Invalid;
    case Kind::Nil: return v.type() ? RKind::Ptr : RKind::Invalid;
    case Kind::Bool: return RKind::Bool;
    case Kind::Int: return RKind::Int;
    case Kind::Uint: return RKind::Uint;
    case Kind::Float: return RKind::Float;
    case Kind::String: return RKind::String;
    case Kind::List: return RKind::Slice;
    case Kind::Map: return RKind::Map;
    case Kind::Struct: return v.type()->pointer ? RKind::Ptr : RKind::Struct;
  }
  return RKind::Invalid;
}

bool eq_values(const Value& a_in, std::span<const Value> rest) {
  const Value& a = strip_nil(a_in);
  if (rest.empty()) throw FuncError("missing argument for comparison");
  BasicKind k1 = basic_kind(a);
  for (const Value& b_in : rest) {
    const Value& b = strip_nil(b_in);
    BasicKind k2 = basic_kind(b);
    bool truth = false;
    if (k1 != k2) {
      if (k1 == BasicKind::Int && k2 == BasicKind::Uint) {
        truth = a.as_int() >= 0 && static_cast<std::uint64_t>(a.as_int()) == b.as_uint();
      } else if (k1 == BasicKind::Uint && k2 == BasicKind::Int) {
        truth = b.as_int() >= 0 && a.as_uint() == static_cast<std::uint64_t>(b.as_int());
      } else if (!a.is_invalid() && !b.is_invalid()) {
        throw FuncError(fmt::format("incompatible types for comparison: {} and {}", reflect_type_name(a),
                                    reflect_type_name(b)));
      }
    } else {
      switch (k1) {
        case BasicKind::Bool: truth = a.as_bool() == b.as_bool(); break;
        case BasicKind::Float: truth = a.as_float() == b.as_float(); break;
        case BasicKind::Int: truth = a.as_int() == b.as_int(); break;
        case BasicKind::String: truth = a.as_string() == b.as_string(); break;
        case BasicKind::Uint: truth = a.as_uint() == b.as_uint(); break;
        case BasicKind::Invalid: {
          RKind r1 = rkind(a), r2 = rkind(b);
          if (r1 != r2 && r1 != RKind::Invalid && r2 != RKind::Invalid) {
            throw FuncError(fmt::format("non-comparable types {}: {}, {}: {}", print_v(a), reflect_type_name(a),
                                        reflect_type_name(b), print_v(b)));
          }
          // text/template's isNil: no value, a nil pointer, slice or map.
          bool n1 = a.is_invalid() || a.is_nil() || a.is_nil_collection();
          bool n2 = b.is_invalid() || b.is_nil() || b.is_nil_collection();
          if (n1 || n2) {
            truth = n1 == n2;
          } else {
            if (b.kind() == Kind::List || b.kind() == Kind::Map) {
              throw FuncError(fmt::format("non-comparable type {}: {}", print_v(b), reflect_type_name(b)));
            }
            // Pointers compare as Go's ==: by address (two *semver.Version
            // from two calls differ); anything else by value.
            truth = r1 == RKind::Ptr && r2 == RKind::Ptr ? a.same_object(b) : a.deep_equals(b);
          }
          break;
        }
      }
    }
    if (truth) return true;
  }
  return false;
}

bool lt_values(const Value& a_in, const Value& b_in) {
  const Value& a = strip_nil(a_in);
  const Value& b = strip_nil(b_in);
  BasicKind k1 = basic_kind(a);
  if (k1 == BasicKind::Invalid) throw FuncError("invalid type for comparison");
  BasicKind k2 = basic_kind(b);
  if (k2 == BasicKind::Invalid) throw FuncError("invalid type for comparison");
  if (k1 != k2) {
    if (k1 == BasicKind::Int && k2 == BasicKind::Uint) {
      return a.as_int() < 0 || static_cast<std::uint64_t>(a.as_int()) < b.as_uint();
    }
    if (k1 == BasicKind::Uint && k2 == BasicKind::Int) {
      return b.as_int() >= 0 && a.as_uint() < static_cast<std::uint64_t>(b.as_int());
    }
    throw FuncError(fmt::format("incompatible types for comparison: {} and {}", reflect_type_name(a),
                                reflect_type_name(b)));
  }
  switch (k1) {
    case BasicKind::Bool: throw FuncError("invalid type for comparison");
    case BasicKind::Float: return a.as_float() < b.as_float();
    case BasicKind::Int: return a.as_int() < b.as_int();
    case BasicKind::String: return a.as_string() < b.as_string();
    case BasicKind::Uint: return a.as_uint() < b.as_uint();
    default: return false;
  }
}

// indexArg
std::int64_t index_arg(const Value& idx_in, std::size_t cap) {
  const Value& idx = strip_nil(idx_in);
  std::int64_t x;
  switch (idx.kind()) {
    case Kind::Int: x = idx.as_int(); break;
    case Kind::Uint:
      x = idx.as_uint() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())
              ? -1
              : static_cast<std::int64_t>(idx.as_uint());
      break;
    case Kind::Invalid: throw FuncError("cannot index slice/array with nil");
    default: throw FuncError(fmt::format("cannot index slice/array with type {}", reflect_type_name(idx)));
  }
  if (x < 0 || static_cast<std::uint64_t>(x) > cap) throw FuncError(fmt::format("index out of range: {}", x));
  return x;
}

Value builtin_index(std::span<const Value> args) {
  Value item = strip_nil(args[0]);
  if (item.is_invalid()) throw FuncError("index of untyped nil");
  for (const Value& index_in : args.subspan(1)) {
    const Value& index = strip_nil(index_in);
    if (item.is_nil()) throw FuncError("index of nil pointer");
    switch (item.kind()) {
      case Kind::List: {
        const auto& l = item.as_list();
        auto x = static_cast<std::size_t>(index_arg(index, l.size()));
        if (x >= l.size()) throw FuncError("reflect: slice index out of range");
        item = l[x];
        break;
      }
      case Kind::String: {
        const auto& s = item.as_string();
        auto x = static_cast<std::size_t>(index_arg(index, s.size()));
        if (x >= s.size()) throw FuncError("reflect: string index out of range");
        static const TypePtr uint8_type = std::make_shared<TypeInfo>(TypeInfo{"uint8", false, {}, {}, {}, {}});
        item = Value::uinteger(static_cast<unsigned char>(s[x]), uint8_type);
        break;
      }
      case Kind::Map: {
        if (index.is_invalid()) throw FuncError("value is nil; should be of type string");
        if (index.kind() != Kind::String) {
          throw FuncError(fmt::format("value has type {}; should be string", reflect_type_name(index)));
        }
        const Value* found = item.find(index.as_string());
        if (found) {
          item = *found;
        } else {
          item = item.elem() == Elem::String ? Value::string("") : Value::nil();
        }
        break;
      }
      default: throw FuncError(fmt::format("can't index item of type {}", reflect_type_name(item)));
    }
  }
  return item;
}

Value builtin_slice(std::span<const Value> args) {
  const Value& item = strip_nil(args[0]);
  if (item.is_invalid()) throw FuncError("slice of untyped nil");
  auto indexes = args.subspan(1);
  if (indexes.size() > 3) throw FuncError(fmt::format("too many slice indexes: {}", indexes.size()));
  std::size_t cap;
  switch (item.kind()) {
    case Kind::String:
      if (indexes.size() == 3) throw FuncError("cannot 3-index slice a string");
      cap = item.as_string().size();
      break;
    case Kind::List: cap = item.as_list().size(); break;
    default: throw FuncError(fmt::format("can't slice item of type {}", reflect_type_name(item)));
  }
  std::size_t idx[3] = {0, cap, cap};
  for (std::size_t i = 0; i < indexes.size(); ++i) idx[i] = static_cast<std::size_t>(index_arg(indexes[i], cap));
  if (idx[0] > idx[1]) throw FuncError(fmt::format("invalid slice index: {} > {}", idx[0], idx[1]));
  if (indexes.size() == 3 && idx[1] > idx[2]) throw FuncError(fmt::format("invalid slice index: {} > {}", idx[1], idx[2]));
  if (item.kind() == Kind::String) return Value::string(item.as_string().substr(idx[0], idx[1] - idx[0]));
  const auto& l = item.as_list();
  return Value::list(Value::List(l.begin() + static_cast<std::ptrdiff_t>(idx[0]), l.begin() + static_cast<std::ptrdiff_t>(idx[1])),
                     item.elem(), item.type());
}

// evalArgs: the single-string fast path, else fmt.Sprint.
std::string eval_args(std::span<const Value> args) {
  if (args.size() == 1 && args[0].kind() == Kind::String) return args[0].as_string();
  return go_sprint(args);
}

std::string html_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\0': out += "\xEF\xBF\xBD"; break;
      case '"': out += "&#34;"; break;
      case '\'': out += "&#39;"; break;
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string js_escape(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '\\': out += "\\\\"; break;
        case '\'': out += "\\'"; break;
        case '"': out += "\\\""; break;
        case '<': out += "\\u003C"; break;
        case '>': out += "\\u003E"; break;
        case '&': out += "\\u0026"; break;
        case '=': out += "\\u003D"; break;
        default:
          if (c < ' ') {
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
          } else {
            out += static_cast<char>(c);
          }
      }
      ++i;
      continue;
    }
    // A byte that is no UTF-8 decodes as U+FFFD, which is printable: Go
    // writes that byte as it is.
    auto [r, w, valid] = utf8::decode(s, i);
    if (unicode::is_print(static_cast<char32_t>(r))) {
      out.append(s.substr(i, w));
    } else {
      out += fmt::format("\\u{:04X}", r);
    }
    i += w;
  }
  return out;
}

std::string url_query_escape(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

Value builtin_len(std::span<const Value> args) {
  const Value& v = args[0];
  if (v.is_invalid()) throw FuncError("reflect: call of reflect.Value.Type on zero Value");
  if (v.is_nil()) throw FuncError("len of nil pointer");
  switch (v.kind()) {
    case Kind::String:
    case Kind::List:
    case Kind::Map: return Value::integer(static_cast<std::int64_t>(v.size()));
    default: throw FuncError(fmt::format("len of type {}", reflect_type_name(v)));
  }
}

}  // namespace

const Function& builtin_function(Builtin b) {
  using P = ParamKind;
  static const Function table[] = {
      /* None */ Function{{}, std::nullopt, {}},
      /* And */ Function{{P::Reflect}, Param(P::Reflect), {}},
      /* Or */ Function{{P::Reflect}, Param(P::Reflect), {}},
      /* Not */ Function{{P::Reflect}, std::nullopt, [](std::span<const Value> a) { return Value::boolean(!a[0].truthy()); }},
      /* Len */ Function{{P::Reflect}, std::nullopt, builtin_len},
      /* Index */ Function{{P::Reflect}, Param(P::Reflect), builtin_index},
      /* Slice */ Function{{P::Reflect}, Param(P::Reflect), builtin_slice},
      /* Print */ Function{{}, Param(P::Any), [](std::span<const Value> a) { return Value::string(go_sprint(a)); }},
      /* Printf */ Function{{P::String}, Param(P::Any),
                            [](std::span<const Value> a) { return Value::string(go_sprintf(a[0].as_string(), a.subspan(1))); }},
      /* Println */ Function{{}, Param(P::Any), [](std::span<const Value> a) { return Value::string(go_sprintln(a)); }},
      /* Eq */ Function{{P::Reflect}, Param(P::Reflect),
                        [](std::span<const Value> a) { return Value::boolean(eq_values(a[0], a.subspan(1))); }},
      /* Ne */ Function{{P::Reflect, P::Reflect}, std::nullopt,
                        [](std::span<const Value> a) { return Value::boolean(!eq_values(a[0], a.subspan(1))); }},
      /* Lt */ Function{{P::Reflect, P::Reflect}, std::nullopt,
                        [](std::span<const Value> a) { return Value::boolean(lt_values(a[0], a[1])); }},
      /* Le */ Function{{P::Reflect, P::Reflect}, std::nullopt,
                        [](std::span<const Value> a) {
                          return Value::boolean(lt_values(a[0], a[1]) || eq_values(a[0], a.subspan(1)));
                        }},
      /* Gt */ Function{{P::Reflect, P::Reflect}, std::nullopt,
                        [](std::span<const Value> a) {
                          bool le = lt_values(a[0], a[1]) || eq_values(a[0], a.subspan(1));
                          return Value::boolean(!le);
                        }},
      /* Ge */ Function{{P::Reflect, P::Reflect}, std::nullopt,
                        [](std::span<const Value> a) { return Value::boolean(!lt_values(a[0], a[1])); }},
      /* Html */ Function{{}, Param(P::Any), [](std::span<const Value> a) { return Value::string(html_escape(eval_args(a))); }},
      /* Js */ Function{{}, Param(P::Any), [](std::span<const Value> a) { return Value::string(js_escape(eval_args(a))); }},
      /* Urlquery */ Function{{}, Param(P::Any),
                              [](std::span<const Value> a) { return Value::string(url_query_escape(eval_args(a))); }},
      /* Call */ Function{{P::Reflect}, Param(P::Reflect), {}},
  };
  return table[static_cast<std::size_t>(b)];
}

}  // namespace kinject::tmpl::detail
