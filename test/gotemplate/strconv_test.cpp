// Tests for the engine's strconv (src/gotemplate/strconv.h): what Go's
// strconv.Unquote, ParseUint/ParseInt(s, 0, 64), ParseFloat(s, 64), Quote,
// QuoteToASCII and QuoteRune give for the same input.
#include <catch2/catch.hpp>

#include <limits>
#include <optional>
#include <string>

#include "../../src/gotemplate/strconv.h"
#include "kinject/gotemplate/template.h"

using namespace kinject::tmpl;
using namespace kinject::tmpl::detail;

namespace {

std::string quoted(std::string_view s, char q, bool ascii_only) {
  std::string out;
  quote_into(out, s, q, ascii_only);
  return out;
}

}  // namespace

TEST_CASE("strconv: unquote takes Go's escapes", "[template][strconv]") {
  CHECK(unquote("\"\"") == std::optional<std::string>(""));
  CHECK(unquote("\"abc\"") == std::optional<std::string>("abc"));
  CHECK(unquote(R"("\a\b\f\n\r\t\v\\\"")") == std::optional<std::string>("\a\b\f\n\r\t\v\\\""));
  // \x and octal are bytes; \u and \U are runes, written as UTF-8.
  CHECK(unquote(R"("\x41\101\u00e9\U0001F600")") == std::optional<std::string>("AAé\xF0\x9F\x98\x80"));
  CHECK(unquote(R"("\xff")") == std::optional<std::string>("\xff"));
  CHECK(unquote(R"("\377")") == std::optional<std::string>("\xff"));
  CHECK(unquote(R"('x')") == std::optional<std::string>("x"));
  CHECK(unquote(R"('\'')") == std::optional<std::string>("'"));
  CHECK(unquote(R"('"')") == std::optional<std::string>("\""));
  CHECK(unquote(R"("'")") == std::optional<std::string>("'"));
}

TEST_CASE("strconv: unquote of a raw string keeps backslashes and drops carriage returns", "[template][strconv]") {
  CHECK(unquote("`a\\nb`") == std::optional<std::string>("a\\nb"));
  CHECK(unquote("`a\r\nb`") == std::optional<std::string>("a\nb"));
  CHECK(unquote("`line1\nline2`") == std::optional<std::string>("line1\nline2"));
  CHECK_FALSE(unquote("`a`b`"));
}

TEST_CASE("strconv: unquote rejects what Go's Unquote rejects", "[template][strconv]") {
  for (const char* bad : {
           "x", "\"", "\"a", "\"a'", "abc",  // no matching quotes
           "\"a\"b\"",                     // an unescaped quote inside
           "\"a\nb\"",                     // a newline inside
           "\"abc\\\"",                    // ends in a lone backslash
           R"("\'")", R"('\"')",           // the other quote escaped
           R"("\q")", R"("\8")",           // no such escape
           R"("\x4")", R"("\xg0")",        // \x wants two hex digits
           R"("\u12")", R"("\U0001F60")",  // \u four, \U eight
           R"("\ud800")", R"("\U00110000")",  // no surrogates, nothing past U+10FFFF
           R"("\400")", R"("\12")",        // octal: three digits, at most 255
       }) {
    INFO(bad);
    CHECK_FALSE(unquote(bad));
  }
}

TEST_CASE("strconv: parse_uint_base0 is ParseUint(s, 0, 64)", "[template][strconv]") {
  const std::pair<const char*, std::uint64_t> good[] = {
      {"0", 0},       {"42", 42},   {"0x1F", 31}, {"0X1f", 31},    {"0b101", 5},
      {"0o17", 15},   {"017", 15},  {"1_000", 1000}, {"0x_1F", 31}, {"0_17", 15},
      {"18446744073709551615", std::numeric_limits<std::uint64_t>::max()},
  };
  for (const auto& [s, want] : good) {
    INFO(s);
    std::uint64_t got = 1;
    REQUIRE(parse_uint_base0(s, &got));
    CHECK(got == want);
  }
  for (const char* bad : {"", "-1", "+1", "18446744073709551616", "1__0", "_1", "1_", "08", "0x", "0b2", "1.5", "1e3"}) {
    INFO(bad);
    std::uint64_t got = 0;
    CHECK_FALSE(parse_uint_base0(bad, &got));
  }
}

TEST_CASE("strconv: parse_int_base0 is ParseInt(s, 0, 64)", "[template][strconv]") {
  const std::pair<const char*, std::int64_t> good[] = {
      {"-42", -42}, {"+7", 7}, {"-0x10", -16}, {"9223372036854775807", std::numeric_limits<std::int64_t>::max()},
      {"-9223372036854775808", std::numeric_limits<std::int64_t>::min()},
  };
  for (const auto& [s, want] : good) {
    INFO(s);
    std::int64_t got = 1;
    REQUIRE(parse_int_base0(s, &got));
    CHECK(got == want);
  }
  for (const char* bad : {"", "-", "9223372036854775808", "-9223372036854775809", "--1", "0x"}) {
    INFO(bad);
    std::int64_t got = 0;
    CHECK_FALSE(parse_int_base0(bad, &got));
  }
}

TEST_CASE("strconv: parse_go_float is ParseFloat(s, 64) for number literals and Sprig", "[template][strconv]") {
  const std::pair<const char*, double> good[] = {
      {"1.5", 1.5}, {"1e3", 1000}, {"1_000.5", 1000.5}, {".5", 0.5}, {"0x1p-2", 0.25}, {"1E-2", 0.01},
  };
  for (const auto& [s, want] : good) {
    INFO(s);
    double got = 0;
    REQUIRE(parse_go_float(s, &got));
    CHECK(got == want);
  }
  // Out of range is an error (Go returns ±Inf with ErrRange), as are
  // misplaced underscores.
  for (const char* bad : {"", "1e400", "-1e400", "1__0.5", "_1.5", "1.5_", "1.5x"}) {
    INFO(bad);
    double got = 0;
    CHECK_FALSE(parse_go_float(bad, &got));
  }
}

// Sprig's float64 had its own copy of ParseFloat, which the Go oracle showed
// wrong; now one reading serves both. What strtod takes and Go does not:
// a hexadecimal mantissa without its 'p' exponent, "nan(...)", a sign before
// nan, leading space. Go's answers, from the oracle.
TEST_CASE("strconv: parse_go_float refuses what strtod takes and ParseFloat does not", "[template][strconv]") {
  double got = 0;
  CHECK(parse_go_float("0x1.8p1", &got));
  CHECK(got == 3);
  CHECK(parse_go_float("-Infinity", &got));
  CHECK(parse_go_float("NaN", &got));
  for (const char* bad : {"0x1.8", "+nan", "nan(1)", " 1"}) {
    INFO(bad);
    CHECK_FALSE(parse_go_float(bad, &got));
  }
}

TEST_CASE("strconv: go_quote is strconv.Quote", "[template][strconv]") {
  CHECK(go_quote("") == "\"\"");
  CHECK(go_quote("\a\b\f\n\r\t\v") == R"("\a\b\f\n\r\t\v")");
  CHECK(go_quote("'") == "\"'\"");
  CHECK(go_quote(std::string_view("\x00\x1f\x7f", 3)) == R"("\x00\x1f\x7f")");
  // Bytes that are no UTF-8 are \x escapes; printable runes stay as they are.
  CHECK(go_quote("\xff") == R"("\xff")");
  CHECK(go_quote("a\xc3") == R"("a\xc3")");
  CHECK(go_quote("é☺\xF0\x9F\x98\x80") == "\"é☺\xF0\x9F\x98\x80\"");
  // Controls and format characters outside ASCII are \u escapes.
  CHECK(go_quote("\u0085") == R"("\u0085")");
  CHECK(go_quote("\u00ad") == R"("\u00ad")");
  CHECK(go_quote("\u2028") == R"("\u2028")");
  CHECK(go_quote("\ufeff") == R"("\ufeff")");
}

// quote_into writes a run of printable ASCII as it is without asking Go's
// tables; they say the same of every ASCII rune: space to '~' only.
TEST_CASE("strconv: the printable ASCII runes are space to '~', as quote_into takes them without the tables",
          "[template][strconv]") {
  for (std::uint32_t r = 0; r < 0x80; ++r) {
    INFO(r);
    CHECK(is_print_rune(r) == (r >= ' ' && r < 0x7F));
  }
  CHECK(quoted("a\"b'c\\d~ \x7f", '"', false) == R"("a\"b'c\\d~ \x7f")");
  CHECK(quoted("a\"b'c", '\'', true) == R"('a"b\'c')");
}

// strconv.Quote escapes every rune strconv.IsPrint rejects: a space other
// than U+0020 (U+00A0, U+1680, U+3000), an unassigned code point (U+0378),
// a format character (U+061C, U+E0001). kinject's "conservative IsPrint"
// wrote them as they were. Values from Go 1.26 (printf "%q" in a template).
TEST_CASE("strconv: go_quote escapes U+00A0 and every rune Go's strconv.IsPrint rejects, not only controls",
          "[template][strconv]") {
  CHECK(go_quote("a\u00a0b") == R"("a\u00a0b")");
  CHECK(go_quote("\u3000") == R"("\u3000")");
  CHECK(go_quote("\u0378\u1680\u2028") == R"("\u0378\u1680\u2028")");
  CHECK(go_quote("\u00ad\ue000\ufffd\U0001F600\u0300é") == "\"\\u00ad\\ue000\ufffd\U0001F600\u0300é\"");
  CHECK(go_quote("\U000E0001\U000E0100\u061c") == "\"\\U000e0001\U000E0100\\u061c\"");
}

TEST_CASE("strconv: quote_into is also QuoteToASCII and QuoteRune", "[template][strconv]") {
  CHECK(quoted("é\xF0\x9F\x98\x80", '"', true) == R"("\u00e9\U0001f600")");
  CHECK(quoted("a~", '"', true) == "\"a~\"");
  CHECK(quoted("'", '\'', false) == R"('\'')");
  CHECK(quoted("\"", '\'', false) == "'\"'");
  CHECK(quoted("\n", '\'', false) == R"('\n')");
}

TEST_CASE("strconv: go_format_float is FormatFloat(f, 'g', -1, 64)", "[template][strconv]") {
  CHECK(go_format_float(0.1 + 0.2) == "0.30000000000000004");
  CHECK(go_format_float(-0.0) == "-0");
  CHECK(go_format_float(1234567.0) == "1.234567e+06");
  CHECK(go_format_float(0.00012) == "0.00012");
  CHECK(go_format_float(1.7976931348623157e308) == "1.7976931348623157e+308");
  CHECK(go_format_float(std::numeric_limits<double>::quiet_NaN()) == "NaN");
  CHECK(go_format_float(std::numeric_limits<double>::infinity()) == "+Inf");
  CHECK(go_format_float(-std::numeric_limits<double>::infinity()) == "-Inf");
}
