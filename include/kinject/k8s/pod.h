// Pod helpers: reading and editing a pod template (a map with metadata and
// spec) by the names Kubernetes gives its parts. Injection and uninjection
// both find containers by name, read annotations and edit env lists; these
// are the one spelling of each.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kinject/yaml/node.h"

namespace kinject::pod {

// The value under `key` of a map node; null when `n` is null or not a map.
const Node* child(const Node* n, std::string_view key);
// The map (or list) under `key` of a map node; null when absent or of
// another kind.
Node* map_at(Node* parent, std::string_view key);
Node* seq_at(Node* parent, std::string_view key);
const Node* map_at(const Node* parent, std::string_view key);
const Node* seq_at(const Node* parent, std::string_view key);
// A scalar's text at a dotted path, "" when absent or not a scalar.
std::string str_at(const Node* n, std::string_view dotted);
// A boolean at a dotted path: true only for a YAML `true`.
bool bool_at(const Node* n, std::string_view dotted);
// A scalar's text under `key`; nullopt when absent, null or a collection.
std::optional<std::string> scalar_at(const Node* map, std::string_view key);

// metadata.annotations[key] / metadata.labels[key].
const Node* annotation_node(const Node& pod, std::string_view key);
std::optional<std::string> annotation(const Node& pod, std::string_view key);
const Node* label(const Node& pod, std::string_view key);
// metadata.annotations, created (with metadata) when absent.
Node& annotations_of(Node& pod);

// A container's (or volume's, or env variable's) name; "" without one.
std::string name_of(const Node& item);
// spec.<field> when it is a list (containers, initContainers, volumes, ...).
Node* container_list(Node& pod, std::string_view field);
const Node* container_list(const Node& pod, std::string_view field);
// The item of a list named `name`; null when there is none (or no list).
Node* find_container(Node* list, std::string_view name);
const Node* find_container(const Node* list, std::string_view name);
// FindContainerFromPod: containers first, then init containers.
Node* find_in_pod(Node& pod, std::string_view name);
// The names of a list's items (a list of names reads as itself).
std::vector<std::string> names_in(const Node* list);

// Istio's ContainerReorder: move an item first or last, or remove it.
enum class Move { First, Last, Remove };
void modify_containers(Node* list, std::string_view name, Move how);
// Removes the item named `name`; whether there was one.
bool remove_named(Node* list, std::string_view name);
// moveContainer: the container `name` from spec.<from> to the end of
// spec.<to> (created when absent); the moved container, or null when
// spec.<from> has none of that name.
Node* move_container(Node& pod, std::string_view name, std::string_view from, std::string_view to);

// A container's env list, created when absent; one `name: value` variable;
// the value of variable `name` ("" for a valueFrom), nullopt when absent.
Node& env_of(Node& container);
Node env_var(std::string name, std::string value);
std::optional<std::string> env_value(const Node* container, std::string_view name);

bool contains(const std::vector<std::string>& v, std::string_view s);

}  // namespace kinject::pod
