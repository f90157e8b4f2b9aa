#include "kinject/k8s/rules.h"
#include "kinject/istio/policy.h"

#include <sstream>

#include <catch2/catch.hpp>

#include "kinject/base/error.h"
#include "kinject/pipeline/pipeline.h"
#include "kinject/yaml/reader.h"

using namespace kinject;

namespace {

InjectorPolicy policy_of(InjectPolicy p) {
  InjectorPolicy policy;
  policy.policy = p;
  return policy;
}

Decision decide_for(const std::string& pod_yaml, const std::string& ns = "default", InjectPolicy policy = InjectPolicy::Enabled) {
  Node pod = parse_yaml(pod_yaml, "t.yaml");
  return decide(pod_facts(pod, ns), policy_of(policy));
}

// A namespace document and a deployment in it, run through the pipeline
// with --rules; returns the report line of the deployment.
struct Row {
  const char* ns_labels;    // flow map
  const char* pod_labels;   // flow map
  const char* pod_annos;    // flow map
};

std::string cluster_says(const Row& row, const std::string& rules = "istio", const std::string& revision = "",
                         bool namespaces_by_default = false, const std::string& ns = "data") {
  std::string stream = fmt::format(
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: web, namespace: {}}}\nspec:\n  template:\n"
      "    metadata:\n      labels: {}\n      annotations: {}\n    spec:\n      containers: [{{name: app, image: app:1}}]\n"
      "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: {}\n  labels: {}\n",
      ns, row.pod_labels, row.pod_annos, ns, row.ns_labels);
  MemoryDisk disk;
  disk.add_file("in.yaml", stream);
  Options o;
  o.inputs = {"in.yaml"};
  o.rules = rules;
  o.config.revision = revision;
  if (namespaces_by_default) o.config.sets = {"sidecarInjectorWebhook.enableNamespacesByDefault=true"};
  std::istringstream in;
  std::ostringstream out, err;
  EnvLookup env = [](std::string_view) -> std::optional<std::string> { return std::nullopt; };
  int rc = run_inject(o, disk, in, out, err, env);
  REQUIRE(rc == 0);
  std::string report = err.str();
  return report.substr(0, report.find('\n'));
}

}  // namespace

TEST_CASE("kube-inject's default decision, with its reasons", "[rules]") {
  struct Case {
    const char* pod;
    const char* ns;
    InjectPolicy policy;
    bool inject;
    const char* reason;
  };
  const Case cases[] = {
      {"spec: {containers: []}", "default", InjectPolicy::Enabled, true, "policy is enabled"},
      {"spec: {hostNetwork: true}", "default", InjectPolicy::Enabled, false, "hostNetwork"},
      {"spec: {}", "kube-system", InjectPolicy::Enabled, false, "namespace kube-system"},
      {"spec: {}", "local-path-storage", InjectPolicy::Enabled, false, "never injected"},
      {"metadata: {labels: {sidecar.istio.io/inject: \"false\"}}", "default", InjectPolicy::Enabled, false,
       "pod label sidecar.istio.io/inject=false"},
      {"metadata: {annotations: {sidecar.istio.io/inject: \"false\"}}", "default", InjectPolicy::Enabled, false,
       "pod annotation sidecar.istio.io/inject=false"},
      // The label wins over the annotation whenever it is present.
      {"metadata: {labels: {sidecar.istio.io/inject: \"true\"}, annotations: {sidecar.istio.io/inject: \"false\"}}", "default",
       InjectPolicy::Enabled, true, "pod label sidecar.istio.io/inject=true"},
      {"metadata: {labels: {sidecar.istio.io/inject: \"\"}, annotations: {sidecar.istio.io/inject: \"false\"}}", "default",
       InjectPolicy::Enabled, true, "policy is enabled"},
      // Only exactly "true"/"false" decide.
      {"metadata: {labels: {sidecar.istio.io/inject: \"False\"}}", "default", InjectPolicy::Enabled, true,
       "neither \"true\" nor \"false\""},
      {"metadata: {labels: {istio-injection: disabled}}", "default", InjectPolicy::Enabled, false,
       "pod label istio-injection=disabled"},
      {"spec: {}", "default", InjectPolicy::Disabled, false, "policy is disabled"},
      {"metadata: {labels: {sidecar.istio.io/inject: \"true\"}}", "default", InjectPolicy::Disabled, true, "=true"},
      {"metadata: {annotations: {sidecar.istio.io/inject: \"true\"}}", "default", InjectPolicy::Disabled, true, "=true"},
  };
  for (const auto& c : cases) {
    INFO(c.pod << " in " << c.ns);
    Decision d = decide_for(c.pod, c.ns, c.policy);
    CHECK(d.inject == c.inject);
    CHECK_THAT(d.reason, Catch::Contains(c.reason));
  }
  // A bare true in YAML counts as the string "true".
  CHECK(decide_for("metadata: {labels: {sidecar.istio.io/inject: true}}", "default", InjectPolicy::Disabled).inject);
}

