// Istio's own unit test of the decision, TestInjectRequired
// (pkg/kube/inject/webhook_test.go, tag 1.30.3, which calls
// injectRequired(IgnoredNamespaces.UnsortedList(), c.config, c.podSpec,
// c.meta) of pkg/kube/inject/inject.go), transcribed case by case and run
// through kinject's command line: the built binary, the case's Config as an
// injector config file (--injectConfigFile: its policy and its never/always
// inject selectors), its ObjectMeta and PodSpec as a Pod.
//
// Each case runs in the two modes that reach injectRequired with the
// config's policy:
//  - the default mode (no --rules), and
//  - --rules with one webhook that fires for every pod (no selectors), so
//    that the API server sends every pod, as the Go test hands every pod to
//    injectRequired directly.
// Cases whose Config is {Policy: enabled} alone are also run through
// `kinject kube-inject`, whose IntoObject calls injectRequired with exactly
// that Config.
//
// What cannot be expressed offline, or not as in Go:
//  - Go's podSpec is empty; kinject skips a pod without containers ("no pod
//    spec with containers to inject into") before deciding, so every Pod
//    here has one container. injectRequired reads only HostNetwork of the
//    spec, so the decision is the same.
//  - Every Go case is expressible: none is left out.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "support.h"

namespace {

// One case of TestInjectRequired, as Go writes it.
struct GoCase {
  const char* name;    // meta.Name
  const char* policy;  // config.Policy
  const char* always;  // config.AlwaysInjectSelector as YAML ("" = none)
  const char* never;   // config.NeverInjectSelector as YAML ("" = none)
  bool host_network;   // podSpec.HostNetwork
  const char* labels;       // meta.Labels as a YAML flow map ("" = none)
  const char* annotations;  // meta.Annotations as a YAML flow map ("" = none)
  bool want;
};

// metav1.ParseToLabelSelector("foo") is {matchExpressions: [{key: foo,
// operator: Exists}]}; {MatchLabels: {foo: bar}} is {matchLabels: {foo: bar}}.
#define EXISTS(key) "[{matchExpressions: [{key: " key ", operator: Exists}]}]"
#define FOO_BAR "[{matchLabels: {foo: bar}}]"
#define INJ "sidecar.istio.io/inject"

// In Go's order. Policy "enabled"/"disabled" are InjectionPolicyEnabled and
// InjectionPolicyDisabled; "wrong_policy" is Go's own.
const GoCase kCases[] = {
    {"no-policy", "enabled", "", "", false, "", "{}", true},
    {"default-policy", "enabled", "", "", false, "", "", true},
    {"force-on-policy", "enabled", "", "", false, "", "{" INJ ": 'true'}", true},
    {"force-off-policy", "enabled", "", "", false, "", "{" INJ ": 'false'}", false},
    {"no-policy", "disabled", "", "", false, "", "{}", false},
    {"default-policy", "disabled", "", "", false, "", "", false},
    {"force-on-policy", "disabled", "", "", false, "", "{" INJ ": 'true'}", true},
    {"force-off-policy", "disabled", "", "", false, "", "{" INJ ": 'false'}", false},
    {"invalid-inject-value-yes", "enabled", "", "", false, "", "{" INJ ": 'yes'}", true},
    {"invalid-inject-value-on", "disabled", "", "", false, "", "{" INJ ": 'on'}", false},
    {"invalid-inject-value-random", "enabled", "", "", false, "{" INJ ": random}", "", true},
    {"force-off-policy", "enabled", "", "", true, "", "{}", false},  // podSpecHostNetwork
    {"wrong-policy", "wrong_policy", "", "", false, "", "{}", false},
    {"policy-enabled-always-inject-no-labels", "enabled", FOO_BAR, "", false, "", "", true},
    {"policy-enabled-always-inject-with-labels", "enabled", FOO_BAR, "", false, "{foo: bar1}", "", true},
    {"policy-disabled-always-inject-no-labels", "disabled", FOO_BAR, "", false, "", "", false},
    {"policy-disabled-always-inject-with-labels", "disabled", FOO_BAR, "", false, "{foo: bar}", "", true},
    {"policy-enabled-never-inject-no-labels", "enabled", "", FOO_BAR, false, "", "", true},
    {"policy-enabled-never-inject-with-labels", "enabled", "", FOO_BAR, false, "{foo: bar}", "", false},
    {"policy-disabled-never-inject-no-labels", "disabled", "", FOO_BAR, false, "", "", false},
    {"policy-disabled-never-inject-with-labels", "disabled", "", FOO_BAR, false, "{foo: bar}", "", false},
    {"policy-enabled-never-inject-with-empty-label", "enabled", "", EXISTS("foo"), false, "{foo: '', foo2: bar2}", "", false},
    {"policy-disabled-always-inject-with-empty-label", "disabled", EXISTS("foo"), "", false, "{foo: '', foo2: bar2}", "", true},
    {"policy-disabled-always-never-inject-with-label-returns-true", "disabled", EXISTS("always"), EXISTS("never"), false,
     "{always: bar, foo2: bar2}", "", true},
    {"policy-disabled-always-never-inject-with-label-returns-false", "disabled", EXISTS("always"), EXISTS("never"), false,
     "{never: bar, foo2: bar2}", "", false},
    {"policy-disabled-always-never-inject-with-both-labels", "disabled", EXISTS("always"), EXISTS("never"), false,
     "{always: bar, never: bar2}", "", false},
    {"policy-enabled-annotation-true-never-inject", "enabled", "", EXISTS("foo"), false, "{foo: '', foo2: bar2}",
     "{" INJ ": 'true'}", true},
    {"policy-enabled-annotation-false-always-inject", "enabled", EXISTS("foo"), "", false, "{foo: '', foo2: bar2}",
     "{" INJ ": 'false'}", false},
    {"policy-disabled-annotation-false-always-inject", "disabled", EXISTS("foo"), "", false, "{foo: '', foo2: bar2}",
     "{" INJ ": 'false'}", false},
    {"policy-enabled-never-inject-multiple-labels", "enabled", "", "[{matchExpressions: [{key: foo, operator: Exists}]}, "
     "{matchExpressions: [{key: bar, operator: Exists}]}]", false, "{label1: '', bar: anything}", "", false},
    {"policy-enabled-always-inject-multiple-labels", "disabled", "[{matchExpressions: [{key: foo, operator: Exists}]}, "
     "{matchExpressions: [{key: bar, operator: Exists}]}]", "", false, "{label1: '', bar: anything}", "", true},
    {"policy-disabled-annotation-true-never-inject", "disabled", "", EXISTS("foo"), false, "{foo: '', foo2: bar2}",
     "{" INJ ": 'true'}", true},
    {"policy-disabled-label-enabled", "disabled", "", "", false, "{" INJ ": 'true'}", "", true},
    {"policy-disabled-both-enabled", "disabled", "", "", false, "{" INJ ": 'true'}", "{" INJ ": 'true'}", true},
    {"policy-disabled-label-enabled-annotation-disabled", "disabled", "", "", false, "{" INJ ": 'true'}",
     "{" INJ ": 'false'}", true},
    {"policy-disabled-label-disabled-annotation-enabled", "disabled", "", "", false, "{" INJ ": 'false'}",
     "{" INJ ": 'true'}", false},
};

#undef EXISTS
#undef FOO_BAR
#undef INJ

// Istio's minimalSidecarTemplate (webhook_test.go), as an injector config.
std::string injector_config(const GoCase& c) {
  std::string out = fmt::format("policy: {}\n", c.policy);
  if (*c.always) out += fmt::format("alwaysInjectSelector: {}\n", c.always);
  if (*c.never) out += fmt::format("neverInjectSelector: {}\n", c.never);
  out += "defaultTemplates: [sidecar]\ntemplates:\n  sidecar: |\n    spec:\n      initContainers:\n      - name: istio-init\n"
         "      containers:\n      - name: istio-proxy\n      volumes:\n      - name: istio-envoy\n      imagePullSecrets:\n"
         "      - name: istio-image-pull-secrets\n";
  return out;
}

std::string pod(const GoCase& c) {
  std::string out = fmt::format("apiVersion: v1\nkind: Pod\nmetadata:\n  name: {}\n  namespace: test-namespace\n", c.name);
  if (*c.labels) out += fmt::format("  labels: {}\n", c.labels);
  if (*c.annotations) out += fmt::format("  annotations: {}\n", c.annotations);
  out += "spec:\n";
  if (c.host_network) out += "  hostNetwork: true\n";
  out += "  containers:\n  - name: app\n    image: app:1\n";
  return out;
}

// A webhook that fires for every pod: the API server sends all of them.
const char* kEveryPod =
    "apiVersion: admissionregistration.k8s.io/v1\nkind: MutatingWebhookConfiguration\nmetadata:\n  name: istio-sidecar-injector\n"
    "webhooks:\n- name: sidecar-injector.istio.io\n  clientConfig:\n    service: {name: istiod, namespace: istio-system, path: /inject}\n"
    "  rules:\n  - operations: [CREATE]\n    apiGroups: ['']\n    apiVersions: [v1]\n    resources: [pods]\n";

void write(const std::string& path, const std::string& text) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  REQUIRE(f != nullptr);
  std::fwrite(text.data(), 1, text.size(), f);
  std::fclose(f);
}

