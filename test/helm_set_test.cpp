// Helm's --set grammar (helm_set.h), checked against Helm's own tests and
// documentation: helm.sh/helm/v3 v3.21.4 pkg/strvals/parser_test.go
// (TestParseSet, TestParseInto, TestParseSetNestedLevels, TestSetIndex) and
// the "The Format and Limitations of --set" section of Helm's "Using Helm"
// (helm-www content/en/docs/intro/using_helm.md). Expected values are
// written as JSON, as Helm's tests write theirs as Go maps; where Helm's
// documentation and its code disagree, the code (what a chart gets) wins
// and the test says so.
#include "kinject/istio/helm_set.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include <unistd.h>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "kinject/base/error.h"
#include "kinject/base/text.h"
#include "kinject/yaml/emit.h"
#include "kinject/yaml/reader.h"

using namespace kinject;

namespace {

Node json(std::string_view text) { return parse_yaml(text, "expected"); }

// strvals.ParseInto of each text in turn, starting from `into`.
Node parse_into(const std::vector<std::string>& texts, Node into = Node::map()) {
  for (const auto& t : texts) helm_set_into(into, t);
  return into;
}

void check_parses(const std::string& text, std::string_view want) {
  CAPTURE(text);
  Node got = parse_into({text});
  INFO("got " << emit_json(got, 0));
  CHECK(got.same_value(json(want)));
}

}  // namespace

// parser_test.go TestParseSet `tests`, in Helm's order: nullptr for the
// cases Helm expects an error for.
TEST_CASE("helm --set: Helm's TestParseSet table", "[helm_set]") {
  const std::pair<const char*, const char*> cases[] = {
      {"name1=null,f=false,t=true", R"({"name1": null, "f": false, "t": true})"},
      {"name1=value1", R"({"name1": "value1"})"},
      {"name1=value1,name2=value2", R"({"name1": "value1", "name2": "value2"})"},
      {"name1=value1,name2=value2,", R"({"name1": "value1", "name2": "value2"})"},
      {"name1=value1,,,,name2=value2,", nullptr},
      {"name1=,name2=value2", R"({"name1": "", "name2": "value2"})"},
      {"leading_zeros=00009", R"({"leading_zeros": "00009"})"},
      {"zero_int=0", R"({"zero_int": 0})"},
      {"long_int=1234567890", R"({"long_int": 1234567890})"},
      {"boolean=true", R"({"boolean": true})"},
      {"is_null=null", R"({"is_null": null})"},
      {"name1,name2=", nullptr},
      {"name1,name2=value2", nullptr},
      {"name1,name2=value2\\", nullptr},
      {"name1,name2", nullptr},
      {"name1=one\\,two,name2=three\\,four", R"({"name1": "one,two", "name2": "three,four"})"},
      {"name1=one\\=two,name2=three\\=four", R"({"name1": "one=two", "name2": "three=four"})"},
      {"name1=one two three,name2=three two one", R"({"name1": "one two three", "name2": "three two one"})"},
      {"outer.inner=value", R"({"outer": {"inner": "value"}})"},
      {"outer.middle.inner=value", R"({"outer": {"middle": {"inner": "value"}}})"},
      {"outer.inner1=value,outer.inner2=value2", R"({"outer": {"inner1": "value", "inner2": "value2"}})"},
      {"outer.inner1=value,outer.middle.inner=value", R"({"outer": {"inner1": "value", "middle": {"inner": "value"}}})"},
      {"name1.name2", nullptr},
      {"name1.name2,name1.name3", nullptr},
      {"name1.name2=", R"({"name1": {"name2": ""}})"},
      {"name1.=name2", nullptr},
      {"name1.,name2", nullptr},
      {"name1={value1,value2}", R"({"name1": ["value1", "value2"]})"},
      {"name1={value1,value2},name2={value1,value2}", R"({"name1": ["value1", "value2"], "name2": ["value1", "value2"]})"},
      {"name1={1021,902}", R"({"name1": [1021, 902]})"},
      {"name1.name2={value1,value2}", R"({"name1": {"name2": ["value1", "value2"]}})"},
      {"name1={1021,902", nullptr},
      // List support
      {"list[0]=foo", R"({"list": ["foo"]})"},
      {"list[0].foo=bar", R"({"list": [{"foo": "bar"}]})"},
      {"list[0].foo=bar,list[0].hello=world", R"({"list": [{"foo": "bar", "hello": "world"}]})"},
      {"list[0].foo=bar,list[-30].hello=world", nullptr},
      {"list[0]=foo,list[1]=bar", R"({"list": ["foo", "bar"]})"},
      {"list[0]=foo,list[1]=bar,", R"({"list": ["foo", "bar"]})"},
      {"list[0]=foo,list[3]=bar", R"({"list": ["foo", null, null, "bar"]})"},
      {"list[0]=foo,list[-20]=bar", nullptr},
      {"illegal[0]name.foo=bar", nullptr},
      // {"noval[0]", {"noval": []}}: refused here, see "what kinject refuses".
      {"noval[0]=", R"({"noval": [""]})"},
      {"nested[0][0]=1", R"({"nested": [[1]]})"},
      {"nested[1][1]=1", R"({"nested": [null, [null, 1]]})"},
      {"name1.name2[0].foo=bar,name1.name2[1].foo=bar", R"({"name1": {"name2": [{"foo": "bar"}, {"foo": "bar"}]}})"},
      {"name1.name2[1].foo=bar,name1.name2[0].foo=bar", R"({"name1": {"name2": [{"foo": "bar"}, {"foo": "bar"}]}})"},
      {"name1.name2[1].foo=bar", R"({"name1": {"name2": [null, {"foo": "bar"}]}})"},
      {"]={}].", nullptr},
  };
  for (const auto& [text, want] : cases) {
    if (want) {
      check_parses(text, want);
    } else {
      CAPTURE(text);
      CHECK_THROWS_AS(parse_into({text}), Error);
    }
  }
}

