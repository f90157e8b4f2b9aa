#include "kinject/yaml/verify_yaml.h"

#include <sstream>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "kinject/base/error.h"
#include "kinject/yaml/reader.h"
#include "kinject/yaml/stream.h"
#include "kinject/yaml/strict_yaml.h"
#include "support.h"

using namespace kinject;
using namespace kinject::test;

namespace {

// The value the strict reader (libyaml, as a tree) reads: what the verifier
// must accept, and against which a changed value must be refused.
Node strict(std::string_view text) { return read_strict_yaml(text, "t"); }

Node with(Node n, std::string_view dotted, Node value) {
  *n.at_path(dotted) = std::move(value);
  return n;
}

}  // namespace

TEST_CASE("verify_yaml: accepts a text that reads as the tree, key order aside", "[verify_yaml]") {
  // (The strict reader's own cases, strict_yaml_test.cpp, are the
  // verifier's over the corpus below; these are the ones it builds for.)
  const char* texts[] = {
      "a: 1\nb: two\nc: 'three'\nd: \"four\\n\"\n",
      "ints: [1, 0x1F, 0o17, 0400, -5, 1_000]\nbools: [yes, No, true, off]\nfloats: [1.5, .inf, -.Inf, .nan, 1e3]\n",
      "tagged: !!str 80\nint: !!int \"3\"\nlocal: !thing x\nbin: !!binary aGk=\n",
      "a: &x {b: 1}\nc: *x\nd:\n  <<: *x\n  e: 2\n",
      "a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc:\n  <<: [*a, *b]\n  x: 0\n",
      "c:\n  <<: {p: 1, q: 2}\n  q: 3\n",
      "? [a, b]\n: collection key\n{c: 1}: flow map key\n",
      "plain scalar document\n",
      "",
      "~: a\n~: b\n",
  };
  for (const char* text : texts) {
    INFO(text);
    Node want = strict(text);
    CHECK_NOTHROW(verify_text_is(text, want, "t"));
  }
  // The same mapping in another order.
  CHECK_NOTHROW(verify_text_is("b: 2\na: 1\nc: {y: 2, x: 1}\n", parse_yaml("a: 1\nc: {x: 1, y: 2}\nb: 2\n", "w"), "t"));
}

TEST_CASE("verify_yaml: a scalar that differs is caught where it stands", "[verify_yaml]") {
  Node want = strict("a: 1\nb:\n  c: [p, q]\n  d: 2\n");
  CHECK_THROWS_WITH(verify_text_is("a: 1\nb:\n  c: [p, r]\n  d: 2\n", want, "t"),
                    Catch::StartsWith("t:3:10:") && Catch::Contains("a string \"r\"") && Catch::Contains("a string \"q\""));
  // Its type too: "2" is not 2, `y` is YAML 1.1's true.
  CHECK_THROWS_WITH(verify_text_is("a: 1\nb:\n  c: [p, q]\n  d: \"2\"\n", want, "t"), Catch::StartsWith("t:4:6:"));
  CHECK_THROWS_WITH(verify_text_is("a: 1\nb:\n  c: [p, y]\n  d: 2\n", want, "t"),
                    Catch::StartsWith("t:3:10:") && Catch::Contains("a boolean \"y\""));
  // A list where a scalar was meant.
  CHECK_THROWS_WITH(verify_text_is("a: []\nb:\n  c: [p, q]\n  d: 2\n", want, "t"), Catch::StartsWith("t:1:4:"));
}

TEST_CASE("verify_yaml: a key too many or too few is caught", "[verify_yaml]") {
  Node want = strict("a: 1\nb:\n  c: 1\n  d: 2\n");
  CHECK_THROWS_WITH(verify_text_is("a: 1\nb:\n  c: 1\n  e: 2\n", want, "t"),
                    Catch::StartsWith("t:4:3:") && Catch::Contains("key a string \"e\""));
  // A missing key: the mapping that lacks it.
  CHECK_THROWS_WITH(verify_text_is("a: 1\nb:\n  c: 1\n", want, "t"),
                    Catch::StartsWith("t:3:3:") && Catch::Contains("lacks key a string \"d\""));
  // An item too many, an item too few.
  Node list = strict("l: [1, 2]\n");
  CHECK_THROWS_WITH(verify_text_is("l: [1, 2, 3]\n", list, "t"), Catch::StartsWith("t:1:11:"));
  CHECK_THROWS_WITH(verify_text_is("l: [1]\n", list, "t"), Catch::StartsWith("t:1:") && Catch::Contains("ends after 1 items"));
}

TEST_CASE("verify_yaml: an alias reads as its anchor's value", "[verify_yaml]") {
  const char* text = "a: &x [1, 2]\nb: *x\n";
  Node want = strict(text);
  CHECK_NOTHROW(verify_text_is(text, want, "t"));
  CHECK_THROWS_WITH(verify_text_is(text, with(want, "b", parse_yaml("[1, 3]", "w")), "t"),
                    Catch::StartsWith("t:2:4:") && Catch::Contains("a list"));
  CHECK_THROWS_WITH(verify_text_is("a: *nowhere\n", want, "t"), Catch::Contains("refers to no anchor"));
}

