#include "kinject/yaml/simple_yaml.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "kinject/base/error.h"
#include "kinject/istio/injector.h"
#include "kinject/yaml/reader.h"
#include "kinject/k8s/workloads.h"
#include "kinject/k8s/strategic_merge.h"
#include "kinject/yaml/writer.h"
#include "support.h"

using namespace kinject;
using namespace kinject::test;

namespace {

// What yaml-cpp (through the reader) makes of a one-document text; nullopt
// when it refuses it or it is not one document.
std::optional<Node> by_yaml_cpp(std::string_view text) {
  Limits slow;
  slow.fast_reader = false;  // read_all would otherwise ask the fast reader first
  try {
    auto docs = read_all(text, "t.yaml", slow);
    const Node* found = nullptr;
    for (const auto& d : docs) {
      if (d.empty) continue;
      if (found) return std::nullopt;
      found = &d.root;
    }
    return found ? *found : Node();
  } catch (const Error&) {
    return std::nullopt;
  }
}

struct Tally {
  long accepted = 0, declined = 0;
};

// Whatever the fast reader accepts, yaml-cpp must read the same.
void agree(std::string_view text, Tally& t) {
  auto quick = read_simple_yaml(text);
  if (!quick) {
    ++t.declined;
    return;
  }
  ++t.accepted;
  auto full = by_yaml_cpp(text);
  INFO(text);
  REQUIRE(full);
  INFO(difference(*full, *quick));
  CHECK(quick->same_value(*full));
}

}  // namespace

TEST_CASE("simple_yaml: the block subset reads as yaml-cpp reads it", "[simple_yaml]") {
  const char* texts[] = {
      "a: 1\nb: two\nc: 'three'\nd: \"four\\n\"\n",
      "---\n# comment\nkey: value # trailing\nempty:\nnothing: ~\n...\n",
      "list:\n- a\n- b: 1\n  c: 2\n-\n- - nested\n  - more\n",
      "list:\n  - a\n  -   b\nafter: x\n",
      "flow: [a, \"b\", 'c', {d: 1, \"e\": [2, 3]}, []]\nmap: {}\n",
      "block: |\n  line one\n\n  line three\nstrip: |-\n  x\n\nkeep: |+\n  y\n\nlast: 1\n",
      "ints: [1, 0x1F, 0o17, 0400, -5, 1_000]\nbools: [yes, No, true, off]\nfloats: [1.5, .inf, -.Inf, .nan, 1e3]\n",
      "\"quoted key\": 1\n'single': 2\n80: http\ntrue: t\n",
      "url: http://example.com:8080/x?a=b#frag\ncolon:in: plain\n",
      "  indented: root\n  second: 2\n",
      "escapes: \"\\t\\x41\\u00e9\\U0001F600\\\\ \\/ \\\"\"\n",
      "plain scalar document\n",
      "- top\n- level\n",
      "a:\n  b:\n    c:\n      - d\n",
      "",
      "# only a comment\n",
      // A block scalar on the text's last line, without a line break
      // (regression: `|-` dropped its last character).
      "strip: |-\n  trustDomain: cluster.local",
      "a: 1\nstrip: |-\n  x\n  yz",
      "clip: |\n  xyz",
      "keep: |+\n  xyz",
      // Flow collections over several lines, as Istio's own templates write
      // them (`annotations: {`, a trailing comma, `}` at the key's
      // indentation); comments between entries.
      "metadata:\n  annotations: {\n    a: \"1\",\n    b.io/c: \"x\",\n  }\nspec: 1\n",
      "a: [1,\n  2]\n",
      "a: [\n  1, # one\n\n  [2, {b: c}],\n  ]\n",
      "- {\n  a: 1\n  }\n- x\n",
      "{\n  \"kind\": \"Pod\",\n  \"spec\": {\"containers\": []}\n}\n",
  };
  for (const char* text : texts) {
    Tally t;
    agree(text, t);
    INFO(text);
    CHECK(t.declined == 0);
  }
}