// Istio 1.24-1.26's injectRequired: strings.ToLower(value) in y, yes, true,
// on injects, "" falls back, anything else skips; 1.27 made only "true" and
// "false" decide (the table above).
TEST_CASE("sidecar.istio.io/inject before Istio 1.27: yaml booleans, and any other value opts out", "[rules][release]") {
  InjectorPolicy old = InjectorPolicy::from(InjectPolicy::Disabled, Node::seq(), Node::seq(), "cfg");
  old.strict_inject_value = false;
  auto d = [&](const char* md) { return decide(pod_facts(parse_yaml(md, "p"), "default"), old); };
  CHECK(d("metadata: {labels: {sidecar.istio.io/inject: 'Yes'}}").inject);
  CHECK(d("metadata: {annotations: {sidecar.istio.io/inject: 'on'}}").inject);
  CHECK_FALSE(d("metadata: {labels: {sidecar.istio.io/inject: 'enabled'}}").inject);
  CHECK_THAT(d("metadata: {labels: {sidecar.istio.io/inject: 'enabled'}}").reason, Catch::Contains("before Istio 1.27"));
  old.policy = InjectPolicy::Enabled;
  CHECK_FALSE(d("metadata: {labels: {sidecar.istio.io/inject: 'no'}}").inject);
  CHECK(d("metadata: {labels: {sidecar.istio.io/inject: ''}, annotations: {sidecar.istio.io/inject: 'no'}}").inject);
  old.strict_inject_value = true;  // 1.27+: 'no' falls back to the enabled policy
  CHECK(d("metadata: {labels: {sidecar.istio.io/inject: 'no'}}").inject);
}

TEST_CASE("never and always inject selectors, then the policy", "[rules]") {
  InjectorPolicy p = InjectorPolicy::from(InjectPolicy::Disabled, parse_yaml("[{matchLabels: {legacy: 'yes'}}, {}]", "n"),
                                          parse_yaml("[{matchExpressions: [{key: mesh, operator: Exists}]}]", "a"), "cfg");
  auto d = [&](const char* labels) { return decide(pod_facts(parse_yaml(labels, "p"), "default"), p); };
  CHECK_FALSE(d("{metadata: {labels: {legacy: 'yes', mesh: x}}}").inject);  // never wins over always
  CHECK_THAT(d("{metadata: {labels: {legacy: 'yes'}}}").reason, Catch::Contains("neverInjectSelector legacy=yes"));
  CHECK(d("{metadata: {labels: {mesh: x}}}").inject);
  CHECK_THAT(d("{metadata: {labels: {mesh: x}}}").reason, Catch::Contains("alwaysInjectSelector mesh"));
  CHECK_FALSE(d("{metadata: {labels: {other: x}}}").inject);  // the empty never selector is ignored
  CHECK(d("{metadata: {labels: {legacy: 'yes', sidecar.istio.io/inject: 'true'}}}").inject);  // the pod's own word first
  CHECK_THROWS_WITH(InjectorPolicy::from(InjectPolicy::Enabled, parse_yaml("[{matchExpressions: [{key: a, operator: Is}]}]", "n"),
                                         Node::seq(), "inject.yaml"),
                    Catch::Contains("inject.yaml: neverInjectSelector[0]"));
}