// parser_test.go TestParseInto: into values already there, and a second
// --set into the result of the first.
TEST_CASE("helm --set: Helm's TestParseInto table", "[helm_set]") {
  struct Case {
    std::vector<std::string> texts;
    const char* got;
    const char* want;
  };
  const Case cases[] = {
      {{"outer.inner1=value1,outer.inner3=value3,outer.inner4=4"},
       R"({"outer": {"inner1": "overwrite", "inner2": "value2"}})",
       R"({"outer": {"inner1": "value1", "inner2": "value2", "inner3": "value3", "inner4": 4}})"},
      {{"listOuter[0][0].type=listValue", "listOuter[0][0].status=alive"}, "{}",
       R"({"listOuter": [[{"type": "listValue", "status": "alive"}]]})"},
      {{"listOuter[0][0].type=listValue", "listOuter[1][0].status=alive"}, "{}",
       R"({"listOuter": [[{"type": "listValue"}], [{"status": "alive"}]]})"},
      {{"listOuter[0][1][0].type=listValue", "listOuter[0][0][1].status=alive"},
       R"({"listOuter": [[[{"exited": "old"}]]]})",
       R"({"listOuter": [[[{"exited": "old"}, {"status": "alive"}], [{"type": "listValue"}]]]})"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.texts);
    Node got = parse_into(c.texts, json(c.got));
    INFO("got " << emit_json(got, 0));
    CHECK(got.same_value(json(c.want)));
  }
}

