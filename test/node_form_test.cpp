// node_form / load_node_form (include/kinject/yaml/node_form.h): a tree
// comes back field for field, and bytes the writer did not write are refused.
#include <catch2/catch.hpp>

#include "kinject/yaml/node_form.h"
#include "kinject/yaml/parse.h"
#include "kinject/yaml/reader.h"

using namespace kinject;

TEST_CASE("node form: every field of every node comes back", "[node_form]") {
  // Read with spans, anchors, aliases, merge keys, tags, every scalar kind
  // and style.
  const std::string text = R"(base: &b {x: 1, y: "two"}
m:
  <<: *b
  z: !!str 3
  f: 1.5e3
  o: 0o17
  h: 0x1F
  n: ~
  t: yes
  lit: |
    a
    b
  fold: >-
    c d
  s: 'single'
  seq: [a, -1, {k: v}]
  big: 123456789012
  neg: -7
)";
  std::vector<Document> docs = read_all(text, "t.yaml");
  REQUIRE(docs.size() == 1);
  const Node& root = docs[0].root;
  std::string form = node_form(root);
  std::optional<Node> back = load_node_form(form);
  REQUIRE(back);
  CHECK(back->same_value(root));
  CHECK(node_form(*back) == form);
  // Spans, anchors and tags are part of it: a node read from a document
  // keeps where it was.
  const Node* z = back->at_path("m.z");
  REQUIRE(z);
  CHECK(z->tag() == root.at_path("m.z")->tag());
  CHECK(z->has_span);
  CHECK(z->span.begin == root.at_path("m.z")->span.begin);
  CHECK(back->get("base")->anchor() == "b");
}

TEST_CASE("node form: bytes it did not write are refused", "[node_form]") {
  std::string form = node_form(parse_yaml("a: [1, {b: c}]\nd: e\n", "t"));
  for (std::size_t n = 0; n < form.size(); ++n) CHECK_FALSE(load_node_form(form.substr(0, n)));
  CHECK_FALSE(load_node_form(form + "x"));
  std::string other_version = form;
  other_version[0] = static_cast<char>(other_version[0] + 1);
  CHECK_FALSE(load_node_form(other_version));
  // Any single changed byte loads as some tree or is refused; none crashes.
  for (std::size_t i = 0; i < form.size(); ++i) {
    std::string changed = form;
    changed[i] = static_cast<char>(changed[i] ^ 0x41);
    (void)load_node_form(changed);
  }
}
