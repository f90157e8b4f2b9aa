#include "kinject/pipeline/pipeline.h"
#include "kinject/base/text.h"
#include "kinject/istio/status.h"
#include "kinject/yaml/reader.h"

#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>
#include <fmt/format.h>

using namespace kinject;

namespace {

struct Result {
  int rc;
  std::string out, err;
};

Result run(Options opts, MemoryDisk& disk, const std::string& stdin_text = "") {
  std::istringstream in(stdin_text);
  std::ostringstream out, err;
  EnvLookup env = [](std::string_view) -> std::optional<std::string> { return std::nullopt; };
  int rc = run_inject(opts, disk, in, out, err, env);
  return {rc, out.str(), err.str()};
}

std::string read(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

const std::string kExample = read(KINJECT_SOURCE_DIR "/examples/redis-statefulset.yaml");

}  // namespace

TEST_CASE("the example: the StatefulSet gets the sidecar, the Service stays byte for byte", "[pipeline]") {
  MemoryDisk disk;
  disk.add_file("redis.yaml", kExample);
  Options o;
  o.inputs = {"redis.yaml"};
  auto r = run(o, disk);
  REQUIRE(r.rc == 0);
  // The newest profile on a current Kubernetes: a native sidecar, both init containers.
  CHECK_THAT(r.err, Catch::Contains("statefulset/redis (ns default): injected [istio-init, istio-proxy]"));
  // Everything up to the StatefulSet's pod labels is untouched.
  auto cut = kExample.find("        app: redis\n    spec:");
  REQUIRE(cut != std::string::npos);
  CHECK(r.out.substr(0, cut) == kExample.substr(0, cut));
  // The default profile is the newest release's (Istio 1.31.0, images on registry.istio.io).
  CHECK_THAT(r.out, Catch::Contains("        - name: istio-proxy\n          image: registry.istio.io/release/proxyv2:1.31.0\n"));
  CHECK_THAT(r.out, Catch::Contains("      initContainers:\n        - name: istio-init\n"));
  // The volumeClaimTemplates after the pod template are untouched too.
  CHECK(r.out.substr(r.out.find("  volumeClaimTemplates:")) == kExample.substr(kExample.find("  volumeClaimTemplates:")));
}

TEST_CASE("stdin in, nothing injected: output is the input, byte for byte", "[pipeline]") {
  MemoryDisk disk;
  Options o;
  o.policy = InjectPolicy::Disabled;
  o.report = ReportFormat::None;
  auto r = run(o, disk, kExample);
  CHECK(r.rc == 0);
  CHECK(r.out == kExample);
  CHECK(r.err.empty());
}

TEST_CASE("any error: exit 1, a message with the place, and nothing on stdout", "[pipeline]") {
  MemoryDisk disk;
  disk.add_file("good.yaml", kExample);
  disk.add_file("bad.yaml", "apiVersion: v1\nkind: ConfigMap\n---\ndata: [1, 2\nkey: 3\n");
  Options o;
  o.inputs = {"good.yaml", "bad.yaml"};
  auto r = run(o, disk);
  CHECK(r.rc == 1);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::StartsWith("kinject: error: bad.yaml (document 2):"));

  o.inputs = {"nope.yaml"};
  r = run(o, disk);
  CHECK(r.rc == 1);
  CHECK_THAT(r.err, Catch::Contains("nope.yaml: no such file or directory"));
}

namespace {

// A disk whose second file throws something that is not a kinject::Error, as
// a bug would.
class BuggyDisk : public MemoryDisk {
 public:
  std::unique_ptr<std::istream> open(const std::string& path) const override {
    if (path == "b.yaml") throw std::out_of_range("basic_string_view::substr");
    return MemoryDisk::open(path);
  }
};

}  // namespace

TEST_CASE("a bug is an internal error: exit 1, a message, nothing on stdout", "[pipeline]") {
  BuggyDisk disk;
  disk.add_file("a.yaml", kExample);
  disk.add_file("b.yaml", kExample);
  Options o;
  o.inputs = {"a.yaml", "b.yaml"};
  Result r = run(o, disk);
  CHECK(r.rc == 1);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains("kinject: internal error: basic_string_view::substr; please report this with the input"));
}

TEST_CASE("JSON output writes kubectl-style JSON", "[pipeline]") {
  MemoryDisk disk;
  disk.add_file("two.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n");
  disk.add_file("one.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
  Options o;
  o.output = OutputFormat::Json;
  o.inputs = {"one.yaml"};
  auto r = run(o, disk);
  CHECK(r.out == "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"a\"\n    }\n}\n");
  o.inputs = {"two.yaml"};
  r = run(o, disk);
  CHECK_THAT(r.out, Catch::StartsWith("{\n    \"apiVersion\": \"v1\",\n    \"items\": ["));
  CHECK_THAT(r.out, Catch::Contains("\"kind\": \"List\""));
}

TEST_CASE("the report names every workload, as text or JSON", "[pipeline]") {
  MemoryDisk disk;
  disk.add_file("w.yaml",
                "apiVersion: v1\nkind: Pod\nmetadata: {name: host}\nspec: {hostNetwork: true, containers: [{name: a}]}\n---\n"
                "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: opt-out}\nspec:\n  template:\n    metadata:\n"
                "      labels: {sidecar.istio.io/inject: \"false\"}\n    spec: {containers: [{name: a}]}\n");
  Options o;
  o.inputs = {"w.yaml"};
  o.default_namespace = "team";
  auto r = run(o, disk);
  CHECK(r.rc == 0);
  CHECK_THAT(r.err, Catch::Contains("pod/host (ns team): skipped — pod spec has hostNetwork: true"));
  CHECK_THAT(r.err, Catch::Contains("deployment/opt-out (ns team): skipped — pod label sidecar.istio.io/inject=false"));
  o.report = ReportFormat::Json;
  r = run(o, disk);
  CHECK_THAT(r.err, Catch::Contains("\"kind\": \"Pod\", \"namespace\": \"team\", \"name\": \"host\", \"action\": \"skipped\""));
}

TEST_CASE("in-place rewriting touches only the files that change", "[pipeline]") {
  MemoryDisk disk;
  disk.add_file("redis.yaml", kExample);
  disk.add_file("cm.yaml", "apiVersion: v1\nkind: ConfigMap\n");
  Options o;
  o.inputs = {"redis.yaml", "cm.yaml"};
  o.in_place = true;
  auto r = run(o, disk);
  CHECK(r.rc == 0);
  CHECK(r.out.empty());
  CHECK_THAT(*disk.file("redis.yaml"), Catch::Contains("istio-proxy"));
  CHECK(*disk.file("cm.yaml") == "apiVersion: v1\nkind: ConfigMap\n");
}

TEST_CASE("the log-shipper example: a sidecar of one's own, injected by label", "[pipeline]") {
  RealDisk disk;
  Options o;
  o.inputs = {KINJECT_SOURCE_DIR "/examples/log-shipper/app.yaml"};
  o.config.template_file = KINJECT_SOURCE_DIR "/examples/log-shipper/log-shipper.tmpl";
  o.selector = "logging=enabled";
  std::istringstream in;
  std::ostringstream out, err;
  EnvLookup env = [](std::string_view) -> std::optional<std::string> { return std::nullopt; };
  REQUIRE(run_inject(o, disk, in, out, err, env) == 0);
  CHECK_THAT(err.str(), Catch::Contains("deployment/api (ns default): injected [log-shipper]"));
  CHECK_THAT(err.str(), Catch::Contains("deployment/worker (ns default): skipped — pod labels do not match --selector logging=enabled"));
  auto docs = read_all(out.str(), "out");
  const Node& api = *docs[0].root.at_path("spec.template.spec");
  REQUIRE(api.get("containers")->items.size() == 2);
  CHECK(api.get("containers")->items[0].at_path("volumeMounts")->items[0].get("mountPath")->text == "/var/log/app");
  CHECK(api.get("containers")->items[1].get("image")->text == "fluent/fluent-bit:3.1");
  CHECK_FALSE(docs[0].root.at_path("spec.template.metadata.annotations")->get("sidecar.istio.io/status"));
  CHECK(docs[0].root.at_path("spec.template.metadata.annotations")->get("kinject.io/status")->text ==
        R"({"initContainers":null,"containers":["log-shipper"],"volumes":["app-logs"],"imagePullSecrets":null,"revision":"default","annotations":["logging.example.com/shipper"]})");
  // The second workload, not selected, is untouched.
  std::string input = read(KINJECT_SOURCE_DIR "/examples/log-shipper/app.yaml");
  CHECK(out.str().substr(out.str().find("---")) == input.substr(input.find("---")));
}

// Regression: two files read from a directory came out glued together, the
// second file's first document merged into the first file's last one.
TEST_CASE("files that do not start with --- stay separate documents on stdout", "[pipeline]") {
  MemoryDisk disk;
  disk.add_file("app/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
  disk.add_file("app/b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n");
  Options o;
  o.inputs = {"app"};
  o.report = ReportFormat::None;
  auto r = run(o, disk);
  REQUIRE(r.rc == 0);
  auto docs = read_all(r.out, "-", Limits{});
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].root.get("metadata")->get("name")->str() == "a");
  CHECK(docs[1].root.get("metadata")->get("name")->str() == "b");
}

