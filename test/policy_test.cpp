// Istio's half of the decision (istio/policy.h) as each of kinject's modes
// plays it: the default mode, the webhook modes (--rules, --cluster) and
// `kinject kube-inject`. Every expectation is read from Istio's code, tag
// 1.30.3 (the same in 1.24.0, 1.28.0 and 1.31.0-rc.0 where cited):
//  - pkg/kube/inject/inject.go, injectRequired: the chain; its `default:`
//    branch for a policy that is neither "enabled" nor "disabled";
//  - pkg/kube/inject/inject.go, IntoObject: istioctl kube-inject calls
//    injectRequired with &Config{Policy: InjectionPolicyEnabled}, no selectors;
//  - pkg/kube/inject/inject.go, UnmarshalConfig: the injector config read with
//    sigs.k8s.io/yaml into Config{Policy InjectionPolicy `json:"policy"`}.
#include "kinject/istio/policy.h"

#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "kinject/base/disk.h"
#include "kinject/istio/config.h"
#include "kinject/pipeline/pipeline.h"
#include "support.h"

using namespace kinject;

namespace {

// An injector config document as the chart writes it (`policy: {{
// .Values.global.proxy.autoInject }}`), with `policy_line` in place of the
// policy ("" leaves the key out) and a template of Istio's minimal kind.
std::string injector_config(const std::string& policy_line, const std::string& selectors = "") {
  return fmt::format("defaultTemplates: [sidecar]\n{}{}templates:\n  sidecar: |\n    spec:\n      containers:\n"
                     "      - name: istio-proxy\n        image: proxy:1\n",
                     policy_line.empty() ? "" : policy_line + "\n", selectors);
}

// A Deployment `web` in namespace `shop` whose pod has `pod_labels` (a flow
// map), and the Namespace `shop` labelled istio-injection=enabled.
std::string stream_with(const std::string& pod_labels, const std::string& pod_annotations = "{}") {
  return fmt::format(
      "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {{istio-injection: enabled}}\n---\n"
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: web, namespace: shop}}\nspec:\n  template:\n"
      "    metadata:\n      labels: {}\n      annotations: {}\n    spec:\n      containers: [{{name: app, image: app:1}}]\n"
      "---\n"
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: api, namespace: shop}}\nspec:\n  template:\n"
      "    metadata:\n      labels: {}\n      annotations: {}\n    spec:\n      containers: [{{name: app, image: app:1}}]\n",
      pod_labels, pod_annotations, pod_labels, pod_annotations);
}

enum class Mode { Default, Rules, KubeInject };

struct Outcome {
  int rc = 0;
  std::string report;  // stderr: the report, or the error
  std::string out;
};

Outcome run_mode(Mode mode, const std::string& stream, const std::string& inject_config = "") {
  MemoryDisk disk;
  disk.add_file("in.yaml", stream);
  Options o;
  o.inputs = {"in.yaml"};
  o.config.istio_version = "1.30";
  if (!inject_config.empty()) {
    disk.add_file("inject-config.yaml", inject_config);
    o.config.inject_config_file = "inject-config.yaml";
  }
  if (mode == Mode::Rules) o.rules = "istio";
  if (mode == Mode::KubeInject) o.kube_inject = true;  // as src/cli/main.cpp sets it for `kinject kube-inject`
  std::istringstream in;
  std::ostringstream out, err;
  Outcome r;
  r.rc = run_inject(o, disk, in, out, err, test::no_env());
  r.report = err.str();
  r.out = out.str();
  return r;
}

long count_of(const std::string& text, const std::string& what) {
  long n = 0;
  for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}

}  // namespace

