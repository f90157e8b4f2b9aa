// Go's strconv, the parts text/template and fmt observe: unquoting the
// literals of a template, quoting strings, parsing and formatting numbers.
// go_quote and go_format_float are public (kinject/gotemplate/template.h);
// the rest is for the engine's own files.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kinject::tmpl::detail {

// strconv.Unquote for "...", `...` and '...' literals; nullopt on bad
// syntax. A '...' literal may hold more than one rune here: the parser
// checks that, with its own message, as Go's parser does.
std::optional<std::string> unquote(std::string_view q);

// strconv.ParseUint(s, 0, 64) and ParseInt(s, 0, 64): the base comes from
// the prefix (0b, 0o, 0x, or a leading 0 for octal) and '_' may separate
// digits; false on bad syntax or overflow.
bool parse_uint_base0(std::string_view s, std::uint64_t* out);
bool parse_int_base0(std::string_view s, std::int64_t* out);

// strconv.IsPrint (Go's tables, base/unicode.h).
bool is_print_rune(std::uint32_t r);

// Appends s quoted with q ('"' for strconv.Quote, '\'' for QuoteRune);
// ascii_only escapes every non-ASCII rune too (QuoteToASCII).
void quote_into(std::string& out, std::string_view s, char q, bool ascii_only);

}  // namespace kinject::tmpl::detail
