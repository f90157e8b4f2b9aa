// What a YAML source text may hold, and where a place in it is: the checks
// and positions the readers (parse.h, simple_yaml.h) and the writer share.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace kinject {

// A character that kinject's YAML holds only as an escape in a double-quoted
// string, never raw: a C1 control (U+0080..U+009F, NEL among them), LS or PS
// (U+2028, U+2029). Raw, go-yaml takes NEL, LS and PS for line breaks, and
// YAML forbids C1 controls; first_invalid_char refuses them.
constexpr bool escape_only(std::uint32_t rune) { return (rune >= 0x80 && rune <= 0x9F) || rune == 0x2028 || rune == 0x2029; }

// The length of an escape-only character (see escape_only) encoded at s[i],
// or 0 if none starts there.
std::size_t escape_only_at(std::string_view s, std::size_t i);

// Whether s holds an escape-only character.
bool has_escape_only(std::string_view s);

// The offset of the first byte that makes `text` something other than YAML
// text kinject reads as kubectl does, or npos: invalid UTF-8 (overlong
// forms, surrogates and code points past U+10FFFF are invalid, as in Go's
// utf8.Valid), a control character YAML forbids (C0 but tab, LF and CR; DEL;
// C1), NUL included; or a line break but LF and CRLF: a lone CR, NEL, LS or
// PS, where go-yaml (kubectl, Helm) and libyaml break the line and yaml-cpp
// does not, so the two would read different documents.
std::size_t first_invalid_char(std::string_view text);

// The 1-based line and column of a byte offset in a text (clamped to its end).
std::pair<int, int> line_col(std::string_view text, std::size_t offset);

// "64 MiB", "1000 bytes": a limit as a person reads it.
std::string format_size(std::size_t bytes);

}  // namespace kinject