TEST_CASE("Istio's webhooks and injection chain: the table of reference §2.2", "[rules]") {
  struct Case {
    Row row;
    const char* expect;  // what the report line must contain
  };
  const Case cases[] = {
      // ns istio-injection=enabled: namespace. fires; the chain still applies.
      {{"{istio-injection: enabled}", "{}", "{}"},
       "injected [istio-init, istio-proxy] — webhook namespace.sidecar-injector.istio.io matched namespace data label istio-injection=enabled"},
      {{"{istio-injection: enabled, istio.io/rev: canary}", "{istio.io/rev: foo}", "{}"}, "injected"},
      {{"{istio-injection: enabled}", "{}", "{sidecar.istio.io/inject: 'false'}"},
       "skipped — pod annotation sidecar.istio.io/inject=false (webhook namespace.sidecar-injector.istio.io fired)"},
      {{"{istio-injection: enabled}", "{sidecar.istio.io/inject: 'false'}", "{}"},
       "skipped — pod label sidecar.istio.io/inject=false (no webhook fired)"},
      // Any other istio-injection value: nothing fires, even with the pod's label.
      {{"{istio-injection: disabled}", "{sidecar.istio.io/inject: 'true'}", "{}"},
       "skipped — namespace data has istio-injection=disabled (no webhook fired)"},
      // istio.io/rev on the namespace.
      {{"{istio.io/rev: default}", "{}", "{}"}, "webhook rev.namespace.sidecar-injector.istio.io matched namespace data label istio.io/rev=default"},
      {{"{istio.io/rev: canary}", "{}", "{}"}, "skipped — namespace data has istio.io/rev=canary (no webhook fired)"},
      // Unlabelled namespace: the pod opts in by label.
      {{"{}", "{sidecar.istio.io/inject: 'true'}", "{}"},
       "injected [istio-init, istio-proxy] — webhook object.sidecar-injector.istio.io matched pod label sidecar.istio.io/inject=true"},
      {{"{}", "{istio.io/rev: default}", "{}"}, "webhook rev.object.sidecar-injector.istio.io matched pod label istio.io/rev=default"},
      {{"{}", "{}", "{}"}, "skipped — pod has no label istio.io/rev or sidecar.istio.io/inject (no webhook fired)"},
      // An annotation cannot make a webhook fire.
      {{"{}", "{}", "{sidecar.istio.io/inject: 'true'}"}, "skipped — pod has no label istio.io/rev or sidecar.istio.io/inject (no webhook fired)"},
  };
  for (const auto& c : cases) {
    INFO("ns " << c.row.ns_labels << ", pod labels " << c.row.pod_labels << ", annotations " << c.row.pod_annos);
    CHECK_THAT(cluster_says(c.row), Catch::Contains(c.expect));
  }
}

TEST_CASE("revisions: a canary control plane answers for its own label", "[rules]") {
  CHECK_THAT(cluster_says({"{istio.io/rev: canary}", "{}", "{}"}, "istio", "canary"),
             Catch::Contains("injected [istio-init, istio-proxy] — webhook rev.namespace.sidecar-injector.istio.io matched namespace data label istio.io/rev=canary"));
  CHECK_THAT(cluster_says({"{}", "{istio.io/rev: canary}", "{}"}, "istio", "canary"),
             Catch::Contains("webhook rev.object.sidecar-injector.istio.io matched pod label istio.io/rev=canary"));
  // The canary plane does not answer for istio-injection=enabled (that is the default revision's).
  CHECK_THAT(cluster_says({"{istio-injection: enabled}", "{}", "{}"}, "istio", "canary"), Catch::Contains("skipped"));
  // The default plane does not answer for a canary label.
  CHECK_THAT(cluster_says({"{}", "{istio.io/rev: canary}", "{}"}), Catch::Contains("skipped"));
}

TEST_CASE("enableNamespacesByDefault adds the auto. webhook", "[rules]") {
  CHECK_THAT(cluster_says({"{}", "{}", "{}"}, "istio", "", true),
             Catch::Contains("injected [istio-init, istio-proxy] — webhook auto.sidecar-injector.istio.io matched"));
  CHECK_THAT(cluster_says({"{}", "{}", "{}"}, "istio", "", true, "kube-public"), Catch::Contains("skipped"));
  CHECK_THAT(cluster_says({"{}", "{sidecar.istio.io/inject: 'false'}", "{}"}, "istio", "", true), Catch::Contains("skipped"));
}