// Row "istioctl kube-inject's policy": inject.go IntoObject calls
// injectRequired(IgnoredNamespaces, &Config{Policy: InjectionPolicyEnabled},
// ...): the injector config's policy and its never/always inject selectors
// are not read. kinject kube-inject honoured both.
TEST_CASE("kube-inject ignores the injector config's policy: disabled and neverInjectSelector, as istioctl's IntoObject does",
          "[policy][kube-inject]") {
  const std::string disabled = injector_config("policy: disabled");
  const std::string never = injector_config("policy: enabled", "neverInjectSelector:\n- matchLabels: {app: web}\n");
  Outcome k = run_mode(Mode::KubeInject, stream_with("{app: web}"), disabled);
  REQUIRE(k.rc == 0);
  CHECK(count_of(k.report, "injected [istio-proxy]") == 2);
  k = run_mode(Mode::KubeInject, stream_with("{app: web}"), never);
  REQUIRE(k.rc == 0);
  CHECK(count_of(k.report, "injected [istio-proxy]") == 2);
  // The pod's own word still counts: injectRequired reads it before the policy.
  k = run_mode(Mode::KubeInject, stream_with("{sidecar.istio.io/inject: 'false'}"), disabled);
  REQUIRE(k.rc == 0);
  CHECK(count_of(k.report, "skipped — pod label sidecar.istio.io/inject=false") == 2);

  // The other modes keep the file's, as istiod's webhook does
  // (webhook.go inject: injectRequired(..., wh.Config, ...)).
  Outcome d = run_mode(Mode::Default, stream_with("{app: web}"), disabled);
  REQUIRE(d.rc == 0);
  CHECK(count_of(d.report, "skipped — injection policy is disabled") == 2);
  Outcome r = run_mode(Mode::Rules, stream_with("{app: web}"), never);
  REQUIRE(r.rc == 0);
  CHECK(count_of(r.report, "skipped — pod labels match neverInjectSelector app=web") == 2);
}

// Row "a pod-template label istio-injection: disabled": no Istio code reads
// it on a pod (injectRequired reads sidecar.istio.io/inject and the
// selectors; the webhooks select on the namespace's istio-injection). The
// modes that promise the cluster's decision inject such a pod; the default
// mode keeps honouring it; every mode says so, once per workload.
TEST_CASE("pod label istio-injection=disabled: ignored under --rules and kube-inject as Istio ignores it, honoured by default, "
          "warned in every mode",
          "[policy]") {
  const std::string stream = stream_with("{app: web, istio-injection: disabled}");
  const std::string config = injector_config("policy: enabled");
  const std::string warning = "Istio reads istio-injection only on namespaces";
  const std::string hint = "sidecar.istio.io/inject: \"false\"";

  Outcome r = run_mode(Mode::Rules, stream, config);
  REQUIRE(r.rc == 0);
  CHECK(count_of(r.report, "injected [istio-proxy] — webhook namespace.sidecar-injector.istio.io") == 2);
  CHECK(count_of(r.report, warning) == 2);  // one per workload
  CHECK(count_of(r.report, "deployment/web: pod label istio-injection=disabled") == 1);
  CHECK(count_of(r.report, "deployment/api: pod label istio-injection=disabled") == 1);
  CHECK(count_of(r.report, hint) == 2);

  Outcome k = run_mode(Mode::KubeInject, stream, config);
  REQUIRE(k.rc == 0);
  CHECK(count_of(k.report, "injected [istio-proxy]") == 2);
  CHECK(count_of(k.report, warning) == 2);

  Outcome d = run_mode(Mode::Default, stream, config);
  REQUIRE(d.rc == 0);
  CHECK(count_of(d.report, "skipped — pod label istio-injection=disabled") == 2);
  CHECK(count_of(d.report, warning) == 2);
  CHECK(count_of(d.report, hint) == 2);

  // A pod without the label gets no such warning.
  Outcome plain = run_mode(Mode::Default, stream_with("{app: web}"), config);
  REQUIRE(plain.rc == 0);
  CHECK(count_of(plain.report, warning) == 0);
}

