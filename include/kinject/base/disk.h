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
  // Replaces several files as one: every new content is first written to a
  // temporary file next to its target and flushed to disk; only when all of
  // them are there are they renamed over their targets (keeping each file's
  // permissions). If anything fails, every file is left as it was and Error
  // says which and why. A file that is read-only (no write permission bit)
  // or in a read-only directory is refused, even for root. A symbolic link
  // is written through: its target gets the new content, the link stays. Two
  // paths that are the same file are refused.
  virtual void replace_all(const std::vector<std::pair<std::string, std::string>>& files) = 0;
  // One file.
  void replace(const std::string& path, const std::string& content) { replace_all({{path, content}}); }
};

class RealDisk : public Disk {
 public:
  PathKind stat(const std::string& path) const override;
  bool is_symlink(const std::string& path) const override;
  std::vector<std::string> list(const std::string& dir) const override;
  std::unique_ptr<std::istream> open(const std::string& path) const override;
  void replace_all(const std::vector<std::pair<std::string, std::string>>& files) override;
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
  const std::string* file(const std::string& path) const;

  PathKind stat(const std::string& path) const override;
  std::vector<std::string> list(const std::string& dir) const override;
  std::unique_ptr<std::istream> open(const std::string& path) const override;
  void replace_all(const std::vector<std::pair<std::string, std::string>>& files) override;

  // Makes replace() fail for this path (simulates a full disk or a
  // read-only directory).
  void fail_writes_to(const std::string& path) { failing_.push_back(path); }
  // Makes open() fail for this path, as for a file without read permission.
  void fail_reads_of(const std::string& path) { unreadable_.push_back(path); }

 private:
  std::map<std::string, std::string> files_;
  std::vector<std::string> dirs_;
  std::vector<std::string> failing_;
  std::vector<std::string> unreadable_;
};

}  // namespace kinject
