#include "kinject/pipeline/pipeline.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <sstream>

#include <fmt/format.h>

#include "kinject/pipeline/diff.h"
#include "kinject/pipeline/inputs.h"
#include "kinject/base/error.h"
#include "kinject/base/text.h"
#include "kinject/pipeline/output_guard.h"
#include "kinject/k8s/selector.h"
#include "kinject/istio/uninject.h"
#include "kinject/k8s/workloads.h"
#include "kinject/yaml/writer.h"

namespace kinject {

namespace {

std::string item_path(const Workload& w) {
  std::string out;
  for (std::size_t i : w.items) out += fmt::format("items[{}]", i);
  return out;
}

std::string slurp(std::istream& in) {
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool is_resource_list(const Node& root) {
  const Node* kind = root.get("kind");
  return root.is_map() && kind && kind->str() == "ResourceList" && root.get("items");
}

// The first line of `text` that is neither blank nor a comment, if any.
std::optional<std::string_view> first_content_line(std::string_view t) {
  while (!t.empty()) {
    std::size_t nl = t.find('\n');
    std::string_view line = t.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.size() >= 3 && static_cast<unsigned char>(line[0]) == 0xEF) line.remove_prefix(3);  // BOM
    std::size_t at = line.find_first_not_of(" \t");
    if (at != std::string_view::npos && line[at] != '#') return line;
    if (nl == std::string_view::npos) break;
    t.remove_prefix(nl + 1);
  }
  return std::nullopt;
}

// Several files as one stream, written as they are read: a file that does
// not open a document with `---` gets one, so that the last document of a
// file and the first of the next stay two documents.
class StreamJoiner {
 public:
  explicit StreamJoiner(Spool& out) : out_(out) {}

  void begin_file() {
    decided_ = out_.size() == 0;
    pending_.clear();
  }
  void write(std::string_view text) {
    if (decided_) {
      out_.write(text);
      return;
    }
    // The file's first content line says what separator it needs; comment
    // lines before it wait for it.
    pending_.append(text);
    if (auto first = first_content_line(pending_)) separate_and_flush(*first);
  }
  void end_file() {
    if (!decided_ && !pending_.empty()) separate_and_flush({});
  }

 private:
  void separate_and_flush(std::string_view first) {
    if (out_.last() != '\n') out_.write("\n");
    bool opens_document = first.substr(0, 3) == "---" && (first.size() == 3 || first[3] == ' ' || first[3] == '\t');
    // A directive may only follow an ended document.
    if (!first.empty() && first[0] == '%') out_.write("...\n");
    else if (!opens_document) out_.write("---\n");
    out_.write(pending_);
    pending_.clear();
    decided_ = true;
  }

  Spool& out_;
  std::string pending_;
  bool decided_ = true;
};

// kubectl's JSON output, written object by object: one object alone, or a
// List of them.
class JsonWriter {
 public:
  explicit JsonWriter(Spool& out) : out_(out) {}

  // One object, as emit_json(object, 4) writes it.
  void add(std::string json) {
    if (count_++ == 0) {
      first_ = std::move(json);
      return;
    }
    if (count_ == 2) {
      split_list_template();
      out_.write(head_);
      out_.write(item(first_));
      first_.clear();
    }
    out_.write(",\n");
    out_.write(item(json));
  }
  void finish() {
    if (count_ == 1) out_.write(first_ + "\n");
    else if (count_ > 1) out_.write(tail_);
  }

 private:
  static constexpr std::string_view kPlaceholder = "kinject-list-item-placeholder";

  // The List around the items, as emit_json writes it.
  void split_list_template() {
    Node list = Node::map();
    list.set("apiVersion", Node::string("v1"));
    list.set("items", Node::seq()).items.push_back(Node::string(std::string(kPlaceholder)));
    list.set("kind", Node::string("List"));
    list.child_map("metadata").set("resourceVersion", Node::string(""));
    std::string text = emit_json(list, 4) + "\n";
    std::size_t at = text.find(kPlaceholder);
    std::size_t line = text.rfind('\n', at) + 1;
    indent_ = std::string(at - 1 - line, ' ');  // before the opening quote
    head_ = text.substr(0, line);
    tail_ = text.substr(text.find('\n', at));
  }
  std::string item(const std::string& json) const {
    std::string out = indent_;
    for (char c : json) {
      out += c;
      if (c == '\n') out += indent_;
    }
    return out;
  }

