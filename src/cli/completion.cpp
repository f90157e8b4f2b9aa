// Shell completion: `kinject completion SHELL` prints a script, and the
// scripts (and kubectl, through kubectl_complete-inject) ask
// `kinject __complete` what may come next. The answers come from the CLI11
// definitions themselves, so a new flag or subcommand completes without
// touching any script.
#include <algorithm>

#include <CLI/CLI.hpp>

#include "cli/cli.h"

namespace kinject::embedded {
// src/cli/completions/*, embedded by cmake/embed.cmake.
extern const std::string_view kinject_bash;
extern const std::string_view kinject_zsh;
extern const std::string_view kinject_fish;
}  // namespace kinject::embedded

namespace kinject::cli {

std::string_view completion_script(std::string_view shell) {
  if (shell == "bash") return embedded::kinject_bash;
  if (shell == "zsh") return embedded::kinject_zsh;
  if (shell == "fish") return embedded::kinject_fish;
  return {};
}

CLI::App* add_completion(CLI::App& app, std::string& shell) {
  auto* cmd = app.add_subcommand("completion", "Print a shell completion script (bash, zsh or fish)");
  cmd->add_option("shell", shell, "bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember(std::vector<std::string>(std::begin(kShells), std::end(kShells))));
  return cmd;
}

namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool takes_value(const CLI::Option* opt) { return opt->get_items_expected_max() > 0; }

bool hidden(const CLI::Option* opt) { return opt->get_group().empty(); }

// The first line of a description, without tabs (the separator of the
// protocol).
std::string one_line(std::string text) {
  text = text.substr(0, text.find('\n'));
  std::replace(text.begin(), text.end(), '\t', ' ');
  return text;
}

struct Candidates {
  std::vector<std::pair<std::string, std::string>> words;  // word, description
  unsigned directive = NoFileComp;

  void add(std::string word, std::string description, std::string_view prefix) {
    if (!starts_with(word, prefix)) return;
    for (const auto& w : words)
      if (w.first == word) return;
    words.emplace_back(std::move(word), one_line(std::move(description)));
  }
};

const CLI::Option* find_option(const CLI::App& cmd, std::string_view name) {
  for (const CLI::Option* opt : cmd.get_options())
    if (!opt->get_lnames().empty() || !opt->get_snames().empty())
      if (opt->check_name(std::string(name))) return opt;
  return nullptr;
}

const CLI::App* find_subcommand(const CLI::App& cmd, std::string_view name) {
  for (const CLI::App* sub : cmd.get_subcommands({}))
    if (!sub->get_name().empty() && sub->check_name(std::string(name))) return sub;
  return nullptr;
}

// The pure positional argument of cmd (`files`, `shell`), if any.
const CLI::Option* positional(const CLI::App& cmd) {
  for (const CLI::Option* opt : cmd.get_options())
    if (opt->get_positional() && !opt->nonpositional()) return opt;
  return nullptr;
}

// Manifests: -f/--filename and the positional FILEs.
bool takes_manifests(const CLI::Option* opt) {
  const auto& l = opt->get_lnames();
  return opt->get_positional() || std::find(l.begin(), l.end(), "filename") != l.end();
}

// What a value of opt may be, from how it was declared: the members of an
// IsMember check (shown as TYPE:{a,b}), the literal alternatives of its type
// name (FILE|istio: lower case is literal, upper case a placeholder), and
// whether it is a FILE.
void complete_value(const CLI::Option* opt, std::string_view prefix, std::string_view word_prefix, Candidates& c) {
  std::string type = opt->get_type_name();
  std::vector<std::string> parts = CLI::detail::split(type, ':');
  bool file = false;
  if (!parts.empty()) {
    for (const std::string& alt : CLI::detail::split(parts[0], '|')) {
      if (alt == "FILE") file = true;
      else if (!alt.empty() && std::all_of(alt.begin(), alt.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; }))
        c.add(std::string(word_prefix) + alt, "", std::string(word_prefix) + std::string(prefix));
    }
  }
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const std::string& p = parts[i];
    if (p.size() < 2 || p.front() != '{' || p.back() != '}') continue;
    for (const std::string& v : CLI::detail::split(p.substr(1, p.size() - 2), ','))
      c.add(std::string(word_prefix) + v, "", std::string(word_prefix) + std::string(prefix));
  }
  if (!c.words.empty() || !file) return;
  if (takes_manifests(opt)) {
    for (const char* ext : {"yaml", "yml", "json"}) c.words.emplace_back(ext, "");
    c.directive = FilterFileExt;
  } else {
    c.directive = 0;  // any file: the shell's own file completion
  }
}

