#include "kinject/istio/config.h"

#include <catch2/catch.hpp>

#include "kinject/base/error.h"

using namespace kinject;

TEST_CASE("each built-in profile is its Istio release's default install", "[config]") {
  // release -> the proxy image's hub and tag (Istio's released charts).
  const std::pair<const char*, std::pair<const char*, const char*>> expected[] = {
      {"1.24", {"docker.io/istio", "1.24.6"}},
      {"1.28", {"docker.io/istio", "1.28.10"}},
      {"1.29", {"docker.io/istio", "1.29.6"}},
      {"1.30", {"registry.istio.io/release", "1.30.3"}},
  };
  REQUIRE(builtin_releases() == std::vector<std::string>{"1.24", "1.28", "1.29", "1.30"});
  for (const auto& [release, image] : expected) {
    CAPTURE(release);
    IstioConfig c = builtin_config(parse_istio_release(release));
    for (const char* t : {"sidecar", "gateway", "grpc-simple", "grpc-agent"}) CHECK(c.templates.count(t) == 1);
    CHECK(c.default_templates == std::vector<std::string>{"sidecar"});
    CHECK(c.values.at_path("global.hub")->text == image.first);
    CHECK(c.values.at_path("global.tag")->text == image.second);
    CHECK(c.values.at_path("global.proxy.statusPort")->i == 15020);
    CHECK(c.mesh.at_path("defaultConfig.discoveryAddress")->text == "istiod.istio-system.svc:15012");
    CHECK(c.mesh.get("proxyListenPort")->i == 15001);
    CHECK(c.policy == InjectPolicy::Enabled);
    CHECK(c.release.name() == image.second);  // the profile's patch
  }
  CHECK(default_istio_release().name() == "1.30");
}

TEST_CASE("inject config files: full config, ConfigMap, or a bare template", "[config]") {
  IstioConfig c;
  parse_inject_config("policy: disabled\ndefaultTemplates: [a]\naliases: {both: [a, b]}\ntemplates:\n  a: 'x'\n  b: 'y'\n", "f", c);
  CHECK(c.templates.size() == 2);
  CHECK(c.policy == InjectPolicy::Disabled);
  CHECK(c.default_templates == std::vector<std::string>{"a"});
  CHECK(c.aliases["both"] == std::vector<std::string>{"a", "b"});

  IstioConfig cm;
  parse_inject_config("apiVersion: v1\nkind: ConfigMap\ndata:\n  config: |\n    templates:\n      sidecar: 'z'\n", "cm", cm);
  CHECK(cm.templates.at("sidecar") == "z");

  IstioConfig bare;
  parse_inject_config("spec:\n  containers:\n  - name: {{ .Values.x }}\n", "bare", bare);
  CHECK(bare.templates.at("sidecar").find("{{ .Values.x }}") != std::string::npos);

  IstioConfig bad;
  CHECK_THROWS_WITH(parse_inject_config("policy: sometimes\ntemplates: {a: x}\n", "p", bad), Catch::Contains("policy must be"));
}

TEST_CASE("set writes Istio values paths", "[config]") {
  MemoryDisk disk;
  ConfigSources src;
  src.sets = {"global.hub=registry.example.com/istio", "values.global.proxy.statusPort=15021",
              "global.proxy.holdApplicationUntilProxyStarts=true", "global.tag=1.24.6",
              "global.imagePullSecrets={a, b}"};
  IstioConfig c = load_config(src, disk);
  const Node& v = c.values;
  CHECK(v.at_path("global.hub")->text == "registry.example.com/istio");
  CHECK(v.at_path("global.proxy.statusPort")->i == 15021);
  CHECK(v.at_path("global.proxy.holdApplicationUntilProxyStarts")->b);
  CHECK(v.at_path("global.tag")->text == "1.24.6");
  REQUIRE(v.at_path("global.imagePullSecrets")->size() == 2);
  CHECK(v.at_path("global.imagePullSecrets")->items[1].text == " b");  // Helm keeps the space
  auto load = [&](std::string set) {
    src.sets = {std::move(set)};
    return load_config(src, disk);
  };
  CHECK_THROWS_WITH(load("global.hub"), Catch::Contains("key \"global.hub\" has no value"));
  CHECK_THROWS_WITH(load("global..hub=x"), Catch::Contains("an empty name"));
}

TEST_CASE("configuration files are read through the disk", "[config]") {
  MemoryDisk disk;
  disk.add_file("values.json", R"({"global": {"hub": "h", "tag": "t"}})");
  disk.add_file("mesh.yaml", "defaultConfig:\n  holdApplicationUntilProxyStarts: true\n");
  ConfigSources src;
  src.values_file = "values.json";
  src.mesh_config_file = "mesh.yaml";
  src.revision = "default";
  IstioConfig c = load_config(src, disk);
  CHECK(c.values.at_path("global.hub")->text == "h");
  CHECK(c.mesh.at_path("defaultConfig.holdApplicationUntilProxyStarts")->b);
  CHECK(c.mesh.at_path("defaultConfig.statusPort")->i == 15020);  // defaults kept
  CHECK(c.revision.empty());                                        // "default" is the default revision
  src.values_file = "missing.json";
  CHECK_THROWS_WITH(load_config(src, disk), Catch::Contains("missing.json"));
}

// Regression: `--set global.proxy.resources.requests.cpu=abc` was written
// into every proxy silently, while the same value in an annotation is an
// error; the API server refuses such a pod.
TEST_CASE("config: --set values are checked as Istio types them (regression)", "[config]") {
  MemoryDisk disk;
  auto load = [&](std::string set) {
    ConfigSources src;
    src.sets = {std::move(set)};
    return load_config(src, disk);
  };
  CHECK_THROWS_WITH(load("global.proxy.resources.requests.cpu=abc"),
                    Catch::StartsWith("--set global.proxy.resources.requests.cpu=abc: resources.requests.cpu is \"abc\", "
                                      "not a Kubernetes quantity"));
  CHECK_THROWS_WITH(load("global.proxy.resources.limits.memory=lots"), Catch::Contains("resources.limits.memory is \"lots\""));
  CHECK_THROWS_WITH(load("global.proxy.privileged=maybe"),
                    Catch::Contains("is a boolean (true or false) in Istio's values, not a string"));
  CHECK_THROWS_WITH(load("global.proxy.statusPort=http"), Catch::Contains("is a number in Istio's values"));
  CHECK_NOTHROW(load("global.proxy.resources.requests.cpu=250m"));
  CHECK_NOTHROW(load("global.proxy.resources.limits.memory=1Gi"));
  CHECK_NOTHROW(load("global.proxy.privileged=true"));
}
