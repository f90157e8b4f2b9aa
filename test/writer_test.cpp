#include "kinject/yaml/writer.h"

#include <functional>
#include <span>
#include <string_view>

#include <catch2/catch.hpp>

#include "kinject/k8s/strategic_merge.h"
#include "kinject/yaml/reader.h"
#include "kinject/yaml/strict_yaml.h"

using namespace kinject;

namespace {

// Reads `text`, lets `change` edit the tree, writes it back. Whatever the
// writer writes must read back as the new tree with kubectl's parser
// (libyaml, strict_yaml.h), not only with kinject's own.
// `item_keys`: the list keys the writer pairs items by (write.h), the k8s
// layer's unless a test says otherwise.
WriteResult edit(const std::string& text, const std::function<void(Node&)>& change,
                 std::span<const std::string_view> item_keys = list_item_keys()) {
  auto docs = read_all(text, "t.yaml");
  REQUIRE(docs.size() == 1);
  Node root = docs[0].root;
  change(root);
  WriteResult r = write_document(docs[0], root, item_keys);
  INFO(r.text);
  CHECK(read_strict_yaml(r.text, "written").same_value(root));
  return r;
}

Node container(const std::string& name) {
  Node c = Node::map();
  c.set("name", Node::string(name));
  c.set("image", Node::string("proxy:1"));
  return c;
}

}  // namespace

TEST_CASE("an unchanged document is written byte for byte", "[writer]") {
  const std::string text = "# top\napiVersion: v1   # odd spacing\nkind:   Pod\nmetadata: {name: x}\n...\n";
  auto r = edit(text, [](Node&) {});
  CHECK(r.text == text);
  CHECK_FALSE(r.changed);
}

TEST_CASE("a new key lands after its neighbour, everything else untouched", "[writer]") {
  const std::string text =
      "metadata:\n"
      "  labels:\n"
      "    app: web   # the app\n"
      "    flag: \"true\"\n"
      "    version: '1.10'\n"
      "  # trailing comment\n"
      "spec:\n"
      "  mode: 0400\n"
      "  enabled: yes\n"
      "  nothing: ~\n"
      "  script: |\n"
      "    echo hi\n";
  auto r = edit(text, [](Node& root) { root.at_path("metadata.labels")->set("security.istio.io/tlsMode", Node::string("istio")); });
  CHECK(r.text ==
        "metadata:\n"
        "  labels:\n"
        "    app: web   # the app\n"
        "    flag: \"true\"\n"
        "    version: '1.10'\n"
        "    security.istio.io/tlsMode: istio\n"
        "  # trailing comment\n"
        "spec:\n"
        "  mode: 0400\n"
        "  enabled: yes\n"
        "  nothing: ~\n"
        "  script: |\n"
        "    echo hi\n");
}

TEST_CASE("new content follows the document's indentation and list style", "[writer]") {
  SECTION("four spaces, indented lists") {
    const std::string text = "spec:\n    containers:\n        -   name: app\n            image: a\n";
    auto r = edit(text, [](Node& root) { root.at_path("spec.containers")->items.push_back(container("istio-proxy")); });
    CHECK(r.text == "spec:\n    containers:\n        -   name: app\n            image: a\n        -   name: istio-proxy\n            image: proxy:1\n");
  }
  SECTION("two spaces, indentless lists") {
    const std::string text = "spec:\n  containers:\n  - name: app\n    image: a\n  volumes:\n  - name: v\n";
    auto r = edit(text, [](Node& root) {
      Node s = Node::seq();
      s.items.push_back(container("istio-init"));
      root.get("spec")->set("initContainers", s);
    });
    CHECK(r.text ==
          "spec:\n  containers:\n  - name: app\n    image: a\n  volumes:\n  - name: v\n  initContainers:\n  - name: istio-init\n    image: proxy:1\n");
  }
}

TEST_CASE("items inserted before the first keep their own lines", "[writer]") {
  const std::string text = "volumes:\n  - name: user\n    emptyDir: {}\n";
  auto r = edit(text, [](Node& root) {
    Node v = Node::map();
    v.set("name", Node::string("istio-envoy"));
    root.get("volumes")->items.insert(root.get("volumes")->items.begin(), v);
  });
  CHECK(r.text == "volumes:\n  - name: istio-envoy\n  - name: user\n    emptyDir: {}\n");
}