  Spool& out_;
  std::string first_;
  std::size_t count_ = 0;
  std::string head_, tail_, indent_;
};

// Where the documents of a run go, chosen once from the options.
enum class Sink {
  Stream,   // the manifests, one stream (stdout or -o FILE)
  Json,     // kubectl-style JSON (stdout or -o FILE)
  InPlace,  // each input file rewritten
  Diff,     // check --diff: a unified diff per file
  None,     // check: only the report and the exit status
};

Sink sink_for(const Options& o) {
  if (o.command == Command::Check) return o.diff ? Sink::Diff : Sink::None;
  if (o.in_place) return Sink::InPlace;
  return o.output == OutputFormat::Json ? Sink::Json : Sink::Stream;
}

// The actions a command's summary always counts, in their order.
Summary summary_for(Command command) {
  Summary s;
  if (command == Command::Uninject) s.actions = {{"uninjected", 0}, {"skipped", 0}};
  else if (command == Command::Check) s.actions = {{"would inject", 0}, {"skipped", 0}, {"unchanged", 0}};
  else s.actions = {{"injected", 0}, {"skipped", 0}, {"unchanged", 0}};
  return s;
}

class Run {
 public:
  Run(const Options& opts, Disk& disk, std::istream& in, const EnvLookup& env)
      : opts_(opts), disk_(disk), in_(in), env_(env), guard_(catalog_), out_(opts.temp_dir), report_entries_(opts.temp_dir) {}

  void execute() {
    // -o json with -i would turn each YAML file into JSON behind the user's back.
    if (opts_.in_place && opts_.output == OutputFormat::Json && opts_.command != Command::Check)
      throw Error("-o json cannot be combined with -i/--in-place: it would rewrite each file as JSON; to convert "
                  "files, run without -i and redirect the output (kinject -o json -f app.yaml > app.json)");
    for (auto& input : collect_inputs(opts_.inputs, opts_.recursive, disk_, &report_.warnings)) {
      if (input.is_stdin() && opts_.in_place)
        throw Error("--in-place needs files to rewrite; it cannot be used with stdin");
      sources_.emplace_back(std::move(input));
    }
    // A KRM ResourceList on stdin switches to function mode; its
    // functionConfig adds to the options.
    if (sources_.size() == 1 && sources_[0].input.is_stdin()) detect_krm(sources_[0]);
    sink_ = sink_for(opts_);
    setup();
    if (krm_) {
      process_krm();
    } else {
      // With --rules, a decision needs the labels of every Namespace object
      // in the input, wherever it stands: every input is read through once
      // first, into a spool that the second pass replays (an input is read
      // exactly once, whatever kind of file it is: a pipe has no second
      // reading).
      if (rules_)
        for (auto& s : sources_) buffer(s);
      for (auto& s : sources_) process(s);
      if (sink_ == Sink::Json) json_.finish();
    }
    guard_.finish();
  }

  // What goes to stdout (or -o) once everything succeeded: the manifests,
  // or with check --diff the diffs.
  const Spool& output() const { return out_; }
  // Files to rewrite in place: path and new content.
  const std::vector<std::pair<std::string, std::string>>& changed_files() const { return changed_files_; }
  // The report, formatted, with its summary line.
  std::string report_text() const {
    std::string entries = report_entries_.str();
    Summary summary = summary_;
    summary.files_read = static_cast<long>(sources_.size());
    if (opts_.command == Command::Check) summary.output = opts_.diff ? "stdout" : "";
    else if (opts_.in_place) summary.files_rewritten = static_cast<long>(changed_files_.size());
    else summary.output = opts_.output_file.empty() ? "stdout" : opts_.output_file;
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
    std::string text = write_document(*krm_, root).text;
    // Even this answer is checked: kpt deletes what a function's answer lacks.
    guard_.check(*krm_, text);
    return text;
  }

 private:
  // ------------------------------------------------------------ inputs

  // One input, read once: from its stream as it comes, or, when it had to
  // be read through ahead (KRM detection, --rules), from what was kept.
  struct Source {
    explicit Source(Input in) : input(std::move(in)) {}
    Input input;
    std::size_t id = 0;                      // the guard's number for it
    std::unique_ptr<std::istream> file;      // null for stdin
    std::unique_ptr<DocumentStream> stream;  // once opened
    bool ended = false;
    std::deque<RawDocument> ahead;           // read ahead, in memory
    // Read through ahead, kept on disk when large: the documents' bytes one
    // after another, and each one's place in its stream.
    struct Kept {
      std::size_t size;
      int index, first_line;
      bool bom;
    };
    std::unique_ptr<Spool> kept;
    std::vector<Kept> kept_docs;
    std::size_t next_kept = 0;
    std::unique_ptr<std::istream> kept_in;
  };

