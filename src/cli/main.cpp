// kinject command line: flags in, kinject_core does the work.
#include <algorithm>
#include <cstdlib>
#include <iostream>

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/cli.h"
#include "kinject/base/disk.h"
#include "kinject/pipeline/pipeline.h"

namespace {

// The process environment, the one place kinject reads it.
kinject::EnvLookup process_env() {
  return [](std::string_view key) -> std::optional<std::string> {
    const char* v = std::getenv(std::string(key).c_str());
    if (!v) return std::nullopt;
    return std::string(v);
  };
}

struct Flags {
  kinject::Options o;
  std::vector<std::string> files;
  std::string output = "yaml", report = "text", policy;
};

void add_input_flags(CLI::App& app, Flags& f) {
  // One value per occurrence (kubectl's -f): a repeatable option must not
  // swallow the file names that follow it.
  app.add_option("-f,--filename", f.files, "Manifest file, directory or - for stdin (repeatable)")
      ->type_name("FILE")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("files", f.files, "Manifest files or directories (same as -f)")->type_name("FILE");
  app.add_flag("-R,--recursive", f.o.recursive, "Read directories recursively");
  app.add_option("--report", f.report, "Per-workload report on stderr")->check(CLI::IsMember({"text", "json", "none"}));
  app.add_option("--report-file", f.o.report_file, "Write the report to FILE instead of stderr (Helm discards a post-renderer's stderr); a FIFO or device is written "
                 "through; - is stdout, allowed where stdout carries nothing else (check, -i)")->type_name("FILE");
  app.add_option("--max-document-size", f.o.limits.max_document_bytes, "Largest document accepted, in bytes")->type_name("BYTES");
  app.add_option("--max-depth", f.o.limits.max_depth, "Deepest nesting accepted");
  app.add_option("--max-nodes", f.o.limits.max_nodes, "Most nodes in one document, aliases expanded");
  app.add_option("--max-alias-nodes", f.o.limits.max_alias_nodes, "Most nodes one document may gain by alias expansion");
  app.add_option("--max-scalar-size", f.o.limits.max_scalar_bytes, "Largest scalar accepted, in bytes")->type_name("BYTES");
  app.add_option("--max-documents", f.o.limits.max_documents, "Most documents in one stream");
}

void add_output_flags(CLI::App& app, Flags& f) {
  app.add_option("-o,--output", f.output, "Output format")->check(CLI::IsMember({"yaml", "json"}));
  app.add_flag("-i,--in-place", f.o.in_place, "Rewrite each input file (atomically) instead of printing; each must be a regular file or a link to one");
}

void add_config_flags(CLI::App& app, Flags& f) {
  auto& c = f.o.config;
  app.add_option("--injectConfigFile", c.inject_config_file,
                 "Injector config (the istio-sidecar-injector ConfigMap's `config`), a bare template, or the ConfigMaps "
                 "themselves (kubectl get cm -o yaml, helm template)")
      ->type_name("FILE");
  app.add_option("--valuesFile", c.values_file, "Injector values (the ConfigMap's `values`), JSON or YAML, or the ConfigMaps")->type_name("FILE");
  app.add_option("--meshConfigFile", c.mesh_config_file, "Mesh config (the istio ConfigMap's `mesh`), or the ConfigMaps")->type_name("FILE");
  app.add_option("--operatorFileName", c.operator_file, "An IstioOperator whose spec.values and spec.meshConfig apply")
      ->type_name("FILE");
  app.add_option("-r,--revision", c.revision, "Istio control plane revision");
  app.add_option("--istio-version", c.istio_version,
                 "The Istio release to inject as (its built-in profile, and its injector's behaviour), e.g. 1.30 or 1.30.3; "
                 "default: the newest, or the release the given configuration is from")
      ->type_name("X.Y[.Z]");
  app.add_option("--set", c.sets,
                 "Override Istio values in Helm's --set grammar, e.g. --set global.hub=registry.example.com,global.tag=1.30.3 "
                 "(\\, for a comma in a value, a[0]=x, a={x,y})")
      ->type_name("NAME=VALUE[,...]")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--template", c.template_file,
                 "Inject a sidecar of one's own: a Go template rendering a pod fragment (instead of Istio's)")
      ->type_name("FILE");
}

