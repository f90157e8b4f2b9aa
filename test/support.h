// What several test files need: reading files, the corpus, the ratchets,
// and environments for the injector. Header-only, tests only.
#pragma once

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "kinject/disk.h"
#include "kinject/injector.h"
#include "kinject/node.h"

namespace kinject::test {

inline std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

// The figures of test/ratchets.txt: scores that may only go up.
inline std::map<std::string, long> ratchets() {
  std::ifstream in(KINJECT_SOURCE_DIR "/test/ratchets.txt");
  std::map<std::string, long> out;
  std::string line;
  while (std::getline(in, line)) {
    line = line.substr(0, line.find('#'));
    std::istringstream ls(line);
    std::string name;
    long value;
    if (ls >> name >> value) out[name] = value;
  }
  return out;
}

// Every file of ../shared/corpus/real, sorted.
inline std::vector<std::string> corpus_files(const Disk& disk) {
  std::vector<std::string> out;
  std::string root = KINJECT_SHARED_DIR "/corpus/real";
  for (const auto& repo : disk.list(root))
    for (const auto& f : disk.list(root + "/" + repo)) out.push_back(root + "/" + repo + "/" + f);
  std::sort(out.begin(), out.end());
  return out;
}

// Where two trees first differ, for failure messages ("" when they mean the same).
inline std::string difference(const Node& a, const Node& b, const std::string& path = "") {
  if (a.same_value(b)) return "";
  std::string here = path.empty() ? "." : path;
  if (a.is_map() && b.is_map()) {
    for (const auto& e : a.entries) {
      std::string k = e.key.scalar_text();
      const Node* other = b.get(k);
      if (!other) return fmt::format("{}: only before: {}", path + "." + k, e.value.scalar_text());
      if (auto d = difference(e.value, *other, path + "." + k); !d.empty()) return d;
    }
    for (const auto& e : b.entries)
      if (!a.get(e.key.scalar_text()))
        return fmt::format("{}: only after: {}", path + "." + e.key.scalar_text(), e.value.scalar_text());
  }
  if (a.is_seq() && b.is_seq() && a.items.size() == b.items.size()) {
    for (std::size_t i = 0; i < a.items.size(); ++i)
      if (auto d = difference(a.items[i], b.items[i], fmt::format("{}[{}]", path, i)); !d.empty()) return d;
  }
  if (a.is_seq() && b.is_seq()) return fmt::format("{}: {} items before, {} after", here, a.items.size(), b.items.size());
  return fmt::format("{}: '{}' before, '{}' after", here, a.scalar_text(), b.scalar_text());
}

inline EnvLookup no_env() {
  return [](std::string_view) -> std::optional<std::string> { return std::nullopt; };
}

inline EnvLookup env_with(std::string key, std::string value) {
  return [key, value](std::string_view k) -> std::optional<std::string> {
    if (k == key) return value;
    return std::nullopt;
  };
}

}  // namespace kinject::test