TEST_CASE("simple_yaml: declines what it does not read, valid or not", "[simple_yaml]") {
  const char* texts[] = {
      "a: &x 1\nb: *x\n",                 // anchors and aliases
      "a: !!str 1\n",                     // tags
      "%YAML 1.2\n---\na: 1\n",           // directives
      "a: b\n  c\n",                      // multi-line plain
      "a: 'b\n  c'\n",                    // multi-line quoted
      "a: >\n  folded\n",                 // folded block scalar
      "a: |2\n   x\n",                    // indentation indicator
      "a:\tb\n",                          // tabs
      "a: 1\r\nb: 2\r\n",                 // CR
      "? a\n: b\n",                       // explicit keys
      "a: 1\n---\nb: 2\n",                // two documents
      "<<: {a: 1}\n",                     // merge keys
      "a: [1,\n 2]\n---\n",              // two documents
      "a:\n  b: [1,\n 2]\n",              // a flow line indented less than its block collection
      "a: {b\n  : 1}\n",                  // a flow key and its ':' on two lines
      "a: {b:\n  1}\n",                   // a flow value on the line after its key
      "a: [1,\n---\n2]\n",               // a document marker in a flow collection
      "a: [1,# glued\n  2]\n",            // a comment not set off by a blank
      "a: [1\n  2]\n",                    // a multi-line plain scalar in a flow collection
      "a: b: c\n",                        // invalid: a mapping on the value's line
      "a: 'b': c\n",                      // ... whatever the value's kind
      "a: \"b\": c\n",
      "a: [b]: c\n",
      "a: {b: c}: d\n",
      "a: |: c\n",
      "- a: b: c\n",
      "a: \"unterminated\n",              // invalid
      "a: \"\\q\"\n",                     // invalid escape
      "a: [1, , 2]\n",                    // invalid: empty entry
      "a: 1\n b: 2\n",                    // invalid indentation
      "key: \"value\"# glued comment\n",  // invalid
      "- a\nb: c\n",                      // invalid
      "\xEF\xBB\xBF" "a: 1\n",            // a BOM
      "a: caf\xE9\n",                     // invalid UTF-8
      "null: x\n",                        // a null key (the reader's Builder marks those not editable)
  };
  for (const char* text : texts) {
    INFO(text);
    CHECK_FALSE(read_simple_yaml(text));
  }
}

// Every document of the corpus as written, and as kinject writes it after
// injecting it (the text the writer reads back to check its edits).
namespace {

std::pair<Tally, Tally> agree_before_and_after_injection(const std::vector<std::string>& files) {
  Injector injector(builtin_profile("1.24"), no_env());
  WorkloadCatalog catalog;
  Tally as_written, injected;
  for (const auto& path : files) {
    std::vector<Document> docs;
    try {
      docs = read_all(slurp(path), path);
    } catch (const Error&) {
      continue;
    }
    for (const auto& doc : docs) {
      agree(doc.raw.text, as_written);
      if (doc.empty) continue;
      Node root = doc.root;
      bool changed = false;
      for (const auto& w : find_workloads(root, catalog)) {
        if (!w.has_pod_spec) continue;
        try {
          changed = injector.inject(root, w).changed || changed;
        } catch (const Error&) {
        }
      }
      if (changed) agree(write_document(doc, root, list_item_keys()).text, injected);
    }
  }
  fmt::print("simple_yaml over {} files: {} documents read fast, {} left to yaml-cpp; injected: {} fast, {} yaml-cpp\n",
             files.size(), as_written.accepted, as_written.declined, injected.accepted, injected.declined);
  return {as_written, injected};
}

}  // namespace

TEST_CASE("simple_yaml: agrees with yaml-cpp on the corpus, before and after injection", "[simple_yaml][corpus]") {
  auto root = reference_part("corpus/real");
  if (!root) return;
  RealDisk disk;
  auto [as_written, injected] = agree_before_and_after_injection(manifest_files(disk, *root));
  // Most real manifests are in the subset; that is the point of the fast path.
  CHECK(injected.accepted > 9 * injected.declined);
}

TEST_CASE("simple_yaml: agrees with yaml-cpp on the in-repository manifests, before and after injection", "[simple_yaml][fixtures]") {
  RealDisk disk;
  auto [as_written, injected] = agree_before_and_after_injection(fixture_files(disk));
  // Both readers must have had work: the fixtures hold block documents the
  // fast reader takes and flow, JSON and anchored ones it leaves to yaml-cpp.
  CHECK(as_written.accepted >= 20);
  CHECK(as_written.declined >= 5);
  CHECK(injected.accepted >= 10);
}

TEST_CASE("simple_yaml: agrees with yaml-cpp on the YAML test suite", "[simple_yaml]") {
  auto suite = reference_part("corpus/yaml-test-suite");
  if (!suite) return;
  RealDisk disk;
  const std::string root = *suite;
  Tally t;
  for (const auto& id : disk.list(root)) {
    INFO(id);
    std::string text = slurp(root + "/" + id + "/in.yaml");
    auto quick = read_simple_yaml(text);
    if (disk.stat(root + "/" + id + "/error") == PathKind::File) {
      CHECK_FALSE(quick);  // invalid YAML is never read
      continue;
    }
    agree(text, t);
  }
  fmt::print("simple_yaml over the YAML test suite: {} read fast, {} left to yaml-cpp\n", t.accepted, t.declined);
}

