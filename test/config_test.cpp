#include "kinject/istio/config.h"

#include <catch2/catch.hpp>

#include "kinject/base/error.h"
#include "kinject/yaml/reader.h"

using namespace kinject;

TEST_CASE("each built-in profile is its Istio release's default install", "[config]") {
  // release -> the proxy image's hub and tag (Istio's released charts).
  const std::pair<const char*, std::pair<const char*, const char*>> expected[] = {
      {"1.24", {"docker.io/istio", "1.24.6"}},
      {"1.28", {"docker.io/istio", "1.28.10"}},
      {"1.29", {"docker.io/istio", "1.29.6"}},
      {"1.30", {"registry.istio.io/release", "1.30.3"}},
      {"1.31", {"registry.istio.io/release", "1.31.0"}},
  };
  REQUIRE(builtin_releases() == std::vector<std::string>{"1.24", "1.28", "1.29", "1.30", "1.31"});
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
  CHECK(default_istio_release().name() == "1.31");
}

TEST_CASE("a patch asked for names the image: the cluster runs 1.31.4, not the profile's 1.31.0 (issue 24)", "[config][release]") {
  IstioConfig c = builtin_config(parse_istio_release("1.31.4"));
  CHECK(c.values.at_path("global.tag")->text == "1.31.4");
  CHECK(c.release.name() == "1.31.4");
  IstioConfig older = builtin_config(parse_istio_release("1.30.1"));
  CHECK(older.values.at_path("global.tag")->text == "1.30.1");
  // A minor alone keeps the profile's own patch.
  CHECK(builtin_config(parse_istio_release("1.31")).values.at_path("global.tag")->text == "1.31.0");
  // And a release kinject does not know is an error naming the known ones.
  CHECK_THROWS_WITH(parse_istio_release("1.32"), Catch::Contains("1.24, 1.28, 1.29, 1.30, 1.31"));
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

  // Istio's UnmarshalConfig reads policy into a Go string: any string is
  // read (injectRequired then calls all but "enabled" and "disabled"
  // illegal), a missing one is "", a bool or number fails the config.
  IstioConfig odd;
  parse_inject_config("policy: sometimes\ntemplates: {a: x}\n", "p", odd);
  CHECK(odd.policy == InjectPolicy::Illegal);
  CHECK(odd.policy_value == "sometimes");
  CHECK(odd.policy_source == "p");
  CHECK(cm.policy == InjectPolicy::Illegal);  // the ConfigMap above has no policy
  CHECK(cm.policy_value.empty());
  CHECK(bare.policy == InjectPolicy::Enabled);  // a bare template is no config document
  IstioConfig bad;
  CHECK_THROWS_WITH(parse_inject_config("policy: yes\ntemplates: {a: x}\n", "p", bad),
                    Catch::Contains("p: policy must be a string, not the boolean yes"));
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

// Where Helm's typing (typedVal: only whole numbers without a leading zero
// are numbers) meets Istio's typed values, decided by what the pod would
// get (config.cpp, check_set_value): Istio's numbers are whole numbers the
// templates print into integer fields, so a string there is refused, saying
// why; quantities are strings anyway.
TEST_CASE("config: --set, Helm's typing against Istio's values", "[config][set]") {
  MemoryDisk disk;
  auto load = [&](std::vector<std::string> sets) {
    ConfigSources src;
    src.istio_version = "1.30";
    src.sets = std::move(sets);
    return load_config(src, disk);
  };
  CHECK_THROWS_WITH(load({"global.proxy.statusPort=15020.5"}),
                    Catch::StartsWith("--set global.proxy.statusPort=15020.5: global.proxy.statusPort is a number in "
                                      "Istio's values, not a string (Helm's --set reads only whole numbers without a "
                                      "leading zero as numbers: 15020.5 stays a string"));
  CHECK_THROWS_WITH(load({"global.proxy.readinessPeriodSeconds=015"}), Catch::Contains("015 stays a string"));
  CHECK(load({"global.proxy.readinessPeriodSeconds=15"}).values.at_path("global.proxy.readinessPeriodSeconds")->kind == Kind::Int);
  CHECK_THROWS_WITH(load({"global.proxy.privileged=null"}),
                    Catch::Contains("is a boolean (true or false) in Istio's values, not null (a null removes the value"));
  // Quantities are strings to Helm and to Kubernetes alike.
  IstioConfig half = load({"global.proxy.resources.requests.cpu=0.5,global.proxy.resources.limits.cpu=2"});
  CHECK(half.values.at_path("global.proxy.resources.requests.cpu")->text == "0.5");
  CHECK(half.values.at_path("global.proxy.resources.limits.cpu")->i == 2);
  // Helm has no mapping values, and a list or mapping replaced by a string
  // renders where Kubernetes wants the list or mapping.
  CHECK_THROWS_WITH(load({"global.proxy.seccompProfile={type: RuntimeDefault}"}),
                    "--set global.proxy.seccompProfile={type: RuntimeDefault}: global.proxy.seccompProfile is a mapping "
                    "in Istio's values, not a list; set its keys one by one (global.proxy.seccompProfile.KEY=VALUE)");
  CHECK_THROWS_WITH(load({"global.imagePullSecrets=pull"}),
                    Catch::EndsWith("global.imagePullSecrets is a list in Istio's values, not a string; write a list as "
                                    "global.imagePullSecrets={a,b} or global.imagePullSecrets[0]=a"));
  CHECK_THROWS_WITH(load({"global.hub[0]=x"}), Catch::EndsWith("global.hub is a string in Istio's values, not a list"));
  CHECK(load({"global.imagePullSecrets[1]=b"}).values.at_path("global.imagePullSecrets")->same_value(
      parse_yaml("[null, b]", "want")));
  CHECK(load({"global.proxy.resources=null"}).values.at_path("global.proxy.resources") == nullptr);
  // One text, several assignments: the message names the one at fault.
  CHECK_THROWS_WITH(load({"global.hub=registry.example.com,global.proxy.privileged=maybe,global.tag=1"}),
                    Catch::StartsWith("--set global.proxy.privileged=maybe: global.proxy.privileged is a boolean"));
  CHECK_THROWS_WITH(load({"global.hub=x", "globl.tag=1"}), Catch::StartsWith("--set globl.tag=1: Istio's values have no globl"));
  // values. (istioctl's paths) and escapes in the same text.
  CHECK(load({R"(values.global.proxy.excludeIPRanges=10.0.0.0/8\,192.168.0.0/16,values.global.tag=1.30.1)"})
            .values.at_path("global.proxy.excludeIPRanges")
            ->text == "10.0.0.0/8,192.168.0.0/16");
  // The invariant behind issue 22's bug: a value the templates take as the
  // default of an override annotation (`annotation $meta
  // traffic.sidecar.istio.io/excludeOutboundIPRanges $proxy.excludeIPRanges`)
  // passes the check Istio gives that annotation, whatever way it came in:
  // here a backslash Helm's grammar keeps (`\\` is one), which would reach
  // istio-iptables' arguments.
  CHECK_THROWS_WITH(load({R"(global.proxy.excludeIPRanges=10.0.0.0/8\\\,192.168.0.0/16)"}),
                    Catch::StartsWith(R"(--set global.proxy.excludeIPRanges=10.0.0.0/8\\\,192.168.0.0/16: )"
                                      R"(global.proxy.excludeIPRanges is "10.0.0.0/8\,192.168.0.0/16", which Istio )"
                                      R"(refuses in traffic.sidecar.istio.io/excludeOutboundIPRanges, the annotation )"
                                      R"(it is the default of: excludeIPRanges invalid: failed parsing cidr '10.0.0.0/8\')"));
  CHECK_THROWS_WITH(load({"global.proxy.includeInboundPorts=80;443"}),
                    Catch::Contains("traffic.sidecar.istio.io/includeInboundPorts") && Catch::Contains("failed parsing port '80;443'"));
  CHECK_THROWS_WITH(load({"global.proxy.excludeOutboundPorts=70000"}), Catch::Contains("excludeOutboundPorts invalid"));
  CHECK_THROWS_WITH(load({"global.proxy.statusPort=70000"}), Catch::Contains("status.sidecar.istio.io/port"));
  CHECK_NOTHROW(load({R"(global.proxy.includeIPRanges=*,global.proxy.excludeInboundPorts=8080\,9090,global.proxy.excludeOutboundPorts=)"}));
  // A list where Istio has a string renders as Go prints a list, [a b].
  CHECK_THROWS_WITH(load({"global.proxy.excludeIPRanges={10.0.0.0/8,192.168.0.0/16}"}),
                    Catch::EndsWith("global.proxy.excludeIPRanges is a string in Istio's values, not a list; Helm's "
                                    "{a,b} is a list: write a comma inside a string as \\,"));
  // An empty --set (a shell variable left empty) sets nothing, as in Helm.
  CHECK(load({""}).values.same_value(load({}).values));
}
