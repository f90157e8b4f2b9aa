// kinject command line: flags in, kinject_core does the work.
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <list>

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/cli.h"
#include "kinject/base/disk.h"
#include "kinject/base/error.h"
#include "kinject/istio/prepared.h"
#include "kinject/pipeline/pipeline.h"
#include "kinject/pipeline/settings.h"

extern char** environ;

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
  std::string output = "yaml", report = "text";
  // The settings of kinject's table (pipeline/settings.h) this command has:
  // where CLI11 puts each one's values, applied through the table in finish().
  struct Bound {
    const kinject::Setting* setting;
    CLI::Option* option;
    std::vector<std::string> values;
    bool on = false;
  };
  std::list<Bound> bound;  // stable addresses: CLI11 writes into them
  std::string settings_env;  // --settings-from-env PREFIX
  std::string namespace_env;  // --namespace-from-env VAR
  bool argocd_parameters = false;  // --settings-from-argocd-parameters
};

// Registers the table's settings of `group` as flags of `app`.
void add_settings(CLI::App& app, Flags& f, kinject::SettingGroup group) {
  for (const auto& s : kinject::settings()) {
    if (s.group != group) continue;
    Flags::Bound& b = f.bound.emplace_back(Flags::Bound{&s, nullptr, {}, false});
    if (s.arity == kinject::SettingArity::Switch) {
      b.option = app.add_flag(s.flags, b.on, s.help);
      continue;
    }
    b.option = app.add_option(s.flags, b.values, s.help)->type_name(s.type_name)->expected(1)->allow_extra_args(false);
    // A repeated setting takes each value in order; another the last.
    b.option->multi_option_policy(s.arity == kinject::SettingArity::Many ? CLI::MultiOptionPolicy::TakeAll
                                                                         : CLI::MultiOptionPolicy::TakeLast);
  }
}

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

void add_config_flags(CLI::App& app, Flags& f) { add_settings(app, f, kinject::SettingGroup::Config); }

// Not kube-inject's: istioctl kube-inject has no such flag and, offline,
// takes ENABLE_NATIVE_SIDECARS=auto for false whatever the Kubernetes.
void add_kube_version_flag(CLI::App& app, Flags& f) { add_settings(app, f, kinject::SettingGroup::KubeVersion); }

void add_rule_flags(CLI::App& app, Flags& f) { add_settings(app, f, kinject::SettingGroup::Rules); }

// Where an Argo CD plugin (or any host that passes settings as environment
// variables) hands them over.
void add_settings_env_flag(CLI::App& app, Flags& f) {
  app.add_option("--settings-from-env", f.settings_env,
                 "Take settings from environment variables PREFIXKINJECT_<SETTING> (e.g. ARGOCD_ENV_ in an Argo CD plugin: "
                 "ARGOCD_ENV_KINJECT_RULES, ..._CLUSTER); flags given win")
      ->type_name("PREFIX");
  // A host that runs kinject without a shell (the image's Argo CD plugin)
  // cannot write --namespace "$ARGOCD_APP_NAMESPACE".
  app.add_option("--namespace-from-env", f.namespace_env,
                 "Namespace of documents that name none from environment variable VAR where it is set and neither "
                 "-n nor a settings variable gives one (e.g. ARGOCD_APP_NAMESPACE, the Application's destination)")
      ->type_name("VAR");
  app.add_flag("--settings-from-argocd-parameters", f.argocd_parameters,
               "Take settings from an Argo CD plugin's parameters (ARGOCD_APP_PARAMETERS), each named by its "
               "functionConfig key (rules, cluster, set, ...); over the settings variables, under the flags given");
}

