// The file system as kinject uses it. Everything that touches the disk goes
// through this interface so that tests (and in-place rewriting's failure
// cases) run against an in-memory fake.
#pragma once

#include <istream>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace kinject {

enum class PathKind { Missing, File, Directory, Other };

class Disk {
 public:
  virtual ~Disk() = default;
  virtual PathKind stat(const std::string& path) const = 0;
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
  // or in a read-only directory is refused, even for root.
  virtual void replace_all(const std::vector<std::pair<std::string, std::string>>& files) = 0;
  // One file.
  void replace(const std::string& path, const std::string& content) { replace_all({{path, content}}); }
};

class RealDisk : public Disk {
 public:
  PathKind stat(const std::string& path) const override;
  std::vector<std::string> list(const std::string& dir) const override;
  std::unique_ptr<std::istream> open(const std::string& path) const override;
  void replace_all(const std::vector<std::pair<std::string, std::string>>& files) override;
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
