// The lexer of Go's text/template (text/template/parse/lex.go): the whole
// input is cut into items up front, with Go's token boundaries, trim
// markers, line numbers and error items.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kinject::tmpl::detail {

inline bool is_space(int r) { return r == ' ' || r == '\t' || r == '\r' || r == '\n'; }

enum class Tok : std::uint8_t {
  Error, Bool, Char, CharConstant, Complex, Assign, Declare, Eof, Field, Identifier, LeftDelim,
  LeftParen, Number, Pipe, RawString, RightDelim, RightParen, Space, String, Text, Variable,
  // keywords
  Keyword, Block, Break, Continue, Dot, Define, Else, End, If, Nil, Range, Template, With,
};

struct Item {
  Tok typ = Tok::Eof;
  std::size_t pos = 0;
  std::string_view val;
  int line = 1;
  std::string msg;  // error text for Tok::Error

  // Go's item.String(), used in "unexpected X in Y" messages.
  std::string str() const;
};

// The items of `input`, ending with Tok::Eof or a Tok::Error. break and
// continue are keywords only where no function of that name shadows them.
std::vector<Item> lex(std::string_view input, bool break_ok, bool continue_ok);

}  // namespace kinject::tmpl::detail