TEST_CASE("a replaced key keeps its place", "[writer]") {
  const std::string text = "probe:\n  tcpSocket:\n    port: 80\n  periodSeconds: 5\n";
  auto r = edit(text, [](Node& root) {
    Node& p = *root.get("probe");
    Node http = Node::map();
    http.set("path", Node::string("/app-health/x/readyz"));
    http.set("port", Node::integer(15020));
    p.entries.front().key = Node::string("httpGet");
    p.entries.front().value = http;
  });
  CHECK(r.text == "probe:\n  httpGet:\n    path: /app-health/x/readyz\n    port: 15020\n  periodSeconds: 5\n");
}

TEST_CASE("nothing changes through an alias", "[writer]") {
  SECTION("the changed node is an alias: it is expanded, the anchor stays") {
    const std::string text =
        "metadata:\n  labels: &labels\n    app: web\nspec:\n  selector:\n    matchLabels: *labels\n  template:\n"
        "    metadata:\n      labels: *labels\n";
    auto r = edit(text, [](Node& root) { root.at_path("spec.template.metadata.labels")->set("extra", Node::string("x")); });
    auto back = read_all(r.text, "t.yaml")[0].root;
    CHECK(back.at_path("spec.selector.matchLabels")->size() == 1);
    CHECK(back.at_path("metadata.labels")->size() == 1);
    CHECK(back.at_path("spec.template.metadata.labels")->get("extra"));
  }
  SECTION("the changed node is the anchor: its aliases keep the old value") {
    const std::string text = "template:\n  labels: &l\n    app: web\nselector:\n  matchLabels: *l\n";
    auto r = edit(text, [](Node& root) { root.at_path("template.labels")->set("extra", Node::string("x")); });
    auto back = read_all(r.text, "t.yaml")[0].root;
    CHECK(back.at_path("template.labels")->get("extra"));
    CHECK(back.at_path("selector.matchLabels")->size() == 1);
  }
}

TEST_CASE("flow and JSON documents get flow and JSON content", "[writer]") {
  SECTION("YAML flow, multi-line") {
    const std::string text = "{\n  kind: Pod,\n  metadata: {\n    name: x,\n  },\n}\n";
    auto r = edit(text, [](Node& root) { root.get("metadata")->set("labels", Node::map()); });
    CHECK(r.text == "{\n  kind: Pod,\n  metadata: {\n    name: x,\n    labels: {},\n  },\n}\n");
  }
  SECTION("JSON, pretty") {
    const std::string text = "{\n    \"kind\": \"Pod\",\n    \"spec\": {\n        \"containers\": []\n    }\n}\n";
    auto r = edit(text, [](Node& root) { root.at_path("spec.containers")->items.push_back(container("c")); });
    CHECK(r.text ==
          "{\n    \"kind\": \"Pod\",\n    \"spec\": {\n        \"containers\": [\n            {\n                \"name\": \"c\",\n"
          "                \"image\": \"proxy:1\"\n            }\n        ]\n    }\n}\n");
    CHECK_FALSE(r.reformatted);
  }
}

TEST_CASE("CRLF documents get CRLF lines", "[writer]") {
  auto r = edit("a:\r\n  b: 1\r\n", [](Node& root) { root.get("a")->set("c", Node::integer(2)); });
  CHECK(r.text == "a:\r\n  b: 1\r\n  c: 2\r\n");
}

TEST_CASE("a multi-line string at the end of a file without a final newline keeps its meaning", "[writer]") {
  auto r = edit("env:\n- name: A\n  value: x", [](Node& root) {
    Node e = Node::map();
    e.set("name", Node::string("B"));
    e.set("value", Node::string("{}\n"));
    root.get("env")->items.push_back(e);
  });
  auto back = read_all(r.text, "t.yaml")[0].root;
  CHECK(back.get("env")->items[1].get("value")->text == "{}\n");
}

TEST_CASE("entries and items can be removed", "[writer]") {
  const std::string text = "a: 1\nb: 2  # gone\nc:\n- x\n- y\n- z\n";
  auto r = edit(text, [](Node& root) {
    root.erase("b");
    auto& items = root.get("c")->items;
    items.erase(items.begin() + 1);
  });
  CHECK(r.text == "a: 1\nc:\n- x\n- z\n");
}

