// Round trips over the 2,080 real manifests of ../shared/corpus/real: with
// nothing to inject every file comes back byte for byte; with injection
// every document outside the pod templates means exactly what it meant.
// Scores are ratchets (test/ratchets.txt).
#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <unistd.h>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "kinject/pipeline/diff.h"
#include "kinject/base/error.h"
#include "kinject/istio/injector.h"
#include "kinject/pipeline/pipeline.h"
#include "kinject/k8s/strategic_merge.h"
#include "kinject/yaml/writer.h"
#include "support.h"

using namespace kinject;
using namespace kinject::test;

namespace {

std::string workload_id(const Node& w) {
  return fmt::format("{}#{}{} {}/{}", w.get("file")->text, w.get("document")->i, w.get("item")->scalar_text(),
                     w.get("kind")->text, w.get("name")->text);
}

// What the in-repository manifests hold, counted by hand: test/fixtures has
// 10 workloads that the default rules inject, in 9 files (the test pod that
// opts out and the host-network DaemonSet are skipped, the Widget is no
// workload); the golden inputs inject 23 workloads in 23 files (their
// reviewed .report files). One pod opts in by its own label
// (hand/styles.yaml).
constexpr long kFixtureWorkloads = 10 + 23;  // injected by the default rules
constexpr long kFixtureFilesInjected = 9 + 23;
constexpr long kFixtureOptInByLabel = 1;

struct RoundTrips {
  long files = 0, identical = 0, opted_in = 0, injected = 0, refused = 0, reformatted = 0;
  long injected_by_default_rules = 0;
};

// With the policy disabled a file in which no pod opts in comes back byte for
// byte; with everything injected that can be, every document means outside
// its pod templates what it meant, and the injection reads back.
RoundTrips round_trips(const std::string& label, const std::vector<std::string>& files) {
  RealDisk disk;
  Injector injector(builtin_profile("1.24"), no_env());
  WorkloadCatalog catalog;

  long identical = 0, opted_in = 0, injected = 0, reformatted = 0, refused = 0;
  std::map<std::string, long> by_reason;
  std::set<std::string> namespaces{"default"}, injected_by_default;
  std::vector<std::string> ok_files;
  for (const auto& path : files) {
    INFO(path);
    std::string text = slurp(path);

    // 1. Injection policy disabled: a file in which no pod opts in comes
    // back exactly as it was.
    Options opts;
    opts.inputs = {path};
    opts.policy = InjectPolicy::Disabled;
    opts.report = ReportFormat::Json;
    std::istringstream in;
    std::ostringstream out, err;
    int rc = run_inject(opts, disk, in, out, err, no_env());
    CHECK(rc == 0);
    if (err.str().find("\"action\": \"injected\"") == std::string::npos) {
      CHECK(out.str() == text);
      if (out.str() == text) ++identical;
    } else {
      ++opted_in;
    }

    // 2. The default rules: every workload is injected or skipped for a
    // reason (counted by reason), or the run stops with an error.
    {
      Options all;
      all.inputs = {path};
      all.report = ReportFormat::Json;
      std::ostringstream out2, err2;
      if (run_inject(all, disk, in, out2, err2, no_env()) == 0) {
        Node report = parse_yaml(err2.str(), "report");
        for (const auto& w : report.get("workloads")->items) {
          std::string action = w.get("action")->text, reason = w.get("reason")->text;
          namespaces.insert(w.get("namespace")->text);
          if (action == "injected") {
            ++by_reason["injected"];
            injected_by_default.insert(workload_id(w));
          } else {
            ++by_reason["skipped: " + reason.substr(0, reason.find(" (")).substr(0, 40)];
          }
        }
        ok_files.push_back(path);
      } else {
        std::string e = err2.str();
        ++by_reason["error: " + e.substr(e.rfind(": ", e.find(" '") == std::string::npos ? e.size() : e.find(" '")) + 2, 28)];
      }
    }

    // 3. Everything injected that can be: documents mean what they meant
    // outside their pod templates, and the injection reads back.
    auto docs = read_all(text, path);
    for (const auto& doc : docs) {
      if (doc.empty) continue;
      Node root = doc.root;
      auto ws = find_workloads(doc.root, catalog);
      int done = 0;
      for (const auto& w : ws) {
        if (!w.has_pod_spec) continue;
        try {
          if (injector.inject(root, w).changed) ++done;
        } catch (const Error&) {
          ++refused;  // e.g. a deliberately bad annotation, or a template this profile lacks
        }
      }
      WriteResult wr = write_document(doc, root, list_item_keys());
      if (!wr.changed) {
        CHECK(wr.text == doc.raw.text);
        continue;
      }
      injected += done;
      if (wr.reformatted) ++reformatted;
      RawDocument raw = doc.raw;
      raw.text = wr.text;
      Node back = parse_document(raw, path).root;
      CHECK(back.same_value(root));
      // Put the original pod templates back: the rest must be untouched.
      for (const auto& w : ws)
        if (Node* pod = w.pod(back)) *pod = *w.pod(doc.root);
      CHECK(back.same_value(doc.root));
    }
  }
  fmt::print(
      "{}: {} files; policy disabled: {} byte-identical, {} with pods that opt in; "
      "policy enabled: {} workloads injected, {} refused, {} documents reformatted\n",
      label, files.size(), identical, opted_in, injected, refused, reformatted);
  for (const auto& [reason, n] : by_reason) fmt::print("  {:>5}  {}\n", n, reason);
  return {static_cast<long>(files.size()), identical, opted_in, injected, refused, reformatted, by_reason["injected"]};
}

}  // namespace

