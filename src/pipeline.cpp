#include "kinject/pipeline.h"

#include <algorithm>
#include <cctype>
#include <sstream>

#include <fmt/format.h>

#include "kinject/error.h"
#include "kinject/selector.h"
#include "kinject/workloads.h"
#include "kinject/writer.h"

namespace kinject {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// 1-based line and column of a byte offset in a document.
std::pair<int, int> line_col(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  return {line, static_cast<int>(offset - line_start) + 1};
}

std::string item_path(const Workload& w) {
  std::string out;
  for (std::size_t i : w.items) out += fmt::format("items[{}]", i);
  return out;
}

struct FileResult {
  Input input;
  std::string text;
  bool changed = false;
};

class Run {
 public:
  Run(const Options& opts, Disk& disk, std::istream& in, const EnvLookup& env)
      : opts_(opts), disk_(disk), in_(in), env_(env) {}

  void execute() {
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
    injector_.emplace(std::move(cfg), env_);
    auto inputs = collect_inputs(opts_.inputs, opts_.recursive, disk_);
    if (rules_) {
      // Namespace labels come from --namespaces and from Namespace objects
      // anywhere in the input, so they are gathered before any decision.
      if (!opts_.namespaces_file.empty())
        for (const auto& d : read_all(read_text(opts_.namespaces_file), opts_.namespaces_file, opts_.limits))
          if (!d.empty) namespaces_.add(d.root);
      for (const auto& input : inputs) scan_namespaces(input);
    }
    for (const auto& input : inputs) process(input);
  }

  const std::vector<FileResult>& files() const { return files_; }
  const Report& report() const { return report_; }
  const std::vector<Node>& objects() const { return objects_; }

 private:
  std::string read_text(const std::string& path) {
    auto in = disk_.open(path);
    std::ostringstream s;
    s << in->rdbuf();
    return s.str();
  }

  // The stream of an input; stdin is read once and kept when it has to be
  // read twice (namespace scan, then processing).
  std::unique_ptr<std::istream> open_input(const Input& input) {
    if (!input.is_stdin()) return disk_.open(input.path);
    if (!stdin_kept_) {
      std::ostringstream s;
      s << in_.rdbuf();
      stdin_text_ = s.str();
      stdin_kept_ = true;
    }
    return std::make_unique<std::istringstream>(stdin_text_);
  }

  void scan_namespaces(const Input& input) {
    auto stream = open_input(input);
    DocumentStream docs(*stream, input.name, opts_.limits);
    while (auto raw = docs.next()) {
      if (raw->text.find("Namespace") == std::string::npos) continue;  // cheap: most documents are not
      Document doc = parse_document(std::move(*raw), input.name, opts_.limits);
      if (!doc.empty) namespaces_.add(doc.root);
    }
  }

  void process(const Input& input) {
    if (input.is_stdin() && opts_.in_place)
      throw Error("--in-place needs files to rewrite; it cannot be used with stdin");
    auto owned = open_input(input);
    std::istream* stream = owned.get();
    DocumentStream docs(*stream, input.name, opts_.limits);
    FileResult result{input, {}, false};
    while (auto raw = docs.next()) {
      Document doc = parse_document(std::move(*raw), input.name, opts_.limits);
      for (const auto& w : doc.warnings) report_.warnings.push_back(fmt::format("{} (document {}): {}", input.name, doc.raw.index, w));
      if (doc.empty) {
        result.text += doc.raw.text;
        continue;
      }
      Node root = doc.root;
      for (const auto& w : find_workloads(doc.root, catalog_)) handle(doc, root, w);
      WriteResult wr = write_document(doc, root);
      if (wr.reformatted)
        report_.warnings.push_back(fmt::format(
            "{} (document {}): could not edit the document in place; it was written out again whole (comments inside it are lost)",
            input.name, doc.raw.index));
      result.changed = result.changed || wr.changed;
      result.text += wr.text;
      if (opts_.output == OutputFormat::Json) objects_.push_back(std::move(root));
    }
    files_.push_back(std::move(result));
  }