TEST_CASE("scalars are quoted only when they must be", "[writer]") {
  CHECK(yaml_scalar(Node::string("istio")) == "istio");
  CHECK(yaml_scalar(Node::string("true")) == "\"true\"");
  CHECK(yaml_scalar(Node::string("15020")) == "\"15020\"");
  CHECK(yaml_scalar(Node::string("0400")) == "\"0400\"");
  CHECK(yaml_scalar(Node::string("yes")) == "\"yes\"");
  CHECK(yaml_scalar(Node::string("1:20")) == "\"1:20\"");
  CHECK(yaml_scalar(Node::string("*")) == "\"*\"");
  CHECK(yaml_scalar(Node::string("")) == "\"\"");
  CHECK(yaml_scalar(Node::string("--domain")) == "--domain");
  CHECK(yaml_scalar(Node::string("a: b")) == "\"a: b\"");
  CHECK(yaml_scalar(Node::string("{\"a\":1}")) == "'{\"a\":1}'");
  CHECK(yaml_scalar(Node::string("x,y"), true) == "\"x,y\"");
  CHECK(yaml_scalar(Node::integer(80)) == "80");
  CHECK(yaml_scalar(Node::plain("0400")) == "0400");
}

TEST_CASE("JSON output is kubectl-style", "[writer]") {
  Node m = Node::map();
  m.set("a", Node::integer(1));
  Node s = Node::seq();
  s.items.push_back(Node::string("x\"y"));
  m.set("b", s);
  CHECK(emit_json(m, 4) == "{\n    \"a\": 1,\n    \"b\": [\n        \"x\\\"y\"\n    ]\n}");
  CHECK(emit_json(m, 0) == "{\"a\":1,\"b\":[\"x\\\"y\"]}");
  CHECK(emit_json(Node::plain("0400"), 0) == "256");
}

// ---- fuzz findings (fuzz/reader_writer_fuzz.cpp): each edit must read back
// as exactly the edited tree, whether made in place or by re-emitting the
// document's content whole.

namespace {

// Writes `text` after `change` and checks that the result reads back as the
// edited tree.
std::string round_trip(const std::string& text, const std::function<void(Node&)>& change) {
  auto docs = read_all(text, "t.yaml");
  REQUIRE(docs.size() == 1);
  Node root = docs[0].root;
  change(root);
  WriteResult r = write_document(docs[0], root, list_item_keys());
  auto back = read_all(r.text, "back.yaml");
  REQUIRE(back.size() == 1);
  CHECK(back[0].root.same_value(root));
  return r.text;
}

void swap_first_two(Node& seq) { std::swap(seq.items[0], seq.items[1]); }

}  // namespace

// A document with a list or a map as a key is refused for editing: kubectl
// cannot read it ("invalid map key"), and such edits kept turning up writer
// bugs under fuzzing (the cases below were found that way). The emitter
// still writes such a key, for -o json and the like.
void refused_for_editing(const std::string& text, const std::function<void(Node&)>& change) {
  auto docs = read_all(text, "t.yaml");
  REQUIRE(docs.size() == 1);
  Node root = docs[0].root;
  change(root);
  CHECK_THROWS_WITH(write_document(docs[0], root, list_item_keys()), Catch::Contains("a list or a map is used as a mapping key here") &&
                                                       Catch::Contains("kubectl cannot read such a document"));
}

TEST_CASE("writer: a document with a list or a map as a key is refused for editing, with the key's place (fuzz finding)", "[writer]") {
  // `? [a, 1_---]` and another sequence key under a root map: the edit did
  // not read back (reader_writer_fuzz, after the lone-CR fix).
  refused_for_editing("---\n?\n- a\n- 1_---\n?\n- a\n- 1_0000 c\n- :N",
                      [](Node& root) { root.child_map("metadata").child_map("labels").set("k", Node::integer(15090)); });
  auto docs = read_all("a: 1\nb:\n  ? [x]\n  : y\n", "t.yaml");
  Node root = docs[0].root;
  root.set("a", Node::integer(2));
  CHECK_THROWS_WITH(write_document(docs[0], root, list_item_keys()), Catch::StartsWith("t.yaml (document 1):3:5: "));
  // Unchanged, it is written back as it was.
  CHECK(write_document(docs[0], docs[0].root, list_item_keys()).text == "a: 1\nb:\n  ? [x]\n  : y\n");
}

TEST_CASE("writer: a collection as a map key is written as a flow key (fuzz finding)", "[writer]") {
  // Re-emitted block YAML used to write the key [d, e] as nothing at all.
  refused_for_editing("{a: [b, c], [d, e]: f}\n", [](Node& root) { swap_first_two(root.entries[0].value); });
  CHECK(emit_yaml(read_all("? [d, {x: 1}]\n: f\n", "t.yaml")[0].root) == "[d, {x: 1}]: f");
}

