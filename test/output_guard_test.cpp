#include "kinject/pipeline/output_guard.h"

#include <catch2/catch.hpp>

#include "kinject/base/error.h"

using namespace kinject;

namespace {

const char* kPod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: ns\nspec:\n  containers:\n  - name: a\n";

Document doc_of(const std::string& text, int index = 1) {
  RawDocument raw;
  raw.text = text;
  raw.index = index;
  return parse_document(raw, "in.yaml");
}

// A guard that has read `docs` from one input, to its end.
struct Fixture {
  WorkloadCatalog catalog;
  OutputGuard guard{catalog};
  std::size_t id = guard.open("in.yaml");
  std::vector<Document> docs;

  explicit Fixture(std::vector<std::string> texts) {
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      docs.push_back(doc_of(texts[i], static_cast<int>(i) + 1));
      guard.read(id, docs.back().raw);
      bytes += texts[i].size();
    }
    guard.read_all(id, bytes);
  }
};

}  // namespace

TEST_CASE("output guard: documents written as read, or rewritten validly, pass", "[guard]") {
  Fixture f({kPod, "# only a comment\n"});
  f.guard.written(f.id, f.docs[0], std::string(kPod) + "  # a comment now\n");
  f.guard.written(f.id, f.docs[1], f.docs[1].raw.text);
  CHECK_NOTHROW(f.guard.finish());
}

TEST_CASE("output guard: each way to lose or damage a document is an internal error", "[guard]") {
  SECTION("a document never written") {
    Fixture f({kPod, kPod});
    f.guard.written(f.id, f.docs[0], kPod);
    CHECK_THROWS_WITH(f.guard.finish(), Catch::Contains("internal error: in.yaml") && Catch::Contains("in.yaml (document 2)"));
  }
  SECTION("a document written twice") {
    Fixture f({kPod});
    f.guard.written(f.id, f.docs[0], kPod);
    CHECK_THROWS_WITH(f.guard.written(f.id, f.docs[0], kPod), Catch::Contains("internal error: in.yaml") && Catch::Contains("twice"));
  }
  SECTION("an input read twice") {
    Fixture f({kPod});
    CHECK_THROWS_WITH(f.guard.read(f.id, f.docs[0].raw), Catch::Contains("internal error: in.yaml"));
  }
  SECTION("bytes read that no document holds") {
    WorkloadCatalog catalog;
    OutputGuard g(catalog);
    auto id = g.open("in.yaml");
    Document d = doc_of(kPod);
    g.read(id, d.raw);
    g.read_all(id, d.raw.text.size() + 10);
    g.written(id, d, kPod);
    CHECK_THROWS_WITH(g.finish(), Catch::Contains("internal error: in.yaml") && Catch::Contains("bytes were read"));
  }
  SECTION("a text that does not parse strictly") {
    Fixture f({kPod});
    CHECK_THROWS_WITH(f.guard.written(f.id, f.docs[0], std::string(kPod) + "  []\n"), Catch::Contains("internal error: in.yaml") && Catch::Contains("does not parse"));
    Fixture g({kPod});
    CHECK_THROWS_WITH(g.guard.written(g.id, g.docs[0], std::string(kPod) + "    name: b\n"),
                      Catch::Contains("internal error: in.yaml") && Catch::Contains("appears more than once"));
  }
  SECTION("another object, or none") {
    Fixture f({kPod});
    std::string renamed = kPod;
    renamed.replace(renamed.find("name: p"), 7, "name: q");
    CHECK_THROWS_WITH(f.guard.written(f.id, f.docs[0], renamed), Catch::Contains("internal error: in.yaml") && Catch::Contains("v1 Pod ns/q"));
    Fixture g({kPod});
    CHECK_THROWS_WITH(g.guard.written(g.id, g.docs[0], "# nothing\n"), Catch::Contains("internal error: in.yaml") && Catch::Contains("none"));
  }
  SECTION("a pod spec the API server refuses, that it did not before") {
    Fixture f({kPod});
    CHECK_THROWS_WITH(f.guard.written(f.id, f.docs[0], std::string(kPod) + "  - name: a\n"),
                      Catch::Contains("internal error: in.yaml") && Catch::Contains("a second container named \"a\""));
    Fixture g({kPod});
    CHECK_THROWS_WITH(
        g.guard.written(g.id, g.docs[0],
                        std::string(kPod) + "  volumes:\n  - name: v\n    emptyDir: {}\n    persistentVolumeClaim: {claimName: c}\n"),
        Catch::Contains("internal error: in.yaml") && Catch::Contains("more than one volume source (emptyDir, persistentVolumeClaim)"));
  }
}

