#include "kinject/base/disk.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "kinject/base/error.h"

using namespace kinject;

namespace {

std::string temp_dir() {
  char tmpl[] = "/tmp/kinject-disk-XXXXXX";
  REQUIRE(::mkdtemp(tmpl) != nullptr);
  return tmpl;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void remove_tree(const std::string& dir) { std::system(fmt::format("rm -rf '{}'", dir).c_str()); }

// The reading end of a FIFO or a socket, drained in a thread until the
// writer closes it or 20 seconds pass: a writer that never comes (a FIFO
// renamed over) must fail the test, not hang the suite.
class Drain {
 public:
  // A FIFO: opened now, without waiting for a writer. With `stop_after`,
  // the reader closes its end once it has that many bytes.
  static Drain fifo(const std::string& path, std::size_t stop_after = std::string::npos) {
    int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK);
    REQUIRE(fd >= 0);
    Drain d(fd, false);
    d.stop_after_ = stop_after;
    return d;
  }
  // A Unix stream socket bound at `path`: the first connection is read.
  static Drain socket(const std::string& path) {
    int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    REQUIRE(path.size() < sizeof addr.sun_path);
    std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    REQUIRE(::listen(fd, 1) == 0);
    return Drain(fd, true);
  }
  Drain(Drain&& other) noexcept : fd_(other.fd_), listening_(other.listening_), stop_after_(other.stop_after_) { other.fd_ = -1; }
  ~Drain() {
    if (thread_.joinable()) thread_.join();
    if (fd_ >= 0) ::close(fd_);
  }
  void start() {
    thread_ = std::thread([this] { got_ = collect(); });
  }
  // Everything read, once the writer is done.
  std::string finish() {
    if (thread_.joinable()) thread_.join();
    return got_;
  }
  // The first bytes seen arrive here before they are read (to look at
  // the disk at that moment).
  std::function<void()> on_first;

 private:
  Drain(int fd, bool listening) : fd_(fd), listening_(listening) {}
  bool wait_readable(int fd, std::chrono::steady_clock::time_point until) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now()).count();
    if (left <= 0) return false;
    pollfd p{fd, POLLIN, 0};
    return ::poll(&p, 1, static_cast<int>(left)) > 0;
  }
  std::string collect() {
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    int fd = fd_;
    if (listening_) {
      if (!wait_readable(fd_, until)) return "(nobody connected)";
      fd = ::accept(fd_, nullptr, nullptr);
      if (fd < 0) return "(accept failed)";
    }
    std::string out;
    bool first = true;
    char buf[4096];
    while (wait_readable(fd, until)) {
      if (first && on_first) on_first();
      first = false;
      ssize_t n = ::read(fd, buf, sizeof buf);
      if (n <= 0) break;
      out.append(buf, static_cast<std::size_t>(n));
      if (out.size() >= stop_after_) break;
    }
    if (listening_) {
      ::close(fd);
    } else if (out.size() >= stop_after_) {
      ::close(fd_);  // the reader goes away
      fd_ = -1;
    }
    return out;
  }
  int fd_;
  bool listening_;
  std::size_t stop_after_ = std::string::npos;
  std::thread thread_;
  std::string got_;
};

// Root can make device nodes; anyone else skips these cases.
bool make_null_device(const std::string& path) {
  if (::mknod(path.c_str(), S_IFCHR | 0666, ::makedev(1, 3)) == 0) {
    int fd = ::open(path.c_str(), O_WRONLY);
    if (fd >= 0) {
      ::close(fd);
      return true;
    }
    fmt::print("kinject-skip: {}: a device node made there cannot be opened (a file system mounted nodev)\n", path);
    return false;
  }
  fmt::print("kinject-skip: cannot make a device node ({}): needs root\n", std::strerror(errno));
  return false;
}

bool is_char_device(const std::string& path, unsigned major, unsigned minor) {
  struct ::stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISCHR(st.st_mode) && ::major(st.st_rdev) == major && ::minor(st.st_rdev) == minor;
}

mode_t type_of(const std::string& path) {
  struct ::stat st {};
  return ::lstat(path.c_str(), &st) == 0 ? (st.st_mode & S_IFMT) : 0;
}

}  // namespace

TEST_CASE("replace is atomic and keeps permissions", "[disk]") {
  RealDisk disk;
  std::string dir = temp_dir();
  std::string path = dir + "/a.yaml";
  std::ofstream(path) << "old\n";
  ::chmod(path.c_str(), 0640);
  disk.write(path, "new\n");
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  CHECK(s.str() == "new\n");
  struct ::stat st {};
  ::stat(path.c_str(), &st);
  CHECK((st.st_mode & 07777) == 0640);
  CHECK(disk.list(dir).size() == 1);  // no temporary file left behind
  ::unlink(path.c_str());
  ::rmdir(dir.c_str());
}

