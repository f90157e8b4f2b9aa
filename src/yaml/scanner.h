// Internal to the reader: where YAML nodes end in their source text.
// yaml-cpp reports where each node starts; the reader (reader.cpp) and the
// fast reader (simple_yaml.cpp) find where it ends with the same rules, so
// that both give a node the same span.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

#include "lines.h"

namespace kinject::scan {

using lines::is_marker;

// Scans the source text to find where nodes end. yaml-cpp reports only where
// a node starts; the end of a scalar is found by scanning it, the end of a
// collection is the end of its last child (block) or its closing bracket
// (flow). Everything here runs on text yaml-cpp has already accepted.
class Scanner {
 public:
  explicit Scanner(std::string_view t) : t_(t) {}

  std::size_t size() const { return t_.size(); }
  char at(std::size_t i) const { return i < t_.size() ? t_[i] : '\0'; }

  int column(std::size_t pos) const { return lines::column(t_, pos); }
  std::size_t line_start(std::size_t pos) const { return lines::line_start(t_, pos); }
  std::size_t line_end(std::size_t pos) const { return lines::line_end(t_, pos); }  // position of '\n' (or size)

  static bool flow_indicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }
  static bool blank(char c) { return lines::is_blank(c); }
  static bool space(char c) { return lines::is_ws(c); }

  // Skips spaces, line breaks and comments.
  std::size_t skip_space(std::size_t p) const {
    while (p < t_.size()) {
      char c = t_[p];
      if (space(c)) {
        ++p;
      } else if (c == '#' && (p == 0 || space(t_[p - 1]))) {
        p = line_end(p);
      } else {
        break;
      }
    }
    return p;
  }

  // Skips node properties (&anchor, !tag) and the space after them.
  std::size_t skip_properties(std::size_t p, bool flow) const {
    for (;;) {
      char c = at(p);
      if (c != '&' && c != '!') return p;
      if (c == '!' && at(p + 1) == '<') {
        auto close = t_.find('>', p);
        p = close == std::string_view::npos ? t_.size() : close + 1;
      } else {
        while (p < t_.size() && !space(t_[p]) && !(flow && flow_indicator(t_[p]))) ++p;
      }
      p = skip_space(p);
    }
  }

  std::string anchor_name(std::size_t p, bool flow) const {
    // p points at the node start; find '&' among the properties.
    for (;;) {
      char c = at(p);
      if (c != '&' && c != '!') return {};
      std::size_t s = p;
      while (p < t_.size() && !space(t_[p]) && !(flow && flow_indicator(t_[p]))) ++p;
      if (c == '&') return std::string(t_.substr(s + 1, p - s - 1));
      p = skip_space(p);
    }
  }

  std::size_t token_end(std::size_t p, bool flow) const {
    while (p < t_.size() && !space(t_[p]) && !(flow && flow_indicator(t_[p]))) ++p;
    return p;
  }

  // Just past the closing quote, or npos if the scalar is never closed.
  std::size_t quoted_end(std::size_t p) const {  // p at the opening quote
    char q = t_[p];
    for (std::size_t k = p + 1; k < t_.size(); ++k) {
      if (q == '"' && t_[k] == '\\') {
        ++k;
      } else if (t_[k] == q) {
        if (q == '\'' && k + 1 < t_.size() && t_[k + 1] == '\'') {
          ++k;
        } else {
          return k + 1;
        }
      }
    }
    return std::string_view::npos;
  }

  // End of a plain scalar's text on one line, before a comment or line end
  // (and, in flow context, before a flow indicator or ': ').
  std::size_t plain_line_end(std::size_t p, bool flow, bool key) const {
    std::size_t end = p;
    std::size_t k = p;
    while (k < t_.size()) {
      char c = t_[k];
      if (c == '\n' || c == '\r') break;
      if (c == '#' && k > p && blank(t_[k - 1])) break;
      if (c == ':' && (k + 1 >= t_.size() || space(t_[k + 1]) || (flow && flow_indicator(t_[k + 1])))) {
        if (key || flow) break;
      }
      if (flow && flow_indicator(c)) break;
      ++k;
      if (!blank(c)) end = k;
    }
    return end;
  }

