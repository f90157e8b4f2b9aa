// The file system as kinject uses it. Everything that touches the disk goes
// through this interface so that tests (and in-place rewriting's failure
// cases) run against an in-memory fake.
#pragma once

#include <istream>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kinject {

enum class PathKind { Missing, File, Directory, Other };

// How kinject writes a path it is asked to write: the one output-path policy
// of the program (docs/robustness.md, "Output paths"), decided here for every
// flag that takes one (-i, kube-inject -o, --report-file).
enum class WriteMode {
  // Missing, or a regular file (through symbolic links: the target gets the
  // content, the link stays): a temporary file beside it, flushed, renamed
  // over it together with the others, all or none.
  Replace,
  // A character device, FIFO or socket (through links), or a descriptor
  // kinject has open (/dev/stdout, /dev/stderr, /dev/fd/N, whatever is
  // behind it): opened as it is and written through, as every Unix tool
  // does. It cannot be atomic, so it comes after every replacement.
  Stream,
  // Anything else (a directory, a block device, a link to nothing, a
  // descriptor open only for reading): refused before anything is written.
  Refuse,
};

struct OutputPath {
  WriteMode mode = WriteMode::Replace;
  std::string what;     // what the path names, for messages: "a regular file", "a FIFO", "descriptor 1 of kinject (standard output)"
  std::string why;      // Refuse: why, and what to do instead (starts with ", " or " (")
  int descriptor = -1;  // the descriptor of kinject's own the path names, else -1
};

class Disk {
 public:
  virtual ~Disk() = default;
  virtual PathKind stat(const std::string& path) const = 0;  // follows symbolic links
  // Whether the path itself is a symbolic link (the walk of -R does not
  // follow one to a directory, as kubectl's does not).
  virtual bool is_symlink(const std::string& path) const { (void)path; return false; }
  // Entries of a directory (names only, unsorted). Throws Error if unreadable.
  virtual std::vector<std::string> list(const std::string& dir) const = 0;
  // Opens a file for streaming reads. Throws Error naming the file if it
  // cannot be opened.
  virtual std::unique_ptr<std::istream> open(const std::string& path) const = 0;
  // What `path` names as an output, and so how write_all() writes it.
  virtual OutputPath output_path(const std::string& path) const = 0;
  // Writes several outputs as one, each as output_path() says. First every
  // path is looked at: one that is refused, or a read-only file (no write
  // permission bit, even for root) or directory, fails with nothing written.
  // Then the streams are opened (a FIFO waits here for its reader), so that
  // one that cannot be opened also fails with nothing written. Then every
  // file to replace is written to a temporary file next to it and flushed;
  // only when all are there are they renamed over their targets (keeping
  // each one's permissions); a failure leaves every file as it was. Last,
  // the streams are written, in the order given; a failure there says what
  // was already written. Two paths naming one regular file (a link and its
  // target, two hard links) with one content are written once, and a link
  // or a hard link stays one; with two contents they are refused. Two paths
  // naming one stream (`/dev/null` twice) are both written. Error says which
  // path and why.
  virtual void write_all(const std::vector<std::pair<std::string, std::string>>& files) = 0;
  // One output.
  void write(const std::string& path, const std::string& content) { write_all({{path, content}}); }
};

// The whole of a file the disk holds, as text. Throws Error (at the path)
// when it cannot be opened or read.
std::string read_whole_file(const Disk& disk, const std::string& path);

class RealDisk : public Disk {
 public:
  PathKind stat(const std::string& path) const override;
  bool is_symlink(const std::string& path) const override;
  std::vector<std::string> list(const std::string& dir) const override;
  std::unique_ptr<std::istream> open(const std::string& path) const override;
  OutputPath output_path(const std::string& path) const override;
  void write_all(const std::vector<std::pair<std::string, std::string>>& files) override;
};

// Output held back until a run has succeeded (nothing may reach stdout
// before): in memory up to `memory_limit` bytes, beyond that in a temporary
// file in `temp_dir` that is deleted when the spool goes, so that a run's
// memory does not grow with its output.
class Spool {
 public:
  explicit Spool(std::string temp_dir = "/tmp", std::size_t memory_limit = 8u << 20);
  ~Spool();
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;

  // Throws Error if the temporary file cannot be written (a full disk).
  void write(std::string_view text);
  std::size_t size() const { return size_; }
  char last() const { return last_; }  // the last byte written, '\0' if none
  // Writes everything to `out`, in chunks. Throws Error if the temporary
  // file cannot be read back.
  void copy_to(std::ostream& out) const;
  // Everything written, as one string (small outputs, tests).
  std::string str() const;
  // Reads everything written so far, from the start.
  std::unique_ptr<std::istream> reader() const;
  bool on_disk() const { return fd_ >= 0; }

 private:
  void spill();

  std::string temp_dir_;
  std::size_t limit_;
  std::string mem_;
  std::string path_;  // the temporary file, once spilled
  int fd_ = -1;
  std::size_t size_ = 0;
  char last_ = '\0';
};

// In-memory disk for tests: paths are plain strings, directories are implied
// by the files under them plus any added explicitly.
class MemoryDisk : public Disk {
 public:
  void add_file(const std::string& path, std::string content);
  void add_dir(const std::string& path);
  // A FIFO or device: read, it gives `content`; written, it keeps what came
  // (streamed()), and it stays what it is.
  void add_stream(const std::string& path, std::string content = "");
  const std::string* file(const std::string& path) const;
  const std::string* streamed(const std::string& path) const;

  PathKind stat(const std::string& path) const override;
  std::vector<std::string> list(const std::string& dir) const override;
  std::unique_ptr<std::istream> open(const std::string& path) const override;
  OutputPath output_path(const std::string& path) const override;
  // The policy of RealDisk's, without its checks of one file by two names:
  // refusals first, then the files (all or none), then the streams.
  void write_all(const std::vector<std::pair<std::string, std::string>>& files) override;

  // Makes write_all() fail for this path (simulates a full disk or a
  // read-only directory).
  void fail_writes_to(const std::string& path) { failing_.push_back(path); }
  // Makes open() fail for this path, as for a file without read permission.
  void fail_reads_of(const std::string& path) { unreadable_.push_back(path); }

 private:
  std::map<std::string, std::string> files_;
  std::map<std::string, std::string> streams_;   // what a stream gives when read
  std::map<std::string, std::string> streamed_;  // what was written to a stream
  std::vector<std::string> dirs_;
  std::vector<std::string> failing_;
  std::vector<std::string> unreadable_;
};

}  // namespace kinject
