// Running the decode oracle (test/oracle/k8sdecode: Go's own typed decode
// of Kubernetes objects), built by the ctest test "oracle: build the Go
// decode oracle" into the build directory. Tests only.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "kinject/yaml/reader.h"

namespace kinject::test {

// The oracle's path, or nullopt after the line ctest turns into "skipped".
inline std::optional<std::string> oracle_binary() {
  const std::string path = KINJECT_ORACLE;
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && (st.st_mode & S_IXUSR)) return path;
  fmt::print("kinject-skip: needs the Go decode oracle at {} (built by the ctest test \"oracle:build_k8sdecode\"; "
             "it needs Go 1.26+ and the modules of test/oracle/k8sdecode/go.mod)\n",
             path);
  std::fflush(stdout);
  return std::nullopt;
}

// `k8sdecode ARGS < input`: its standard output.
inline std::string run_oracle(const std::string& oracle, const std::string& args, const std::string& input = "") {
  std::string base = fmt::format("/tmp/kinject-oracle-{}-{}", ::getpid(), std::rand());
  std::ofstream(base + ".in", std::ios::binary) << input;
  int rc = std::system(fmt::format("'{}' {} < '{}.in' > '{}.out'", oracle, args, base, base).c_str());
  std::ifstream f(base + ".out", std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  std::remove((base + ".in").c_str());
  std::remove((base + ".out").c_str());
  REQUIRE(rc == 0);
  return s.str();
}

// Its JSON lines, each read as a value.
inline std::vector<Node> oracle_lines(const std::string& out) {
  std::vector<Node> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(parse_yaml(line, "oracle"));
  return lines;
}

// Documents framed for `k8sdecode decode`: each as "<bytes>\n<text>".
inline void frame(std::string& out, std::string_view doc) {
  out += fmt::format("{}\n", doc.size());
  out += doc;
}

}  // namespace kinject::test
