// The 402 cases of the official YAML test suite (../shared/corpus/
// yaml-test-suite) through the whole inject pipeline: nothing crashes or
// hangs; a valid case passes through byte for byte or is refused with a
// located error; an error case is refused. Where kinject and the suite
// disagree the cause is yaml-cpp (docs/robustness.md lists each case);
// the counts are ratchets.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "kinject/pipeline.h"
#include "support.h"

using namespace kinject;
using namespace kinject::test;

TEST_CASE("yaml-test-suite: every case passes through unchanged or is refused with its place", "[yaml-test-suite]") {
  RealDisk disk;
  const std::string root = KINJECT_SHARED_DIR "/corpus/yaml-test-suite";
  std::vector<std::string> ids = disk.list(root);
  std::sort(ids.begin(), ids.end());
  REQUIRE(ids.size() == 402);
  long valid_unchanged = 0, valid_refused = 0, error_refused = 0, error_accepted = 0;
  std::vector<std::string> refused_valid, accepted_errors;
  for (const auto& id : ids) {
    INFO(id);
    const std::string dir = root + "/" + id;
    const bool must_fail = disk.stat(dir + "/error") == PathKind::File;
    const std::string input = slurp(dir + "/in.yaml");
    Options o;
    o.report = ReportFormat::None;
    std::istringstream in(input);
    std::ostringstream out, err;
    int rc = run_inject(o, disk, in, out, err, no_env());
    if (rc == 0) {
      // Nothing here is a workload: what is accepted comes out as it came in.
      CHECK(out.str() == input);
      if (must_fail) ++error_accepted, accepted_errors.push_back(id);
      else ++valid_unchanged;
    } else {
      CHECK(rc == 1);
      CHECK(out.str().empty());
      // A refusal says where: "- (document N):LINE:COL: ...".
      CHECK_THAT(err.str(), Catch::Matches("kinject: error: - \\(document \\d+\\):\\d+:\\d+: [^\\n]+\\n"));
      if (must_fail) ++error_refused;
      else ++valid_refused, refused_valid.push_back(id);
    }
  }
  fmt::print("yaml-test-suite: {} valid cases passed through unchanged, {} refused ({}); {} error cases refused, "
             "{} accepted ({})\n",
             valid_unchanged, valid_refused, fmt::join(refused_valid, " "), error_refused, error_accepted,
             fmt::join(accepted_errors, " "));
  auto want = ratchets();
  CHECK(valid_unchanged >= want["yaml-test-suite-valid-unchanged"]);
  CHECK(error_refused >= want["yaml-test-suite-errors-refused"]);
}