// parser_test.go TestParseSetNestedLevels and TestSetIndex ("large"):
// Helm's limits, MaxNestedNameLevel and MaxIndex.
TEST_CASE("helm --set: Helm's limits on nesting and list indices", "[helm_set]") {
  std::string deep;
  for (int i = 1; i <= kHelmSetMaxNestedNameLevel + 2; ++i)
    deep += fmt::format("name{}{}", i, i <= kHelmSetMaxNestedNameLevel + 1 ? "." : "");
  CHECK_THROWS_WITH(parse_into({deep + "=value"}),
                    Catch::Contains("value name nested level is greater than maximum supported nested level of 30"));
  // 30 dots are allowed; dots after an index do not count.
  std::string thirty;
  for (int i = 1; i <= kHelmSetMaxNestedNameLevel + 1; ++i) thirty += fmt::format("{}n{}", i > 1 ? "." : "", i);
  CHECK_NOTHROW(parse_into({thirty + "=value"}));
  std::string indexed;
  for (int i = 1; i <= kHelmSetMaxNestedNameLevel + 5; ++i) indexed += fmt::format("{}n[0]", i > 1 ? "." : "");
  CHECK_NOTHROW(parse_into({indexed + "=value"}));

  CHECK(parse_into({"a[65536]=x"}).get("a")->items.size() == 65537);
  CHECK_THROWS_WITH(parse_into({"a[65537]=x"}), Catch::Contains("index of 65537 is greater than maximum supported index of 65536"));
  CHECK_THROWS_WITH(parse_into({"a[0][65537]=x"}), Catch::Contains("greater than maximum supported index"));
  CHECK_THROWS_WITH(parse_into({"a[-1]=x"}), Catch::Contains("negative -1 index not allowed"));
  CHECK_THROWS_WITH(parse_into({"a[99999999999999999999]=x"}),
                    Catch::Contains(R"(error parsing index: strconv.Atoi: parsing "99999999999999999999": value out of range)"));
  CHECK_THROWS_WITH(parse_into({"a[x]=1"}), Catch::Contains(R"(strconv.Atoi: parsing "x": invalid syntax)"));
  CHECK_THROWS_WITH(parse_into({"a[0=1"}), Catch::Contains("error parsing index: EOF"));
  // strconv.Atoi takes a sign.
  CHECK(parse_into({"a[+1]=x"}).same_value(json(R"({"a": [null, "x"]})")));
  CHECK(parse_into({"a[-0]=x"}).same_value(json(R"({"a": ["x"]})")));
}

// using_helm.md, "The Format and Limitations of --set", example by example.
TEST_CASE("helm --set: the examples of Helm's documentation", "[helm_set]") {
  check_parses("name=value", R"({"name": "value"})");
  check_parses("a=b,c=d", R"({"a": "b", "c": "d"})");
  check_parses("outer.inner=value", R"({"outer": {"inner": "value"}})");
  // The page shows `--set name={a, b, c}` as the list a, b, c; Helm's
  // parser (valList) keeps the spaces after the commas.
  check_parses("name={a, b, c}", R"({"name": ["a", " b", " c"]})");
  check_parses("servers[0].port=80", R"({"servers": [{"port": 80}]})");
  check_parses("servers[0].port=80,servers[0].host=example", R"({"servers": [{"port": 80, "host": "example"}]})");
  check_parses("name=value1\\,value2", R"({"name": "value1,value2"})");
  // `--set nodeSelector."kubernetes\.io/role"=master`: the shell takes the
  // double quotes and keeps the backslash.
  check_parses("nodeSelector.kubernetes\\.io/role=master", R"({"nodeSelector": {"kubernetes.io/role": "master"}})");
  // helm install's help: `--set foo=bar --set foo=newbar`, the last one wins.
  CHECK(parse_into({"foo=bar", "foo=newbar"}).same_value(json(R"({"foo": "newbar"})")));
}

