// The typed invariant over the real corpus and the fixtures: every workload
// kinject writes changed decodes into its Kubernetes type; the inputs it
// refuses for a type error are listed (each checked by hand, and by the
// oracle, to be one kubectl refuses too); with the oracle, kinject's typed
// decode agrees with Go's on every workload of every input and output.
#include <map>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "kinject/k8s/go_decode.h"
#include "kinject/pipeline/pipeline.h"
#include "oracle.h"
#include "support.h"

using namespace kinject;
using namespace kinject::test;

namespace {

// One workload's verdict: the document, its List item ("" or "items[2]").
struct Verdict {
  int document;
  std::string item;
  bool ok;
  std::string why;
};

std::vector<Verdict> kinject_verdicts(const std::vector<Document>& docs) {
  WorkloadCatalog catalog;
  std::vector<Verdict> out;
  for (const auto& d : docs) {
    if (d.empty) continue;
    for (const auto& w : find_workloads(d.root, catalog)) {
      std::string item;
      for (std::size_t i : w.items) item += fmt::format("items[{}]", i);
      auto p = k8s::decode_workload(*w.object(d.root), w.api_version, w.kind, w.template_path);
      out.push_back({d.raw.index, item, !p, p ? p->message() : ""});
    }
  }
  return out;
}

struct TypedRun {
  long files = 0, written = 0, changed = 0, unchanged_undecodable = 0;
  std::vector<std::string> refused;  // file: message
  // For the oracle: every input and output document, and kinject's verdicts.
  std::vector<std::pair<std::string, std::vector<Document>>> texts;
};

TypedRun typed_run(const std::vector<std::string>& files, bool keep) {
  TypedRun r;
  RealDisk disk;
  for (const auto& path : files) {
    INFO(path);
    ++r.files;
    std::string text = slurp(path);
    Options o;
    o.inputs = {path};
    o.report = ReportFormat::None;
    std::istringstream in;
    std::ostringstream out, err;
    int rc = run_inject(o, disk, in, out, err, no_env());
    auto before = read_all(text, path);
    if (keep) r.texts.emplace_back(path + " (input)", before);
    if (rc != 0) {
      if (err.str().find("kinject changes only what Kubernetes can decode") != std::string::npos)
        r.refused.push_back(err.str().substr(0, err.str().find('\n')));
      continue;
    }
    auto after = read_all(out.str(), path);
    if (keep) r.texts.emplace_back(path + " (output)", after);
    // Workloads written: each changed one decodes; an unchanged one that
    // does not is the user's, written as it came.
    WorkloadCatalog catalog;
    std::map<std::pair<int, std::string>, const Node*> was;
    for (const auto& d : before)
      if (!d.empty)
        for (const auto& w : find_workloads(d.root, catalog)) {
          std::string item;
          for (std::size_t i : w.items) item += fmt::format("items[{}]", i);
          was[{d.raw.index, item}] = w.object(d.root);
        }
    for (const auto& d : after) {
      if (d.empty) continue;
      for (const auto& w : find_workloads(d.root, catalog)) {
        ++r.written;
        std::string item;
        for (std::size_t i : w.items) item += fmt::format("items[{}]", i);
        const Node* obj = w.object(d.root);
        const Node* old = was.count({d.raw.index, item}) ? was[{d.raw.index, item}] : nullptr;
        bool changed = !old || !old->same_value(*obj);
        auto p = k8s::decode_workload(*obj, w.api_version, w.kind, w.template_path);
        if (changed) {
          ++r.changed;
          INFO((p ? p->message() : std::string()));
          CHECK_FALSE(p.has_value());
        } else if (p) {
          ++r.unchanged_undecodable;
          fmt::print("  written as it came, not decodable: {} (document {}): {}\n", path, d.raw.index, p->message());
        }
      }
    }
  }
  return r;
}

void print(const std::string& label, const TypedRun& r) {
  fmt::print("{} typed: {} files; {} workload documents written, {} of them changed (every one decodes into its type), {} "
             "written as they came that would not decode; {} inputs refused for a type error\n",
             label, r.files, r.written, r.changed, r.unchanged_undecodable, r.refused.size());
  for (const auto& f : r.refused) fmt::print("  refused: {}\n", f);
}

}  // namespace

