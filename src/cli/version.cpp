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

// "Istio 1.30.3, proxy image registry.istio.io/release/proxyv2:1.30.3": the
// image a built-in profile's templates use for a pod that names none
// (Istio's hub/image:tag, as the injector builds it).
std::string describe_profile(const IstioConfig& cfg) {
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
  // One line per built-in profile, the default (the newest) marked.
  const std::string newest = default_istio_release().name();
  for (const auto& name : builtin_releases()) {
    try {
      text += "built-in profile: " + describe_profile(builtin_config(parse_istio_release(name))) +
              (name == newest ? " (default)" : "") + "\n";
    } catch (const std::exception& e) {
      text += "built-in profile " + name + ": unreadable (" + e.what() + ")\n";
    }
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
  return app.add_subcommand("version", "Print the version, the commit and the Istio releases of the built-in profiles");
}

}  // namespace kinject::cli
