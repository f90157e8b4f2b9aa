#include "kinject/yaml/source_text.h"

#include <algorithm>

#include <fmt/format.h>

#include "kinject/base/utf8.h"

namespace kinject {

std::size_t escape_only_at(std::string_view s, std::size_t i) {
  if (static_cast<unsigned char>(s[i]) < 0xC2) return 0;  // ASCII, or no lead byte of one
  utf8::Rune r = utf8::decode(s, i);
  return r.valid && escape_only(r.value) ? r.width : 0;
}

bool has_escape_only(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i)
    if (escape_only_at(s, i)) return true;
  return false;
}

std::size_t first_invalid_char(std::string_view text) {
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t') {  // the common case
      ++i;
      continue;
    }
    if (c == '\r') {
      if (i + 1 == n || text[i + 1] != '\n') return i;  // a lone CR
      i += 2;
      continue;
    }
    if (c < 0x80) return i;  // NUL, another C0 control, DEL
    utf8::Rune r = utf8::decode(text, i);
    if (!r.valid || escape_only(r.value)) return i;
    i += r.width;
  }
  return std::string_view::npos;
}

std::pair<int, int> line_col(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  auto before = text.substr(0, offset);
  std::size_t nl = before.rfind('\n');
  int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  return {line, static_cast<int>(offset - (nl == std::string_view::npos ? 0 : nl + 1)) + 1};
}

std::string format_size(std::size_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return fmt::format("{} MiB", bytes >> 20);
  if (bytes >= (1u << 10) && bytes % (1u << 10) == 0) return fmt::format("{} KiB", bytes >> 10);
  return fmt::format("{} bytes", bytes);
}

}  // namespace kinject