  // The next document from the input itself; the guard sees each one.
  std::optional<RawDocument> pull(Source& s) {
    if (s.ended) return std::nullopt;
    if (!s.stream) {
      s.id = guard_.open(s.input.name);
      std::istream* in = &in_;
      if (!s.input.is_stdin()) {
        s.file = disk_.open(s.input.path);
        in = s.file.get();
      }
      s.stream = std::make_unique<DocumentStream>(*in, s.input.name, opts_.limits);
    }
    auto raw = s.stream->next();
    if (raw) {
      guard_.read(s.id, *raw);
    } else {
      s.ended = true;
      guard_.read_all(s.id, s.stream->taken());
      s.stream.reset();
      s.file.reset();  // a directory of many files keeps one open at a time
    }
    return raw;
  }

  // The next document to process.
  std::optional<RawDocument> next(Source& s) {
    if (!s.ahead.empty()) {
      RawDocument d = std::move(s.ahead.front());
      s.ahead.pop_front();
      return d;
    }
    if (s.kept) {
      if (s.next_kept == s.kept_docs.size()) return std::nullopt;
      if (!s.kept_in) s.kept_in = s.kept->reader();
      const auto& k = s.kept_docs[s.next_kept++];
      RawDocument d;
      d.text.resize(k.size);
      s.kept_in->read(d.text.data(), static_cast<std::streamsize>(k.size));
      if (static_cast<std::size_t>(s.kept_in->gcount()) != k.size)
        throw Error(Location{s.input.name}, "cannot read back the temporary copy of the input");
      d.index = k.index;
      d.first_line = k.first_line;
      d.bom = k.bom;
      return d;
    }
    return pull(s);
  }

  // Reads the whole input now, keeping it for next(), and takes the labels
  // of the Namespace objects in it.
  void buffer(Source& s) {
    s.kept = std::make_unique<Spool>(opts_.temp_dir);
    auto keep = [&](RawDocument d) {
      s.kept->write(d.text);
      s.kept_docs.push_back(Source::Kept{d.text.size(), d.index, d.first_line, d.bom});
      if (d.text.find("Namespace") == std::string::npos) return;  // cheap: most documents are not
      Document doc = parse_document(std::move(d), s.input.name, opts_.limits);
      if (!doc.empty) namespaces_.add(doc.root);
    };
    while (!s.ahead.empty()) {
      keep(std::move(s.ahead.front()));
      s.ahead.pop_front();
    }
    while (auto d = pull(s)) keep(std::move(*d));
  }

  // stdin is read as it streams. To see whether it is a KRM ResourceList,
  // its first document is read ahead and kept for processing.
  void detect_krm(Source& s) {
    std::optional<RawDocument> raw;
    while ((raw = pull(s))) {
      s.ahead.push_back(*raw);
      if (raw->text.find_first_not_of(" \t\r\n") != std::string::npos) break;
    }
    if (!raw) return;
    if (!opts_.krm && raw->text.find("ResourceList") == std::string::npos) return;
    Document doc = parse_document(*raw, "-", opts_.limits);
    if (!is_resource_list(doc.root)) {
      if (opts_.krm) throw Error(Location{"-", doc.raw.index}, "expected a KRM ResourceList (kind: ResourceList) on stdin");
      return;
    }
    // The ResourceList is the whole input: what follows it is read (and
    // must be nothing but blanks).
    while (auto more = pull(s)) {
      if (more->text.find_first_not_of(" \t\r\n") != std::string::npos)
        throw Error(Location{"-", more->index, more->first_line, 1},
                    "a KRM ResourceList on stdin must be the only document");
      s.ahead.push_back(std::move(*more));
    }
    krm_ = std::move(doc);
    krm_source_ = &s;
    s.ahead.pop_front();  // the ResourceList itself
    if (const Node* fc = krm_->root.get("functionConfig"); fc && fc->is_map()) apply_function_config(*fc, opts_);
  }