  void handle(const Document& doc, Node& root, const Workload& w) {
    ReportEntry e;
    e.file = doc.file;
    e.document = doc.raw.index;
    e.item = item_path(w);
    e.kind = w.kind;
    e.name = w.name;
    e.namespace_ = !w.namespace_.empty() ? w.namespace_ : !opts_.default_namespace.empty() ? opts_.default_namespace : "default";
    if (!w.has_pod_spec) {
      e.action = "skipped";
      e.reason = "no pod spec with containers to inject into";
      report_.entries.push_back(std::move(e));
      return;
    }
    const Node* pod = w.pod(root);
    PodFacts facts = pod_facts(*pod, e.namespace_);
    if (const Requirement* miss = selector_.first_mismatch(facts.labels)) {
      e.action = "skipped";
      e.reason = fmt::format("pod labels do not match --selector {}", selector_.str());
      if (selector_.requirements().size() > 1) e.reason += fmt::format(" (fails {})", miss->str());
      report_.entries.push_back(std::move(e));
      return;
    }
    Decision d = rules_ ? decide(facts, policy_, *rules_, namespaces_) : decide(facts, policy_);
    if (!d.inject) {
      e.action = "skipped";
      e.reason = d.reason;
      e.webhook = d.webhook;
      report_.entries.push_back(std::move(e));
      return;
    }
    InjectionOutcome out;
    try {
      out = injector_->inject(root, w);
    } catch (const Error& err) {
      // Point at what the error is about, or at least at the workload.
      const Node* obj = w.object(doc.root);
      long offset = err.offset() >= 0 ? err.offset() : (obj && obj->has_span ? static_cast<long>(obj->span.begin) : 0);
      auto [line, col] = line_col(doc.raw.text, static_cast<std::size_t>(offset));
      throw Error(Location{doc.file, doc.raw.index, doc.raw.first_line + line - 1, col},
                  fmt::format("{}/{}: {}", lower(w.kind), w.name, err.bare()));
    }
    e.webhook = d.webhook;
    e.action = out.changed ? "injected" : "unchanged";
    e.reason = out.changed ? d.reason : "already injected with this configuration";
    e.containers = out.containers;
    e.containers.insert(e.containers.end(), out.init_containers.begin(), out.init_containers.end());
    report_.entries.push_back(std::move(e));
  }

  const Options& opts_;
  Disk& disk_;
  std::istream& in_;
  const EnvLookup& env_;
  WorkloadCatalog catalog_;
  LabelSelector selector_;
  InjectorPolicy policy_;
  std::optional<WebhookRules> rules_;
  Namespaces namespaces_;
  std::string stdin_text_;
  bool stdin_kept_ = false;
  std::optional<Injector> injector_;
  std::vector<FileResult> files_;
  std::vector<Node> objects_;
  Report report_;
};

std::string json_output(const std::vector<Node>& objects) {
  if (objects.size() == 1) return emit_json(objects.front(), 4) + "\n";
  // kubectl prints several objects as one List.
  Node list = Node::map();
  list.set("apiVersion", Node::string("v1"));
  Node items = Node::seq();
  for (const auto& o : objects) items.items.push_back(o);
  list.set("items", std::move(items));
  list.set("kind", Node::string("List"));
  Node md = Node::map();
  md.set("resourceVersion", Node::string(""));
  list.set("metadata", std::move(md));
  return emit_json(list, 4) + "\n";
}

}  // namespace

int run_inject(const Options& opts, Disk& disk, std::istream& in, std::ostream& out, std::ostream& err, const EnvLookup& env) {
  Run run(opts, disk, in, env);
  try {
    run.execute();
  } catch (const Error& e) {
    err << "kinject: error: " << e.what() << "\n";
    return 1;
  }
  // Everything succeeded: now, and only now, produce output.
  if (opts.in_place) {
    try {
      for (const auto& f : run.files())
        if (f.changed) disk.replace(f.input.path, f.text);
    } catch (const Error& e) {
      err << "kinject: error: " << e.what() << "\n";
      return 1;
    }
  } else if (opts.output == OutputFormat::Json) {
    if (!run.objects().empty()) out << json_output(run.objects());
  } else {
    for (const auto& f : run.files()) out << f.text;
  }
  out.flush();
  if (!out) {
    err << "kinject: error: cannot write the output (closed pipe or full disk?)\n";
    return 1;
  }
  err << format_report(run.report(), opts.report);
  return 0;
}

}  // namespace kinject
