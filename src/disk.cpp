#include "kinject/disk.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kinject/error.h"

namespace kinject {

PathKind RealDisk::stat(const std::string& path) const {
  struct ::stat st {};
  if (::stat(path.c_str(), &st) != 0) return PathKind::Missing;
  if (S_ISDIR(st.st_mode)) return PathKind::Directory;
  if (S_ISREG(st.st_mode)) return PathKind::File;
  return PathKind::Other;
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
  if (!*in) throw Error(Location{path}, fmt::format("cannot open file: {}", std::strerror(errno)));
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

void RealDisk::replace(const std::string& path, const std::string& content) {
  struct ::stat st {};
  mode_t mode = 0644;
  if (::stat(path.c_str(), &st) == 0) mode = st.st_mode & 07777;
  std::string tmpl = dir_of(path) + "/.kinject-XXXXXX";
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0)
    throw Error(Location{path}, fmt::format("cannot create a temporary file next to it: {}", std::strerror(errno)));
  std::string tmp(name.data());
  auto fail = [&](const char* what) {
    int err = errno;
    ::close(fd);
    ::unlink(tmp.c_str());
    throw Error(Location{path}, fmt::format("{}: {}; the file was left unchanged", what, std::strerror(err)));
  };
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("cannot write the new content");
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, mode) != 0) fail("cannot set permissions");
  if (::fsync(fd) != 0) fail("cannot flush the new content to disk");
  if (::close(fd) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    throw Error(Location{path}, fmt::format("cannot close the temporary file: {}; the file was left unchanged", std::strerror(err)));
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    throw Error(Location{path}, fmt::format("cannot replace the file: {}; it was left unchanged", std::strerror(err)));
  }
  // Make the rename durable too.
  int dfd = ::open(dir_of(path).c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
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
  auto it = files_.find(path);
  if (it == files_.end()) throw Error(Location{path}, "cannot open file: No such file or directory");
  return std::make_unique<std::istringstream>(it->second);
}

void MemoryDisk::replace(const std::string& path, const std::string& content) {
  if (std::find(failing_.begin(), failing_.end(), path) != failing_.end())
    throw Error(Location{path}, "cannot write the new content: No space left on device; the file was left unchanged");
  files_[path] = content;
}

}  // namespace kinject