namespace {

// Where two trees differ in value or in source information ("" if nowhere).
std::string source_difference(const Node& a, const Node& b, const std::string& path) {
  if (a.kind != b.kind || a.style != b.style || a.has_span != b.has_span || a.span.begin != b.span.begin ||
      a.span.end != b.span.end || a.text != b.text)
    return fmt::format("{}: kind {}/{}, style {}/{}, span {}-{}/{}-{}, text '{}'/'{}'", path.empty() ? "." : path,
                       static_cast<int>(a.kind), static_cast<int>(b.kind), static_cast<int>(a.style),
                       static_cast<int>(b.style), a.span.begin, a.span.end, b.span.begin, b.span.end, a.text, b.text);
  if (a.items.size() != b.items.size() || a.entries.size() != b.entries.size()) return path + ": sizes differ";
  for (std::size_t i = 0; i < a.items.size(); ++i)
    if (auto d = source_difference(a.items[i], b.items[i], fmt::format("{}[{}]", path, i)); !d.empty()) return d;
  for (std::size_t i = 0; i < a.entries.size(); ++i) {
    std::string k = path + "." + a.entries[i].key.text;
    if (auto d = source_difference(a.entries[i].key, b.entries[i].key, k + " (key)"); !d.empty()) return d;
    if (auto d = source_difference(a.entries[i].value, b.entries[i].value, k); !d.empty()) return d;
  }
  return "";
}

// A document read by the fast reader must be exactly what yaml-cpp's path
// makes of it: tree, spans, styles, flags and warnings.
void same_document(const RawDocument& raw, Tally& t) {
  Limits fast, slow;
  slow.fast_reader = false;
  Document a, b;
  try {
    b = parse_document(raw, "t.yaml", slow);
  } catch (const Error&) {
    CHECK_FALSE(read_simple_yaml(raw.text, true));
    return;
  }
  a = parse_document(raw, "t.yaml", fast);
  if (read_simple_yaml(raw.text, true)) ++t.accepted;
  else ++t.declined;
  INFO(raw.text);
  CHECK(source_difference(b.root, a.root, "") == "");
  CHECK(a.empty == b.empty);
  CHECK(a.json == b.json);
  CHECK(a.editable == b.editable);
  CHECK(a.warnings == b.warnings);
}

}  // namespace

namespace {

std::pair<Tally, Tally> same_spans_before_and_after_injection(const std::vector<std::string>& files) {
  Injector injector(builtin_profile("1.24"), no_env());
  WorkloadCatalog catalog;
  Limits slow;
  slow.fast_reader = false;
  Tally as_written, injected;
  for (const auto& path : files) {
    std::vector<Document> docs;
    try {
      docs = read_all(slurp(path), path, slow);
    } catch (const Error&) {
      continue;
    }
    for (const auto& doc : docs) {
      same_document(doc.raw, as_written);
      if (doc.empty) continue;
      Node root = doc.root;
      bool changed = false;
      for (const auto& w : find_workloads(root, catalog)) {
        if (!w.has_pod_spec) continue;
        try {
          changed = injector.inject(root, w).changed || changed;
        } catch (const Error&) {
        }
      }
      if (!changed) continue;
      RawDocument raw = doc.raw;
      raw.text = write_document(doc, root, list_item_keys()).text;
      same_document(raw, injected);
    }
  }
  fmt::print("simple_yaml with spans over {} files: {} documents read fast, {} by yaml-cpp; injected: {} fast, {} "
             "yaml-cpp\n",
             files.size(), as_written.accepted, as_written.declined, injected.accepted, injected.declined);
  return {as_written, injected};
}

}  // namespace

TEST_CASE("simple_yaml: documents read fast carry the spans and styles yaml-cpp's path gives", "[simple_yaml][corpus]") {
  auto root = reference_part("corpus/real");
  if (!root) return;
  RealDisk disk;
  auto [as_written, injected] = same_spans_before_and_after_injection(manifest_files(disk, *root));
  CHECK(as_written.accepted > 9 * as_written.declined);
}

TEST_CASE("simple_yaml: in-repository manifests read fast carry the spans and styles yaml-cpp's path gives", "[simple_yaml][fixtures]") {
  RealDisk disk;
  auto [as_written, injected] = same_spans_before_and_after_injection(fixture_files(disk));
  CHECK(as_written.accepted >= 20);
  CHECK(injected.accepted >= 10);
}

TEST_CASE("simple_yaml: every control character but LF, and DEL, is declined wherever it stands", "[simple_yaml]") {
  // The check runs eight bytes at a time: try every byte value at every
  // offset within a word, with non-ASCII neighbours too.
  for (int c = 0; c < 0x80; ++c) {
    bool control = (c < 0x20 && c != '\n') || c == 0x7F;
    for (std::size_t at = 0; at < 16; ++at) {
      std::string text = "k: " + std::string(at, 'v') + static_cast<char>(c) + "w\xC3\xA9x\n";
      INFO("byte " << c << " at " << at);
      if (control) CHECK_FALSE(read_simple_yaml(text).has_value());
    }
  }
  CHECK(read_simple_yaml("a: b\nc: d\xC3\xA9\n").has_value());
}