TEST_CASE("replace fails cleanly when no temporary file can be made next to the target", "[disk]") {
  RealDisk disk;
  std::string dir = temp_dir();
  std::string path = dir + "/gone/a.yaml";
  CHECK_THROWS_WITH(disk.write(path, "new\n"), Catch::Contains("cannot create a temporary file"));
  CHECK(disk.stat(path) == PathKind::Missing);
  ::rmdir(dir.c_str());
}

TEST_CASE("the memory disk behaves like a directory tree", "[disk]") {
  MemoryDisk disk;
  disk.add_file("d/x.yaml", "x");
  CHECK(disk.stat("d") == PathKind::Directory);
  CHECK(disk.stat("d/x.yaml") == PathKind::File);
  CHECK(disk.stat("e") == PathKind::Missing);
  disk.fail_writes_to("d/x.yaml");
  CHECK_THROWS_WITH(disk.write("d/x.yaml", "y"), Catch::Contains("no file was changed"));
  CHECK(*disk.file("d/x.yaml") == "x");
}

TEST_CASE("a spool holds output in memory, then in a temporary file without a name", "[disk]") {
  std::string dir = fmt::format("/tmp/kinject-spool-test-{}", ::getpid());
  REQUIRE(::mkdir(dir.c_str(), 0700) == 0);
  {
    Spool s(dir, 10);
    s.write("0123456789");
    CHECK_FALSE(s.on_disk());
    CHECK(s.last() == '9');
    s.write("abc");
    CHECK(s.on_disk());
    // The file has no name from the start (a process that ends without
    // freeing, or is killed, leaves nothing in TMPDIR).
    CHECK(::rmdir(dir.c_str()) == 0);
    REQUIRE(::mkdir(dir.c_str(), 0700) == 0);
    CHECK(s.size() == 13);
    CHECK(s.str() == "0123456789abc");
    std::ostringstream out;
    s.copy_to(out);
    CHECK(out.str() == "0123456789abc");
    auto in = s.reader();
    auto in2 = s.reader();  // readers of one spool keep their own places
    std::string back((std::istreambuf_iterator<char>(*in)), std::istreambuf_iterator<char>());
    CHECK(back == "0123456789abc");
    std::string back2((std::istreambuf_iterator<char>(*in2)), std::istreambuf_iterator<char>());
    CHECK(back2 == "0123456789abc");
  }
  // Nothing was left.
  CHECK(::rmdir(dir.c_str()) == 0);
  // A directory it cannot write to is an error that says what to do.
  Spool bad("/nonexistent-dir", 1);
  CHECK_THROWS_WITH(bad.write("xy"), Catch::Contains("TMPDIR"));
}

// Regression: -i renamed the new content over a symbolic link, which
// became a regular file while its target kept the old manifest.
TEST_CASE("disk: replacing through a symbolic link writes its target and keeps the link (regression)", "[disk]") {
  RealDisk disk;
  std::string dir = temp_dir();
  ::mkdir((dir + "/base").c_str(), 0755);
  std::ofstream(dir + "/base/app.yaml") << "old\n";
  REQUIRE(::symlink("base/app.yaml", (dir + "/app.yaml").c_str()) == 0);
  disk.write(dir + "/app.yaml", "new\n");
  CHECK(disk.is_symlink(dir + "/app.yaml"));
  std::ifstream in(dir + "/base/app.yaml");
  std::stringstream s;
  s << in.rdbuf();
  CHECK(s.str() == "new\n");
  // No temporary file left beside the link or the target.
  CHECK(disk.list(dir).size() == 2);
  CHECK(disk.list(dir + "/base").size() == 1);
  // The same file by two names is written twice: refused, nothing changed.
  CHECK_THROWS_WITH(disk.write_all({{dir + "/app.yaml", "a\n"}, {dir + "/base/app.yaml", "b\n"}}),
                    Catch::Contains("are the same file") && Catch::Contains("No file was changed"));
  std::ifstream again(dir + "/base/app.yaml");
  std::stringstream t;
  t << again.rdbuf();
  CHECK(t.str() == "new\n");
  std::system(fmt::format("rm -rf '{}'", dir).c_str());
}

