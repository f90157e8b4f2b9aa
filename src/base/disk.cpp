#include "kinject/base/disk.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <streambuf>
#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "kinject/base/error.h"
#include "write_fully.h"

namespace kinject {

std::string read_whole_file(const Disk& disk, const std::string& path) {
  auto in = disk.open(path);
  std::ostringstream ss;
  ss << in->rdbuf();
  if (in->bad()) throw Error(Location{path}, "read error");
  return ss.str();
}

PathKind RealDisk::stat(const std::string& path) const {
  struct ::stat st {};
  if (::stat(path.c_str(), &st) != 0) return PathKind::Missing;
  if (S_ISDIR(st.st_mode)) return PathKind::Directory;
  if (S_ISREG(st.st_mode)) return PathKind::File;
  return PathKind::Other;
}

bool RealDisk::is_symlink(const std::string& path) const {
  struct ::stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

std::vector<std::string> RealDisk::list(const std::string& dir) const {
  DIR* d = ::opendir(dir.c_str());
  if (!d) throw Error(Location{dir}, fmt::format("cannot read directory: {}", std::strerror(errno)));
  std::vector<std::string> out;
  while (auto* ent = ::readdir(d)) {
    std::string name = ent->d_name;
    if (name == "." || name == "..") continue;
    out.push_back(std::move(name));
  }
  ::closedir(d);
  return out;
}

std::unique_ptr<std::istream> RealDisk::open(const std::string& path) const {
  auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*in) {
    int err = errno;
    const char* hint = err == EACCES ? " (give the user running kinject read permission)"
                       : err == ENOENT ? " (check the path)"
                                       : "";
    throw Error(Location{path}, fmt::format("cannot open file: {}{}", std::strerror(err), hint));
  }
  return in;
}

void MemoryDisk::add_file(const std::string& path, std::string content) { files_[path] = std::move(content); }

void MemoryDisk::add_dir(const std::string& path) { dirs_.push_back(path); }

const std::string* MemoryDisk::file(const std::string& path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

const std::string* MemoryDisk::streamed(const std::string& path) const {
  auto it = streamed_.find(path);
  return it == streamed_.end() ? nullptr : &it->second;
}

void MemoryDisk::add_stream(const std::string& path, std::string content) { streams_[path] = std::move(content); }

PathKind MemoryDisk::stat(const std::string& path) const {
  if (files_.count(path)) return PathKind::File;
  if (streams_.count(path)) return PathKind::Other;
  if (std::find(dirs_.begin(), dirs_.end(), path) != dirs_.end()) return PathKind::Directory;
  std::string prefix = path + "/";
  for (auto& [p, _] : files_)
    if (p.compare(0, prefix.size(), prefix) == 0) return PathKind::Directory;
  return PathKind::Missing;
}

std::vector<std::string> MemoryDisk::list(const std::string& dir) const {
  if (stat(dir) != PathKind::Directory) throw Error(Location{dir}, "cannot read directory: no such directory");
  std::string prefix = dir + "/";
  std::vector<std::string> out;
  auto add = [&](const std::string& p) {
    if (p.compare(0, prefix.size(), prefix) != 0) return;
    std::string rest = p.substr(prefix.size());
    auto slash = rest.find('/');
    std::string name = slash == std::string::npos ? rest : rest.substr(0, slash);
    if (!name.empty() && std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  };
  for (auto& [p, _] : files_) add(p);
  for (auto& [p, _] : streams_) add(p);
  for (auto& d : dirs_) add(d);
  return out;
}

std::unique_ptr<std::istream> MemoryDisk::open(const std::string& path) const {
  if (std::find(unreadable_.begin(), unreadable_.end(), path) != unreadable_.end())
    throw Error(Location{path}, "cannot open file: Permission denied (give the user running kinject read permission)");
  if (auto s = streams_.find(path); s != streams_.end()) return std::make_unique<std::istringstream>(s->second);
  auto it = files_.find(path);
  if (it == files_.end()) throw Error(Location{path}, "cannot open file: No such file or directory (check the path)");
  return std::make_unique<std::istringstream>(it->second);
}

OutputPath MemoryDisk::output_path(const std::string& path) const {
  if (streams_.count(path)) return {WriteMode::Stream, "a FIFO", "", -1};
  switch (stat(path)) {
    case PathKind::Directory: return {WriteMode::Refuse, "a directory", " (name a file)", -1};
    case PathKind::File: return {WriteMode::Replace, "a regular file", "", -1};
    case PathKind::Other: return {WriteMode::Stream, "a special file", "", -1};
    case PathKind::Missing: break;
  }
  return {WriteMode::Replace, "a new file", "", -1};
}

void MemoryDisk::write_all(const std::vector<std::pair<std::string, std::string>>& files) {
  for (const auto& [path, _] : files) {
    OutputPath where = output_path(path);
    if (where.mode == WriteMode::Refuse)
      throw Error(Location{path}, fmt::format("cannot write to {}{}; no file was changed", where.what, where.why));
    if (std::find(failing_.begin(), failing_.end(), path) != failing_.end())
      throw Error(Location{path}, "cannot write the new content: No space left on device; no file was changed");
  }
  for (const auto& [path, content] : files)
    if (output_path(path).mode == WriteMode::Replace) files_[path] = content;
  for (const auto& [path, content] : files)
    if (output_path(path).mode == WriteMode::Stream) streamed_[path] += content;
}

// ---------------------------------------------------------------- Spool

Spool::Spool(std::string temp_dir, std::size_t memory_limit) : temp_dir_(std::move(temp_dir)), limit_(memory_limit) {}

Spool::~Spool() {
  if (fd_ >= 0) ::close(fd_);
}

void Spool::spill() {
  std::string name = temp_dir_ + "/kinject-spool-XXXXXX";
  int fd = ::mkstemp(name.data());
  if (fd < 0)
    throw Error(Location{temp_dir_}, fmt::format("cannot create a temporary file for the output: {} (set TMPDIR to "
                                                 "a writable directory)",
                                                 std::strerror(errno)));
  // Unlinked at once: the descriptor keeps the file while the spool lives,
  // and nothing is left in TMPDIR whatever ends the process (a kill, or the
  // command line ending it without freeing, Options::process_ends_after_run).
  ::unlink(name.c_str());
  fd_ = fd;
  path_ = name;
  std::string held = std::move(mem_);
  mem_.clear();
  mem_.shrink_to_fit();
  size_ -= held.size();
  write(held);
}

void Spool::write(std::string_view text) {
  if (text.empty()) return;
  last_ = text.back();
  if (fd_ < 0) {
    if (mem_.size() + text.size() <= limit_) {
      mem_.append(text);
      size_ += text.size();
      return;
    }
    spill();
  }
  std::size_t written = 0;
  if (int err = write_fully(fd_, text, written))
    throw Error(Location{path_}, fmt::format("cannot write the output to its temporary file: {}", std::strerror(err)));
  size_ += text.size();
}

namespace {

// Reads a spilled spool through its descriptor (the file has no name any
// more), from the start, with pread: each reader keeps its own offset.
class SpoolReadBuf : public std::streambuf {
 public:
  explicit SpoolReadBuf(int fd) : fd_(fd), buf_(1u << 16) {}

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    ssize_t n;
    do n = ::pread(fd_, buf_.data(), buf_.size(), offset_);
    while (n < 0 && errno == EINTR);
    if (n < 0) throw Error(fmt::format("cannot read back the output's temporary file: {}", std::strerror(errno)));
    if (n == 0) return traits_type::eof();
    offset_ += n;
    setg(buf_.data(), buf_.data(), buf_.data() + n);
    return traits_type::to_int_type(*gptr());
  }

 private:
  int fd_;
  off_t offset_ = 0;
  std::vector<char> buf_;
};

class SpoolReader : public std::istream {
 public:
  explicit SpoolReader(int fd) : std::istream(nullptr), buf_(fd) { rdbuf(&buf_); }

 private:
  SpoolReadBuf buf_;
};

}  // namespace

std::unique_ptr<std::istream> Spool::reader() const {
  if (fd_ < 0) return std::make_unique<std::istringstream>(mem_);
  return std::make_unique<SpoolReader>(fd_);
}

void Spool::copy_to(std::ostream& out) const {
  if (fd_ < 0) {
    out << mem_;
    return;
  }
  auto in = reader();
  std::string chunk(1u << 16, '\0');
  while (*in) {
    in->read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    out.write(chunk.data(), in->gcount());
  }
  if (in->bad()) throw Error(Location{path_}, "cannot read back the temporary file");
}

std::string Spool::str() const {
  if (fd_ < 0) return mem_;
  std::ostringstream s;
  copy_to(s);
  return s.str();
}

}  // namespace kinject