TEST_CASE("corpus: round trips of every real manifest", "[corpus]") {
  auto root = reference_part("corpus/real");
  if (!root) return;
  RealDisk disk;
  auto r = round_trips("corpus", manifest_files(disk, *root));
  auto want = ratchets();
  CHECK(r.files >= want["corpus-files"]);
  CHECK(r.identical >= want["corpus-files-byte-identical-without-injection"]);
  CHECK(r.injected >= want["corpus-workloads-injected"]);
  CHECK(r.reformatted <= want["corpus-documents-reformatted-max"]);
}

// The same checks on the manifests of the repository (test/fixtures and the
// golden inputs), so that a clone without the reference data still catches a
// fidelity regression. Figures counted by hand from the fixtures.
TEST_CASE("fixtures: round trips of every in-repository manifest", "[fixtures]") {
  RealDisk disk;
  auto r = round_trips("fixtures", fixture_files(disk));
  CHECK(r.identical + r.opted_in == r.files);
  CHECK(r.reformatted == 0);
  CHECK(r.injected_by_default_rules == kFixtureWorkloads);
}

namespace {

// Istio's webhooks with no namespace labelled inject only the pods that opt
// in by label; with every namespace labelled, exactly what the default rules
// inject. Returns how many opt in by label.
long rules_istio(const std::vector<std::string>& files) {
  RealDisk disk;
  std::istringstream in;

  // First the default rules, to know what they inject and which namespaces exist.
  std::set<std::string> by_default, namespaces{"default"};
  // kinject's default mode honours the pod label istio-injection=disabled,
  // which no Istio code reads on a pod (policy.h, pod_istio_injection_label):
  // the webhooks inject those, and only those, beyond the default rules.
  std::set<std::string> pod_label_opt_out;
  std::vector<std::string> ok_files;
  for (const auto& path : files) {
    Options o;
    o.inputs = {path};
    o.report = ReportFormat::Json;
    std::ostringstream out, err;
    if (run_inject(o, disk, in, out, err, no_env()) != 0) continue;  // refused files (bad annotations, unknown templates)
    ok_files.push_back(path);
    Node report = parse_yaml(err.str(), "report");
    for (const auto& w : report.get("workloads")->items) {
      namespaces.insert(w.get("namespace")->text);
      if (w.get("action")->text == "injected") by_default.insert(workload_id(w));
      else if (w.get("reason")->text == "pod label istio-injection=disabled") pod_label_opt_out.insert(workload_id(w));
    }
  }

  // --rules istio, no namespace labels but those in each file: only pods
  // that opt in by label are injected; every other file is byte-identical.
  long opt_in = 0, identical = 0;
  std::map<std::string, long> webhooks;
  for (const auto& path : ok_files) {
    INFO(path);
    Options o;
    o.inputs = {path};
    o.rules = "istio";
    o.report = ReportFormat::Json;
    std::ostringstream out, err;
    REQUIRE(run_inject(o, disk, in, out, err, no_env()) == 0);
    bool any = false;
    Node report = parse_yaml(err.str(), "report");
    for (const auto& w : report.get("workloads")->items) {
      if (w.get("action")->text != "injected") continue;
      any = true;
      ++opt_in;
      ++webhooks[w.get("webhook")->scalar_text()];
      // The stream labels no namespace for injection: it must be the pod's own label.
      CHECK_THAT(w.get("reason")->text, Catch::Contains("matched pod label"));
    }
    if (!any) {
      CHECK(out.str() == slurp(path));
      ++identical;
    }
  }

  // --rules istio with every namespace istio-injection=enabled: the same as the default rules.
  // (Named for this process: two suites may run at once on one machine.)
  std::string ns_file = fmt::format("/tmp/kinject-corpus-namespaces-{}.yaml", ::getpid());
  {
    std::ofstream f(ns_file);
    f << "apiVersion: v1\nkind: List\nitems:\n";
    for (const auto& ns : namespaces)
      f << "- {apiVersion: v1, kind: Namespace, metadata: {name: " << json_quote(ns) << ", labels: {istio-injection: enabled}}}\n";
  }
  std::set<std::string> by_webhooks;
  for (const auto& path : ok_files) {
    Options o;
    o.inputs = {path};
    o.rules = "istio";
    o.namespaces_file = ns_file;
    o.report = ReportFormat::Json;
    std::ostringstream out, err;
    int rc = run_inject(o, disk, in, out, err, no_env());
    INFO(path << ": " << err.str());
    REQUIRE(rc == 0);
    Node report = parse_yaml(err.str(), "report");
    for (const auto& w : report.get("workloads")->items)
      if (w.get("action")->text == "injected") by_webhooks.insert(workload_id(w));
  }
  std::remove(ns_file.c_str());
  fmt::print("corpus --rules istio: {} workloads opt in by label ({} files byte-identical); with every namespace enabled: {} "
             "injected, default rules: {}\n",
             opt_in, identical, by_webhooks.size(), by_default.size());
  for (const auto& [w, n] : webhooks) fmt::print("  {:>5}  {}\n", n, w);
  std::vector<std::string> only_default, only_webhooks;
  std::set_difference(by_default.begin(), by_default.end(), by_webhooks.begin(), by_webhooks.end(), std::back_inserter(only_default));
  std::set_difference(by_webhooks.begin(), by_webhooks.end(), by_default.begin(), by_default.end(), std::back_inserter(only_webhooks));
  for (const auto& w : only_default) fmt::print("  injected by the default rules only: {}\n", w);
  for (const auto& w : only_webhooks) fmt::print("  injected by the webhooks only: {}\n", w);
  CHECK(only_default.empty());
  std::vector<std::string> unexplained;
  std::set_difference(only_webhooks.begin(), only_webhooks.end(), pod_label_opt_out.begin(), pod_label_opt_out.end(),
                      std::back_inserter(unexplained));
  CHECK(unexplained.empty());
  return opt_in;
}

}  // namespace

