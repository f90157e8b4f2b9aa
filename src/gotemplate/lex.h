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

// A token: a view of the input and where it stands. An item is made for
// every token of every template a run parses, so it holds no string of its
// own: the one error a lexer can end with keeps its text in Lexed::error.
struct Item {
  Tok typ = Tok::Eof;
  std::size_t pos = 0;
  std::string_view val;
  int line = 1;

  // Go's item.String(), used in "unexpected X in Y" messages; a Tok::Error
  // item's is its message, which the item does not hold (Lexed::error).
  std::string str(std::string_view error = {}) const;
};

struct Lexed {
  std::vector<Item> items;  // ending with Tok::Eof or Tok::Error
  std::string error;        // the Tok::Error item's message
};

// The items of `input`. break and continue are keywords only where no
// function of that name shadows them.
Lexed lex(std::string_view input, bool break_ok, bool continue_ok);

}  // namespace kinject::tmpl::detail