TEST_CASE("join_streams adds only the separators a stream needs", "[pipeline]") {
  // No final newline, no leading ---: both are supplied.
  CHECK(join_streams({"a: 1", "b: 2\n"}) == "a: 1\n---\nb: 2\n");
  // A file that opens with --- (after comments) needs none.
  CHECK(join_streams({"a: 1\n", "# b\n---\nb: 2\n"}) == "a: 1\n# b\n---\nb: 2\n");
  // `----` is not a marker.
  CHECK(join_streams({"a: 1\n", "---- : x\n"}) == "a: 1\n---\n---- : x\n");
  // A directive may only follow an ended document.
  CHECK(join_streams({"a: 1\n", "%YAML 1.2\n---\nb: 2\n"}) == "a: 1\n...\n%YAML 1.2\n---\nb: 2\n");
  // Empty files add nothing; the first file gets no separator.
  CHECK(join_streams({"", "a: 1\n", ""}) == "a: 1\n");
}

// Every way a run can fail: exit 1, a message that names the thing and says
// what to do, nothing on stdout, and (with --in-place) no file changed.
TEST_CASE("every error path: exit 1, a message naming the cause, nothing written", "[pipeline][errors]") {
  struct Case {
    const char* name;
    std::function<void(Options&, MemoryDisk&)> setup;
    std::vector<std::string> says;
  };
  const std::vector<Case> cases = {
      {"unreadable file", [](Options&, MemoryDisk& d) { d.fail_reads_of("b.yaml"); },
       {"b.yaml: cannot open file: Permission denied", "read permission"}},
      {"missing file", [](Options& o, MemoryDisk&) { o.inputs.push_back("missing.yaml"); },
       {"missing.yaml: no such file or directory"}},
      {"directory without manifests", [](Options& o, MemoryDisk& d) { d.add_dir("empty"); o.inputs.push_back("empty"); },
       {"empty: directory holds no .yaml", "-R"}},
      {"unknown --workload path",
       [](Options& o, MemoryDisk&) { o.workloads = {"StatefulSet=spec.tmplate"}; },
       {"a.yaml (document 2)", "statefulset/redis", "--workload StatefulSet=spec.tmplate: no spec.tmplate",
        "spec has serviceName, replicas, selector, template", "correct the path"}},
      {"bad template",
       [](Options& o, MemoryDisk& d) {
         d.add_file("t.tmpl", "spec:\n  containers:\n  - name: x\n    image: {{ .Values.img | quote }\n");
         o.config.template_file = "t.tmpl";
       },
       {"t.tmpl", "template: t:4:", "unexpected \"}\""}},
      {"values file that is not YAML",
       [](Options& o, MemoryDisk& d) {
         d.add_file("v.yaml", "global: [unclosed\n");
         o.config.values_file = "v.yaml";
       },
       {"v.yaml (document 1):2:1", "invalid YAML"}},
      {"values file of the wrong shape",
       [](Options& o, MemoryDisk& d) {
         d.add_file("v.yaml", "global: 3\n");
         o.config.values_file = "v.yaml";
       },
       {"v.yaml: values: global must be a mapping", "not a number"}},
      {"bad annotation value",
       [](Options&, MemoryDisk& d) {
         std::string bad = kExample;
         bad.insert(bad.find("      labels:\n        app: redis\n    spec:"),
                    "      annotations:\n        sidecar.istio.io/proxyCPU: lots\n");
         d.add_file("b.yaml", bad);
       },
       {"b.yaml (document 2):", "sidecar.istio.io/proxyCPU"}},
      {"unknown --set path", [](Options& o, MemoryDisk&) { o.config.sets = {"globl.hub=registry.example.com"}; },
       {"--set globl.hub=registry.example.com: Istio's values have no globl (did you mean global?)"}},
      {"--set into a string", [](Options& o, MemoryDisk&) { o.config.sets = {"global.hub.name=x"}; },
       {"global.hub is a string in Istio's values, not a mapping"}},
  };
  for (const auto& c : cases) {
    for (bool in_place : {false, true}) {
      INFO(c.name << (in_place ? " (in place)" : ""));
      MemoryDisk disk;
      disk.add_file("a.yaml", kExample);
      disk.add_file("b.yaml", kExample);
      Options o;
      o.inputs = {"a.yaml", "b.yaml"};
      o.in_place = in_place;
      c.setup(o, disk);
      std::map<std::string, std::string> before;
      for (const char* f : {"a.yaml", "b.yaml"})
        if (const std::string* t = disk.file(f)) before[f] = *t;
      auto r = run(o, disk);
      CHECK(r.rc == 1);
      CHECK(r.out.empty());
      CHECK_THAT(r.err, Catch::StartsWith("kinject: error: "));
      for (const auto& s : c.says) CHECK_THAT(r.err, Catch::Contains(s));
      for (const auto& [f, t] : before) CHECK(*disk.file(f) == t);
    }
  }
}