TEST_CASE("corpus: --rules istio injects exactly what Istio's webhooks would", "[corpus]") {
  auto root = reference_part("corpus/real");
  if (!root) return;
  RealDisk disk;
  long opt_in = rules_istio(manifest_files(disk, *root));
  CHECK(opt_in >= ratchets()["corpus-rules-istio-opt-in"]);
}

TEST_CASE("fixtures: --rules istio injects exactly what Istio's webhooks would", "[fixtures]") {
  RealDisk disk;
  CHECK(rules_istio(fixture_files(disk)) >= kFixtureOptInByLabel);
}

namespace {

bool have(const char* tool) { return std::system(fmt::format("command -v {} >/dev/null 2>&1", tool).c_str()) == 0; }

void write_file(const std::string& path, const std::string& text) {
  std::system(fmt::format("mkdir -p '{}'", path.substr(0, path.rfind('/'))).c_str());
  std::ofstream(path, std::ios::binary) << text;
}

// The documented recipe `kinject check --diff -R k8s/ > inject.diff; patch
// -p1 < inject.diff` over every real manifest: the real patch and git apply
// accept the diff, and applying it gives exactly what kinject prints.
// Returns how many files the diff changed.
long patch_and_git_apply(const std::string& label, const std::string& corpus, const std::vector<std::string>& files) {
  char tmpl[] = "/tmp/kinject-patch-XXXXXX";
  REQUIRE(::mkdtemp(tmpl) != nullptr);
  const std::string root = tmpl;
  std::string all;  // every file's diff, one patch
  std::map<std::string, std::string> want;
  long changed = 0;
  for (const auto& path : files) {
    std::string name = path.substr(corpus.size());  // repo/file.yaml, as the user's relative path
    std::string text = slurp(path);
    MemoryDisk disk;
    disk.add_file(name, text);
    Options o;
    o.inputs = {name};
    o.report = ReportFormat::None;
    std::istringstream in;
    std::ostringstream out, err;
    if (run_inject(o, disk, in, out, err, no_env()) != 0) continue;  // refused (bad annotations, unknown templates)
    o.command = Command::Check;
    o.diff = true;
    std::ostringstream diff, err2;
    int rc = run(o, disk, in, diff, err2, no_env());
    INFO(name);
    CHECK(rc == (out.str() == text ? 0 : 1));
    if (out.str() == text) {
      CHECK(diff.str().empty());
      continue;
    }
    ++changed;
    all += diff.str();
    want[name] = out.str();
    for (const char* tool : {"patch", "git"}) write_file(fmt::format("{}/{}/{}", root, tool, name), text);
  }
  write_file(root + "/inject.diff", all);
  CHECK(std::system(fmt::format("cd '{}/patch' && patch -p1 -s --no-backup-if-mismatch < ../inject.diff", root).c_str()) == 0);
  CHECK(std::system(fmt::format("cd '{}/git' && git apply --whitespace=nowarn ../inject.diff", root).c_str()) == 0);
  long same_patch = 0, same_git = 0;
  for (const auto& [name, text] : want) {
    INFO(name);
    bool p = slurp(fmt::format("{}/patch/{}", root, name)) == text, g = slurp(fmt::format("{}/git/{}", root, name)) == text;
    CHECK(p);
    CHECK(g);
    same_patch += p;
    same_git += g;
  }
  fmt::print("{} check --diff: {} files changed; patch -p1 gives kinject's output for {}, git apply for {}\n", label, changed,
             same_patch, same_git);
  std::system(fmt::format("rm -rf '{}'", root).c_str());
  return changed;
}

// patch and git are what the recipe runs; without them there is nothing to test.
bool skip_without_patch_and_git() {
  if (have("patch") && have("git")) return false;
  fmt::print("kinject-skip: needs patch and git on PATH (apt-get install patch git)\n");
  return true;
}

}  // namespace

