#include "kinject/pipeline/pipeline.h"

#include <algorithm>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "kinject/base/error.h"
#include "kinject/base/text.h"
#include "kinject/istio/configmaps.h"
#include "kinject/istio/mesh.h"
#include "kinject/istio/proxy_config.h"
#include "kinject/k8s/cluster.h"
#include "kinject/k8s/names.h"
#include "kinject/k8s/selector.h"
#include "kinject/k8s/workloads.h"
#include "kinject/pipeline/diff.h"
#include "kinject/pipeline/document_checks.h"
#include "kinject/pipeline/inputs.h"
#include "kinject/pipeline/krm.h"
#include "kinject/pipeline/output.h"
#include "kinject/pipeline/output_guard.h"
#include "kinject/pipeline/sources.h"
#include "kinject/k8s/strategic_merge.h"
#include "kinject/yaml/writer.h"

namespace kinject {

namespace {

std::string item_path(const Workload& w) {
  std::string out;
  for (std::size_t i : w.items) out += fmt::format("items[{}]", i);
  return out;
}

// The actions a command's summary always counts, in their order.
Summary summary_for(Command command) {
  Summary s;
  if (command == Command::Uninject) s.actions = {{"uninjected", 0}, {"skipped", 0}};
  else if (command == Command::Check) s.actions = {{"would inject", 0}, {"skipped", 0}, {"unchanged", 0}};
  else s.actions = {{"injected", 0}, {"skipped", 0}, {"unchanged", 0}};
  return s;
}

// What the cluster is, as the options give it.
ClusterSettings cluster_settings(const Options& o) {
  ClusterSettings c;
  c.config = o.config;
  c.policy = o.policy;
  c.rules = o.rules;
  c.namespaces_file = o.namespaces_file;
  c.cluster_file = o.cluster_file;
  c.kube_version = o.kube_version;
  c.kube_inject = o.kube_inject;
  c.ignore_match_conditions = o.ignore_match_conditions;
  // The cluster's ProxyConfig objects, from the snapshot and the inputs, as
  // the webhook's istiod merges them; istioctl kube-inject has none.
  c.proxy_configs = o.command != Command::Uninject && !o.kube_inject;
  c.default_namespace = o.default_namespace.empty() ? "default" : o.default_namespace;
  c.limits = o.limits;
  return c;
}

class Run {
 public:
  Run(const Options& opts, Disk& disk, std::istream& in, const EnvLookup& env)
      : opts_(opts), disk_(disk), in_(in), env_(env), guard_(catalog_), report_entries_(opts.temp_dir) {}

  void execute() {
    // -o json with -i would turn each YAML file into JSON behind the user's back.
    if (opts_.in_place && opts_.output == OutputFormat::Json && opts_.command != Command::Check)
      throw Error("-o json cannot be combined with -i/--in-place: it would rewrite each file as JSON; to convert "
                  "files, run without -i and redirect the output (kinject -o json -f app.yaml > app.json)")
          .as_usage();
    auto inputs = collect_inputs(opts_.inputs, opts_.recursive, disk_, &report_.warnings);
    if (opts_.in_place)
      for (const auto& input : inputs) check_rewritable(input, disk_);  // before any is read
    for (auto& input : inputs) sources_.emplace_back(std::move(input), in_, disk_, guard_, opts_.limits, opts_.temp_dir);
    // A KRM ResourceList on stdin switches to function mode; its
    // functionConfig adds to the options.
    if (sources_.size() == 1 && sources_[0].input().is_stdin()) detect_krm(sources_[0]);
    output_.emplace(sink_for(opts_), opts_.temp_dir);
    setup();
    if (krm_) {
      process_krm();
    } else {
      if (cluster_->reads_stream_objects())
        for (auto& s : sources_) take_cluster_objects(s);
      for (auto& s : sources_) process(s);
      add_cluster_notes();
      output_->finish();
    }
    guard_.finish();
  }