TEST_CASE("writer: a whole Float in a JSON-style document stays a Float (fuzz finding)", "[writer]") {
  // 007289 is the Float 7289 under YAML 1.1; written back as `7289` it read
  // back as an Int.
  auto text = round_trip(" [na5, 0.63, 007289]\n", swap_first_two);
  CHECK(text.find("7289.0") != std::string::npos);
  // Output JSON is Go's: no decimal point there.
  CHECK(emit_json(Node::floating(7289), 0) == "7289");
}

TEST_CASE("writer: number, null and collection keys and .inf keep their types in a JSON-style document (fuzz finding)", "[writer]") {
  refused_for_editing("[ x, y, ? 63, {? [1]: z}, +.INF]\n", swap_first_two);
  round_trip("[ x, y, ? 63, {? 1: z}, +.INF]\n", swap_first_two);
  round_trip("[ : e, 66, .nan]\n", swap_first_two);
}

TEST_CASE("writer: a string holding '?' is quoted in flow context (fuzz finding)", "[writer]") {
  // yaml-cpp reads `[a? b]` as an explicit key and fails.
  CHECK(yaml_scalar(Node::string("a? b"), true) == "\"a? b\"");
  CHECK(yaml_scalar(Node::string("a? b"), false) == "a? b");
  refused_for_editing("? - Detroit? Tigers\n  - Chicago\n: x\n", [](Node& root) { root.set("k", Node::string("v")); });
}

TEST_CASE("writer: a block scalar ending a document without a final newline keeps its newline (fuzz finding)", "[writer]") {
  auto literal = [](Node& root) { root.set("labels", Node::string("two\nlines\n")); };
  // (Found as "labels:\x04909", where yaml-cpp took U+0004 for the end of
  // the input; the reader now refuses control characters.)
  round_trip("labels: 909", literal);
  round_trip("? 6.IN\\x", [](Node& root) { root.set("m", Node::string("a\nb\n")); });
  // A comment that ended the old content stays a comment.
  round_trip("? k\n: v # c", literal);
}

TEST_CASE("writer: re-emitted content that began past column 0 starts its own lines (fuzz finding)", "[writer]") {
  round_trip(" : |+\n", [](Node& root) { root.set("k", container("istio-proxy")); });
  round_trip("--- !!map {? a: b}\n", [](Node& root) { root.set("k", container("istio-proxy")); });
}

TEST_CASE("writer: re-emitting a document the reader could not vouch for replaces all its content (fuzz finding)", "[writer]") {
  // The root's span stops short in these (an explicit key over several
  // lines, a comment right after a flow comma, a bare CR, now refused by the
  // reader): what followed it used to be left behind after the new content.
  round_trip("? a\n\n b\n", [](Node& root) { root.set("c", Node::string("d")); });
  round_trip("[ a, b, c,#invalid\n]\n", swap_first_two);
  CHECK_THROWS_WITH(read_all("a: b\rc\n", "t.yaml"), Catch::Contains("carriage return without a line feed"));
}

TEST_CASE("writer: indented comments and tab-only lines after new last content stay outside it (fuzz finding)", "[writer]") {
  const std::string text =
      "hr:\n"
      "  - a\n"
      "rbi:\n"
      "  -rbi:\n"
      "  # a comment indented like a block scalar's content";
  auto out = round_trip(text, [](Node& root) { root.set("k", Node::string("needs: quoting\n")); });
  CHECK(out.find("# a comment") != std::string::npos);
  round_trip("plain text\n\t", [](Node& root) { root = Node::string("two\nlines\n"); });
}

TEST_CASE("writer: a string ending in several newlines is not written with keep chomping (fuzz finding)", "[writer]") {
  // `|+` takes in the blank lines that follow it in the document too.
  const std::string text = "a: 1\nkeep: |+\n  # text\n\n # a comment\n";
  auto out = round_trip(text, [](Node& root) { root.set("a", Node::string("x\ny\n\n")); });
  CHECK(out.find("a: \"x\\ny\\n\\n\"") != std::string::npos);
  // Re-emitted whole (the explicit key), `keep` used to gain a newline.
  round_trip("? a\n: 1\nkeep: |+\n  # text\n\n# end\n", [](Node& root) { root.set("a", Node::string("x")); });
}

TEST_CASE("writer: a key longer than 1024 characters is written as an explicit key (fuzz finding)", "[writer]") {
  // yaml-cpp refuses a longer implicit key, JSON included.
  const std::string k(1100, 'k');
  round_trip("? " + k + "\n: 1\n", [](Node& root) { root.set("b", Node::integer(2)); });
  round_trip("[{? " + k + " : 1}, x]\n", swap_first_two);
  round_trip("- [x, {? " + k + " : 1}]\n", [](Node& root) { swap_first_two(root.items[0]); });
  // A key the emitter writes afresh (Emitter::block_key_colon), in a new
  // entry and in a new nested mapping.
  auto added = round_trip("a: 1\n", [&](Node& root) { root.set(k, Node::integer(2)); });
  CHECK(added == "a: 1\n? " + k + "\n: 2\n");
  auto nested = round_trip("a: 1\n", [&](Node& root) { root.child_map("b").set(k, Node::integer(3)); });
  CHECK(nested == "a: 1\nb:\n  ? " + k + "\n  : 3\n");
}

