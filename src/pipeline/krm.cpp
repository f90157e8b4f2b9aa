#include "kinject/pipeline/krm.h"

#include <string>

#include <fmt/format.h>

#include "kinject/base/error.h"
#include "kinject/pipeline/settings.h"

namespace kinject {

bool is_resource_list(const Node& root) {
  const Node* kind = root.get("kind");
  return root.is_map() && kind && kind->str() == "ResourceList" && root.get("items");
}

void apply_function_config(const Node& config, Options& opts) {
  const Node* kind = config.get("kind");
  std::string k = kind ? kind->scalar_text() : "";
  const Node* settings = nullptr;
  if (k == "ConfigMap") settings = config.get("data");
  else if (k == "Injection") settings = config.get("spec");
  else throw Error(fmt::format("functionConfig: expected a ConfigMap or a kinject Injection, not kind \"{}\"", k));
  if (!settings || settings->is_null()) return;
  if (!settings->is_map()) throw Error("functionConfig: data/spec must be a mapping");
  apply_setting_values(*settings, "functionConfig", {}, opts);
}

Node krm_result(const Node& root, const ReportEntry& e) {
  Node r = Node::map();
  std::string msg = e.action;
  if (!e.containers.empty()) {
    msg += " [";
    for (std::size_t i = 0; i < e.containers.size(); ++i) msg += (i ? ", " : "") + e.containers[i];
    msg += "]";
  }
  if (!e.reason.empty()) msg += ": " + e.reason;
  if (!e.sidecar_reason.empty()) msg += (e.reason.empty() ? ": " : "; ") + e.sidecar_reason;
  r.set("message", Node::string(msg));
  r.set("severity", Node::string("info"));
  // The item this is about: items[i] of the ResourceList.
  const Node* item = nullptr;
  if (e.item.rfind("items[", 0) == 0) {
    std::size_t idx = std::stoul(e.item.substr(6));
    const Node* items = root.get("items");
    if (items && idx < items->items.size()) item = &items->items[idx];
  }
  Node ref = Node::map();
  if (item) {
    if (const Node* a = item->get("apiVersion")) ref.set("apiVersion", Node::string(a->scalar_text()));
  }
  ref.set("kind", Node::string(e.kind));
  ref.set("name", Node::string(e.name));
  if (item && item->at_path("metadata.namespace")) ref.set("namespace", Node::string(e.namespace_));
  r.set("resourceRef", std::move(ref));
  if (item) {
    const Node* annos = item->at_path("metadata.annotations");
    auto anno = [&](const char* a, const char* b) -> const Node* {
      if (!annos) return nullptr;
      if (const Node* v = annos->get(a)) return v;
      return annos->get(b);
    };
    if (const Node* path = anno("internal.config.kubernetes.io/path", "config.kubernetes.io/path")) {
      Node file = Node::map();
      file.set("path", Node::string(path->scalar_text()));
      if (const Node* index = anno("internal.config.kubernetes.io/index", "config.kubernetes.io/index")) {
        Node idx = Node::plain(index->scalar_text());
        file.set("index", idx.kind == Kind::Int ? Node::integer(idx.i) : Node::integer(0));
      }
      r.set("file", std::move(file));
    }
  }
  return r;
}

void append_results(Node& root, const std::vector<Node>& results) {
  if (results.empty()) return;
  Node* existing = root.get("results");
  if (!existing || !existing->is_seq()) existing = &root.set("results", Node::seq());
  for (const auto& r : results) existing->items.push_back(r);
}


std::vector<Node> krm_results(const Node& root, const Report& report) {
  std::vector<Node> results;
  for (const auto& e : report.entries) results.push_back(krm_result(root, e));
  for (const auto& w : report.warnings) {
    Node r = Node::map();
    r.set("message", Node::string(w));
    r.set("severity", Node::string("warning"));
    results.push_back(std::move(r));
  }
  return results;
}

namespace {

Error no_resource_list(Location where, std::string_view why) {
  return Error(std::move(where), fmt::format("no KRM ResourceList on stdin ({}): a KRM function is run by its host (kpt "
                                             "fn eval --exec \"kinject krm\", a kustomize transformer), which sends one; "
                                             "to inject manifests, pipe them to kinject without krm",
                                             why));
}

}  // namespace

std::optional<Document> read_resource_list(Source& s, bool required, const Limits& limits) {
  std::optional<RawDocument> raw = s.peek_content();
  if (!raw) {
    if (required) throw no_resource_list(Location{"-"}, "it holds no document");
    return std::nullopt;
  }
  if (!required && raw->text.find("ResourceList") == std::string::npos) return std::nullopt;
  Document doc = parse_document(*raw, "-", limits);
  if (!is_resource_list(doc.root)) {
    if (required) throw no_resource_list(Location{"-", doc.raw.index}, "its first document is not kind: ResourceList");
    return std::nullopt;
  }
  // The ResourceList is the whole input: what follows it is read (and must
  // be nothing but blanks).
  s.read_through([&](const RawDocument& more) {
    if (more.index > doc.raw.index && more.text.find_first_not_of(" \t\r\n") != std::string::npos)
      throw Error(Location{"-", more.index, more.first_line, 1}, "a KRM ResourceList on stdin must be the only document");
  });
  s.next();  // the ResourceList itself
  return doc;
}

}  // namespace kinject
