#include "kinject/diff.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace kinject {

namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto nl = text.find('\n', start);
    if (nl == std::string_view::npos) {
      out.push_back(text.substr(start));
      break;
    }
    out.push_back(text.substr(start, nl - start + 1));
    start = nl + 1;
  }
  return out;
}

enum class Op { Keep, Del, Add };

// Myers' O(ND) shortest edit script. Injection changes are a small part of
// large files, so D stays small and this stays fast.
std::vector<Op> edit_script(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  const int max = n + m;
  std::vector<int> v(2 * static_cast<std::size_t>(max) + 2, 0);
  std::vector<std::vector<int>> trace;
  auto at = [&](int k) -> int& { return v[static_cast<std::size_t>(k + max + 1)]; };
  int d_found = -1;
  for (int d = 0; d <= max; ++d) {
    trace.push_back(v);
    for (int k = -d; k <= d; k += 2) {
      int x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      int y = x - k;
      while (x < n && y < m && a[static_cast<std::size_t>(x)] == b[static_cast<std::size_t>(y)]) ++x, ++y;
      at(k) = x;
      if (x >= n && y >= m) {
        d_found = d;
        break;
      }
    }
    if (d_found >= 0) break;
  }
  // Walk back through the saved frontiers.
  std::vector<Op> ops;
  int x = n, y = m;
  for (int d = d_found; d > 0; --d) {
    std::vector<int>& pv = trace[static_cast<std::size_t>(d)];
    auto pat = [&](int k) { return pv[static_cast<std::size_t>(k + max + 1)]; };
    int k = x - y;
    int prev_k = (k == -d || (k != d && pat(k - 1) < pat(k + 1))) ? k + 1 : k - 1;
    int prev_x = pat(prev_k), prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      ops.push_back(Op::Keep);
      --x, --y;
    }
    ops.push_back(x == prev_x ? Op::Add : Op::Del);
    x = prev_x, y = prev_y;
  }
  while (x > 0 && y > 0) {
    ops.push_back(Op::Keep);
    --x, --y;
  }
  std::reverse(ops.begin(), ops.end());
  return ops;
}

void append_line(std::string& out, char mark, std::string_view line) {
  out.push_back(mark);
  out.append(line);
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}


// Appends the hunks of one part, its first line being line a_off+1 before
// and b_off+1 after.
void diff_part(std::string& out, std::string_view before, std::string_view after, int a_off, int b_off, int context) {
  auto a = lines_of(before), b = lines_of(after);
  auto ops = edit_script(a, b);
  struct Step {
    Op op;
    int ai, bi;
  };
  std::vector<Step> steps;
  int ai = 0, bi = 0;
  for (Op op : ops) {
    steps.push_back({op, ai, bi});
    if (op != Op::Add) ++ai;
    if (op != Op::Del) ++bi;
  }
  std::size_t i = 0;
  while (i < steps.size()) {
    if (steps[i].op == Op::Keep) {
      ++i;
      continue;
    }
    // A hunk runs from `context` lines before this change to `context` lines
    // after the last change that is within 2*context lines of the next.
    std::size_t start = i >= static_cast<std::size_t>(context) ? i - static_cast<std::size_t>(context) : 0;
    std::size_t last_change = i, k = i;
    while (k < steps.size()) {
      if (steps[k].op != Op::Keep) last_change = k;
      else if (k - last_change > static_cast<std::size_t>(2 * context)) break;
      ++k;
    }
    std::size_t end = std::min(steps.size(), last_change + 1 + static_cast<std::size_t>(context));
    int a_start = steps[start].ai, b_start = steps[start].bi, a_len = 0, b_len = 0;
    std::string body;
    for (std::size_t j = start; j < end; ++j) {
      const Step& s = steps[j];
      if (s.op == Op::Keep) {
        append_line(body, ' ', a[static_cast<std::size_t>(s.ai)]);
        ++a_len, ++b_len;
      } else if (s.op == Op::Del) {
        append_line(body, '-', a[static_cast<std::size_t>(s.ai)]);
        ++a_len;
      } else {
        append_line(body, '+', b[static_cast<std::size_t>(s.bi)]);
        ++b_len;
      }
    }
    out += fmt::format("@@ -{},{} +{},{} @@\n", a_off + (a_len ? a_start + 1 : a_start), a_len,
                       b_off + (b_len ? b_start + 1 : b_start), b_len);
    out += body;
    i = end;
  }
}

int count_lines(std::string_view s) {
  int n = static_cast<int>(std::count(s.begin(), s.end(), '\n'));
  if (!s.empty() && s.back() != '\n') ++n;
  return n;
}

}  // namespace

std::string unified_diff(const std::vector<TextPart>& parts, const std::string& name, int context) {
  std::string hunks;
  int a_off = 0, b_off = 0;
  for (const auto& p : parts) {
    if (p.before != p.after) diff_part(hunks, p.before, p.after, a_off, b_off, context);
    a_off += count_lines(p.before);
    b_off += count_lines(p.after);
  }
  if (hunks.empty()) return {};
  return fmt::format("--- a/{}\n+++ b/{}\n", name, name) + hunks;
}

std::string unified_diff(std::string_view before, std::string_view after, const std::string& name, int context) {
  return unified_diff(std::vector<TextPart>{{before, after}}, name, context);
}

}  // namespace kinject