  void setup() {
    for (const auto& w : opts_.workloads) catalog_.add(w);
    selector_ = LabelSelector::parse(opts_.selector, "--selector");
    IstioConfig cfg = load_config(opts_.config, disk_);
    policy_ = InjectorPolicy::from(opts_.policy.value_or(cfg.policy), cfg.never_inject_selector, cfg.always_inject_selector,
                                   cfg.description.empty() ? "injector config" : cfg.description);
    if (opts_.rules == "istio") {
      const Node* by_default = cfg.values.at_path("sidecarInjectorWebhook.enableNamespacesByDefault");
      rules_ = WebhookRules::istio(cfg.revision, by_default && by_default->kind == Kind::Bool && by_default->b);
    } else if (!opts_.rules.empty()) {
      rules_ = WebhookRules::parse(read_text(opts_.rules), opts_.rules);
    }
    if (rules_ && !opts_.namespaces_file.empty())
      for (const auto& d : read_all(read_text(opts_.namespaces_file), opts_.namespaces_file, opts_.limits))
        if (!d.empty) namespaces_.add(d.root);
    status_key_ = cfg.status_annotation;
    // Configuration given in files is checked now, templates and all, so a
    // broken one fails every run, with workloads or without. The built-in
    // profile cannot be broken: its templates are parsed only when a
    // workload needs them (most documents hold none).
    const ConfigSources& src = opts_.config;
    bool own = !src.inject_config_file.empty() || !src.values_file.empty() || !src.mesh_config_file.empty() ||
               !src.template_file.empty() || !src.operator_file.empty();
    pending_config_ = std::move(cfg);
    if (own) injector();
  }

  const Injector& injector() {
    if (!injector_) injector_.emplace(std::move(*pending_config_), env_);
    return *injector_;
  }

  std::string read_text(const std::string& path) {
    auto in = disk_.open(path);
    return slurp(*in);
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
    const Input& input = s.input;
    std::string whole;                 // --in-place: the file's new content
    bool changed = false;
    std::vector<std::string> kept;     // check --diff: this file's documents, before and after
    if (sink_ == Sink::Stream) joiner_.begin_file();
    while (auto raw = next(s)) {
      Document doc = parse_document(std::move(*raw), input.name, opts_.limits);
      std::string text;
      std::string json;
      if (!doc.empty) check_object_fields(doc);
      if (doc.empty) {
        text = doc.raw.text;
      } else if (sink_ != Sink::Json && find_workloads(doc.root, catalog_).empty()) {
        // Most documents hold no pod template: they go out as they came in.
        warn_about(doc);
        text = doc.raw.text;
      } else {
        Node root = doc.root;
        handle_document(doc, root);
        WriteResult wr = write_document(doc, root);
        if (wr.reformatted) warn_reformatted(doc);
        changed = changed || wr.changed;
        text = std::move(wr.text);
        if (sink_ == Sink::Json) json = emit_json(root, 4);
      }
      if (sink_ == Sink::Json) {
        if (!doc.empty) {
          guard_.written(s.id, doc, json);
          json_.add(json);
        } else {
          guard_.written(s.id, doc, doc.raw.text);
        }
        continue;
      }
      guard_.written(s.id, doc, text);
      switch (sink_) {
        case Sink::Stream: joiner_.write(text); break;
        case Sink::InPlace: whole += text; break;
        case Sink::Diff:
          kept.push_back(doc.raw.text);
          kept.push_back(std::move(text));
          break;
        default: break;
      }
    }
    if (sink_ == Sink::Stream) joiner_.end_file();
    if (sink_ == Sink::InPlace && changed) changed_files_.emplace_back(input.path, std::move(whole));
    if (sink_ == Sink::Diff) {
      std::vector<TextPart> parts;
      for (std::size_t k = 0; k + 1 < kept.size(); k += 2) parts.push_back({kept[k], kept[k + 1]});
      std::string name = input.name;
      while (!name.empty() && name.front() == '/') name.erase(0, 1);
      out_.write(unified_diff(parts, name));
    }
  }

  // kubectl refuses an object whose identity fields are not strings, and
  // kinject does not take such a document for an object either.
  static void check_object_fields(const Document& doc) {
    auto p = object_field_problem(doc.root);
    if (!p) return;
    std::size_t at = p->node->has_span ? p->node->span.begin : 0;
    auto [line, col] = line_col(doc.raw.text, at);
    std::string msg = fmt::format("{} is {}, not a string: this is not a Kubernetes object as written (kubectl refuses it too)",
                                  p->path, p->what);
    std::string_view t = doc.raw.text;
    if (p->node->has_span && t.substr(at, 2) == "{{")
      msg += "; it reads as a Helm or Go template (`{{ ... }}`): render it first (e.g. helm template) and give kinject the result";
    throw Error(Location{doc.file, doc.raw.index, doc.raw.first_line + line - 1, col}, msg);
  }

