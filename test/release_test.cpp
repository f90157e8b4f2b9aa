// Which Istio injector kinject plays (istio/release.h): chosen by flag, or
// read off the configuration, and what each release changed, by Istio's
// sources (pkg/kube/inject and the chart at each tag).
#include "kinject/istio/release.h"

#include <catch2/catch.hpp>

#include "kinject/base/error.h"
#include "kinject/yaml/reader.h"

using namespace kinject;

TEST_CASE("istio release (--istio-version): a minor or a patch of 1.24 to 1.31; others are errors that list what is known", "[release]") {
  IstioRelease r = parse_istio_release("1.30.3");
  CHECK(r.minor == 30);
  CHECK(r.patch == 3);
  CHECK(r.name() == "1.30.3");
  CHECK(parse_istio_release("v1.28").name() == "1.28");
  CHECK(parse_istio_release("1.26.0-beta.1").minor == 26);
  CHECK(parse_istio_release("1.31.4").name() == "1.31.4");
  CHECK_THROWS_WITH(parse_istio_release("1.32"), Catch::Contains("1.24 to 1.31") && Catch::Contains("1.28, 1.29, 1.30, 1.31"));
  CHECK_THROWS_WITH(parse_istio_release("1.23.4"), Catch::Contains("--istio-version 1.23.4"));
  CHECK_THROWS_WITH(parse_istio_release("latest"), Catch::Contains("built-in profiles"));
  CHECK_THROWS(parse_istio_release("2.0"));
  CHECK_THROWS(parse_istio_release("1.28x"));
}

TEST_CASE("what changed, release by release", "[release]") {
  auto at = [](const char* v) { return parse_istio_release(v); };
  CHECK_FALSE(at("1.24").rewrites_lifecycle_hooks());
  CHECK(at("1.25").rewrites_lifecycle_hooks());
  CHECK(at("1.24").validates_core_dump());
  CHECK_FALSE(at("1.25").validates_core_dump());
  CHECK_FALSE(at("1.26").native_sidecars_tristate());
  CHECK(at("1.27").native_sidecars_tristate());
  CHECK_FALSE(at("1.26.8").strict_inject_value());
  CHECK(at("1.27.0").strict_inject_value());
  CHECK_FALSE(at("1.26").appends_missing_probers());
  CHECK(at("1.27").appends_missing_probers());
  // Backported to 1.27.6 and 1.28.4, in 1.29.0.
  CHECK_FALSE(at("1.27.5").validates_proxy_resources());
  CHECK(at("1.27.6").validates_proxy_resources());
  CHECK_FALSE(at("1.28.3").validates_proxy_resources());
  CHECK(at("1.28.4").validates_proxy_resources());
  CHECK(at("1.28").validates_proxy_resources());  // a minor alone: its latest patch
  CHECK(at("1.29.0").validates_proxy_resources());
  CHECK_FALSE(at("1.29").validates_interface_names());
  CHECK(at("1.30").validates_interface_names());
  // 1.31 (inject.go ProxyImage/ProxyInitImage/proxyImageURL at 1.31.0-rc.0).
  CHECK_FALSE(at("1.30").empty_image_type_keeps_variant());
  CHECK(at("1.31").empty_image_type_keeps_variant());
  CHECK_FALSE(at("1.30").separate_init_image());
  CHECK(at("1.31").separate_init_image());
  // appendMultusNetwork's namespace: backported to 1.24.4 and 1.25.1, in 1.26.0.
  CHECK_FALSE(at("1.24.3").splits_multus_network_namespace());
  CHECK(at("1.24.4").splits_multus_network_namespace());
  CHECK(at("1.24").splits_multus_network_namespace());
  CHECK_FALSE(at("1.25.0").splits_multus_network_namespace());
  CHECK(at("1.25.1").splits_multus_network_namespace());
  CHECK(at("1.26.0").splits_multus_network_namespace());
}