// Regression (issue 22): `--report-file /dev/null` and `kube-inject -o
// /dev/null` renamed a regular file over the device when run as root, and
// exited 0. A character device is opened and written through. The node is
// made in a temporary directory: the real /dev/null is never a target.
TEST_CASE("disk: a character device given as an output was replaced by a regular file (regression)", "[disk]") {
  std::string dir = temp_dir();
  std::string null = dir + "/null";
  if (!make_null_device(null)) return remove_tree(dir);
  RealDisk disk;
  disk.write_all({{dir + "/a.yaml", "new\n"}, {null, "report\n"}});
  CHECK(is_char_device(null, 1, 3));
  CHECK(slurp(dir + "/a.yaml") == "new\n");
  CHECK(disk.list(dir).size() == 2);  // nothing left beside them
  // The same device named twice (-o /dev/null --report-file /dev/null): both are written.
  disk.write_all({{null, "manifests\n"}, {null, "report\n"}});
  CHECK(is_char_device(null, 1, 3));
  remove_tree(dir);
}

// Regression (issue 22): a FIFO given to --report-file, -o or -i became a
// regular file and its reader got nothing.
TEST_CASE("disk: a FIFO given as an output was replaced by a regular file (regression)", "[disk]") {
  std::string dir = temp_dir();
  std::string fifo = dir + "/out.fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
  // More than a pipe's buffer: the writer must wait for the reader.
  std::string big(1 << 20, 'x');
  Drain reader = Drain::fifo(fifo);
  reader.start();
  RealDisk disk;
  disk.write(fifo, big);
  std::string got = reader.finish();
  CHECK(got.size() == big.size());
  CHECK(got.find_first_not_of('x') == std::string::npos);
  CHECK(type_of(fifo) == S_IFIFO);
  CHECK(disk.list(dir).size() == 1);
  remove_tree(dir);
}

TEST_CASE("disk: a Unix socket given as an output was replaced by a regular file (regression)", "[disk]") {
  std::string dir = temp_dir();
  std::string sock = dir + "/out.sock";
  Drain server = Drain::socket(sock);
  server.start();
  RealDisk disk;
  disk.write(sock, "report\n");
  CHECK(server.finish() == "report\n");
  CHECK(type_of(sock) == S_IFSOCK);
  remove_tree(dir);
}

// Regression (issue 22, item 5): -i -R refused a tree in which one manifest
// is a symbolic link to another ("the same file, to be written twice"); -R
// reads both and both get the same new content. The target is written once
// and the link stays a link.
TEST_CASE("disk: a link and its target given the same new content were refused as one file written twice (regression)", "[disk]") {
  std::string dir = temp_dir();
  std::ofstream(dir + "/app.yaml") << "old\n";
  REQUIRE(::symlink("app.yaml", (dir + "/link.yaml").c_str()) == 0);
  RealDisk disk;
  disk.write_all({{dir + "/app.yaml", "new\n"}, {dir + "/link.yaml", "new\n"}});
  CHECK(slurp(dir + "/app.yaml") == "new\n");
  CHECK(disk.is_symlink(dir + "/link.yaml"));
  CHECK(disk.list(dir).size() == 2);
  // Different contents for one file stay an error, and nothing changes.
  CHECK_THROWS_WITH(disk.write_all({{dir + "/link.yaml", "a\n"}, {dir + "/app.yaml", "b\n"}}),
                    Catch::Contains("are the same file") && Catch::Contains("No file was changed"));
  CHECK(slurp(dir + "/app.yaml") == "new\n");
  // Hard links with the same content: each name gets it, and they stay one file.
  REQUIRE(::link((dir + "/app.yaml").c_str(), (dir + "/hard.yaml").c_str()) == 0);
  disk.write_all({{dir + "/hard.yaml", "newer\n"}, {dir + "/app.yaml", "newer\n"}, {dir + "/link.yaml", "newer\n"}});
  struct ::stat a {}, h {};
  REQUIRE(::stat((dir + "/app.yaml").c_str(), &a) == 0);
  REQUIRE(::stat((dir + "/hard.yaml").c_str(), &h) == 0);
  CHECK(a.st_ino == h.st_ino);
  CHECK(a.st_nlink == 2);
  CHECK(slurp(dir + "/hard.yaml") == "newer\n");
  CHECK(disk.is_symlink(dir + "/link.yaml"));
  CHECK(disk.list(dir).size() == 3);
  remove_tree(dir);
}

