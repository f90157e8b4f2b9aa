#include "kinject/reader.h"

#include <sstream>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "kinject/error.h"

using namespace kinject;

namespace {

std::vector<RawDocument> split(const std::string& text) {
  std::istringstream in(text);
  DocumentStream s(in, "t.yaml");
  std::vector<RawDocument> out;
  while (auto d = s.next()) out.push_back(*d);
  return out;
}

std::string join(const std::vector<RawDocument>& docs) {
  std::string out;
  for (const auto& d : docs) out += d.text;
  return out;
}

std::string error_of(const std::string& text, Limits limits = {}) {
  try {
    read_all(text, "t.yaml", limits);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("streams split at separators and join back byte for byte", "[reader]") {
  const std::string streams[] = {
      "a: 1\n---\nb: 2\n",
      "---\na: 1\n---\nb: 2\n---\n",
      "a: 1\n...\n---\nb: 2\n...\n",
      "# only a comment\n---\n---\na: 1",
      "a: 1\r\n---\r\nb: 2\r\n",
      "\xEF\xBB\xBF" "a: 1\n---\nb: 2",
      "a: |\n  text\n--- # next\nb: 2\n",
      "--- !!map\na: 1\n--- {b: 2}\n",
      "",
      "\n\n",
      "{\"a\": 1}\n{\"b\": 2}\n",
      "[1, 2]\n",
      "{\"a\": 1}{\"b\": [1, {\"c\": \"}\"}]}",
  };
  for (const auto& s : streams) {
    INFO(s);
    CHECK(join(split(s)) == s);
  }
}

TEST_CASE("documents are numbered and know their first line", "[reader]") {
  auto docs = split("a: 1\n---\n# c\nb: 2\n---\nc: 3\n");
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].index == 1);
  CHECK(docs[1].first_line == 2);
  CHECK(docs[2].first_line == 5);
  // A leading comment block and its separator are one document.
  auto lead = split("# header\n---\na: 1\n");
  REQUIRE(lead.size() == 1);
  // Concatenated JSON texts are separate documents.
  CHECK(split("{\"a\": 1}\n{\"b\": 2}\n").size() == 2);
}

TEST_CASE("empty and comment-only documents parse as empty", "[reader]") {
  // "---/# nothing", "---/...", "---/a: 1"
  auto docs = read_all("---\n# nothing\n---\n...\n---\na: 1\n", "t.yaml");
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].empty);
  CHECK(docs[1].empty);
  CHECK_FALSE(docs[2].empty);
}

TEST_CASE("JSON documents are recognised", "[reader]") {
  auto docs = read_all("{\"apiVersion\": \"v1\", \"kind\": \"Pod\"}", "t.json");
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].json);
  CHECK(docs[0].root.get("kind")->text == "Pod");
  auto flow = read_all("{apiVersion: v1, kind: Pod}", "t.yaml");
  CHECK_FALSE(flow[0].json);  // YAML flow style, not JSON
}

TEST_CASE("scalars keep type, text and style", "[reader]") {
  auto docs = read_all("a: \"true\"\nb: '1.10'\nc: 0400\nd: yes\ne: ~\nf: |\n  x\n", "t.yaml");
  const Node& r = docs[0].root;
  CHECK(r.get("a")->kind == Kind::String);
  CHECK(r.get("a")->style == Style::Double);
  CHECK(r.get("b")->text == "1.10");
  CHECK(r.get("c")->kind == Kind::Int);
  CHECK(r.get("c")->text == "0400");
  CHECK(r.get("d")->kind == Kind::Bool);
  CHECK(r.get("e")->is_null());
  CHECK(r.get("f")->style == Style::Literal);
  CHECK(r.get("f")->text == "x\n");
}

