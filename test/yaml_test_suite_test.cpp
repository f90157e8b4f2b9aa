// The 402 cases of the official YAML test suite (corpus/yaml-test-suite
// of the reference data, test/support.h) through the whole inject pipeline: nothing crashes or
// hangs; a valid case passes through byte for byte or is refused with a
// located error; an error case is refused. Where kinject and the suite
// disagree the cause is yaml-cpp (docs/robustness.md lists each case);
// the counts are ratchets.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "kinject/pipeline/pipeline.h"
#include "support.h"

using namespace kinject;
using namespace kinject::test;

TEST_CASE("yaml-test-suite: every case passes through unchanged or is refused with its place", "[yaml-test-suite]") {
  auto suite = reference_part("corpus/yaml-test-suite");
  if (!suite) return;
  RealDisk disk;
  const std::string root = *suite;
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

namespace {

// One stream through the inject pipeline: its exit status, stdout, stderr.
struct Outcome {
  int rc;
  std::string out, err;
};
Outcome through_pipeline(const std::string& input) {
  RealDisk disk;
  Options o;
  o.report = ReportFormat::None;
  std::istringstream in(input);
  std::ostringstream out, err;
  int rc = run_inject(o, disk, in, out, err, no_env());
  return {rc, out.str(), err.str()};
}

}  // namespace

// The same contract on cases written for the repository, so that a clone
// without the reference data still holds it: each construct the suite's
// valid cases exercise passes through byte for byte, and each kind of
// error is refused with its place and nothing on stdout.
TEST_CASE("yaml: in-repository cases pass through unchanged or are refused with their place", "[yaml]") {
  const std::vector<std::string> valid = {
      "a: b\n",
      "- [a, b]\n- {c: d}\n",
      "? complex key\n: value\n",
      "anchor: &a x\nref: *a\n",
      "text: |\n  line\n   indented\n",
      "folded: >-\n  a\n  b\n\n  c\n",
      "keep: |+\n  x\n\n",
      "'single': 'it''s'\n",
      "\"double\": \"esc \\t \\u00e9 \\\" end\"\n",
      "%YAML 1.2\n---\na: 1\n...\n",
      "--- !!map\na: !!str 1\n",
      "# only a comment\n",
      "---\n---\n",
      "key:    # comment\n  - item\n",
      "multi: plain\n  continued\n",
      "nul: ~\nempty:\n",
      "[1, 2, 3]\n",
      "{a: 1, b: [x, y]}\n",
      "a: b # trailing\n# last line\n",
      "seq:\n- a\n-\n  - nested\n",
      "url: http://x/y#z\n",
      "a: 1\r\nb: 2\r\n",
      "\xEF\xBB\xBF" "a: bom\n",
      "no-final-newline: x",
      "{\"json\": [1, 2.5, true, null, \"s\"]}\n",
  };
  for (const auto& input : valid) {
    INFO(input);
    auto r = through_pipeline(input);
    CHECK(r.rc == 0);
    CHECK(r.out == input);
  }
  const std::vector<std::string> invalid = {
      "a: b: c\n",
      "a: [b\n",
      "key: 'unterminated\n",
      "- a\nb: c\n",
      "a:\n  - b\n c: d\n",
      "a: *undefined\n",
      "a: \"\\q\"\n",
      "{a: 1\n",
      "--- a\nb: c\n",
      "a: |\n  x\n y\n",
      "[a, b]]\n",
      "key: value\n\tbad: tab\n",
  };
  for (const auto& input : invalid) {
    INFO(input);
    auto r = through_pipeline(input);
    CHECK(r.rc == 1);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Matches("kinject: error: - \\(document \\d+\\):\\d+:\\d+: [^\\n]+\\n"));
  }
}
