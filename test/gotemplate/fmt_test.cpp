// Tests for the engine's fmt (src/gotemplate/fmt.cpp): the verbs, flags,
// widths and precisions of Go's fmt.Sprintf, and Sprint/Sprintln spacing.
// Expected strings are what Go's fmt prints for the same operands.
#include <catch2/catch.hpp>

#include <limits>
#include <string>
#include <vector>

#include "kinject/gotemplate/template.h"
#include "value_literals.h"

using namespace kinject::tmpl;
using namespace kinject::tmpl::literals;

namespace {

Value U(std::uint64_t u) { return Value::uinteger(u); }

std::string gosprintf(std::string_view format, std::vector<Value> args) { return go_sprintf(format, args); }

}  // namespace

TEST_CASE("fmt: integer verbs and flags", "[template][fmt]") {
  CHECK(gosprintf("%x|%X|%#x|%#X", {I(-255), I(255), I(255), I(255)}) == "-ff|FF|0xff|0XFF");
  CHECK(gosprintf("%o|%#o|%O|%b|%#b", {I(8), I(8), I(8), I(5), I(5)}) == "10|010|0o10|101|0b101");
  CHECK(gosprintf("%+d|% d|% d|%+d", {I(5), I(5), I(-5), I(-5)}) == "+5| 5|-5|-5");
  CHECK(gosprintf("%.3d|%.0d|%6.3d|%-6.3d|", {I(7), I(0), I(7), I(7)}) == "007||   007|007   |");
  CHECK(gosprintf("%05d|%-05d|%05d|%+05d", {I(7), I(7), I(-7), I(7)}) == "00007|7    |-0007|+0007");
  CHECK(gosprintf("%d|%x", {U(18446744073709551615u), U(18446744073709551615u)}) == "18446744073709551615|ffffffffffffffff");
  CHECK(gosprintf("%d", {I(std::numeric_limits<std::int64_t>::min())}) == "-9223372036854775808");
}

TEST_CASE("fmt: integers as runes", "[template][fmt]") {
  CHECK(gosprintf("%c|%q|%+q|%U|%#U", {I(0x1F600), I(0x1F600), I(0x1F600), I(0x1F600), I(0x1F600)}) ==
        "\xF0\x9F\x98\x80|'\xF0\x9F\x98\x80'|'\\U0001f600'|U+1F600|U+1F600 '\xF0\x9F\x98\x80'");
  CHECK(gosprintf("%q|%#U", {I('\''), I('\n')}) == "'\\''|U+000A");
  // Not a rune: U+FFFD.
  CHECK(gosprintf("%c|%q", {I(-1), I(0x110000)}) == "\xEF\xBF\xBD|'\xEF\xBF\xBD'");
}

TEST_CASE("fmt: float verbs, widths and precisions", "[template][fmt]") {
  CHECK(gosprintf("%5.1f|%-6.2f|%+.0f|%08.3f", {F(3.14159), F(2.5), F(2.5), F(-3.14159)}) == "  3.1|2.50  |+2|-003.142");
  CHECK(gosprintf("%e|%E|%F", {F(-1234.5678), F(1234.5678), F(1.5)}) == "-1.234568e+03|1.234568E+03|1.500000");
  CHECK(gosprintf("%g|%g|%G|%.3g", {F(100000), F(1e6), F(1e-7), F(1234.5678)}) == "100000|1e+06|1E-07|1.23e+03");
  CHECK(gosprintf("%6.2v|%v|%.f", {F(3.14159), F(1e21), F(2.7)}) == "   3.1|1e+21|3");
  const double inf = std::numeric_limits<double>::infinity();
  // Infinities and NaN are padded with spaces, never zeros.
  CHECK(gosprintf("%f|%f|%06f|%5.1f", {F(inf), F(-inf), F(inf), F(std::numeric_limits<double>::quiet_NaN())}) ==
        "+Inf|-Inf|  +Inf|  NaN");
}