TEST_CASE("output that cannot be written: exit 1 and a message, for stdout and files", "[pipeline][errors]") {
  MemoryDisk disk;
  disk.add_file("a.yaml", kExample);
  Options o;
  o.inputs = {"a.yaml"};
  // A closed pipe or a full disk behind stdout.
  std::istringstream in;
  std::ostringstream out, err;
  out.setstate(std::ios::badbit);
  EnvLookup env = [](std::string_view) -> std::optional<std::string> { return std::nullopt; };
  CHECK(run_inject(o, disk, in, out, err, env) == 1);
  CHECK_THAT(err.str(), Catch::Contains("cannot write the output"));
  // A full disk behind -o and --in-place: nothing changes.
  disk.fail_writes_to("out.yaml");
  o.output_file = "out.yaml";
  auto r = run(o, disk);
  CHECK(r.rc == 1);
  CHECK_THAT(r.err, Catch::Contains("out.yaml: cannot write the new content: No space left on device"));
  CHECK(disk.file("out.yaml") == nullptr);
  o.output_file.clear();
  o.in_place = true;
  disk.fail_writes_to("a.yaml");
  r = run(o, disk);
  CHECK(r.rc == 1);
  CHECK(*disk.file("a.yaml") == kExample);
}

namespace {

// Files that read like pipes: the first open gets the content, any later
// one nothing, as a second read of a FIFO, /dev/stdin or <(...) gets.
class PipeDisk : public MemoryDisk {
 public:
  PathKind stat(const std::string& path) const override {
    return file(path) ? PathKind::Other : MemoryDisk::stat(path);
  }
  std::unique_ptr<std::istream> open(const std::string& path) const override {
    if (opened_.insert(path).second) return MemoryDisk::open(path);
    return std::make_unique<std::istringstream>("");
  }
  std::size_t opens() const { return opened_.size(); }

 private:
  mutable std::set<std::string> opened_;
};

const char* kOptedIn = R"(apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    istio-injection: enabled
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx
)";

}  // namespace

// Regression: with --rules, every input was read twice (once for the
// Namespace objects, once to inject); a pipe read twice is empty the second
// time, so the output was empty with exit 0.
TEST_CASE("pipeline: an input is read once, so a pipe with --rules comes out whole (regression)", "[pipeline]") {
  PipeDisk disk;
  disk.add_file("/dev/fd/63", kOptedIn);
  disk.add_file("plain.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
  Options o;
  o.inputs = {"/dev/fd/63", "plain.yaml"};
  o.rules = "istio";
  o.kube_version = "1.32";  // the classic layout: the proxy beside the app
  auto r = run(o, disk);
  REQUIRE(r.rc == 0);
  CHECK_THAT(r.err, Catch::Contains("deployment/web (ns shop): injected [istio-proxy, istio-init]"));
  auto docs = read_all(r.out, "-");
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].root.at_path("metadata.name")->str() == "shop");
  CHECK(docs[1].root.at_path("spec.template.spec.containers")->items.size() == 2);
  CHECK(docs[2].root.at_path("metadata.name")->str() == "c");
  // stdin too: the Namespace comes first, and so does the one stream.
  o.inputs = {"-"};
  r = run(o, disk, kOptedIn);
  REQUIRE(r.rc == 0);
  CHECK(read_all(r.out, "-").size() == 2);
  CHECK_THAT(r.err, Catch::Contains("deployment/web (ns shop): injected"));
}

// Regression: a --report-file that could not be written came after the
// manifests had gone to stdout, so the run printed them and exited 1.
TEST_CASE("pipeline: a --report-file that cannot be written leaves stdout empty (regression)", "[pipeline][errors]") {
  MemoryDisk disk;
  disk.add_file("a.yaml", kExample);
  disk.fail_writes_to("reports/r.txt");
  Options o;
  o.inputs = {"a.yaml"};
  o.report_file = "reports/r.txt";
  auto r = run(o, disk);
  CHECK(r.rc == 1);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains("reports/r.txt: cannot write"));
  // With --in-place, the files and the report go together or not at all.
  o.in_place = true;
  r = run(o, disk);
  CHECK(r.rc == 1);
  CHECK(*disk.file("a.yaml") == kExample);
  // check mode writes the report before it prints.
  o.in_place = false;
  o.command = Command::Check;
  o.diff = true;
  std::istringstream in;
  std::ostringstream out, err;
  CHECK(kinject::run(o, disk, in, out, err, [](std::string_view) -> std::optional<std::string> { return std::nullopt; }) == 2);
  CHECK(out.str().empty());
}

// Regression: a Helm chart's template that happens to parse as YAML
// (`name: {{ .Release.Name }}` is a flow mapping) was taken for a
// Deployment: `-i -R` rewrote the chart's template with a sidecar in it.
TEST_CASE("pipeline: a document whose name or kind is not a string is refused at its place (regression)", "[pipeline][errors]") {
  const std::string chart =
      "apiVersion: apps/v1\n"
      "kind: Deployment\n"
      "metadata:\n"
      "  name: {{ .Release.Name }}\n"
      "spec:\n"
      "  template:\n"
      "    spec:\n"
      "      containers:\n"
      "      - name: web\n"
      "        image: nginx\n";
  MemoryDisk disk;
  disk.add_file("chart/templates/deploy.yaml", chart);
  disk.add_file("chart/templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
  Options o;
  o.inputs = {"chart"};
  o.recursive = true;
  o.in_place = true;
  auto r = run(o, disk);
  CHECK(r.rc == 1);
  // The first line says what the file is (issue 22), then what that makes of it.
  CHECK_THAT(r.err, Catch::StartsWith("kinject: error: chart/templates/deploy.yaml (document 1):4:9: the file holds Go/Helm "
                                      "template syntax ({{ .Release.Name }} at 4:9) and must be rendered first: helm template "
                                      "CHART | kinject\n  as it is, metadata.name is a mapping, not a string"));
  CHECK(*disk.file("chart/templates/deploy.yaml") == chart);
  // Whatever the field and wherever the object: a number, a List's item.
  disk.add_file("n.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: 1234\n");
  disk.add_file("l.yaml", "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: [Pod]\n");
  o = Options{};
  o.inputs = {"n.yaml"};
  r = run(o, disk);
  CHECK(r.rc == 1);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains("n.yaml (document 1):4:9: metadata.name is a number, not a string"));
  o.inputs = {"l.yaml"};
  r = run(o, disk);
  CHECK_THAT(r.err, Catch::Contains("l.yaml (document 1):5:9: items[0].kind is a list, not a string"));
  // An empty name is Go's "", not a type error.
  disk.add_file("e.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name:\n");
  o.inputs = {"e.yaml"};
  CHECK(run(o, disk).rc == 0);
}

