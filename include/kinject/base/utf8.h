// UTF-8, written once. Every layer encodes and decodes runes through these,
// with Go's rules (unicode/utf8), since what kinject reproduces (templates,
// JSON, YAML) is what Go programs write.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kinject::utf8 {

constexpr std::uint32_t kReplacement = 0xFFFD;
constexpr std::uint32_t kMaxRune = 0x10FFFF;

// A Unicode scalar value: at most U+10FFFF and not a surrogate half.
constexpr bool is_scalar(std::uint32_t r) { return r <= kMaxRune && !(r >= 0xD800 && r <= 0xDFFF); }

// Appends r's UTF-8 encoding; a value that is not a scalar is written as
// U+FFFD (Go's utf8.AppendRune).
void append(std::string& out, std::uint32_t r);

struct Rune {
  std::uint32_t value;  // U+FFFD for an invalid sequence
  std::size_t width;    // bytes taken: 1 for an invalid sequence
  bool valid;           // false: s[i] starts no valid encoding
};

// The rune starting at s[i] (i < s.size()), as Go's utf8.DecodeRuneInString:
// a truncated, overlong or surrogate encoding is U+FFFD of width 1.
Rune decode(std::string_view s, std::size_t i);

}  // namespace kinject::utf8
