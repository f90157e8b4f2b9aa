// What the files of src/gofuncs/ share and nothing outside uses: Sprig's
// value helpers (defined in sprig.cpp), the encoders that only Sprig's
// functions call, and the tables of Sprig's function families, which
// sprig.cpp puts together into sprig_funcs().
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kinject/gofuncs/ciphers.h"
#include "kinject/gofuncs/func_table.h"
#include "kinject/gotemplate/template.h"

namespace re2 {
class RE2;
}

namespace kinject::tmpl {

// Short names for the signatures of the function tables.
using P = ParamKind;
using Args = std::span<const Value>;

inline Value str(std::string s) { return Value::string(std::move(s)); }

// Merkle-Damgard padding of the SHA family (sprig_crypto.cpp): 0x80, zeros,
// then the bit length big-endian in the last `len_bytes` of a block.
std::string md_pad(std::string_view data, std::size_t block, std::size_t len_bytes);

// Go's int64 arithmetic, which wraps around where C++'s is undefined:
// +, - and * modulo 2^64; MinInt64 / -1 is MinInt64 and MinInt64 % -1 is 0
// (the Go spec, "Integer operators"). The callers check for a zero divisor.
inline std::int64_t go_add(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) + static_cast<std::uint64_t>(b));
}
inline std::int64_t go_sub(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) - static_cast<std::uint64_t>(b));
}
inline std::int64_t go_mul(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) * static_cast<std::uint64_t>(b));
}
inline std::int64_t go_div(std::int64_t a, std::int64_t b) { return b == -1 ? go_sub(0, a) : a / b; }
inline std::int64_t go_mod(std::int64_t a, std::int64_t b) { return b == -1 ? 0 : a % b; }

// ---- Sprig's value helpers (sprig.cpp) -------------------------------------

// Sprig's empty(): reflect zero-ness; structs are never empty. It is also
// encoding/json's isEmptyValue (omitempty): the two agree on every kind a
// Value has.
bool empty(const Value& v);
// Sprig's strslice: []string as is, other slices element-wise (nils
// dropped), nil -> [], anything else -> [strval(v)].
std::vector<std::string> strslice(const Value& v);
// A []string of `items`.
Value string_list(std::vector<std::string> items);
// Go's int64 and []int, which Sprig's integer math (add ... max, toDecimal,
// int64) and until/untilStep return: %T, typeOf, %#v and duration tell
// them from an int and an []interface{}.
Value int64_value(std::int64_t i);
Value int_list(Value::List items);
// reflect.Kind.String() of a value, for kindOf/kindIs and Sprig's messages.
std::string kind_name(const Value& v);
// The list `v` holds, for Sprig's list functions, or their error: "Cannot
// <what> on type <kind>", and Go's nil-pointer panic for nil.
const Value::List& require_list(const Value& v, std::string_view what);
// Whether `v` holds the map `m` itself (not a copy): set or merge putting
// v into m would make m contain itself.
bool holds_map(const Value& v, const Value::Map* m, int depth = 0);

// ---- Go's regexp over RE2 (regexp.cpp) -------------------------------------

// Regexp.FindAllStringSubmatchIndex(s, n) (n < 0: all): for each match the
// byte offsets of every group, -1 for a group that took no part. For the
// fixed expressions of other Go packages that Sprig calls (semver).
std::vector<std::vector<std::ptrdiff_t>> go_find_all(const re2::RE2& re, std::string_view s, std::int64_t n);

// ---- encodings only Sprig uses (encoding.cpp) ------------------------------

// base64.StdEncoding.EncodeToString.
std::string base64_encode(std::string_view in);
// base64.StdEncoding.DecodeString; on error nullopt and Go's error text in *err.
std::optional<std::string> base64_decode(std::string_view in, std::string* err);
// crypto/sha256 of data: the digest, and as lower-case hex.
std::array<unsigned char, 32> sha256(std::string_view data);
std::string sha256_hex(std::string_view data);

// ---- JSON internals (json.cpp) ---------------------------------------------

// encoding/json's float64 encoder; JsonError for NaN and infinities.
void json_float(std::string& out, double f);
// json.Encoder with SetEscapeHTML(false), as Sprig's toRawJson uses it.
std::string to_json_unescaped(const Value& v);
// JSON text read as sigs.k8s.io/yaml's JSONToYAML reads it (go-yaml): an
// integer is an int64, or a uint64, where it fits; other numbers float64.
Value from_json_yaml_numbers(std::string_view text);

// ---- the families of Sprig's functions, as Sprig's docs group them ---------

FuncTable sprig_default_funcs();  // default, empty, coalesce, ternary, JSON (defaults.go)
FuncTable sprig_string_funcs();   // strings.go, string lists, b64enc/b64dec, sha256sum
FuncTable sprig_regex_funcs();    // regex.go (regexp.cpp)
FuncTable sprig_number_funcs();   // conversions and integer math (numeric.go), reflection
FuncTable sprig_list_funcs();     // list.go
FuncTable sprig_dict_funcs();     // dict.go
FuncTable sprig_word_funcs();        // goutils words, plural, splitn (sprig_words.cpp)
FuncTable sprig_crypto_funcs();      // sha1sum, sha512sum, adler32sum, b32enc/b32dec (sprig_crypto.cpp)
FuncTable sprig_path_funcs();        // base, dir, clean, ext, isAbs and os* (sprig_paths.cpp)
FuncTable sprig_float_funcs();       // maxf, minf, ceil, floor, round, seq, ... (sprig_floats.cpp)
FuncTable sprig_decimal_funcs();     // addf, add1f, subf, mulf, divf (sprig_decimal.cpp)
FuncTable sprig_collection_funcs();  // slice, chunk, dig, deepCopy, deepEqual (sprig_collections.cpp)
FuncTable sprig_must_json_funcs();   // mustToJson, mustFromJson, ... (sprig_json_must.cpp)
FuncTable sprig_semver_funcs();      // semver, semverCompare (sprig_semver.cpp)
FuncTable sprig_url_funcs();         // urlParse, urlJoin (sprig_url.cpp)
FuncTable sprig_case_funcs();        // snakecase, camelcase, kebabcase, swapcase, untitle (sprig_case.cpp)
// The must* forms that are their plain form under a second name, and
// tuple/biggest (sprig_collections.cpp); after every family is in `f`.
void add_must_aliases(FuncMap& f);
// The functions refused by name at parse time (sprig_refused.cpp), and
// how many of them are refused for non-determinism (the rest: not written).
void sprig_refusals(FuncMap& f);
std::size_t sprig_refused_count();

}  // namespace kinject::tmpl
