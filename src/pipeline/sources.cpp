#include "kinject/pipeline/sources.h"

#include "kinject/base/error.h"

namespace kinject {

Source::Source(Input input, std::istream& in, const Disk& disk, OutputGuard& guard, const Limits& limits, std::string temp_dir)
    : input_(std::move(input)), stdin_(in), disk_(disk), guard_(guard), limits_(limits), temp_dir_(std::move(temp_dir)) {}

// The next document from the input itself; the guard sees each one.
std::optional<RawDocument> Source::pull() {
  if (ended_) return std::nullopt;
  if (!stream_) {
    id_ = guard_.open(input_.name);
    std::istream* in = &stdin_;
    if (!input_.is_stdin()) {
      file_ = disk_.open(input_.path);
      in = file_.get();
    }
    stream_ = std::make_unique<DocumentStream>(*in, input_.name, limits_);
  }
  auto raw = stream_->next();
  if (raw) {
    guard_.read(id_, *raw);
  } else {
    ended_ = true;
    guard_.read_all(id_, stream_->taken());
    stream_.reset();
    file_.reset();  // a directory of many files keeps one open at a time
  }
  return raw;
}

void Source::keep(const RawDocument& d) {
  if (!kept_) kept_ = std::make_unique<Spool>(temp_dir_);
  kept_->write(d.text);
  kept_docs_.push_back(Kept{d.text.size(), d.index, d.first_line, d.bom});
}

// The next kept document, if any is left.
std::optional<RawDocument> Source::replay() {
  if (next_kept_ == kept_docs_.size()) return std::nullopt;
  if (!kept_in_) kept_in_ = kept_->reader();
  const Kept& k = kept_docs_[next_kept_++];
  RawDocument d;
  d.text.resize(k.size);
  kept_in_->read(d.text.data(), static_cast<std::streamsize>(k.size));
  if (static_cast<std::size_t>(kept_in_->gcount()) != k.size)
    throw Error(Location{input_.name}, "cannot read back the temporary copy of the input");
  d.index = k.index;
  d.first_line = k.first_line;
  d.bom = k.bom;
  return d;
}

std::optional<RawDocument> Source::next() {
  if (auto d = replay()) return d;
  return pull();
}

std::optional<RawDocument> Source::peek_content() {
  while (auto raw = pull()) {
    keep(*raw);
    if (raw->text.find_first_not_of(" \t\r\n") != std::string::npos) return raw;
  }
  return std::nullopt;
}

void Source::read_through(const std::function<void(const RawDocument&)>& each) {
  // What was kept and not yet processed is seen too, then replayed again.
  std::size_t resume = next_kept_;
  while (auto d = replay()) each(*d);
  next_kept_ = resume;
  kept_in_.reset();  // a new reader sees what is kept below as well
  while (auto d = pull()) {
    keep(*d);
    each(*d);
  }
}

}  // namespace kinject