  // What goes to stdout (or -o) once everything succeeded: the manifests,
  // or with check --diff the diffs.
  const Spool& output() const { return output_->text(); }
  // Files to rewrite in place: path and new content.
  const std::vector<std::pair<std::string, std::string>>& changed_files() const { return output_->changed_files(); }
  // The report, formatted, with its summary line.
  std::string report_text() const {
    std::string entries = report_entries_.str();
    Summary summary = summary_;
    summary.files_read = static_cast<long>(sources_.size());
    if (opts_.command == Command::Check) summary.output = opts_.diff ? "stdout" : "";
    else if (opts_.in_place) summary.files_rewritten = static_cast<long>(output_->changed_files().size());
    else summary.output = opts_.output_file.empty() || is_stdout_path(opts_.output_file) ? "stdout" : opts_.output_file;
    return format_report_parts(report_.warnings, entries, report_count_, opts_.report, &summary);
  }
  bool krm() const { return krm_.has_value(); }
  const Options& options() const { return opts_; }

  // KRM: the ResourceList with an error result, items untouched.
  std::string krm_failure(const std::string& message) const {
    if (!krm_) return {};
    Node root = krm_->root;
    Node result = Node::map();
    result.set("message", Node::string(message));
    result.set("severity", Node::string("error"));
    append_results(root, {result});
    WriteResult wr = write_document(*krm_, root, list_item_keys());
    // Even this answer is checked: kpt deletes what a function's answer lacks.
    guard_.check(*krm_, wr.text, wr.reading ? &*wr.reading : nullptr);
    return wr.text;
  }

 private:
  // ------------------------------------------------------------ inputs

  // A KRM ResourceList on stdin: function mode, its functionConfig adding
  // to the options.
  void detect_krm(Source& s) {
    krm_ = read_resource_list(s, opts_.krm, opts_.limits);
    if (!krm_) return;
    krm_source_ = &s;
    if (const Node* fc = krm_->root.get("functionConfig"); fc && fc->is_map()) apply_function_config(*fc, opts_);
  }

  // A decision may need objects of the stream that describe the cluster
  // (the labels of every Namespace object, with webhooks; every ProxyConfig
  // object, for an injection), wherever they
  // stand: each input is read through once first.
  void take_cluster_objects(Source& s) {
    s.read_through([&](const RawDocument& d) {
      if (!cluster_->might_take(d.text)) return;  // cheap: most documents are neither
      Document doc = parse_document(d, s.input().name, opts_.limits);
      if (!doc.empty) cluster_->take(doc);
    });
  }

  // The values of flags that are wrong whatever the input: usage errors.
  void check_flag_values() {
    try {
      for (const auto& w : opts_.workloads) catalog_.add(w);
      selector_ = LabelSelector::parse(opts_.selector, "--selector");
    } catch (Error& e) {
      e.as_usage();
      throw;
    }
    // Documents that name no namespace are decided (and recorded) in this
    // one: the API server would refuse it, so no decision about it holds.
    if (const std::string& ns = opts_.default_namespace; !ns.empty())
      if (auto why = invalid_dns1123_label(ns))
        throw Error(fmt::format("--namespace \"{}\": not a valid namespace name: {}", ns, *why)).as_usage();
  }

  void setup() {
    check_flag_values();
    cluster_.emplace(Cluster::load(cluster_settings(opts_), disk_, env_));
  }

  // What the cluster noted of the run (what was given but decides nothing,
  // how each revision is played), once.
  void add_cluster_notes() {
    for (const auto& n : cluster_->notes()) report_.warnings.push_back(n);
  }

  void add_entry(ReportEntry&& e) {
    summary_.count(e.action);
    if (krm_) {
      report_.entries.push_back(std::move(e));  // KRM results are built from them
    } else {
      report_entries_.write(format_report_entry(e, opts_.report, report_count_));
    }
    ++report_count_;
  }

  // ------------------------------------------------------------ documents

