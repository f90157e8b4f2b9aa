#include "kinject/yaml/node.h"

#include <catch2/catch.hpp>

using kinject::Kind;
using kinject::Node;

TEST_CASE("plain scalars resolve as Kubernetes' go-yaml v2 reads them", "[node]") {
  struct Case {
    const char* text;
    Kind kind;
  };
  const Case cases[] = {
      {"", Kind::Null},          {"~", Kind::Null},         {"null", Kind::Null},     {"NULL", Kind::Null},
      {"true", Kind::Bool},      {"yes", Kind::Bool},       {"on", Kind::Bool},       {"y", Kind::Bool},
      {"Off", Kind::Bool},       {"n", Kind::Bool},         {"80", Kind::Int},        {"-3", Kind::Int},
      {"0x1F", Kind::Int},       {"0400", Kind::Int},       {"1_000", Kind::Int},     {"1.5", Kind::Float},
      {".5", Kind::Float},       {"1e3", Kind::Float},      {"08", Kind::Float},      {".inf", Kind::Float},
      {"1.10.2", Kind::String},  {"abc", Kind::String},     {"True1", Kind::String},  {"-", Kind::String},
      {"=", Kind::String},       {"2001-12-14", Kind::String},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(Node::plain(c.text).kind == c.kind);
  }
  CHECK(Node::plain("0400").i == 256);  // octal, as defaultMode: 0400 means
  CHECK(Node::plain("0x1F").i == 31);
  CHECK(Node::plain("1_000").i == 1000);
  CHECK(Node::plain("0400").text == "0400");  // the spelling is kept
}

// resolve_plain compares a word only with those of its first character: each
// word, and words near them, read as go-yaml v2 reads them.
TEST_CASE("plain scalars: every YAML 1.1 word for null and the booleans, and none near them", "[node]") {
  for (const char* t : {"", "~", "null", "Null", "NULL"}) {
    INFO(t);
    CHECK(Node::plain(t).kind == Kind::Null);
    CHECK(Node::plain_kind(t) == Kind::Null);
  }
  for (const char* t : {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}) {
    INFO(t);
    CHECK(Node::plain(t).kind == Kind::Bool);
    CHECK(Node::plain(t).b);
  }
  for (const char* t : {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"}) {
    INFO(t);
    CHECK(Node::plain(t).kind == Kind::Bool);
    CHECK_FALSE(Node::plain(t).b);
  }
  for (const char* t : {"~~", "nul", "nULL", "nO", "yES", "ye", "tRUE", "tru", "fALSE", "oN", "oFF", "of", "o", "t", "f",
                        "NuLL", "name", "type", "Yesh", "offs", "x", "Z"}) {
    INFO(t);
    CHECK(Node::plain(t).kind == Kind::String);
    CHECK(Node::plain_kind(t) == Kind::String);
  }
  CHECK(Node::plain(std::string_view("\0", 1)).kind == Kind::String);
  CHECK(Node::plain(".NaN").kind == Kind::Float);
  CHECK(Node::plain("+.Inf").f > 0);
  CHECK(Node::plain("-.INF").f < 0);
  CHECK(Node::plain("1.inf").kind == Kind::String);
}
TEST_CASE("same_value compares meaning, not order or source", "[node]") {
  Node a = Node::map();
  a.set("x", Node::integer(1));
  a.set("y", Node::string("s"));
  Node b = Node::map();
  b.set("y", Node::string("s"));
  b.set("x", Node::plain("1"));
  CHECK(a.same_value(b));
  b.set("x", Node::string("1"));
  CHECK_FALSE(a.same_value(b));  // "1" is not 1
  Node s1 = Node::seq(), s2 = Node::seq();
  s1.items = {Node::string("a"), Node::string("b")};
  s2.items = {Node::string("b"), Node::string("a")};
  CHECK_FALSE(s1.same_value(s2));  // lists are ordered
}

TEST_CASE("map helpers: last duplicate wins, set replaces in place", "[node]") {
  Node m = Node::map();
  m.entries.push_back({Node::string("k"), Node::integer(1)});
  m.entries.push_back({Node::string("k"), Node::integer(2)});
  REQUIRE(m.get("k"));
  CHECK(m.get("k")->i == 2);
  m.set("a", Node::string("x"));
  m.set("a", Node::string("y"));
  CHECK(m.entries.size() == 3);
  CHECK(m.get("a")->text == "y");
  CHECK(m.erase("k"));
  CHECK(m.entries.size() == 1);
  Node& c = m.child_map("spec");
  c.set("n", Node::integer(3));
  CHECK(m.at_path("spec.n")->i == 3);
  CHECK(m.at_path("spec.missing") == nullptr);
}

// Regression (issue 22): `labels: [app, web]` in a pod template became the
// sidecar's labels: child_map put an empty map in place of the list. It
// gives the map that is there, makes one where there is none, and refuses
// anything else rather than lose it.
TEST_CASE("child_map refuses to replace a list or a scalar with a map (issue 22)", "[node]") {
  Node m = Node::map();
  m.set("labels", Node::seq()).items = {Node::string("app"), Node::string("web")};
  m.set("name", Node::string("x"));
  m.set("none", Node::null());
  m.set("map", Node::map()).set("a", Node::string("b"));
  CHECK_THROWS_WITH(m.child_map("labels"), Catch::Contains("labels is a list, not a mapping"));
  CHECK_THROWS_WITH(m.child_map("name"), Catch::Contains("name is a string, not a mapping"));
  CHECK(m.get("labels")->is_seq());
  CHECK(m.child_map("none").is_map());
  CHECK(m.child_map("absent").is_map());
  CHECK(m.child_map("map").get("a")->text == "b");
}
