// RealDisk's write side: the output-path policy (disk.h, WriteMode) on a
// real file system. Regular files are replaced atomically, all or none;
// devices, FIFOs, sockets and kinject's own descriptors are written through,
// after the replacements; anything else is refused before anything is
// written.
#include "kinject/base/disk.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <optional>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <fmt/format.h>

#include "kinject/base/error.h"
#include "write_fully.h"

namespace kinject {

namespace {

std::string dir_of(const std::string& path) {
  auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string base_of(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::optional<std::string> real_path(const std::string& path) {
  char* real = ::realpath(path.c_str(), nullptr);
  if (!real) return std::nullopt;
  std::string out = real;
  std::free(real);
  return out;
}

// `path` with its directory resolved (links, `.`, `..`) and its last name as
// given: the directory entry it names, whether or not the entry exists.
std::optional<std::string> entry_of(const std::string& path) {
  auto dir = real_path(dir_of(path));
  if (!dir) return std::nullopt;
  return *dir == "/" ? "/" + base_of(path) : *dir + "/" + base_of(path);
}

// N when `at` is /proc/PID/fd/N or /proc/PID/task/TID/fd/N of this process.
std::optional<int> fd_number(const std::string& at) {
  std::string_view rest = at;
  std::string self = fmt::format("/proc/{}/", ::getpid());
  if (rest.substr(0, self.size()) != self) return std::nullopt;
  rest.remove_prefix(self.size());
  if (rest.substr(0, 5) == "task/") {
    rest.remove_prefix(5);
    std::size_t digits = rest.find_first_not_of("0123456789");
    if (digits == 0 || digits == std::string_view::npos || rest[digits] != '/') return std::nullopt;
    rest.remove_prefix(digits + 1);
  }
  if (rest.substr(0, 3) != "fd/") return std::nullopt;
  rest.remove_prefix(3);
  if (rest.empty() || rest.size() > 9 || rest.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  return std::atoi(std::string(rest).c_str());
}

// The descriptor of this process a path names, if it names one:
// /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N, or a link to one of
// them. Its links are followed one at a time until one lands in this
// process's /proc/PID/fd (where the next step would be the open file itself:
// a log the shell opened with >>, which a rename would replace).
std::optional<int> own_descriptor(const std::string& path) {
  std::string p = path;
  for (int hop = 0; hop < 40; ++hop) {
    auto at = entry_of(p);
    if (!at) return std::nullopt;
    if (auto fd = fd_number(*at)) return fd;
    struct ::stat st {};
    if (::lstat(at->c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return std::nullopt;
    std::string target(4096, '\0');
    ssize_t n = ::readlink(at->c_str(), target.data(), target.size());
    if (n <= 0 || static_cast<std::size_t>(n) >= target.size()) return std::nullopt;
    target.resize(static_cast<std::size_t>(n));
    p = target[0] == '/' ? target : dir_of(*at) + "/" + target;
  }
  return std::nullopt;
}

OutputPath descriptor_output(int fd) {
  const char* name = fd == 0 ? " (standard input)" : fd == 1 ? " (standard output)" : fd == 2 ? " (standard error)" : "";
  OutputPath out{WriteMode::Stream, fmt::format("descriptor {} of kinject{}", fd, name), "", fd};
  int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0) {
    out.mode = WriteMode::Refuse;
    out.why = ", which is not open";
  } else if ((flags & O_ACCMODE) == O_RDONLY || (flags & O_PATH) != 0) {
    out.mode = WriteMode::Refuse;
    out.why = ", which is open only for reading";
  }
  return out;
}

OutputPath by_type(mode_t mode) {
  switch (mode & S_IFMT) {
    case S_IFREG: return {WriteMode::Replace, "a regular file", "", -1};
    case S_IFCHR: return {WriteMode::Stream, "a character device", "", -1};
    case S_IFIFO: return {WriteMode::Stream, "a FIFO", "", -1};
    case S_IFSOCK: return {WriteMode::Stream, "a socket", "", -1};
    case S_IFDIR: return {WriteMode::Refuse, "a directory", " (name a file, or - for standard output)", -1};
    case S_IFBLK: return {WriteMode::Refuse, "a block device", " (kinject writes files and streams, never disks)", -1};
    default: return {WriteMode::Refuse, "a file of a kind kinject does not write", "", -1};
  }
}

}  // namespace

OutputPath RealDisk::output_path(const std::string& path) const {
  if (auto fd = own_descriptor(path)) return descriptor_output(*fd);
  struct ::stat st {};
  if (::stat(path.c_str(), &st) == 0) return by_type(st.st_mode);
  int err = errno;
  struct ::stat link {};
  if (err == ENOENT && ::lstat(path.c_str(), &link) == 0)
    return {WriteMode::Refuse, "a symbolic link to nothing", " (create its target, or name a file)", -1};
  // A missing directory on the way fails when the temporary file is made,
  // with that message.
  if (err == ENOENT) return {WriteMode::Replace, "a new file", "", -1};
  return {WriteMode::Refuse, "this path", fmt::format(": {}", std::strerror(err)), -1};
}

namespace {

// One directory entry to replace. Several entries of one file (hard links)
// share the temporary file of the first, so that they stay one file.
struct Staged {
  std::string path;           // the entry (a link's target, its directory resolved)
  const std::string* content;
  std::string given;          // as the caller named it, for messages
  std::optional<std::pair<dev_t, ino_t>> file;  // the file it is now, if it exists
  std::size_t same_as;        // index of the entry whose temporary file it shares (itself if none)
  mode_t mode = 0644;         // its permissions, kept
  std::string tmp, backup;
};

void remove_staged(std::vector<Staged>& staged) {
  for (auto& s : staged) {
    if (!s.tmp.empty()) ::unlink(s.tmp.c_str());
    if (!s.backup.empty()) ::unlink(s.backup.c_str());
  }
}

[[noreturn]] void fail(std::vector<Staged>& staged, const Staged& s, const std::string& what, int err) {
  remove_staged(staged);
  throw Error(Location{s.given}, fmt::format("{}: {}; no file was changed", what, std::strerror(err)));
}

// Adds `path` to the entries to replace, unless it names one already there
// with the same content (a link and its target, read both by -R).
void add_entry(std::vector<Staged>& staged, const std::string& path, const std::string& content) {
  struct ::stat st {};
  Staged s{path, &content, path, std::nullopt, staged.size(), 0644, "", ""};
  if (::stat(path.c_str(), &st) == 0) {
    s.file = std::pair{st.st_dev, st.st_ino};
    // A symbolic link is written through: its target is the entry replaced.
    if (auto real = real_path(path)) s.path = *real;
  } else if (auto entry = entry_of(path)) {
    s.path = *entry;
  }
  for (std::size_t i = 0; i < staged.size(); ++i) {
    const Staged& t = staged[i];
    if (t.path != s.path && (!s.file || t.file != s.file)) continue;
    if (*t.content != content)
      throw Error(Location{path}, fmt::format("{} and {} are the same file, given two different contents; give it once. No "
                                              "file was changed",
                                              t.given, path));
    if (t.path == s.path) return;  // the same entry: written once
    s.same_as = t.same_as;         // another name of the file: stays one with it
  }
  staged.push_back(std::move(s));
}

// Writes every new content beside its target and flushes it; then renames
// them all over their targets, putting back the renamed ones if one fails.
void replace_files(std::vector<Staged>& staged) {
  // Phase 1: refuse what is read-only, then write every new content beside
  // its target. Nothing visible has changed yet.
  for (auto& s : staged) {
    struct ::stat st {};
    if (::stat(s.path.c_str(), &st) == 0) {
      if ((st.st_mode & 0222) == 0)
        throw Error(Location{s.given}, "the file is read-only (chmod u+w to let kinject rewrite it); no file was changed");
      s.mode = st.st_mode & 07777;
    }
    struct ::stat dst {};
    if (::stat(dir_of(s.path).c_str(), &dst) == 0 && (dst.st_mode & 0222) == 0)
      throw Error(Location{s.given}, "its directory is read-only; no file was changed");
  }
  for (std::size_t i = 0; i < staged.size(); ++i) {
    Staged& s = staged[i];
    std::string tmpl = dir_of(s.path) + "/.kinject-XXXXXX";
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0) fail(staged, s, "cannot create a temporary file next to it", errno);
    s.tmp = tmpl;
    if (s.same_as != i) {
      // Another name of a file staged before: a hard link to its new
      // content, made under a name no one else uses (the one mkstemp took).
      ::close(fd);
      std::string linked = s.tmp + ".link";
      if (::link(staged[s.same_as].tmp.c_str(), linked.c_str()) != 0) fail(staged, s, "cannot link the new content", errno);
      ::unlink(s.tmp.c_str());
      s.tmp = linked;
      continue;
    }
    std::size_t written = 0;
    if (int err = write_fully(fd, *s.content, written)) {
      ::close(fd);
      fail(staged, s, "cannot write the new content", err);
    }
    if (::fchmod(fd, s.mode) != 0 || ::fsync(fd) != 0) {
      int err = errno;
      ::close(fd);
      fail(staged, s, "cannot flush the new content to disk", err);
    }
    if (::close(fd) != 0) fail(staged, s, "cannot close the temporary file", errno);
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
      staged[i].tmp.clear();
      continue;
    }
    int err = errno;
    for (std::size_t j = 0; j < i; ++j)
      if (!staged[j].backup.empty() && ::rename(staged[j].backup.c_str(), staged[j].path.c_str()) == 0) staged[j].backup.clear();
    fail(staged, staged[i], "cannot replace the file", err);
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

// A stream to write through, once opened.
struct Stream {
  std::string path;
  const std::string* content;
  std::string what;
  int fd = -1;
  bool owned = false;  // opened here (closed here); not a descriptor of kinject's
};

// Opens a FIFO, a device or a socket for writing, as it is: no O_CREAT (it
// exists), no O_TRUNC (meaningless for them, and harmful should the path
// have become a regular file since it was looked at), O_NOCTTY (a terminal
// must not become kinject's controlling one). A FIFO waits here for a reader.
int open_stream(const std::string& path, const std::string& what) {
  struct ::stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISSOCK(st.st_mode)) {
    // A socket is not opened but connected to, as a stream.
    auto entry = real_path(path).value_or(path);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (entry.size() >= sizeof addr.sun_path)
      throw Error(Location{path}, fmt::format("cannot connect to the socket: its path is longer than {} bytes; no file was changed",
                                              sizeof addr.sun_path - 1));
    std::memcpy(addr.sun_path, entry.c_str(), entry.size() + 1);
    int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      int err = errno;
      if (fd >= 0) ::close(fd);
      const char* hint = err == ECONNREFUSED ? " (nothing listens on it)" : err == EPROTOTYPE ? " (it takes datagrams, not a stream)" : "";
      throw Error(Location{path}, fmt::format("cannot connect to the socket: {}{}; no file was changed", std::strerror(err), hint));
    }
    return fd;
  }
  int fd;
  do fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    int err = errno;
    const char* hint = err == EACCES ? " (give the user running kinject write permission)" : "";
    throw Error(Location{path}, fmt::format("cannot open {} for writing: {}{}; no file was changed", what, std::strerror(err), hint));
  }
  // It was looked at before it was opened: if it has become something
  // else since, writing into it would not be what was decided.
  if (::fstat(fd, &st) != 0 || S_ISREG(st.st_mode) || S_ISDIR(st.st_mode) || S_ISBLK(st.st_mode)) {
    ::close(fd);
    throw Error(Location{path}, fmt::format("was {} and changed while kinject ran; no file was changed", what));
  }
  return fd;
}

// SIGPIPE blocked for this thread while streams are written: a reader that
// goes away then makes the write fail with EPIPE, which becomes an error
// saying so, instead of a signal that ends kinject without a word. A SIGPIPE
// raised meanwhile is taken back before the mask is restored.
class SigpipeHeld {
 public:
  SigpipeHeld() {
    sigemptyset(&pipe_);
    sigaddset(&pipe_, SIGPIPE);
    sigset_t pending;
    sigpending(&pending);
    was_pending_ = sigismember(&pending, SIGPIPE) == 1;
    pthread_sigmask(SIG_BLOCK, &pipe_, &old_);
  }
  ~SigpipeHeld() {
    sigset_t pending;
    if (!was_pending_ && sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE) == 1) {
      timespec now{0, 0};
      sigtimedwait(&pipe_, nullptr, &now);
    }
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }
  SigpipeHeld(const SigpipeHeld&) = delete;
  SigpipeHeld& operator=(const SigpipeHeld&) = delete;

 private:
  sigset_t pipe_{}, old_{};
  bool was_pending_ = false;
};

void close_streams(std::vector<Stream>& streams) {
  for (auto& s : streams)
    if (s.owned && s.fd >= 0) ::close(s.fd);
}

// What a failing stream's message adds: what is already out there.
std::string written_before(const std::vector<Staged>& files, const std::vector<Stream>& streams, std::size_t failed) {
  std::vector<std::string> done;
  for (const auto& f : files) done.push_back(f.given);
  for (std::size_t i = 0; i < failed; ++i) done.push_back(streams[i].path);
  if (done.empty()) return "nothing else was written";
  std::string list;
  for (std::size_t i = 0; i < done.size() && i < 3; ++i) list += (i ? ", " : "") + done[i];
  if (done.size() > 3) list += fmt::format(" and {} more", done.size() - 3);
  return fmt::format("already written before it: {}", list);
}

}  // namespace

void RealDisk::write_all(const std::vector<std::pair<std::string, std::string>>& given) {
  // What each path names; what cannot be written is refused before
  // anything is.
  std::vector<Staged> files;
  std::vector<Stream> streams;
  for (const auto& [path, content] : given) {
    OutputPath where = output_path(path);
    switch (where.mode) {
      case WriteMode::Refuse:
        throw Error(Location{path}, fmt::format("cannot write to {}{}; no file was changed", where.what, where.why));
      case WriteMode::Stream: streams.push_back(Stream{path, &content, where.what, where.descriptor, false}); break;
      case WriteMode::Replace: add_entry(files, path, content); break;
    }
  }
  // The streams are opened first, so that one that cannot be (a device
  // without a driver, a socket nobody listens on, no permission) fails
  // while nothing has changed.
  try {
    for (auto& s : streams) {
      if (s.fd >= 0) continue;
      s.fd = open_stream(s.path, s.what);
      s.owned = true;
    }
    replace_files(files);
  } catch (...) {
    close_streams(streams);
    throw;
  }
  // Last the streams, in the order given: none of this can be taken back.
  if (streams.empty()) return;
  SigpipeHeld held;
  for (std::size_t i = 0; i < streams.size(); ++i) {
    Stream& s = streams[i];
    std::size_t written = 0;
    int err = write_fully(s.fd, *s.content, written);
    if (s.owned && ::close(s.fd) != 0 && err == 0) err = errno;
    s.fd = -1;
    if (err == 0) continue;
    close_streams(streams);
    const char* hint = err == EPIPE ? " (its reader went away before the end)" : "";
    throw Error(Location{s.path}, fmt::format("cannot write to {} after {} of {} bytes: {}{}; {}", s.what, written,
                                              s.content->size(), std::strerror(err), hint, written_before(files, streams, i)));
  }
}

}  // namespace kinject
