// Tests for the lexer (src/gotemplate/lex.h): the items Go's
// text/template/parse lexer emits for the same input.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "../../src/gotemplate/lex.h"

using namespace kinject::tmpl::detail;

namespace {

// The items as "type:value" for comparison; errors as "error:message".
std::vector<std::string> items(std::string_view input, bool break_ok = true, bool continue_ok = true) {
  std::vector<std::string> out;
  Lexed lexed = lex(input, break_ok, continue_ok);
  for (const Item& it : lexed.items) {
    switch (it.typ) {
      case Tok::Text: out.push_back("text:" + std::string(it.val)); break;
      case Tok::LeftDelim: out.push_back("{{"); break;
      case Tok::RightDelim: out.push_back("}}"); break;
      case Tok::Space: out.push_back("space"); break;
      case Tok::Eof: out.push_back("eof"); break;
      case Tok::Error: out.push_back("error:" + it.str(lexed.error)); break;
      default: out.push_back(std::string(it.val)); break;
    }
  }
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("lex: text, delimiters and trim markers", "[template][lex]") {
  CHECK(items("a{{.X}}b") == V{"text:a", "{{", ".X", "}}", "text:b", "eof"});
  CHECK(items("a \n {{- .X -}} \n b") == V{"text:a", "{{", ".X", "}}", "text:b", "eof"});
  CHECK(items("{{/* c */}}x") == V{"text:x", "eof"});
  CHECK(items("") == V{"eof"});
}

TEST_CASE("lex: the tokens of an action", "[template][lex]") {
  CHECK(items("{{$x := index .M \"k\" 1 | printf `%v`}}") ==
        V{"{{", "$x", "space", ":=", "space", "index", "space", ".M", "space", "\"k\"", "space", "1", "space", "|",
          "space", "printf", "space", "`%v`", "}}", "eof"});
  CHECK(items("{{'a' 0x1F -1.5e3 true nil (.A).B}}") ==
        V{"{{", "'a'", "space", "0x1F", "space", "-1.5e3", "space", "true", "space", "nil", "space", "(", ".A", ")",
          ".B", "}}", "eof"});
}

TEST_CASE("lex: keywords, and break/continue only where no function shadows them", "[template][lex]") {
  auto types = [](std::string_view in, bool break_ok) {
    std::vector<Tok> out;
    for (const Item& it : lex(in, break_ok, true).items) out.push_back(it.typ);
    return out;
  };
  CHECK(types("{{range .}}{{break}}{{end}}", true) ==
        std::vector<Tok>{Tok::LeftDelim, Tok::Range, Tok::Space, Tok::Dot, Tok::RightDelim, Tok::LeftDelim, Tok::Break,
                         Tok::RightDelim, Tok::LeftDelim, Tok::End, Tok::RightDelim, Tok::Eof});
  CHECK(types("{{break}}", false) == std::vector<Tok>{Tok::LeftDelim, Tok::Identifier, Tok::RightDelim, Tok::Eof});
}

TEST_CASE("lex: errors end the items", "[template][lex]") {
  CHECK(items("{{.X") == V{"{{", ".X", "error:unclosed action"});
  CHECK(items("{{\"abc}}") == V{"{{", "error:unterminated quoted string"});
  CHECK(items("{{'a}}") == V{"{{", "error:unterminated character constant"});
  CHECK(items("{{`abc}}") == V{"{{", "error:unterminated raw quoted string"});
  CHECK(items("{{/* c }}") == V{"error:unclosed comment"});
  CHECK(items("{{(.X}}") == V{"{{", "(", ".X", "error:unclosed left paren"});
  CHECK(items("{{.X)}}") == V{"{{", ".X", "error:unexpected right paren U+0029 ')'"});
  CHECK(items("{{3k}}") == V{"{{", "error:bad number syntax: \"3k\""});
}

TEST_CASE("lex: an item prints as Go's item.String()", "[template][lex]") {
  CHECK(Item{Tok::Eof, 0, "", 1}.str() == "EOF");
  CHECK(Item{Tok::Error, 0, "", 1}.str("boom") == "boom");
  CHECK(Item{Tok::Range, 0, "range", 1}.str() == "<range>");
  CHECK(Item{Tok::Field, 0, ".X", 1}.str() == "\".X\"");
  // Longer than 10 bytes: the first 10 runes, quoted, then "...".
  CHECK(Item{Tok::Text, 0, "ééééééééééé", 1}.str() == "\"éééééééééé\"...");
}
