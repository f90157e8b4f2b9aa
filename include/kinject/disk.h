// The file system as kinject uses it. Everything that touches the disk goes
// through this interface so that tests (and in-place rewriting's failure
// cases) run against an in-memory fake.
#pragma once

#include <istream>
#include <map>
#include <memory>
#include <string>
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
  // Replaces path's content atomically: temporary file in the same
  // directory, fsync, rename; the file's permissions are kept. Throws Error
  // and leaves path untouched on failure.
  virtual void replace(const std::string& path, const std::string& content) = 0;
};

class RealDisk : public Disk {
 public:
  PathKind stat(const std::string& path) const override;
  std::vector<std::string> list(const std::string& dir) const override;
  std::unique_ptr<std::istream> open(const std::string& path) const override;
  void replace(const std::string& path, const std::string& content) override;
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
  void replace(const std::string& path, const std::string& content) override;

  // Makes replace() fail for this path (simulates a full disk or a
  // read-only directory).
  void fail_writes_to(const std::string& path) { failing_.push_back(path); }

 private:
  std::map<std::string, std::string> files_;
  std::vector<std::string> dirs_;
  std::vector<std::string> failing_;
};

}  // namespace kinject
