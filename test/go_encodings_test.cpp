// Unit tests for the Go library pieces under the template functions, each
// reached through its own header: encoding/json (gofuncs/json.h), the
// go-yaml v2 emitter (yaml.h), time.Duration (duration.h), spf13/cast
// (cast.h) and Go's strings package (gostrings.h). Expected values are what
// the Go implementations give, as their documentation and sources define.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "kinject/gofuncs/cast.h"
#include "kinject/gofuncs/duration.h"
#include "kinject/gofuncs/gostrings.h"
#include "kinject/gofuncs/json.h"
#include "kinject/gofuncs/yaml.h"
#include "gotemplate/value_literals.h"

using namespace kinject::tmpl;
using namespace kinject::tmpl::literals;

namespace {

std::string json_error(std::string_view text) {
  try {
    from_json(text);
  } catch (const JsonError& e) {
    return e.what();
  }
  return "<no error>";
}

}  // namespace

TEST_CASE("go durations: the ends of int64 and each unit's boundaries", "[gofuncs][duration]") {
  // time.Duration.String: below a second in the largest unit that keeps
  // the integer part non-zero, else h/m/s with the seconds' fraction.
  const std::pair<std::int64_t, const char*> cases[] = {
      {999, "999ns"},
      {1000, "1µs"},
      {999999, "999.999µs"},
      {1000000, "1ms"},
      {1100000, "1.1ms"},
      {999999999, "999.999999ms"},
      {1000000000, "1s"},
      {60000000000, "1m0s"},
      {3661000000000, "1h1m1s"},
      {-1, "-1ns"},
      {std::numeric_limits<std::int64_t>::max(), "2562047h47m16.854775807s"},
      {std::numeric_limits<std::int64_t>::min(), "-2562047h47m16.854775808s"},
  };
  for (const auto& [n, want] : cases) {
    INFO(n);
    CHECK(go_duration_string(n) == want);
  }
}

TEST_CASE("json decode: syntax errors carry encoding/json's messages", "[gofuncs][json]") {
  CHECK(json_error("  ") == "unexpected end of JSON input");
  CHECK(json_error("tru") == "unexpected end of JSON input");
  CHECK(json_error("-") == "unexpected end of JSON input");
  CHECK(json_error("trUe") == "invalid character 'U' in literal true (expecting 'u')");
  CHECK(json_error("[1 2]") == "invalid character '2' after array element");
  CHECK(json_error(R"({"a" 1})") == "invalid character '1' after object key");
  CHECK(json_error(R"({"a":1 "b":2})") == "invalid character '\"' after object key:value pair");
  CHECK(json_error(R"({"a":1,})") == "invalid character '}' looking for beginning of object key string");
  CHECK(json_error(R"("\x")") == "invalid character 'x' in string escape code");
  CHECK(json_error(R"("\u12G4")") == "invalid character 'G' in \\u hexadecimal character escape");
  CHECK(json_error("-a") == "invalid character 'a' in numeric literal");
  CHECK(json_error("1.a") == "invalid character 'a' after decimal point in numeric literal");
  CHECK(json_error("1ea") == "invalid character 'a' in exponent of numeric literal");
  CHECK(json_error("01") == "invalid character '1' after top-level value");
  // quoteChar: a quote is written '\'', a control character as strconv.Quote does.
  CHECK(json_error("'a'") == "invalid character '\\'' looking for beginning of value");
  CHECK(json_error("\x01") == "invalid character '\\x01' looking for beginning of value");
  // Syntactically valid, but no float64 holds it.
  CHECK(json_error("1e400") == "json: cannot unmarshal number 1e400 into Go value of type float64");
}

TEST_CASE("json decode: surrogates, escapes and repeated keys", "[gofuncs][json]") {
  // A surrogate half that is not part of a pair decodes as U+FFFD; what
  // follows it is read on its own.
  CHECK(from_json(R"("\ud800\u0041")").as_string() == "\xEF\xBF\xBD" "A");
  CHECK(from_json(R"("\udc00")").as_string() == "\xEF\xBF\xBD");
  CHECK(from_json(R"("x\ud83d")").as_string() == "x\xEF\xBF\xBD");
  CHECK(from_json(R"("\/\b\f\n\r\t")").as_string() == "/\b\f\n\r\t");
  // The last of repeated keys wins, as it does for a Go map.
  CHECK(from_json(R"({"a":1,"a":2})").find("a")->as_float() == 2);
}

