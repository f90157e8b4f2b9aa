// Sprig and Istio template functions, encoding/json and a go-yaml v2 style
// emitter for Values.
//
// Each function documents the Go behaviour it reproduces where that is not
// obvious; argument types mirror the Go signatures so that the engine's
// argument checks produce Go's errors.
#include "kinject/gofuncs/template_funcs.h"

#include "kinject/base/text.h"
#include "kinject/base/utf8.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <regex>
#include <set>

#include <fmt/format.h>

namespace kinject::tmpl {

namespace {

using P = ParamKind;
using Args = std::span<const Value>;

// ===========================================================================
// Shared helpers

// The size limits of template.h (kMaxStringBytes, kMaxItems), checked
// before a function builds a string or list that could exceed them: the
// executor checks results, but by then the memory would be spent.
void check_bytes(std::uint64_t n, std::string_view what) {
  if (n > kMaxStringBytes) throw FuncError(fmt::format("{} would be larger than {} MiB", what, kMaxStringBytes >> 20));
}
void check_items(std::uint64_t n, std::string_view what) {
  if (n > kMaxItems) throw FuncError(fmt::format("{} would have more than {} items", what, kMaxItems));
}
// indent/nindent: |n| spaces before each line.
void check_indent(std::int64_t n, std::string_view s) {
  std::uint64_t pad = std::min<std::uint64_t>(n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n),
                                              kMaxStringBytes + 1);
  std::uint64_t lines = 1 + static_cast<std::uint64_t>(std::count(s.begin(), s.end(), '\n'));
  check_bytes(s.size() + lines * pad, "the indented string");
}

// Whether `v` holds the map `m` itself (not a copy): set or merge putting v
// into m would make m contain itself. Go allows that; here values are
// reference-counted, so such a cycle would never be freed, and printing it
// would never end.
bool holds_map(const Value& v, const Value::Map* m, int depth = 0) {
  if (depth > kMaxDepth) return true;  // too deep to be kept anyway
  switch (v.kind()) {
    case Kind::Map:
      if (&v.as_map() == m) return true;
      return std::any_of(v.as_map().begin(), v.as_map().end(),
                         [&](const auto& e) { return holds_map(e.second, m, depth + 1); });
    case Kind::List:
      return std::any_of(v.as_list().begin(), v.as_list().end(), [&](const Value& x) { return holds_map(x, m, depth + 1); });
    case Kind::Struct:
      return std::any_of(v.struct_fields().begin(), v.struct_fields().end(),
                         [&](const Value& x) { return holds_map(x, m, depth + 1); });
    default: return false;
  }
}

// Sprig's strval: strings as is, Stringers via String(), else fmt %v.
std::string strval(const Value& v) {
  if (v.kind() == Kind::String && !(v.type() && v.type()->stringer)) return v.as_string();
  if (v.type() && v.type()->stringer && v.kind() != Kind::Nil) return v.type()->stringer(v);
  Value one[1] = {v};
  return go_sprintf("%v", one);
}

// Sprig's empty(): reflect zero-ness; structs are never empty.
bool empty(const Value& v) {
  switch (v.kind()) {
    case Kind::Invalid:
    case Kind::Nil: return true;
    case Kind::Bool: return !v.as_bool();
    case Kind::Int: return v.as_int() == 0;
    case Kind::Uint: return v.as_uint() == 0;
    case Kind::Float: return v.as_float() == 0;
    case Kind::String:
    case Kind::List:
    case Kind::Map: return v.size() == 0;
    case Kind::Struct: return false;
  }
  return true;
}

// Sprig's strslice: []string as is, other slices element-wise (nils
// dropped), nil -> [], anything else -> [strval(v)].
std::vector<std::string> strslice(const Value& v) {
  std::vector<std::string> out;
  if (v.kind() == Kind::List) {
    std::uint64_t total = 0;  // the items may share one long string many times
    for (const auto& e : v.as_list()) {
      if (v.elem() == Elem::String || !e.is_nullish()) out.push_back(strval(e));
      if (!out.empty()) check_bytes(total += out.back().size(), "the strings");
    }
    return out;
  }
  if (v.is_nullish()) return out;
  out.push_back(strval(v));
  return out;
}

Value string_list(std::vector<std::string> items) {
  Value::List l;
  l.reserve(items.size());
  for (auto& s : items) l.push_back(Value::string(std::move(s)));
  return Value::list(std::move(l), Elem::String);
}

// reflect.Kind.String() of a value, for kindOf/kindIs and Sprig's messages.
std::string kind_name(const Value& v) {
  switch (v.kind()) {
    case Kind::Invalid: return "invalid";
    case Kind::Nil: return v.type() ? "ptr" : "invalid";
    case Kind::Bool: return "bool";
    case Kind::Int: {
      if (v.type()) {
        const auto& n = v.type()->name;
        if (n == "int8" || n == "int16" || n == "int32" || n == "int64") return n;
      }
      return "int";
    }
    case Kind::Uint: {
      if (v.type()) {
        const auto& n = v.type()->name;
        if (n == "uint8" || n == "uint16" || n == "uint32" || n == "uint64") return n;
      }
      return "uint";
    }
    case Kind::Float: return "float64";
    case Kind::String: return "string";
    case Kind::List: return "slice";
    case Kind::Map: return "map";
    case Kind::Struct: return v.type()->pointer ? "ptr" : "struct";
  }
  return "invalid";
}

// Sprig builds list errors from reflect.TypeOf(x).Kind(); on a nil input
// that is a nil-pointer panic, which the engine reports as Go would.
[[noreturn]] void nil_type_panic() { throw FuncError("runtime error: invalid memory address or nil pointer dereference"); }

const Value::List& require_list(const Value& v, std::string_view what) {
  if (v.is_nullish()) nil_type_panic();
  if (v.kind() != Kind::List) throw FuncError(fmt::format("Cannot {} on type {}", what, kind_name(v)));
  return v.as_list();
}

bool is_ascii_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

// strings.TrimSpace (ASCII whitespace plus U+0085 and U+00A0).
std::string_view trim_space(std::string_view s) {
  auto lead = [](std::string_view t) -> std::size_t {
    if (t.empty()) return 0;
    if (is_ascii_space(static_cast<unsigned char>(t[0]))) return 1;
    if (t.size() >= 2 && static_cast<unsigned char>(t[0]) == 0xC2 &&
        (static_cast<unsigned char>(t[1]) == 0x85 || static_cast<unsigned char>(t[1]) == 0xA0)) {
      return 2;
    }
    return 0;
  };
  for (std::size_t n; (n = lead(s)) > 0;) s.remove_prefix(n);
  for (;;) {
    if (!s.empty() && is_ascii_space(static_cast<unsigned char>(s.back()))) {
      s.remove_suffix(1);
    } else if (s.size() >= 2 && static_cast<unsigned char>(s[s.size() - 2]) == 0xC2 &&
               (static_cast<unsigned char>(s.back()) == 0x85 || static_cast<unsigned char>(s.back()) == 0xA0)) {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

std::vector<std::string_view> split(std::string_view s, std::string_view sep) {
  std::vector<std::string_view> out;
  if (sep.empty()) {
    // strings.Split with "" splits after each UTF-8 sequence.
    for (std::size_t i = 0; i < s.size();) {
      std::size_t w = 1;
      auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0xF0) w = 4; else if (c >= 0xE0) w = 3; else if (c >= 0xC0) w = 2;
      w = std::min(w, s.size() - i);
      out.push_back(s.substr(i, w));
      i += w;
    }
    return out;
  }
  std::size_t start = 0;
  for (;;) {
    std::size_t p = s.find(sep, start);
    if (p == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, p - start));
    start = p + sep.size();
  }
}

std::string replace_all(std::string_view s, std::string_view from, std::string_view to) {
  std::uint64_t count = 0;
  if (from.empty()) {
    count = s.size() + 1;  // at most: one per rune, and one at the end
  } else {
    for (std::size_t p = s.find(from); p != std::string_view::npos; p = s.find(from, p + from.size())) ++count;
  }
  if (to.size() > from.size()) check_bytes(s.size() + count * (to.size() - from.size()), "the result");
  if (from.empty()) {
    // strings.Replace with an empty old string inserts `to` between runes.
    std::string out(to);
    for (auto piece : split(s, "")) {
      out += piece;
      out += to;
    }
    return out;
  }
  std::string out;
  std::size_t start = 0;
  for (;;) {
    std::size_t p = s.find(from, start);
    if (p == std::string_view::npos) break;
    out.append(s.substr(start, p - start));
    out += to;
    start = p + from.size();
  }
  out.append(s.substr(start));
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::uint64_t total = parts.empty() ? 0 : sep.size() * (parts.size() - 1);
  for (const auto& p : parts) total += p.size();
  check_bytes(total, "the joined string");
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += sep;
    out += parts[i];
  }
  return out;
}

// strings.Trim(s, cutset) for an ASCII/UTF-8 cutset.
std::string trim_cutset(std::string_view s, std::string_view cutset) {
  auto pieces = split(cutset, "");
  auto in_set = [&](std::string_view r) { return std::find(pieces.begin(), pieces.end(), r) != pieces.end(); };
  auto runes = split(s, "");
  std::size_t b = 0, e = runes.size();
  while (b < e && in_set(runes[b])) ++b;
  while (e > b && in_set(runes[e - 1])) --e;
  std::string out;
  for (std::size_t i = b; i < e; ++i) out += runes[i];
  return out;
}

// ---- spf13/cast, as used by Sprig's int/int64/float64/add/... ------------

// cast trims a ".000" suffix before parsing integers.
std::string trim_zero_decimal(std::string_view s) {
  std::size_t dot = s.find('.');
  if (dot == std::string_view::npos || dot == 0) return std::string(s);
  for (std::size_t i = dot + 1; i < s.size(); ++i) {
    if (s[i] != '0') return std::string(s);
  }
  return std::string(s.substr(0, dot));
}

bool parse_int_base0(std::string_view s, std::int64_t* out) {
  // strconv.ParseInt(s, 0, 0) without underscores.
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return false;
  int base = 10;
  if (s[0] == '0' && s.size() > 1) {
    char c = static_cast<char>(s[1] | 0x20);
    if (s.size() >= 3 && (c == 'x' || c == 'o' || c == 'b')) {
      base = c == 'x' ? 16 : c == 'o' ? 8 : 2;
      s.remove_prefix(2);
    } else {
      base = 8;
      s.remove_prefix(1);
    }
  }
  std::uint64_t v = 0;
  auto res = std::from_chars(s.data(), s.data() + s.size(), v, base);
  if (res.ec != std::errc() || res.ptr != s.data() + s.size()) return false;
  if (v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + (neg ? 1 : 0)) return false;
  *out = neg ? static_cast<std::int64_t>(0 - v) : static_cast<std::int64_t>(v);
  return true;
}

bool parse_go_float(std::string_view s, double* out) {
  std::string t(s);
  if (t.empty() || std::isspace(static_cast<unsigned char>(t[0]))) return false;
  char* end = nullptr;
  double d = std::strtod(t.c_str(), &end);
  if (end != t.c_str() + t.size()) return false;
  *out = d;
  return true;
}

std::int64_t to_int64(const Value& v) {
  switch (v.kind()) {
    case Kind::Int: return v.as_int();
    case Kind::Uint: return static_cast<std::int64_t>(v.as_uint());
    case Kind::Float: {
      double f = v.as_float();
      if (std::isnan(f)) return std::numeric_limits<std::int64_t>::min();
      if (f >= 9.2233720368547758e18 || f < -9.2233720368547758e18) return std::numeric_limits<std::int64_t>::min();
      return static_cast<std::int64_t>(f);
    }
    case Kind::Bool: return v.as_bool() ? 1 : 0;
    case Kind::String: {
      std::int64_t i;
      return parse_int_base0(trim_zero_decimal(v.as_string()), &i) ? i : 0;
    }
    default: return 0;
  }
}

double to_float64(const Value& v) {
  switch (v.kind()) {
    case Kind::Int: return static_cast<double>(v.as_int());
    case Kind::Uint: return static_cast<double>(v.as_uint());
    case Kind::Float: return v.as_float();
    case Kind::Bool: return v.as_bool() ? 1 : 0;
    case Kind::String: {
      double d;
      return parse_go_float(v.as_string(), &d) ? d : 0;
    }
    default: return 0;
  }
}

// ---- base64 / sha256 ------------------------------------------------------

const char* kB64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64_encode(std::string_view in) {
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    std::uint32_t n = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                      static_cast<unsigned char>(in[i + 2]);
    out += kB64[(n >> 18) & 63];
    out += kB64[(n >> 12) & 63];
    out += kB64[(n >> 6) & 63];
    out += kB64[n & 63];
  }
  if (i < in.size()) {
    std::uint32_t n = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) n |= static_cast<unsigned char>(in[i + 1]) << 8;
    out += kB64[(n >> 18) & 63];
    out += kB64[(n >> 12) & 63];
    out += i + 1 < in.size() ? kB64[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

// base64.StdEncoding.DecodeString; on error returns Go's error text.
std::optional<std::string> base64_decode(std::string_view in, std::string* err) {
  auto val = [](char c) -> int {
    const char* p = std::strchr(kB64, c);
    return c != '\0' && p ? static_cast<int>(p - kB64) : -1;
  };
  std::string out;
  std::size_t i = 0;
  // Go ignores \r and \n anywhere in the input.
  std::string clean;
  std::vector<std::size_t> orig;
  for (std::size_t k = 0; k < in.size(); ++k) {
    if (in[k] != '\r' && in[k] != '\n') {
      clean += in[k];
      orig.push_back(k);
    }
  }
  auto fail = [&](std::size_t at) {
    *err = fmt::format("illegal base64 data at input byte {}", at < orig.size() ? orig[at] : in.size());
    return std::nullopt;
  };
  while (i < clean.size()) {
    int q[4];
    std::size_t got = 0;
    for (; got < 4 && i < clean.size(); ++got, ++i) {
      if (clean[i] == '=') break;
      q[got] = val(clean[i]);
      if (q[got] < 0) return fail(i);
    }
    if (got < 4) {
      if (i >= clean.size() && got == 0) break;
      if (got < 2) return fail(i >= clean.size() ? clean.size() - (got == 1 ? 1 : 0) : i);
      // padding
      std::size_t pads = 0;
      while (i < clean.size() && clean[i] == '=') {
        ++pads;
        ++i;
      }
      if (got + pads != 4 || i != clean.size()) return fail(i < clean.size() ? i : clean.size());
      std::uint32_t n = (static_cast<std::uint32_t>(q[0]) << 18) | (static_cast<std::uint32_t>(q[1]) << 12) |
                        (got > 2 ? static_cast<std::uint32_t>(q[2]) << 6 : 0);
      out += static_cast<char>((n >> 16) & 0xFF);
      if (got > 2) out += static_cast<char>((n >> 8) & 0xFF);
      break;
    }
    std::uint32_t n = (static_cast<std::uint32_t>(q[0]) << 18) | (static_cast<std::uint32_t>(q[1]) << 12) |
                      (static_cast<std::uint32_t>(q[2]) << 6) | static_cast<std::uint32_t>(q[3]);
    out += static_cast<char>((n >> 16) & 0xFF);
    out += static_cast<char>((n >> 8) & 0xFF);
    out += static_cast<char>(n & 0xFF);
  }
  return out;
}

std::string sha256_hex(std::string_view data) {
  static constexpr std::uint32_t k[64] = {
      0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
      0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
      0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
      0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
      0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
      0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
      0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
      0xc67178f2};
  std::uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::string msg(data);
  std::uint64_t bitlen = static_cast<std::uint64_t>(data.size()) * 8;
  msg += static_cast<char>(0x80);
  while (msg.size() % 64 != 56) msg += '\0';
  for (int i = 7; i >= 0; --i) msg += static_cast<char>((bitlen >> (i * 8)) & 0xFF);
  auto rotr = [](std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); };
  for (std::size_t off = 0; off < msg.size(); off += 64) {
    std::uint32_t w[64];
    for (int i = 0; i < 16; ++i) {
      const auto* p = reinterpret_cast<const unsigned char*>(msg.data() + off + static_cast<std::size_t>(i) * 4);
      w[i] = (static_cast<std::uint32_t>(p[0]) << 24) | (static_cast<std::uint32_t>(p[1]) << 16) |
             (static_cast<std::uint32_t>(p[2]) << 8) | p[3];
    }
    for (int i = 16; i < 64; ++i) {
      std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
      std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; ++i) {
      std::uint32_t S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      std::uint32_t ch = (e & f) ^ (~e & g);
      std::uint32_t t1 = hh + S1 + ch + k[i] + w[i];
      std::uint32_t S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      std::uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
      std::uint32_t t2 = S0 + maj;
      hh = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
  }
  std::string out;
  for (std::uint32_t x : h) out += fmt::format("{:08x}", x);
  return out;
}

// ---- regexp (std::regex stands in for RE2; simple patterns agree) ---------

std::regex compile_regex(const std::string& pattern) {
  try {
    return std::regex(pattern, std::regex::ECMAScript);
  } catch (const std::regex_error& e) {
    throw FuncError(fmt::format("regexp: Compile({}): error parsing regexp: {}", go_quote(pattern), e.what()));
  }
}

// regexp.Expand: $1, ${1}, $name, ${name}, $$. Names are the longest run of
// letters, digits and '_'; unknown or named groups expand to "".
void expand_template(std::string& out, std::string_view tmpl, const std::smatch& m) {
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    char c = tmpl[i];
    if (c != '$' || i + 1 >= tmpl.size()) {
      out += c;
      continue;
    }
    if (tmpl[i + 1] == '$') {
      out += '$';
      ++i;
      continue;
    }
    std::string_view name;
    std::size_t end;
    if (tmpl[i + 1] == '{') {
      std::size_t close = tmpl.find('}', i + 2);
      if (close == std::string_view::npos) {
        out += c;
        continue;
      }
      name = tmpl.substr(i + 2, close - i - 2);
      end = close;
    } else {
      std::size_t j = i + 1;
      while (j < tmpl.size() && (std::isalnum(static_cast<unsigned char>(tmpl[j])) || tmpl[j] == '_')) ++j;
      if (j == i + 1) {
        out += c;
        continue;
      }
      name = tmpl.substr(i + 1, j - i - 1);
      end = j - 1;
    }
    bool numeric = !name.empty() && std::all_of(name.begin(), name.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    if (numeric) {
      std::size_t g = std::stoul(std::string(name));
      if (g < m.size() && m[g].matched) out += m[g].str();
    }
    i = end;
  }
}

// ===========================================================================
// JSON


// encoding/json's float64 encoder.
void json_float(std::string& out, double f) {
  if (std::isnan(f) || std::isinf(f)) {
    throw JsonError("json: unsupported value: " + go_format_float(f));
  }
  double a = std::fabs(f);
  std::array<char, 64> buf{};
  std::to_chars_result res;
  bool exp = a != 0 && (a < 1e-6 || a >= 1e21);
  if (exp) {
    res = std::to_chars(buf.data(), buf.data() + buf.size(), f, std::chars_format::scientific);
  } else {
    res = std::to_chars(buf.data(), buf.data() + buf.size(), f, std::chars_format::fixed);
  }
  std::string s(buf.data(), res.ptr);
  if (exp) {
    // clean up e-09 to e-9
    std::size_t n = s.size();
    if (n >= 4 && s[n - 4] == 'e' && s[n - 3] == '-' && s[n - 2] == '0') s.erase(n - 2, 1);
  }
  out += s;
}

bool json_empty_value(const Value& v) {
  switch (v.kind()) {
    case Kind::Invalid:
    case Kind::Nil: return true;
    case Kind::Bool: return !v.as_bool();
    case Kind::Int: return v.as_int() == 0;
    case Kind::Uint: return v.as_uint() == 0;
    case Kind::Float: return v.as_float() == 0;
    case Kind::String:
    case Kind::List:
    case Kind::Map: return v.size() == 0;
    case Kind::Struct: return false;
  }
  return false;
}

class JsonWriter {
 public:
  JsonWriter(std::string& out, std::string_view indent, bool escape_html)
      : out_(out), indent_(indent), escape_html_(escape_html) {}

  void write(const Value& v, int depth) {
    check_bytes(out_.size(), "the JSON text");  // shared values can repeat a long string
    switch (v.kind()) {
      case Kind::Invalid:
      case Kind::Nil: out_ += "null"; return;
      case Kind::Bool: out_ += v.as_bool() ? "true" : "false"; return;
      case Kind::Int: out_ += std::to_string(v.as_int()); return;
      case Kind::Uint: out_ += std::to_string(v.as_uint()); return;
      case Kind::Float: json_float(out_, v.as_float()); return;
      case Kind::String: append_json_quoted(out_, v.as_string(), escape_html_); return;
      case Kind::List: {
        const auto& l = v.as_list();
        out_ += '[';
        for (std::size_t i = 0; i < l.size(); ++i) {
          if (i > 0) out_ += ',';
          newline(depth + 1);
          write(l[i], depth + 1);
        }
        if (!l.empty()) newline(depth);
        out_ += ']';
        return;
      }
      case Kind::Map: {
        const auto& m = v.as_map();
        out_ += '{';
        bool first = true;
        for (const auto& [k, val] : m) {
          if (!first) out_ += ',';
          first = false;
          newline(depth + 1);
          append_json_quoted(out_, k, escape_html_);
          out_ += indent_.empty() ? ":" : ": ";
          write(val, depth + 1);
        }
        if (!m.empty()) newline(depth);
        out_ += '}';
        return;
      }
      case Kind::Struct: {
        out_ += '{';
        bool first = true;
        write_struct_fields(v, depth, first);
        if (!first) newline(depth);
        out_ += '}';
        return;
      }
    }
  }

 private:
  void write_struct_fields(const Value& v, int depth, bool& first) {
    const TypeInfo& t = *v.type();
    const auto& fs = v.struct_fields();
    for (std::size_t i = 0; i < fs.size(); ++i) {
      const StructField& f = t.fields[i];
      if (f.json_name == "-") continue;
      if (f.embedded && f.json_name.empty() && fs[i].kind() == Kind::Struct) {
        write_struct_fields(fs[i], depth, first);  // promoted into the outer object
        continue;
      }
      if (f.omitempty && json_empty_value(fs[i])) continue;
      if (!first) out_ += ',';
      first = false;
      newline(depth + 1);
      append_json_quoted(out_, f.json_name.empty() ? f.name : f.json_name, escape_html_);
      out_ += indent_.empty() ? ":" : ": ";
      write(fs[i], depth + 1);
    }
  }

  void newline(int depth) {
    if (indent_.empty()) return;
    out_ += '\n';
    for (int i = 0; i < depth; ++i) out_ += indent_;
  }

  std::string& out_;
  std::string_view indent_;
  bool escape_html_;
};

class JsonParser {
 public:
  explicit JsonParser(std::string_view s) : s_(s) {}

  Value parse() {
    skip_ws();
    if (i_ >= s_.size()) throw JsonError("unexpected end of JSON input");
    Value v = value(0);
    skip_ws();
    if (i_ < s_.size()) fail_char("after top-level value");
    return v;
  }

 private:
  [[noreturn]] void fail_char(std::string_view context) {
    char c = s_[i_];
    std::string q;
    if (c == '\'') {
      q = "'\\''";
    } else if (static_cast<unsigned char>(c) < 0x20) {
      q = fmt::format("'\\x{:02x}'", static_cast<unsigned char>(c));
    } else {
      q = std::string("'") + c + "'";
    }
    throw JsonError(fmt::format("invalid character {} {}", q, context));
  }
  void skip_ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  void need_more() {
    if (i_ >= s_.size()) throw JsonError("unexpected end of JSON input");
  }

  Value value(int depth) {
    if (depth > kMaxDepth) throw JsonError("exceeded max depth");  // Go: 10000; see kMaxDepth
    need_more();
    char c = s_[i_];
    switch (c) {
      case '{': return object(depth);
      case '[': return array(depth);
      case '"': return Value::string(string());
      case 't': literal("true"); return Value::boolean(true);
      case 'f': literal("false"); return Value::boolean(false);
      case 'n': literal("null"); return Value::nil();
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        fail_char("looking for beginning of value");
    }
  }

  void literal(std::string_view word) {
    for (char w : word) {
      need_more();
      if (s_[i_] != w) fail_char(fmt::format("in literal {} (expecting '{}')", word, w));
      ++i_;
    }
  }

  Value number() {
    std::size_t start = i_;
    if (s_[i_] == '-') ++i_;
    need_more();
    if (s_[i_] == '0') {
      ++i_;
    } else if (s_[i_] >= '1' && s_[i_] <= '9') {
      while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
    } else {
      fail_char("in numeric literal");
    }
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      need_more();
      if (!std::isdigit(static_cast<unsigned char>(s_[i_]))) fail_char("after decimal point in numeric literal");
      while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      need_more();
      if (!std::isdigit(static_cast<unsigned char>(s_[i_]))) fail_char("in exponent of numeric literal");
      while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
    }
    double d = 0;
    auto res = std::from_chars(s_.data() + start, s_.data() + i_, d);
    if (res.ec == std::errc::result_out_of_range) {
      throw JsonError(fmt::format("json: cannot unmarshal number {} into Go value of type float64",
                                  s_.substr(start, i_ - start)));
    }
    return Value::floating(d);
  }


  std::uint32_t hex4() {
    if (i_ + 4 > s_.size()) {
      i_ = s_.size();
      need_more();
    }
    std::uint32_t r = 0;
    for (int k = 0; k < 4; ++k) {
      char h = s_[i_];
      int d = h >= '0' && h <= '9' ? h - '0' : (h | 0x20) >= 'a' && (h | 0x20) <= 'f' ? (h | 0x20) - 'a' + 10 : -1;
      if (d < 0) fail_char("in \\u hexadecimal character escape");
      r = r * 16 + static_cast<std::uint32_t>(d);
      ++i_;
    }
    return r;
  }

  std::string string() {
    ++i_;  // opening quote
    std::string out;
    for (;;) {
      need_more();
      auto c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        ++i_;
        return out;
      }
      if (c < 0x20) fail_char("in string literal");
      if (c == '\\') {
        ++i_;
        need_more();
        char e = s_[i_++];
        switch (e) {
          case '"': out += '"'; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'u': {
            std::uint32_t r = hex4();
            if (r >= 0xD800 && r < 0xDC00) {
              // A surrogate pair; a lone surrogate decodes as U+FFFD.
              if (i_ + 6 <= s_.size() && s_[i_] == '\\' && s_[i_ + 1] == 'u') {
                std::size_t save = i_;
                i_ += 2;
                std::uint32_t r2 = hex4();
                if (r2 >= 0xDC00 && r2 < 0xE000) {
                  r = 0x10000 + ((r - 0xD800) << 10) + (r2 - 0xDC00);
                } else {
                  i_ = save;
                  r = 0xFFFD;
                }
              } else {
                r = 0xFFFD;
              }
            } else if (r >= 0xDC00 && r < 0xE000) {
              r = 0xFFFD;
            }
            utf8::append(out, r);
            break;
          }
          default:
            --i_;
            fail_char("in string escape code");
        }
        continue;
      }
      out += static_cast<char>(c);
      ++i_;
    }
  }