struct Run {
  int rc = -1;
  std::string report;
};

Run run_kinject(const std::string& dir, const std::string& args) {
  std::string cmd = fmt::format("cd '{}' && '{}' {} > out.yaml 2> report.txt", dir, KINJECT_BINARY, args);
  int status = std::system(cmd.c_str());
  Run r;
  r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.report = kinject::test::slurp(dir + "/report.txt");
  return r;
}

// "injected" or "skipped", from the report line of pod `name`.
std::string action(const Run& r, const char* name) {
  std::string head = fmt::format("pod/{} (ns test-namespace): ", name);
  auto at = r.report.find(head);
  if (at == std::string::npos) return "no report line";
  std::string rest = r.report.substr(at + head.size());
  return rest.substr(0, rest.find_first_of(" \n"));
}

}  // namespace

TEST_CASE("Istio's TestInjectRequired (webhook_test.go, 1.30.3), every case through kinject's CLI", "[policy][istio][cli]") {
  char tmpl[] = "/tmp/kinject-inject-required-XXXXXX";
  REQUIRE(::mkdtemp(tmpl) != nullptr);
  const std::string dir = tmpl;
  write(dir + "/every-pod.yaml", kEveryPod);
  int index = 0;
  for (const auto& c : kCases) {
    CAPTURE(index, c.name, c.policy, c.always, c.never, c.host_network, c.labels, c.annotations);
    ++index;
    write(dir + "/inject-config.yaml", injector_config(c));
    write(dir + "/pod.yaml", pod(c));
    const std::string want = c.want ? "injected" : "skipped";
    const std::string common = "--istio-version 1.30 --injectConfigFile inject-config.yaml -f pod.yaml";
    Run by_default = run_kinject(dir, common);
    CHECK(by_default.rc == 0);
    CHECK(action(by_default, c.name) == want);
    Run with_webhook = run_kinject(dir, common + " --rules every-pod.yaml");
    CHECK(with_webhook.rc == 0);
    CHECK(action(with_webhook, c.name) == want);
    if (std::string(c.policy) == "enabled" && !*c.always && !*c.never) {
      Run kube = run_kinject(dir, "kube-inject --istio-version 1.30 --injectConfigFile inject-config.yaml -f pod.yaml");
      CHECK(kube.rc == 0);
      CHECK(action(kube, c.name) == want);
    }
  }
  CHECK(index == 36);  // every case of the Go table
  std::system(fmt::format("rm -rf '{}'", dir).c_str());
}