void complete_options(const CLI::App& cmd, std::string_view prefix, Candidates& c) {
  for (const CLI::Option* opt : cmd.get_options()) {
    if (hidden(opt)) continue;
    for (const std::string& s : opt->get_snames()) c.add("-" + s, opt->get_description(), prefix);
    for (const std::string& l : opt->get_lnames()) c.add("--" + l, opt->get_description(), prefix);
  }
}

}  // namespace

int complete(CLI::App& app, const std::vector<std::string>& given, std::ostream& out) {
  std::vector<std::string> args = given;
  if (args.empty()) args.emplace_back();
  const std::string cur = args.back();
  args.pop_back();

  const CLI::App* cmd = &app;
  const CLI::Option* pending = nullptr;  // an option still waiting for its value
  bool only_positionals = false;         // after `--`
  std::size_t positionals = 0;           // given to cmd
  for (const std::string& w : args) {
    if (pending) {
      pending = nullptr;
      continue;
    }
    if (!only_positionals && w == "--") {
      only_positionals = true;
      continue;
    }
    if (!only_positionals && starts_with(w, "--")) {
      if (w.find('=') != std::string::npos) continue;
      const CLI::Option* opt = find_option(*cmd, w);
      if (opt && takes_value(opt)) pending = opt;
      continue;
    }
    if (!only_positionals && w.size() > 1 && w[0] == '-') {
      // -R, -Ri, -f FILE, -fFILE, -Rf FILE
      for (std::size_t i = 1; i < w.size(); ++i) {
        const CLI::Option* opt = find_option(*cmd, std::string("-") + w[i]);
        if (!opt) break;
        if (takes_value(opt)) {
          if (i + 1 == w.size()) pending = opt;
          break;
        }
      }
      continue;
    }
    if (cmd == &app && positionals == 0 && !only_positionals) {
      if (const CLI::App* sub = find_subcommand(*cmd, w)) {
        cmd = sub;
        continue;
      }
    }
    ++positionals;
  }

  Candidates c;
  if (pending) {
    complete_value(pending, cur, "", c);
  } else if (!only_positionals && starts_with(cur, "--") && cur.find('=') != std::string::npos) {
    std::string name = cur.substr(0, cur.find('='));
    if (const CLI::Option* opt = find_option(*cmd, name); opt && takes_value(opt))
      complete_value(opt, cur.substr(name.size() + 1), name + "=", c);
  } else if (!only_positionals && starts_with(cur, "-")) {
    complete_options(*cmd, cur, c);
  } else {
    if (cmd == &app && positionals == 0 && !only_positionals) {
      for (const CLI::App* sub : cmd->get_subcommands({}))
        if (!sub->get_name().empty() && !sub->get_group().empty()) c.add(sub->get_name(), sub->get_description(), cur);
    }
    const CLI::Option* pos = positional(*cmd);
    if (c.words.empty() && pos && static_cast<int>(positionals) < pos->get_items_expected_max())
      complete_value(pos, cur, "", c);
  }
  for (const auto& [word, description] : c.words) {
    out << word;
    if (!description.empty() && c.directive != FilterFileExt) out << '\t' << description;
    out << '\n';
  }
  out << ':' << c.directive << '\n';
  return 0;
}

}  // namespace kinject::cli
