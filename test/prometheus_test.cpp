// Istio's Prometheus merge as 1.31 changed it (pkg/kube/inject/webhook.go and
// pilot/cmd/pilot-agent/status/server.go at 1.31.0-rc.0). The first three
// groups transcribe 1.31's new tests of webhook_test.go, case by case, named
// as there; the rest pin what those tests leave open: the exact JSON, the
// exact messages, the releases before 1.31, and kinject's located errors.
//
// Not transcribed: nothing. (The Go tests build a MeshConfig with
// EnablePrometheusMerge true and the default status port 15020; here the mesh
// is `defaultConfig: {}` and the target port "15020", which is the same.)
#include <catch2/catch.hpp>

#include "kinject/base/error.h"
#include "kinject/istio/inject_steps.h"
#include "kinject/istio/release.h"
#include "kinject/k8s/pod.h"
#include "kinject/yaml/reader.h"

using namespace kinject;
using namespace kinject::istio;

namespace {

using Targets = std::vector<ScrapeTarget>;
using Annotations = std::vector<std::pair<std::string, std::string>>;

const IstioRelease k131{31, 0, "Istio 1.31"};
const IstioRelease k130{30, 3, "Istio 1.30"};

// A pod with these annotations and containers app and istio-proxy (the
// proxy's env `proxy_env`, a flow sequence such as "[{name: A, value: '1'}]").
Node pod_with(const Annotations& annotations, const std::string& proxy_env = "[]", bool proxy = true) {
  Node pod = Node::map();
  Node& annos = pod::annotations_of(pod);
  for (const auto& [k, v] : annotations) annos.set(k, Node::string(v));
  std::string spec = proxy ? "containers: [{name: app}, {name: istio-proxy, env: " + proxy_env + "}]" : "containers: [{name: app}]";
  Node s = parse_yaml(spec, "spec.yaml");
  s.forget_source();
  pod.set("spec", s);
  return pod;
}

std::string anno(const Node& pod, const char* key) { return pod::annotation(pod, key).value_or("<absent>"); }

std::string prometheus_env(const Node& pod) {
  return pod::env_value(pod::find_container(pod::container_list(pod, "containers"), "istio-proxy"),
                        "ISTIO_PROMETHEUS_ANNOTATIONS")
      .value_or("<absent>");
}

const Node kMesh = [] {
  Node m = parse_yaml("defaultConfig: {}\nenablePrometheusMerge: true", "mesh.yaml");
  m.forget_source();
  return m;
}();

std::string merge_error(Node pod, const IstioRelease& release = k131) {
  try {
    apply_prometheus_merge(pod, kMesh, "15020", release);
  } catch (const Error& e) {
    return e.what();
  }
  return "<no error>";
}

}  // namespace

// ---- TestGetPrometheusScrapeConfigurationMultiTarget
TEST_CASE("TestGetPrometheusScrapeConfigurationMultiTarget: scrape-targets read off the pod", "[istio][prometheus]") {
  struct Case {
    const char* name;
    Annotations annotations;
    std::string port, path;
    Targets targets;
  };
  const std::vector<Case> cases = {
      {"scrape-targets only",
       {{"prometheus.istio.io/scrape-targets", "8080:/metrics,9100:/custom"}},
       "",
       "",
       {{"8080", "/metrics"}, {"9100", "/custom"}}},
      {"scrape-targets with legacy port annotation",
       {{"prometheus.io/port", "8080"}, {"prometheus.io/path", "/metrics"},
        {"prometheus.istio.io/scrape-targets", "8080:/metrics,9100:/custom"}},
       "8080",
       "/metrics",
       {{"8080", "/metrics"}, {"9100", "/custom"}}},
      {"legacy only, no targets", {{"prometheus.io/port", "8080"}, {"prometheus.io/path", "/health"}}, "8080", "/health", {}},
      {"whitespace trimmed in scrape-targets",
       {{"prometheus.istio.io/scrape-targets", " 8080:/metrics , 9100:/custom "}},
       "",
       "",
       {{"8080", "/metrics"}, {"9100", "/custom"}}},
      {"malformed scrape-targets is logged and Targets left nil", {{"prometheus.istio.io/scrape-targets", ":/metrics"}}, "", "", {}},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    std::vector<std::string> warnings;
    PrometheusScrape got = prometheus_scrape_configuration(pod_with(c.annotations), k131, &warnings);
    CHECK(got.port == c.port);
    CHECK(got.path == c.path);
    CHECK(got.targets == c.targets);
    // Istio logs the malformed one; kinject says it in the report.
    CHECK(warnings.size() == (c.annotations.front().second == ":/metrics" ? 1u : 0u));
  }
}