TEST_CASE("a MutatingWebhookConfiguration from kubectl get -o yaml", "[rules]") {
  const char* list = R"(apiVersion: v1
kind: List
items:
- apiVersion: admissionregistration.k8s.io/v1
  kind: MutatingWebhookConfiguration
  metadata: {name: mesh}
  webhooks:
  - name: pods.mesh.example.com
    rules: [{operations: [CREATE], apiGroups: [""], apiVersions: [v1], resources: [pods]}]
    objectSelector: {matchLabels: {mesh: "on"}}
  - name: services.mesh.example.com
    rules: [{operations: [CREATE], apiGroups: [""], apiVersions: [v1], resources: [services]}]
)";
  WebhookRules rules = WebhookRules::parse(list, "mwc.yaml");
  REQUIRE(rules.webhooks().size() == 2);
  CHECK(rules.webhooks()[0].intercepts_pods);
  CHECK_FALSE(rules.webhooks()[1].intercepts_pods);  // rules that do not cover pods never fire for one
  CHECK(rules.webhooks()[1].namespace_selector.empty());  // a missing selector means everything
  Namespaces ns;
  Node pod = parse_yaml("{metadata: {labels: {mesh: 'on'}}}", "p");
  Decision d = decide(pod_facts(pod, "x"), policy_of(InjectPolicy::Enabled), rules, ns);
  CHECK(d.inject);
  CHECK(d.webhook == "pods.mesh.example.com");
  CHECK_THROWS_WITH(WebhookRules::parse("kind: MutatingWebhookConfiguration\nmetadata: {name: m}\nwebhooks:\n- name: w\n"
                                        "  namespaceSelector: {matchExpressions: [{key: a, operator: In}]}\n",
                                        "mwc.yaml"),
                    Catch::Contains("mwc.yaml: MutatingWebhookConfiguration m webhook w namespaceSelector") &&
                        Catch::Contains("values must be given"));
  CHECK_THROWS_WITH(WebhookRules::parse("kind: ConfigMap\n", "cm.yaml"), Catch::Contains("no MutatingWebhookConfiguration"));
}

TEST_CASE("namespace labels carry the automatic metadata.name", "[rules]") {
  Namespaces ns;
  CHECK(ns.add(parse_yaml("{kind: List, items: [{kind: Namespace, metadata: {name: a, labels: {x: '1'}}}, {kind: Pod}]}", "l")) == 1);
  CHECK(ns.labels("a").get("x")->text == "1");
  CHECK(ns.labels("a").get("kubernetes.io/metadata.name")->text == "a");
  CHECK(ns.labels("unknown").size() == 1);
}

TEST_CASE("a cluster's webhook names its Istio revision by the service it calls, else its istio.io/rev label",
          "[rules][cluster]") {
  WebhookRules rules = WebhookRules::parse(R"(apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfigurationList
items:
- kind: MutatingWebhookConfiguration
  metadata: {name: istio-sidecar-injector, labels: {istio.io/rev: default}}
  webhooks:
  - name: a.sidecar-injector.istio.io
    clientConfig: {service: {name: istiod, namespace: istio-system}}
- kind: MutatingWebhookConfiguration
  metadata: {name: istio-sidecar-injector-canary, labels: {istio.io/rev: canary}}
  webhooks:
  - name: b.sidecar-injector.istio.io
    clientConfig: {service: {name: istiod-canary, namespace: istio-system}}
- kind: MutatingWebhookConfiguration
  metadata: {name: istio-revision-tag-prod, labels: {istio.io/rev: stable, istio.io/tag: prod}}
  webhooks:
  - name: c.sidecar-injector.istio.io
    clientConfig: {url: "https://istiod.example/inject"}
- kind: MutatingWebhookConfiguration
  metadata: {name: other}
  webhooks:
  - name: d.example.com
    clientConfig: {service: {name: policy, namespace: x}}
)",
                                           "mwc.yaml");
  REQUIRE(rules.webhooks().size() == 4);
  auto hook = [&](const std::string& name) -> const Webhook& {
    for (const auto& w : rules.webhooks())
      if (w.name == name) return w;
    FAIL("no webhook " << name);
    return rules.webhooks().front();
  };
  CHECK(istio_revision_of(hook("a.sidecar-injector.istio.io")) == std::optional<std::string>(""));
  CHECK(istio_revision_of(hook("b.sidecar-injector.istio.io")) == std::optional<std::string>("canary"));
  CHECK(istio_revision_of(hook("c.sidecar-injector.istio.io")) == std::optional<std::string>("stable"));
  CHECK(hook("c.sidecar-injector.istio.io").url == "https://istiod.example/inject");
  CHECK(istio_revision_of(hook("d.example.com")) == std::nullopt);
  CHECK(hook("b.sidecar-injector.istio.io").configuration == "istio-sidecar-injector-canary");
  // The API server calls configurations in the order of their names
  // (k8s.io/apiserver pkg/admission/configuration/mutating_webhook_manager.go,
  // getMutatingWebhookConfigurations: sort.SliceStable ... ByName).
  std::vector<std::string> order;
  for (const auto& w : rules.webhooks()) order.push_back(w.configuration);
  CHECK(order == std::vector<std::string>{"istio-revision-tag-prod", "istio-sidecar-injector", "istio-sidecar-injector-canary", "other"});
}
