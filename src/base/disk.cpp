#include "kinject/base/disk.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "kinject/base/error.h"

namespace kinject {

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

namespace {

std::string dir_of(const std::string& path) {
  auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

}  // namespace

namespace {

struct Staged {
  std::string path, tmp, backup;
  bool renamed = false;
};

void remove_staged(std::vector<Staged>& staged) {
  for (auto& s : staged) {
    if (!s.tmp.empty()) ::unlink(s.tmp.c_str());
    if (!s.backup.empty()) ::unlink(s.backup.c_str());
  }
}

[[noreturn]] void fail(std::vector<Staged>& staged, const std::string& path, const std::string& what, int err) {
  remove_staged(staged);
  throw Error(Location{path}, fmt::format("{}: {}; no file was changed", what, std::strerror(err)));
}

}  // namespace

namespace {

// The file a path names: a symbolic link is followed to its target, so that
// the target gets the new content and the link stays a link.
std::string file_behind(const std::string& path) {
  struct ::stat st {};
  if (::lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return path;
  char* real = ::realpath(path.c_str(), nullptr);
  if (!real) throw Error(Location{path}, fmt::format("cannot follow the symbolic link: {}; no file was changed", std::strerror(errno)));
  std::string out = real;
  std::free(real);
  return out;
}

}  // namespace

void RealDisk::replace_all(const std::vector<std::pair<std::string, std::string>>& given) {
  std::vector<std::pair<std::string, std::string>> files;
  std::vector<std::pair<dev_t, ino_t>> seen;
  for (const auto& [path, content] : given) {
    std::string target = file_behind(path);
    struct ::stat st {};
    if (::stat(target.c_str(), &st) == 0) {
      for (std::size_t i = 0; i < seen.size(); ++i)
        if (seen[i] == std::pair{st.st_dev, st.st_ino})
          throw Error(Location{path}, fmt::format("{} and {} are the same file, to be written twice; give it once. No file "
                                                  "was changed",
                                                  given[i].first, path));
      seen.emplace_back(st.st_dev, st.st_ino);
    } else {
      seen.emplace_back(0, 0);
    }
    files.emplace_back(std::move(target), content);
  }
  std::vector<Staged> staged;
  staged.reserve(files.size());
  // Phase 1: refuse what is read-only, then write every new content beside
  // its target. Nothing visible has changed yet.
  for (const auto& [path, content] : files) {
    struct ::stat st {};
    mode_t mode = 0644;
    if (::stat(path.c_str(), &st) == 0) {
      if ((st.st_mode & 0222) == 0) {
        remove_staged(staged);
        throw Error(Location{path}, "the file is read-only (chmod u+w to let kinject rewrite it); no file was changed");
      }
      mode = st.st_mode & 07777;
    }
    struct ::stat dst {};
    if (::stat(dir_of(path).c_str(), &dst) == 0 && (dst.st_mode & 0222) == 0) {
      remove_staged(staged);
      throw Error(Location{path}, "its directory is read-only; no file was changed");
    }
    Staged s;
    s.path = path;
    std::string tmpl = dir_of(path) + "/.kinject-XXXXXX";
    std::vector<char> name(tmpl.begin(), tmpl.end());
    name.push_back('\0');
    int fd = ::mkstemp(name.data());
    if (fd < 0) fail(staged, path, "cannot create a temporary file next to it", errno);
    s.tmp = name.data();
    staged.push_back(s);
    const char* p = content.data();
    std::size_t left = content.size();
    while (left > 0) {
      ssize_t n = ::write(fd, p, left);
      if (n < 0) {
        if (errno == EINTR) continue;
        int err = errno;
        ::close(fd);
        fail(staged, path, "cannot write the new content", err);
      }
      p += n;
      left -= static_cast<std::size_t>(n);
    }
    if (::fchmod(fd, mode) != 0 || ::fsync(fd) != 0) {
      int err = errno;
      ::close(fd);
      fail(staged, path, "cannot flush the new content to disk", err);
    }
    if (::close(fd) != 0) fail(staged, path, "cannot close the temporary file", errno);
  }
  // Phase 2: keep a hard link to each original, then rename the new files
  // over them. A failing rename puts the renamed ones back.
  for (auto& s : staged) {
    if (::access(s.path.c_str(), F_OK) == 0) {
      std::string b = s.tmp + ".orig";
      if (::link(s.path.c_str(), b.c_str()) == 0) s.backup = b;
    }
  }
  for (std::size_t i = 0; i < staged.size(); ++i) {
    if (::rename(staged[i].tmp.c_str(), staged[i].path.c_str()) == 0) {
      staged[i].renamed = true;
      staged[i].tmp.clear();
      continue;
    }
    int err = errno;
    for (std::size_t j = 0; j < i; ++j)
      if (!staged[j].backup.empty() && ::rename(staged[j].backup.c_str(), staged[j].path.c_str()) == 0) staged[j].backup.clear();
    fail(staged, staged[i].path, "cannot replace the file", err);
  }
  for (auto& s : staged) {
    if (!s.backup.empty()) ::unlink(s.backup.c_str());
    // Make the rename durable too.
    int dfd = ::open(dir_of(s.path).c_str(), O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
      ::fsync(dfd);
      ::close(dfd);
    }
  }
}

void MemoryDisk::add_file(const std::string& path, std::string content) { files_[path] = std::move(content); }

void MemoryDisk::add_dir(const std::string& path) { dirs_.push_back(path); }

const std::string* MemoryDisk::file(const std::string& path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

PathKind MemoryDisk::stat(const std::string& path) const {
  if (files_.count(path)) return PathKind::File;
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
  for (auto& d : dirs_) add(d);
  return out;
}

std::unique_ptr<std::istream> MemoryDisk::open(const std::string& path) const {
  if (std::find(unreadable_.begin(), unreadable_.end(), path) != unreadable_.end())
    throw Error(Location{path}, "cannot open file: Permission denied (give the user running kinject read permission)");
  auto it = files_.find(path);
  if (it == files_.end()) throw Error(Location{path}, "cannot open file: No such file or directory (check the path)");
  return std::make_unique<std::istringstream>(it->second);
}

void MemoryDisk::replace_all(const std::vector<std::pair<std::string, std::string>>& files) {
  for (const auto& [path, _] : files)
    if (std::find(failing_.begin(), failing_.end(), path) != failing_.end())
      throw Error(Location{path}, "cannot write the new content: No space left on device; no file was changed");
  for (const auto& [path, content] : files) files_[path] = content;
}

// ---------------------------------------------------------------- Spool

Spool::Spool(std::string temp_dir, std::size_t memory_limit) : temp_dir_(std::move(temp_dir)), limit_(memory_limit) {}

Spool::~Spool() {
  if (fd_ >= 0) {
    ::close(fd_);
    ::unlink(path_.c_str());
  }
}

void Spool::spill() {
  std::string name = temp_dir_ + "/kinject-spool-XXXXXX";
  int fd = ::mkstemp(name.data());
  if (fd < 0)
    throw Error(Location{temp_dir_}, fmt::format("cannot create a temporary file for the output: {} (set TMPDIR to "
                                                 "a writable directory)",
                                                 std::strerror(errno)));
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
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd_, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0)
      throw Error(Location{path_}, fmt::format("cannot write the output to its temporary file: {}",
                                               n < 0 ? std::strerror(errno) : "no space left"));
    done += static_cast<std::size_t>(n);
  }
  size_ += text.size();
}

std::unique_ptr<std::istream> Spool::reader() const {
  if (fd_ < 0) return std::make_unique<std::istringstream>(mem_);
  auto in = std::make_unique<std::ifstream>(path_, std::ios::binary);
  if (!*in) throw Error(Location{path_}, fmt::format("cannot read back the temporary file: {}", std::strerror(errno)));
  return in;
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
