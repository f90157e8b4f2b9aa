// Go's Unicode: the case mappings, white space and character classes of Go's unicode package
// and the strings functions built on them, one implementation for every
// layer. The tables are Go's own, written by the test oracle
// (src/base/unicode_tables.cpp), so a newer Unicode is a regenerated file.
#pragma once

#include <string>
#include <string_view>

namespace kinject::unicode {

// unicode.ToUpper, ToLower, ToTitle of one rune.
char32_t to_upper(char32_t r);
char32_t to_lower(char32_t r);
char32_t to_title(char32_t r);
// unicode.IsSpace.
bool is_space(char32_t r);
// unicode.IsUpper, IsLower, IsTitle, IsLetter, IsNumber, IsPunct.
bool is_upper(char32_t r);
bool is_lower(char32_t r);
bool is_title(char32_t r);
bool is_letter(char32_t r);
bool is_number(char32_t r);
bool is_punct(char32_t r);
// strconv.IsPrint (unicode.IsPrint): letters, marks, numbers, punctuation,
// symbols and the ASCII space; what strconv.Quote writes as it is.
bool is_print(char32_t r);

// strings.ToUpper / strings.ToLower: every rune mapped, and (as Go's
// strings.Map does) each byte that starts no valid UTF-8 sequence written as
// U+FFFD; an all-ASCII string maps its ASCII letters only.
std::string go_to_upper(std::string_view s);
std::string go_to_lower(std::string_view s);
// strings.Title (Sprig's `title`): the first rune after a separator (ASCII
// other than letters, digits and '_'; any other white space) in title case.
std::string go_title(std::string_view s);
// strings.TrimSpace: leading and trailing unicode.IsSpace runes removed.
std::string_view go_trim_space(std::string_view s);

}  // namespace kinject::unicode
