#include "kinject/text.h"

#include <cstdint>

namespace kinject {

void append_json_quoted(std::string& out, std::string_view s, bool escape_html) {
  static const char* hex = "0123456789abcdef";
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '<':
        case '>':
        case '&':
          if (escape_html) {
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
          } else {
            out += static_cast<char>(c);
          }
          break;
        default:
          if (c < 0x20) {
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
          } else {
            out += static_cast<char>(c);
          }
      }
      ++i;
      continue;
    }
    // Validate the UTF-8 sequence; invalid bytes become U+FFFD.
    std::size_t need = c >= 0xF0 && c <= 0xF4 ? 3 : c >= 0xE0 && c < 0xF0 ? 2 : c >= 0xC2 && c < 0xE0 ? 1 : 0;
    bool ok = need > 0 && i + need < s.size();
    std::uint32_t r = 0;
    if (ok) {
      r = c & (0x3Fu >> need);
      for (std::size_t k = 1; k <= need; ++k) {
        auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) {
          ok = false;
          break;
        }
        r = (r << 6) | (b & 0x3Fu);
      }
      static constexpr std::uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
      if (ok && (r < kMin[need] || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))) ok = false;
    }
    if (!ok) {
      out += "\\ufffd";
      ++i;
      continue;
    }
    if (r == 0x2028 || r == 0x2029) {
      out += r == 0x2028 ? "\\u2028" : "\\u2029";
    } else {
      out.append(s.substr(i, need + 1));
    }
    i += need + 1;
  }
  out += '"';
}

std::string json_quote(std::string_view s, bool escape_html) {
  std::string out;
  out.reserve(s.size() + 2);
  append_json_quoted(out, s, escape_html);
  return out;
}

}  // namespace kinject
