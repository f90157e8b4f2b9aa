#include "kinject/pipeline/sources.h"

#include <array>
#include <cstdint>
#include <cstring>

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

namespace {

// What the spool holds of a kept document before its bytes: its size and its
// place in the stream. Kept with the bytes, on disk when they are, so that
// the memory a read-through takes does not grow with the number of
// documents.
// The layout: size (8 bytes), index (4), first line (4), BOM (1), in the
// machine's byte order (the spool lives only as long as the run).
static_assert(sizeof(int) == 4);
constexpr std::size_t kHeaderBytes = 17;

std::array<char, kHeaderBytes> header_bytes(const RawDocument& d) {
  std::uint64_t size = d.text.size();
  std::array<char, kHeaderBytes> b{};
  std::memcpy(b.data(), &size, 8);
  std::memcpy(b.data() + 8, &d.index, 4);
  std::memcpy(b.data() + 12, &d.first_line, 4);
  b[16] = d.bom ? 1 : 0;
  return b;
}

}  // namespace

void Source::keep(const RawDocument& d) {
  if (!kept_) kept_ = std::make_unique<Spool>(temp_dir_);
  auto header = header_bytes(d);
  kept_->write(std::string_view(header.data(), header.size()));
  kept_->write(d.text);
  ++kept_count_;
}

// The next kept document, if any is left.
std::optional<RawDocument> Source::replay() {
  if (next_kept_ == kept_count_) return std::nullopt;
  if (!kept_in_) kept_in_ = kept_->reader();
  ++next_kept_;
  auto fail = [&] { return Error(Location{input_.name}, "cannot read back the temporary copy of the input"); };
  std::array<char, kHeaderBytes> b{};
  kept_in_->read(b.data(), static_cast<std::streamsize>(b.size()));
  if (static_cast<std::size_t>(kept_in_->gcount()) != b.size()) throw fail();
  std::uint64_t size = 0;
  RawDocument d;
  std::memcpy(&size, b.data(), 8);
  std::memcpy(&d.index, b.data() + 8, 4);
  std::memcpy(&d.first_line, b.data() + 12, 4);
  d.bom = b[16] != 0;
  d.text.resize(size);
  kept_in_->read(d.text.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::size_t>(kept_in_->gcount()) != size) throw fail();
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