TEST_CASE("writer: bare carriage returns after re-emitted content are dropped (fuzz finding)", "[writer]") {
  // Since a lone CR is refused by the reader (reader_test: "a lone CR, NEL,
  // LS or PS is refused"), this input can no longer reach the writer.
  CHECK_THROWS_WITH(read_all("? &a k:*\r\r\r", "t.yaml"), Catch::Contains("carriage return without a line feed"));
}

TEST_CASE("writer: an item replaced in a list with a non-specific tag on its document line (fuzz finding)", "[writer]") {
  // `--- !` then `-`: the root list's tag stands on the `---` line.
  // Re-emitted whole, the one-line block list was put after `--- ` (its tag
  // is not content), where a block collection cannot start.
  CHECK(round_trip("--- !\n-\n", [](Node& root) { root.items[0] = Node::string("replaced"); }) == "---\n- replaced\n");
}

TEST_CASE("writer: a flow map with an empty key holding a list (fuzz finding)", "[writer]") {
  // Re-emitted in block style, a one-line flow document gave an indentation
  // step of 0: nested maps came out at their parent's column.
  std::string out = round_trip("{: [: {y},3]}\n", [](Node& root) {
    root.child_map("metadata").child_map("labels").set("kinject.io/fuzz", Node::string("injected"));
  });
  CHECK_THAT(out, Catch::Contains("metadata:\n  labels:\n    kinject.io/fuzz: injected\n"));
}

TEST_CASE("writer: an item added to an empty flow list glued to its tag at the end of the text (fuzz finding)", "[writer]") {
  // `![]`: yaml-cpp puts the list's start at its tag, the reader cannot
  // vouch for the list's end (it is written out whole), and that end lay
  // past the end of the text, which re-emitting it took for granted.
  round_trip("![] ", [](Node& root) { root.items.push_back(Node::string("a")); });
  round_trip("![S]", [](Node& root) { root.items.push_back(Node::string("a")); });
}

TEST_CASE("writer: a null key's value replaced in a map tagged on its document line (fuzz finding)", "[writer]") {
  // The key is the map {null: ""}, so the re-emitted block map began with
  // '{' and was taken for flow content that may share the `--- !` line.
  refused_for_editing("--- !\n? : !\n", [](Node& root) { root.entries[0].value = Node::integer(15090); });
}

// Regression: a block list emptied by the injection (native sidecars move a
// pod's only container to initContainers) was replaced by `[]` on the list's
// own line, at its key's column: invalid YAML, which the fast reader's
// read-back accepted.
TEST_CASE("writer: a block list replaced by an empty one goes after its key's colon (regression)", "[writer]") {
  const std::string text =
      "spec:\n"
      "  # the only container\n"
      "  containers:\n"
      "  - name: istio-proxy\n"
      "    image: auto\n"
      "  volumes: []\n";
  auto r = edit(text, [](Node& root) { root.at_path("spec.containers")->items.clear(); });
  CHECK(r.text == "spec:\n  # the only container\n  containers: []\n  volumes: []\n");
  CHECK_FALSE(r.reformatted);
  // A comment between the key and the list stays.
  r = edit("a:\n  # why\n  - x\nb: 1\n", [](Node& root) { root.set("a", Node::string("z")); });
  CHECK(r.text == "a: z\n  # why\nb: 1\n");
}

