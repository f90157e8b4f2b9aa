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

#include "kinject/disk.h"
#include "kinject/injector.h"

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
