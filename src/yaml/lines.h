// Internal to the yaml layer: lines of a YAML source text, written once for
// the stream splitter, both readers and the writer.
#pragma once

#include <cstddef>
#include <string_view>

namespace kinject::lines {

inline bool is_blank(char c) { return c == ' ' || c == '\t'; }
inline bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// `---` or `...` at column 0 followed by whitespace or the end of the line.
inline bool is_marker(std::string_view line, char c) {
  if (line.size() < 3 || line[0] != c || line[1] != c || line[2] != c) return false;
  return line.size() == 3 || is_ws(line[3]);
}

// A line that holds no YAML content: blank, a comment, or a directive.
inline bool is_non_content(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && is_blank(line[i])) ++i;
  if (i == line.size() || line[i] == '\r' || line[i] == '\n' || line[i] == '#') return true;
  return i == 0 && line[0] == '%';
}

// True if what follows a `---` on its line is content (e.g. `--- !!map` or
// `--- {a: 1}`), not just a comment.
inline bool content_after_marker(std::string_view line) {
  std::size_t i = 3;
  while (i < line.size() && is_blank(line[i])) ++i;
  return i < line.size() && line[i] != '\r' && line[i] != '\n' && line[i] != '#';
}

// Where the line holding t[p] starts.
inline std::size_t line_start(std::string_view t, std::size_t p) {
  if (p == 0) return 0;
  auto nl = t.rfind('\n', p - 1);
  return nl == std::string_view::npos ? 0 : nl + 1;
}

// The '\n' that ends the line holding t[p] (or the text's end).
inline std::size_t line_end(std::string_view t, std::size_t p) {
  auto nl = t.find('\n', p);
  return nl == std::string_view::npos ? t.size() : nl;
}

// The start of the line after the one holding t[p] (or the text's end).
inline std::size_t next_line(std::string_view t, std::size_t p) {
  auto nl = t.find('\n', p);
  return nl == std::string_view::npos ? t.size() : nl + 1;
}

inline int column(std::string_view t, std::size_t p) { return static_cast<int>(p - line_start(t, p)); }

// Whether only blanks precede t[p] on its line.
inline bool first_on_line(std::string_view t, std::size_t p) {
  while (p > 0 && is_blank(t[p - 1])) --p;
  return p == 0 || t[p - 1] == '\n';
}

// The spaces that indent the line holding t[p].
inline int indentation(std::string_view t, std::size_t p) {
  std::size_t ls = line_start(t, p), ind = ls;
  while (ind < t.size() && t[ind] == ' ') ++ind;
  return static_cast<int>(ind - ls);
}

// The '-' of a block sequence item whose node starts at t[p]: the first
// character before p that is not a blank or a line break, if it is a '-';
// else npos.
inline std::size_t dash_before(std::string_view t, std::size_t p) {
  while (p > 0) {
    --p;
    if (t[p] == '-') return p;
    if (!is_ws(t[p])) break;
  }
  return std::string_view::npos;
}

}  // namespace kinject::lines