  void warn_reformatted(const Document& doc) {
    report_.warnings.push_back(fmt::format(
        "{} (document {}): could not edit the document in place; it was written out again whole (comments inside it are lost)",
        doc.file, doc.raw.index));
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
    if (!w.has_pod_spec) {
      e.action = "skipped";
      e.reason = "no pod spec with containers to inject into";
      add_entry(std::move(e));
      return;
    }
    if (opts_.command == Command::Uninject) {
      uninject_one(doc, root, w, e);
      return;
    }
    const Node* pod = w.pod(root);
    PodFacts facts = pod_facts(*pod, e.namespace_);
    if (const Requirement* miss = selector_.first_mismatch(facts.labels)) {
      e.action = "skipped";
      e.reason = fmt::format("pod labels do not match --selector {}", selector_.str());
      if (selector_.requirements().size() > 1) e.reason += fmt::format(" (fails {})", miss->str());
      add_entry(std::move(e));
      return;
    }
    Decision d = rules_ ? decide(facts, policy_, *rules_, namespaces_) : decide(facts, policy_);
    e.webhook = d.webhook;
    if (!d.inject) {
      e.action = "skipped";
      e.reason = d.reason;
      add_entry(std::move(e));
      return;
    }
    bool was_injected = pod->at_path("metadata.annotations") && pod->at_path("metadata.annotations")->get(status_key_);
    InjectionOutcome out;
    try {
      out = injector().inject(root, w);
    } catch (const Error& err) {
      throw located(doc, w, err);
    }
    bool check = opts_.command == Command::Check;
    if (!out.changed) e.action = "unchanged";
    else if (was_injected) e.action = check ? "would re-inject" : "re-injected";
    else e.action = check ? "would inject" : "injected";
    e.reason = out.changed ? d.reason : "already injected with this configuration";
    e.containers = out.containers;
    e.containers.insert(e.containers.end(), out.init_containers.begin(), out.init_containers.end());
    if (out.changed) ++changed_workloads_;
    for (const auto& wmsg : out.warnings) report_.warnings.push_back(fmt::format("{}/{}: {}", ascii_lower(w.kind), w.name, wmsg));
    add_entry(std::move(e));
  }

  void uninject_one(const Document& doc, Node& root, const Workload& w, ReportEntry& e) {
    (void)root;
    UninjectOutcome out;
    try {
      out = uninject_pod(*w.pod(root), status_key_);
    } catch (const Error& err) {
      throw located(doc, w, err);
    }
    e.action = out.changed ? "uninjected" : "skipped";
    e.reason = out.reason;
    e.containers = out.removed;
    for (const auto& wmsg : out.warnings)
      report_.warnings.push_back(fmt::format("{}/{}: {}", ascii_lower(w.kind), w.name, wmsg));
    if (out.changed) ++changed_workloads_;
    add_entry(std::move(e));
  }

  // An error about a workload, pointing at what it is about, or at least at
  // the workload.
  Error located(const Document& doc, const Workload& w, const Error& err) const {
    const Node* obj = w.object(doc.root);
    long offset = err.offset() >= 0 ? err.offset() : (obj && obj->has_span ? static_cast<long>(obj->span.begin) : 0);
    auto [line, col] = line_col(doc.raw.text, static_cast<std::size_t>(offset));
    return Error(Location{doc.file, doc.raw.index, doc.raw.first_line + line - 1, col},
                 fmt::format("{}/{}: {}", ascii_lower(w.kind), w.name, err.bare()));
  }

  // ------------------------------------------------------------ KRM

