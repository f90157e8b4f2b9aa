#include "kinject/k8s/pod.h"

#include <algorithm>

namespace kinject::pod {

const Node* child(const Node* n, std::string_view key) { return n && n->is_map() ? n->get(key) : nullptr; }

Node* map_at(Node* parent, std::string_view key) {
  Node* m = parent && parent->is_map() ? parent->get(key) : nullptr;
  return m && m->is_map() ? m : nullptr;
}

Node* seq_at(Node* parent, std::string_view key) {
  Node* l = parent && parent->is_map() ? parent->get(key) : nullptr;
  return l && l->is_seq() ? l : nullptr;
}

const Node* map_at(const Node* parent, std::string_view key) { return map_at(const_cast<Node*>(parent), key); }

const Node* seq_at(const Node* parent, std::string_view key) { return seq_at(const_cast<Node*>(parent), key); }

std::string str_at(const Node* n, std::string_view dotted) {
  const Node* v = n ? n->at_path(dotted) : nullptr;
  return v && v->is_scalar() ? v->scalar_text() : std::string();
}

bool bool_at(const Node* n, std::string_view dotted) {
  const Node* v = n ? n->at_path(dotted) : nullptr;
  return v && v->kind == Kind::Bool && v->b;
}

std::optional<std::string> scalar_at(const Node* map, std::string_view key) {
  const Node* v = child(map, key);
  if (!v || !v->is_scalar() || v->is_null()) return std::nullopt;
  return v->scalar_text();
}

const Node* annotation_node(const Node& pod, std::string_view key) {
  return child(child(pod.get("metadata"), "annotations"), key);
}

std::optional<std::string> annotation(const Node& pod, std::string_view key) {
  const Node* v = annotation_node(pod, key);
  if (!v) return std::nullopt;
  return v->scalar_text();
}

const Node* label(const Node& pod, std::string_view key) { return child(child(pod.get("metadata"), "labels"), key); }

Node& annotations_of(Node& pod) { return pod.child_map("metadata").child_map("annotations"); }

std::string name_of(const Node& item) {
  const Node* n = child(&item, "name");
  return n && n->is_scalar() ? n->scalar_text() : std::string();
}

Node* container_list(Node& pod, std::string_view field) { return seq_at(map_at(&pod, "spec"), field); }

const Node* container_list(const Node& pod, std::string_view field) { return container_list(const_cast<Node&>(pod), field); }

Node* find_container(Node* list, std::string_view name) {
  if (!list) return nullptr;
  for (auto& c : list->items)
    if (c.is_map() && name_of(c) == name) return &c;
  return nullptr;
}

const Node* find_container(const Node* list, std::string_view name) { return find_container(const_cast<Node*>(list), name); }

Node* find_in_pod(Node& pod, std::string_view name) {
  if (Node* c = find_container(container_list(pod, "containers"), name)) return c;
  return find_container(container_list(pod, "initContainers"), name);
}

std::vector<std::string> names_in(const Node* list) {
  std::vector<std::string> out;
  if (list && list->is_seq())
    for (const auto& c : list->items) out.push_back(c.is_map() ? name_of(c) : c.scalar_text());
  return out;
}

void modify_containers(Node* list, std::string_view name, Move how) {
  if (!list) return;
  auto it = std::find_if(list->items.begin(), list->items.end(), [&](const Node& c) { return c.is_map() && name_of(c) == name; });
  if (it == list->items.end()) return;
  Node c = std::move(*it);
  list->items.erase(it);
  if (how == Move::First) list->items.insert(list->items.begin(), std::move(c));
  else if (how == Move::Last) list->items.push_back(std::move(c));
}

bool remove_named(Node* list, std::string_view name) {
  if (!find_container(list, name)) return false;
  modify_containers(list, name, Move::Remove);
  return true;
}

Node* move_container(Node& pod, std::string_view name, std::string_view from, std::string_view to) {
  Node* source = container_list(pod, from);
  const Node* c = find_container(source, name);
  if (!c) return nullptr;
  Node moved = *c;
  remove_named(source, name);
  Node& target = pod.child_map("spec").child_seq(to);
  target.items.push_back(std::move(moved));
  return &target.items.back();
}

Node& env_of(Node& container) {
  Node* env = container.get("env");
  if (!env || !env->is_seq()) return container.set("env", Node::seq());
  return *env;
}

Node env_var(std::string name, std::string value) {
  Node e = Node::map();
  e.set("name", Node::string(std::move(name)));
  e.set("value", Node::string(std::move(value)));
  return e;
}

std::optional<std::string> env_value(const Node* container, std::string_view name) {
  const Node* env = child(container, "env");
  if (!env || !env->is_seq()) return std::nullopt;
  for (const auto& e : env->items)
    if (e.is_map() && name_of(e) == name) return scalar_at(&e, "value").value_or("");
  return std::nullopt;
}

bool contains(const std::vector<std::string>& v, std::string_view s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace kinject::pod