  void process(Source& s) {
    const Input& input = s.input();
    Output& output = *output_;
    const bool json = output.sink() == Sink::Json;
    bool changed = false;
    output.begin_file();
    while (auto raw = s.next()) {
      Document doc = parse_document(std::move(*raw), input.name, opts_.limits);
      if (!doc.empty) check_object_fields(doc);
      // What goes out: the document as read, edited, or as JSON.
      std::string text;
      Node root;  // the document's new value; the writer's check refers to it
      WriteResult wr;
      if (doc.empty) {
        text = doc.raw.text;
      } else if (!json && find_workloads(doc.root, catalog_).empty()) {
        // Most documents hold no pod template: they go out as they came in.
        warn_about(doc);
        if (doc.raw.text.find("Namespace") != std::string::npos) cluster_->observe(doc.root);
        text = doc.raw.text;
      } else {
        refuse_chart_template(doc);
        root = doc.root;
        handle_document(doc, root);
        if (json) {
          // -o json serialises the tree: no YAML edit, no YAML to check
          // (the guard reads the JSON).
          text = json_of(doc, root);
        } else {
          wr = write_document(doc, root, list_item_keys());
          if (wr.reformatted) warn_reformatted(doc);
          changed = changed || wr.changed;
          text = wr.text;
        }
      }
      guard_.written(s.id(), doc, text, wr.reading ? &*wr.reading : nullptr);
      output.add(doc, std::move(text));
    }
    output.end_file(input.name, input.path, changed);
  }

  // -o json: the document's new value as kubectl's JSON. The writer's
  // refusals hold here too: a document it would not rewrite as YAML is not
  // rewritten as JSON either.
  static std::string json_of(const Document& doc, const Node& root) {
    if (!doc.root.same_value(root)) refuse_unwritable_keys(doc);
    return emit_json(root, 4);
  }

  void warn_reformatted(const Document& doc) {
    report_.warnings.push_back(fmt::format(
        "{} (document {}): could not edit the document in place; it was written out again whole (comments inside it are lost)",
        doc.file, doc.raw.index));
  }

  // A warning about the run's configuration or cluster, not a workload.
  void warn_once(const std::string& text) {
    if (std::find(report_.warnings.begin(), report_.warnings.end(), text) == report_.warnings.end()) report_.warnings.push_back(text);
  }

  void warn_about(const Document& doc) {
    for (const auto& w : doc.warnings) report_.warnings.push_back(fmt::format("{} (document {}): {}", doc.file, doc.raw.index, w));
  }