// ---- TestApplyPrometheusMergeScrapeTargets
TEST_CASE("TestApplyPrometheusMergeScrapeTargets: reserved and agent ports refused, the annotation stripped",
          "[istio][prometheus]") {
  SECTION("reserved port rejected at injection time") {
    std::string e = merge_error(
        pod_with({{"prometheus.io/scrape", "true"}, {"prometheus.istio.io/scrape-targets", "8080:/metrics,15000:/metrics"}}));
    CHECK_THAT(e, Catch::Contains("15000") && Catch::Contains("reserved for Istio"));
  }
  SECTION("agent port rejected independently of reserved check") {
    CHECK(merge_error(pod_with({{"prometheus.io/scrape", "true"}, {"prometheus.istio.io/scrape-targets", "15020:/metrics"}})) !=
          "<no error>");
  }
  SECTION("legacy port equal to agent port triggers no-op via early-return guard") {
    Node pod = pod_with({{"prometheus.io/scrape", "true"}, {"prometheus.io/port", "15020"}});
    Node before = pod;
    CHECK(apply_prometheus_merge(pod, kMesh, "15020", k131).empty());
    CHECK(anno(pod, "prometheus.io/port") == "15020");
    CHECK(pod.same_value(before));
  }
  SECTION("legacy reserved port rejected at injection time") {
    std::string e = merge_error(pod_with({{"prometheus.io/scrape", "true"}, {"prometheus.io/port", "15000"}}));
    CHECK_THAT(e, Catch::Contains("15000") && Catch::Contains("reserved for Istio"));
  }
  SECTION("happy path strips prometheus.istio.io/scrape-targets annotation") {
    Node pod = pod_with({{"prometheus.io/scrape", "true"}, {"prometheus.istio.io/scrape-targets", "8080:/metrics,9100:/custom"}});
    CHECK(apply_prometheus_merge(pod, kMesh, "15020", k131).empty());
    CHECK(anno(pod, "prometheus.istio.io/scrape-targets") == "<absent>");
    CHECK(anno(pod, "prometheus.io/port") == "15020");
    CHECK(anno(pod, "prometheus.io/path") == "/stats/prometheus");
  }
}