// Regression: two names of a file that does not exist yet were each renamed
// into place, the second silently replacing the first.
TEST_CASE("disk: two names of one missing file were both written, the second winning (regression)", "[disk]") {
  std::string dir = temp_dir();
  RealDisk disk;
  CHECK_THROWS_WITH(disk.write_all({{dir + "/out.yaml", "manifests\n"}, {dir + "/./out.yaml", "report\n"}}),
                    Catch::Contains("are the same file"));
  CHECK(disk.list(dir).empty());
  remove_tree(dir);
}

// Regression (issue 22): `--report-file /dev/stderr 2>>log` renamed a new
// file over the log, losing what was in it. A path that names one of the
// process's own descriptors is that descriptor: written through, at its
// offset and with its flags (O_APPEND here).
TEST_CASE("disk: /dev/fd/N of a file open for appending was replaced, losing its content (regression)", "[disk]") {
  std::string dir = temp_dir();
  std::string log = dir + "/log.txt";
  std::ofstream(log) << "earlier\n";
  int fd = ::open(log.c_str(), O_WRONLY | O_APPEND);
  REQUIRE(fd >= 0);
  struct ::stat before {};
  REQUIRE(::stat(log.c_str(), &before) == 0);
  RealDisk disk;
  disk.write(fmt::format("/dev/fd/{}", fd), "report\n");
  disk.write(fmt::format("/proc/self/fd/{}", fd), "again\n");
  ::close(fd);
  CHECK(slurp(log) == "earlier\nreport\nagain\n");
  struct ::stat after {};
  REQUIRE(::stat(log.c_str(), &after) == 0);
  CHECK(after.st_ino == before.st_ino);
  // A pipe behind /dev/fd/N (a process substitution, `| cmd`) gets it too.
  int p[2];
  REQUIRE(::pipe(p) == 0);
  disk.write(fmt::format("/dev/fd/{}", p[1]), "through a pipe\n");
  ::close(p[1]);
  char buf[64];
  ssize_t n = ::read(p[0], buf, sizeof buf);
  ::close(p[0]);
  CHECK(std::string(buf, static_cast<std::size_t>(std::max<ssize_t>(n, 0))) == "through a pipe\n");
  remove_tree(dir);
}

TEST_CASE("disk: what each kind of output path names decides how it is written", "[disk]") {
  std::string dir = temp_dir();
  RealDisk disk;
  std::ofstream(dir + "/file.yaml") << "x\n";
  REQUIRE(::symlink("file.yaml", (dir + "/link.yaml").c_str()) == 0);
  REQUIRE(::symlink("nowhere.yaml", (dir + "/dangling.yaml").c_str()) == 0);
  REQUIRE(::mkfifo((dir + "/fifo").c_str(), 0644) == 0);
  Drain sock = Drain::socket(dir + "/sock");
  auto mode = [&](const std::string& path) { return disk.output_path(path).mode; };
  CHECK(mode(dir + "/file.yaml") == WriteMode::Replace);
  CHECK(mode(dir + "/link.yaml") == WriteMode::Replace);
  CHECK(mode(dir + "/new.yaml") == WriteMode::Replace);
  CHECK(mode(dir + "/fifo") == WriteMode::Stream);
  CHECK(disk.output_path(dir + "/fifo").what == "a FIFO");
  CHECK(mode(dir + "/sock") == WriteMode::Stream);
  CHECK(mode(dir) == WriteMode::Refuse);
  CHECK(disk.output_path(dir).what == "a directory");
  CHECK(mode(dir + "/dangling.yaml") == WriteMode::Refuse);
  CHECK(mode(dir + "/file.yaml/x") == WriteMode::Refuse);  // not a directory on the way
  // A descriptor of the process's own, whatever is behind it: written
  // through if it is open for writing, refused if only for reading.
  int p[2];
  REQUIRE(::pipe(p) == 0);
  OutputPath w = disk.output_path(fmt::format("/dev/fd/{}", p[1]));
  CHECK(w.mode == WriteMode::Stream);
  CHECK(w.descriptor == p[1]);
  OutputPath r = disk.output_path(fmt::format("/proc/self/fd/{}", p[0]));
  CHECK(r.mode == WriteMode::Refuse);
  CHECK_THAT(r.why, Catch::Contains("open only for reading"));
  ::close(p[0]);
  ::close(p[1]);
  int file = ::open((dir + "/file.yaml").c_str(), O_WRONLY);
  REQUIRE(file >= 0);
  CHECK(disk.output_path(fmt::format("/dev/fd/{}", file)).mode == WriteMode::Stream);
  ::close(file);
  CHECK(disk.output_path(fmt::format("/dev/fd/{}", file)).mode == WriteMode::Refuse);  // closed now
  CHECK(disk.output_path("/dev/stdout").descriptor == 1);
  CHECK(disk.output_path("/dev/stderr").descriptor == 2);
  remove_tree(dir);
}

