// What a run is asked to do: the command and every setting, as the CLI, a
// KRM functionConfig or a test give them. A plain value: the pipeline reads
// it, output.h and krm.h take it, and nothing here runs anything.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kinject/istio/config.h"
#include "kinject/k8s/cluster.h"
#include "kinject/pipeline/report.h"
#include "kinject/yaml/limits.h"

namespace kinject {

enum class OutputFormat { Yaml, Json };

enum class Command {
  Inject,    // write the injected manifests
  Check,     // CI gate: report what injection would change; exit 0 nothing, 1 changes, 2 error
  Uninject,  // remove what an injection added
};

struct Options {
  Command command = Command::Inject;
  std::vector<std::string> inputs;  // files, directories, "-"; empty = stdin
  bool recursive = false;
  OutputFormat output = OutputFormat::Yaml;
  ReportFormat report = ReportFormat::Text;
  std::string report_file;             // --report-file: the report goes here instead of stderr
  bool in_place = false;
  std::string output_file;             // write here (atomically) instead of stdout
  bool diff = false;                   // check: print a unified diff of what would change
  bool krm = false;                    // stdin is a KRM ResourceList (also detected on its own)
  ConfigSources config;
  std::optional<InjectPolicy> policy;  // --policy; else the inject config's
  std::vector<std::string> workloads;  // --workload KIND=PATH
  std::string default_namespace;       // --namespace
  std::string selector;                // --selector: only pods whose labels match
  std::string rules;                   // --rules: a MutatingWebhookConfiguration file, or "istio"
  std::string namespaces_file;         // --namespaces: Namespace objects (labels for --rules)
  // --cluster: a snapshot of the cluster (kubectl get namespaces, nodes,
  // mutatingwebhookconfigurations, configmaps -o yaml): its namespaces'
  // labels, its webhooks (as --rules), each revision's injector ConfigMaps
  // and its nodes' kubelets. Flags given beside it win.
  std::string cluster_file;
  // What decides ENABLE_NATIVE_SIDECARS=auto (istio/native.h) beside a
  // snapshot's nodes: the Kubernetes the output is for, and whether kinject
  // runs as istioctl kube-inject (offline, auto is off).
  std::string kube_version;                   // --kube-version X.Y
  bool kube_inject = false;                   // `kinject kube-inject`
  // --ignore-match-conditions: a webhook's matchConditions (CEL, which
  // kinject cannot evaluate) are taken as true, each workload warned;
  // without it such a webhook firing is an error.
  bool ignore_match_conditions = false;
  Limits limits;
  std::string temp_dir = "/tmp";      // where output too large to hold in memory waits (main: $TMPDIR)
  // The caller ends the process as soon as run() returns (the command line
  // does): the run's state (documents, configuration, parsed templates) is
  // left to the operating system instead of being freed piece by piece,
  // which cost a one-document run 8% of its instructions. Never set where
  // run() is called more than once (tests, a library user).
  bool process_ends_after_run = false;
};

}  // namespace kinject
