// The command line's inputs: which files (or stdin) a run reads.
#pragma once

#include <string>
#include <vector>

#include "kinject/base/disk.h"

namespace kinject {

struct Input {
  std::string name;  // as shown to the user; "-" for stdin
  std::string path;  // empty for stdin
  bool is_stdin() const { return path.empty(); }
};

// Expands command-line arguments the way kubectl -f does: "-" is stdin, a
// directory yields its .yaml/.yml/.json files sorted by name (recursively
// with `recursive`), a file named explicitly is read whatever its extension.
// No argument at all means stdin. Throws Error for a missing path or a
// directory without manifests. Inside a directory, -R does not follow a
// symbolic link to a directory (kubectl's -R does not); `notes` gets a line
// for each one skipped. A link to a file is read, and so is a directory
// named by a link on the command line.
std::vector<Input> collect_inputs(const std::vector<std::string>& args, bool recursive, const Disk& disk,
                                  std::vector<std::string>* notes = nullptr);

// -i rewrites an input by renaming a new file over it (disk.h, WriteMode):
// an input that is not a regular file or a link to one (a FIFO, a device,
// /dev/stdin, a process substitution's /dev/fd/N) can be read, not
// rewritten. Throws Error saying so; called for every input before any is
// read.
void check_rewritable(const Input& input, const Disk& disk);

}  // namespace kinject