// The typed invariant (issue 22): whatever the injector or the writer did,
// a workload written changed must decode into its Kubernetes type, read back
// from the bytes by libyaml and checked with the typed decode.
TEST_CASE("output guard: a workload written changed that does not decode into its type is an internal error", "[guard]") {
  SECTION("a wrongly typed value written into a field") {
    Fixture f({kPod});
    CHECK_THROWS_WITH(f.guard.written(f.id, f.docs[0], std::string(kPod) + "    ports: \"80\"\n"),
                      Catch::Contains("internal error: in.yaml (document 1)") &&
                          Catch::Contains("spec.containers[0].ports: expected a list, found \"80\""));
  }
  SECTION("a list put where a map was") {
    const std::string labelled = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {app: a}\nspec:\n  containers:\n  - name: a\n";
    Fixture f({labelled});
    std::string written = labelled;
    written.replace(written.find("{app: a}"), 8, "[app, a]");
    CHECK_THROWS_WITH(f.guard.written(f.id, f.docs[0], written),
                      Catch::Contains("internal error") && Catch::Contains("metadata.labels: expected a mapping"));
  }
  SECTION("as JSON (-o json) too") {
    Fixture f({kPod});
    CHECK_THROWS_WITH(
        f.guard.written(f.id, f.docs[0],
                        R"({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "namespace": "ns"}, "spec": {"containers": [{"name": 1}]}})"),
        Catch::Contains("internal error") && Catch::Contains("spec.containers[0].name: expected a string"));
  }
  SECTION("a workload the input had undecodable and kinject left alone is not kinject's") {
    std::string bad = std::string(kPod) + "    ports: \"80\"\n";
    Fixture f({bad, bad});
    CHECK_NOTHROW(f.guard.written(f.id, f.docs[0], bad));
    CHECK_NOTHROW(f.guard.written(f.id, f.docs[1], bad + "# a comment\n"));
  }
}

TEST_CASE("output guard: a problem the input already had is not kinject's", "[guard]") {
  std::string twice = std::string(kPod) + "  - name: a\n";
  Fixture f({twice});
  CHECK_NOTHROW(f.guard.written(f.id, f.docs[0], twice + "  - name: b\n"));
}

TEST_CASE("object_ids: an object, or a List's items", "[guard]") {
  auto ids = object_ids(parse_yaml("apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Pod, metadata: {name: a}}\n", "t"));
  REQUIRE(ids.size() == 2);
  CHECK(ids[1].str() == "v1 Pod -/a");
  CHECK(object_ids(Node()).empty());
}

// The writer hands its libyaml check on so that the guard need not read the
// same bytes again; a check of other bytes (a mistake) must not stand for the
// bytes written.
TEST_CASE("output guard: the writer's check stands only for the bytes it was made of", "[guard]") {
  std::string valid = std::string(kPod) + "  # a comment now\n";
  Node value = parse_yaml(kPod, "meant");
  VerifiedText of_valid = VerifiedText::of(valid, value, "written");
  SECTION("of these bytes: taken") {
    Fixture f({kPod});
    CHECK_NOTHROW(f.guard.written(f.id, f.docs[0], valid, &of_valid));
  }
  SECTION("of other bytes: the bytes written are read") {
    Fixture f({kPod});
    CHECK_THROWS_WITH(f.guard.written(f.id, f.docs[0], std::string(kPod) + "  []\n", &of_valid),
                      Catch::Contains("does not parse"));
    Fixture g({kPod});
    std::string renamed = kPod;
    renamed.replace(renamed.find("name: p"), 7, "name: q");
    CHECK_THROWS_WITH(g.guard.written(g.id, g.docs[0], renamed, &of_valid), Catch::Contains("v1 Pod ns/q"));
  }
}

