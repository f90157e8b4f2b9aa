// kinject command line: flags in, kinject_core does the work.
#include <iostream>

#include <CLI/CLI.hpp>

#include "kinject/disk.h"
#include "kinject/pipeline.h"

#ifndef KINJECT_VERSION
#define KINJECT_VERSION "0.1.0"
#endif

namespace {

void add_inject_flags(CLI::App& app, kinject::Options& o, std::vector<std::string>& files, std::string& output,
                      std::string& report, std::string& policy) {
  app.add_option("-f,--filename", files, "Manifest file, directory or - for stdin (repeatable)")->type_name("FILE");
  app.add_option("files", files, "Manifest files or directories (same as -f)")->type_name("FILE");
  app.add_flag("-R,--recursive", o.recursive, "Read directories recursively");
  app.add_option("-o,--output", output, "Output format")->check(CLI::IsMember({"yaml", "json"}))->default_str("yaml");
  app.add_flag("-i,--in-place", o.in_place, "Rewrite each input file (atomically) instead of printing");
  app.add_option("--report", report, "Per-workload report on stderr")
      ->check(CLI::IsMember({"text", "json", "none"}))
      ->default_str("text");
  app.add_option("--injectConfigFile", o.config.inject_config_file,
                 "Injector config (the istio-sidecar-injector ConfigMap's `config`), or a bare template")
      ->type_name("FILE");
  app.add_option("--valuesFile", o.config.values_file, "Injector values (the ConfigMap's `values`), JSON or YAML")->type_name("FILE");
  app.add_option("--meshConfigFile", o.config.mesh_config_file, "Mesh config (the istio ConfigMap's `mesh`)")->type_name("FILE");
  app.add_option("-r,--revision", o.config.revision, "Istio control plane revision");
  app.add_option("--set", o.config.sets, "Override an Istio value, e.g. --set global.hub=registry.example.com")->type_name("PATH=VALUE");
  app.add_option("--policy", policy, "Injection policy (default: the injector config's)")->check(CLI::IsMember({"enabled", "disabled"}));
  app.add_option("--workload", o.workloads, "Where a custom resource keeps its pod template, e.g. CloneSet=spec.template")
      ->type_name("KIND=PATH");
  app.add_option("--namespace", o.default_namespace, "Namespace of documents that name none (default: default)");
  app.add_option("--rules", o.rules,
                 "Decide as the cluster does: a MutatingWebhookConfiguration file, or `istio` for Istio's default webhooks")
      ->type_name("FILE|istio");
  app.add_option("--namespaces", o.namespaces_file, "Namespace objects whose labels the --rules webhooks select on")
      ->type_name("FILE");
  app.add_option("-l,--selector", o.selector, "Inject only pods whose labels match, e.g. -l app=web,tier!=db");
  app.add_option("--template", o.config.template_file,
                 "Inject a sidecar of one's own: a Go template rendering a pod fragment (instead of Istio's)")
      ->type_name("FILE");
  app.add_option("--max-document-size", o.limits.max_document_bytes, "Largest document accepted, in bytes")->type_name("BYTES");
  app.add_option("--max-depth", o.limits.max_depth, "Deepest nesting accepted");
  app.add_option("--max-nodes", o.limits.max_nodes, "Most nodes in one document, aliases expanded");
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  CLI::App app{"kinject: offline sidecar injection for Kubernetes manifests"};
  app.require_subcommand(0, 1);
  kinject::Options opts;
  std::vector<std::string> files;
  std::string output = "yaml", report = "text", policy;
  add_inject_flags(app, opts, files, output, report, policy);

  auto* version = app.add_subcommand("version", "Print the version");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  if (*version) {
    std::cout << "kinject " << KINJECT_VERSION << " (built-in profile: Istio 1.24)\n";
    return 0;
  }

  opts.inputs = files;
  opts.output = output == "json" ? kinject::OutputFormat::Json : kinject::OutputFormat::Yaml;
  opts.report = report == "json" ? kinject::ReportFormat::Json : report == "none" ? kinject::ReportFormat::None : kinject::ReportFormat::Text;
  if (!policy.empty()) opts.policy = policy == "disabled" ? kinject::InjectPolicy::Disabled : kinject::InjectPolicy::Enabled;

  kinject::RealDisk disk;
  return kinject::run_inject(opts, disk, std::cin, std::cout, std::cerr, kinject::process_env());
}
