// Reader: input files and streams -> documents that keep their exact bytes.
//
// A stream is cut into documents at `---` and `...` lines (YAML forbids
// those at column 0 inside any scalar, so the cut is exact), or, for a stream
// of concatenated JSON texts, at the end of each text. Each document keeps the
// bytes it was written with, separator included, so writing the documents
// back one after another reproduces the stream exactly. The document is then
// parsed (yaml-cpp) into a Node tree whose nodes know their spans.
#pragma once

#include <cstdint>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kinject/base/disk.h"
#include "kinject/yaml/node.h"

namespace kinject {

struct Input {
  std::string name;  // as shown to the user; "-" for stdin
  std::string path;  // empty for stdin
  bool is_stdin() const { return path.empty(); }
};

// Expands command-line arguments the way kubectl -f does: "-" is stdin, a
// directory yields its .yaml/.yml/.json files sorted by name (recursively
// with `recursive`), a file named explicitly is read whatever its extension.
// No argument at all means stdin. Throws Error for a missing path or a
// directory without manifests. Inside a directory, -R does not follow a
// symbolic link to a directory (kubectl's -R does not); `notes` gets a line
// for each one skipped. A link to a file is read, and so is a directory
// named by a link on the command line.
std::vector<Input> collect_inputs(const std::vector<std::string>& args, bool recursive, const Disk& disk,
                                  std::vector<std::string>* notes = nullptr);

// Bounds on what one run accepts, so that hostile or broken input fails with
// a clear error instead of exhausting the stack, memory or time. Every limit
// has a flag to raise it (see docs/robustness.md for why each default).
struct Limits {
  std::size_t max_document_bytes = 64u << 20;  // one document's source
  std::size_t max_scalar_bytes = 16u << 20;    // one scalar's value
  std::size_t max_nodes = 4u << 20;            // nodes in one document, aliases expanded
  std::size_t max_alias_nodes = 100000;        // nodes one document gains by alias expansion
  std::size_t max_documents = 1000000;         // documents in one stream
  int max_depth = 400;                         // nesting of collections
  // Read documents in the plain subset with the fast reader (simple_yaml.h);
  // off, everything goes through yaml-cpp (tests compare the two).
  bool fast_reader = true;
};

// The offset of the first byte that makes `text` something other than YAML
// text kinject reads as kubectl does, or npos: invalid UTF-8 (overlong
// forms, surrogates and code points past U+10FFFF are invalid, as in Go's
// utf8.Valid), a control character YAML forbids (C0 but tab, LF and CR; DEL;
// C1), NUL included; or a line break but LF and CRLF: a lone CR, NEL, LS or
// PS, where go-yaml (kubectl, Helm) and libyaml break the line and yaml-cpp
// does not, so the two would read different documents.
std::size_t first_invalid_char(std::string_view text);

// The 1-based line and column of a byte offset in a text (clamped to its end).
std::pair<int, int> line_col(std::string_view text, std::size_t offset);

// "64 MiB", "1000 bytes": a limit as a person reads it.
std::string format_size(std::size_t bytes);

// One document's raw bytes.
struct RawDocument {
  std::string text;    // exact bytes, from the separator line (if any) through the end marker (if any)
  int index = 0;       // 1-based position in its stream
  int first_line = 1;  // line number of text[0] in the stream
  bool bom = false;    // text starts with a UTF-8 byte order mark
};

// Splits a stream into documents incrementally, so memory holds one document
// at a time.
class DocumentStream {
 public:
  DocumentStream(std::istream& in, std::string name, Limits limits = {});
  // The next document, or nullopt at the end of the stream. Throws Error on a
  // read failure or a document over the size limit.
  std::optional<RawDocument> next();
  const std::string& name() const { return name_; }
  // Bytes taken from the stream so far. At the end of the stream, the sizes
  // of the documents returned add up to it (the output guard checks that
  // nothing was lost between the two).
  std::size_t taken() const { return taken_; }

 private:
  bool read_line(std::string& line);  // with its '\n' (none on a last unterminated line)
  int peek_char();
  int get_char();
  void unread(std::string text);  // to be read again, before what is left of head_
  void check_count(const RawDocument& doc) const;
  std::optional<RawDocument> next_json();

  std::istream& in_;
  std::string name_;
  Limits limits_;
  int index_ = 0;
  bool started_ = false;
  std::string head_;            // bytes read ahead (or given back), consumed before in_
  std::size_t head_pos_ = 0;    // how much of head_ has been consumed
  int line_no_ = 1;             // line number of the next line read_line returns
  std::string pending_;         // a `---` line that starts the next document
  int pending_line_no_ = 0;
  bool has_pending_ = false;
  bool json_mode_ = false;      // the stream is (so far) concatenated JSON texts
  std::size_t taken_ = 0;
};

// A parsed document.
struct Document {
  std::string file;      // input name
  RawDocument raw;
  Node root;             // Null for a document with no content
  bool empty = true;     // only comments, separators and blank lines
  bool json = false;     // written as JSON (a flow mapping at top level)
  bool crlf = false;     // uses CRLF line ends
  // False when the spans of this document could not be established with
  // certainty (exotic syntax); the writer then re-emits a changed document
  // whole instead of editing it in place.
  bool editable = true;
  std::vector<std::string> warnings;  // e.g. duplicate keys
};

// Parses a raw document. Throws Error (file, document number, line:column,
// and what is wrong) on invalid YAML or a limit exceeded.
Document parse_document(RawDocument raw, const std::string& file, const Limits& limits = {});

// Parses a standalone YAML/JSON text (a values file, a rendered template) into
// a Node; `what` names it in errors. Multi-document texts are rejected. The
// value only: nodes may lack source spans (the fast reader of simple_yaml.h
// reads what it can, yaml-cpp the rest). Such texts are Go's to read in
// Istio, so a repeated key keeps its last value (keep_last_of_repeated_keys).
Node parse_yaml(std::string_view text, const std::string& what, const Limits& limits = {});

// Reads every document of a whole text (convenience for tests and config files).
std::vector<Document> read_all(std::string_view text, const std::string& name, const Limits& limits = {});

}  // namespace kinject
