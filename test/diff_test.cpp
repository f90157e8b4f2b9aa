#include "kinject/pipeline/diff.h"

#include <catch2/catch.hpp>

using namespace kinject;

TEST_CASE("unified diffs read like diff -u", "[diff]") {
  CHECK(unified_diff("a\nb\n", "a\nb\n", "f.yaml").empty());
  CHECK(unified_diff("a\nb\nc\n", "a\nb\nx\nc\n", "f.yaml") ==
        "--- a/f.yaml\n+++ b/f.yaml\n@@ -1,3 +1,4 @@\n a\n b\n+x\n c\n");
  CHECK(unified_diff("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n", "f", 1) ==
        "--- a/f\n+++ b/f\n@@ -4,3 +4,3 @@\n 4\n-5\n+five\n 6\n");
  CHECK(unified_diff("a", "a\nb", "f") == "--- a/f\n+++ b/f\n@@ -1,1 +1,2 @@\n-a\n\\ No newline at end of file\n+a\n+b\n\\ No newline at end of file\n");
  CHECK(unified_diff("", "x\n", "f") == "--- a/f\n+++ b/f\n@@ -0,0 +1,1 @@\n+x\n");
}

TEST_CASE("documents are diffed one by one with file line numbers", "[diff]") {
  std::vector<TextPart> parts = {{"x: 0\na: 1\n", "x: 0\na: 1\n"}, {"---\nb: 2\n", "---\nb: 2\nc: 3\n"}};
  CHECK(unified_diff(parts, "f", 1) == "--- a/f\n+++ b/f\n@@ -4,1 +4,2 @@\n b: 2\n+c: 3\n");
}

// Regression: hunks stopped at the end of their document, without the
// context that follows it, so `patch` refused the diff ("Hunk #1 FAILED")
// when a change ended at a document boundary. A hunk takes its context from
// the neighbouring documents, and nearby changes in two documents share one.
TEST_CASE("diff: hunks take their context across document boundaries (regression)", "[diff]") {
  std::vector<TextPart> parts = {{"a: 1\nb: 2\n", "a: 1\nb: 2\nc: 3\n"}, {"---\nd: 4\n", "---\nd: 5\n"}, {"---\ne: 6\n", "---\ne: 6\n"}};
  CHECK(unified_diff(parts, "f") ==
        "--- a/f\n+++ b/f\n@@ -1,6 +1,7 @@\n a: 1\n b: 2\n+c: 3\n ---\n-d: 4\n+d: 5\n ---\n e: 6\n");
  // Concatenated JSON texts on one line are one line for the diff.
  std::vector<TextPart> json = {{"{\"a\":1}", "{\"a\":2}"}, {"{\"b\":1}\n", "{\"b\":1}\n"}};
  CHECK(unified_diff(json, "f") == "--- a/f\n+++ b/f\n@@ -1,1 +1,1 @@\n-{\"a\":1}{\"b\":1}\n+{\"a\":2}{\"b\":1}\n");
}
