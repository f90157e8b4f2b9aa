// The typed invariant end to end (docs/robustness.md): exit 0 implies that
// every workload kinject changes decodes into its Kubernetes type, as
// kubectl's typed decode would; a workload kinject would change that does
// not is a located error and nothing is written; one it leaves unchanged is
// written as it came, with a warning. Each bug of issue 22 has its
// regression test here, named for it.
#include <sstream>

#include <catch2/catch.hpp>

#include "kinject/pipeline/pipeline.h"
#include "kinject/yaml/reader.h"

using namespace kinject;

namespace {

struct Result {
  int rc;
  std::string out, err;
};

Result run_on(const std::string& text, Command command = Command::Inject, ReportFormat report = ReportFormat::Text,
              InjectPolicy policy = InjectPolicy::Enabled) {
  MemoryDisk disk;
  disk.add_file("app.yaml", text);
  Options o;
  o.command = command;
  o.inputs = {"app.yaml"};
  o.report = report;
  o.policy = policy;
  std::istringstream in;
  std::ostringstream out, err;
  EnvLookup env = [](std::string_view) -> std::optional<std::string> { return std::nullopt; };
  int rc = run(o, disk, in, out, err, env);
  return {rc, out.str(), err.str()};
}

// A Deployment the default rules inject; `edit` replaces one line of it.
const std::string kDeployment =
    "apiVersion: apps/v1\n"
    "kind: Deployment\n"
    "metadata:\n"
    "  name: web\n"
    "spec:\n"
    "  replicas: 2\n"
    "  selector:\n"
    "    matchLabels: {app: web}\n"
    "  template:\n"
    "    metadata:\n"
    "      labels: {app: web}\n"
    "    spec:\n"
    "      containers:\n"
    "      - name: app\n"
    "        image: nginx\n"
    "        ports:\n"
    "        - containerPort: 8080\n";

std::string with(std::string_view line, std::string_view replacement) {
  std::string s = kDeployment;
  auto at = s.find(line);
  REQUIRE(at != std::string::npos);
  s.replace(at, line.size(), replacement);
  return s;
}

// The run refuses the document at `line:column`, naming the field and the
// Go type it must have, with nothing on stdout.
void refused(const std::string& text, const std::string& where, const std::string& field, const std::string& go_type) {
  INFO(text);
  auto r = run_on(text);
  CHECK(r.rc == 1);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains("kinject: error: app.yaml (document 1):" + where + ": deployment/web: " + field + ": "));
  CHECK_THAT(r.err, Catch::Contains("(Go type " + go_type));
  // check fails (exit 2) rather than passing it or saying it would inject.
  auto c = run_on(text, Command::Check);
  CHECK(c.rc == 2);
  CHECK_THAT(c.err, Catch::Contains(field));
}

}  // namespace

TEST_CASE("typed: replicas: \"three\" is refused at its place, not injected with exit 0 (issue 22)", "[typed][pipeline]") {
  refused(with("replicas: 2", "replicas: \"three\""), "6:13", "spec.replicas", "int32 in v1.DeploymentSpec");
}

TEST_CASE("typed: ports: \"80\" is refused, not injected with exit 0 (issue 22)", "[typed][pipeline]") {
  refused(with("        ports:\n        - containerPort: 8080\n", "        ports: \"80\"\n"), "16:16",
          "spec.template.spec.containers[0].ports", "[]v1.ContainerPort in v1.Container");
}

TEST_CASE("typed: containerPort: \"8080\" is refused, not injected with exit 0 (issue 22)", "[typed][pipeline]") {
  refused(with("containerPort: 8080", "containerPort: \"8080\""), "17:26",
          "spec.template.spec.containers[0].ports[0].containerPort", "int32 in v1.ContainerPort");
}

TEST_CASE("typed: hostNetwork: \"true\" is refused, not injected with exit 0 (issue 22)", "[typed][pipeline]") {
  refused(with("      containers:\n", "      hostNetwork: \"true\"\n      containers:\n"), "13:20",
          "spec.template.spec.hostNetwork", "bool in v1.PodSpec");
}

TEST_CASE("typed: a container name: 42 is refused, not injected with exit 0 (issue 22)", "[typed][pipeline]") {
  refused(with("- name: app", "- name: 42"), "14:15", "spec.template.spec.containers[0].name", "string in v1.Container");
}

TEST_CASE("typed: a label value 1 is refused, not injected with exit 0 (issue 22)", "[typed][pipeline]") {
  refused(with("      labels: {app: web}", "      labels: {app: web, tier: 1}"), "11:32",
          "spec.template.metadata.labels.tier", "string in v1.ObjectMeta");
}

TEST_CASE("typed: labels: [app, web] is refused, not replaced by the sidecar's labels (issue 22)", "[typed][pipeline]") {
  refused(with("      labels: {app: web}", "      labels: [app, web]"), "11:15", "spec.template.metadata.labels",
          "map[string]string in v1.ObjectMeta");
}

TEST_CASE("typed: volumes: {} is refused, not replaced by the sidecar's volumes (issue 22)", "[typed][pipeline]") {
  refused(with("      containers:\n", "      volumes: {}\n      containers:\n"), "13:16", "spec.template.spec.volumes",
          "[]v1.Volume in v1.PodSpec");
}