// Row "an injector config whose policy is not enabled/disabled, empty or
// missing": injectRequired's switch on config.Policy compares exactly (no
// case folding in any release) and its `default:` branch logs "Illegal
// value for autoInject:%s, must be one of [disabled,enabled]. Auto
// injection disabled!" and returns false, whatever the pod says. A missing
// key or a null decodes as "" (sigs.k8s.io/yaml into a Go string).
TEST_CASE("an injector config with an illegal, empty or missing policy injects nothing, as injectRequired's default branch",
          "[policy]") {
  const std::string stream = stream_with("{app: web, sidecar.istio.io/inject: 'true'}");
  const std::pair<std::string, std::string> illegal[] = {
      {"policy: Enabled", "\"Enabled\""},   // the case matters: InjectionPolicyEnabled is "enabled"
      {"policy: sometimes", "\"sometimes\""},
      {"policy: ''", "\"\""},
      {"policy:", "\"\""},                  // null
      {"", "\"\""},                         // missing: the chart always writes it, an edited ConfigMap may not
  };
  for (const auto& [line, value] : illegal) {
    CAPTURE(line);
    for (Mode mode : {Mode::Default, Mode::Rules}) {
      CAPTURE(static_cast<int>(mode));
      Outcome r = run_mode(mode, stream, injector_config(line));
      REQUIRE(r.rc == 0);
      CHECK(count_of(r.report, "skipped — the injector config's policy " + value) == 2);
      // Said once, naming the file and the value.
      CHECK(count_of(r.report, "inject-config.yaml: policy " + value) == 1);
      CHECK(count_of(r.report, "Auto injection disabled!") == 1);
      CHECK(count_of(r.out, "istio-proxy") == 0);
    }
    // kube-inject's policy is fixed (IntoObject): the file's is not read.
    Outcome k = run_mode(Mode::KubeInject, stream, injector_config(line));
    REQUIRE(k.rc == 0);
    CHECK(count_of(k.report, "injected [istio-proxy]") == 2);
    CHECK(count_of(k.report, "Auto injection disabled!") == 0);
  }
}

// UnmarshalConfig fails for a policy that is not a string (sigs.k8s.io/yaml:
// go-yaml v2 reads `true`, `on`, `1` as a bool or a number, and
// encoding/json refuses it for an InjectionPolicy string): istiod does not
// start with it (NewWebhook: "failed to process webhook config"), and
// kinject refuses it at its place.
TEST_CASE("an injector config whose policy is not a string is refused, as Istio's UnmarshalConfig refuses it", "[policy]") {
  for (const char* line : {"policy: true", "policy: on", "policy: 1", "policy: [enabled]"}) {
    CAPTURE(line);
    Outcome r = run_mode(Mode::Default, stream_with("{app: web}"), injector_config(line));
    CHECK(r.rc == 1);
    CHECK_THAT(r.report, Catch::Contains("inject-config.yaml") && Catch::Contains("policy must be a string"));
    CHECK(r.out.empty());
  }
}

// Neither a bare template given as --injectConfigFile nor a built-in
// profile is a config document with a policy: both stay enabled.
TEST_CASE("a bare template and the built-in profiles keep the enabled policy", "[policy]") {
  Outcome bare = run_mode(Mode::Default, stream_with("{app: web}"),
                          "spec:\n  containers:\n  - name: istio-proxy\n    image: proxy:1\n");
  REQUIRE(bare.rc == 0);
  CHECK(count_of(bare.report, "injected [istio-proxy] — injection policy is enabled") == 2);
  Outcome builtin = run_mode(Mode::Default, stream_with("{app: web}"));
  REQUIRE(builtin.rc == 0);
  CHECK(count_of(builtin.report, "— injection policy is enabled") == 2);
  CHECK(builtin_config(parse_istio_release("1.30")).policy == InjectPolicy::Enabled);
}

// IntoObject hands injectRequired the pod template's own ObjectMeta
// (`metadata = &deploy.Spec.Template.ObjectMeta`; a Pod's own for a Pod), and
// nothing fills in its namespace, where the webhook sets the request's
// (webhook.go inject: `if pod.ObjectMeta.Namespace == "" {
// pod.ObjectMeta.Namespace = req.Namespace }`). So istioctl kube-inject
// injects a Deployment of kube-system, whose template names no namespace,
// and skips a Pod of kube-system. kinject kube-inject skipped both.
TEST_CASE("kube-inject checks the system namespaces against the pod template's own namespace, as IntoObject does",
          "[policy][kube-inject]") {
  const std::string deployment =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: dns, namespace: kube-system}\nspec:\n  template:\n"
      "    metadata: {labels: {app: dns}}\n    spec:\n      containers: [{name: app, image: app:1}]\n";
  const std::string pod =
      "apiVersion: v1\nkind: Pod\nmetadata: {name: dns, namespace: kube-system}\nspec:\n  containers: [{name: app, image: app:1}]\n";
  const std::string config = injector_config("policy: enabled");
  Outcome k = run_mode(Mode::KubeInject, deployment, config);
  REQUIRE(k.rc == 0);
  CHECK_THAT(k.report, Catch::Contains("deployment/dns (ns kube-system): injected [istio-proxy]"));
  k = run_mode(Mode::KubeInject, pod, config);
  REQUIRE(k.rc == 0);
  CHECK_THAT(k.report, Catch::Contains("pod/dns (ns kube-system): skipped — namespace kube-system is never injected"));
  // The webhook, and kinject's other modes, see the namespace the pod is created in.
  Outcome d = run_mode(Mode::Default, deployment, config);
  REQUIRE(d.rc == 0);
  CHECK_THAT(d.report, Catch::Contains("deployment/dns (ns kube-system): skipped — namespace kube-system is never injected"));
}

