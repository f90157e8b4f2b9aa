#include "kinject/pipeline/inputs.h"

#include <algorithm>

#include <fmt/format.h>

#include "kinject/base/error.h"

namespace kinject {

namespace {

bool manifest_extension(const std::string& name) {
  auto ends = [&](std::string_view suf) {
    return name.size() >= suf.size() && name.compare(name.size() - suf.size(), suf.size(), suf) == 0;
  };
  return ends(".yaml") || ends(".yml") || ends(".json");
}

void walk(const std::string& dir, bool recursive, const Disk& disk, std::vector<Input>& out, std::vector<std::string>* notes) {
  auto names = disk.list(dir);
  std::sort(names.begin(), names.end());
  for (auto& name : names) {
    std::string path = dir == "/" ? "/" + name : dir + "/" + name;
    PathKind kind = disk.stat(path);
    if (kind == PathKind::Directory) {
      // kubectl's -R (filepath.Walk) does not follow a link to a directory:
      // a link back up would make the walk endless, or repeat what it reads.
      if (recursive && disk.is_symlink(path)) {
        if (notes) notes->push_back(fmt::format("{}: a symbolic link to a directory; -R does not follow it, as kubectl's -R "
                                                "does not (name the directory itself to read it)",
                                                path));
      } else if (recursive) {
        walk(path, recursive, disk, out, notes);
      }
    } else if (kind == PathKind::File && manifest_extension(name)) {
      out.push_back(Input{path, path});
    }
  }
}

}  // namespace

std::vector<Input> collect_inputs(const std::vector<std::string>& args, bool recursive, const Disk& disk,
                                  std::vector<std::string>* notes) {
  std::vector<Input> out;
  if (args.empty()) {
    out.push_back(Input{"-", ""});
    return out;
  }
  for (const auto& arg : args) {
    if (arg == "-") {
      out.push_back(Input{"-", ""});
      continue;
    }
    std::string path = arg;
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    switch (disk.stat(path)) {
      case PathKind::Missing:
        throw Error(Location{arg}, "no such file or directory");
      case PathKind::Directory: {
        std::size_t before = out.size();
        walk(path, recursive, disk, out, notes);
        if (out.size() == before)
          throw Error(Location{arg}, recursive ? "directory holds no .yaml, .yml or .json files"
                                               : "directory holds no .yaml, .yml or .json files (use -R to read its subdirectories)");
        break;
      }
      default:
        out.push_back(Input{arg, path});
    }
  }
  return out;
}

void check_rewritable(const Input& input, const Disk& disk) {
  if (input.is_stdin()) throw Error("--in-place needs files to rewrite; it cannot be used with stdin").as_usage();
  OutputPath where = disk.output_path(input.path);
  if (where.mode == WriteMode::Replace && where.descriptor < 0) return;
  throw Error(Location{input.name}, fmt::format("--in-place rewrites a file, and this is {}: it can be read, not rewritten; "
                                                "drop -i and redirect the output (kinject -f {} > out.yaml)",
                                                where.what, input.name));
}

}  // namespace kinject
