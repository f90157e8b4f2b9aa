// What several test files need: reading files, the corpus, the ratchets,
// and environments for the injector. Header-only, tests only.
#pragma once

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "kinject/base/disk.h"
#include "kinject/istio/config.h"
#include "kinject/istio/injector.h"
#include "kinject/yaml/node.h"

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

// A built-in profile ("1.24", "1.30"), as --istio-version chooses it. Tests
// whose expectations were read off one release's output name it.
inline IstioConfig builtin_profile(std::string_view release) { return builtin_config(parse_istio_release(release)); }

// The reference data (Istio's golden cases, the real-manifest corpus, the
// YAML test suite) is not part of the repository. Tests find it through one
// setting: the environment variable KINJECT_REFERENCE_DATA, or else a
// directory `shared` beside the source tree. nullopt when there is none.
inline std::optional<std::string> reference_data() {
  if (const char* set = std::getenv("KINJECT_REFERENCE_DATA"); set && *set) return std::string(set);
  std::string beside = KINJECT_SOURCE_DIR "/../shared";
  struct stat st {};
  if (::stat(beside.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return beside;
  return std::nullopt;
}

// The path of `part` (e.g. "corpus/real") in the reference data, or nullopt
// after printing the line ctest's SKIP_REGULAR_EXPRESSION turns into
// "skipped" (test/CMakeLists: "kinject-skip:"). A test calls it first and
// returns when it gives nothing. With KINJECT_REQUIRE_REFERENCE_DATA=1 (CI)
// a missing part is a failure instead. A KINJECT_REFERENCE_DATA that names
// no such directory is always a failure: the setting is wrong, not absent.
inline std::optional<std::string> reference_part(const std::string& part) {
  auto root = reference_data();
  const char* required = std::getenv("KINJECT_REQUIRE_REFERENCE_DATA");
  bool set = std::getenv("KINJECT_REFERENCE_DATA") && *std::getenv("KINJECT_REFERENCE_DATA");
  std::string why;
  if (!root) {
    why = fmt::format("needs {} of the reference data: set KINJECT_REFERENCE_DATA (no ../shared beside the source tree)", part);
  } else {
    struct stat st {};
    std::string path = *root + "/" + part;
    if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return path;
    why = fmt::format("needs {} of the reference data: {} has no such directory", part, *root);
  }
  if (set || (required && std::string_view(required) == "1")) FAIL(why);
  fmt::print("kinject-skip: {}\n", why);
  std::fflush(stdout);
  return std::nullopt;
}

// Every file of <root>/<group>/<file>, sorted: the layout of the reference
// corpus (one folder per source repository) and of test/fixtures/manifests.
inline std::vector<std::string> manifest_files(const Disk& disk, const std::string& root) {
  std::vector<std::string> out;
  for (const auto& repo : disk.list(root))
    for (const auto& f : disk.list(root + "/" + repo)) out.push_back(root + "/" + repo + "/" + f);
  std::sort(out.begin(), out.end());
  return out;
}

// The in-repository manifests the corpus checks also run on, so that a clone
// alone catches a fidelity regression: test/fixtures/manifests (written for
// this) and every input of test/golden.
inline const std::string kFixtureDir = KINJECT_SOURCE_DIR "/test/fixtures/manifests";
inline std::vector<std::string> fixture_files(const Disk& disk) {
  auto out = manifest_files(disk, kFixtureDir);
  const std::string golden = KINJECT_SOURCE_DIR "/test/golden";
  for (const auto& f : disk.list(golden)) {
    bool input = (f.size() > 5 && f.compare(f.size() - 5, 5, ".yaml") == 0) || (f.size() > 5 && f.compare(f.size() - 5, 5, ".json") == 0);
    if (input) out.push_back(golden + "/" + f);
  }
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

// The Deployment most tests inject: one container, namespace shop, label
// app=web.
inline constexpr const char* kShopWebDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: app
        image: web:1
)";

}  // namespace kinject::test
