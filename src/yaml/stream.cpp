#include "kinject/yaml/stream.h"

#include <algorithm>

#include <fmt/format.h>

#include "kinject/base/error.h"
#include "kinject/yaml/source_text.h"
#include "lines.h"

namespace kinject {

using lines::is_marker;
using lines::is_ws;

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

}  // namespace

DocumentStream::DocumentStream(std::istream& in, std::string name, Limits limits)
    : in_(in), name_(std::move(name)), limits_(limits) {}

int DocumentStream::peek_char() {
  if (head_pos_ < head_.size()) return static_cast<unsigned char>(head_[head_pos_]);
  int c = in_.peek();
  if (in_.bad()) throw Error(Location{name_}, "read error");
  return c;
}

int DocumentStream::get_char() {
  if (head_pos_ < head_.size()) return static_cast<unsigned char>(head_[head_pos_++]);
  int c = in_.get();
  if (in_.bad()) throw Error(Location{name_}, "read error");
  if (c != EOF) ++taken_;
  return c;
}

void DocumentStream::unread(std::string text) {
  head_ = std::move(text) + head_.substr(head_pos_);
  head_pos_ = 0;
}

bool DocumentStream::read_line(std::string& line) {
  line.clear();
  if (head_pos_ < head_.size()) {
    auto nl = head_.find('\n', head_pos_);
    if (nl != std::string::npos) {
      line.assign(head_, head_pos_, nl + 1 - head_pos_);
      head_pos_ = nl + 1;
      ++line_no_;
      return true;
    }
    line.assign(head_, head_pos_);
    head_pos_ = head_.size();
  }
  if (head_pos_ == head_.size() && !head_.empty()) {
    head_.clear();
    head_pos_ = 0;
  }
  std::string rest;
  bool got = static_cast<bool>(std::getline(in_, rest));
  if (in_.bad()) throw Error(Location{name_}, "read error");
  taken_ += rest.size();
  if (!got && line.empty()) return false;
  line += rest;
  if (got && !in_.eof()) {
    line.push_back('\n');
    ++taken_;
  }
  ++line_no_;
  return true;
}

// Concatenated JSON texts are cut by bracket matching instead of lines; the
// first character that is not blank tells which kind of stream this is.
void DocumentStream::detect_json() {
  started_ = true;
  std::string lead;
  int c;
  while ((c = in_.peek()) != EOF && is_ws(static_cast<char>(c))) {
    lead.push_back(static_cast<char>(in_.get()));
    ++taken_;
  }
  if (in_.bad()) throw Error(Location{name_}, "read error");
  unread(std::move(lead));
  json_mode_ = c == '{' || c == '[';
}

std::optional<RawDocument> DocumentStream::next() {
  if (!started_) detect_json();
  if (json_mode_) {
    if (auto doc = next_json()) return doc;
    if (json_mode_) return std::nullopt;
    // Not concatenated JSON after all: the rest is cut at `---` lines.
  }
  return next_yaml();
}

// The lines up to the next `---` line that follows content or a `---` of
// its own, or through a `...` line.
std::optional<RawDocument> DocumentStream::next_yaml() {
  RawDocument doc;
  doc.index = index_ + 1;
  bool has_marker = false, has_content = false, any = false;
  std::string line;
  for (;;) {
    int this_line;
    if (has_pending_) {
      line = std::move(pending_);
      has_pending_ = false;
      this_line = pending_line_no_;
    } else {
      this_line = line_no_;
      if (!read_line(line)) break;
    }
    std::string_view view = line;
    if (doc.index == 1 && !any && view.substr(0, 3) == kBom) {
      doc.bom = true;
      view.remove_prefix(3);
    }
    bool end_here = false;
    if (is_marker(view, '-')) {
      if (has_marker || has_content) {
        pending_ = std::move(line);
        pending_line_no_ = this_line;
        has_pending_ = true;
        break;
      }
      has_marker = true;
      if (lines::content_after_marker(view)) has_content = true;
    } else if (is_marker(view, '.')) {
      end_here = true;
    } else if (!lines::is_non_content(view)) {
      has_content = true;
    }
    if (!any) doc.first_line = this_line;
    doc.text += line;
    any = true;
    check_size(doc);
    if (end_here) break;
  }
  if (!any) return std::nullopt;
  ++index_;
  check_count(doc);
  return doc;
}

