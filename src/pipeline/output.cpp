#include "kinject/pipeline/output.h"

#include <fmt/format.h>

#include "kinject/pipeline/diff.h"
#include "kinject/yaml/writer.h"

namespace kinject {

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

namespace {

constexpr std::string_view kListItemPlaceholder = "kinject-list-item-placeholder";

}  // namespace

void StreamJoiner::begin_file() {
  decided_ = out_.size() == 0;
  pending_.clear();
}

void StreamJoiner::write(std::string_view text) {
  if (decided_) {
    out_.write(text);
    return;
  }
  // The file's first content line says what separator it needs; comment
  // lines before it wait for it.
  pending_.append(text);
  if (auto first = first_content_line(pending_)) separate_and_flush(*first);
}

void StreamJoiner::end_file() {
  if (!decided_ && !pending_.empty()) separate_and_flush({});
}

void StreamJoiner::separate_and_flush(std::string_view first) {
  if (out_.last() != '\n') out_.write("\n");
  bool opens_document = first.substr(0, 3) == "---" && (first.size() == 3 || first[3] == ' ' || first[3] == '\t');
  // A directive may only follow an ended document.
  if (!first.empty() && first[0] == '%') out_.write("...\n");
  else if (!opens_document) out_.write("---\n");
  out_.write(pending_);
  pending_.clear();
  decided_ = true;
}

// One object, as emit_json(object, 4) writes it.
void JsonWriter::add(std::string json) {
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

void JsonWriter::finish() {
  if (count_ == 1) out_.write(first_ + "\n");
  else if (count_ > 1) out_.write(tail_);
}

// The List around the items, as emit_json writes it.
void JsonWriter::split_list_template() {
  Node list = Node::map();
  list.set("apiVersion", Node::string("v1"));
  list.set("items", Node::seq()).items.push_back(Node::string(std::string(kListItemPlaceholder)));
  list.set("kind", Node::string("List"));
  list.child_map("metadata").set("resourceVersion", Node::string(""));
  std::string text = emit_json(list, 4) + "\n";
  std::size_t at = text.find(kListItemPlaceholder);
  std::size_t line = text.rfind('\n', at) + 1;
  indent_ = std::string(at - 1 - line, ' ');  // before the opening quote
  head_ = text.substr(0, line);
  tail_ = text.substr(text.find('\n', at));
}

std::string JsonWriter::item(const std::string& json) const {
  std::string out = indent_;
  for (char c : json) {
    out += c;
    if (c == '\n') out += indent_;
  }
  return out;
}

bool is_stdout_path(const std::string& path) { return path == "-"; }

namespace {

// `-`, or a path that names kinject's descriptor 1 (/dev/stdout, /dev/fd/1).
bool names_stdout(const std::string& path, const Disk& disk) {
  return is_stdout_path(path) || disk.output_path(path).descriptor == 1;
}

}  // namespace

std::optional<std::string> report_mixes_into_stdout(const Options& o, bool krm, const Disk& disk) {
  if (o.report_file.empty() || !names_stdout(o.report_file, disk)) return std::nullopt;
  std::string_view carried;
  if (krm) carried = "ResourceList";
  else if (o.command == Command::Check) carried = o.diff ? "diff" : "";
  else if (!o.in_place && (o.output_file.empty() || names_stdout(o.output_file, disk))) carried = "manifests";
  if (carried.empty()) return std::nullopt;
  return fmt::format("--report-file {} would mix the report into the {} on stdout; give the report a file (--report-file "
                     "report.txt) or leave it on stderr",
                     o.report_file, carried);
}

Sink sink_for(const Options& o) {
  if (o.command == Command::Check) return o.diff ? Sink::Diff : Sink::None;
  if (o.in_place) return Sink::InPlace;
  return o.output == OutputFormat::Json ? Sink::Json : Sink::Stream;
}

void Output::begin_file() {
  if (sink_ == Sink::Stream) joiner_.begin_file();
}

void Output::add(const Document& doc, std::string text) {
  switch (sink_) {
    case Sink::Stream: joiner_.write(text); break;
    case Sink::Json:
      if (!doc.empty) json_.add(std::move(text));
      break;
    case Sink::InPlace: whole_ += text; break;
    case Sink::Diff:
      kept_.push_back(doc.raw.text);
      kept_.push_back(std::move(text));
      break;
    case Sink::None: break;
  }
}

void Output::end_file(const std::string& name, const std::string& path, bool changed) {
  if (sink_ == Sink::Stream) joiner_.end_file();
  if (sink_ == Sink::InPlace && changed) changed_files_.emplace_back(path, std::move(whole_));
  whole_.clear();
  if (sink_ == Sink::Diff) {
    std::vector<TextPart> parts;
    for (std::size_t k = 0; k + 1 < kept_.size(); k += 2) parts.push_back({kept_[k], kept_[k + 1]});
    std::string shown = name;
    while (!shown.empty() && shown.front() == '/') shown.erase(0, 1);
    text_.write(unified_diff(parts, shown));
  }
  kept_.clear();
}

void Output::finish() {
  if (sink_ == Sink::Json) json_.finish();
}

}  // namespace kinject
