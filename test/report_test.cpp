#include "kinject/pipeline/report.h"

#include <catch2/catch.hpp>

using namespace kinject;

TEST_CASE("report lines read as SPEC §7 shows them", "[report]") {
  ReportEntry e{"a.yaml", 2, "", "StatefulSet", "redis", "data", "injected", "", {"istio-proxy", "istio-init"}, "", "", "", "", ""};
  CHECK(format_entry(e) == "statefulset/redis (ns data): injected [istio-proxy, istio-init]");
  ReportEntry s{"a.yaml", 3, "", "Deployment", "web", "", "skipped", "pod label sidecar.istio.io/inject=false", {}, "", "", "", "", ""};
  CHECK(format_entry(s) == "deployment/web (ns default): skipped — pod label sidecar.istio.io/inject=false");
}

TEST_CASE("the JSON report carries the same as fields", "[report]") {
  Report r;
  r.entries.push_back({"a.yaml", 2, "items[0]", "Pod", "p", "ns", "skipped", "why \"quoted\"", {}, "w", "", "", "", ""});
  std::string j = format_report(r, ReportFormat::Json);
  CHECK_THAT(j, Catch::Contains(R"({"file": "a.yaml", "document": 2, "item": "items[0]", "kind": "Pod", "namespace": "ns", "name": "p", "action": "skipped", "reason": "why \"quoted\"", "webhook": "w", "configuration": null, "revision": null, "containers": [], "sidecar": null, "sidecar_reason": null})"));
  // Issue 23: which configuration's webhook fired and which revision injected.
  Report c;
  c.entries.push_back({"a.yaml", 1, "", "Deployment", "web", "shop", "injected", "r", {"istio-proxy"}, "rev.namespace.sidecar-injector.istio.io",
                       "native", "n", "istio-revision-tag-default", "canary"});
  CHECK_THAT(format_report(c, ReportFormat::Json),
             Catch::Contains(R"("webhook": "rev.namespace.sidecar-injector.istio.io", "configuration": "istio-revision-tag-default", "revision": "canary")"));
  CHECK(format_report(r, ReportFormat::None).empty());
  CHECK(format_report(Report{}, ReportFormat::Json) == "{\n  \"workloads\": [],\n  \"warnings\": []\n}\n");
}

TEST_CASE("the report says which layout an injected proxy got, and why", "[report]") {
  ReportEntry e{"a.yaml", 1, "", "Deployment", "web", "shop", "injected", "injection policy is enabled",
                {"istio-proxy", "istio-init"}, "", "native", "ENABLE_NATIVE_SIDECARS=true: native", "", ""};
  CHECK(format_entry(e) ==
        "deployment/web (ns shop): injected [istio-proxy, istio-init] — injection policy is enabled; ENABLE_NATIVE_SIDECARS=true: native");
  ReportEntry bare = e;
  bare.reason.clear();
  CHECK(format_entry(bare) == "deployment/web (ns shop): injected [istio-proxy, istio-init] — ENABLE_NATIVE_SIDECARS=true: native");
  // JSON: the fields every entry had, in their order, then the layout's.
  CHECK(format_entry_json(e) ==
        R"({"file": "a.yaml", "document": 1, "item": null, "kind": "Deployment", "namespace": "shop", "name": "web", )"
        R"("action": "injected", "reason": "injection policy is enabled", "webhook": null, "configuration": null, "revision": null, )"
        R"("containers": ["istio-proxy", "istio-init"], )"
        R"("sidecar": "native", "sidecar_reason": "ENABLE_NATIVE_SIDECARS=true: native"})");
}
