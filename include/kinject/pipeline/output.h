// Where a run's documents go: one stream, kubectl's JSON, each input file
// rewritten, a unified diff per file, or nowhere (check). The mode is chosen
// once from the options; nothing here reaches the user before the run has
// succeeded (pipeline.cpp writes the result only then).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kinject/base/disk.h"
#include "kinject/pipeline/options.h"
#include "kinject/yaml/reader.h"

namespace kinject {

// The first line of `text` that is neither blank nor a comment, if any.
std::optional<std::string_view> first_content_line(std::string_view t);

// Several files as one stream, written as they are read: a file that does
// not open a document with `---` gets one, so that the last document of a
// file and the first of the next stay two documents.
class StreamJoiner {
 public:
  explicit StreamJoiner(Spool& out) : out_(out) {}

  void begin_file();
  void write(std::string_view text);
  void end_file();

 private:
  void separate_and_flush(std::string_view first);

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
  void add(std::string json);
  void finish();

 private:
  // The List around the items, as emit_json writes it.
  void split_list_template();
  std::string item(const std::string& json) const;

  Spool& out_;
  std::string first_;
  std::size_t count_ = 0;
  std::string head_, tail_, indent_;
};

// `-` as an output path (kube-inject -o, --report-file) is stdout.
bool is_stdout_path(const std::string& path);

// --report-file naming stdout (`-`, /dev/stdout) while stdout carries the
// run's output (manifests, a diff, a KRM ResourceList) would mix the two:
// the usage error saying so, or nullopt. Where stdout carries nothing else
// (check without --diff, -i, kube-inject -o FILE) the report may go there.
std::optional<std::string> report_mixes_into_stdout(const Options& o, bool krm, const Disk& disk);

// Where the documents of a run go, chosen once from the options.
enum class Sink {
  Stream,   // the manifests, one stream (stdout or -o FILE)
  Json,     // kubectl-style JSON (stdout or -o FILE)
  InPlace,  // each input file rewritten
  Diff,     // check --diff: a unified diff per file
  None,     // check: only the report and the exit status
};
Sink sink_for(const Options& o);

// The documents of a run, file by file, in the form of its sink.
class Output {
 public:
  Output(Sink sink, const std::string& temp_dir) : sink_(sink), text_(temp_dir) {}

  Sink sink() const { return sink_; }
  void begin_file();
  // One document as it goes out: `text` is the document as written (as
  // read if unchanged), or with Sink::Json its JSON (an empty document has
  // none and adds nothing).
  void add(const Document& doc, std::string text);
  // `name` is the file's name in reports; `path` where it is rewritten.
  void end_file(const std::string& name, const std::string& path, bool changed);
  void finish();

  // What goes to stdout (or -o FILE): the manifests, or the diffs.
  const Spool& text() const { return text_; }
  Spool& text() { return text_; }
  JsonWriter& json() { return json_; }
  // Sink::InPlace: the files to rewrite, path and new content.
  const std::vector<std::pair<std::string, std::string>>& changed_files() const { return changed_files_; }

 private:
  Sink sink_;
  Spool text_;
  StreamJoiner joiner_{text_};
  JsonWriter json_{text_};
  std::string whole_;              // InPlace: the file's new content
  std::vector<std::string> kept_;  // Diff: the file's documents, before and after
  std::vector<std::pair<std::string, std::string>> changed_files_;
};

}  // namespace kinject