TEST_CASE("pipeline: a Deployment whose pod labels merge its own (<<: *labels) is injected in place (regression)", "[pipeline]") {
  const std::string text =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels: &labels\n    app: web\nspec:\n"
      "  selector:\n    matchLabels: *labels\n  template:\n    metadata:\n      labels:\n        <<: *labels\n"
      "        version: v1\n    spec:\n      containers:\n      - name: web\n        image: nginx\n";
  MemoryDisk disk;
  disk.add_file("m.yaml", text);
  Options o;
  o.inputs = {"m.yaml"};
  auto r = run(o, disk);
  REQUIRE(r.rc == 0);
  CHECK_THAT(r.err, !Catch::Contains("could not edit the document in place"));
  // Everything up to the pod labels' last own key is as it was; the new
  // labels follow it, in the map that merges the anchor.
  std::size_t cut = text.find("        version: v1\n") + 20;
  CHECK(r.out.substr(0, cut) == text.substr(0, cut));
  CHECK(r.out.substr(cut, 41) == "        security.istio.io/tlsMode: istio\n");
}

// ---- the habits people bring from kubectl and istioctl (issue 12)

TEST_CASE("report: the text report ends with a summary line: what happened to how many, and where the output went", "[pipeline][report]") {
  MemoryDisk disk;
  disk.add_file("redis.yaml", kExample);
  disk.add_file("skip.yaml",
                "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web-off}\nspec:\n  template:\n    metadata:\n      "
                "annotations: {sidecar.istio.io/inject: \"false\"}\n    spec:\n      containers: [{name: a, image: a}]\n");
  Options o;
  o.inputs = {"redis.yaml", "skip.yaml"};
  auto r = run(o, disk);
  REQUIRE(r.rc == 0);
  CHECK_THAT(r.err, Catch::EndsWith("\nsummary: 1 injected, 1 skipped, 0 unchanged in 2 inputs; written to stdout\n"));
  // In place: how many of the files were rewritten (the skipped one is not).
  o.in_place = true;
  r = run(o, disk);
  REQUIRE(r.rc == 0);
  CHECK_THAT(r.err, Catch::EndsWith("summary: 1 injected, 1 skipped, 0 unchanged in 2 inputs; 1 file rewritten\n"));
  // Run again, the injected one is unchanged; nothing is rewritten.
  r = run(o, disk);
  CHECK_THAT(r.err, Catch::EndsWith("summary: 0 injected, 1 skipped, 1 unchanged in 2 inputs; 0 files rewritten\n"));
  // JSON: the same figures as an object.
  o.in_place = false;
  o.report = ReportFormat::Json;
  r = run(o, disk);
  CHECK_THAT(r.err, Catch::Contains("\"summary\": {\"injected\": 0, \"skipped\": 1, \"unchanged\": 1, \"inputs\": 2, \"output\": \"stdout\"}"));
}

TEST_CASE("report: with --report json an error is JSON too, with its place", "[pipeline][report]") {
  MemoryDisk disk;
  disk.add_file("bad.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: \"x\x01\"}\n");
  Options o;
  o.inputs = {"bad.yaml"};
  o.report = ReportFormat::Json;
  auto r = run(o, disk);
  CHECK(r.rc == 1);
  CHECK(r.out.empty());
  Node e = parse_yaml(r.err, "stderr");  // the whole of stderr is one JSON object
  REQUIRE(e.get("error"));
  CHECK(e.at_path("error.severity")->str() == "error");
  CHECK(e.at_path("error.file")->str() == "bad.yaml");
  CHECK(e.at_path("error.document")->i == 1);
  CHECK(e.at_path("error.line")->i == 3);
  CHECK(e.at_path("error.column")->i == 20);  // the control character
  CHECK_THAT(e.at_path("error.message")->text, !Catch::StartsWith("bad.yaml"));
  // An error about a file without a line has no line.
  o.inputs = {"missing.yaml"};
  r = run(o, disk);
  e = parse_yaml(r.err, "stderr");
  CHECK(e.at_path("error.file")->str() == "missing.yaml");
  CHECK_THAT(e.at_path("error.message")->text, Catch::Contains("no such file"));
  CHECK_FALSE(e.at_path("error.line"));
}

TEST_CASE("pipeline: -o json with -i is refused, not written as YAML", "[pipeline]") {
  MemoryDisk disk;
  disk.add_file("redis.yaml", kExample);
  Options o;
  o.inputs = {"redis.yaml"};
  o.in_place = true;
  o.output = OutputFormat::Json;
  auto r = run(o, disk);
  CHECK(r.rc == 2);  // a usage error (issue 22)
  CHECK_THAT(r.err, Catch::Contains("-o json cannot be combined with -i/--in-place"));
  CHECK(*disk.file("redis.yaml") == kExample);
}

TEST_CASE("pipeline: a usage error exits 2 with a hint, before anything is read (issue 22)", "[pipeline][errors]") {
  struct Case {
    const char* name;
    std::function<void(Options&)> setup;
    std::string says;
  };
  const std::vector<Case> cases = {
      {"namespace not a DNS-1123 label", [](Options& o) { o.default_namespace = "Bad_NS"; },
       "--namespace \"Bad_NS\": not a valid namespace name: a lowercase RFC 1123 label"},
      {"namespace of 64 characters", [](Options& o) { o.default_namespace = std::string(64, 'a'); },
       "must be no more than 63 characters (it has 64)"},
      {"namespace spelt like a flag", [](Options& o) { o.default_namespace = "-f"; }, "e.g. my-namespace or 123-abc"},
      {"--kube-version", [](Options& o) { o.kube_version = "one.thirty"; }, "--kube-version one.thirty: not a Kubernetes version"},
      {"--selector", [](Options& o) { o.selector = "app in (a"; }, "--selector"},
      {"--workload", [](Options& o) { o.workloads = {"CloneSet"}; }, "--workload CloneSet: expected KIND=PATH"},
      {"-i on stdin", [](Options& o) { o.inputs = {"-"}; o.in_place = true; }, "--in-place needs files to rewrite"},
      {"--istio-version", [](Options& o) { o.config.istio_version = "1.99"; }, "--istio-version 1.99: kinject plays the injectors"},
      {"--set without =", [](Options& o) { o.config.sets = {"global.hub"}; }, "--set global.hub: key \"global.hub\" has no value"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    MemoryDisk disk;
    disk.add_file("redis.yaml", kExample);
    Options o;
    o.inputs = {"redis.yaml"};
    c.setup(o);
    auto r = run(o, disk, kExample);
    CHECK(r.rc == 2);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::StartsWith("kinject: error: "));
    CHECK_THAT(r.err, Catch::Contains(c.says));
    CHECK_THAT(r.err, Catch::EndsWith("\nRun with --help for more information.\n"));
    CHECK(*disk.file("redis.yaml") == kExample);
  }
  // A name the API server accepts is taken as it is.
  MemoryDisk disk;
  disk.add_file("redis.yaml", kExample);
  Options o;
  o.inputs = {"redis.yaml"};
  o.default_namespace = std::string(63, 'a');
  CHECK(run(o, disk).rc == 0);
  o.default_namespace = "123-abc";
  CHECK(run(o, disk).rc == 0);
}

