// The commands from end to end: read every input, find the workloads,
// decide, inject (or uninject, or only check), write, report. Output is all
// or nothing: nothing reaches `out` (or any file) unless every document of
// every input succeeded.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "kinject/base/disk.h"
#include "kinject/istio/injector.h"
#include "kinject/pipeline/options.h"

namespace kinject {

// Runs a command. Returns the exit status: 0 success; 1 error (inject,
// uninject) or changes (check); 2 error (check). Errors are written to `err`
// as "kinject: error: ...".
int run(const Options& opts, Disk& disk, std::istream& in, std::ostream& out, std::ostream& err, const EnvLookup& env);

// The inject command (run() with Command::Inject).
int run_inject(const Options& opts, Disk& disk, std::istream& in, std::ostream& out, std::ostream& err, const EnvLookup& env);

// The streams of several files as one stream on stdout: a file that does
// not open a document with `---` gets one, so that the last document of a
// file and the first of the next stay two documents.
std::string join_streams(const std::vector<std::string_view>& texts);

}  // namespace kinject
