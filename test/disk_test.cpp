#include "kinject/base/disk.h"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

#include <sys/stat.h>
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

}  // namespace

TEST_CASE("replace is atomic and keeps permissions", "[disk]") {
  RealDisk disk;
  std::string dir = temp_dir();
  std::string path = dir + "/a.yaml";
  std::ofstream(path) << "old\n";
  ::chmod(path.c_str(), 0640);
  disk.replace(path, "new\n");
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
  CHECK_THROWS_WITH(disk.replace(path, "new\n"), Catch::Contains("cannot create a temporary file"));
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
  CHECK_THROWS_WITH(disk.replace("d/x.yaml", "y"), Catch::Contains("no file was changed"));
  CHECK(*disk.file("d/x.yaml") == "x");
}

TEST_CASE("a spool holds output in memory, then in a temporary file it removes", "[disk]") {
  std::string dir = fmt::format("/tmp/kinject-spool-test-{}", ::getpid());
  REQUIRE(::mkdir(dir.c_str(), 0700) == 0);
  {
    Spool s(dir, 10);
    s.write("0123456789");
    CHECK_FALSE(s.on_disk());
    CHECK(s.last() == '9');
    s.write("abc");
    CHECK(s.on_disk());
    CHECK(s.size() == 13);
    CHECK(s.str() == "0123456789abc");
    std::ostringstream out;
    s.copy_to(out);
    CHECK(out.str() == "0123456789abc");
    auto in = s.reader();
    std::string back((std::istreambuf_iterator<char>(*in)), std::istreambuf_iterator<char>());
    CHECK(back == "0123456789abc");
  }
  // The temporary file went with the spool.
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
  disk.replace(dir + "/app.yaml", "new\n");
  CHECK(disk.is_symlink(dir + "/app.yaml"));
  std::ifstream in(dir + "/base/app.yaml");
  std::stringstream s;
  s << in.rdbuf();
  CHECK(s.str() == "new\n");
  // No temporary file left beside the link or the target.
  CHECK(disk.list(dir).size() == 2);
  CHECK(disk.list(dir + "/base").size() == 1);
  // The same file by two names is written twice: refused, nothing changed.
  CHECK_THROWS_WITH(disk.replace_all({{dir + "/app.yaml", "a\n"}, {dir + "/base/app.yaml", "b\n"}}),
                    Catch::Contains("are the same file") && Catch::Contains("No file was changed"));
  std::ifstream again(dir + "/base/app.yaml");
  std::stringstream t;
  t << again.rdbuf();
  CHECK(t.str() == "new\n");
  std::system(fmt::format("rm -rf '{}'", dir).c_str());
}
