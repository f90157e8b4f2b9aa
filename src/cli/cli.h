// The parts of kinject's command line that are not injection: the version,
// the shell completion scripts and the completion engine behind them. Linked
// into the kinject executable only (kinject_core has no CLI11).
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

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

// The shells `kinject completion SHELL` knows, and the script for one
// (src/cli/completions/kinject.SHELL, embedded at build time; the same file
// `cmake --install` puts where each shell looks).
inline constexpr const char* kShells[] = {"bash", "zsh", "fish"};
std::string_view completion_script(std::string_view shell);

// Adds `completion SHELL` (SHELL stored in shell) and returns it.
CLI::App* add_completion(CLI::App& app, std::string& shell);

// Makes every option of app and its subcommands that takes a value refuse
// one spelt like a flag (`-n -f app.yaml`: "-f" is no namespace), a usage
// error. Call it once every option is added.
void refuse_flags_as_values(CLI::App& app);

// The hidden command the scripts and kubectl_complete-inject call.
inline constexpr std::string_view kCompleteCommand = "__complete";

// Cobra's ShellCompDirective bits (kubectl reads them from a plugin's
// completion hook).
enum Directive : unsigned { Error = 1, NoSpace = 2, NoFileComp = 4, FilterFileExt = 8 };

// `kinject __complete ARG... CURRENT`: what may follow ARG... where CURRENT
// is being typed, from app's own subcommands and options. Prints one
// candidate per line (`word` or `word<TAB>description`), then `:DIRECTIVE`.
// With FilterFileExt the candidates are file extensions.
int complete(CLI::App& app, const std::vector<std::string>& args, std::ostream& out);

}  // namespace kinject::cli