// Regression: a comment after the last container ended up after the
// container inserted behind it; a comment belongs to what it follows when it
// is indented into it.
TEST_CASE("writer: trailing comments stay with the item or entry they follow (regression)", "[writer]") {
  const std::string text =
      "spec:\n"
      "  containers:\n"
      "    - name: web\n"
      "      image: nginx\n"
      "      # TODO: add probes\n"
      "    # the last container\n"
      "  # pod-level settings below\n"
      "  restartPolicy: Always\n";
  auto r = edit(text, [](Node& root) { root.at_path("spec.containers")->items.push_back(container("istio-proxy")); });
  CHECK(r.text ==
        "spec:\n"
        "  containers:\n"
        "    - name: web\n"
        "      image: nginx\n"
        "      # TODO: add probes\n"
        "    # the last container\n"
        "    - name: istio-proxy\n"
        "      image: proxy:1\n"
        "  # pod-level settings below\n"
        "  restartPolicy: Always\n");
  // Indentless lists: a comment at the dash's column leads what follows.
  r = edit("containers:\n- name: web\n  # web's\n# next\nvolumes: []\n",
           [](Node& root) { root.get("containers")->items.push_back(container("p")); });
  CHECK(r.text == "containers:\n- name: web\n  # web's\n- name: p\n  image: proxy:1\n# next\nvolumes: []\n");
  // Map entries: the new key goes after the comments inside the last value.
  r = edit("a:\n  b: 1\n  # about b\nc: 2\n", [](Node& root) { root.get("a")->set("d", Node::integer(3)); });
  CHECK(r.text == "a:\n  b: 1\n  # about b\n  d: 3\nc: 2\n");
}

// Regression: a pod template without metadata got `metadata:` after its
// (long) spec; a new first key goes first, above the comments that lead
// into the old first key.
TEST_CASE("writer: a key the new tree puts first goes before the first key (regression)", "[writer]") {
  const std::string text = "template:\n  # the pod\n  spec:\n    containers: []\n";
  auto r = edit(text, [](Node& root) {
    Node& t = *root.get("template");
    Node md = Node::map();
    md.child_map("labels").set("app", Node::string("web"));
    t.entries.insert(t.entries.begin(), Entry(Node::string("metadata"), md));
  });
  CHECK(r.text == "template:\n  metadata:\n    labels:\n      app: web\n  # the pod\n  spec:\n    containers: []\n");
}

// Regression: a document with a YAML merge key (`<<: *base`) could not be
// edited in place: it was written out again whole, its comments, flow style
// and anchors lost, with only a warning.
TEST_CASE("writer: documents with merge keys are edited in place (regression)", "[writer]") {
  const std::string text =
      "metadata:\n"
      "  labels: &labels  # shared\n"
      "    app: web\n"
      "    tier: front\n"
      "spec:\n"
      "  selector: {matchLabels: *labels}\n"
      "  template:\n"
      "    metadata:\n"
      "      labels:\n"
      "        <<: *labels\n"
      "        version: v1  # pinned\n"
      "    spec:\n"
      "      containers: [{name: web, image: nginx}]\n";
  // A new key, and a merged key given a new value: both land in the map
  // itself, the anchor is untouched.
  auto r = edit(text, [](Node& root) {
    Node& labels = *root.at_path("spec.template.metadata.labels");
    labels.set("security.istio.io/tlsMode", Node::string("istio"));
    labels.set("tier", Node::string("back"));
  });
  CHECK_FALSE(r.reformatted);
  CHECK(r.text ==
        "metadata:\n"
        "  labels: &labels  # shared\n"
        "    app: web\n"
        "    tier: front\n"
        "spec:\n"
        "  selector: {matchLabels: *labels}\n"
        "  template:\n"
        "    metadata:\n"
        "      labels:\n"
        "        <<: *labels\n"
        "        version: v1  # pinned\n"
        "        tier: back\n"
        "        security.istio.io/tlsMode: istio\n"
        "    spec:\n"
        "      containers: [{name: web, image: nginx}]\n");
  // A map made only of a merge key.
  r = edit("base: &b {x: 1}\nm:\n  <<: *b\n", [](Node& root) { root.get("m")->set("w", Node::integer(2)); });
  CHECK(r.text == "base: &b {x: 1}\nm:\n  <<: *b\n  w: 2\n");
  CHECK_FALSE(r.reformatted);
  // An own key next to the merge key is edited where it stands.
  r = edit("base: &b {x: 1}\nm:\n  <<: *b\n  z: 3  # own\n", [](Node& root) { root.get("m")->set("z", Node::integer(4)); });
  CHECK(r.text == "base: &b {x: 1}\nm:\n  <<: *b\n  z: 4  # own\n");
}

// Found by reader_writer_fuzz: `!!r name: x` with the value replaced by a
// multi-line string was written so that libyaml read it (the tag on the
// key) but kinject's own reader did not (the tag on the map): a later run
// would have refused kinject's own output. An edit must read back with both.
// The writer checks only libyaml's reading on every run now; kinject's own
// reader was fixed to read this text (the mapping's tag on its first key's
// line, reader_test.cpp), and this test and the corpus round trips hold
// the rest.
TEST_CASE("writer: an edit reads back with kinject's own reader as well as libyaml's (fuzz finding)", "[writer]") {
  auto docs = read_all("!!r name: jobTemplate:instr ine\\ ]\n", "t.yaml");
  REQUIRE(docs.size() == 1);
  Node root = docs[0].root;
  root.set("name", Node::string("needs: quoting # and \"escapes\"\n"));
  WriteResult r = write_document(docs[0], root, list_item_keys());
  INFO(r.text);
  CHECK(read_all(r.text, "again").at(0).root.same_value(root));
  CHECK(read_strict_yaml(r.text, "again").same_value(root));
}

