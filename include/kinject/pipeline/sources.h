// One input of a run, read exactly once, whatever kind of file it is (a
// pipe or a process substitution has no second reading): documents come
// from its stream as it is read, or, once some had to be read ahead (the
// look at stdin's first document for a KRM ResourceList, --rules' look at
// every Namespace object), are replayed from what was kept. The output guard
// sees every document as it is read from the input itself.
#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kinject/base/disk.h"
#include "kinject/pipeline/inputs.h"
#include "kinject/pipeline/output_guard.h"
#include "kinject/yaml/reader.h"

namespace kinject {

class Source {
 public:
  // `in` is stdin, read when the input is "-"; `disk` opens the others.
  Source(Input input, std::istream& in, const Disk& disk, OutputGuard& guard, const Limits& limits, std::string temp_dir);

  const Input& input() const { return input_; }
  // The output guard's number for this input (known once it was opened).
  std::size_t id() const { return id_; }

  // The next document to process: a kept one, else the next from the input.
  std::optional<RawDocument> next();
  // Reads up to the first document that holds anything but blanks, keeps
  // what it read for next(), and returns a copy of that document.
  std::optional<RawDocument> peek_content();
  // Reads the rest of the input now, keeping it for next(); `each` sees
  // every document not yet processed, kept before or read now.
  void read_through(const std::function<void(const RawDocument&)>& each);

 private:
  std::optional<RawDocument> pull();
  void keep(const RawDocument& d);
  std::optional<RawDocument> replay();

  Input input_;
  std::istream& stdin_;
  const Disk& disk_;
  OutputGuard& guard_;
  Limits limits_;
  std::string temp_dir_;

  std::size_t id_ = 0;
  std::unique_ptr<std::istream> file_;      // null for stdin
  std::unique_ptr<DocumentStream> stream_;  // once opened
  bool ended_ = false;

  // What was read ahead, kept on disk when large: the documents one after
  // another, each its size and place in its stream, then its bytes.
  std::unique_ptr<Spool> kept_;
  std::size_t kept_count_ = 0;
  std::size_t next_kept_ = 0;
  std::unique_ptr<std::istream> kept_in_;
};

}  // namespace kinject