// Not kube-inject's: istioctl kube-inject has no such flag and, offline,
// takes ENABLE_NATIVE_SIDECARS=auto for false whatever the Kubernetes.
void add_kube_version_flag(CLI::App& app, Flags& f) {
  app.add_option("--kube-version", f.o.kube_version,
                 "The Kubernetes the output is for (as helm template's flag), e.g. 1.33: with ENABLE_NATIVE_SIDECARS=auto "
                 "(Istio 1.27+'s default), 1.33+ gets native sidecars; default: a current Kubernetes")
      ->type_name("X.Y");
}

void add_rule_flags(CLI::App& app, Flags& f) {
  app.add_option("--policy", f.policy, "Injection policy (default: the injector config's)")->check(CLI::IsMember({"enabled", "disabled"}));
  app.add_option("--rules", f.o.rules,
                 "Decide as the cluster does: a MutatingWebhookConfiguration file, or `istio` for Istio's default webhooks")
      ->type_name("FILE|istio");
  app.add_option("--namespaces", f.o.namespaces_file, "Namespace objects whose labels the --rules webhooks select on")->type_name("FILE");
  app.add_option("--cluster", f.o.cluster_file,
                 "Decide and inject as this cluster would: a snapshot of its namespaces, nodes, webhooks, Istio "
                 "ConfigMaps and ProxyConfigs (kubectl get namespaces,nodes,mutatingwebhookconfigurations,configmaps,"
                 "proxyconfigs.networking.istio.io -A -o yaml); flags given beside it win")
      ->type_name("FILE");
  app.add_option("-n,--namespace", f.o.default_namespace, "Namespace of documents that name none (default: default)");
  app.add_option("-l,--selector", f.o.selector, "Inject only pods whose labels match, e.g. -l app=web,tier!=db");
  app.add_option("--workload", f.o.workloads, "Where a custom resource keeps its pod template, e.g. CloneSet=spec.template")
      ->type_name("KIND=PATH")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

// The default command's flags: on the app itself and on its alias `inject`.
void add_inject_flags(CLI::App& app, Flags& f) {
  add_input_flags(app, f);
  add_output_flags(app, f);
  add_config_flags(app, f);
  add_kube_version_flag(app, f);
  add_rule_flags(app, f);
  app.add_flag("--diff", f.o.diff, "Print a unified diff of what injection would change instead of the manifests; exit like kubectl diff (same as check --diff)");
}

// With no file named and a terminal for stdin, kinject would wait in
// silence for input nobody is typing: say what it wants instead.
bool stdin_is_a_terminal_without_input(const kinject::Options& o) {
  if (!::isatty(STDIN_FILENO)) return false;
  if (o.inputs.empty()) {
    std::cerr << "kinject: no input: name manifests with -f FILE (or a directory, with -R to recurse), or pipe them in, "
                 "e.g. helm template . | kinject; see kinject --help\n";
    return true;
  }
  if (std::find(o.inputs.begin(), o.inputs.end(), "-") != o.inputs.end())
    std::cerr << "kinject: reading manifests from the terminal; end with Ctrl-D\n";
  return false;
}

kinject::Options finish(Flags& f, kinject::Command command) {
  kinject::Options o = f.o;
  o.command = command;
  o.inputs = f.files;
  o.output = f.output == "json" ? kinject::OutputFormat::Json : kinject::OutputFormat::Yaml;
  o.report = f.report == "json" ? kinject::ReportFormat::Json : f.report == "none" ? kinject::ReportFormat::None : kinject::ReportFormat::Text;
  if (!f.policy.empty()) o.policy = f.policy == "disabled" ? kinject::InjectPolicy::Disabled : kinject::InjectPolicy::Enabled;
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  CLI::App app{"kinject: offline sidecar injection for Kubernetes manifests\n"
               "  kinject [inject] [flags] [FILE|DIR|-]...   inject and print the manifests"};
  app.require_subcommand(0, 1);
  // CLI11's own refusals read as every other error of kinject's do: the
  // prefix, the message, then the hint.
  app.failure_message([](const CLI::App*, const CLI::Error& e) {
    return fmt::format("kinject: error: {}\nRun with --help for more information.\n", e.what());
  });
  Flags inject, inject_alias, check, uninject, krm, kube;
  add_inject_flags(app, inject);
  // `kinject inject -f x` (and so `kubectl inject inject`) is the default command.
  auto* inject_cmd = app.add_subcommand("inject", "The default command, by name: inject and print the manifests");
  add_inject_flags(*inject_cmd, inject_alias);

  auto* check_cmd = app.add_subcommand("check", "CI gate: print what injection would change; exit 0 nothing, 1 changes, >1 error");
  add_input_flags(*check_cmd, check);
  add_config_flags(*check_cmd, check);
  add_kube_version_flag(*check_cmd, check);
  add_rule_flags(*check_cmd, check);
  check_cmd->add_flag("--diff", check.o.diff, "Print a unified diff of what would change (like kubectl diff)");

  auto* uninject_cmd = app.add_subcommand("uninject", "Remove what an injection added (from sidecar.istio.io/status)");
  add_input_flags(*uninject_cmd, uninject);
  add_output_flags(*uninject_cmd, uninject);
  uninject_cmd->add_option("--template", uninject.o.config.template_file, "Undo a --template injection (kinject.io/status)")
      ->type_name("FILE");

  auto* krm_cmd = app.add_subcommand("krm", "KRM function: a ResourceList on stdin, the injected ResourceList on stdout");
  add_config_flags(*krm_cmd, krm);
  add_kube_version_flag(*krm_cmd, krm);
  add_rule_flags(*krm_cmd, krm);

  // istioctl kube-inject's flags, so scripts switch by changing one word.
  std::string kube_out, ignored;
  auto* kube_cmd = app.add_subcommand("kube-inject", "Drop-in for istioctl kube-inject (-f FILE, -o OUTFILE, ...)");
  kube_cmd->add_option("-f,--filename", kube.files, "Input file, or - for stdin")
      ->type_name("FILE")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  kube_cmd->add_option("-o,--output", kube_out, "Output file (written atomically; may be the input file), a FIFO or device (written through), or - for stdout")->type_name("FILE");
  add_config_flags(*kube_cmd, kube);
  for (const char* name : {"--meshConfigMapName", "--injectConfigMapName", "--webhookConfig", "--istioNamespace,-i", "--kubeconfig",
                           "--context", "--xds-address", "--cert-dir", "--xds-label", "--xds-port", "--timeout", "--authority"})
    kube_cmd->add_option(name, ignored, "Accepted for compatibility; kinject never contacts a cluster")->group("istioctl (ignored)");
  bool ignored_flag = false;
  for (const char* name : {"--insecure", "--plaintext"})
    kube_cmd->add_flag(name, ignored_flag, "Accepted for compatibility; kinject never contacts a cluster")->group("istioctl (ignored)");

  auto* version = kinject::cli::add_version(app);
  std::string shell;
  auto* completion = kinject::cli::add_completion(app, shell);
  kinject::cli::refuse_flags_as_values(app);
  // Asked by the completion scripts and kubectl_complete-inject (src/cli/).
  if (argc > 1 && argv[1] == kinject::cli::kCompleteCommand)
    return kinject::cli::complete(app, std::vector<std::string>(argv + 2, argv + argc), std::cout);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  if (*version) {
    std::cout << kinject::cli::version_text();
    return 0;
  }
  if (*completion) {
    std::cout << kinject::cli::completion_script(shell);
    return 0;
  }

  kinject::Options o;
  if (*check_cmd) {
    o = finish(check, kinject::Command::Check);
  } else if (*uninject_cmd) {
    o = finish(uninject, kinject::Command::Uninject);
  } else if (*krm_cmd) {
    o = finish(krm, kinject::Command::Inject);
    o.krm = true;
  } else if (*kube_cmd) {
    if (kube.files.empty()) {
      std::cerr << "kinject kube-inject: filename not specified (see --filename or -f)\nRun with --help for more information.\n";
      return 2;
    }
    kube.files = {kube.files.back()};  // istioctl: the last -f wins
    o = finish(kube, kinject::Command::Inject);
    o.output_file = kube_out;
    o.kube_inject = true;  // istioctl's offline choices (ENABLE_NATIVE_SIDECARS=auto is off)
  } else {
    // `kinject --diff` is `kinject check --diff`: what would change, as kubectl diff shows it.
    Flags& f = *inject_cmd ? inject_alias : inject;
    o = finish(f, f.o.diff ? kinject::Command::Check : kinject::Command::Inject);
  }
  if (!*kube_cmd && stdin_is_a_terminal_without_input(o)) return 2;
  if (const char* tmp = std::getenv("TMPDIR"); tmp && *tmp) o.temp_dir = tmp;
  kinject::RealDisk disk;
  return kinject::run(o, disk, std::cin, std::cout, std::cerr, process_env());
}