TEST_CASE("writer: NEL, LS, PS and C1 controls in new strings are written as escapes, in YAML and in JSON (fuzz finding)", "[writer]") {
  // The reader refuses them raw (a line break for kubectl's parser, not for
  // yaml-cpp), so text the writer adds must escape them in every style.
  const std::string odd = std::string("a\xC2\x85") + "b\xE2\x80\xA8" + "c\xE2\x80\xA9" + "d\xC2\x9B";
  for (const std::string text : {"a: b\n", "{\"a\": \"b\"}\n", "a: |\n  x\n"}) {
    INFO(text);
    WriteResult r = edit(text, [&](Node& root) {
      root.set("a", Node::string(odd + "\nline two"));
      root.set("k" + odd, Node::string(odd));
    });
    CHECK(first_invalid_char(r.text) == std::string::npos);
    auto back = read_all(r.text, "back.yaml");
    REQUIRE(back.size() == 1);
    CHECK(back[0].root.get("a")->str() == odd + "\nline two");
    CHECK(back[0].root.get("k" + odd)->str() == odd);
  }
}

namespace {

// Moves spec.containers[i] to the end of spec.initContainers (made after
// the other keys of spec when missing), as Istio moves a user's istio-proxy
// under native sidecars, and lets `change` edit it there.
void move_to_init(Node& root, std::size_t i, const std::function<void(Node&)>& change) {
  Node* cs = root.at_path("spec.containers");
  Node moved = cs->items[i];
  cs->items.erase(cs->items.begin() + static_cast<long>(i));
  change(moved);
  Node& spec = *root.get("spec");
  Node* inits = spec.get("initContainers");
  if (!inits) {
    inits = &spec.set("initContainers", Node::seq());
    inits->items.push_back(container("init"));
  }
  inits->items.push_back(std::move(moved));
}

}  // namespace

TEST_CASE("writer: an item moved to another list keeps its comments and key order (native sidecars lost them)", "[writer]") {
  const std::string text =
      "spec:\n"
      "  containers:\n"
      "  - name: app\n"
      "    image: app:1\n"
      "  - name: proxy\n"
      "    # keep me\n"
      "    image: auto   # resolved later\n"
      "    args: [a, b]\n"
      "  volumes: []\n";
  auto r = edit(text, [](Node& root) {
    move_to_init(root, 1, [](Node& c) {
      c.set("image", Node::string("proxy:2"));
      c.set("tty", Node::boolean(true));
    });
  });
  CHECK(r.text ==
        "spec:\n"
        "  containers:\n"
        "  - name: app\n"
        "    image: app:1\n"
        "  volumes: []\n"
        "  initContainers:\n"
        "  - name: init\n"
        "    image: proxy:1\n"
        "  - name: proxy\n"
        "    # keep me\n"
        "    image: proxy:2   # resolved later\n"
        "    args: [a, b]\n"
        "    tty: true\n");
}

TEST_CASE("writer: an item moved to a list indented otherwise is shifted whole, block scalars included", "[writer]") {
  const std::string text =
      "spec:\n"
      "  initContainers:\n"
      "  - name: first\n"
      "  containers:\n"
      "    - name: proxy\n"
      "      command: |\n"
      "        echo one\n"
      "          echo two\n"
      "      env:\n"
      "        - name: A   # a\n"
      "          value: b\n";
  auto r = edit(text, [](Node& root) { move_to_init(root, 0, [](Node&) {}); });
  CHECK(r.text ==
        "spec:\n"
        "  initContainers:\n"
        "  - name: first\n"
        "  - name: proxy\n"
        "    command: |\n"
        "      echo one\n"
        "        echo two\n"
        "    env:\n"
        "      - name: A   # a\n"
        "        value: b\n"
        "  containers: []\n");
}