TEST_CASE("the release a configuration comes from: the ConfigMap's label, a released tag, else the template",
          "[release]") {
  const IstioRelease fallback{30, -1, "fallback"};
  Node none = Node::map();
  Node tagged = parse_yaml("global: {tag: 1.28.3, multiCluster: {enabled: false}}", "v");
  Node latest = parse_yaml("global: {tag: latest, multiCluster: {enabled: false}}", "v");

  IstioRelease by_label = infer_istio_release("1.29.2", tagged, {}, fallback);
  CHECK(by_label.name() == "1.29.2");
  CHECK_THAT(by_label.reason, Catch::Contains("version label"));
  CHECK(infer_istio_release("", tagged, {}, fallback).name() == "1.28.3");
  // A development chart's 1.0.0, or a release newer than kinject plays, says nothing.
  CHECK(infer_istio_release("1.0.0", latest, {"{{ .NativeSidecars }}"}, fallback).minor == 27);
  CHECK(infer_istio_release("1.32.0", none, {}, fallback).reason == "fallback");
  CHECK(infer_istio_release("1.31.0", none, {}, fallback).name() == "1.31.0");

  struct Case {
    const char* template_text;
    int minor;
  };
  const Case cases[] = {
      {"image: \"{{ .ProxyInitImage }}\"", 31},
      {"value: \"fips140=only\"", 31},
      {"value: \"{{ otelResourceAttributes .MeshConfig }}\"", 30},
      {"name: {{ .Values.pilot.crlConfigMapName | default \"istio-ca-crl\" }}", 29},
      {"{{- if .Values.global.proxy.seccompProfile }}", 28},
      {"{{ $n := printf \"%t\" .NativeSidecars }}", 27},
      {"{{ if eq (.Values.pilot.env).ENABLE_CLUSTER_TRUST_BUNDLE_API true }}", 26},
      {"{{ index .ObjectMeta.Labels `service.istio.io/workload-name` }}", 25},
      {"spec: {containers: [{name: istio-proxy}]}", 24},
  };
  for (const auto& c : cases) {
    INFO(c.template_text);
    IstioRelease r = infer_istio_release("", latest, {c.template_text}, fallback);
    CHECK(r.minor == c.minor);
    CHECK(r.patch == -1);
  }
  // Values alone: 1.28 added global.resourceScope, 1.27 global.nativeNftables.
  CHECK(infer_istio_release("", parse_yaml("global: {resourceScope: all}", "v"), {}, fallback).minor == 28);
  CHECK(infer_istio_release("", parse_yaml("global: {nativeNftables: false}", "v"), {}, fallback).minor == 27);
  // Nothing says: the fallback, with its reason.
  CHECK(infer_istio_release("", none, {"spec: {}"}, fallback).reason == "fallback");
}

TEST_CASE("a release kinject does not know: its label or tag, played as the nearest known one, said naming both",
          "[release]") {
  Node none = Node::map();
  auto newer = unknown_istio_release("1.32.0", none);
  REQUIRE(newer);
  CHECK(newer->nearest.minor == 31);
  CHECK(newer->version == "1.32.0");
  std::string w = unknown_release_warning(*newer);
  CHECK_THAT(w, Catch::Contains("Istio 1.32") && Catch::Contains("played as Istio 1.31") &&
                    Catch::Contains("the ConfigMap's version label 1.32.0"));
  auto older = unknown_istio_release("", parse_yaml("global: {tag: 1.23.4}", "v"));
  REQUIRE(older);
  CHECK(older->nearest.minor == 24);
  CHECK_THAT(unknown_release_warning(*older), Catch::Contains("values global.tag 1.23.4") && Catch::Contains("Istio 1.24"));
  // hello-existing-cncf-networks-json (1.22's golden case): an older
  // release is played as the oldest's first patch, 1.24.0, whose injector
  // is nearest to it (1.24.4 backported appendMultusNetwork's namespace);
  // a newer one as the newest's latest.
  auto v122 = unknown_istio_release("1.22.8", none);
  REQUIRE(v122);
  CHECK(v122->nearest.name() == "1.24.0");
  CHECK_FALSE(v122->nearest.splits_multus_network_namespace());
  CHECK_THAT(unknown_release_warning(*v122), Catch::Contains("played as Istio 1.24.0,"));
  CHECK(newer->nearest.patch == -1);
  // Known releases, a development chart's 1.0.0, and tags that are not
  // releases say nothing; a known label is not overruled by a tag.
  CHECK_FALSE(unknown_istio_release("1.27.2", none));
  CHECK_FALSE(unknown_istio_release("1.0.0", parse_yaml("global: {tag: latest}", "v")));
  CHECK_FALSE(unknown_istio_release("1.29.1", parse_yaml("global: {tag: 1.32.0}", "v")));
  CHECK_FALSE(unknown_istio_release("1.0.0", parse_yaml("global: {tag: 1.31.1}", "v")));
  CHECK(unknown_istio_release("1.0.0", parse_yaml("global: {tag: 1.33.1}", "v"))->nearest.minor == 31);
}