TEST_CASE("corpus: patch -p1 and git apply accept check --diff, and applying it gives kinject's output", "[corpus]") {
  auto root = reference_part("corpus/real");
  if (!root || skip_without_patch_and_git()) return;
  RealDisk disk;
  patch_and_git_apply("corpus", *root + "/", manifest_files(disk, *root));
}

TEST_CASE("fixtures: patch -p1 and git apply accept check --diff, and applying it gives kinject's output", "[fixtures]") {
  if (skip_without_patch_and_git()) return;
  RealDisk disk;
  CHECK(patch_and_git_apply("fixtures", KINJECT_SOURCE_DIR "/test/", fixture_files(disk)) >= kFixtureFilesInjected);
}

namespace {

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Why uninject(inject(x)) differs from x, when Istio's own record makes the
// difference impossible to avoid; "" when no such reason explains it.
std::string why_not_exact(const std::string& before, const std::string& after) {
  auto a = lines_of(before), b = lines_of(after);
  auto trim = [](const std::string& s) { return s.substr(s.find_first_not_of(' ')); };
  if (a.size() == b.size()) {
    // Istio records a probe's named port as its number: given back by name
    // when one port of the container has that number.
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (a[i] == b[i]) continue;
      std::string x = trim(a[i]), y = trim(b[i]);
      bool number = x.rfind("port: ", 0) == 0 && x.find_first_not_of("0123456789", 6) == std::string::npos;
      if (!number || y.rfind("port: ", 0) != 0 || a[i].find_first_not_of(' ') != b[i].find_first_not_of(' ')) return "";
    }
    return "a probe's port written as a number, which Istio records for a named port too";
  }
  // An alias of a node the injection changed (pod labels anchored and used
  // again in the selector) is written out where it stood, or it would take
  // the injected labels too; uninject cannot know it was an alias.
  if (a.size() < b.size()) {
    std::size_t i = 0;
    while (i < a.size() && a[i] == b[i]) ++i;
    auto star = i < a.size() ? a[i].rfind(": *") : std::string::npos;
    if (star != std::string::npos && b[i] == a[i].substr(0, star + 1)) {
      std::size_t indent = b[i].find_first_not_of(' '), j = i + 1;
      while (j < b.size() && b[j].find_first_not_of(' ') > indent) ++j;
      if (std::equal(a.begin() + static_cast<long>(i) + 1, a.end(), b.begin() + static_cast<long>(j), b.end()))
        return "an alias of the pod's labels, written out at injection so that it keeps its meaning";
    }
  }
  // Go's json.Marshal writes `resources: {}` for every container in
  // proxy.istio.io/overrides, so a user's own empty resources look alike.
  if (a.size() == b.size() + 1) {
    std::size_t i = 0;
    while (i < b.size() && a[i] == b[i]) ++i;
    if (trim(a[i]) == "resources: {}" && std::equal(a.begin() + static_cast<long>(i) + 1, a.end(), b.begin() + static_cast<long>(i)))
      return "an istio-proxy override's own resources: {}, which Istio's overrides record holds for every container";
  }
  return "";
}