void DocumentStream::check_size(const RawDocument& doc) const {
  if (doc.text.size() > limits_.max_document_bytes)
    throw Error(Location{name_, doc.index, doc.first_line, 1},
                fmt::format("document is larger than {}; raise the limit with --max-document-size",
                            format_size(limits_.max_document_bytes)));
}

void DocumentStream::check_count(const RawDocument& doc) const {
  if (static_cast<std::size_t>(doc.index) > limits_.max_documents)
    throw Error(Location{name_, doc.index, doc.first_line, 1},
                fmt::format("more than {} documents in one stream; raise the limit with --max-documents",
                            limits_.max_documents));
}

// One JSON text of a stream of concatenated JSON texts, read as it comes (the
// stream is never held whole). A document is the blanks before its text, the
// text, and the rest of its line when that is blank; the last one also takes
// the blanks that end the stream. If what follows a text on its line is not
// another text, the stream is not concatenated JSON (`[23]: 42` is a YAML
// mapping): everything from this text on goes back to be cut as YAML.
std::optional<RawDocument> DocumentStream::next_json() {
  RawDocument doc;
  doc.index = index_ + 1;
  doc.first_line = line_no_;
  std::string& text = doc.text;
  int c;
  while ((c = peek_char()) != EOF && is_ws(static_cast<char>(c))) text.push_back(static_cast<char>(get_char()));
  if (c == EOF) {
    if (text.empty()) return std::nullopt;
    // Only blanks, after a document that did not take them.
    ++index_;
    line_no_ += static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    return doc;
  }
  if (c != '{' && c != '[') return give_up_json(text);
  read_json_text(doc);
  // The rest of the line: taken if blank; another text may follow on it.
  std::string tail;
  while ((c = peek_char()) == ' ' || c == '\t' || c == '\r') tail.push_back(static_cast<char>(get_char()));
  if (c == '\n') {
    tail.push_back(static_cast<char>(get_char()));
  } else if (c != EOF && c != '{' && c != '[') {
    return give_up_json(text + tail);
  }
  text += tail;
  // `{...}{...}` on one line: the next text starts right here.
  if (c != '{' && c != '[') take_final_blanks(doc);
  ++index_;
  line_no_ += static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  check_count(doc);
  return doc;
}

// The text from its opening bracket through the matching closing one.
void DocumentStream::read_json_text(RawDocument& doc) {
  std::string& text = doc.text;
  int depth = 0;
  bool in_string = false;
  int c;
  while ((c = get_char()) != EOF) {
    char ch = static_cast<char>(c);
    text.push_back(ch);
    check_size(doc);
    if (in_string) {
      if (ch == '\\') {
        if ((c = get_char()) == EOF) return;
        text.push_back(static_cast<char>(c));
      } else if (ch == '"') {
        in_string = false;
      }
    } else if (ch == '"') {
      in_string = true;
    } else if (ch == '{' || ch == '[') {
      ++depth;
    } else if (ch == '}' || ch == ']') {
      if (--depth == 0) return;
    }
  }
}

// The last document takes the blanks that end the stream; blanks before
// another text are that text's.
void DocumentStream::take_final_blanks(RawDocument& doc) {
  std::string blanks;
  int c;
  while ((c = peek_char()) != EOF && is_ws(static_cast<char>(c))) blanks.push_back(static_cast<char>(get_char()));
  if (c == EOF) doc.text += blanks;
  else unread(std::move(blanks));
}

std::nullopt_t DocumentStream::give_up_json(std::string text) {
  unread(std::move(text));
  json_mode_ = false;
  return std::nullopt;
}

}  // namespace kinject
