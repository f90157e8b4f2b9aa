#include "kinject/pipeline/diff.h"

#include <algorithm>
#include <deque>
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

// One step of the whole file's edit script, with the lines it concerns.
struct Step {
  Op op;
  std::string_view a, b;  // the line before (Keep, Del) and after (Keep, Add)
};

// The hunks of a whole file's edit script: each change with `context`
// lines around it, changes closer than 2*context lines in one hunk, line
// numbers of the whole file, as diff -u writes them.
std::string hunks(const std::vector<Step>& steps, int context) {
  std::string out;
  const std::size_t ctx = static_cast<std::size_t>(context);
  // Line numbers (0-based) before and after, at each step.
  std::vector<int> at_a(steps.size() + 1), at_b(steps.size() + 1);
  for (std::size_t i = 0; i < steps.size(); ++i) {
    at_a[i + 1] = at_a[i] + (steps[i].op != Op::Add);
    at_b[i + 1] = at_b[i] + (steps[i].op != Op::Del);
  }
  std::size_t i = 0;
  while (i < steps.size()) {
    if (steps[i].op == Op::Keep) {
      ++i;
      continue;
    }
    std::size_t start = i >= ctx ? i - ctx : 0;
    std::size_t last_change = i, k = i;
    while (k < steps.size()) {
      if (steps[k].op != Op::Keep) last_change = k;
      else if (k - last_change > 2 * ctx) break;
      ++k;
    }
    std::size_t end = std::min(steps.size(), last_change + 1 + ctx);
    int a_len = at_a[end] - at_a[start], b_len = at_b[end] - at_b[start];
    out += fmt::format("@@ -{},{} +{},{} @@\n", a_len ? at_a[start] + 1 : at_a[start], a_len, b_len ? at_b[start] + 1 : at_b[start],
                       b_len);
    for (std::size_t j = start; j < end; ++j) {
      const Step& st = steps[j];
      if (st.op == Op::Keep) append_line(out, ' ', st.a);
      else if (st.op == Op::Del) append_line(out, '-', st.a);
      else append_line(out, '+', st.b);
    }
    i = end;
  }
  return out;
}

bool ends_line(std::string_view s) { return s.empty() || s.back() == '\n'; }

}  // namespace

std::string unified_diff(const std::vector<TextPart>& parts, const std::string& name, int context) {
  // One diff of the whole file (hunks cross document boundaries with their
  // context, as patch and git apply need), but worked out document by
  // document: the edit script of a run of parts that starts at a line start
  // on both sides is computed on its own, so the work grows with the changed
  // documents, not the file. (Parts that share a line, as concatenated JSON
  // texts can, are diffed together.)
  std::vector<Step> steps;
  std::deque<std::string> joined;  // parts that share a line, joined (the steps point into them)
  bool any = false;
  for (std::size_t p = 0; p < parts.size();) {
    std::size_t q = p + 1;
    while (q < parts.size() && !(ends_line(parts[q - 1].before) && ends_line(parts[q - 1].after))) ++q;
    std::string_view before = parts[p].before, after = parts[p].after;
    bool same = before == after;
    if (q > p + 1) {
      std::string& jb = joined.emplace_back();
      std::string& ja = joined.emplace_back();
      for (std::size_t k = p; k < q; ++k) {
        jb += parts[k].before;
        ja += parts[k].after;
        same = same && parts[k].before == parts[k].after;
      }
      before = jb;
      after = ja;
    }
    auto a = lines_of(before), b = lines_of(after);
    if (same) {
      for (auto line : a) steps.push_back({Op::Keep, line, line});
    } else {
      any = true;
      std::size_t ai = 0, bi = 0;
      for (Op op : edit_script(a, b)) {
        Step st{op, {}, {}};
        if (op != Op::Add) st.a = a[ai++];
        if (op != Op::Del) st.b = b[bi++];
        steps.push_back(st);
      }
    }
    p = q;
  }
  if (!any) return {};
  return fmt::format("--- a/{}\n+++ b/{}\n", name, name) + hunks(steps, context);
}

std::string unified_diff(std::string_view before, std::string_view after, const std::string& name, int context) {
  return unified_diff(std::vector<TextPart>{{before, after}}, name, context);
}

}  // namespace kinject
