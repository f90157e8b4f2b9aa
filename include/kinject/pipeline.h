// The inject command from end to end: read every input, find the workloads,
// decide, inject, write, report. Output is all or nothing: nothing reaches
// `out` (or any file) unless every document of every input succeeded.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "kinject/config.h"
#include "kinject/disk.h"
#include "kinject/injector.h"
#include "kinject/reader.h"
#include "kinject/report.h"
#include "kinject/rules.h"

namespace kinject {

enum class OutputFormat { Yaml, Json };

struct Options {
  std::vector<std::string> inputs;  // files, directories, "-"; empty = stdin
  bool recursive = false;
  OutputFormat output = OutputFormat::Yaml;
  ReportFormat report = ReportFormat::Text;
  bool in_place = false;
  ConfigSources config;
  std::optional<InjectPolicy> policy;  // --policy; else the inject config's
  std::vector<std::string> workloads;  // --workload KIND=PATH
  std::string default_namespace;       // --namespace
  std::string selector;                // --selector: only pods whose labels match
  std::string rules;                   // --rules: a MutatingWebhookConfiguration file, or "istio"
  std::string namespaces_file;         // --namespaces: Namespace objects (labels for --rules)
  Limits limits;
};

// Runs the inject command. Returns the exit status (0 ok, 1 error). Errors
// are written to `err` as "kinject: error: ...".
int run_inject(const Options& opts, Disk& disk, std::istream& in, std::ostream& out, std::ostream& err, const EnvLookup& env);

}  // namespace kinject
