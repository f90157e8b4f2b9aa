// Go's strings package, the parts template functions use (gostrings.h).
#include "kinject/gofuncs/gostrings.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "kinject/base/unicode.h"
#include "kinject/gofuncs/func_table.h"

namespace kinject::tmpl {

// strings.TrimSpace: every unicode.IsSpace rune, not only ASCII's.
std::string_view trim_space(std::string_view s) { return unicode::go_trim_space(s); }

std::vector<std::string_view> split(std::string_view s, std::string_view sep) {
  std::vector<std::string_view> out;
  if (sep.empty()) {
    // strings.Split with "" splits after each UTF-8 sequence.
    for (std::size_t i = 0; i < s.size();) {
      std::size_t w = 1;
      auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0xF0) w = 4; else if (c >= 0xE0) w = 3; else if (c >= 0xC0) w = 2;
      w = std::min(w, s.size() - i);
      out.push_back(s.substr(i, w));
      i += w;
    }
    return out;
  }
  std::size_t start = 0;
  for (;;) {
    std::size_t p = s.find(sep, start);
    if (p == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, p - start));
    start = p + sep.size();
  }
}

std::string replace_all(std::string_view s, std::string_view from, std::string_view to) {
  std::uint64_t count = 0;
  if (from.empty()) {
    count = s.size() + 1;  // at most: one per rune, and one at the end
  } else {
    for (std::size_t p = s.find(from); p != std::string_view::npos; p = s.find(from, p + from.size())) ++count;
  }
  if (to.size() > from.size()) check_bytes(s.size() + count * (to.size() - from.size()), "the result");
  if (from.empty()) {
    // strings.Replace with an empty old string inserts `to` between runes.
    std::string out(to);
    for (auto piece : split(s, "")) {
      out += piece;
      out += to;
    }
    return out;
  }
  std::string out;
  std::size_t start = 0;
  for (;;) {
    std::size_t p = s.find(from, start);
    if (p == std::string_view::npos) break;
    out.append(s.substr(start, p - start));
    out += to;
    start = p + from.size();
  }
  out.append(s.substr(start));
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::uint64_t total = parts.empty() ? 0 : sep.size() * (parts.size() - 1);
  for (const auto& p : parts) total += p.size();
  check_bytes(total, "the joined string");
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += sep;
    out += parts[i];
  }
  return out;
}

std::string trim_cutset(std::string_view s, std::string_view cutset) {
  auto pieces = split(cutset, "");
  auto in_set = [&](std::string_view r) { return std::find(pieces.begin(), pieces.end(), r) != pieces.end(); };
  auto runes = split(s, "");
  std::size_t b = 0, e = runes.size();
  while (b < e && in_set(runes[b])) ++b;
  while (e > b && in_set(runes[e - 1])) --e;
  std::string out;
  for (std::size_t i = b; i < e; ++i) out += runes[i];
  return out;
}

}  // namespace kinject::tmpl