  void process_krm() {
    Document& doc = *krm_;
    check_object_fields(doc);
    Node root = doc.root;
    if (rules_) namespaces_.add(doc.root);  // Namespace items
    handle_document(doc, root);
    // Results: one per workload, attached to the item by its reference and
    // the file it came from.
    std::vector<Node> results;
    for (const auto& e : report_.entries) {
      results.push_back(krm_result(doc.root, e));
      report_entries_.write(format_report_entry(e, opts_.report, &e - report_.entries.data()));
    }
    for (const auto& w : report_.warnings) {
      Node r = Node::map();
      r.set("message", Node::string(w));
      r.set("severity", Node::string("warning"));
      results.push_back(std::move(r));
    }
    append_results(root, results);
    WriteResult wr = write_document(doc, root);
    Source& s = *krm_source_;
    const bool json = opts_.output == OutputFormat::Json && opts_.command != Command::Check;
    std::string text = json ? emit_json(root, 4) : std::move(wr.text);
    guard_.written(s.id, doc, text);
    if (opts_.command == Command::Check) {
      if (opts_.diff) out_.write(unified_diff({TextPart{doc.raw.text, text}}, "-"));
    } else if (json) {
      json_.add(text);
      json_.finish();
    } else {
      out_.write(text);
    }
    // The blank lines after the ResourceList go out as they came.
    while (auto blank = next(s)) {
      Document b = parse_document(std::move(*blank), "-", opts_.limits);
      guard_.written(s.id, b, b.raw.text);
      if (!json && opts_.command != Command::Check) out_.write(b.raw.text);
    }
  }

  static void append_results(Node& root, const std::vector<Node>& results) {
    if (results.empty()) return;
    Node* existing = root.get("results");
    if (!existing || !existing->is_seq()) existing = &root.set("results", Node::seq());
    for (const auto& r : results) existing->items.push_back(r);
  }

  Node krm_result(const Node& root, const ReportEntry& e) const {
    Node r = Node::map();
    std::string msg = e.action;
    if (!e.containers.empty()) {
      msg += " [";
      for (std::size_t i = 0; i < e.containers.size(); ++i) msg += (i ? ", " : "") + e.containers[i];
      msg += "]";
    }
    if (!e.reason.empty()) msg += ": " + e.reason;
    r.set("message", Node::string(msg));
    r.set("severity", Node::string("info"));
    // The item this is about: items[i] of the ResourceList.
    const Node* item = nullptr;
    if (e.item.rfind("items[", 0) == 0) {
      std::size_t idx = std::stoul(e.item.substr(6));
      const Node* items = root.get("items");
      if (items && idx < items->items.size()) item = &items->items[idx];
    }
    Node ref = Node::map();
    if (item) {
      if (const Node* a = item->get("apiVersion")) ref.set("apiVersion", Node::string(a->scalar_text()));
    }
    ref.set("kind", Node::string(e.kind));
    ref.set("name", Node::string(e.name));
    if (item && item->at_path("metadata.namespace")) ref.set("namespace", Node::string(e.namespace_));
    r.set("resourceRef", std::move(ref));
    if (item) {
      const Node* annos = item->at_path("metadata.annotations");
      auto anno = [&](const char* a, const char* b) -> const Node* {
        if (!annos) return nullptr;
        if (const Node* v = annos->get(a)) return v;
        return annos->get(b);
      };
      if (const Node* path = anno("internal.config.kubernetes.io/path", "config.kubernetes.io/path")) {
        Node file = Node::map();
        file.set("path", Node::string(path->scalar_text()));
        if (const Node* index = anno("internal.config.kubernetes.io/index", "config.kubernetes.io/index")) {
          Node idx = Node::plain(index->scalar_text());
          file.set("index", idx.kind == Kind::Int ? Node::integer(idx.i) : Node::integer(0));
        }
        r.set("file", std::move(file));
      }
    }
    return r;
  }

  Options opts_;
  Disk& disk_;
  std::istream& in_;
  const EnvLookup& env_;
  WorkloadCatalog catalog_;
  OutputGuard guard_;
  LabelSelector selector_;
  InjectorPolicy policy_;
  std::optional<WebhookRules> rules_;
  Namespaces namespaces_;
  std::optional<IstioConfig> pending_config_;  // until injector() needs it
  std::optional<Injector> injector_;
  std::string status_key_ = "sidecar.istio.io/status";
  std::optional<Document> krm_;
  Source* krm_source_ = nullptr;
  std::vector<Source> sources_;
  Sink sink_ = Sink::Stream;
  Spool out_;
  StreamJoiner joiner_{out_};
  JsonWriter json_{out_};
  std::vector<std::pair<std::string, std::string>> changed_files_;
  Report report_;             // warnings; entries only in KRM mode
  Spool report_entries_;      // the entries, formatted as they come
  std::size_t report_count_ = 0;
  Summary summary_ = summary_for(opts_.command);

