// Golden tests: every input under test/golden/ is injected with the built-in
// profile of Istio 1.24 (--istio-version 1.24: the expectations were read
// against that release, and what they test is the workload kinds and the
// writer, not a release; test/profiles_test.cpp has the releases); stdout
// must equal NAME.out and the report NAME.report, byte for byte. They cover
// each workload kind and the writer's fidelity cases.
//
// After a deliberate change, refresh the expected files with
//   KINJECT_REFRESH_GOLDEN=1 build/kinject_tests "[golden]"
// and review `git diff test/golden` line by line before committing: an
// expected output is only as good as the reading it got.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "support.h"

#include "kinject/pipeline/pipeline.h"

using namespace kinject;
using namespace kinject::test;

namespace {

const std::string kDir = KINJECT_SOURCE_DIR "/test/golden";

bool is_input(const std::string& name) {
  auto ends = [&](std::string_view s) { return name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0; };
  return ends(".yaml") || ends(".json");
}

}  // namespace

TEST_CASE("golden outputs of every workload kind and fidelity case", "[golden]") {
  RealDisk disk;
  auto names = disk.list(kDir);
  std::sort(names.begin(), names.end());
  bool refresh = std::getenv("KINJECT_REFRESH_GOLDEN") != nullptr;
  int cases = 0;
  for (const auto& name : names) {
    if (!is_input(name)) continue;
    ++cases;
    SECTION(name) {
      Options o;
      o.inputs = {kDir + "/" + name};
      o.config.istio_version = "1.24";
      std::istringstream in;
      std::ostringstream out, err;
      EnvLookup env = [](std::string_view) -> std::optional<std::string> { return std::nullopt; };
      int rc = run_inject(o, disk, in, out, err, env);
      // Reports name the file; keep the expectation independent of where the tree is.
      std::string report = err.str();
      for (std::size_t p; (p = report.find(kDir + "/")) != std::string::npos;) report.erase(p, kDir.size() + 1);
      report = "exit " + std::to_string(rc) + "\n" + report;
      std::string out_path = kDir + "/" + name + ".out", report_path = kDir + "/" + name + ".report";
      if (refresh) {
        std::ofstream(out_path, std::ios::binary) << out.str();
        std::ofstream(report_path, std::ios::binary) << report;
      }
      CHECK(out.str() == slurp(out_path));
      CHECK(report == slurp(report_path));
    }
  }
  CHECK(cases >= 25);
}