TEST_CASE("verify_yaml: merge keys are applied, the mapping's own keys first", "[verify_yaml]") {
  const char* text = "base: &b {x: 1, y: 1}\nm:\n  <<: *b\n  y: 2\n";
  Node want = strict(text);
  REQUIRE(want.at_path("m.y")->i == 2);
  CHECK_NOTHROW(verify_text_is(text, want, "t"));
  // What the merge brings in differs: caught at the mapping it merges into.
  CHECK_THROWS_WITH(verify_text_is(text, with(want, "m.x", Node::integer(5)), "t"),
                    Catch::StartsWith("t:3:3:") && Catch::Contains("merge key brings in key a string \"x\""));
  // The own key's value wins over the merged one.
  CHECK_THROWS_WITH(verify_text_is(text, with(want, "m.y", Node::integer(1)), "t"), Catch::StartsWith("t:4:6:"));
  // A key the merge brings in that was not meant.
  Node fewer = want;
  fewer.at_path("m")->erase("x");
  CHECK_THROWS_WITH(verify_text_is(text, fewer, "t"), Catch::StartsWith("t:3:3:"));
  // A merged key that was meant but the text does not bring in.
  Node more = want;
  more.at_path("m")->set("z", Node::integer(3));
  CHECK_THROWS_WITH(verify_text_is(text, more, "t"), Catch::StartsWith("t:3:3:") && Catch::Contains("lacks key a string \"z\""));
}

TEST_CASE("verify_yaml: a repeated key, a second document and invalid YAML are errors with their place", "[verify_yaml]") {
  Node want = strict("a: 1\nb:\n  c: 2\n");
  CHECK_THROWS_WITH(verify_text_is("a: 1\nb:\n  c: 2\n  c: 2\n", want, "t"),
                    Catch::StartsWith("t:4:3: key \"c\" appears more than once"));
  CHECK_THROWS_WITH(verify_text_is("a: 1\nb:\n  c: 2\n---\na: 1\n", want, "t"),
                    Catch::StartsWith("t:4:1:") && Catch::Contains("more than one YAML document"));
  CHECK_THROWS_WITH(verify_text_is("a: 1\nb:\n  c: 2\n d: 3\n", want, "t"),
                    Catch::StartsWith("t:4:") && Catch::Contains("invalid YAML (libyaml)"));
  CHECK_THROWS_WITH(verify_text_is("spec:\n  containers:\n  []\n", strict("spec: {containers: []}"), "t"),
                    Catch::Contains("invalid YAML (libyaml)"));
  // A repeated key in a big mapping (searched by a set) too.
  std::string big;
  for (int i = 0; i < 40; ++i) big += fmt::format("k{}: {}\n", i, i);
  Node big_want = strict(big);
  CHECK_NOTHROW(verify_text_is(big, big_want, "t"));
  CHECK_THROWS_WITH(verify_text_is(big + "k3: 3\n", big_want, "t"), Catch::StartsWith("t:41:1: key \"k3\" appears more than once"));
  // Nothing where something was meant, something where nothing was.
  CHECK_THROWS_WITH(verify_text_is("# nothing\n", want, "t"), Catch::Contains("holds no document"));
  CHECK_NOTHROW(verify_text_is("", Node(), "t"));
  CHECK_THROWS(verify_text_is("a: 1\n", Node(), "t"));
}

TEST_CASE("verify_yaml: a VerifiedText holds only a text that reads as its value", "[verify_yaml]") {
  Node want = strict("a: 1\n");
  VerifiedText v = VerifiedText::of("a: 1 # one\n", want, "t");
  CHECK(v.text() == "a: 1 # one\n");
  CHECK(&v.value() == &want);
  CHECK_THROWS(VerifiedText::of("a: 2\n", want, "t"));
}

// The verifier against the strict reader over the corpus: every document the
// strict reader reads is accepted as its own value, refused once one scalar
// of that value changes, and every document it refuses is refused too.
TEST_CASE("corpus: verify_yaml agrees with the strict reader on every corpus document", "[verify_yaml][corpus]") {
  auto root = reference_part("corpus/real");
  if (!root) return;
  RealDisk disk;
  std::size_t accepted = 0, refused = 0, mutated = 0;
  for (const auto& file : manifest_files(disk, *root)) {
    std::istringstream in(slurp(file));
    std::vector<RawDocument> raws;
    try {
      DocumentStream stream(in, file);
      while (auto raw = stream.next()) raws.push_back(std::move(*raw));
    } catch (const Error&) {
      continue;
    }
    for (const auto& raw : raws) {
      INFO(file << " document " << raw.index);
      std::optional<Node> want;
      try {
        want = read_strict_yaml(raw.text, "t");
      } catch (const Error&) {
      }
      if (!want) {
        CHECK_THROWS(verify_text_is(raw.text, Node(), "t"));
        ++refused;
        continue;
      }
      CHECK_NOTHROW(verify_text_is(raw.text, *want, "t"));
      ++accepted;
      // The first string scalar found, changed.
      Node changed = *want;
      Node* n = &changed;
      while (n && !n->is_string()) {
        Node* next = nullptr;
        if (n->is_map() && !n->entries.empty()) next = &n->entries.back().value;
        else if (n->is_seq() && !n->items.empty()) next = &n->items.back();
        n = next;
      }
      if (n) {
        n->text += "-changed";
        CHECK_THROWS(verify_text_is(raw.text, changed, "t"));
        ++mutated;
      }
    }
  }
  INFO(fmt::format("{} accepted, {} refused, {} changed and refused", accepted, refused, mutated));
  CHECK(accepted > 1000);
  CHECK(mutated > 1000);
}