  void handle_document(const Document& doc, Node& root) {
    warn_about(doc);
    for (const auto& w : find_workloads(doc.root, catalog_)) handle(doc, root, w);
  }
  void handle(const Document& doc, Node& root, const Workload& w) {
    ReportEntry e;
    e.file = doc.file;
    e.document = doc.raw.index;
    e.item = item_path(w);
    e.kind = w.kind;
    e.name = w.name;
    e.namespace_ = !w.namespace_.empty() ? w.namespace_ : !opts_.default_namespace.empty() ? opts_.default_namespace : "default";
    if (!w.has_pod_spec && !w.declared.empty()) {
      // The user said where this kind keeps its pod template, and it is not
      // there: most likely a typo in the path, which would otherwise skip
      // every such workload quietly.
      throw located(doc, w, Error(fmt::format("--workload {}: {}; correct the path (it leads to the pod template: "
                                              "the map with metadata and spec)",
                                              w.declared, w.missing)));
    }
    // The typed decode of the object as read (go_decode.h): what kinject
    // changes must decode into its Kubernetes type, as kubectl decodes it.
    auto problem = decode_problem(doc, w);
    if (!w.has_pod_spec && w.blocked && problem) {
      // A field on the way to the pod template has the wrong type: kinject
      // cannot decide on the workload, and `check` must not pass it.
      throw type_error(doc, w, *problem);
    }
    if (!w.has_pod_spec) {
      return skip(doc, w, std::move(e), "no pod spec with containers to inject into", problem);
    }
    if (opts_.command == Command::Uninject) {
      uninject_one(doc, root, w, e, problem);
      return;
    }
    const Node* pod = w.pod(root);
    PodFacts facts = pod_facts(*pod, e.namespace_);
    if (const Requirement* miss = selector_.first_mismatch(facts.labels)) {
      std::string reason = fmt::format("pod labels do not match --selector {}", selector_.str());
      if (selector_.requirements().size() > 1) reason += fmt::format(" (fails {})", miss->str());
      return skip(doc, w, std::move(e), std::move(reason), problem);
    }
    Verdict verdict;
    try {
      verdict = cluster_->decide(facts);
    } catch (const Error& err) {
      throw located(doc, w, err);
    }
    e.webhook = verdict.webhook;
    e.configuration = verdict.configuration;
    if (!verdict.config_warning.empty()) warn_once(verdict.config_warning);
    for (const auto& wmsg : verdict.warnings) report_.warnings.push_back(fmt::format("{}/{}: {}", ascii_lower(w.kind), w.name, wmsg));
    if (!verdict.inject) {
      return skip(doc, w, std::move(e), verdict.reason, problem);
    }
    // istioctl kube-inject records a CronJob's injection on its job template,
    // where neither the webhook nor kinject looks: injecting it again would
    // inject twice.
    const std::string& status_annotation = cluster_->status_annotation();
    if (injection_records(doc.root, w, status_annotation).job_template) {
      return skip(doc, w, std::move(e), fmt::format("injected by istioctl kube-inject ({} on spec.jobTemplate.metadata); to inject it with "
                             "kinject, run kinject uninject on it first",
                             status_annotation), problem);
    }
    // Decided to inject: it must decode before the injector sees it (its
    // merges take the Kubernetes types for granted).
    if (problem) throw type_error(doc, w, *problem);
    bool was_injected = pod->at_path("metadata.annotations") && pod->at_path("metadata.annotations")->get(status_annotation);
    InjectionOutcome out;
    try {
      out = cluster_->inject(root, w, e.namespace_, verdict);
    } catch (const Error& err) {
      throw located(doc, w, err);
    }
    bool check = opts_.command == Command::Check;
    if (!out.changed) e.action = "unchanged";
    else if (was_injected) e.action = check ? "would re-inject" : "re-injected";
    else e.action = check ? "would inject" : "injected";
    e.reason = out.changed ? verdict.reason : "already injected with this configuration";
    e.webhook = verdict.webhook;
    e.configuration = verdict.configuration;
    e.revision = verdict.revision;
    e.containers = out.containers;
    e.containers.insert(e.containers.end(), out.init_containers.begin(), out.init_containers.end());
    e.sidecar = out.sidecar;
    e.sidecar_reason = out.sidecar_reason;
    if (out.changed) ++changed_workloads_;
    for (const auto& wmsg : out.warnings) report_.warnings.push_back(fmt::format("{}/{}: {}", ascii_lower(w.kind), w.name, wmsg));
    // Said once: it is about the run's environment or cluster, not the workload.
    if (!out.sidecar_warning.empty()) warn_once(out.sidecar_warning);
    add_entry(std::move(e));
  }

  // A workload left as it came: its report entry, and what the user should
  // know of it.
  void skip(const Document& doc, const Workload& w, ReportEntry e, std::string reason,
            const std::optional<k8s::DecodeProblem>& problem) {
    e.action = "skipped";
    e.reason = std::move(reason);
    warn_undecodable(doc, w, problem);
    add_entry(std::move(e));
  }

  void uninject_one(const Document& doc, Node& root, const Workload& w, ReportEntry& e,
                    const std::optional<k8s::DecodeProblem>& problem) {
    UninjectOutcome out;
    try {
      out = cluster_->uninject(root, w);
    } catch (const Error& err) {
      throw located(doc, w, err);
    }
    if (out.changed && problem) throw type_error(doc, w, *problem);
    if (!out.changed) warn_undecodable(doc, w, problem);
    e.action = out.changed ? "uninjected" : "skipped";
    e.reason = out.reason;
    e.containers = out.removed;
    for (const auto& wmsg : out.warnings)
      report_.warnings.push_back(fmt::format("{}/{}: {}", ascii_lower(w.kind), w.name, wmsg));
    if (out.changed) ++changed_workloads_;
    add_entry(std::move(e));
  }