// parser.go typedVal: what is a boolean, a null, a number, and what stays a
// string (floats among them).
TEST_CASE("helm --set: values are typed as Helm's typedVal types them", "[helm_set]") {
  const std::pair<const char*, const char*> cases[] = {
      {"true", "true"},       {"TRUE", "true"},           {"False", "false"},     {"NuLL", "null"},
      {"0", "0"},             {"7", "7"},                 {"-5", "-5"},           {"+5", "5"},
      {"-05", "-5"},          {"-0", "0"},                {"00", "\"00\""},       {"010", "\"010\""},
      {"1.5", "\"1.5\""},     {"0.5", "\"0.5\""},         {"1e3", "\"1e3\""},     {"0x10", "\"0x10\""},
      {"1_000", "\"1_000\""}, {"9223372036854775807", "9223372036854775807"},
      {"9223372036854775808", "\"9223372036854775808\""}, {"-9223372036854775808", "-9223372036854775808"},
      {"yes", "\"yes\""},     {"on", "\"on\""},           {"~", "\"~\""},         {"", "\"\""},
      {" 1", "\" 1\""},       {"+-1", "\"+-1\""},         {"-", "\"-\""},         {"\"x\"", "\"\\\"x\\\"\""},
      // strings.EqualFold folds U+017F LATIN SMALL LETTER LONG S with s.
      {"fal\xC5\xBF" "e", "false"},
  };
  for (const auto& [value, want] : cases) check_parses(std::string("v=") + value, fmt::format(R"({{"v": {}}})", want));
}

// What the parser does that the table and the page do not show, read off
// parser.go (and confirmed by the Go oracle below).
TEST_CASE("helm --set: escapes, lists and separators as parser.go reads them", "[helm_set]") {
  check_parses("a=b=c", R"({"a": "b=c"})");                        // only the name ends at =
  check_parses("a\\=b=c", R"({"a=b": "c"})");
  check_parses("a\\[0\\]=x", R"({"a[0]": "x"})");
  check_parses("a=\\{x\\,y}", R"({"a": "{x,y}"})");                  // a brace escaped is no list
  check_parses("a={}", R"({"a": [""]})");
  check_parses("a={x,}", R"({"a": ["x", ""]})");
  check_parses("a={x\\,y,z}", R"({"a": ["x,y", "z"]})");
  check_parses("a={x}b=1", R"({"a": ["x"], "b": 1})");              // after }, a comma is optional
  check_parses("a=x\\\\y", R"({"a": "x\\y"})");
  check_parses("a=value\\", R"({"a": "value"})");                   // a backslash ending the text is dropped
  check_parses(" a=1, b=2", R"({" a": 1, " b": 2})");               // spaces belong to names and values
  check_parses("a=é,é=ſ", R"({"a": "é", "é": "ſ"})");
  check_parses("a.b=1,a.c=2", R"({"a": {"b": 1, "c": 2}})");
  check_parses("a.b=1,a=2", R"({"a": 2})");
  check_parses("a[0]=x,a[0].b=y", R"({"a": [{"b": "y"}]})");         // listItem replaces what is not a map
  check_parses("a[2].b=y,a[0]=x", R"({"a": ["x", null, {"b": "y"}]})");
  check_parses("", "{}");
  CHECK_THROWS_WITH(parse_into({","}), Catch::Contains(R"(key "" has no value (cannot end with ,))"));
}

// parser.go's type assertions (key: data[k].(map[string]any) and
// .([]any); listItem: list[i].([]any)) fail on what an earlier assignment
// put there, null included; Helm reports the panic as "unable to parse key".
TEST_CASE("helm --set: a name through a value of another kind is refused", "[helm_set]") {
  for (const char* text : {"a=1,a.b=2", "a={x},a.b=1", "a.b=1,a[0]=2", "a=null,a.b=1", "a=null,a[0]=1",
                           "a[0]=x,a[0][0]=y", "a=1,a[0]=2"}) {
    CAPTURE(text);
    CHECK_THROWS_WITH(parse_into({text}), Catch::StartsWith(std::string("--set ")) && Catch::Contains("from an earlier --set"));
  }
  CHECK_THROWS_WITH(parse_into({"a=1", "a.b=2"}), Catch::StartsWith("--set a.b=2: a is a value from an earlier --set, not a mapping"));
  CHECK(parse_into({"a[1][0]=x,a[0][0]=y"}).same_value(json(R"({"a": [["y"], ["x"]]})")));  // a null slot starts a list
}

