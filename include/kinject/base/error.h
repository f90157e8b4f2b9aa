// Errors that reach the user. Every error kinject reports says where (file,
// document, line:column when known) and what to do; this type carries the
// "where" so the CLI can print it uniformly.
#pragma once

#include <stdexcept>
#include <string>

#include <fmt/format.h>

namespace kinject {

struct Location {
  std::string file;   // "-" for stdin, empty when not tied to an input
  int document = 0;   // 1-based document number in the file, 0 when unknown
  int line = 0;       // 1-based, 0 when unknown
  int column = 0;     // 1-based, 0 when unknown

  std::string str() const {
    std::string out = file.empty() ? std::string("<input>") : file;
    if (document > 0) out += fmt::format(" (document {})", document);
    if (line > 0) out += fmt::format(":{}:{}", line, column);
    return out;
  }
};

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message), bare_(message) {}
  Error(Location where, const std::string& message)
      : std::runtime_error(where.str() + ": " + message), where_(std::move(where)), bare_(message) {}

  const Location& where() const { return where_; }
  // The message without the location prefix.
  const std::string& bare() const { return bare_; }

  // Byte offset in the document being processed that the error is about,
  // when the thrower knows it but not the document's text (the caller turns
  // it into line:column). -1 when unknown.
  long offset() const { return offset_; }
  Error& at_offset(long offset) {
    offset_ = offset;
    return *this;
  }

  // A usage error: the command line alone is wrong (a flag's value, flags
  // that cannot go together), whatever the input. The command exits 2 with
  // a hint, as for a flag CLI11 refuses.
  bool usage() const { return usage_; }
  Error& as_usage() {
    usage_ = true;
    return *this;
  }

 private:
  Location where_;
  std::string bare_;
  long offset_ = -1;
  bool usage_ = false;
};

}  // namespace kinject