TEST_CASE("krm: empty stdin is an error, not an empty answer with exit 0 (issue 22)", "[pipeline][krm]") {
  for (const char* empty : {"", "\n\n", "---\n", "# nothing\n"}) {
    INFO(empty);
    MemoryDisk disk;
    Options o;
    o.krm = true;
    auto r = run(o, disk, empty);
    CHECK(r.rc == 1);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Contains("no KRM ResourceList on stdin"));
    CHECK_THAT(r.err, Catch::Contains("kinject without krm"));
  }
  // Without `krm`, empty stdin is an empty stream, and the answer is empty too.
  MemoryDisk disk;
  Options o;
  auto r = run(o, disk, "");
  CHECK(r.rc == 0);
  CHECK(r.out.empty());
}

TEST_CASE("krm: a functionConfig namespace that is no DNS-1123 label is an error result (issue 22)", "[pipeline][krm]") {
  std::string list =
      "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n"
      "    name: p\n  spec:\n    containers:\n    - name: app\n      image: app\nfunctionConfig:\n  apiVersion: v1\n"
      "  kind: ConfigMap\n  data:\n    namespace: Shop\n";
  MemoryDisk disk;
  Options o;
  auto r = run(o, disk, list);
  CHECK(r.rc == 1);  // KRM's contract: exit 1 and the items back with the error
  CHECK_THAT(r.err, Catch::Contains("functionConfig: namespace \"Shop\": not a valid namespace name"));
  CHECK_THAT(r.out, Catch::Contains("severity: error"));
  CHECK_THAT(r.out, Catch::Contains("name: app"));
  CHECK_THAT(r.out, !Catch::Contains("istio-proxy"));
}

TEST_CASE("report: --report none still gives the warnings: each says something was not done or not kept", "[pipeline][report]") {
  // A pod that opts out, whose grpc probe's port is a placeholder, is left
  // as it is, with a warning: it would not decode (an injected one is refused,
  // typed_pipeline_test.cpp).
  MemoryDisk disk;
  disk.add_file("w.yaml",
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: w\n  annotations: {sidecar.istio.io/inject: \"false\"}\n"
                "spec:\n  containers:\n  - name: a\n    image: a\n"
                "    readinessProbe:\n      grpc:\n        port: ${GRPC_PORT}\n");
  Options o;
  o.inputs = {"w.yaml"};
  o.report = ReportFormat::None;
  auto quiet = run(o, disk);
  o.report = ReportFormat::Text;
  auto loud = run(o, disk);
  REQUIRE(quiet.rc == 0);
  CHECK(quiet.out == loud.out);
  // Exactly the warning lines of the text report, no workload lines.
  std::string warnings;
  std::istringstream lines(loud.err);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("warning: ", 0) == 0) warnings += line + "\n";
  CHECK_THAT(warnings, Catch::Contains("readinessProbe.grpc.port: expected an integer, found \"${GRPC_PORT}\""));
  CHECK(quiet.err == warnings);
}

namespace {

// Counts what is opened for reading.
class CountingDisk : public MemoryDisk {
 public:
  std::unique_ptr<std::istream> open(const std::string& path) const override {
    ++opens;
    return MemoryDisk::open(path);
  }
  mutable int opens = 0;
};

}  // namespace

// Regression (issue 22): -i on a FIFO (or /dev/stdin, a device) read it and
// renamed a regular file over it. Such an input can be read, not rewritten:
// refused before any input is read.
TEST_CASE("pipeline: -i on an input that is not a regular file was read and replaced (regression)", "[pipeline][errors]") {
  CountingDisk disk;
  disk.add_file("a.yaml", kExample);
  disk.add_stream("in.fifo", kExample);
  Options o;
  o.inputs = {"a.yaml", "in.fifo"};
  o.in_place = true;
  auto r = run(o, disk);
  CHECK(r.rc == 1);
  CHECK_THAT(r.err, Catch::Contains("in.fifo: --in-place rewrites a file, and this is a FIFO") &&
                        Catch::Contains("drop -i and redirect the output"));
  CHECK(disk.opens == 0);
  CHECK(*disk.file("a.yaml") == kExample);
  CHECK(disk.streamed("in.fifo") == nullptr);
  CHECK(r.out.empty());
  // Without -i it is read as any input.
  o.in_place = false;
  r = run(o, disk);
  CHECK(r.rc == 0);
  CHECK(read_all(r.out, "-").size() == 4);
}

// Regression (issue 22): `-` as an output path made a file named "-". It is
// stdout; the report there beside the manifests would mix the two, a usage
// error before anything is read.
TEST_CASE("pipeline: - as an output path was taken for a file named - (regression)", "[pipeline][errors]") {
  CountingDisk disk;
  disk.add_file("a.yaml", kExample);
  Options o;
  o.inputs = {"a.yaml"};
  o.output_file = "-";  // kube-inject -o -
  auto r = run(o, disk);
  CHECK(r.rc == 0);
  CHECK(disk.file("-") == nullptr);
  CHECK_THAT(r.out, Catch::Contains("name: istio-proxy"));
  CHECK_THAT(r.err, Catch::Contains("summary: 1 injected"));
  CHECK_THAT(r.err, Catch::Contains("; written to stdout"));
  // --report-file - beside the manifests: exit 2, nothing read or written.
  o.output_file.clear();
  o.report_file = "-";
  disk.opens = 0;
  r = run(o, disk);
  CHECK(r.rc == 2);
  CHECK(r.out.empty());
  CHECK(disk.opens == 0);
  CHECK(disk.file("-") == nullptr);
  CHECK_THAT(r.err, Catch::Contains("--report-file - would mix the report into the manifests on stdout"));
  // ... and beside a diff.
  o.command = Command::Check;
  o.diff = true;
  std::istringstream none;
  std::ostringstream out, err;
  CHECK(kinject::run(o, disk, none, out, err, [](std::string_view) -> std::optional<std::string> { return std::nullopt; }) == 2);
  CHECK_THAT(err.str(), Catch::Contains("would mix the report into the diff on stdout"));
  CHECK(out.str().empty());
  // Where stdout carries nothing else, the report goes there: check, -i.
  o.diff = false;
  std::ostringstream out2, err2;
  CHECK(kinject::run(o, disk, none, out2, err2, [](std::string_view) -> std::optional<std::string> { return std::nullopt; }) == 1);
  CHECK_THAT(out2.str(), Catch::Contains("summary: 1 would inject"));
  CHECK(err2.str().empty());
  o.command = Command::Inject;
  o.in_place = true;
  r = run(o, disk);
  CHECK(r.rc == 0);
  CHECK_THAT(r.out, Catch::StartsWith("statefulset/redis (ns default): injected"));
  CHECK_THAT(*disk.file("a.yaml"), Catch::Contains("name: istio-proxy"));
}