// Helm sets nothing (and says nothing) for these, or, for `a[0]`, makes a an
// empty list; each is a typo in a command line, so kinject refuses it.
TEST_CASE("helm --set: what kinject refuses that Helm lets through", "[helm_set]") {
  CHECK_THROWS_WITH(parse_into({"=x"}), Catch::Contains("an empty name"));
  CHECK_THROWS_WITH(parse_into({"a..b=x"}), Catch::Contains("an empty name"));
  CHECK_THROWS_WITH(parse_into({"a.=x"}), Catch::Contains("an empty name"));
  CHECK_THROWS_WITH(parse_into({"[0]=x"}), Catch::Contains("an empty name"));
  CHECK_THROWS_WITH(parse_into({"noval[0]"}), Catch::Contains(R"(key "noval[0]" has no value)"));
  CHECK_THROWS_WITH(parse_into({"a=1,b."}), Catch::Contains(R"(key "b." has no value)"));
  CHECK_THROWS_WITH(parse_into({"a=1,\\"}), Catch::Contains("has no value"));
  // parser.go returns io.EOF from key() after an empty value ending the
  // text, and listItem returns before its setIndex: an item being made is
  // lost (a stays an empty list); one that was there is changed in place.
  CHECK_THROWS_WITH(parse_into({"x.y[0].b="}), Catch::Contains("Helm sets nothing here") && Catch::Contains("(x.y[0])"));
  CHECK_THROWS_WITH(parse_into({"a[0][1].b="}), Catch::Contains("Helm sets nothing here"));
  CHECK_THROWS_WITH(parse_into({"a[0]=x", "a[0][0].b="}), Catch::Contains("from an earlier --set"));
  CHECK(parse_into({"a[0]=x", "a[0].b="}).same_value(json(R"({"a": [{"b": ""}]})")));
  CHECK(parse_into({"a[0].b=,c=1"}).same_value(json(R"({"a": [{"b": ""}], "c": 1})")));
  CHECK(parse_into({"a[0]="}).same_value(json(R"({"a": [""]})")));
  CHECK(parse_into({"a.b="}).same_value(json(R"({"a": {"b": ""}})")));
  CHECK_THROWS_WITH(parse_into({"a=caf\xE9"}), Catch::Contains("byte 6 of the text is not UTF-8 (0xE9)"));
}

// Every refusal names the whole --set text and says what to write.
TEST_CASE("helm --set: errors quote the text and say what to write", "[helm_set]") {
  CHECK_THROWS_WITH(parse_into({"excludeIPRanges=10.0.0.0/8,192.168.0.0/16"}),
                    R"(--set excludeIPRanges=10.0.0.0/8,192.168.0.0/16: key "192.168.0.0/16" has no value; --set )"
                    R"(takes Helm's grammar: NAME=VALUE assignments separated by commas; write a comma inside a value )"
                    R"(as \,)");
  CHECK_THROWS_WITH(parse_into({"a=1,b,c=2"}), Catch::Contains(R"(key "b" has no value (cannot end with ,))"));
  CHECK_THROWS_WITH(parse_into({"a={x,y"}), Catch::Contains("list must terminate with '}'") && Catch::Contains("\\{"));
  CHECK_THROWS_WITH(parse_into({"a[0]x=1"}), Catch::Contains(R"(unexpected data at end of array index: "x")"));
}