TEST_CASE("disk: a directory given as an output is refused before anything is written", "[disk]") {
  std::string dir = temp_dir();
  std::ofstream(dir + "/a.yaml") << "old\n";
  ::mkdir((dir + "/sub").c_str(), 0755);
  RealDisk disk;
  CHECK_THROWS_WITH(disk.write_all({{dir + "/a.yaml", "new\n"}, {dir + "/sub", "report\n"}}),
                    Catch::Contains("sub: cannot write to a directory") && Catch::Contains("no file was changed"));
  CHECK(slurp(dir + "/a.yaml") == "old\n");
  CHECK(disk.list(dir + "/sub").empty());
  CHECK(disk.list(dir).size() == 2);
  remove_tree(dir);
}

// A FIFO's reader that goes away makes the write fail with EPIPE: an error
// naming the FIFO, not a SIGPIPE that ends kinject without a word.
TEST_CASE("disk: a FIFO whose reader goes away is a located error, not a SIGPIPE", "[disk]") {
  std::string dir = temp_dir();
  std::string fifo = dir + "/out.fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
  Drain reader = Drain::fifo(fifo, 10);
  reader.start();
  RealDisk disk;
  CHECK_THROWS_WITH(disk.write(fifo, std::string(1 << 20, 'x')),
                    Catch::Contains("out.fifo: cannot write to a FIFO after") && Catch::Contains("Broken pipe") &&
                        Catch::Contains("nothing else was written"));
  CHECK(reader.finish().size() >= 10);
  // No SIGPIPE left pending or blocked behind.
  sigset_t pending, mask;
  sigpending(&pending);
  CHECK(sigismember(&pending, SIGPIPE) == 0);
  pthread_sigmask(SIG_BLOCK, nullptr, &mask);
  CHECK(sigismember(&mask, SIGPIPE) == 0);
  remove_tree(dir);
}

// A stream cannot be taken back, so it is written after every file was
// replaced: when its reader sees the first byte, the files are there.
TEST_CASE("disk: streams are written after every regular file was replaced", "[disk]") {
  std::string dir = temp_dir();
  std::ofstream(dir + "/a.yaml") << "old\n";
  std::string fifo = dir + "/report.fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
  Drain reader = Drain::fifo(fifo);
  std::string seen;
  reader.on_first = [&] { seen = slurp(dir + "/a.yaml"); };
  reader.start();
  RealDisk disk;
  disk.write_all({{fifo, "report\n"}, {dir + "/a.yaml", "new\n"}});
  CHECK(reader.finish() == "report\n");
  CHECK(seen == "new\n");
  remove_tree(dir);
}

// Opening comes before any replacement: a socket nobody listens on (or a
// device without a driver, or no permission) fails with nothing changed.
TEST_CASE("disk: a stream that cannot be opened fails before any file is replaced", "[disk]") {
  std::string dir = temp_dir();
  std::ofstream(dir + "/a.yaml") << "old\n";
  std::string sock = dir + "/gone.sock";
  { Drain closed = Drain::socket(sock); }  // bound, then closed: the socket file stays, nobody listens
  RealDisk disk;
  CHECK_THROWS_WITH(disk.write_all({{dir + "/a.yaml", "new\n"}, {sock, "report\n"}}),
                    Catch::Contains("gone.sock: cannot connect to the socket") && Catch::Contains("no file was changed"));
  CHECK(slurp(dir + "/a.yaml") == "old\n");
  CHECK(disk.list(dir).size() == 2);
  remove_tree(dir);
}

TEST_CASE("disk: the memory disk keeps the output-path policy: refusals first, files, then streams", "[disk]") {
  MemoryDisk disk;
  disk.add_file("d/a.yaml", "old");
  disk.add_stream("r.fifo");
  CHECK(disk.output_path("r.fifo").mode == WriteMode::Stream);
  CHECK(disk.output_path("d").mode == WriteMode::Refuse);
  CHECK_THROWS_WITH(disk.write_all({{"d/a.yaml", "new"}, {"d", "x"}}), Catch::Contains("cannot write to a directory"));
  CHECK(*disk.file("d/a.yaml") == "old");
  disk.write_all({{"r.fifo", "one "}, {"d/a.yaml", "new"}, {"r.fifo", "two"}});
  CHECK(*disk.file("d/a.yaml") == "new");
  CHECK(*disk.streamed("r.fifo") == "one two");
  CHECK(disk.file("r.fifo") == nullptr);
}
