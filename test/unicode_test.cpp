// Tests for base/unicode.h: Go's case mappings and white space. The tables
// are Go's own (the oracle test "oracle: sprig: the Unicode tables are Go's"
// checks src/base/unicode_tables.cpp against Go); these check the lookups
// and the strings functions over them, with values from Go's unicode and
// strings packages.
#include <catch2/catch.hpp>

#include "kinject/base/unicode.h"

using namespace kinject::unicode;

TEST_CASE("unicode: rune case mappings are Go's unicode.ToUpper/ToLower/ToTitle", "[unicode]") {
  CHECK(to_upper(U'a') == U'A');
  CHECK(to_upper(U'A') == U'A');
  CHECK(to_lower(U'Z') == U'z');
  CHECK(to_upper(U'ǆ') == U'Ǆ');   // a run with stride 1 among stride-2 pairs
  CHECK(to_title(U'ǆ') == U'ǅ');   // title case is its own mapping
  CHECK(to_lower(U'ǅ') == U'ǆ');
  CHECK(to_upper(U'ā') == U'Ā');   // U+0101: an upper/lower pair (stride 2)
  CHECK(to_upper(U'Ā') == U'Ā');   // U+0100, between two members of the run
  CHECK(to_upper(U'ÿ') == U'Ÿ');   // U+00FF -> U+0178
  CHECK(to_lower(U'İ') == U'i');   // U+0130
  CHECK(to_upper(U'ı') == U'I');   // U+0131
  CHECK(to_upper(U'ß') == U'ß');   // no single-rune upper case
  CHECK(to_upper(U'𐐨') == U'𐐀');  // beyond the BMP
  CHECK(to_upper(0x10FFFF) == 0x10FFFF);
  CHECK(to_upper(0) == 0);
}

TEST_CASE("unicode: is_space is Go's unicode.IsSpace", "[unicode]") {
  for (char32_t r : {U'\t', U'\n', U'\v', U'\f', U'\r', U' ', char32_t{0x85}, char32_t{0xA0}, char32_t{0x1680},
                     char32_t{0x2000}, char32_t{0x200A}, char32_t{0x2028}, char32_t{0x2029}, char32_t{0x202F},
                     char32_t{0x205F}, char32_t{0x3000}})
    CHECK(is_space(r));
  for (char32_t r : {U'a', char32_t{0}, char32_t{0x1C}, char32_t{0x200B}, char32_t{0xFEFF}, char32_t{0x180E}})
    CHECK_FALSE(is_space(r));
}

TEST_CASE("unicode: strings.ToUpper/ToLower/Title/TrimSpace over the runes", "[unicode]") {
  CHECK(go_to_upper("abc-XYZ") == "ABC-XYZ");
  CHECK(go_to_upper("ǆemo straße") == "ǄEMO STRAßE");
  CHECK(go_to_lower("İSTANBUL") == "istanbul");
  // Invalid UTF-8 in a non-ASCII string: U+FFFD per byte, as strings.Map writes it.
  CHECK(go_to_upper("é\xff") == "É\xEF\xBF\xBD");
  CHECK(go_to_lower("\xC3") == "\xEF\xBF\xBD");
  CHECK(go_to_upper("\xEF\xBF\xBD") == "\xEF\xBF\xBD");
  CHECK(go_title("hello wide-world é_x ǆ") == "Hello Wide-World É_x ǅ");
  CHECK(go_trim_space("\u00a0\u3000 a b \u2003\n") == "a b");
  CHECK(go_trim_space(" \xff ") == "\xff");
  CHECK(go_trim_space("\u2003") == "");
  CHECK(go_trim_space("") == "");
}

TEST_CASE("unicode: is_upper/is_lower/is_title/is_letter/is_number/is_punct are Go's unicode.Is* (values from Go)",
          "[unicode]") {
  struct Row {
    char32_t r;
    bool upper, lower, title, letter, number, punct;
  };
  // Printed by a Go 1.26 program calling unicode.IsUpper, IsLower, IsTitle,
  // IsLetter, IsNumber and IsPunct on each rune.
  constexpr Row kRows[] = {
      {0x0041, true, false, false, true, false, false},   {0x007A, false, true, false, true, false, false},
      {0x01C5, false, false, true, true, false, false},   {0x00AA, false, false, false, true, false, false},
      {0x00BD, false, false, false, false, true, false},  {0x0663, false, false, false, false, true, false},
      {0x00A1, false, false, false, false, false, true},  {0x0024, false, false, false, false, false, false},
      {0x005F, false, false, false, false, false, true},  {0x2170, false, false, false, false, true, false},
      {0x216B, false, false, false, false, true, false},  {0x65E5, false, false, false, true, false, false},
      {0x00DF, false, true, false, true, false, false},   {0x03A3, true, false, false, true, false, false},
      {0x10400, true, false, false, true, false, false},  {0x10428, false, true, false, true, false, false},
      {0x002D, false, false, false, false, false, true},  {0x0030, false, false, false, false, true, false},
      {0x0020, false, false, false, false, false, false}, {0x10FFFF, false, false, false, false, false, false},
      {0xFFFD, false, false, false, false, false, false}, {0x30FB, false, false, false, false, false, true},
      {0x00AB, false, false, false, false, false, true},  {0x03D2, true, false, false, true, false, false},
      {0x1F88, false, false, true, true, false, false},
  };
  for (const auto& row : kRows) {
    INFO("U+" << std::hex << static_cast<unsigned>(row.r));
    CHECK(is_upper(row.r) == row.upper);
    CHECK(is_lower(row.r) == row.lower);
    CHECK(is_title(row.r) == row.title);
    CHECK(is_letter(row.r) == row.letter);
    CHECK(is_number(row.r) == row.number);
    CHECK(is_punct(row.r) == row.punct);
  }
}
