#include "kinject/base/text.h"

#include <cstdint>

#include "kinject/base/utf8.h"

namespace kinject {

void append_json_quoted(std::string& out, std::string_view s, bool escape_html) {
  append_json_quoted(out, s, JsonQuoting{.escape_html = escape_html});
}

std::string json_quote(std::string_view s, bool escape_html) { return json_quote(s, JsonQuoting{.escape_html = escape_html}); }

void append_json_quoted(std::string& out, std::string_view s, JsonQuoting how) {
  static const char* hex = "0123456789abcdef";
  const bool escape_html = how.escape_html;
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
    // Invalid bytes become U+FFFD, one for each byte, as Go writes them.
    utf8::Rune rune = utf8::decode(s, i);
    if (!rune.valid) {
      out += "\\ufffd";
      ++i;
      continue;
    }
    std::uint32_t r = rune.value;
    std::size_t need = rune.width - 1;
    if (r == 0x2028 || r == 0x2029) {
      out += r == 0x2028 ? "\\u2028" : "\\u2029";
    } else if (how.escape_c1 && r >= 0x80 && r <= 0x9F) {
      out += "\\u00";
      out += hex[r >> 4];
      out += hex[r & 15];
    } else {
      out.append(s.substr(i, need + 1));
    }
    i += need + 1;
  }
  out += '"';
}

std::string json_quote(std::string_view s, JsonQuoting how) {
  std::string out;
  out.reserve(s.size() + 2);
  append_json_quoted(out, s, how);
  return out;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string ascii_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

}  // namespace kinject