// ---- TestApplySecurePrometheusAnnotation
TEST_CASE("TestApplySecurePrometheusAnnotation: prometheus.istio.io/secure-port from ENVOY_SECURE_MERGED_METRICS_PORT",
          "[istio][prometheus]") {
  struct Case {
    const char* name;
    std::string env;
    Annotations annotations;
    bool proxy;
    std::string want;
  };
  const std::vector<Case> cases = {
      {"sidecar: auto-annotates from ENVOY_SECURE_MERGED_METRICS_PORT",
       "[{name: ENVOY_SECURE_METRICS_PORT, value: '15091'}, {name: ENVOY_SECURE_MERGED_METRICS_PORT, value: '15092'}]",
       {},
       true,
       "15092"},
      {"gateway: direct env var is picked up (no proxyMetadata annotation needed)",
       "[{name: ENVOY_SECURE_MERGED_METRICS_PORT, value: '15092'}]", {}, true, "15092"},
      {"user-set annotation is not overwritten", "[{name: ENVOY_SECURE_MERGED_METRICS_PORT, value: '15092'}]",
       {{"prometheus.istio.io/secure-port", "19999"}}, true, "19999"},
      {"disabled (port=0) does not annotate", "[{name: ENVOY_SECURE_MERGED_METRICS_PORT, value: '0'}]", {}, true, "<absent>"},
      {"no env var: no annotation", "[{name: SOME_OTHER_VAR, value: value}]", {}, true, "<absent>"},
      {"no istio-proxy container: no annotation", "[]", {}, false, "<absent>"},
      // Beyond Istio's tests, from its code: a later non-empty one counts,
      // and a user's annotation in another spelling is the user's.
      {"(kinject) a \"\" then a port: the port", "[{name: ENVOY_SECURE_MERGED_METRICS_PORT, value: ''}, "
       "{name: ENVOY_SECURE_MERGED_METRICS_PORT, value: '15093'}]", {}, true, "15093"},
      {"(kinject) user's prometheus_istio_io/secure-port", "[{name: ENVOY_SECURE_MERGED_METRICS_PORT, value: '15092'}]",
       {{"prometheus_istio_io/secure-port", "1"}}, true, "<absent>"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    Node pod = pod_with(c.annotations, c.env, c.proxy);
    apply_secure_prometheus_annotation(pod);
    CHECK(anno(pod, "prometheus.istio.io/secure-port") == c.want);
  }
}

// ---- beyond Istio's tests

TEST_CASE("Istio 1.31 hello-multiport-metrics: scrape targets merged into ISTIO_PROMETHEUS_ANNOTATIONS",
          "[istio][prometheus]") {
  // The golden case's pod and its expected proxy env, as Istio writes it
  // (json.Marshal: scrape, path, port, then targets; port/path the first's).
  Node pod = pod_with({{"prometheus.io/scrape", "true"},
                       {"prometheus.istio.io/scrape-targets", "8080:/metrics,9100:/custom-metrics"}});
  CHECK(apply_prometheus_merge(pod, kMesh, "15020", k131).empty());
  CHECK(prometheus_env(pod) ==
        R"({"scrape":"true","path":"/metrics","port":"8080","targets":[{"port":"8080","path":"/metrics"},{"port":"9100","path":"/custom-metrics"}]})");
  CHECK(anno(pod, "prometheus.istio.io/scrape-targets") == "<absent>");
  CHECK(anno(pod, "prometheus.io/port") == "15020");
  CHECK(anno(pod, "prometheus.io/scrape") == "true");
}

TEST_CASE("scrape targets before 1.31: the annotation is the user's, left as it is, and ports are not checked",
          "[istio][prometheus]") {
  Node pod = pod_with({{"prometheus.io/port", "15000"}, {"prometheus.istio.io/scrape-targets", "8080:/metrics,15000"}});
  CHECK(apply_prometheus_merge(pod, kMesh, "15020", k130).empty());
  CHECK(prometheus_env(pod) == R"({"scrape":"","path":"","port":"15000"})");
  CHECK(anno(pod, "prometheus.istio.io/scrape-targets") == "8080:/metrics,15000");
  CHECK_FALSE(k130.merges_scrape_targets());
  CHECK_FALSE(k130.validates_scrape_ports());
  CHECK_FALSE(k130.annotates_secure_metrics_port());
  CHECK(k131.merges_scrape_targets());
  CHECK(k131.validates_scrape_ports());
  CHECK(k131.annotates_secure_metrics_port());
}

TEST_CASE("ParseScrapeTargets: default path, trimming, empty entries, an empty port", "[istio][prometheus]") {
  CHECK(parse_scrape_targets("8080").targets == Targets{{"8080", "/metrics"}});
  CHECK(parse_scrape_targets("8080:").targets == Targets{{"8080", "/metrics"}});
  CHECK(parse_scrape_targets(" 8080 : /a:b ,,9100").targets == Targets{{"8080", "/a:b"}, {"9100", "/metrics"}});
  CHECK(parse_scrape_targets("").targets.empty());
  CHECK(parse_scrape_targets(" , ").error.empty());
  // Go's %q of the trimmed entry.
  ScrapeTargets bad = parse_scrape_targets("8080, :/m");
  CHECK(bad.targets.empty());
  CHECK(bad.error == R"(empty port in scrape target ":/m")");
}

TEST_CASE("1.31's port checks: Istio's messages, strconv.Atoi's numbers, located at the annotation", "[istio][prometheus]") {
  auto targets = [](const char* t) { return merge_error(pod_with({{"prometheus.istio.io/scrape-targets", t}})); };
  auto port = [](const char* p) { return merge_error(pod_with({{"prometheus.io/port", p}})); };
  CHECK_THAT(targets("8080,http:/m"), Catch::StartsWith(R"(invalid prometheus scrape targets: invalid target port "http")"));
  CHECK_THAT(targets("0"), Catch::StartsWith(R"(invalid prometheus scrape targets: invalid target port "0")"));
  CHECK_THAT(targets("65536"), Catch::StartsWith(R"(invalid prometheus scrape targets: invalid target port "65536")"));
  // Atoi reads "+15020" and "015020" as 15020; the message quotes what was written.
  CHECK_THAT(targets("+15020"), Catch::StartsWith("invalid prometheus scrape targets: target port +15020 conflicts with agent port"));
  CHECK_THAT(targets("015090"),
             Catch::StartsWith("invalid prometheus scrape targets: target port 015090 is reserved for Istio (Envoy "
                               "Prometheus (already merged)) and cannot be scraped"));
  CHECK_THAT(targets("15053"), Catch::Contains("is reserved for Istio (DNS proxy)"));
  CHECK_THAT(port("x1"), Catch::StartsWith(R"(invalid prometheus scrape configuration: invalid port "x1")"));
  CHECK_THAT(port("015020"), Catch::StartsWith("invalid prometheus scrape configuration: port 015020 conflicts with agent port"));
  CHECK_THAT(port("15006"), Catch::StartsWith("invalid prometheus scrape configuration: port 15006 is reserved for Istio "
                                              "(inbound traffic capture) and cannot be scraped"));
  CHECK(port("8080") == "<no error>");
  CHECK(port("+08080") == "<no error>");
  // With targets, the legacy port is not checked (the first target replaces it).
  CHECK(merge_error(pod_with({{"prometheus.io/port", "15000"}, {"prometheus.istio.io/scrape-targets", "9100"}})) == "<no error>");
  // A malformed targets annotation is ignored: the legacy port is checked.
  CHECK_THAT(merge_error(pod_with({{"prometheus.io/port", "15001"}, {"prometheus.istio.io/scrape-targets", ":x"}})),
             Catch::Contains("port 15001 is reserved for Istio (outbound traffic capture)"));
  CHECK(istio_reserved_port_reason("15008") == std::optional<std::string_view>("HBONE tunnel"));
  CHECK_FALSE(istio_reserved_port_reason("15009"));

  // kinject's located error: the offset of the annotation's key.
  Node read = read_all("metadata:\n  annotations:\n    prometheus.io/port: '15000'\nspec: {containers: [{name: istio-proxy}]}\n",
                       "pod.yaml")
                  .front()
                  .root;
  try {
    apply_prometheus_merge(read, kMesh, "15020", k131);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.offset() == 29);
  }
}