  // The end of a plain scalar that starts at p. `indent` is the indentation
  // of the enclosing block collection (-1 at top level): continuation lines
  // must be more indented than that.
  std::size_t plain_end(std::size_t p, bool flow, bool key, int indent) const {
    std::size_t end = plain_line_end(p, flow, key);
    if (key) return end;
    std::size_t k = line_end(end);
    if (flow) {
      // Flow plain scalars continue onto following lines until an indicator.
      if (at(end) == '\r' || at(end) == '\n' || end == k) {
        for (;;) {
          std::size_t q = k + 1;
          if (k >= t_.size()) break;
          while (q < t_.size() && (blank(t_[q]) || t_[q] == '\r' || t_[q] == '\n')) ++q;
          if (q >= t_.size() || flow_indicator(t_[q]) || t_[q] == '#' ||
              (t_[q] == ':' && (q + 1 >= t_.size() || space(t_[q + 1]) || flow_indicator(t_[q + 1]))))
            break;
          std::size_t e = plain_line_end(q, flow, false);
          if (e == q) break;
          end = e;
          k = line_end(end);
          if (end != k && !(at(end) == '\r')) break;
        }
      }
      return end;
    }
    // Block context: the scalar ended at a comment or line end. A comment
    // ends it for good.
    std::size_t after = end;
    while (after < k && blank(t_[after])) ++after;
    if (after < k && t_[after] == '#') return end;
    while (k < t_.size()) {
      std::size_t ls = k + 1;
      std::size_t q = ls;
      while (q < t_.size() && t_[q] == ' ') ++q;
      std::size_t le = line_end(ls);
      std::size_t r = q;
      while (r < le && (blank(t_[r]) || t_[r] == '\r')) ++r;
      if (r == le) {  // blank line: may be inside the scalar
        if (le >= t_.size()) break;
        k = le;
        continue;
      }
      int col = static_cast<int>(q - ls);
      if (col <= indent) break;
      if (t_[r] == '#') break;
      if (col == 0 && (is_marker(t_.substr(ls), '-') || is_marker(t_.substr(ls), '.'))) break;
      std::size_t e = plain_line_end(r, false, false);
      if (e == r) break;
      end = e;
      std::size_t a2 = end;
      k = line_end(end);
      while (a2 < k && blank(t_[a2])) ++a2;
      if (a2 < k && t_[a2] == '#') break;
    }
    return end;
  }

  // The end of a block scalar whose indicator is at p. `indent` is the
  // indentation of the parent node.
  std::size_t block_scalar_end(std::size_t p, int indent) const {
    std::size_t k = p + 1;
    int explicit_indent = 0;
    bool keep = false;
    while (k < t_.size() && (t_[k] == '+' || t_[k] == '-' || (t_[k] >= '1' && t_[k] <= '9'))) {
      if (t_[k] == '+') keep = true;
      if (t_[k] >= '1' && t_[k] <= '9') explicit_indent = t_[k] - '0';
      ++k;
    }
    std::size_t header_end = k;
    std::size_t nl = line_end(k);
    int content_indent = explicit_indent ? std::max(indent, 0) + explicit_indent : -1;
    if (explicit_indent && indent < 0) content_indent = explicit_indent;
    std::size_t end = header_end;
    std::size_t last_blank_end = header_end;
    while (nl < t_.size()) {
      std::size_t ls = nl + 1;
      std::size_t q = ls;
      while (q < t_.size() && t_[q] == ' ') ++q;
      std::size_t le = line_end(ls);
      std::size_t r = q;
      while (r < le && t_[r] == '\r') ++r;
      int col = static_cast<int>(q - ls);
      if (r == le && (q == le || t_[q] == '\r' || t_[q] == '\n')) {  // empty line
        if (le >= t_.size()) {
          last_blank_end = le;
          break;
        }
        last_blank_end = le;
        nl = le;
        continue;
      }
      if (content_indent < 0) {
        if (col <= indent) break;
        content_indent = col;
      }
      if (col < content_indent) break;
      end = le;
      if (end > ls && t_[end - 1] == '\r') --end;
      nl = le;
    }
    if (keep && last_blank_end > end) {
      // Trailing empty lines are content under keep chomping; stop before the
      // final line break so the node still ends on its own line.
      end = last_blank_end;
      std::size_t ls = line_start(end);
      if (ls > 0 && ls <= end) end = ls - 1;
      if (end > 0 && t_[end - 1] == '\r') --end;
    }
    return end;
  }

 private:
  std::string_view t_;

 public:
  std::string_view slice(std::size_t a, std::size_t b) const {
    a = std::min(a, t_.size());
    b = std::min(std::max(a, b), t_.size());
    return t_.substr(a, b - a);
  }
  std::size_t skip_inline(std::size_t p) const {
    while (p < t_.size() && blank(t_[p])) ++p;
    return p;
  }
};

}  // namespace kinject::scan
