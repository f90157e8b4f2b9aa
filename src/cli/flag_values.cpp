// An option that takes a value takes the next word, whatever it is: CLI11
// (like kubectl's pflag) reads `kinject -n -f app.yaml` as the namespace
// "-f" and app.yaml as a file, and the run goes on in a namespace nobody
// meant. Every value-taking option of every command is guarded here at once,
// so that an option added later is guarded too.
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/cli.h"

namespace kinject::cli {

namespace {

// `-x...` or `--x...`: a flag's spelling. "-" alone is stdin (or stdout), and
// a dash before a digit a negative number, which the option's own type
// judges.
bool looks_like_a_flag(const std::string& value) {
  if (value.size() < 2 || value[0] != '-') return false;
  char second = value[1];
  return second == '-' || (second >= 'a' && second <= 'z') || (second >= 'A' && second <= 'Z');
}

void guard(CLI::App& app) {
  for (CLI::Option* opt : app.get_options()) {
    if (opt->get_positional() || opt->get_items_expected_max() <= 0) continue;
    const std::string name = opt->get_name();
    const bool file = opt->get_type_name().find("FILE") != std::string::npos;
    // transform() puts the check before the option's own (IsMember would
    // otherwise answer first, with a list of values that misses the point).
    opt->transform(CLI::Validator(
        [name, file](std::string& value) -> std::string {
          if (!looks_like_a_flag(value)) return {};
          std::string flag = value.substr(0, value.find('='));
          std::string text =
              fmt::format("\"{}\" is a flag, not a value; write the value right after {} ({} VALUE {} ...)", value, name, name, flag);
          if (file) text += fmt::format(", and a file whose name starts with '-' as ./{}", value);
          return text;
        },
        ""));
  }
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) guard(*sub);
}

}  // namespace

void refuse_flags_as_values(CLI::App& app) { guard(app); }

}  // namespace kinject::cli