TEST_CASE("corpus: every workload kinject writes changed decodes into its Kubernetes type", "[corpus]") {
  auto root = reference_part("corpus/real");
  if (!root) return;
  RealDisk disk;
  auto r = typed_run(manifest_files(disk, *root), false);
  print("corpus", r);
  CHECK(r.changed >= ratchets()["corpus-workloads-typed"]);
}

TEST_CASE("fixtures: every workload kinject writes changed decodes into its Kubernetes type", "[fixtures]") {
  RealDisk disk;
  auto r = typed_run(fixture_files(disk), false);
  print("fixtures", r);
  CHECK(r.refused.empty());  // every in-repository manifest decodes
  CHECK(r.changed > 0);
}

namespace {

// kinject's verdict and Go's on every workload of every text, all of them
// through one run of the oracle.
void agree_with_go(const std::string& oracle, const TypedRun& r) {
  std::string input;
  std::vector<std::pair<std::size_t, int>> place;  // oracle document -> (text, kinject's document index)
  std::vector<std::map<std::pair<int, std::string>, Verdict>> mine(r.texts.size());
  for (std::size_t t = 0; t < r.texts.size(); ++t) {
    for (const auto& d : r.texts[t].second) {
      // A %YAML directive is YAML syntax, judged by kinject's reader, not a
      // value: kubectl's document splitter cuts it off at the `---` (and
      // go-yaml refuses `%YAML 1.2` given whole), so the oracle decodes the
      // document without it.
      std::string text = d.raw.text;
      while (text.rfind("%YAML", 0) == 0) text.erase(0, text.find('\n') + 1);
      frame(input, text);
      place.emplace_back(t, d.raw.index);
    }
    for (const auto& v : kinject_verdicts(r.texts[t].second)) mine[t][{v.document, v.item}] = v;
  }
  long workloads = 0, refused = 0, disagree = 0;
  std::vector<std::set<std::pair<int, std::string>>> seen(r.texts.size());
  for (const auto& g : oracle_lines(run_oracle(oracle, "decode", input))) {
    auto [t, doc] = place.at(static_cast<std::size_t>(g.get("document")->i - 1));
    const std::string& name = r.texts[t].first;
    std::string item = g.get("item")->text;
    bool ok = g.get("ok")->b;
    std::string error = g.get("error") ? g.get("error")->text : "";
    seen[t].insert({doc, item});
    ++workloads;
    if (!ok) {
      ++refused;
      fmt::print("  Go refuses {} (document {}){}: {}\n", name, doc, item.empty() ? "" : " " + item, error);
    }
    auto it = mine[t].find({doc, item});
    bool mine_ok = it != mine[t].end() ? it->second.ok : true;
    if (it == mine[t].end() || mine_ok != ok) {
      if (++disagree <= 25)
        FAIL_CHECK(fmt::format("{} (document {}) {}: Go {}, kinject {}", name, doc, item, ok ? "accepts" : "refuses (" + error + ")",
                               it == mine[t].end() ? "sees no workload" : mine_ok ? "accepts" : "refuses (" + it->second.why + ")"));
    }
  }
  for (std::size_t t = 0; t < r.texts.size(); ++t)
    for (const auto& [at, v] : mine[t])
      if (!seen[t].count(at) && ++disagree <= 25)
        FAIL_CHECK(fmt::format("{} (document {}) {}: kinject sees a workload, Go none", r.texts[t].first, v.document, v.item));
  fmt::print("oracle over {} texts: {} workloads, {} refused by Go; kinject disagrees on {}\n", r.texts.size(), workloads, refused,
             disagree);
  CHECK(disagree == 0);
}

}  // namespace

TEST_CASE("corpus: kinject's typed decode agrees with Go's on every workload of the corpus, before and after injection",
          "[oracle][corpus]") {
  auto root = reference_part("corpus/real");
  if (!root) return;
  auto oracle = oracle_binary();
  if (!oracle) return;
  RealDisk disk;
  agree_with_go(*oracle, typed_run(manifest_files(disk, *root), true));
}

TEST_CASE("oracle: kinject's typed decode agrees with Go's on every workload of the fixtures, before and after injection",
          "[oracle][fixtures]") {
  auto oracle = oracle_binary();
  if (!oracle) return;
  RealDisk disk;
  agree_with_go(*oracle, typed_run(fixture_files(disk), true));
}
