// Round trips over the 2,080 real manifests of ../shared/corpus/real: with
// nothing to inject every file comes back byte for byte; with injection
// every document outside the pod templates means exactly what it meant.
// Scores are ratchets (test/ratchets.txt).
#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "kinject/error.h"
#include "kinject/injector.h"
#include "kinject/pipeline.h"
#include "kinject/writer.h"

using namespace kinject;

namespace {

std::map<std::string, long> ratchets() {
  std::ifstream in(KINJECT_SOURCE_DIR "/test/ratchets.txt");
  std::map<std::string, long> out;
  std::string line;
  while (std::getline(in, line)) {
    line = line.substr(0, line.find('#'));
    std::istringstream ls(line);
    std::string name;
    long value;
    if (ls >> name >> value) out[name] = value;
  }
  return out;
}

std::vector<std::string> corpus_files(const Disk& disk) {
  std::vector<std::string> out;
  std::string root = KINJECT_SHARED_DIR "/corpus/real";
  for (const auto& repo : disk.list(root))
    for (const auto& f : disk.list(root + "/" + repo)) out.push_back(root + "/" + repo + "/" + f);
  std::sort(out.begin(), out.end());
  return out;
}

std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

EnvLookup no_env() {
  return [](std::string_view) -> std::optional<std::string> { return std::nullopt; };
}

}  // namespace

TEST_CASE("corpus: round trips of every real manifest", "[corpus]") {
  RealDisk disk;
  auto files = corpus_files(disk);
  auto want = ratchets();
  Injector injector(builtin_config(), no_env());
  WorkloadCatalog catalog;

  long identical = 0, opted_in = 0, injected = 0, reformatted = 0, refused = 0;
  std::map<std::string, long> by_reason;
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
          if (action == "injected") ++by_reason["injected"];
          else ++by_reason["skipped: " + reason.substr(0, reason.find(" (")).substr(0, 40)];
        }
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
      WriteResult wr = write_document(doc, root);
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
      "corpus: {} files; policy disabled: {} byte-identical, {} with pods that opt in; "
      "policy enabled: {} workloads injected, {} refused, {} documents reformatted\n",
      files.size(), identical, opted_in, injected, refused, reformatted);
  for (const auto& [reason, n] : by_reason) fmt::print("  {:>5}  {}\n", n, reason);
  CHECK(static_cast<long>(files.size()) >= want["corpus-files"]);
  CHECK(identical >= want["corpus-files-byte-identical-without-injection"]);
  CHECK(injected >= want["corpus-workloads-injected"]);
  CHECK(reformatted <= want["corpus-documents-reformatted-max"]);
}