TEST_CASE("writer: a moved item whose lines cannot shift left is written afresh", "[writer]") {
  // The comment at column 0 cannot move two columns left: the item is
  // emitted as new content (its comment goes, its meaning stays).
  const std::string text =
      "spec:\n"
      "  initContainers:\n"
      "  - name: first\n"
      "  containers:\n"
      "    - name: proxy\n"
      "# odd\n"
      "      image: auto\n";
  auto r = edit(text, [](Node& root) { move_to_init(root, 0, [](Node&) {}); });
  CHECK(r.text ==
        "spec:\n"
        "  initContainers:\n"
        "  - name: first\n"
        "  - name: proxy\n"
        "    image: auto\n"
        "  containers: []\n");
}

TEST_CASE("writer: a renamed item is not taken for the item it was copied from", "[writer]") {
  const std::string text =
      "spec:\n"
      "  containers:\n"
      "  - name: proxy\n"
      "    # proxy's own\n"
      "    image: auto\n";
  auto r = edit(text, [](Node& root) {
    Node copy = root.at_path("spec.containers")->items[0];
    copy.set("name", Node::string("other"));
    root.at_path("spec.containers")->items.push_back(std::move(copy));
  });
  CHECK(r.text ==
        "spec:\n"
        "  containers:\n"
        "  - name: proxy\n"
        "    # proxy's own\n"
        "    image: auto\n"
        "  - name: other\n"
        "    image: auto\n");
}

TEST_CASE("writer: a block scalar with an indentation indicator, moved to the front of its list, reads back (fuzz finding)", "[writer]") {
  // `- |1` whose content line starts with a tab after the one space of
  // indentation, swapped with the null item before it (reader_writer_fuzz,
  // seed 1, after issue 22).
  std::string text = round_trip("-\n- |1\n \t\n", swap_first_two);
  INFO(text);
  // Re-emitted, a string whose first line starts with a tab is quoted: a
  // literal block would leave its indentation to that line, and libyaml
  // refuses a tab there.
  CHECK(emit_yaml(read_all("- \"\\tx\\ny\"\n", "t.yaml")[0].root) == "- \"\\tx\\ny\"");
}

TEST_CASE("writer: list items are paired by the strategic merge keys the k8s layer hands down", "[writer]") {
  // An injection drops an item, changes one and adds one before it: paired
  // by its key, the changed item keeps its own lines and comment. Paired by
  // position instead, each item's text is rewritten into its neighbour's,
  // and the comment ends up on the wrong item.
  const std::string text =
      "containers:\n"
      "  - name: app  # the app\n"
      "    image: app:1\n"
      "  - name: side\n"
      "ports:\n"
      "  - containerPort: 8080  # web\n"
      "  - containerPort: 9090\n"
      "volumeMounts:\n"
      "  - mountPath: /data  # data\n"
      "  - mountPath: /tmp\n";
  auto change = [](Node& root) {
    auto replace_first_of_two = [&](std::string_view list, std::string_view key, Node value, const char* field) {
      Node& items = *root.get(list);
      items.items.pop_back();
      items.items[0].set(field, Node::string("changed"));
      Node added = Node::map();
      added.set(key, std::move(value));
      items.items.insert(items.items.begin(), std::move(added));
    };
    replace_first_of_two("containers", "name", Node::string("istio-proxy"), "image");
    replace_first_of_two("ports", "containerPort", Node::integer(15000), "protocol");
    replace_first_of_two("volumeMounts", "mountPath", Node::string("/etc/istio"), "subPath");
  };
  // Each list as written with its items paired by their key, and by position.
  const std::string containers_by_key = "containers:\n  - name: istio-proxy\n  - name: app  # the app\n    image: changed\n";
  const std::string containers_by_position = "containers:\n  - name: istio-proxy  # the app\n  - name: app\n    image: changed\n";
  const std::string ports_by_key = "ports:\n  - containerPort: 15000\n  - containerPort: 8080  # web\n    protocol: changed\n";
  const std::string ports_by_position = "ports:\n  - containerPort: 15000  # web\n  - containerPort: 8080\n    protocol: changed\n";
  const std::string mounts_by_key = "volumeMounts:\n  - mountPath: /etc/istio\n  - mountPath: /data  # data\n    subPath: changed\n";
  const std::string mounts_by_position = "volumeMounts:\n  - mountPath: /etc/istio  # data\n  - mountPath: /data\n    subPath: changed\n";
  CHECK(edit(text, change).text == containers_by_key + ports_by_key + mounts_by_key);
  CHECK(edit(text, change, {}).text == containers_by_position + ports_by_position + mounts_by_position);
  // Each key pairs its own lists: with containerPort alone, only the ports.
  static constexpr std::string_view by_port[] = {"containerPort"};
  CHECK(edit(text, change, by_port).text == containers_by_position + ports_by_key + mounts_by_position);
}
