// The output invariant over the whole real corpus, through every kind of
// input a user gives kinject: each file as a file, in a directory, under
// -R, on stdin, as `-f -`, as `-f /dev/stdin`, as a process substitution
// <(...) and through a named FIFO, each with the default rules, with
// `--rules istio` (namespaces from the stream: the input is read through
// first) and with native sidecars. Every run must end as the plain file's
// run ends, with the same output; a run that exits 0 has passed the output
// guard (output_guard.h), and no run may end in an internal error.
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "kinject/pipeline/pipeline.h"
#include "support.h"

using namespace kinject;
using namespace kinject::test;

namespace {

enum class Mode { Default, RulesIstio, Native };

const char* mode_name(Mode m) { return m == Mode::Default ? "default rules" : m == Mode::RulesIstio ? "--rules istio" : "native sidecars"; }

struct Outcome {
  int rc = 0;
  std::string out, err;
};

Outcome run_with(Mode mode, std::vector<std::string> inputs, bool recursive, std::istream& in, Disk& disk) {
  Options o;
  o.inputs = std::move(inputs);
  o.recursive = recursive;
  o.report = ReportFormat::None;
  if (mode == Mode::RulesIstio) o.rules = "istio";
  EnvLookup env = mode == Mode::Native ? env_with("ENABLE_NATIVE_SIDECARS", "true") : no_env();
  std::ostringstream out, err;
  int rc = run_inject(o, disk, in, out, err, env);
  return {rc, out.str(), err.str()};
}

void write_file(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// Writes `text` to `fd` from another thread, as the other end of a pipe
// does; gives up quietly when the reader goes (EPIPE).
class Feeder {
 public:
  Feeder(int fd, std::string text) : text_(std::move(text)), thread_([this, fd] { feed(fd); }) {}
  ~Feeder() { thread_.join(); }

 private:
  void feed(int fd) {
    std::size_t done = 0;
    while (done < text_.size()) {
      ssize_t n = ::write(fd, text_.data() + done, text_.size() - done);
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    ::close(fd);
  }
  std::string text_;
  std::thread thread_;
};

class Matrix {
 public:
  Matrix() {
    std::signal(SIGPIPE, SIG_IGN);
    // A run with stdin closed (CI's may be) would hand out fd 0 as a pipe's
    // end below: give fd 0 something to be first.
    if (::fcntl(0, F_GETFD) < 0) {
      int fd = ::open("/dev/null", O_RDONLY);
      if (fd > 0) {
        ::dup2(fd, 0);
        ::close(fd);
      }
    }
    char tmpl[] = "/tmp/kinject-matrix-XXXXXX";
    REQUIRE(::mkdtemp(tmpl) != nullptr);
    root_ = tmpl;
  }
  ~Matrix() { std::system(fmt::format("rm -rf '{}'", root_).c_str()); }

  using Kind = std::function<Outcome(Mode, const std::string& path, const std::string& text)>;

  Outcome file(Mode m, const std::string& path, const std::string&) {
    std::istringstream none;
    return run_with(m, {path}, false, none, disk_);
  }
  Outcome directory(Mode m, const std::string& path, const std::string& text) {
    std::string dir = fresh_dir();
    write_file(dir + "/" + base(path), text);
    std::istringstream none;
    return run_with(m, {dir}, false, none, disk_);
  }
  Outcome recursive(Mode m, const std::string& path, const std::string& text) {
    std::string dir = fresh_dir();
    ::mkdir((dir + "/a").c_str(), 0755);
    ::mkdir((dir + "/a/b").c_str(), 0755);
    write_file(dir + "/a/b/" + base(path), text);
    std::istringstream none;
    return run_with(m, {dir}, true, none, disk_);
  }
  Outcome stdin_implicit(Mode m, const std::string&, const std::string& text) {
    std::istringstream in(text);
    return run_with(m, {}, false, in, disk_);
  }
  Outcome stdin_dash(Mode m, const std::string&, const std::string& text) {
    std::istringstream in(text);
    return run_with(m, {"-"}, false, in, disk_);
  }
  // `-f /dev/stdin` with stdin a pipe: the process's own fd 0 is replaced
  // for the run.
  Outcome dev_stdin(Mode m, const std::string&, const std::string& text) {
    int p[2];
    REQUIRE(::pipe(p) == 0);
    int saved = ::dup(0);
    REQUIRE(saved >= 0);
    ::dup2(p[0], 0);
    ::close(p[0]);
    Outcome r;
    {
      Feeder feed(p[1], text);
      std::istringstream none;
      r = run_with(m, {"/dev/stdin"}, false, none, disk_);
      ::dup2(saved, 0);  // the reader goes: the feeder stops
    }
    ::close(saved);
    return r;
  }
  // <(cat file): a pipe named /dev/fd/N.
  Outcome process_substitution(Mode m, const std::string&, const std::string& text) {
    int p[2];
    REQUIRE(::pipe(p) == 0);
    Outcome r;
    {
      Feeder feed(p[1], text);
      std::istringstream none;
      r = run_with(m, {fmt::format("/dev/fd/{}", p[0])}, false, none, disk_);
      ::close(p[0]);
    }
    return r;
  }
  Outcome fifo(Mode m, const std::string&, const std::string& text) {
    std::string path = fmt::format("{}/fifo-{}", root_, ++count_);
    REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
    Outcome r;
    {
      std::thread writer([&] {
        int fd = ::open(path.c_str(), O_WRONLY);
        if (fd < 0) return;
        Feeder feed(fd, text);
      });
      std::istringstream none;
      r = run_with(m, {path}, false, none, disk_);
      // A run that never opened the FIFO leaves the writer waiting for a
      // reader: be one, briefly.
      int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK);
      if (fd >= 0) ::close(fd);
      writer.join();
    }
    ::unlink(path.c_str());
    return r;
  }

  // Every corpus file through `kinds`, in `mode`, against the plain file.
  void check(const std::vector<std::string>& paths, Mode mode, const std::vector<std::pair<const char*, Kind>>& kinds) {
    long runs = 0, files = 0, injected_files = 0, refused = 0;
    for (const auto& path : paths) {
      std::string text = slurp(path);
      Outcome want = file(mode, path, text);
      ++files;
      ++runs;
      INFO(path << " (" << mode_name(mode) << ")");
      CHECK_THAT(want.err, !Catch::Contains("internal error"));
      if (want.rc != 0) {
        ++refused;
        CHECK(want.out.empty());
      } else if (want.out != text) {
        ++injected_files;
      }
      for (const auto& [name, kind] : kinds) {
        INFO(name);
        Outcome got = kind(mode, path, text);
        ++runs;
        CHECK_THAT(got.err, !Catch::Contains("internal error"));
        CHECK(got.rc == want.rc);
        CHECK(got.out == want.out);
      }
    }
    fmt::print("input matrix ({}): {} files x {} input kinds = {} runs; {} files changed, {} refused with an error, "
               "0 internal errors\n",
               mode_name(mode), files, kinds.size() + 1, runs, injected_files, refused);
  }

  std::vector<std::pair<const char*, Kind>> files_and_dirs() {
    using namespace std::placeholders;
    return {{"directory", std::bind(&Matrix::directory, this, _1, _2, _3)},
            {"-R", std::bind(&Matrix::recursive, this, _1, _2, _3)},
            {"stdin", std::bind(&Matrix::stdin_implicit, this, _1, _2, _3)}};
  }
  std::vector<std::pair<const char*, Kind>> streams() {
    using namespace std::placeholders;
    return {{"-f -", std::bind(&Matrix::stdin_dash, this, _1, _2, _3)},
            {"-f /dev/stdin", std::bind(&Matrix::dev_stdin, this, _1, _2, _3)},
            {"<(...)", std::bind(&Matrix::process_substitution, this, _1, _2, _3)},
            {"FIFO", std::bind(&Matrix::fifo, this, _1, _2, _3)}};
  }

 private:
  static std::string base(const std::string& path) { return path.substr(path.rfind('/') + 1); }
  std::string fresh_dir() {
    std::string dir = fmt::format("{}/d{}", root_, ++count_);
    ::mkdir(dir.c_str(), 0755);
    return dir;
  }

  RealDisk disk_;
  std::string root_;
  long count_ = 0;
};

}  // namespace

// Every real manifest of the reference data; without it, the manifests of
// the repository (test/fixtures, the golden inputs) in every mode and kind.
std::vector<std::string> matrix_files(const Disk& disk) {
  if (auto root = reference_data(); root && disk.stat(*root + "/corpus/real") == PathKind::Directory)
    return manifest_files(disk, *root + "/corpus/real");
  return fixture_files(disk);
}

TEST_CASE("input matrix: files, directories, -R and stdin, default rules", "[matrix][corpus]") {
  Matrix m;
  m.check(matrix_files(RealDisk()), Mode::Default, m.files_and_dirs());
}
TEST_CASE("input matrix: files, directories, -R and stdin, --rules istio", "[matrix][corpus]") {
  Matrix m;
  m.check(matrix_files(RealDisk()), Mode::RulesIstio, m.files_and_dirs());
}
TEST_CASE("input matrix: files, directories, -R and stdin, native sidecars", "[matrix][corpus]") {
  Matrix m;
  m.check(matrix_files(RealDisk()), Mode::Native, m.files_and_dirs());
}
TEST_CASE("input matrix: pipes (-f -, /dev/stdin, process substitution, FIFO), default rules", "[matrix][corpus]") {
  Matrix m;
  m.check(matrix_files(RealDisk()), Mode::Default, m.streams());
}
TEST_CASE("input matrix: pipes (-f -, /dev/stdin, process substitution, FIFO), --rules istio", "[matrix][corpus]") {
  Matrix m;
  m.check(matrix_files(RealDisk()), Mode::RulesIstio, m.streams());
}
TEST_CASE("input matrix: pipes (-f -, /dev/stdin, process substitution, FIFO), native sidecars", "[matrix][corpus]") {
  Matrix m;
  m.check(matrix_files(RealDisk()), Mode::Native, m.streams());
}