namespace {

// Istio's injectRequired (pkg/kube/inject/inject.go; 1.24.0 and 1.30.3),
// transcribed on its own for the test below: it shares nothing with
// src/istio/policy.cpp. `labels` and `annotations` hold only the keys the
// function reads; `strict` is 1.27+'s switch on the value ("true", "false",
// "" and a warning for anything else) where 1.24 had strings.ToLower in y,
// yes, true, on.
struct GoMeta {
  std::optional<std::string> inject_label, inject_annotation;
  bool never_label = false, always_label = false;  // carries never: "yes" / always: "yes"
  std::string namespace_;
};

bool go_inject_required(const std::string& policy, bool host_network, const GoMeta& m, bool strict) {
  if (host_network) return false;
  for (const char* ignored : {"kube-system", "kube-public", "kube-node-lease", "local-path-storage"})
    if (m.namespace_ == ignored) return false;
  bool use_default = false, inject = false;
  std::string object_selector = m.inject_annotation.value_or("");
  if (m.inject_label) object_selector = *m.inject_label;
  if (strict) {
    if (object_selector == "true") inject = true;
    else if (object_selector == "false") inject = false;
    else use_default = true;  // "" and, with a warning, anything else
  } else {
    std::string lower;
    for (char c : object_selector) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (lower == "y" || lower == "yes" || lower == "true" || lower == "on") inject = true;
    else if (lower.empty()) use_default = true;
  }
  if (use_default && m.never_label) {  // NeverInjectSelector [{matchLabels: {never: "yes"}}]
    inject = false;
    use_default = false;
  }
  if (use_default && m.always_label) {  // AlwaysInjectSelector [{matchLabels: {always: "yes"}}]
    inject = true;
    use_default = false;
  }
  if (policy == "disabled") return use_default ? false : inject;
  if (policy == "enabled") return use_default ? true : inject;
  return false;  // default: "Illegal value for autoInject"
}

}  // namespace