  Value array(int depth) {
    ++i_;
    Value::List items;
    skip_ws();
    need_more();
    if (s_[i_] == ']') {
      ++i_;
      return Value::list(std::move(items));
    }
    for (;;) {
      skip_ws();
      items.push_back(value(depth + 1));
      skip_ws();
      need_more();
      if (s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (s_[i_] == ']') {
        ++i_;
        return Value::list(std::move(items));
      }
      fail_char("after array element");
    }
  }

  Value object(int depth) {
    ++i_;
    Value::Map m;
    skip_ws();
    need_more();
    if (s_[i_] == '}') {
      ++i_;
      return Value::map(std::move(m));
    }
    for (;;) {
      skip_ws();
      need_more();
      if (s_[i_] != '"') fail_char("looking for beginning of object key string");
      std::string key = string();
      skip_ws();
      need_more();
      if (s_[i_] != ':') fail_char("after object key");
      ++i_;
      skip_ws();
      m.insert_or_assign(std::move(key), value(depth + 1));
      skip_ws();
      need_more();
      if (s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (s_[i_] == '}') {
        ++i_;
        return Value::map(std::move(m));
      }
      fail_char("after object key:value pair");
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

// ===========================================================================
// YAML (go-yaml v2 emitter behaviour for the JSON data model)

bool is_yaml_bool_or_null(std::string_view s) {
  static const std::set<std::string_view> words = {
      "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
      "on", "On", "ON", "off", "Off", "OFF", "~", "null", "Null", "NULL", ".inf", ".Inf", ".INF", "-.inf", "-.Inf",
      "-.INF", "+.inf", "+.Inf", "+.INF", ".nan", ".NaN", ".NAN", "<<"};
  return words.count(s) > 0;
}

// Would go-yaml v2 resolve this plain scalar to an int or float?
bool yaml_resolves_to_number(std::string_view s) {
  if (s.empty()) return false;
  char c = s[0];
  if (!(c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'))) return false;
  std::string plain;
  for (char ch : s) {
    if (ch != '_') plain += ch;
  }
  std::int64_t i;
  if (parse_int_base0(plain, &i)) return true;
  std::string_view u = plain;
  if (!u.empty() && u[0] == '+') u.remove_prefix(1);
  std::uint64_t uv;
  if (!u.empty() && std::from_chars(u.data(), u.data() + u.size(), uv).ptr == u.data() + u.size()) return true;
  // strconv.ParseFloat also accepts "inf"/"infinity"/"nan" after a sign and
  // hex floats; strtod accepts the same family.
  std::string t(s);
  char* end = nullptr;
  std::strtod(t.c_str(), &end);
  if (end == t.c_str() + t.size()) return true;
  // YAML 1.1 base-60 floats such as 1:20.
  static const std::regex base60(R"(^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$)");
  return std::regex_match(t, base60);
}

bool yaml_resolves_to_timestamp(std::string_view s) {
  static const std::regex ts(R"(^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?$)");
  return s.size() >= 8 && s.size() <= 40 && std::regex_match(std::string(s), ts);
}

bool yaml_printable(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\n' && c != '\t') return false;
    if (c == 0x7F) return false;
    if (c == 0xC2 && i + 1 < s.size()) {
      auto d = static_cast<unsigned char>(s[i + 1]);
      if (d >= 0x80 && d <= 0x9F && d != 0x85) return false;
    }
    if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBB &&
        static_cast<unsigned char>(s[i + 2]) == 0xBF) {
      return false;  // BOM
    }
  }
  return true;
}

// libyaml's analysis of whether a string may be written as a plain scalar.
bool yaml_plain_allowed(std::string_view s) {
  if (s.empty()) return false;
  if (!yaml_printable(s)) return false;
  if (s.find('\n') != std::string_view::npos || s.find('\t') != std::string_view::npos) return false;
  if (s.front() == ' ' || s.back() == ' ') return false;
  if (s.substr(0, 3) == "---" || s.substr(0, 3) == "...") return false;
  char c0 = s[0];
  auto followed_by_blank = [&](std::size_t i) { return i + 1 >= s.size() || s[i + 1] == ' '; };
  switch (c0) {
    case '#': case ',': case '[': case ']': case '{': case '}': case '&': case '*': case '!': case '|': case '>':
    case '\'': case '"': case '%': case '@': case '`':
      return false;
    case '?': case ':': case '-':
      if (followed_by_blank(0)) return false;
      break;
    default: break;
  }
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ':' && followed_by_blank(i)) return false;
    if (c == '#' && i > 0 && s[i - 1] == ' ') return false;
    // Flow indicators are fine in block context, but libyaml still refuses
    // a handful of them anywhere; be conservative.
    if (c == ',' || c == '[' || c == ']' || c == '{' || c == '}') {
      // allowed in block plain scalars
    }
  }
  return true;
}

std::string yaml_double_quoted(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '\0': out += "\\0"; break;
      case '\a': out += "\\a"; break;
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\v': out += "\\v"; break;
      case '\f': out += "\\f"; break;
      case '\r': out += "\\r"; break;
      case 0x1B: out += "\\e"; break;
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += "\\x";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
  return out;
}

bool yaml_needs_quotes_as_string(std::string_view s) {
  // go-yaml quotes strings whose plain form would resolve to another type.
  return s.empty() || is_yaml_bool_or_null(s) || yaml_resolves_to_number(s) || yaml_resolves_to_timestamp(s);
}

std::string yaml_scalar_string(std::string_view s) {
  if (yaml_needs_quotes_as_string(s) || !yaml_printable(s)) return yaml_double_quoted(s);
  if (yaml_plain_allowed(s)) return std::string(s);
  // The emitter falls back to single quotes when plain is not allowed.
  if (s.find('\n') == std::string_view::npos && s.find('\t') == std::string_view::npos &&
      s.front() != ' ' && s.back() != ' ') {
    return "'" + replace_all(s, "'", "''") + "'";
  }
  return yaml_double_quoted(s);
}

// go-yaml v2 orders map keys "naturally": runs of digits compare by value
// and letters sort before other characters.
bool yaml_key_less(const std::string& a, const std::string& b) {
  auto is_letter = [](unsigned char c) { return std::isalpha(c) || c >= 0x80; };
  auto is_digit = [](unsigned char c) { return c >= '0' && c <= '9'; };
  std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    auto ca = static_cast<unsigned char>(a[i]);
    auto cb = static_cast<unsigned char>(b[i]);
    if (ca == cb) continue;
    bool al = is_letter(ca), bl = is_letter(cb);
    if (al && bl) return ca < cb;
    if (al || bl) return bl;
    std::int64_t an = 0, bn = 0;
    if (ca == '0' || cb == '0') {
      for (std::size_t j = i; j-- > 0 && is_digit(static_cast<unsigned char>(a[j]));) {
        if (a[j] != '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    std::size_t ai = i, bi = i;
    for (; ai < a.size() && is_digit(static_cast<unsigned char>(a[ai])); ++ai) an = an * 10 + (a[ai] - '0');
    for (; bi < b.size() && is_digit(static_cast<unsigned char>(b[bi])); ++bi) bn = bn * 10 + (b[bi] - '0');
    if (an != bn) return an < bn;
    if (ai != bi) return ai < bi;
    return ca < cb;
  }
  return a.size() < b.size();
}

// A node of the JSON data model with its keys already in YAML order.
class YamlEmitter {
 public:
  explicit YamlEmitter(std::string& out) : out_(out) {}

  void document(const Value& v) {
    if (is_block_collection(v)) {
      block(v, 0);
    } else {
      out_ += scalar(v, 0);
      out_ += '\n';
    }
  }

 private:
  static bool is_block_collection(const Value& v) {
    return (v.kind() == Kind::List || v.kind() == Kind::Map) && v.size() > 0;
  }
  static bool is_multiline(const Value& v) {
    return v.kind() == Kind::String && v.as_string().find('\n') != std::string::npos && literal_ok(v.as_string());
  }
  static bool literal_ok(std::string_view s) {
    if (!yaml_printable(s)) return false;
    // Trailing spaces on a line, or a line break after a space, force the
    // emitter into double quotes.
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
      if (s[i] == ' ' && s[i + 1] == '\n') return false;
    }
    if (!s.empty() && s.back() == ' ') return false;
    if (s.find('\t') != std::string_view::npos) return false;
    return true;
  }

  // The scalar text for a value appearing after "key: " or "- ".
  std::string scalar(const Value& v, int indent) {
    switch (v.kind()) {
      case Kind::Invalid:
      case Kind::Nil: return "null";
      case Kind::Bool: return v.as_bool() ? "true" : "false";
      case Kind::Int: return std::to_string(v.as_int());
      case Kind::Uint: return std::to_string(v.as_uint());
      case Kind::Float: {
        // JSON writes integral floats below 1e21 as integers, which YAML
        // then reads back as ints.
        double f = v.as_float();
        if (std::fabs(f) < 1e21 && f == std::floor(f)) {
          std::string s;
          json_float(s, f);
          return s;
        }
        return go_format_float(f);
      }
      case Kind::String: {
        const std::string& s = v.as_string();
        if (is_multiline(v)) return literal(s, indent);
        return yaml_scalar_string(s);
      }
      case Kind::List: return "[]";
      case Kind::Map:
      case Kind::Struct: return "{}";
    }
    return "null";
  }

  std::string literal(std::string_view s, int indent) {
    std::string out = "|";
    if (!s.empty() && (s[0] == ' ' || s[0] == '\n')) out += "2";  // indentation indicator
    std::size_t trailing = 0;
    for (std::size_t i = s.size(); i > 0 && s[i - 1] == '\n'; --i) ++trailing;
    if (trailing == 0) {
      out += '-';
    } else if (trailing > 1) {
      out += '+';
    }
    std::string_view body = s;
    if (trailing > 0) body.remove_suffix(1);
    std::string pad(static_cast<std::size_t>(indent + 2), ' ');
    for (auto line : split(body, "\n")) {
      out += '\n';
      if (!line.empty()) {
        out += pad;
        out += line;
      }
    }
    return out;
  }

  void block(const Value& v, int indent) {
    check_bytes(out_.size(), "the YAML text");  // deep nesting indents every line further
    std::string pad(static_cast<std::size_t>(indent), ' ');
    if (v.kind() == Kind::Map) {
      std::vector<const std::pair<const std::string, Value>*> entries;
      for (const auto& e : v.as_map()) entries.push_back(&e);
      std::stable_sort(entries.begin(), entries.end(),
                       [](const auto* a, const auto* b) { return yaml_key_less(a->first, b->first); });
      bool first = true;
      for (const auto* e : entries) {
        if (!first || !continuing_) out_ += pad;
        first = false;
        continuing_ = false;
        out_ += yaml_scalar_string(e->first);
        out_ += ':';
        const Value& val = e->second;
        if (val.kind() == Kind::Map && val.size() > 0) {
          out_ += '\n';
          block(val, indent + 2);
        } else if (val.kind() == Kind::List && val.size() > 0) {
          out_ += '\n';
          block(val, indent);  // go-yaml v2 does not indent sequences in maps
        } else {
          out_ += ' ';
          out_ += scalar(val, indent);
          out_ += '\n';
        }
      }
      return;
    }
    bool first = true;
    for (const auto& item : v.as_list()) {
      if (!first || !continuing_) out_ += pad;
      first = false;
      out_ += "- ";
      if (is_block_collection(item)) {
        continuing_ = true;  // the first line continues after "- "
        block(item, indent + 2);
        continuing_ = false;
      } else {
        continuing_ = false;
        out_ += scalar(item, indent);
        out_ += '\n';
      }
    }
  }

  std::string& out_;
  bool continuing_ = false;
};

// ===========================================================================
// Go durations

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

// ===========================================================================
// Value construction helpers for functions

Value str(std::string s) { return Value::string(std::move(s)); }

Value::Map string_map_of(const Value& m) {
  if (m.kind() != Kind::Map) return {};
  return m.as_map();
}

// Values that Istio reads from Kubernetes objects may be structs (Go field
// names) or decoded JSON maps (json names); accept both.
const Value* member(const Value& obj, std::string_view go_name, std::string_view json_name) {
  if (obj.kind() == Kind::Struct) {
    if (const Value* v = obj.field(go_name)) return v;
    return nullptr;
  }
  if (obj.kind() == Kind::Map) return obj.find(json_name);
  return nullptr;
}

std::string container_ports(const Value& containers, bool skip_proxy) {
  std::vector<std::string> parts;
  if (containers.kind() != Kind::List) return "";
  for (const auto& c : containers.as_list()) {
    if (skip_proxy) {
      const Value* name = member(c, "Name", "name");
      if (name && name->kind() == Kind::String && name->as_string() == "istio-proxy") continue;
    }
    const Value* ports = member(c, "Ports", "ports");
    if (!ports || ports->kind() != Kind::List) continue;
    for (const auto& p : ports->as_list()) {
      const Value* proto = member(p, "Protocol", "protocol");
      if (proto && proto->kind() == Kind::String && (proto->as_string() == "UDP" || proto->as_string() == "SCTP")) continue;
      const Value* cp = member(p, "ContainerPort", "containerPort");
      std::int64_t port = cp ? to_int64(*cp) : 0;
      parts.push_back(std::to_string(static_cast<std::int32_t>(port)));
    }
  }
  return join(parts, ",");
}

// Istio's omitNil: drops nils from maps and lists recursively; containers
// that end up empty become nil themselves (and are then dropped too).
std::pair<Value, bool> omit_nil_internal(const Value& v) {
  if (v.is_nullish()) return {Value::nil(), true};
  if (v.kind() == Kind::Map && v.elem() == Elem::Any && !v.type()) {
    bool changed = false;
    for (const auto& [k, e] : v.as_map()) {
      if (omit_nil_internal(e).second) {
        changed = true;
        break;
      }
    }
    if (!changed) return {v, false};
    Value::Map out;
    for (const auto& [k, e] : v.as_map()) {
      Value f = omit_nil_internal(e).first;
      if (!f.is_nullish()) out.emplace(k, f);
    }
    if (out.empty()) return {Value::nil(), true};
    return {Value::map(std::move(out)), true};
  }
  if (v.kind() == Kind::List && v.elem() == Elem::Any && !v.type()) {
    bool changed = false;
    for (const auto& e : v.as_list()) {
      if (omit_nil_internal(e).second) {
        changed = true;
        break;
      }
    }
    if (!changed) return {v, false};
    Value::List out;
    for (const auto& e : v.as_list()) {
      Value f = omit_nil_internal(e).first;
      if (!f.is_nullish()) out.push_back(f);
    }
    if (out.empty()) return {Value::nil(), true};
    return {Value::list(std::move(out)), true};
  }
  return {v, false};
}

// mergo.Merge(&dst, src) without overwrite, for map[string]interface{}:
// keys missing (or empty) in dst are taken from src; nested maps merge.
void mergo_merge(Value::Map& dst, const Value::Map& src, bool overwrite) {
  for (const auto& [k, sv] : src) {
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

// ===========================================================================
// Function tables

void add_sprig(FuncMap& f) {
  // --- defaults / logic ---
  f.set_variadic("default", {P::Any}, P::Any, [](Args a) {
    // dfault(d, given...): the piped value is the last, optional argument.
    if (a.size() < 2 || empty(a[1])) return a[0];
    return a[1];
  });
  f.set("empty", {P::Any}, [](Args a) { return Value::boolean(empty(a[0])); });
  f.set_variadic("coalesce", {}, P::Any, [](Args a) {
    for (const auto& v : a) {
      if (!empty(v)) return v;
    }
    return Value::nil();
  });
  f.set_variadic("all", {}, P::Any, [](Args a) {
    return Value::boolean(std::none_of(a.begin(), a.end(), [](const Value& v) { return empty(v); }));
  });
  f.set_variadic("any", {}, P::Any, [](Args a) {
    return Value::boolean(std::any_of(a.begin(), a.end(), [](const Value& v) { return !empty(v); }));
  });
  f.set("ternary", {P::Any, P::Any, P::Bool}, [](Args a) { return a[2].as_bool() ? a[0] : a[1]; });
  f.set("fail", {P::String}, [](Args a) -> Value { throw FuncError(a[0].as_string()); });

  // --- strings ---
  f.set_variadic("quote", {}, P::Any, [](Args a) {
    std::vector<std::string> out;
    std::uint64_t total = 0;  // one long string passed many times
    for (const auto& v : a) {
      if (!v.is_nullish()) check_bytes(total += (out.emplace_back(go_quote(strval(v)))).size(), "the quoted strings");
    }
    return str(join(out, " "));
  });
  f.set_variadic("squote", {}, P::Any, [](Args a) {
    std::vector<std::string> out;
    std::uint64_t total = 0;
    for (const auto& v : a) {
      if (!v.is_nullish()) check_bytes(total += (out.emplace_back("'" + strval(v) + "'")).size(), "the quoted strings");
    }
    return str(join(out, " "));
  });
  f.set_variadic("cat", {}, P::Any, [](Args a) {
    std::vector<std::string> out;
    std::uint64_t total = 0;
    for (const auto& v : a) {
      if (!v.is_nullish()) check_bytes(total += (out.emplace_back(strval(v))).size(), "the joined strings");
    }
    return str(join(out, " "));
  });
  // ASCII case mapping (strings.ToUpper/ToLower also map non-ASCII letters).
  f.set("upper", {P::String}, [](Args a) {
    std::string s = a[0].as_string();
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return str(s);
  });
  f.set("lower", {P::String}, [](Args a) {
    std::string s = a[0].as_string();
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return str(s);
  });
  f.set("title", {P::String}, [](Args a) {
    // strings.Title: upper-case letters that follow a separator.
    std::string s = a[0].as_string();
    bool prev_sep = true;
    for (auto& ch : s) {
      auto c = static_cast<unsigned char>(ch);
      bool sep = c < 0x80 && !std::isalnum(c) && c != '_';
      if (prev_sep && c < 0x80) ch = static_cast<char>(std::toupper(c));
      if (c < 0x80 || (c & 0xC0) != 0x80) prev_sep = sep;
    }
    return str(s);
  });
  f.set("trim", {P::String}, [](Args a) { return str(std::string(trim_space(a[0].as_string()))); });
  f.set("trimAll", {P::String, P::String}, [](Args a) { return str(trim_cutset(a[1].as_string(), a[0].as_string())); });
  f.set("trimall", {P::String, P::String}, [](Args a) { return str(trim_cutset(a[1].as_string(), a[0].as_string())); });
  f.set("trimPrefix", {P::String, P::String}, [](Args a) {
    const auto& p = a[0].as_string();
    const auto& s = a[1].as_string();
    return str(s.compare(0, p.size(), p) == 0 && s.size() >= p.size() ? s.substr(p.size()) : s);
  });
  f.set("trimSuffix", {P::String, P::String}, [](Args a) {
    const auto& p = a[0].as_string();
    const auto& s = a[1].as_string();
    bool has = s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
    return str(has ? s.substr(0, s.size() - p.size()) : s);
  });
  f.set("trunc", {P::Int, P::String}, [](Args a) {
    // Negative counts keep the tail; byte-based like Sprig.
    std::int64_t c = a[0].as_int();
    const auto& s = a[1].as_string();
    auto len = static_cast<std::int64_t>(s.size());
    if (c < 0 && len + c > 0) return str(s.substr(static_cast<std::size_t>(len + c)));
    if (c >= 0 && len > c) return str(s.substr(0, static_cast<std::size_t>(c)));
    return a[1];
  });
  f.set("substr", {P::Int, P::Int, P::String}, [](Args a) {
    std::int64_t start = a[0].as_int(), end = a[1].as_int();
    const auto& s = a[2].as_string();
    auto len = static_cast<std::int64_t>(s.size());
    if (start < 0) return str(s.substr(0, static_cast<std::size_t>(std::clamp<std::int64_t>(end, 0, len))));
    if (end < 0 || end > len) return str(s.substr(static_cast<std::size_t>(std::min(start, len))));
    if (start > end) throw FuncError(fmt::format("runtime error: slice bounds out of range [{}:{}]", start, end));
    return str(s.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start)));
  });
  f.set("replace", {P::String, P::String, P::String}, [](Args a) {
    return str(replace_all(a[2].as_string(), a[0].as_string(), a[1].as_string()));
  });
  f.set("repeat", {P::Int, P::String}, [](Args a) {
    std::int64_t n = a[0].as_int();
    if (n < 0) throw FuncError("strings: negative Repeat count");
    if (a[1].as_string().empty()) return str("");
    // (n is below 2^63 and the length below 2^26 + 1: the product fits.)
    check_bytes(std::min<std::uint64_t>(static_cast<std::uint64_t>(n), kMaxStringBytes + 1) * a[1].as_string().size(),
                "the repeated string");
    std::string out;
    for (std::int64_t i = 0; i < n; ++i) out += a[1].as_string();
    return str(out);
  });
  f.set("nospace", {P::String}, [](Args a) {
    std::string out;
    for (char c : a[0].as_string()) {
      if (!is_ascii_space(static_cast<unsigned char>(c))) out += c;
    }
    return str(out);
  });
  f.set("contains", {P::String, P::String}, [](Args a) {
    return Value::boolean(a[1].as_string().find(a[0].as_string()) != std::string::npos);
  });
  f.set("hasPrefix", {P::String, P::String}, [](Args a) {
    return Value::boolean(a[1].as_string().compare(0, a[0].as_string().size(), a[0].as_string()) == 0 &&
                          a[1].as_string().size() >= a[0].as_string().size());
  });
  f.set("hasSuffix", {P::String, P::String}, [](Args a) {
    const auto& suf = a[0].as_string();
    const auto& s = a[1].as_string();
    return Value::boolean(s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0);
  });
  f.set("split", {P::String, P::String}, [](Args a) {
    Value::Map m;
    auto parts = split(a[1].as_string(), a[0].as_string());
    check_items(parts.size(), "the split");
    for (std::size_t i = 0; i < parts.size(); ++i) m.emplace("_" + std::to_string(i), str(std::string(parts[i])));
    return Value::map(std::move(m), Elem::String);
  });
  f.set("splitList", {P::String, P::String}, [](Args a) {
    std::vector<std::string> out;
    auto parts = split(a[1].as_string(), a[0].as_string());
    check_items(parts.size(), "the split");
    for (auto p : parts) out.emplace_back(p);
    return string_list(std::move(out));
  });
  f.set("join", {P::String, P::Any}, [](Args a) { return str(join(strslice(a[1]), a[0].as_string())); });
  f.set("toStrings", {P::Any}, [](Args a) { return string_list(strslice(a[0])); });
  f.set("sortAlpha", {P::Any}, [](Args a) {
    auto v = strslice(a[0]);
    std::sort(v.begin(), v.end());
    return string_list(std::move(v));
  });
  f.set("indent", {P::Int, P::String}, [](Args a) {
    check_indent(a[0].as_int(), a[1].as_string());
    std::string pad(static_cast<std::size_t>(std::max<std::int64_t>(a[0].as_int(), 0)), ' ');
    return str(pad + replace_all(a[1].as_string(), "\n", "\n" + pad));
  });
  f.set("nindent", {P::Int, P::String}, [](Args a) {
    check_indent(a[0].as_int(), a[1].as_string());
    std::string pad(static_cast<std::size_t>(std::max<std::int64_t>(a[0].as_int(), 0)), ' ');
    return str("\n" + pad + replace_all(a[1].as_string(), "\n", "\n" + pad));
  });
  f.set("toString", {P::Any}, [](Args a) { return str(strval(a[0])); });
  f.set("b64enc", {P::String}, [](Args a) { return str(base64_encode(a[0].as_string())); });
  f.set("b64dec", {P::String}, [](Args a) {
    std::string err;
    auto out = base64_decode(a[0].as_string(), &err);
    return str(out ? *out : err);
  });
  f.set("sha256sum", {P::String}, [](Args a) { return str(sha256_hex(a[0].as_string())); });
  f.set("regexMatch", {P::String, P::String}, [](Args a) {
    try {
      std::regex re(a[0].as_string(), std::regex::ECMAScript);
      return Value::boolean(std::regex_search(a[1].as_string(), re));
    } catch (const std::regex_error&) {
      return Value::boolean(false);
    }
  });
  f.set("regexReplaceAll", {P::String, P::String, P::String}, [](Args a) {
    std::regex re = compile_regex(a[0].as_string());
    const std::string& s = a[1].as_string();
    std::string out;
    auto begin = std::sregex_iterator(s.begin(), s.end(), re);
    std::size_t last = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
      const std::smatch& m = *it;
      out.append(s, last, static_cast<std::size_t>(m.position(0)) - last);
      expand_template(out, a[2].as_string(), m);
      check_bytes(out.size(), "the result");
      last = static_cast<std::size_t>(m.position(0) + m.length(0));
    }
    out.append(s, last, std::string::npos);
    return str(out);
  });

  // --- conversion / math (spf13/cast semantics) ---
  f.set("int", {P::Any}, [](Args a) { return Value::integer(to_int64(a[0])); });
  f.set("int64", {P::Any}, [](Args a) { return Value::integer(to_int64(a[0])); });
  f.set("float64", {P::Any}, [](Args a) { return Value::floating(to_float64(a[0])); });
  f.set("atoi", {P::String}, [](Args a) {
    // strconv.Atoi: decimal only; errors give 0.
    const std::string& s = a[0].as_string();
    std::string_view t = s;
    if (!t.empty() && t[0] == '+') t.remove_prefix(1);
    std::int64_t v = 0;
    auto res = std::from_chars(t.data(), t.data() + t.size(), v);
    if (res.ec != std::errc() || res.ptr != t.data() + t.size() || t.empty()) v = 0;
    return Value::integer(v);
  });
  f.set_variadic("add", {}, P::Any, [](Args a) {
    std::int64_t sum = 0;
    for (const auto& v : a) sum = static_cast<std::int64_t>(static_cast<std::uint64_t>(sum) + static_cast<std::uint64_t>(to_int64(v)));
    return Value::integer(sum);
  });
  f.set("add1", {P::Any}, [](Args a) { return Value::integer(to_int64(a[0]) + 1); });
  f.set("sub", {P::Any, P::Any}, [](Args a) { return Value::integer(to_int64(a[0]) - to_int64(a[1])); });
  f.set_variadic("mul", {P::Any}, P::Any, [](Args a) {
    std::int64_t v = to_int64(a[0]);
    for (const auto& b : a.subspan(1)) v = static_cast<std::int64_t>(static_cast<std::uint64_t>(v) * static_cast<std::uint64_t>(to_int64(b)));
    return Value::integer(v);
  });
  f.set("div", {P::Any, P::Any}, [](Args a) {
    std::int64_t d = to_int64(a[1]);
    if (d == 0) throw FuncError("runtime error: integer divide by zero");
    return Value::integer(to_int64(a[0]) / d);
  });
  f.set("mod", {P::Any, P::Any}, [](Args a) {
    std::int64_t d = to_int64(a[1]);
    if (d == 0) throw FuncError("runtime error: integer divide by zero");
    return Value::integer(to_int64(a[0]) % d);
  });
  f.set_variadic("max", {P::Any}, P::Any, [](Args a) {
    std::int64_t m = to_int64(a[0]);
    for (const auto& b : a.subspan(1)) m = std::max(m, to_int64(b));
    return Value::integer(m);
  });
  f.set_variadic("min", {P::Any}, P::Any, [](Args a) {
    std::int64_t m = to_int64(a[0]);
    for (const auto& b : a.subspan(1)) m = std::min(m, to_int64(b));
    return Value::integer(m);
  });
  f.set("until", {P::Int}, [](Args a) {
    Value::List out;
    std::int64_t n = a[0].as_int();
    check_items(n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n), "the list");
    std::int64_t step = n < 0 ? -1 : 1;
    for (std::int64_t i = 0; i != n; i += step) out.push_back(Value::integer(i));
    return Value::list(std::move(out));
  });

  // --- type introspection ---
  f.set("kindOf", {P::Any}, [](Args a) { return str(kind_name(a[0])); });
  f.set("kindIs", {P::String, P::Any}, [](Args a) { return Value::boolean(kind_name(a[1]) == a[0].as_string()); });
  f.set("typeOf", {P::Any}, [](Args a) { return str(a[0].go_type_name()); });
  f.set("typeIs", {P::String, P::Any}, [](Args a) { return Value::boolean(a[1].go_type_name() == a[0].as_string()); });

  // --- lists ---
  f.set_variadic("list", {}, P::Any, [](Args a) { return Value::list(Value::List(a.begin(), a.end())); });
  auto push = [](Args a) {
    Value::List out = require_list(a[0], "push");
    out.push_back(a[1]);
    return Value::list(std::move(out));
  };
  f.set("append", {P::Any, P::Any}, push);
  f.set("push", {P::Any, P::Any}, push);
  f.set("prepend", {P::Any, P::Any}, [](Args a) {
    const auto& l = require_list(a[0], "prepend");
    Value::List out;
    out.reserve(l.size() + 1);
    out.push_back(a[1]);
    out.insert(out.end(), l.begin(), l.end());
    return Value::list(std::move(out));
  });
  f.set("first", {P::Any}, [](Args a) {
    const auto& l = require_list(a[0], "find first");
    return l.empty() ? Value::nil() : l.front();
  });
  f.set("last", {P::Any}, [](Args a) {
    const auto& l = require_list(a[0], "find last");
    return l.empty() ? Value::nil() : l.back();
  });
  f.set("rest", {P::Any}, [](Args a) {
    const auto& l = require_list(a[0], "find rest");
    if (l.empty()) return Value::nil();
    return Value::list(Value::List(l.begin() + 1, l.end()));
  });
  f.set("initial", {P::Any}, [](Args a) {
    const auto& l = require_list(a[0], "find initial");
    if (l.empty()) return Value::nil();
    return Value::list(Value::List(l.begin(), l.end() - 1));
  });
  f.set("reverse", {P::Any}, [](Args a) {
    const auto& l = require_list(a[0], "find reverse");
    return Value::list(Value::List(l.rbegin(), l.rend()));
  });
  f.set("compact", {P::Any}, [](Args a) {
    const auto& l = require_list(a[0], "compact");
    Value::List out;
    for (const auto& v : l) {
      if (!empty(v)) out.push_back(v);
    }
    return Value::list(std::move(out));
  });
  f.set("uniq", {P::Any}, [](Args a) {
    const auto& l = require_list(a[0], "find uniq");
    Value::List out;
    for (const auto& v : l) {
      if (std::none_of(out.begin(), out.end(), [&](const Value& o) { return o.deep_equals(v); })) out.push_back(v);
    }
    return Value::list(std::move(out));
  });
  f.set_variadic("without", {P::Any}, P::Any, [](Args a) {
    const auto& l = require_list(a[0], "find without");
    auto omit = a.subspan(1);
    Value::List out;
    for (const auto& v : l) {
      if (std::none_of(omit.begin(), omit.end(), [&](const Value& o) { return o.deep_equals(v); })) out.push_back(v);
    }
    return Value::list(std::move(out));
  });
  f.set("has", {P::Any, P::Any}, [](Args a) {
    if (a[1].is_nullish()) return Value::boolean(false);
    const auto& l = require_list(a[1], "find has");
    return Value::boolean(std::any_of(l.begin(), l.end(), [&](const Value& v) { return v.deep_equals(a[0]); }));
  });
  f.set_variadic("concat", {}, P::Any, [](Args a) {
    Value::List out;
    for (const auto& l : a) {
      if (l.kind() != Kind::List) throw FuncError(fmt::format("Cannot concat type {} as list", kind_name(l)));
      out.insert(out.end(), l.as_list().begin(), l.as_list().end());
    }
    return Value::list(std::move(out));
  });

  // --- dicts ---
  f.set_variadic("dict", {}, P::Any, [](Args a) {
    Value::Map m;
    for (std::size_t i = 0; i < a.size(); i += 2) {
      m.insert_or_assign(strval(a[i]), i + 1 < a.size() ? a[i + 1] : str(""));
    }
    return Value::map(std::move(m));
  });
  f.set("get", {P::Map, P::String}, [](Args a) {
    const Value* v = a[0].find(a[1].as_string());
    return v ? *v : str("");
  });
  // set/unset/merge mutate their map argument as the Go versions do (Go maps
  // are references); a nil map argument panics in Go.
  f.set("set", {P::Map, P::String, P::Any}, [](Args a) {
    if (holds_map(a[2], &a[0].as_map())) throw FuncError("the value holds the map itself; kinject cannot make a map contain itself");
    a[0].mutable_map_shared().insert_or_assign(a[1].as_string(), a[2]);
    return a[0];
  });
  f.set("unset", {P::Map, P::String}, [](Args a) {
    a[0].mutable_map_shared().erase(a[1].as_string());
    return a[0];
  });
  f.set("hasKey", {P::Map, P::String}, [](Args a) { return Value::boolean(a[0].find(a[1].as_string()) != nullptr); });
  // Go iterates maps in random order; keys are returned sorted here.
  f.set_variadic("keys", {}, P::Map, [](Args a) {
    std::vector<std::string> out;
    for (const auto& m : a) {
      for (const auto& [k, v] : m.as_map()) out.push_back(k);
    }
    return string_list(std::move(out));
  });
  f.set_variadic("values", {P::Map}, P::Any, [](Args a) {
    Value::List out;
    for (const auto& [k, v] : a[0].as_map()) out.push_back(v);
    return Value::list(std::move(out));
  });
  f.set_variadic("pick", {P::Map}, P::String, [](Args a) {
    Value::Map out;
    for (const auto& k : a.subspan(1)) {
      if (const Value* v = a[0].find(k.as_string())) out.insert_or_assign(k.as_string(), *v);
    }
    return Value::map(std::move(out));
  });
  f.set_variadic("omit", {P::Map}, P::String, [](Args a) {
    Value::Map out = a[0].as_map();
    for (const auto& k : a.subspan(1)) out.erase(k.as_string());
    return Value::map(std::move(out));
  });
  f.set_variadic("pluck", {P::String}, P::Map, [](Args a) {
    Value::List out;
    for (const auto& m : a.subspan(1)) {
      if (const Value* v = m.find(a[0].as_string())) out.push_back(*v);
    }
    return Value::list(std::move(out));
  });
  auto merge_impl = [](Args a, bool overwrite) {
    for (const auto& src : a.subspan(1)) {
      // Merging a map into itself changes nothing; a source that holds the
      // destination elsewhere would make it contain itself.
      if (&src.as_map() != &a[0].as_map() && holds_map(src, &a[0].as_map()))
        throw FuncError("a source holds the destination map itself; kinject cannot make a map contain itself");
    }
    Value::Map& dst = a[0].mutable_map_shared();
    for (const auto& src : a.subspan(1)) mergo_merge(dst, src.as_map(), overwrite);
    return a[0];
  };
  f.set_variadic("merge", {P::Map}, P::Map, [merge_impl](Args a) { return merge_impl(a, false); });
  f.set_variadic("mergeOverwrite", {P::Map}, P::Map, [merge_impl](Args a) { return merge_impl(a, true); });

  // --- encoding ---
  f.set("toJson", {P::Any}, [](Args a) {
    try {
      return str(to_json(a[0]));
    } catch (const JsonError&) {
      return str("");
    }
  });
  f.set("toPrettyJson", {P::Any}, [](Args a) {
    try {
      return str(to_json_indent(a[0], "  "));
    } catch (const JsonError&) {
      return str("");
    }
  });
  f.set("toRawJson", {P::Any}, [](Args a) {
    std::string out;
    JsonWriter(out, "", false).write(a[0], 0);
    return str(out);
  });
  f.set("fromJson", {P::String}, [](Args a) {
    try {
      return from_json(a[0].as_string());
    } catch (const JsonError&) {
      return Value::nil();
    }
  });
}

void add_istio(FuncMap& f, EnvLookup env) {
  f.set("formatDuration", {Param(P::Any)}, [](Args a) {
    // *durationpb.Duration -> AsDuration().String(); a nil pointer is 0s.
    const Value& d = a[0];
    std::int64_t secs = 0, nanos = 0;
    if (d.kind() == Kind::Struct || d.kind() == Kind::Map) {
      if (const Value* s = member(d, "Seconds", "seconds")) secs = to_int64(*s);
      if (const Value* n = member(d, "Nanos", "nanos")) nanos = to_int64(*n);
    } else if (d.kind() == Kind::String) {
      // protojson form, e.g. "1.5s"
      std::string s = d.as_string();
      if (!s.empty() && s.back() == 's') s.pop_back();
      double sec = 0;
      if (parse_go_float(s, &sec)) {
        secs = static_cast<std::int64_t>(sec);
        nanos = static_cast<std::int64_t>(std::llround((sec - static_cast<double>(secs)) * 1e9));
      }
    } else if (!d.is_nullish() && !d.is_typed_nil()) {
      throw FuncError(fmt::format("wrong type for value; expected *durationpb.Duration; got {}", d.go_type_name()));
    }
    // AsDuration saturates on overflow.
    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    std::int64_t total;
    if (secs > kMax / 1000000000) {
      total = kMax;
    } else if (secs < std::numeric_limits<std::int64_t>::min() / 1000000000) {
      total = std::numeric_limits<std::int64_t>::min();
    } else {
      total = secs * 1000000000 + nanos;
    }
    return str(go_duration_string(total));
  });
  f.set("isset", {P::StringMap, P::String}, [](Args a) { return Value::boolean(a[0].find(a[1].as_string()) != nullptr); });
  f.set("excludeInboundPort", {P::Any, P::String}, [](Args a) {
    // The port is printed with fmt.Sprint, so a float64 port from values
    // would read "1e+06"-style; ports compare as trimmed strings.
    Value one[1] = {a[0]};
    std::string port(trim_space(go_sprint(one)));
    const std::string& excluded = a[1].as_string();
    if (port.empty() || port == "0") return a[1];
    std::vector<std::string> out;
    for (auto p : split(excluded, ",")) {
      if (p == port) return a[1];
      auto t = trim_space(p);
      if (!t.empty()) out.emplace_back(t);
    }
    out.push_back(port);
    return str(join(out, ","));
  });
  f.set("includeInboundPorts", {P::List}, [](Args a) { return str(container_ports(a[0], false)); });
  f.set("applicationPorts", {P::List}, [](Args a) { return str(container_ports(a[0], true)); });
  f.set("kubevirtInterfaces", {P::String}, [](Args a) { return a[0]; });
  f.set("excludeInterfaces", {P::String}, [](Args a) { return a[0]; });
  f.set("annotation", {Param(P::Named, "v1.ObjectMeta"), P::String, P::Any}, [](Args a) {
    // meta.Annotations[name], else fmt.Sprint(default) — so a missing
    // default prints "<nil>".
    const Value* ann = member(a[0], "Annotations", "annotations");
    if (ann && ann->kind() == Kind::Map) {
      if (const Value* v = ann->find(a[1].as_string())) return Value::string(strval(*v));
    }
    Value one[1] = {a[2]};
    return str(go_sprint(one));
  });
  f.set("valueOrDefault", {P::Any, P::Any}, [](Args a) {
    const Value& v = a[0];
    if (v.is_nullish() || (v.kind() == Kind::String && v.as_string().empty() && !v.type())) return a[1];
    return v;
  });
  f.set("toJSON", {P::StringMap}, [](Args a) { return str(to_json(a[0])); });
  f.set("fromJSON", {P::String}, [](Args a) {
    // On invalid JSON Istio logs and returns the *string* "{}".
    try {
      return from_json(a[0].as_string());
    } catch (const JsonError&) {
      return str("{}");
    }
  });
  f.set("structToJSON", {P::Any}, [](Args a) {
    if (a[0].is_nullish()) return str("{}");
    try {
      return str(to_json(a[0]));
    } catch (const JsonError&) {
      return str("{}");
    }
  });
  f.set("protoToJSON", {Param(P::Any)}, [](Args a) {
    // The proto-specific part (protojson, Istio's cleanProxyConfig) lives in
    // the value's TypeInfo hook; a nil message marshals as "{}".
    const Value& v = a[0];
    if (v.is_nullish()) return str("{}");
    if (!v.type() || !v.type()->proto_json) {
      throw FuncError(fmt::format("wrong type for value; expected protoreflect.ProtoMessage; got {}", v.go_type_name()));
    }
    return str(v.type()->proto_json(v));
  });
  f.set("toYaml", {P::Any}, [](Args a) {
    try {
      return str(to_yaml(a[0]));
    } catch (const JsonError&) {
      return str("");
    }
  });
  f.set("indent", {P::Int, P::String}, [](Args a) {
    // Istio's indent pads every line but the first (fmt "% Ns" with "":
    // |N| spaces, none for 0).
    check_indent(a[0].as_int(), a[1].as_string());
    std::string pad(static_cast<std::size_t>(std::llabs(a[0].as_int())), ' ');
    auto lines = split(a[1].as_string(), "\n");
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i > 0) {
        out += '\n';
        out += pad;
      }
      out += lines[i];
    }
    return str(out);
  });
  f.set("directory", {P::String}, [](Args a) {
    // path.Split: everything up to and including the last '/'.
    const auto& s = a[0].as_string();
    std::size_t slash = s.rfind('/');
    return str(slash == std::string::npos ? std::string() : s.substr(0, slash + 1));
  });
  f.set("contains", {P::String, P::String}, [](Args a) {
    // flippedContains(needle, haystack)
    return Value::boolean(a[1].as_string().find(a[0].as_string()) != std::string::npos);
  });
  f.set("toLower", {P::String}, [](Args a) {
    std::string s = a[0].as_string();
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return str(s);
  });
  f.set("appendMultusNetwork", {P::String, P::String}, [](Args a) {
    const std::string& existing = a[0].as_string();
    const std::string& net = a[1].as_string();
    if (existing.empty()) return a[1];
    std::size_t i = existing.rfind(']');
    if (i != std::string::npos) {
      // JSON list form: [{"name": "x", "namespace": "y"}, ...]
      Value parsed;
      try {
        parsed = from_json(existing);
      } catch (const JsonError&) {
        return a[0];  // not valid JSON: leave it alone
      }
      if (parsed.kind() != Kind::List) return a[0];
      std::string ns, name = net;
      // k8s.io/utils/strings.SplitQualifiedName("ns/name")
      if (auto parts = split(net, "/"); parts.size() >= 2) {
        ns = std::string(parts[0]);
        name = std::string(parts[1]);
      }
      for (const auto& n : parsed.as_list()) {
        if (n.kind() != Kind::Map) {
          if (n.is_nullish()) continue;
          return a[0];  // json.Unmarshal into []map[string]any fails
        }
        const Value* nm = n.find("name");
        if (nm && nm->kind() == Kind::String && nm->as_string() == name) {
          const Value* nsv = n.find("namespace");
          std::string have = nsv && nsv->kind() == Kind::String ? nsv->as_string() : "";
          if ((!nsv || nsv->is_nullish()) || nsv->kind() == Kind::String) {
            if (have == ns) return a[0];
          }
        }
      }
      std::string add = ns.empty() ? fmt::format(R"(, {{"name": "{}"}})", name)
                                   : fmt::format(R"(, {{"name": "{}", "namespace": "{}"}})", name, ns);
      return str(existing.substr(0, i) + add + existing.substr(i));
    }
    for (auto n : split(existing, ",")) {
      if (trim_space(n) == net) return a[0];
    }
    return str(existing + ", " + net);
  });
  f.set("env", {P::String, P::String}, [env](Args a) {
    std::optional<std::string> v = env ? env(a[0].as_string()) : std::nullopt;
    if (!v || v->empty()) return a[1];
    return str(*v);
  });
  f.set_variadic("omit", {P::StringMap}, P::String, [](Args a) {
    Value::Map out = string_map_of(a[0]);
    for (const auto& k : a.subspan(1)) out.erase(k.as_string());
    return Value::map(std::move(out), Elem::String);
  });
  f.set_variadic("strdict", {}, P::String, [](Args a) {
    Value::Map out;
    for (std::size_t i = 0; i < a.size(); i += 2) {
      out.insert_or_assign(a[i].as_string(), i + 1 < a.size() ? a[i + 1] : str(""));
    }
    return Value::map(std::move(out), Elem::String);
  });
  auto merge_maps = [](Args a) -> Value {
    // No arguments gives a nil map (which JSON-encodes as null).
    if (a.empty()) return Value::nil();
    Value::Map out;
    for (const auto& m : a) {
      for (const auto& [k, v] : m.as_map()) out.insert_or_assign(k, v);
    }
    return Value::map(std::move(out), Elem::String);
  };
  f.set_variadic("mergeMaps", {}, P::StringMap, merge_maps);
  f.set_variadic("toJsonMap", {}, P::StringMap, [merge_maps](Args a) { return str(to_json(merge_maps(a))); });
  f.set("omitNil", {P::Any}, [](Args a) { return omit_nil_internal(a[0]).first; });
}

}  // namespace

// ===========================================================================
// Public API

FuncMap sprig_funcs() {
  FuncMap f;
  add_sprig(f);
  return f;
}

FuncMap istio_funcs(EnvLookup env) {
  FuncMap f;
  add_istio(f, std::move(env));
  return f;
}

FuncMap injection_funcs(EnvLookup env) {
  FuncMap f = sprig_funcs();
  f.merge(istio_funcs(std::move(env)));
  return f;
}

std::string to_json(const Value& v) {
  std::string out;
  JsonWriter(out, "", true).write(v, 0);
  return out;
}

std::string to_json_indent(const Value& v, std::string_view indent) {
  std::string out;
  JsonWriter(out, indent, true).write(v, 0);
  return out;
}

Value from_json(std::string_view text) { return JsonParser(text).parse(); }

std::string to_yaml(const Value& v) {
  // sigs.k8s.io/yaml goes through JSON; doing the same normalizes structs
  // (json names, omitempty) and typed values to the JSON data model.
  Value normalized = from_json(to_json(v));
  std::string out;
  YamlEmitter(out).document(normalized);
  return out;
}

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