TEST_CASE("1.31: a malformed scrape-targets is a warning, the annotation cleared, every spelling", "[istio][prometheus]") {
  Node pod = pod_with({{"prometheus.io/port", "8080"}, {"prometheus_istio_io/scrape-targets", "8080:/m,:/x"}});
  std::vector<std::string> w = apply_prometheus_merge(pod, kMesh, "15020", k131);
  REQUIRE(w.size() == 1);
  CHECK_THAT(w[0], Catch::StartsWith(R"(annotation prometheus_istio_io/scrape-targets: empty port in scrape target ":/x"; Istio 1.31.0 ignores)"));
  CHECK(prometheus_env(pod) == R"({"scrape":"","path":"","port":"8080"})");
  CHECK(anno(pod, "prometheus_istio_io/scrape-targets") == "<absent>");
}

TEST_CASE("stripPod on 1.31 also strips scrape-targets with Istio's Prometheus annotations", "[istio][prometheus]") {
  Node pod = pod_with({{"sidecar.istio.io/status", R"({"containers":["istio-proxy"]})"},
                       {"prometheus.io/port", "15020"},
                       {"prometheus.istio.io/scrape-targets", "9100"}});
  CHECK(anno(strip_pod(pod, "sidecar.istio.io/status", std::string("15020"), k131), "prometheus.istio.io/scrape-targets") ==
        "<absent>");
  CHECK(anno(strip_pod(pod, "sidecar.istio.io/status", std::string("15020"), k130), "prometheus.istio.io/scrape-targets") ==
        "9100");
}
