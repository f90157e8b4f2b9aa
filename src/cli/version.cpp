// kinject version / kinject --version.
#include <CLI/CLI.hpp>

#include "cli/cli.h"
#include "kinject/istio/config.h"
#include "kinject/yaml/node.h"

namespace kinject::cli {

namespace {

std::string value_at(const Node& values, std::string_view path) {
  const Node* n = values.at_path(path);
  return n && n->is_scalar() && !n->is_null() ? n->scalar_text() : std::string();
}

// "Istio 1.24.6, proxy image docker.io/istio/proxyv2:1.24.6": the image the
// built-in profile's templates use for a pod that names none (Istio's
// hub/image:tag, as the injector builds it).
std::string describe_builtin_profile() {
  IstioConfig cfg = builtin_config();
  std::string hub = value_at(cfg.values, "global.hub");
  std::string tag = value_at(cfg.values, "global.tag");
  std::string image = value_at(cfg.values, "global.proxy.image");
  if (image.empty()) image = "proxyv2";
  if (tag.empty()) return "Istio (unknown release)";
  std::string text = "Istio " + tag + ", proxy image ";
  if (image.find('/') != std::string::npos) return text + image;
  return text + hub + "/" + image + ":" + tag;
}

}  // namespace

std::string version_text() {
  std::string text = std::string("kinject ") + kVersion + " (commit " + kCommit + ")\n";
  try {
    text += "built-in profile: " + describe_builtin_profile() + "\n";
  } catch (const std::exception& e) {
    text += std::string("built-in profile: unreadable (") + e.what() + ")\n";
  }
  return text;
}

CLI::App* add_version(CLI::App& app) {
  // CLI11 prints the string and a newline.
  app.set_version_flag("--version", [] {
    std::string text = version_text();
    if (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
  });
  return app.add_subcommand("version", "Print the version, the commit and the built-in profile's Istio release");
}

}  // namespace kinject::cli
