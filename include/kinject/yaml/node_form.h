// A Node tree in a compact form that loads without reading YAML: what the
// build stores of the built-in profiles' documents (include/kinject/istio/
// prepared.h), so that a run does not parse them again. Every field of every
// node is kept (values, kinds, styles, spans, anchors, tags, merge marks):
// the loaded tree is the written one, not one that merely means the same.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kinject/yaml/node.h"

namespace kinject {

std::string node_form(const Node& n);

// The tree node_form() wrote; nullopt for bytes it did not write (a form
// of another version, cut short, or changed).
std::optional<Node> load_node_form(std::string_view form);

}  // namespace kinject
