// Unified diffs of two texts (`diff -u` format), for `kinject check --diff`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kinject {

// The unified diff of `before` and `after` with `context` lines around each
// change, headed "--- a/NAME" / "+++ b/NAME"; empty when they are equal.
std::string unified_diff(std::string_view before, std::string_view after, const std::string& name, int context = 3);

// The same for a text made of consecutive parts (a file's documents), each
// diffed on its own: hunks stay within a part, so the work grows with the
// size of the changed documents, not the file.
struct TextPart {
  std::string_view before, after;
};
std::string unified_diff(const std::vector<TextPart>& parts, const std::string& name, int context = 3);

}  // namespace kinject