// The default command's flags: on the app itself and on its alias `inject`.
void add_inject_flags(CLI::App& app, Flags& f) {
  add_input_flags(app, f);
  add_output_flags(app, f);
  add_config_flags(app, f);
  add_kube_version_flag(app, f);
  add_rule_flags(app, f);
  add_settings_env_flag(app, f);
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

// The process environment's variables that start with `prefix`.
std::vector<std::pair<std::string, std::string>> environment_under(const std::string& prefix) {
  std::vector<std::pair<std::string, std::string>> out;
  for (char** e = environ; e && *e; ++e) {
    std::string_view entry = *e;
    auto eq = entry.find('=');
    if (eq == std::string_view::npos || entry.substr(0, prefix.size()) != prefix) continue;
    out.emplace_back(std::string(entry.substr(0, eq)), std::string(entry.substr(eq + 1)));
  }
  return out;
}

// The options the flags gave: the table's settings through the table, the
// environment's (--settings-from-env) where no flag gave one. Throws
// kinject::Error (a usage error) for a value wrong whatever the input.
kinject::Options finish(Flags& f, kinject::Command command) {
  kinject::Options o = f.o;
  o.command = command;
  o.inputs = f.files;
  o.output = f.output == "json" ? kinject::OutputFormat::Json : kinject::OutputFormat::Yaml;
  o.report = f.report == "json" ? kinject::ReportFormat::Json : f.report == "none" ? kinject::ReportFormat::None : kinject::ReportFormat::Text;
  std::vector<std::string> given;
  for (const auto& b : f.bound)
    if (b.option->count() > 0) given.push_back(b.setting->long_flag());
  // The lowest precedence: the settings variables, then the flags, override it.
  if (!f.namespace_env.empty()) {
    if (auto ns = process_env()(f.namespace_env); ns && !ns->empty()) {
      try {
        kinject::setting_for_key("namespace")->apply(o, *ns);
      } catch (const kinject::Error& e) {
        throw kinject::Error(fmt::format("{} (--namespace-from-env): {}", f.namespace_env, e.bare()));
      }
    }
  }
  if (!f.settings_env.empty()) kinject::apply_env_settings(environment_under(f.settings_env), f.settings_env, given, o);
  if (f.argocd_parameters)
    if (auto json = process_env()("ARGOCD_APP_PARAMETERS"); json && !json->empty()) kinject::apply_argocd_parameters(*json, given, o);
  for (const auto& b : f.bound) {
    if (b.option->count() == 0) continue;
    try {
      if (b.setting->arity == kinject::SettingArity::Switch) b.setting->apply(o, b.on ? "true" : "false");
      for (const auto& v : b.values) b.setting->apply(o, v);
    } catch (const kinject::Error& e) {
      throw kinject::Error(fmt::format("{} {}", b.setting->long_flag(), e.bare())).as_usage();
    }
  }
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
  // Building CLI11's options is a tenth of a one-document run, so a
  // subcommand gets its flags only when it can be the one run: CLI11 selects
  // a subcommand only by its exact name as an argument, so one whose name is
  // not in argv is never parsed, and its flags would go unused. It stays
  // listed (--help names every command); its own --help names its word, and
  // completion sees everything.
  const bool completing = argc > 1 && argv[1] == kinject::cli::kCompleteCommand;
  auto may_run = [&](std::string_view name) {
    return completing || std::any_of(argv + 1, argv + argc, [&](const char* a) { return a == name; });
  };
  add_inject_flags(app, inject);
  // `kinject inject -f x` (and so `kubectl inject inject`) is the default command.
  auto* inject_cmd = app.add_subcommand("inject", "The default command, by name: inject and print the manifests");
  if (may_run("inject")) add_inject_flags(*inject_cmd, inject_alias);

  auto* check_cmd = app.add_subcommand("check", "CI gate: print what injection would change; exit 0 nothing, 1 changes, >1 error");
  if (may_run("check")) {
    add_input_flags(*check_cmd, check);
    add_config_flags(*check_cmd, check);
    add_kube_version_flag(*check_cmd, check);
    add_rule_flags(*check_cmd, check);
    add_settings_env_flag(*check_cmd, check);
    check_cmd->add_flag("--diff", check.o.diff, "Print a unified diff of what would change (like kubectl diff)");
  }

  auto* uninject_cmd = app.add_subcommand("uninject", "Remove what an injection added (from sidecar.istio.io/status)");
  if (may_run("uninject")) {
    add_input_flags(*uninject_cmd, uninject);
    add_output_flags(*uninject_cmd, uninject);
    uninject_cmd->add_option("--template", uninject.o.config.template_file, "Undo a --template injection (kinject.io/status)")
        ->type_name("FILE");
  }

  auto* krm_cmd = app.add_subcommand("krm", "KRM function: a ResourceList on stdin, the injected ResourceList on stdout");
  if (may_run("krm")) {
    add_config_flags(*krm_cmd, krm);
    add_kube_version_flag(*krm_cmd, krm);
    add_rule_flags(*krm_cmd, krm);
  }

  // istioctl kube-inject's flags, so scripts switch by changing one word.
  std::string kube_out, ignored;
  bool ignored_flag = false;
  auto* kube_cmd = app.add_subcommand("kube-inject", "Drop-in for istioctl kube-inject (-f FILE, -o OUTFILE, ...)");
  if (may_run("kube-inject")) {
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
    for (const char* name : {"--insecure", "--plaintext"})
      kube_cmd->add_flag(name, ignored_flag, "Accepted for compatibility; kinject never contacts a cluster")->group("istioctl (ignored)");
  }

  auto* version = kinject::cli::add_version(app);
  std::string shell;
  auto* completion = kinject::cli::add_completion(app, shell);
  kinject::cli::refuse_flags_as_values(app);
  // Asked by the completion scripts and kubectl_complete-inject (src/cli/).
  if (completing)
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
  try {
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
  } catch (const kinject::Error& e) {
    std::cerr << "kinject: error: " << e.what() << "\nRun with --help for more information.\n";
    return 2;
  }
  if (!*kube_cmd && stdin_is_a_terminal_without_input(o)) return 2;
  if (const char* tmp = std::getenv("TMPDIR"); tmp && *tmp) o.temp_dir = tmp;
  kinject::RealDisk disk;
  // The process ends here: nothing is freed on the way out (the run's state,
  // the flags), which a one-document run would spend more on than on
  // reading its document. run() has written and closed every file and
  // flushed stdout; std::_Exit skips the destructors and atexit handlers.
  o.process_ends_after_run = true;
  o.config.prepared = kinject::builtin_prepared();
  const int status = kinject::run(o, disk, std::cin, std::cout, std::cerr, process_env());
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  std::_Exit(status);
}
