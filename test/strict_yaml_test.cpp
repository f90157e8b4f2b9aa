#include "kinject/yaml/strict_yaml.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "kinject/base/error.h"
#include "kinject/yaml/reader.h"
#include "support.h"

using namespace kinject;
using namespace kinject::test;

TEST_CASE("strict_yaml: reads what the reader reads, value for value", "[strict_yaml]") {
  const char* texts[] = {
      "a: 1\nb: two\nc: 'three'\nd: \"four\\n\"\n",
      "---\n# comment\nkey: value # trailing\nempty:\nnothing: ~\n...\n",
      "list:\n- a\n- b: 1\n  c: 2\n-\n- - nested\n  - more\n",
      "flow: [a, \"b\", 'c', {d: 1, \"e\": [2, 3]}, []]\nmap: {}\n",
      "block: |\n  line one\n\n  line three\nfolded: >\n  a\n  b\nkeep: |+\n  y\n\nlast: 1\n",
      "ints: [1, 0x1F, 0o17, 0400, -5, 1_000]\nbools: [yes, No, true, off]\nfloats: [1.5, .inf, -.Inf, .nan, 1e3]\n",
      "tagged: !!str 80\nint: !!int \"3\"\nlocal: !thing x\nbin: !!binary aGk=\n",
      "a: &x {b: 1}\nc: *x\nd:\n  <<: *x\n  e: 2\n",
      "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"data\": {\"k\": \"v\"}}\n",
      "plain scalar document\n",
      "",
      "# only a comment\n",
      "multi\n  line\n   plain\n",
  };
  for (const char* text : texts) {
    INFO(text);
    Node strict = read_strict_yaml(text, "t.yaml");
    auto docs = read_all(text, "t.yaml");
    Node want = docs.empty() ? Node() : docs[0].root;
    INFO(difference(want, strict));
    CHECK(strict.same_value(want));
  }
}

// Regression: the writer put `[]` on its own line at its key's indentation;
// the fast reader accepted it, so the read-back that checked the edit did
// too. kubectl's parser refuses it, and so does this one.
TEST_CASE("strict_yaml: refuses the invalid YAML the fast reader let through (regression)", "[strict_yaml]") {
  CHECK_THROWS_WITH(read_strict_yaml("spec:\n  containers:\n  []\n  volumes: []\n", "out.yaml"),
                    Catch::StartsWith("out.yaml:") && Catch::Contains("invalid YAML (libyaml)"));
}

TEST_CASE("strict_yaml: a repeated key, a second document and unknown aliases are errors with their place", "[strict_yaml]") {
  CHECK_THROWS_WITH(read_strict_yaml("a: 1\nb:\n  c: 2\n  c: 3\n", "t"),
                    Catch::StartsWith("t:4:3: key \"c\" appears more than once"));
  CHECK_THROWS_WITH(read_strict_yaml("- name: a\n  name: b\n", "t"), Catch::Contains("key \"name\""));
  CHECK_THROWS_WITH(read_strict_yaml("a: 1\n---\nb: 2\n", "t"), Catch::Contains("more than one YAML document"));
  CHECK_THROWS_WITH(read_strict_yaml("a: *nowhere\n", "t"), Catch::Contains("refers to no anchor"));
  CHECK_THROWS_WITH(read_strict_yaml("a: [1, 2\n", "t"), Catch::Contains("invalid YAML (libyaml)"));
  // Merge keys and null keys are no repeats, as for the reader.
  CHECK_NOTHROW(read_strict_yaml("a: &a {x: 1}\nb: &b {y: 2}\nc:\n  <<: *a\n  <<: *b\n", "t"));
  CHECK_NOTHROW(read_strict_yaml("~: a\n~: b\n", "t"));
}

// A repeated key is found in a small mapping by searching it and in a big one
// by a set: both ways, wherever the repeat is.
TEST_CASE("strict_yaml: a key repeated in a mapping of any size is refused", "[strict_yaml]") {
  for (int size : {3, 15, 16, 17, 40}) {
    std::string text;
    for (int i = 0; i < size; ++i) text += fmt::format("k{}: {}\n", i, i);
    CAPTURE(size);
    CHECK_NOTHROW(read_strict_yaml(text + "<<: {x: 1}\n<<: {y: 2}\n~: a\n~: b\n", "t"));
    for (int again : {0, size / 2, size - 1})
      CHECK_THROWS_WITH(read_strict_yaml(text + fmt::format("k{}: again\n", again), "t"),
                        Catch::Contains(fmt::format("key \"k{}\" appears more than once", again)));
    CHECK_THROWS_WITH(read_strict_yaml(text + "z: 1\n\"z\": 2\n", "t"), Catch::Contains("key \"z\""));
  }
}
