#include "kinject/pipeline/pipeline.h"
#include "kinject/yaml/reader.h"

#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

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
  // The default profile is the newest release's (Istio 1.30.3's images are on registry.istio.io).
  CHECK_THAT(r.out, Catch::Contains("        - name: istio-proxy\n          image: registry.istio.io/release/proxyv2:1.30.3\n"));
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
  CHECK_THAT(r.err, Catch::Contains("chart/templates/deploy.yaml (document 1):4:9: metadata.name is a mapping, not a string"));
  CHECK_THAT(r.err, Catch::Contains("Helm or Go template"));
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
  CHECK(r.rc == 1);
  CHECK_THAT(r.err, Catch::Contains("-o json cannot be combined with -i/--in-place"));
  CHECK(*disk.file("redis.yaml") == kExample);
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
