// Kubernetes strategic merge patch, as the API server applies a rendered
// sidecar template to a pod (apimachinery's StrategicMergePatch with the
// PodSpec patch metadata):
//  - maps merge key by key; a null in the patch deletes the key;
//  - lists with a merge key (containers by `name`, ports by `containerPort`,
//    volumeMounts by `mountPath`, ...) merge item by item; other lists are
//    replaced; lists of scalars with the merge strategy are unioned;
//  - a patch item without its list's merge key is an Error, as in
//    apimachinery;
//  - order: patch items in patch order interleaved with the original's
//    other items by their original position, items new to the patch first.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "kinject/yaml/node.h"

namespace kinject {

// The merge key of the list at a pod path, e.g. "spec.containers" -> "name",
// "spec.containers.ports" -> "containerPort" (list items are not counted in
// the path). "" for lists that the patch replaces; "*" for lists of scalars
// that are unioned.
std::string_view pod_merge_key(std::string_view path);

// The merge keys the writer pairs a list's items by when it rewrites a
// document (item_keys, yaml/write.h), in the order it tries them: those of
// the lists an injection changes (containers, volumes, env and the like by
// `name`, ports by `containerPort`, volume mounts by `mountPath`, volume
// devices by `devicePath`, host aliases by `ip`) and a Service's ports
// (`port`).
std::span<const std::string_view> list_item_keys();

// Applies `patch` to `pod` (a map with metadata and spec) in place.
void strategic_merge_pod(Node& pod, const Node& patch);
// The same, moving what the patch brings in out of it: the patch is the
// caller's to give up.
void strategic_merge_pod(Node& pod, Node&& patch);

// The general form: `path` is the dotted path of `original` in the pod.
void strategic_merge(Node& original, const Node& patch, const std::string& path);

}  // namespace kinject