 public:
  int changed_workloads_ = 0;
};


std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == '\n' || c == ',') {
      auto a = cur.find_first_not_of(" \t\r");
      if (a != std::string::npos) out.push_back(cur.substr(a, cur.find_last_not_of(" \t\r") - a + 1));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  auto a = cur.find_first_not_of(" \t\r");
  if (a != std::string::npos) out.push_back(cur.substr(a, cur.find_last_not_of(" \t\r") - a + 1));
  return out;
}

}  // namespace

void apply_function_config(const Node& config, Options& opts) {
  const Node* kind = config.get("kind");
  std::string k = kind ? kind->scalar_text() : "";
  const Node* settings = nullptr;
  if (k == "ConfigMap") settings = config.get("data");
  else if (k == "Injection") settings = config.get("spec");
  else throw Error(fmt::format("functionConfig: expected a ConfigMap or a kinject Injection, not kind \"{}\"", k));
  if (!settings || settings->is_null()) return;
  if (!settings->is_map()) throw Error("functionConfig: data/spec must be a mapping");
  for (const auto& e : settings->entries) {
    std::string key = e.key.scalar_text();
    const Node& v = e.value;
    std::string text = v.scalar_text();
    auto list = [&]() {
      std::vector<std::string> out;
      if (v.is_seq()) {
        for (const auto& it : v.items) out.push_back(it.scalar_text());
      } else if (v.is_map()) {
        for (const auto& x : v.entries) out.push_back(x.key.scalar_text() + "=" + x.value.scalar_text());
      } else {
        out = split_list(text);
      }
      return out;
    };
    if (key == "rules") opts.rules = text;
    else if (key == "namespaces") opts.namespaces_file = text;
    else if (key == "namespace") opts.default_namespace = text;
    else if (key == "selector") opts.selector = text;
    else if (key == "revision") opts.config.revision = text;
    else if (key == "injectConfigFile") opts.config.inject_config_file = text;
    else if (key == "valuesFile") opts.config.values_file = text;
    else if (key == "meshConfigFile") opts.config.mesh_config_file = text;
    else if (key == "template") opts.config.template_file = text;
    else if (key == "set") {
      for (auto& s : list()) opts.config.sets.push_back(s);
    } else if (key == "workload" || key == "workloads") {
      for (auto& s : list()) opts.workloads.push_back(s);
    } else if (key == "policy") {
      if (text == "enabled") opts.policy = InjectPolicy::Enabled;
      else if (text == "disabled") opts.policy = InjectPolicy::Disabled;
      else throw Error(fmt::format("functionConfig: policy must be \"enabled\" or \"disabled\", not \"{}\"", text));
    } else {
      throw Error(fmt::format(
          "functionConfig: unknown setting \"{}\" (known: rules, namespaces, namespace, selector, revision, policy, set, "
          "workloads, injectConfigFile, valuesFile, meshConfigFile, template)",
          key));
    }
  }
}

int run(const Options& opts, Disk& disk, std::istream& in, std::ostream& out, std::ostream& err, const EnvLookup& env) {
  Run r(opts, disk, in, env);
  const int error_status = opts.command == Command::Check ? 2 : 1;
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
  try {
    r.execute();
  } catch (const Error& e) {
    if (opts.report == ReportFormat::Json) return fail("error", e.bare(), &e.where());
    return fail("error", e.what());
  } catch (const std::exception& e) {
    // A bug, not bad input (fuzzing looks for these): still no partial
    // output, a non-zero status, and a KRM answer that keeps the items.
    return fail("internal error", fmt::format("{}; please report this with the input", e.what()));
  }
  // Everything succeeded: now, and only now, produce output. Files first,
  // all of them or none (the rewritten inputs, -o FILE, --report-file: the
  // report goes there for hosts that discard stderr on success, such as
  // Helm's post-renderers); stdout only when they are written.
  const Options& o = r.options();
  const bool check = o.command == Command::Check;
  std::string report = r.report_text();
  std::vector<std::pair<std::string, std::string>> files;
  if (!check && o.in_place) files = r.changed_files();
  const bool to_stdout = check || (!o.in_place && o.output_file.empty());
  try {
    if (!check && !o.in_place && !o.output_file.empty()) files.emplace_back(o.output_file, r.output().str());
    if (!o.report_file.empty()) files.emplace_back(o.report_file, report);
    if (!files.empty()) disk.replace_all(files);
    if (to_stdout) r.output().copy_to(out);
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