TEST_CASE("helm --set: each assignment keeps its own text and path", "[helm_set]") {
  auto all = parse_helm_set(R"(a.b[0][2].c=x\,y,d={1,2}e=3,values.f=)");
  REQUIRE(all.size() == 4);
  CHECK(all[0].text == R"(a.b[0][2].c=x\,y)");
  REQUIRE(all[0].path.size() == 3);
  CHECK(all[0].path[1].name == "b");
  CHECK(all[0].path[1].indices == std::vector<std::size_t>{0, 2});
  CHECK(helm_set_dotted(all[0].path) == "a.b.c");
  CHECK(all[0].value.text == "x,y");
  CHECK(all[1].text == "d={1,2}");
  CHECK(all[2].text == "e=3");
  CHECK(all[3].text == "values.f=");
  Node v = parse_into({R"(a.b[0][2].c=x\,y)"});
  CHECK(helm_set_find(v, all[0].path)->text == "x,y");
  CHECK_FALSE(helm_set_find(v, all[1].path));
}

// pkg/chartutil/coalesce.go (CoalesceValues, coalesceTablesFullKey): the
// values a chart renders with, the user's over the chart's.
TEST_CASE("helm --set: the user's values coalesce over the defaults as Helm's do", "[helm_set]") {
  Node defaults = json(R"({"a": {"b": 1, "c": {"d": 2}, "l": [1, 2], "n": null, "m": {"x": 1}}, "t": "top", "u": null})");
  auto coalesced = [&](const std::string& text) {
    Node user = parse_into({text});
    return helm_coalesce(user, defaults);
  };
  // Maps merge, a list replaces the default list whole, a scalar replaces.
  CHECK(coalesced("a.c.e=3,a.l[1]=9,t=x")
            .same_value(json(R"({"a": {"b": 1, "c": {"d": 2, "e": 3}, "l": [null, 9], "n": null, "m": {"x": 1}}, "t": "x", "u": null})")));
  // A null removes the default it names; one that names none, or a null, stays.
  CHECK(coalesced("a.b=null,a.z=null,a.n=null")
            .same_value(json(R"({"a": {"c": {"d": 2}, "l": [1, 2], "n": null, "m": {"x": 1}, "z": null}, "t": "top", "u": null})")));
  // At the top, coalesceValues removes a user's null whatever the default.
  CHECK(coalesced("t=null,u=null,v=null").same_value(json(R"({"a": {"b": 1, "c": {"d": 2}, "l": [1, 2], "n": null, "m": {"x": 1}}, "v": null})")));
  // Of a map and a scalar the user's wins (Helm warns).
  CHECK(coalesced("a.m=1,a.b.q=1").same_value(json(R"({"a": {"b": {"q": 1}, "c": {"d": 2}, "l": [1, 2], "n": null, "m": 1}, "t": "top", "u": null})")));
}

