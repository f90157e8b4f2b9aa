#include "kinject/k8s/strategic_merge.h"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "kinject/base/error.h"
#include "kinject/base/text.h"

namespace kinject {

std::string_view pod_merge_key(std::string_view path) {
  // Container fields appear under several lists; strip the list prefix.
  static constexpr std::string_view container_lists[] = {"spec.containers.", "spec.initContainers.",
                                                         "spec.ephemeralContainers."};
  for (auto prefix : container_lists) {
    if (path.substr(0, prefix.size()) == prefix) {
      std::string_view field = path.substr(prefix.size());
      if (field == "ports") return "containerPort";
      if (field == "env") return "name";
      if (field == "volumeMounts") return "mountPath";
      if (field == "volumeDevices") return "devicePath";
      if (field == "resizePolicy") return "resourceName";
      return "";
    }
  }
  if (path == "spec.containers" || path == "spec.initContainers" || path == "spec.ephemeralContainers" ||
      path == "spec.volumes" || path == "spec.imagePullSecrets" || path == "spec.resourceClaims" ||
      path == "spec.schedulingGates")
    return "name";
  if (path == "spec.hostAliases") return "ip";
  if (path == "spec.topologySpreadConstraints") return "topologyKey";
  if (path == "metadata.ownerReferences") return "uid";
  if (path == "metadata.finalizers") return "*";
  return "";
}

std::span<const std::string_view> list_item_keys() {
  static constexpr std::string_view keys[] = {"name", "containerPort", "mountPath", "devicePath", "ip", "port"};
  return keys;
}

namespace {

// Nulls in content the patch brings in mean "no such field" (the API server
// would drop them when decoding into the typed pod).
void drop_nulls(Node& n) {
  if (n.is_map()) {
    n.entries.erase(std::remove_if(n.entries.begin(), n.entries.end(), [](const Entry& e) { return e.value.is_null(); }),
                    n.entries.end());
    for (auto& e : n.entries) drop_nulls(e.value);
  } else if (n.is_seq()) {
    for (auto& it : n.items) drop_nulls(it);
  }
}

// What the patch brings into the original, nulls dropped: a copy of a
// const patch's value, or a patch the caller gave up's own (std::move of a
// const Node copies it).
template <class Patch>
Node brought_in(Patch& value) {
  Node v = std::move(value);
  drop_nulls(v);
  return v;
}

// An item's merge key, by value: the API server compares decoded values, so
// `containerPort: 08535` and the 8535 a recorded override holds are one port.
std::optional<std::string> key_of(const Node& item, std::string_view key) {
  if (!item.is_map()) return std::nullopt;
  const Node* v = item.get(key);
  if (!v || !v->is_scalar() || v->is_null()) return std::nullopt;
  if (v->kind == Kind::Int) return fmt::format("{}", v->i);
  if (v->kind == Kind::Float) return fmt::format("{}", v->f);
  return v->scalar_text();
}

// `Patch`: const Node, or Node when the caller gives the patch up.
template <class Patch>
void merge_at(Node& original, Patch& patch, const std::string& path, const std::string& shown);

std::string shape(const Node& n) { return n.is_scalar() ? "a scalar" : kind_phrase(n); }

// Whether two scalars are the same number however spelt (08535, 8535): the
// original's spelling then stays.
bool same_number(const Node& a, const Node& b) {
  auto numeric = [](const Node& n) { return n.kind == Kind::Int || n.kind == Kind::Float; };
  return numeric(a) && numeric(b) && a.f == b.f;
}

// `path` names the list's type ("spec.containers.ports"), `shown` the list
// itself for messages ("spec.containers[name=app].ports").
template <class Patch>
void merge_list(Node& original, Patch& patch, const std::string& path, const std::string& shown, std::string_view key) {
  if (key == "*") {
    // Union of scalars, original first, without duplicates.
    Node out = original;
    for (auto& p : patch.items) {
      bool present = false;
      for (const auto& o : out.items)
        if (o.same_value(p)) present = true;
      if (!present) out.items.push_back(std::move(p));  // a copy of a const patch's
    }
    original = std::move(out);
    return;
  }
  // Merge matching items; remember which original items the patch touched.
  std::vector<Node> merged_patch;  // in patch order
  std::vector<bool> touched(original.items.size(), false);
  std::vector<std::optional<std::size_t>> origin;  // original index of each patch item
  for (std::size_t pi = 0; pi < patch.items.size(); ++pi) {
    auto& p = patch.items[pi];
    auto pk = key_of(p, key);
    // apimachinery refuses a patch item without the merge key ("does not
    // contain declared merge key"): it could match nothing, and merging the
    // same patch again would add it again.
    if (!pk)
      throw Error(fmt::format("{}[{}]: no {}, the key strategic merge matches these items by; Kubernetes requires one", shown,
                              pi, key));
    std::optional<std::size_t> found;
    for (std::size_t i = 0; i < original.items.size(); ++i)
      if (!touched[i] && key_of(original.items[i], key) == pk) {
        found = i;
        break;
      }
    if (found) {
      touched[*found] = true;
      Node item = original.items[*found];
      merge_at(item, p, path, fmt::format("{}[{}={}]", shown, key, *pk));
      merged_patch.push_back(std::move(item));
    } else {
      merged_patch.push_back(brought_in(p));
    }
    origin.push_back(found);
  }
  // Interleave: server-only items (original order) and patch items (patch
  // order); a server-only item goes first only when both are in the original
  // and it comes earlier there.
  std::vector<std::size_t> server_only;
  for (std::size_t i = 0; i < original.items.size(); ++i)
    if (!touched[i]) server_only.push_back(i);
  Node out = Node::seq();
  out.style = original.style;
  std::size_t a = 0, b = 0;
  while (a < server_only.size() || b < merged_patch.size()) {
    if (b >= merged_patch.size()) {
      out.items.push_back(original.items[server_only[a++]]);
    } else if (a >= server_only.size()) {
      out.items.push_back(std::move(merged_patch[b++]));
    } else if (origin[b] && server_only[a] < *origin[b]) {
      out.items.push_back(original.items[server_only[a++]]);
    } else {
      out.items.push_back(std::move(merged_patch[b++]));
    }
  }
  // Keep the original node's source information on the list itself.
  out.span = original.span;
  out.has_span = original.has_span;
  out.set_anchor(original.anchor());
  out.is_alias = original.is_alias;
  original.items = std::move(out.items);
}

template <class Patch>
void merge_at(Node& original, Patch& patch, const std::string& path, const std::string& shown) {
  if (!patch.is_map() || !original.is_map()) {
    original = brought_in(patch);
    return;
  }
  for (auto& e : patch.entries) {
    if (!e.key.is_scalar()) continue;
    const std::string& k = e.key.text;
    if (k.size() > 1 && k[0] == '$') continue;  // patch directives are not used by sidecar templates
    if (e.value.is_null()) {
      original.erase(k);
      continue;
    }
    std::string child = path.empty() ? k : path + "." + k;
    std::string shown_child = shown.empty() ? k : shown + "." + k;
    Node* o = original.get(k);
    if (!o || o->is_null()) {
      original.set(k, brought_in(e.value));
      continue;
    }
    if ((o->is_map() || o->is_seq() || e.value.is_map() || e.value.is_seq()) && o->kind != e.value.kind) {
      // apimachinery replaces a value of another type, but merges typed
      // pods, where a list cannot stand for a map; kinject merges what the
      // manifest holds, and replacing would drop the user's value.
      throw Error(fmt::format("{} is {} where the sidecar's patch has {}; Kubernetes expects {} there: correct the pod "
                              "(kinject does not replace it)",
                              shown_child, o->is_scalar() ? json_quote(o->scalar_text(), false) : shape(*o), shape(e.value),
                              shape(e.value)));
    }
    if (o->is_map() && e.value.is_map()) {
      merge_at(*o, e.value, child, shown_child);
    } else if (o->is_seq() && e.value.is_seq()) {
      std::string_view key = pod_merge_key(child);
      if (key.empty()) {
        *o = brought_in(e.value);
      } else {
        merge_list(*o, e.value, child, shown_child, key);
      }
    } else if (!same_number(*o, e.value)) {
      *o = brought_in(e.value);
    }
  }
}

}  // namespace

void strategic_merge(Node& original, const Node& patch, const std::string& path) { merge_at(original, patch, path, path); }

void strategic_merge_pod(Node& pod, const Node& patch) { strategic_merge(pod, patch, ""); }

void strategic_merge_pod(Node& pod, Node&& patch) { merge_at(pod, patch, "", ""); }

}  // namespace kinject