  // One kinject leaves as it came is the user's: said, not refused.
  void warn_undecodable(const Document& doc, const Workload& w, const std::optional<k8s::DecodeProblem>& p) {
    if (p) report_.warnings.push_back(undecodable_warning(doc, w, *p));
  }

  // ------------------------------------------------------------ KRM

  void process_krm() {
    Document& doc = *krm_;
    check_object_fields(doc);
    refuse_chart_template(doc);
    Node root = doc.root;
    if (cluster_->reads_stream_objects()) cluster_->take(doc);  // Namespace and ProxyConfig items
    cluster_->observe(doc.root);
    add_cluster_notes();
    handle_document(doc, root);
    // Results: one per workload, attached to the item by its reference and
    // the file it came from.
    for (const auto& e : report_.entries) report_entries_.write(format_report_entry(e, opts_.report, &e - report_.entries.data()));
    std::vector<Node> results = krm_results(doc.root, report_);
    append_results(root, results);
    Source& s = *krm_source_;
    Spool& out = output_->text();
    const bool json = opts_.output == OutputFormat::Json && opts_.command != Command::Check;
    WriteResult wr;
    if (!json) wr = write_document(doc, root, list_item_keys());
    std::string text = json ? json_of(doc, root) : wr.text;
    guard_.written(s.id(), doc, text, wr.reading ? &*wr.reading : nullptr);
    if (opts_.command == Command::Check) {
      if (opts_.diff) out.write(unified_diff({TextPart{doc.raw.text, text}}, "-"));
    } else if (json) {
      output_->json().add(text);
      output_->json().finish();
    } else {
      out.write(text);
    }
    // The blank lines after the ResourceList go out as they came.
    while (auto blank = s.next()) {
      Document b = parse_document(std::move(*blank), "-", opts_.limits);
      guard_.written(s.id(), b, b.raw.text);
      if (!json && opts_.command != Command::Check) out.write(b.raw.text);
    }
  }


  Options opts_;
  Disk& disk_;
  std::istream& in_;
  const EnvLookup& env_;
  WorkloadCatalog catalog_;
  OutputGuard guard_;
  LabelSelector selector_;
  std::optional<Cluster> cluster_;  // what the cluster is and does: decides, injects, undoes
  std::optional<Document> krm_;
  Source* krm_source_ = nullptr;
  std::vector<Source> sources_;
  std::optional<Output> output_;  // once the options are final (a KRM functionConfig adds to them)
  Report report_;             // warnings; entries only in KRM mode
  Spool report_entries_;      // the entries, formatted as they come
  std::size_t report_count_ = 0;
  Summary summary_ = summary_for(opts_.command);