// uninject(inject(x)) == x byte for byte wherever kinject did the injection;
// every exception must be one Istio's own record cannot tell apart.
struct Uninjected {
  long injected = 0, exact = 0;
};

// `kube` is the Kubernetes version the output is for: below 1.33 the proxy is
// a container (classic), from 1.33 an init container (native sidecars).
Uninjected uninject_round_trips(const std::string& label, const std::vector<std::string>& files,
                                const std::string& kube) {
  long injected = 0, exact = 0, already = 0;
  std::map<std::string, long> explained;
  for (const auto& path : files) {
    std::string text = slurp(path);
    MemoryDisk mem;
    mem.add_file("x.yaml", text);
    Options o;
    o.inputs = {"x.yaml"};
    o.report = ReportFormat::None;
    o.kube_version = kube;
    std::istringstream in;
    std::ostringstream out, err;
    if (run_inject(o, mem, in, out, err, no_env()) != 0 || out.str() == text) continue;
    ++injected;
    MemoryDisk mem2;
    mem2.add_file("x.yaml", out.str());
    o.command = Command::Uninject;
    std::ostringstream back, err2;
    INFO(path);
    REQUIRE(run(o, mem2, in, back, err2, no_env()) == 0);
    if (back.str() == text) {
      ++exact;
      continue;
    }
    // An input injected before (by Istio: its own test inputs) comes back
    // without that injection too; kinject did not make it.
    if (text.find("sidecar.istio.io/status") != std::string::npos) {
      ++already;
      continue;
    }
    std::string why = why_not_exact(text, back.str());
    INFO(unified_diff(text, back.str(), "x.yaml"));
    CHECK_FALSE(why.empty());
    ++explained[why];
  }
  fmt::print("{} uninject(inject(x)): {} files injected, {} byte for byte, {} injected before they were read\n", label,
             injected, exact, already);
  for (const auto& [why, n] : explained) fmt::print("  {:>5}  {}\n", n, why);
  return {injected, exact};
}

}  // namespace

TEST_CASE("corpus: uninject gives back every file kinject injected, byte for byte", "[corpus]") {
  auto root = reference_part("corpus/real");
  if (!root) return;
  RealDisk disk;
  auto u = uninject_round_trips("corpus", manifest_files(disk, *root), "1.32");
  CHECK(u.exact >= ratchets()["corpus-uninject-byte-exact"]);
}

TEST_CASE("corpus: uninject gives back every file kinject injected with native sidecars, byte for byte", "[corpus]") {
  auto root = reference_part("corpus/real");
  if (!root) return;
  RealDisk disk;
  auto u = uninject_round_trips("corpus (native sidecars)", manifest_files(disk, *root), "1.34");
  CHECK(u.exact >= ratchets()["corpus-uninject-native-byte-exact"]);
}

TEST_CASE("fixtures: uninject gives back every file kinject injected, byte for byte", "[fixtures]") {
  RealDisk disk;
  auto u = uninject_round_trips("fixtures", fixture_files(disk), "1.32");
  CHECK(u.injected == kFixtureFilesInjected);
  // Every file but golden/anchor-in-template.yaml, whose selector aliases the
  // pod labels (explained above; a difference nothing explains fails).
  CHECK(u.exact == u.injected - 1);
}

TEST_CASE("fixtures: uninject gives back every file kinject injected with native sidecars, byte for byte", "[fixtures]") {
  RealDisk disk;
  auto u = uninject_round_trips("fixtures (native sidecars)", fixture_files(disk), "1.34");
  CHECK(u.injected == kFixtureFilesInjected);
  CHECK(u.exact == u.injected - 1);  // golden/anchor-in-template.yaml, as above
}