TEST_CASE("typed: initContainers: {} is refused, not replaced by the sidecar's (issue 22)", "[typed][pipeline]") {
  refused(with("      containers:\n", "      initContainers: {}\n      containers:\n"), "13:23",
          "spec.template.spec.initContainers", "[]v1.Container in v1.PodSpec");
}

TEST_CASE("typed: containers: {} is refused, not skipped as having no pod spec (issue 22)", "[typed][pipeline]") {
  refused("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers: {}\n",
          "7:19", "spec.template.spec.containers", "[]v1.Container in v1.PodSpec");
  refused("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers: app\n",
          "7:19", "spec.template.spec.containers", "[]v1.Container in v1.PodSpec");
}

TEST_CASE("typed: template: [] and spec: \"x\" are refused, not skipped as having no pod spec (issue 22)", "[typed][pipeline]") {
  refused("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 1\n  template: []\n", "6:13",
          "spec.template", "v1.PodTemplateSpec in v1.DeploymentSpec");
  refused("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: x\n", "4:7", "spec",
          "v1.DeploymentSpec in v1.Deployment");
}

TEST_CASE("typed: a workload with no pod template at all is still skipped", "[typed][pipeline]") {
  auto r = run_on("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 1\n");
  CHECK(r.rc == 0);
  CHECK_THAT(r.err, Catch::Contains("skipped — no pod spec with containers to inject into"));
}

TEST_CASE("typed: a workload kinject leaves unchanged is written as it came, with a warning where it would not decode",
          "[typed][pipeline]") {
  // An envsubst template: ${REPLICAS} is the user's to resolve.
  const std::string text = with("replicas: 2", "replicas: ${REPLICAS}");
  auto r = run_on(text, Command::Inject, ReportFormat::Text, InjectPolicy::Disabled);
  REQUIRE(r.rc == 0);
  CHECK(r.out == text);
  CHECK_THAT(r.err, Catch::Contains("warning: app.yaml (document 1):6:13: deployment/web: spec.replicas: expected an integer, "
                                    "found \"${REPLICAS}\""));
  auto j = run_on(text, Command::Inject, ReportFormat::Json, InjectPolicy::Disabled);
  REQUIRE(j.rc == 0);
  Node report = parse_yaml(j.err, "report");
  REQUIRE(report.get("warnings"));
  REQUIRE(report.get("warnings")->items.size() == 1);
  CHECK_THAT(report.get("warnings")->items[0].text, Catch::Contains("spec.replicas: expected an integer"));
  // check passes it: nothing would change.
  auto c = run_on(text, Command::Check, ReportFormat::Text, InjectPolicy::Disabled);
  CHECK(c.rc == 0);
}

TEST_CASE("typed: an opted-out workload that would not decode is written as it came, with a warning", "[typed][pipeline]") {
  const std::string text = with("      labels: {app: web}", "      labels: {app: web, sidecar.istio.io/inject: false}");
  auto r = run_on(text);
  REQUIRE(r.rc == 0);
  CHECK(r.out == text);
  CHECK_THAT(r.err, Catch::Contains("spec.template.metadata.labels[\"sidecar.istio.io/inject\"]: expected a string, found "
                                    "the boolean false"));
  CHECK_THAT(r.err, Catch::Contains("skipped"));
}

TEST_CASE("typed: uninject refuses a workload it would change that does not decode", "[typed][pipeline]") {
  auto injected = run_on(kDeployment);
  REQUIRE(injected.rc == 0);
  std::string text = injected.out;
  text.replace(text.find("replicas: 2"), 11, "replicas: two");
  auto r = run_on(text, Command::Uninject);
  CHECK(r.rc == 1);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains("spec.replicas: expected an integer, found \"two\""));
}

TEST_CASE("typed: every workload of a List kinject changes must decode", "[typed][pipeline]") {
  const std::string text =
      "apiVersion: v1\nkind: List\nitems:\n"
      "- apiVersion: v1\n  kind: Pod\n  metadata: {name: a}\n  spec:\n    containers: [{name: app, image: x}]\n"
      "- apiVersion: v1\n  kind: Pod\n  metadata: {name: b}\n  spec:\n    priority: high\n    containers: [{name: app, image: x}]\n";
  auto r = run_on(text);
  CHECK(r.rc == 1);
  CHECK_THAT(r.err, Catch::Contains(":13:15: pod/b: spec.priority: expected an integer, found \"high\""));
}

TEST_CASE("typed: a grpc probe port that is an envsubst placeholder is refused in a pod kinject injects", "[typed][pipeline]") {
  // It used to be injected with a warning ("the probe is left as it is"):
  // GRPCAction.port is an int32, and kubectl refuses the output as it refused
  // the input.
  const std::string text =
      "apiVersion: v1\nkind: Pod\nmetadata: {name: w}\nspec:\n  containers:\n  - name: a\n    image: a\n"
      "    livenessProbe:\n      grpc:\n        port: ${GRPC_PORT:-9003}\n";
  auto r = run_on(text);
  CHECK(r.rc == 1);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains(":10:15: pod/w: spec.containers[0].livenessProbe.grpc.port: expected an integer, found "
                                    "\"${GRPC_PORT:-9003}\" (Go type int32 in v1.GRPCAction"));
}
