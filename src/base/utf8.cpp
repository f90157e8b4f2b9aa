#include "kinject/base/utf8.h"

namespace kinject::utf8 {

void append(std::string& out, std::uint32_t r) {
  if (!is_scalar(r)) r = kReplacement;
  if (r < 0x80) {
    out += static_cast<char>(r);
  } else if (r < 0x800) {
    out += static_cast<char>(0xC0 | (r >> 6));
    out += static_cast<char>(0x80 | (r & 0x3F));
  } else if (r < 0x10000) {
    out += static_cast<char>(0xE0 | (r >> 12));
    out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (r & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (r >> 18));
    out += static_cast<char>(0x80 | ((r >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (r & 0x3F));
  }
}

Rune decode(std::string_view s, std::size_t i) {
  auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1, true};
  constexpr Rune kInvalid{kReplacement, 1, false};
  // Continuation bytes after the lead: C2..DF one, E0..EF two, F0..F4 three.
  std::size_t need = b0 >= 0xF5 ? 0 : b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : b0 >= 0xC2 ? 1 : 0;
  if (need == 0 || i + need >= s.size()) return kInvalid;
  std::uint32_t r = b0 & (0x3Fu >> need);
  for (std::size_t k = 1; k <= need; ++k) {
    auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return kInvalid;
    r = (r << 6) | (b & 0x3Fu);
  }
  static constexpr std::uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
  if (r < kMin[need] || !is_scalar(r)) return kInvalid;
  return {r, need + 1, true};
}

}  // namespace kinject::utf8