// Regression: the guard kept an entry for every document it had seen, so a
// 200 MiB stream (475,000 documents) ran in 34 MB where a 2.6 MB one ran in
// 25 MB. It keeps the documents read and not yet written, and still tells
// a second reading or writing from a document never read.
TEST_CASE("output guard: what it keeps does not grow with the stream", "[guard]") {
  WorkloadCatalog catalog;
  OutputGuard g(catalog);
  auto id = g.open("in.yaml");
  std::size_t bytes = 0, most = 0;
  for (int i = 1; i <= 5000; ++i) {
    Document d = doc_of("# c\n", i);
    g.read(id, d.raw);
    most = std::max(most, g.unwritten());
    g.written(id, d, d.raw.text);
    bytes += d.raw.text.size();
  }
  g.read_all(id, bytes);
  CHECK(most == 1);
  CHECK(g.unwritten() == 0);
  CHECK_NOTHROW(g.finish());
  Document old = doc_of("# c\n", 17), later = doc_of("# c\n", 9000);
  CHECK_THROWS_WITH(g.written(id, old, old.raw.text), Catch::Contains("written twice"));
  CHECK_THROWS_WITH(g.written(id, later, later.raw.text), Catch::Contains("never read"));
}

// Regression: a run whose stream may hold cluster objects reads every input
// through before it writes the first document, and the guard kept one set
// entry (about 48 bytes) per document read and not yet written: a 50 MiB
// stream peaked at 41 MB where a 2.6 MB one peaked at 32 MB. It keeps runs
// of consecutive documents now, one for a stream read through and then
// written in order.
TEST_CASE("output guard: a stream read through before it is written keeps one entry, not one per document", "[guard]") {
  WorkloadCatalog catalog;
  OutputGuard g(catalog);
  auto id = g.open("in.yaml");
  std::vector<Document> docs;
  std::size_t bytes = 0, most = 0;
  for (int i = 1; i <= 5000; ++i) {
    docs.push_back(doc_of("# c\n", i));
    g.read(id, docs.back().raw);
    bytes += docs.back().raw.text.size();
    most = std::max(most, g.kept_entries());
  }
  g.read_all(id, bytes);
  CHECK(g.unwritten() == 5000);
  for (const auto& d : docs) {
    g.written(id, d, d.raw.text);
    most = std::max(most, g.kept_entries());
  }
  CHECK(most == 1);
  CHECK(g.unwritten() == 0);
  CHECK_NOTHROW(g.finish());
  CHECK_THROWS_WITH(g.written(id, docs[16], docs[16].raw.text), Catch::Contains("written twice"));
}

TEST_CASE("output guard: documents written out of order are each accounted for once", "[guard]") {
  Runs r;
  for (int i = 1; i <= 10; ++i) r.add(i);
  r.add(12);  // 11 was an empty document the reader never cut, say
  CHECK(r.runs.size() == 2);
  CHECK(r.erase(5));   // splits 1-10
  CHECK(r.erase(1));   // shortens 1-4 from the front
  CHECK(r.erase(10));  // shortens 6-10 from the back
  CHECK(r.erase(12));  // removes the run of one
  CHECK_FALSE(r.erase(5));
  CHECK_FALSE(r.erase(11));
  CHECK_FALSE(r.erase(0));
  CHECK_FALSE(r.erase(13));
  CHECK(r.all() == std::vector<int>{2, 3, 4, 6, 7, 8, 9});
  CHECK(r.count() == 7);
  for (int i : {9, 2, 7, 3, 8, 4, 6}) CHECK(r.erase(i));
  CHECK(r.runs.empty());
  CHECK(r.count() == 0);
}
