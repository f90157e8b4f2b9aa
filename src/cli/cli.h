// The parts of kinject's command line that are not injection (the version).
// Linked into the kinject executable only (kinject_core has no CLI11).
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace kinject::cli {

// From the build (cmake/build_info.cmake): project(kinject VERSION ...) and
// `git describe --always --dirty` of the source tree, "unknown" outside Git.
extern const char* const kVersion;
extern const char* const kCommit;

// What `kinject version` and `kinject --version` print: the version, the
// commit, and each built-in profile's Istio release and proxy image, read
// from the embedded profile.
std::string version_text();

// Adds `--version` to app and returns the `version` subcommand.
CLI::App* add_version(CLI::App& app);

}  // namespace kinject::cli
