#include "kinject/base/text.h"

#include <catch2/catch.hpp>

using namespace kinject;

TEST_CASE("json_quote: Go's encoding/json by default, C1 controls escaped on request") {
  // NEL (U+0085), another C1 control (U+009F), LS, a BOM-free é, and HTML.
  const std::string s = "a\xC2\x85" "b\xC2\x9F" "c\xE2\x80\xA8" "\xC3\xA9<&>";
  CHECK(json_quote(s) == "\"a\xC2\x85" "b\xC2\x9F" "c\\u2028\xC3\xA9\\u003c\\u0026\\u003e\"");
  CHECK(json_quote(s, false) == "\"a\xC2\x85" "b\xC2\x9F" "c\\u2028\xC3\xA9<&>\"");
  CHECK(json_quote(s, JsonQuoting{}) == json_quote(s));
  CHECK(json_quote(s, JsonQuoting{.escape_c1 = true}) == "\"a\\u0085b\\u009fc\\u2028\xC3\xA9\\u003c\\u0026\\u003e\"");
  CHECK(json_quote(s, JsonQuoting{.escape_html = false, .escape_c1 = true}) == "\"a\\u0085b\\u009fc\\u2028\xC3\xA9<&>\"");
  // Invalid UTF-8 is U+FFFD either way; a lone 0x85 is no C1 control.
  CHECK(json_quote("\x85", JsonQuoting{.escape_c1 = true}) == "\"\\ufffd\"");
  std::string appended = "x";
  append_json_quoted(appended, "\xC2\x80", JsonQuoting{.escape_c1 = true});
  CHECK(appended == "x\"\\u0080\"");
}
