// Stream splitting: a stream of manifests -> documents that keep their
// exact bytes.
//
// A stream is cut into documents at `---` and `...` lines (YAML forbids
// those at column 0 inside any scalar, so the cut is exact), or, for a stream
// of concatenated JSON texts, at the end of each text. Each document keeps the
// bytes it was written with, separator included, so writing the documents
// back one after another reproduces the stream exactly.
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <string>

#include "kinject/yaml/limits.h"

namespace kinject {

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
  void check_size(const RawDocument& doc) const;
  void detect_json();
  std::optional<RawDocument> next_yaml();
  std::optional<RawDocument> next_json();
  void read_json_text(RawDocument& doc);
  void take_final_blanks(RawDocument& doc);
  std::nullopt_t give_up_json(std::string text);

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

}  // namespace kinject
