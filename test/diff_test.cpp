#include "kinject/diff.h"

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
  std::vector<TextPart> parts = {{"a: 1\n", "a: 1\n"}, {"---\nb: 2\n", "---\nb: 2\nc: 3\n"}};
  CHECK(unified_diff(parts, "f") == "--- a/f\n+++ b/f\n@@ -2,2 +2,3 @@\n ---\n b: 2\n+c: 3\n");
}