TEST_CASE("spans cover each node exactly", "[reader]") {
  std::string text = "a: &x\n  b: 1  # c\n  c: \"q\"\nd: *x\ne:\nf: [1, {g: h}]\n";
  auto docs = read_all(text, "t.yaml");
  const Node& r = docs[0].root;
  auto span = [&](const Node& n) { return text.substr(n.span.begin, n.span.end - n.span.begin); };
  CHECK(span(*r.get("a")) == "&x\n  b: 1  # c\n  c: \"q\"");
  CHECK(span(*r.get("a")->get("b")) == "1");
  CHECK(span(*r.get("d")) == "*x");
  CHECK(r.get("d")->is_alias);
  CHECK(r.get("d")->get("b")->i == 1);  // the alias reads as its anchor
  CHECK(r.get("e")->span.empty());
  CHECK(span(*r.get("f")) == "[1, {g: h}]");
  CHECK(docs[0].editable);
}

TEST_CASE("duplicate keys warn and the last one counts", "[reader]") {
  auto docs = read_all("a: 1\nb: 2\na: 3\n", "t.yaml");
  CHECK(docs[0].root.get("a")->i == 3);
  REQUIRE(docs[0].warnings.size() == 1);
  CHECK(docs[0].warnings[0].find("\"a\"") != std::string::npos);
}

TEST_CASE("bad YAML fails with file, document and line:column", "[reader]") {
  std::string e = error_of("a: 1\n---\nb: [1, 2\nc: 3\n");
  CHECK(e.find("t.yaml (document 2):") != std::string::npos);
  CHECK(e.find("invalid YAML") != std::string::npos);
  std::string indent = error_of("a:\n  b: 1\n c: 2\n");
  CHECK(indent.find("t.yaml (document 1):3:") != std::string::npos);
}

TEST_CASE("limits: nesting, alias expansion, NUL bytes, document size", "[reader]") {
  std::string deep(1000, '[');
  CHECK(error_of(deep).find("nesting is deeper than") != std::string::npos);
  std::string deep_block;
  for (int i = 0; i < 450; ++i) deep_block += std::string(static_cast<std::size_t>(i), ' ') + "a:\n";
  CHECK(error_of(deep_block).find("nest") != std::string::npos);
  // Billion laughs: each level doubles ten times over.
  std::string laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c)
    laughs += fmt::format("{}: &{} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n", c, c, fmt::arg("p", std::string(1, c - 1)));
  CHECK(error_of(laughs).find("more than") != std::string::npos);
  CHECK(error_of(std::string("a: b\0c\n", 7)).find("NUL byte") != std::string::npos);
  Limits small;
  small.max_document_bytes = 16;
  CHECK(error_of("a: 0123456789012345678901234567890\n", small).find("larger than") != std::string::npos);
}

TEST_CASE("inputs are collected as kubectl -f does", "[reader]") {
  MemoryDisk disk;
  disk.add_file("dir/b.yaml", "");
  disk.add_file("dir/a.yml", "");
  disk.add_file("dir/c.json", "");
  disk.add_file("dir/README.md", "");
  disk.add_file("dir/sub/d.yaml", "");
  disk.add_file("notes.txt", "");
  disk.add_dir("empty");

  auto names = [](const std::vector<Input>& in) {
    std::vector<std::string> out;
    for (const auto& i : in) out.push_back(i.name);
    return out;
  };
  CHECK(names(collect_inputs({"dir"}, false, disk)) == std::vector<std::string>{"dir/a.yml", "dir/b.yaml", "dir/c.json"});
  CHECK(names(collect_inputs({"dir"}, true, disk)) ==
        std::vector<std::string>{"dir/a.yml", "dir/b.yaml", "dir/c.json", "dir/sub/d.yaml"});
  CHECK(names(collect_inputs({"notes.txt", "-"}, false, disk)) == std::vector<std::string>{"notes.txt", "-"});
  CHECK(collect_inputs({}, false, disk).front().is_stdin());
  CHECK_THROWS_WITH(collect_inputs({"missing.yaml"}, false, disk), Catch::Contains("no such file"));
  CHECK_THROWS_WITH(collect_inputs({"empty"}, false, disk), Catch::Contains("holds no .yaml"));
}
