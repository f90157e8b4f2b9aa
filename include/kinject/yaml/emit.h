// Emitting: new YAML or JSON text for a Node made by kinject.
#pragma once

#include <string>

#include "kinject/yaml/node.h"
#include "kinject/yaml/style.h"

namespace kinject {

// Block YAML for a node made by kinject, as the value of a top-level
// document (no trailing newline).
std::string emit_yaml(const Node& n, const DocStyle& style = {});

// JSON text, kubectl style (`indent` spaces per level); 0 = compact, one
// line without spaces, as Go's json.Marshal writes it.
std::string emit_json(const Node& n, int indent = 4);

}  // namespace kinject