TEST_CASE("json encode: floats, indentation and embedded structs as encoding/json writes them", "[gofuncs][json]") {
  // float64: %f below 1e21 (and from 1e-6), else the shortest %e with a
  // two-digit exponent trimmed to one.
  CHECK(to_json(F(1e20)) == "100000000000000000000");
  CHECK(to_json(F(0.1)) == "0.1");
  CHECK(to_json(F(-0.0)) == "-0");
  CHECK(to_json(F(5e-324)) == "5e-324");
  CHECK(to_json(F(1.5e300)) == "1.5e+300");
  CHECK_THROWS_WITH(to_json(F(std::nan(""))), "json: unsupported value: NaN");
  CHECK_THROWS_WITH(to_json(F(-std::numeric_limits<double>::infinity())), "json: unsupported value: -Inf");
  // MarshalIndent keeps empty arrays and objects on one line.
  CHECK(to_json_indent(M({{"a", L({})}, {"b", M({})}, {"c", L({I(1)})}}), "\t") ==
        "{\n\t\"a\": [],\n\t\"b\": {},\n\t\"c\": [\n\t\t1\n\t]\n}");
  // An embedded struct without a json name has its fields promoted into
  // the outer object; with a name it is an ordinary field.
  auto inner_t = std::make_shared<TypeInfo>();
  inner_t->name = "x.Inner";
  inner_t->fields = {{"A", "a"}};
  auto inner = Value::structure(inner_t, {I(1)});
  auto promoted_t = std::make_shared<TypeInfo>();
  promoted_t->name = "x.Outer";
  promoted_t->fields = {{"Inner", "", false, true}, {"B", "b"}};
  CHECK(to_json(Value::structure(promoted_t, {inner, I(2)})) == R"({"a":1,"b":2})");
  auto named_t = std::make_shared<TypeInfo>();
  named_t->name = "x.Named";
  named_t->fields = {{"Inner", "inner", false, true}, {"B", "b"}};
  CHECK(to_json(Value::structure(named_t, {inner, I(2)})) == R"({"inner":{"a":1},"b":2})");
}

TEST_CASE("yaml emitter: go-yaml v2 quoting of scalars that read as something else", "[gofuncs][yaml]") {
  // Plain scalars go-yaml v2 would resolve to an int, float or bool are
  // double-quoted (underscores and 0x/0b prefixes count, as in YAML 1.1).
  for (const char* s : {"0x1F", "0b101", "1_000", "1e3", "-.5", ".inf", "On", "n", "NULL"}) {
    INFO(s);
    CHECK(to_yaml(S(s)) == "\"" + std::string(s) + "\"\n");
  }
  // These stay plain: ':' and '-' are indicators only before a space, and
  // a quote is one only as the first character.
  for (const char* s : {"a:b", "-x", "it's", "x-y_z.w", "1.2.3"}) {
    INFO(s);
    CHECK(to_yaml(S(s)) == std::string(s) + "\n");
  }
  // An indicator first: single quotes, a quote inside doubled.
  CHECK(to_yaml(S("#x")) == "'#x'\n");
  CHECK(to_yaml(S("'x")) == "'''x'\n");
  CHECK(to_yaml(S("&a")) == "'&a'\n");
  // Tabs and control characters are not printable for libyaml: double
  // quotes with escapes (hex digits upper-case).
  CHECK(to_yaml(S("a\tb")) == "\"a\\tb\"\n");
  CHECK(to_yaml(S("\x01")) == "\"\\x01\"\n");
  // Keys are quoted by the same rules.
  CHECK(to_yaml(M({{"", I(1)}, {"1", I(2)}, {"y", I(3)}})) == "\"\": 1\n\"1\": 2\n\"y\": 3\n");
  // Floats go through JSON and back: integral ones below 1e21 become
  // ints, others are written as strconv's 'g' format.
  CHECK(to_yaml(L({F(2), F(2.5), F(1e21), F(1e-7)})) == "- 2\n- 2.5\n- 1e+21\n- 1e-07\n");
}

TEST_CASE("spf13/cast conversions", "[gofuncs][cast]") {
  // ToInt64 parses strings with strconv.ParseInt(s, 0, 0): sign, then any
  // base prefix; an error (syntax or range) gives 0.
  CHECK(to_int64(S("0x1F")) == 31);
  CHECK(to_int64(S("-0b101")) == -5);
  CHECK(to_int64(S("0o17")) == 15);
  CHECK(to_int64(S("10.00")) == 10);  // trimZeroDecimal
  CHECK(to_int64(S("10.50")) == 0);
  CHECK(to_int64(S("1e3")) == 0);
  CHECK(to_int64(S(" 1")) == 0);
  CHECK(to_int64(S("9223372036854775808")) == 0);
  CHECK(to_int64(S("-9223372036854775808")) == std::numeric_limits<std::int64_t>::min());
  CHECK(to_int64(F(-3.9)) == -3);
  CHECK(to_int64(Value::boolean(true)) == 1);
  CHECK(to_int64(Value::nil()) == 0);
  CHECK(to_float64(S("1e3")) == 1000);
  CHECK(to_float64(S("0x1p-2")) == 0.25);  // ParseFloat takes hex floats
  CHECK(to_float64(S("abc")) == 0);
  CHECK(to_float64(I(-2)) == -2);
}

TEST_CASE("Go strings: Split, ReplaceAll, TrimSpace and Trim edge cases", "[gofuncs][strings]") {
  using SV = std::vector<std::string_view>;
  CHECK(split("a,b,", ",") == SV{"a", "b", ""});
  CHECK(split("", ",") == SV{""});
  CHECK(split("", "").empty());
  CHECK(split("a\xC3\xA9" "b", "") == SV{"a", "\xC3\xA9", "b"});
  CHECK(replace_all("abc", "", "-") == "-a-b-c-");
  CHECK(replace_all("aaa", "aa", "b") == "ba");
  CHECK(trim_space("\xC2\xA0 x \xC2\x85\n") == "x");
  CHECK(trim_cutset("xyaxy", "yx") == "a");
  CHECK(join({"a", "", "b"}, ",") == "a,,b");
}
