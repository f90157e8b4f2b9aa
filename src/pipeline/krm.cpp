#include "kinject/pipeline/krm.h"

#include <string>

#include <fmt/format.h>

#include "kinject/base/error.h"
#include "kinject/k8s/names.h"

namespace kinject {

namespace {

// Items one a line, or separated by commas too.
std::vector<std::string> split_list(const std::string& s, bool commas = true) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == '\n' || (commas && c == ',')) {
      auto a = cur.find_first_not_of(" \t\r");
      if (a != std::string::npos) out.push_back(cur.substr(a, cur.find_last_not_of(" \t\r") - a + 1));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  auto a = cur.find_first_not_of(" \t\r");
  if (a != std::string::npos) out.push_back(cur.substr(a, cur.find_last_not_of(" \t\r") - a + 1));
  return out;
}

}  // namespace

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
  for (const auto& e : settings->entries) {
    std::string key = e.key.scalar_text();
    const Node& v = e.value;
    std::string text = v.scalar_text();
    auto list = [&](bool commas = true) {
      std::vector<std::string> out;
      if (v.is_seq()) {
        for (const auto& it : v.items) out.push_back(it.scalar_text());
      } else if (v.is_map()) {
        for (const auto& x : v.entries) out.push_back(x.key.scalar_text() + "=" + x.value.scalar_text());
      } else {
        out = split_list(text, commas);
      }
      return out;
    };
    if (key == "rules") opts.rules = text;
    else if (key == "namespaces") opts.namespaces_file = text;
    else if (key == "namespace") {
      if (auto why = text.empty() ? std::nullopt : invalid_dns1123_label(text))
        throw Error(fmt::format("functionConfig: namespace \"{}\": not a valid namespace name: {}", text, *why));
      opts.default_namespace = text;
    }
    else if (key == "selector") opts.selector = text;
    else if (key == "revision") opts.config.revision = text;
    else if (key == "injectConfigFile") opts.config.inject_config_file = text;
    else if (key == "valuesFile") opts.config.values_file = text;
    else if (key == "meshConfigFile") opts.config.mesh_config_file = text;
    else if (key == "template") opts.config.template_file = text;
    else if (key == "kubeVersion") opts.kube_version = text;
    else if (key == "set") {
      // One --set a line: Helm's grammar splits each at its commas and
      // keeps escaped ones (\,) in the value.
      for (auto& s : list(false)) opts.config.sets.push_back(s);
    } else if (key == "workload" || key == "workloads") {
      for (auto& s : list()) opts.workloads.push_back(s);
    } else if (key == "policy") {
      if (text == "enabled") opts.policy = InjectPolicy::Enabled;
      else if (text == "disabled") opts.policy = InjectPolicy::Disabled;
      else throw Error(fmt::format("functionConfig: policy must be \"enabled\" or \"disabled\", not \"{}\"", text));
    } else {
      throw Error(fmt::format(
          "functionConfig: unknown setting \"{}\" (known: rules, namespaces, namespace, selector, revision, policy, set, "
          "workloads, injectConfigFile, valuesFile, meshConfigFile, template, kubeVersion)",
          key));
    }
  }
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


}  // namespace kinject
