// Scalars as YAML text: plain where that keeps their type and meaning,
// quoted where it would not.
#pragma once

#include <string>

#include "kinject/yaml/node.h"

namespace kinject {

// A scalar's text as a YAML plain scalar if it can be written plain without
// changing its type or meaning (under both YAML 1.1 and 1.2 readers), else
// double-quoted.
std::string yaml_scalar(const Node& n, bool flow = false, char quote = '"');

}  // namespace kinject