// A FIFO given to --report-file stays a FIFO and gets the report, after
// the rewritten files (the Disk's policy, seen from the pipeline).
TEST_CASE("pipeline: a report FIFO beside -i gets the report and stays a FIFO", "[pipeline]") {
  MemoryDisk disk;
  disk.add_file("a.yaml", kExample);
  disk.add_stream("report.fifo");
  Options o;
  o.inputs = {"a.yaml"};
  o.in_place = true;
  o.report_file = "report.fifo";
  auto r = run(o, disk);
  REQUIRE(r.rc == 0);
  REQUIRE(disk.streamed("report.fifo"));
  CHECK_THAT(*disk.streamed("report.fifo"), Catch::Contains("summary: 1 injected"));
  CHECK(disk.file("report.fifo") == nullptr);
  CHECK(r.err.empty());
}

namespace {

// A StatefulSet whose claim template is named `claim`, mounted by its app.
std::string statefulset_with_claim(const std::string& claim, const std::string& pod_labels = "{app: db}") {
  return "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  selector:\n"
         "    matchLabels: {app: db}\n  template:\n    metadata:\n      labels: " +
         pod_labels +
         "\n    spec:\n      containers:\n      - name: db\n        image: postgres\n        volumeMounts:\n"
         "        - name: " +
         claim +
         "\n          mountPath: /var/lib/postgresql\n  volumeClaimTemplates:\n  - metadata:\n      name: data\n"
         "    spec:\n      accessModes: [ReadWriteOnce]\n  - metadata:\n      name: " +
         claim + "\n    spec:\n      accessModes: [ReadWriteOnce]\n      resources: {requests: {storage: 1Gi}}\n";
}

}  // namespace

// Issue 22: a claim template named like a volume the sidecar adds made the
// output guard report "internal error ... a bug in kinject". The
// StatefulSet controller gives each pod a volume per claim template and
// drops a template volume of that name: the sidecar's volume would be
// replaced by the claim (the proxy on the app's disk, or without its
// token). It is the user's collision, reported as the others are.
TEST_CASE("pipeline: a StatefulSet claim template named like an injected volume is a collision, not an internal error (issue 22)",
          "[pipeline][errors]") {
  struct Case {
    const char* name;
    std::string claim;
    std::function<void(Options&, MemoryDisk&)> setup;
    std::string sidecar_volume;
  };
  const std::vector<Case> cases = {
      {"classic (Istio 1.24)", "istio-data", [](Options& o, MemoryDisk&) { o.config.istio_version = "1.24"; }, "emptyDir"},
      {"native (Istio 1.30)", "istio-data", [](Options&, MemoryDisk&) {}, "emptyDir"},
      {"the token volume", "istio-token", [](Options&, MemoryDisk&) {}, "projected"},
      {"a --template sidecar's volume", "app-logs",
       [](Options& o, MemoryDisk& d) {
         d.add_file("t.tmpl",
                    "spec:\n  containers:\n  - name: shipper\n    image: s\n    volumeMounts:\n    - name: app-logs\n"
                    "      mountPath: /logs\n  volumes:\n  - name: app-logs\n    emptyDir: {}\n");
         o.config.template_file = "t.tmpl";
       },
       "emptyDir"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    MemoryDisk disk;
    const std::string input = statefulset_with_claim(c.claim);
    disk.add_file("db.yaml", input);
    Options o;
    o.inputs = {"db.yaml"};
    c.setup(o, disk);
    auto r = run(o, disk);
    CHECK(r.rc == 1);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, !Catch::Contains("internal error"));
    // At the claim template's name, which is what to rename.
    auto [line, col] = line_col(input, input.rfind("name: " + c.claim) + 6);
    CHECK_THAT(r.err, Catch::StartsWith(fmt::format("kinject: error: db.yaml (document 1):{}:{}: statefulset/db: ", line, col)));
    CHECK_THAT(r.err, Catch::Contains(fmt::format("volumeClaimTemplates[1] \"{}\" gives each pod a volume of that name", c.claim)));
    CHECK_THAT(r.err, Catch::Contains(fmt::format("the name of a volume the sidecar adds ({})", c.sidecar_volume)));
    CHECK_THAT(r.err, Catch::Contains("rename the claim template"));
    CHECK(*disk.file("db.yaml") == input);
  }
  // A claim the sidecar does not name is the pod's own, as always.
  MemoryDisk disk;
  disk.add_file("db.yaml", statefulset_with_claim("pgdata"));
  Options o;
  o.inputs = {"db.yaml"};
  CHECK(run(o, disk).rc == 0);
}

// The class of issue 22 item 6: the output guard (the API server's name
// rules) found what the collision check did not know of, and called the
// user's collision a bug in kinject. For every name an injection adds
// (volumes, containers, init containers; classic and native), a pod that
// already uses it in each place the guard checks is either injected or
// refused as the user's collision: never an internal error.
TEST_CASE("pipeline: every name the sidecar adds, taken by the pod anywhere the guard looks, is the user's error, never an internal error",
          "[pipeline][errors]") {
  for (const char* release : {"1.24", "1.30"}) {
    INFO("Istio " << release);
    auto run_on = [&](const std::string& text) {
      MemoryDisk disk;
      disk.add_file("db.yaml", text);
      Options o;
      o.inputs = {"db.yaml"};
      o.config.istio_version = release;
      return run(o, disk);
    };
    const std::string plain = statefulset_with_claim("pgdata");
    auto first = run_on(plain);
    REQUIRE(first.rc == 0);
    auto docs = read_all(first.out, "out");
    const Node* status = docs[0].root.at_path("spec.template.metadata.annotations")->get("sidecar.istio.io/status");
    REQUIRE(status);
    InjectionStatus st = *parse_status(status->text);
    REQUIRE_FALSE(st.volumes.empty());
    std::vector<std::string> variants;
    const std::string pod_spec = "    spec:\n      containers:\n";
    for (const auto& v : st.volumes) {
      variants.push_back(statefulset_with_claim(v));
      std::string own = plain;
      own.insert(own.find("  volumeClaimTemplates:"),
                 "      volumes:\n      - name: " + v + "\n        hostPath: {path: /x}\n");
      variants.push_back(own);
    }
    std::vector<std::string> names = st.containers;
    names.insert(names.end(), st.init_containers.begin(), st.init_containers.end());
    for (const auto& c : names)
      for (const char* list : {"containers", "initContainers"}) {
        std::string own = plain;
        own.insert(own.find("  volumeClaimTemplates:"),
                   std::string("      ") + list + ":\n      - name: " + c + "\n        image: busybox\n        ports:\n"
                   "        - containerPort: 15090\n");
        variants.push_back(own);
      }
    for (const auto& text : variants) {
      INFO(text);
      auto r = run_on(text);
      CHECK_THAT(r.err, !Catch::Contains("internal error"));
      if (r.rc != 0) {
        CHECK(r.rc == 1);
        CHECK_THAT(r.err, Catch::StartsWith("kinject: error: db.yaml (document 1):"));
      }
    }
  }
}

