#include "kinject/k8s/selector.h"

#include <catch2/catch.hpp>

#include "kinject/base/error.h"
#include "kinject/yaml/reader.h"

using namespace kinject;

namespace {

LabelSelector sel(const std::string& yaml) { return LabelSelector::from_node(parse_yaml(yaml, "s"), "test selector"); }
Node labels(const std::string& yaml) { return parse_yaml(yaml, "l"); }

}  // namespace

TEST_CASE("each operator, with present and missing keys", "[selector]") {
  Node l = labels("{app: web, tier: front, empty: ''}");
  struct Case {
    const char* selector;
    bool on_labels;
    bool on_nothing;
  };
  const Case cases[] = {
      {"{matchExpressions: [{key: app, operator: In, values: [web, api]}]}", true, false},
      {"{matchExpressions: [{key: app, operator: In, values: [api]}]}", false, false},
      {"{matchExpressions: [{key: app, operator: NotIn, values: [api]}]}", true, true},   // NotIn matches a missing key
      {"{matchExpressions: [{key: app, operator: NotIn, values: [web]}]}", false, true},
      {"{matchExpressions: [{key: app, operator: Exists}]}", true, false},
      {"{matchExpressions: [{key: app, operator: DoesNotExist}]}", false, true},
      {"{matchExpressions: [{key: other, operator: DoesNotExist}]}", true, true},
      {"{matchExpressions: [{key: empty, operator: In, values: ['']}]}", true, false},  // "" is a value
      {"{matchExpressions: [{key: empty, operator: Exists}]}", true, false},
      {"{matchLabels: {app: web}}", true, false},
      {"{matchLabels: {app: web}, matchExpressions: [{key: tier, operator: In, values: [back]}]}", false, false},  // ANDed
      {"{matchLabels: {app: web}, matchExpressions: [{key: app, operator: NotIn, values: [api]}]}", true, false},
      {"{}", true, true},  // empty matches everything
  };
  for (const auto& c : cases) {
    INFO(c.selector);
    LabelSelector s = sel(c.selector);
    CHECK(s.matches(&l) == c.on_labels);
    CHECK(s.matches(nullptr) == c.on_nothing);
  }
  CHECK(LabelSelector().matches(nullptr));
}

TEST_CASE("label values that YAML reads as other types compare as text", "[selector]") {
  Node l = labels("{sidecar.istio.io/inject: true, v: 1}");
  CHECK(sel("{matchLabels: {sidecar.istio.io/inject: 'true'}}").matches(&l));
  CHECK(sel("{matchExpressions: [{key: v, operator: In, values: ['1']}]}").matches(&l));
}

TEST_CASE("invalid selectors are errors that say what is wrong", "[selector]") {
  const std::pair<const char*, const char*> cases[] = {
      {"{matchExpressions: [{key: a, operator: in, values: [x]}]}", "\"in\" is not a valid label selector operator"},
      {"{matchExpressions: [{key: a, operator: In}]}", "values must be given"},
      {"{matchExpressions: [{key: a, operator: NotIn, values: []}]}", "values must be given"},
      {"{matchExpressions: [{key: a, operator: Exists, values: [x]}]}", "values may not be given"},
      {"{matchExpressions: [{operator: Exists}]}", ".key: required"},
      {"{matchLabels: {'bad key': x}}", "label key \"bad key\""},
      {"{matchLabels: {a/b/c: x}}", "more than one '/'"},
      {"{matchLabels: {Example.COM/a: x}}", "prefix"},
      {"{matchLabels: {a: -bad-}}", "label value \"-bad-\""},
      {"{matchLabels: {a: x}, selector: {}}", "unknown field \"selector\""},
      {"[a]", "must be a mapping"},
  };
  for (const auto& [yaml, says] : cases) {
    INFO(yaml);
    CHECK_THROWS_WITH(sel(yaml), Catch::Contains("test selector") && Catch::Contains(says));
  }
  std::string long_value(64, 'a');
  CHECK(invalid_label_value(long_value));
  CHECK_FALSE(invalid_label_value(""));
  CHECK_FALSE(invalid_label_key("kubernetes.io/metadata.name"));
}

TEST_CASE("kubectl's selector syntax", "[selector]") {
  Node l = labels("{app: web, tier: front}");
  CHECK(LabelSelector::parse("app=web", "s").matches(&l));
  CHECK(LabelSelector::parse("app==web,tier=front", "s").matches(&l));
  CHECK_FALSE(LabelSelector::parse("app!=web", "s").matches(&l));
  CHECK(LabelSelector::parse("env!=prod", "s").matches(&l));
  CHECK(LabelSelector::parse("tier in (front, back)", "s").matches(&l));
  CHECK_FALSE(LabelSelector::parse("tier notin (front)", "s").matches(&l));
  CHECK(LabelSelector::parse("app,!legacy", "s").matches(&l));
  CHECK(LabelSelector::parse("", "s").empty());
  CHECK(LabelSelector::parse(" tier in (b,a), app=web", "s").str() == "app=web,tier in (a,b)");
  CHECK_THROWS_WITH(LabelSelector::parse("app=web,", "--selector"), Catch::Contains("--selector") && Catch::Contains("expected a label key"));
  CHECK_THROWS_WITH(LabelSelector::parse("tier in front", "s"), Catch::Contains("expected '('"));
  CHECK_THROWS_WITH(LabelSelector::parse("a b", "s"), Catch::Contains("expected =, ==, !=, in or notin"));
}

TEST_CASE("the first failing requirement explains a mismatch", "[selector]") {
  Node l = labels("{istio-injection: disabled}");
  LabelSelector s = sel("{matchExpressions: [{key: istio-injection, operator: In, values: [enabled]}]}");
  const Requirement* r = s.first_mismatch(&l);
  REQUIRE(r);
  CHECK(r->str() == "istio-injection=enabled");
}