TEST_CASE("fmt: string verbs", "[template][fmt]") {
  CHECK(gosprintf("%q|%+q|%#q|%#q", {S("a\"b"), S("é"), S("ab"), S("a`b")}) == "\"a\\\"b\"|\"\\u00e9\"|`ab`|\"a`b\"");
  CHECK(gosprintf("%x|% x|%#x|% #x|%X", {S("hi"), S("hi"), S("hi"), S("hi"), S("hi")}) == "6869|68 69|0x6869|0x68 0x69|6869");
  // Precision and width count runes, not bytes.
  CHECK(gosprintf("%.1s|%5s|%-3s|", {S("éa"), S("é"), S("é")}) == "é|    é|é  |");
  CHECK(gosprintf("%.2x", {S("hello")}) == "6865");
}

TEST_CASE("fmt: booleans, composites and wrong verbs", "[template][fmt]") {
  CHECK(gosprintf("%t|%5t|%v", {B(true), B(true), B(false)}) == "true| true|false");
  CHECK(gosprintf("%d|%t", {B(true), I(1)}) == "%!d(bool=true)|%!t(int=1)");
  CHECK(gosprintf("%d|%s", {Value::list({I(1), I(2)}), Value::map({{"a", S("x")}})}) == "[1 2]|map[a:x]");
  CHECK(gosprintf("%s|%d|%v", {Value::nil(), Value::nil(), Value::nil()}) == "%!s(<nil>)|%!d(<nil>)|<nil>");
  CHECK(gosprintf("%T|%T|%T", {Value::list({}), F(1), Value::nil()}) == "[]interface {}|float64|<nil>");
}

TEST_CASE("fmt: malformed directives", "[template][fmt]") {
  CHECK(gosprintf("abc%", {}) == "abc%!(NOVERB)");
  CHECK(gosprintf("%!", {}) == "%!!(MISSING)");
  CHECK(gosprintf("%d %s", {I(1)}) == "1 %!s(MISSING)");
  CHECK(gosprintf("%.*f|%-*d|%*d|", {I(2), F(3.14159), I(4), I(7), I(-4), I(7)}) == "3.14|7   |7   |");
  CHECK(gosprintf("%*d", {S("x"), I(7)}) == "%!(BADWIDTH)7");
  CHECK(gosprintf("%.*d", {S("x"), I(7)}) == "%!(BADPREC)7");
  CHECK(gosprintf("x", {I(1), Value::nil()}) == "x%!(EXTRA int=1, <nil>)");
}

TEST_CASE("fmt: Sprint spaces operands when neither is a string, Sprintln always", "[template][fmt]") {
  std::vector<Value> args = {S("a"), I(1), I(2), S("b"), F(0.5)};
  CHECK(go_sprint(args) == "a1 2b0.5");
  CHECK(go_sprintln(args) == "a 1 2 b 0.5\n");
  CHECK(go_sprint({}) == "");
  CHECK(go_sprintln({}) == "\n");
}

// Found by the Go oracle (test/sprig_oracle_test.cpp); the expected texts
// are what Go's fmt printed there.
TEST_CASE("fmt: a bad verb prints its operand with the directive's flags, width and precision (%.2f of 3 is %!f(int=03))",
          "[template][fmt]") {
  CHECK(gosprintf("%.2f", {I(3)}) == "%!f(int=03)");
  CHECK(gosprintf("%5.2f", {I(3)}) == "%!f(int=   03)");
  CHECK(gosprintf("%+.3d", {S("x")}) == "%!d(string=x)");
}

TEST_CASE("fmt: explicit argument indexes (%[2]d) choose the operand; a bad one is BADINDEX", "[template][fmt]") {
  CHECK(gosprintf("%[2]d %[1]d", {I(1), I(2)}) == "2 1");
  CHECK(gosprintf("%[1]d %d %[1]d", {I(1), I(2)}) == "1 2 1");
  CHECK(gosprintf("%[3]d", {I(1)}) == "%!d(BADINDEX)");
  CHECK(gosprintf("%[1]*d", {I(3), I(4)}) == "  4");
  CHECK(gosprintf("%[2]d", {I(1), I(2), I(3)}) == "2");  // reordered: no EXTRA
}