// The Go oracle: Helm's own strvals.ParseInto (helm.sh/helm/v3 v3.21.4),
// built by test/integration/helm_strvals_oracle_test.sh from
// test/oracle/helm-strvals, which runs this hidden test with
// KINJECT_HELM_STRVALS_ORACLE naming the binary. Every case above and
// thousands of generated texts go through both; they must agree on every
// value, and refuse the same texts but for kinject's own refusals of texts
// that set nothing (an empty name, a name without a value).
TEST_CASE("helm --set: agrees with Helm's strvals.ParseInto (Go oracle)", "[.][helm-oracle]") {
  const char* oracle = std::getenv("KINJECT_HELM_STRVALS_ORACLE");
  REQUIRE(oracle);
  std::vector<std::vector<std::string>> inputs = {
      {"name1=null,f=false,t=true"}, {"name={a, b, c}"}, {"a=b=c"}, {"a\\=b=c"}, {"a=\\{x,y}"}, {"a={}"},
      {"a={x}b=1"}, {"a=value\\"}, {" a=1, b=2"}, {"a[0]=x,a[0].b=y"}, {"a[2].b=y,a[0]=x"},
      {"a=1", "a.b=2"}, {"a[+1]=x"}, {"a[-0]=x"}, {"v=fal\xC5\xBF" "e"}, {"v=-05"}, {"v=9223372036854775808"},
      {"nodeSelector.kubernetes\\.io/role=master"}, {"listOuter[0][1][0].type=listValue", "listOuter[0][0][1].status=alive"},
  };
  // Generated: texts over the characters the grammar gives a meaning to.
  const std::string alphabet[] = {"a", "b", "0", "1", "-", ".", ",", "=", "[", "]", "{", "}", "\\", " ", "é", "ſ", "a=", "[0]", "=1,"};
  std::mt19937 rng(22);
  for (int n = 0; n < 6000; ++n) {
    std::vector<std::string> texts(1 + rng() % 2);
    for (auto& t : texts)
      for (std::size_t k = 0, len = 1 + rng() % 10; k < len; ++k) t += alphabet[rng() % std::size(alphabet)];
    inputs.push_back(texts);
  }
  // Generated: assignments as people write them, mostly well formed, so
  // that the values (and the conflicts between assignments) are compared.
  const std::string keys[] = {"a", "b", "é", "x\\.y", "k\\,", "n\\=m", "0"};
  const std::string indices[] = {"", "", "", "[0]", "[1]", "[2]", "[0][1]", "[-1]"};
  const std::string values[] = {"1", "0", "-3", "010", "1.5", "true", "FALSE", "null", "x", "", "{a,b}", "{1, 2}",
                                "a\\,b", "{}", "x\\", "{a", "é=1"};
  for (int n = 0; n < 3000; ++n) {
    std::vector<std::string> texts(1 + rng() % 2);
    for (auto& t : texts)
      for (std::size_t k = 0, count = 1 + rng() % 3; k < count; ++k) {
        if (k) t += ",";
        for (std::size_t d = 0, depth = 1 + rng() % 3; d < depth; ++d)
          t += (d ? "." : "") + keys[rng() % std::size(keys)] + indices[rng() % std::size(indices)];
        t += "=" + values[rng() % std::size(values)];
      }
    inputs.push_back(texts);
  }
  std::string in_path = fmt::format("{}/helm-oracle-in-{}.jsonl", std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp", ::getpid());
  std::string out_path = in_path + ".out";
  {
    std::ofstream in(in_path, std::ios::binary);
    for (const auto& texts : inputs) {
      std::string line = "[";
      for (const auto& t : texts) line += (line.size() > 1 ? "," : "") + json_quote(t);
      in << line << "]\n";
    }
  }
  REQUIRE(std::system(fmt::format("'{}' < '{}' > '{}'", oracle, in_path, out_path).c_str()) == 0);
  std::ifstream out(out_path, std::ios::binary);
  std::string line;
  std::size_t i = 0, agreed_values = 0, agreed_errors = 0, refused_here = 0;
  while (std::getline(out, line)) {
    REQUIRE(i < inputs.size());
    const auto& texts = inputs[i++];
    CAPTURE(texts, line);
    Node helm = json(line);
    std::optional<Node> ours;
    std::string error;
    try {
      ours = parse_into(texts);
    } catch (const Error& e) {
      error = e.what();
    }
    if (const Node* v = helm.get("values")) {
      if (ours) {
        INFO("kinject: " << emit_json(*ours, 0));
        CHECK(ours->same_value(*v));
        ++agreed_values;
      } else {
        INFO("kinject refused: " << error);
        CHECK((error.find("sets nothing") != std::string::npos || error.find("has no value") != std::string::npos));
        ++refused_here;
      }
    } else {
      INFO("kinject: " << (ours ? emit_json(*ours, 0) : error));
      CHECK_FALSE(ours);
      ++agreed_errors;
    }
  }
  CHECK(i == inputs.size());
  std::remove(in_path.c_str());
  std::remove(out_path.c_str());
  fmt::print("helm --set oracle: {} texts: {} the same values, {} refused by both, {} refused by kinject alone "
             "(setting nothing)\n",
             inputs.size(), agreed_values, agreed_errors, refused_here);
}