// The class of issue 22 item 7: a chart's template fails wherever its
// first `{{` at a value's start makes something kinject stumbles on (the
// reader's YAML error, an identity field, the writer's refusal of a map
// key, an annotation's check), each time with a message that did not say
// the file is a template. Every such refusal of a workload says it first.
TEST_CASE("pipeline: a chart template is refused first as a template, wherever its syntax makes it fail (issue 22)",
          "[pipeline][errors]") {
  struct Case {
    const char* name;
    std::string text;
    std::string first_line;
  };
  const std::string head = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n";
  const std::vector<Case> cases = {
      {"an image (a map key the writer refuses)",
       head + "    spec:\n      containers:\n      - name: web\n        image: {{ .Values.image }}\n",
       "c.yaml (document 1):10:16: the file holds Go/Helm template syntax ({{ .Values.image }} at 10:16)"},
      {"an annotation the injector checks",
       head + "    metadata:\n      annotations:\n        sidecar.istio.io/proxyCPU: {{ .Values.cpu }}\n    spec:\n"
              "      containers:\n      - name: web\n        image: nginx\n",
       "c.yaml (document 1):9:36: the file holds Go/Helm template syntax ({{ .Values.cpu }} at 9:36)"},
      {"a YAML error", head + "    spec:\n      {{- if .Values.sa }}\n      serviceAccountName: x\n      {{- end }}\n"
                              "      containers:\n      - name: web\n        image: nginx\n",
       "c.yaml (document 1):8:7: the file holds Go/Helm template syntax ({{- if .Values.sa }} at 8:7)"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    MemoryDisk disk;
    disk.add_file("c.yaml", c.text);
    Options o;
    o.inputs = {"c.yaml"};
    o.in_place = true;
    auto r = run(o, disk);
    CHECK(r.rc == 1);
    CHECK_THAT(r.err, Catch::StartsWith("kinject: error: " + c.first_line + " and must be rendered first: helm template CHART | kinject\n"));
    CHECK(*disk.file("c.yaml") == c.text);
  }
  // A document kinject does not edit passes through as ever (kubectl will
  // judge it), and quoted templates are data.
  MemoryDisk disk;
  const std::string data = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations: {t: \"{{ .x }}\"}\ndata: {{ .Values.data }}\n";
  disk.add_file("d.yaml", data);
  Options o;
  o.inputs = {"d.yaml"};
  auto r = run(o, disk);
  CHECK(r.rc == 0);
  CHECK(r.out == data);
}

namespace {

std::string job_like(const std::string& kind, const std::string& restart_policy, const std::string& annotations = "") {
  const std::string pod_spec = "containers:\n- name: work\n  image: busybox\n" +
                               (restart_policy.empty() ? std::string() : "restartPolicy: " + restart_policy + "\n");
  auto indent = [](const std::string& text, const std::string& by) {
    std::string out;
    std::size_t at = 0;
    while (at < text.size()) {
      std::size_t nl = text.find('\n', at);
      out += by + text.substr(at, nl - at + 1);
      at = nl + 1;
    }
    return out;
  };
  const std::string meta = annotations.empty() ? "metadata: {labels: {app: work}}\n"
                                               : "metadata:\n  annotations:\n" + indent(annotations, "    ");
  const std::string tmpl = meta + "spec:\n" + indent(pod_spec, "  ");
  if (kind == "Pod") return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: work\n" + tmpl.substr(tmpl.find("spec:"));
  if (kind == "Job") return "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: work\nspec:\n  template:\n" + indent(tmpl, "    ");
  if (kind == "CronJob")
    return "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: work\nspec:\n  schedule: \"@daily\"\n  jobTemplate:\n"
           "    spec:\n      template:\n" +
           indent(tmpl, "        ");
  return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: work\nspec:\n  template:\n" + indent(tmpl, "    ");
}

}  // namespace

// Issue 22: a Job or CronJob given a classic sidecar never completes (the
// proxy keeps running after the job's containers exit), and the report
// said only "injected". Istio's documentation says so of classic sidecars
// (istio.io, "Kubernetes Native Sidecars in Istio"): the report warns on
// that workload, with why the sidecar is classic and what to do.
TEST_CASE("report: a Job or CronJob given a classic sidecar is warned that it never completes (issue 22)", "[pipeline][report]") {
  struct Case {
    const char* name;
    std::string kind, restart_policy;
    std::function<void(Options&)> setup;
    std::optional<std::string> env;  // ENABLE_NATIVE_SIDECARS
    std::string annotations;
    std::string why;  // the layout's reason in the warning; "" for no warning
  };
  const std::vector<Case> cases = {
      {"Job, --kube-version 1.32", "Job", "Never", [](Options& o) { o.kube_version = "1.32"; }, std::nullopt, "",
       "--kube-version 1.32: classic (native sidecars need Kubernetes 1.33)"},
      {"CronJob, ENABLE_NATIVE_SIDECARS=false", "CronJob", "OnFailure", [](Options&) {}, "false", "",
       "ENABLE_NATIVE_SIDECARS=false: classic"},
      {"CronJob, Istio 1.24's default", "CronJob", "OnFailure", [](Options& o) { o.config.istio_version = "1.24"; },
       std::nullopt, "", "ENABLE_NATIVE_SIDECARS unset (Istio 1.24.6's default: false): classic"},
      {"Job, the pod's annotation", "Job", "Never", [](Options&) {}, std::nullopt,
       "sidecar.istio.io/nativeSidecar: \"false\"\n", "pod annotation sidecar.istio.io/nativeSidecar=false: classic"},
      {"a bare Pod that runs to completion", "Pod", "OnFailure", [](Options& o) { o.kube_version = "1.28"; }, std::nullopt,
       "", "--kube-version 1.28: classic"},
      {"kube-inject offline", "Job", "Never", [](Options& o) { o.kube_inject = true; }, std::nullopt, "",
       "kube-inject offline: auto is off, as istioctl: classic"},
      // No warning: a native sidecar ends with the job, and a pod that
      // restarts forever or a Deployment never completes anyway.
      {"Job, native", "Job", "Never", [](Options&) {}, std::nullopt, "", ""},
      {"a Pod that always restarts", "Pod", "", [](Options& o) { o.kube_version = "1.28"; }, std::nullopt, "", ""},
      {"Deployment, classic", "Deployment", "", [](Options& o) { o.kube_version = "1.28"; }, std::nullopt, "", ""},
  };
  for (const auto& c : cases) {
    for (ReportFormat format : {ReportFormat::Text, ReportFormat::Json}) {
      INFO(c.name << (format == ReportFormat::Json ? " (json)" : ""));
      MemoryDisk disk;
      disk.add_file("w.yaml", job_like(c.kind, c.restart_policy, c.annotations));
      Options o;
      o.inputs = {"w.yaml"};
      o.report = format;
      c.setup(o);
      std::istringstream in;
      std::ostringstream out, err;
      auto env_value = c.env;
      EnvLookup env = [env_value](std::string_view key) -> std::optional<std::string> {
        return key == "ENABLE_NATIVE_SIDECARS" ? env_value : std::nullopt;
      };
      int rc = run_inject(o, disk, in, out, err, env);
      INFO(err.str());
      REQUIRE(rc == 0);
      const std::string workload = ascii_lower(c.kind) + "/work";
      if (c.why.empty()) {
        CHECK_THAT(err.str(), !Catch::Contains("never complete"));
        continue;
      }
      const std::string never = c.kind == "CronJob" ? "the Jobs it starts never complete"
                                : c.kind == "Job" ? "the Job never completes"
                                                  : "the pod never completes";
      std::string text = err.str();
      if (format == ReportFormat::Json) {
        // One JSON string in "warnings": read it back as text.
        auto docs = read_all(text, "report.json");
        const Node* warnings = docs[0].root.get("warnings");
        REQUIRE(warnings);
        REQUIRE(warnings->items.size() == 1);
        text = "warning: " + warnings->items[0].text + "\n";
      }
      CHECK_THAT(text, Catch::Contains("warning: " + workload + ": the proxy is a classic sidecar, which keeps running after "
                                       "the other containers exit, so " + never));
      CHECK_THAT(text, Catch::Contains(c.why));
      CHECK_THAT(text, Catch::Contains("native sidecar"));
      CHECK_THAT(text, Catch::Contains("POST http://localhost:15020/quitquitquit"));
    }
  }
  // The agent's /quitquitquit is on the status port, wherever the pod moved it.
  MemoryDisk disk;
  disk.add_file("w.yaml", job_like("Job", "Never", "status.sidecar.istio.io/port: \"15030\"\n"));
  Options o;
  o.inputs = {"w.yaml"};
  o.kube_version = "1.30";
  auto r = run(o, disk);
  REQUIRE(r.rc == 0);
  CHECK_THAT(r.err, Catch::Contains("curl -fsS -X POST http://localhost:15030/quitquitquit"));
}

// Istio's webhook fills a pod's empty namespace from the admission request
// before anything reads it (pkg/kube/inject/webhook.go, Webhook.inject:
// `if pod.ObjectMeta.Namespace == "" { pod.ObjectMeta.Namespace =
// req.Namespace }`), and GetDeployMetaFromPod takes DeploymentMeta's
// namespace from the pod, so the template's ISTIO_META_OWNER names the
// namespace the object is created in. kinject decided such an object in the
// -n namespace but rendered it as `default`. istioctl kube-inject has no
// request (inject.go, IntoObject): the object's own empty namespace, which
// the template turns into `default`.
TEST_CASE("regression: -n's namespace reaches the template of an object that names none (ISTIO_META_OWNER said default)",
          "[pipeline][istio]") {
  MemoryDisk disk;
  disk.add_file("w.yaml",
                "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n"
                "    metadata: {labels: {app: web}}\n    spec: {containers: [{name: a, image: nginx}]}\n---\n"
                "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: own}\nspec:\n  template:\n"
                "    metadata: {labels: {app: api}}\n    spec: {containers: [{name: a, image: nginx}]}\n---\n"
                "apiVersion: v1\nkind: Pod\nmetadata: {name: solo}\nspec: {containers: [{name: a, image: nginx}]}\n");
  Options o;
  o.inputs = {"w.yaml"};
  o.default_namespace = "shop";
  auto r = run(o, disk);
  REQUIRE(r.rc == 0);
  CHECK_THAT(r.out, Catch::Contains("kubernetes://apis/apps/v1/namespaces/shop/deployments/web"));
  CHECK_THAT(r.out, Catch::Contains("kubernetes://apis/apps/v1/namespaces/own/deployments/api"));
  CHECK_THAT(r.out, Catch::Contains("kubernetes://apis/v1/namespaces/shop/pods/solo"));
  CHECK_THAT(r.out, !Catch::Contains("namespaces/default/"));
  // Nothing else learns the namespace: the objects still name none.
  CHECK_THAT(r.out, !Catch::Contains("namespace: shop"));

  o.kube_inject = true;
  r = run(o, disk);
  REQUIRE(r.rc == 0);
  CHECK_THAT(r.out, Catch::Contains("kubernetes://apis/apps/v1/namespaces/default/deployments/web"));
  CHECK_THAT(r.out, Catch::Contains("kubernetes://apis/apps/v1/namespaces/own/deployments/api"));
  CHECK_THAT(r.out, Catch::Contains("kubernetes://apis/v1/namespaces/default/pods/solo"));
}

// The same for the pod's own metadata, which a customised template reads as
// .ObjectMeta.Namespace: the webhook's pod has the request's namespace
// (webhook.go, Webhook.inject); istioctl's is the pod template's metadata
// as written (inject.go, IntoObject), with none.
TEST_CASE("regression: a template's .ObjectMeta.Namespace is the namespace the pod is created in, as the webhook fills it",
          "[pipeline][istio]") {
  MemoryDisk disk;
  disk.add_file("w.yaml",
                "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n"
                "    metadata: {labels: {app: web}}\n    spec: {containers: [{name: a, image: nginx}]}\n");
  // An injector configuration whose sidecar template only reads it.
  disk.add_file("inject.yaml",
                "policy: enabled\ntemplates:\n  sidecar: |\n    metadata:\n      annotations:\n"
                "        seen-namespace: \"[{{ .ObjectMeta.Namespace }}]\"\n");
  Options o;
  o.inputs = {"w.yaml"};
  o.config.inject_config_file = "inject.yaml";
  o.default_namespace = "shop";
  auto r = run(o, disk);
  REQUIRE(r.rc == 0);
  CHECK_THAT(r.out, Catch::Contains("seen-namespace: \"[shop]\""));
  o.kube_inject = true;
  r = run(o, disk);
  REQUIRE(r.rc == 0);
  CHECK_THAT(r.out, Catch::Contains("seen-namespace: \"[]\""));
}