 public:
  int changed_workloads_ = 0;
};


}  // namespace

int run(const Options& opts, Disk& disk, std::istream& in, std::ostream& out, std::ostream& err, const EnvLookup& env) {
  auto owned = std::make_unique<Run>(opts, disk, in, env);
  Run& r = *owned;
  // Options::process_ends_after_run: on every return, the state stays
  // allocated for the process's end to reclaim.
  struct LeftToExit {
    std::unique_ptr<Run>& run;
    bool leave;
    ~LeftToExit() {
      if (leave) (void)run.release();
    }
  } left_to_exit{owned, opts.process_ends_after_run};
  const int error_status = opts.command == Command::Check ? 2 : 1;
  // A usage error exits 2 with CLI11's hint line; in KRM mode the settings
  // come from the functionConfig, and a failure is exit 1 with a result.
  auto usage_hint = [&](const Error& e) {
    if (!e.usage() || r.krm()) return error_status;
    if (opts.report != ReportFormat::Json) err << "Run with --help for more information.\n";
    return 2;
  };
  // A KRM function never answers with an empty list: the items go back
  // untouched with the error as a result.
  // With --report json an error is JSON too, for the programs that read it.
  auto report_error = [&](const std::string& severity, const std::string& message, const Location* where) {
    if (opts.report == ReportFormat::Json) err << format_error_json(severity, message, where);
    else err << "kinject: " << severity << ": " << message << "\n";
  };
  auto fail = [&](const std::string& severity, const std::string& message, const Location* where = nullptr) {
    report_error(severity, message, where);
    // The KRM result carries the place in its message, as stderr does.
    bool placed = where && (!where->file.empty() || where->line > 0);
    std::string text = placed ? fmt::format("{}: {}: {}", severity, where->str(), message) : fmt::format("{}: {}", severity, message);
    if (r.krm()) {
      try {
        out << r.krm_failure(text);
      } catch (const std::exception& e) {
        err << "kinject: internal error: " << e.what() << "\n";
      }
    }
    return error_status;
  };
  // The report on stdout beside the output would mix them: a usage error,
  // before anything is read. (A ResourceList found on stdin goes where the
  // manifests would have gone, so this covers it too.)
  if (auto mixed = report_mixes_into_stdout(opts, opts.krm, disk)) {
    Error e = Error(*mixed).as_usage();
    report_error("error", e.what(), nullptr);
    return usage_hint(e);
  }
  try {
    r.execute();
  } catch (const Error& e) {
    if (opts.report == ReportFormat::Json) fail("error", e.bare(), &e.where());
    else fail("error", e.what());
    return usage_hint(e);
  } catch (const std::exception& e) {
    // A bug, not bad input (fuzzing looks for these): still no partial
    // output, a non-zero status, and a KRM answer that keeps the items.
    return fail("internal error", fmt::format("{}; please report this with the input", e.what()));
  }
  // Everything succeeded: now, and only now, produce output. The paths
  // first, as the Disk's output-path policy writes them (the rewritten
  // inputs, -o FILE, --report-file: the report goes there for hosts that
  // discard stderr on success, such as Helm's post-renderers): files all or
  // none, then FIFOs and devices; stdout only when they are written.
  const Options& o = r.options();
  const bool check = o.command == Command::Check;
  std::string report = r.report_text();
  std::vector<std::pair<std::string, std::string>> files;
  if (!check && o.in_place) files = r.changed_files();
  const bool to_file = !check && !o.in_place && !o.output_file.empty() && !is_stdout_path(o.output_file);
  const bool to_stdout = check || (!o.in_place && !to_file);
  const bool report_to_stdout = is_stdout_path(o.report_file);
  try {
    if (to_file) files.emplace_back(o.output_file, r.output().str());
    if (!o.report_file.empty() && !report_to_stdout) files.emplace_back(o.report_file, report);
    if (!files.empty()) disk.write_all(files);
    if (to_stdout) r.output().copy_to(out);
    if (report_to_stdout) out << report;
  } catch (const Error& e) {
    if (opts.report == ReportFormat::Json) report_error("error", e.bare(), &e.where());
    else report_error("error", e.what(), nullptr);
    return error_status;
  }
  out.flush();
  if (!out) {
    report_error("error", "cannot write the output (closed pipe or full disk?)", nullptr);
    return error_status;
  }
  if (o.report_file.empty()) err << report;
  if (check) return r.changed_workloads_ > 0 ? 1 : 0;
  return 0;
}

std::string join_streams(const std::vector<std::string_view>& texts) {
  Spool all;
  StreamJoiner joiner(all);
  for (std::string_view text : texts) {
    joiner.begin_file();
    joiner.write(text);
    joiner.end_file();
  }
  return all.str();
}

int run_inject(const Options& opts, Disk& disk, std::istream& in, std::ostream& out, std::ostream& err, const EnvLookup& env) {
  Options o = opts;
  o.command = Command::Inject;
  return run(o, disk, in, out, err, env);
}

}  // namespace kinject