// The invariant behind the rows above: in every mode, kinject's decision is
// Istio's injectRequired called as that mode's counterpart calls it, over
// every combination of what the function reads:
//  - --rules (a webhook that fires for every pod): the config's policy and
//    selectors, the namespace the pod is created in;
//  - the default mode: the same, plus kinject's own addition (the pod label
//    istio-injection=disabled opts out, after the pod's own word);
//  - kube-inject: Config{Policy: enabled} (IntoObject), the template's own
//    namespace (here none).
TEST_CASE("every mode decides as Istio's injectRequired, called as that mode's counterpart calls it, over every combination",
          "[policy][kube-inject]") {
  const std::vector<std::optional<std::string>> label_values = {std::nullopt, "true", "false", "random", "", "Yes"};
  const std::vector<std::optional<std::string>> annotation_values = {std::nullopt, "true", "false", "yes", "on"};
  const char* every_pod =
      "apiVersion: admissionregistration.k8s.io/v1\nkind: MutatingWebhookConfiguration\nmetadata: {name: all}\nwebhooks:\n"
      "- name: all.sidecar-injector.istio.io\n  clientConfig: {service: {name: istiod, namespace: istio-system}}\n"
      "  rules: [{operations: [CREATE], apiGroups: [''], apiVersions: [v1], resources: [pods]}]\n";
  struct Pod {
    GoMeta meta;
    bool host_network = false;
    bool namespace_label = false;  // istio-injection: disabled on the pod
    std::string name;
  };
  std::vector<Pod> pods;
  std::string stream;
  auto flow = [](const std::optional<std::string>& v) { return fmt::format("'{}'", *v); };
  for (const auto& label : label_values)
    for (const auto& annotation : annotation_values)
      for (int bits = 0; bits < 32; ++bits) {
        Pod p;
        p.meta.inject_label = label;
        p.meta.inject_annotation = annotation;
        p.meta.never_label = bits & 1;
        p.meta.always_label = bits & 2;
        p.host_network = bits & 4;
        p.meta.namespace_ = bits & 8 ? "kube-system" : "shop";
        p.namespace_label = bits & 16;
        p.name = fmt::format("p{}", pods.size());
        std::string labels = "{app: x";
        if (label) labels += ", sidecar.istio.io/inject: " + flow(label);
        if (p.meta.never_label) labels += ", never: 'yes'";
        if (p.meta.always_label) labels += ", always: 'yes'";
        if (p.namespace_label) labels += ", istio-injection: disabled";
        labels += "}";
        std::string annotations = annotation ? "{sidecar.istio.io/inject: " + flow(annotation) + "}" : "{}";
        stream += fmt::format(
            "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: {}, namespace: {}}}\nspec:\n  template:\n"
            "    metadata:\n      labels: {}\n      annotations: {}\n    spec:\n      hostNetwork: {}\n"
            "      containers: [{{name: app, image: app:1}}]\n",
            p.name, p.meta.namespace_, labels, annotations, p.host_network ? "true" : "false");
        pods.push_back(std::move(p));
      }
  const std::string selectors = "neverInjectSelector: [{matchLabels: {never: 'yes'}}]\nalwaysInjectSelector: [{matchLabels: {always: 'yes'}}]\n";
  long runs = 0;
  for (const char* release : {"1.24", "1.30"}) {
    const bool strict = std::string(release) == "1.30";
    for (const std::string policy : {"enabled", "disabled", "Enabled", ""}) {
      const std::string config = injector_config(policy.empty() ? "" : "policy: " + policy, selectors);
      for (Mode mode : {Mode::Default, Mode::Rules, Mode::KubeInject}) {
        CAPTURE(release, policy, static_cast<int>(mode));
        MemoryDisk disk;
        disk.add_file("in.yaml", stream);
        disk.add_file("inject-config.yaml", config);
        disk.add_file("every-pod.yaml", every_pod);
        Options o;
        o.inputs = {"in.yaml"};
        o.config.istio_version = release;
        o.config.inject_config_file = "inject-config.yaml";
        if (mode == Mode::Rules) o.rules = "every-pod.yaml";
        o.kube_inject = mode == Mode::KubeInject;
        std::istringstream in;
        std::ostringstream out, err;
        REQUIRE(run_inject(o, disk, in, out, err, test::no_env()) == 0);
        const std::string report = err.str();
        ++runs;
        for (const auto& p : pods) {
          GoMeta seen = p.meta;
          std::string go_policy = policy;
          if (mode == Mode::KubeInject) {
            go_policy = "enabled";
            seen.never_label = seen.always_label = false;  // no selectors
            seen.namespace_.clear();                        // the template's own: none
          }
          bool want = go_inject_required(go_policy, p.host_network, seen, strict);
          if (mode == Mode::Default && p.namespace_label && want) {
            // kinject's addition: after the pod's own word, before the selectors.
            bool own_word = seen.inject_label || seen.inject_annotation;
            std::string v = seen.inject_label ? *seen.inject_label : seen.inject_annotation.value_or("");
            bool decided = strict ? (v == "true" || v == "false") : !v.empty();
            if (!(own_word && decided)) want = false;
          }
          const std::string head = fmt::format("deployment/{} (ns {}): ", p.name, p.meta.namespace_);
          auto at = report.find(head);
          REQUIRE(at != std::string::npos);
          const bool injected = report.compare(at + head.size(), 9, "injected ") == 0;
          if (injected != want) {
            CAPTURE(p.name, p.meta.inject_label.value_or("(none)"), p.meta.inject_annotation.value_or("(none)"),
                    p.meta.never_label, p.meta.always_label, p.host_network, p.meta.namespace_, p.namespace_label);
            CHECK(injected == want);
          }
        }
      }
    }
  }
  CHECK(runs == 24);
  CHECK(pods.size() == 960);
}
