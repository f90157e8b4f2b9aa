// sigs.k8s.io/yaml.Marshal for Values: what Istio's toYaml does.
#pragma once

#include <string>

#include "kinject/gotemplate/template.h"

namespace kinject::tmpl {

// sigs.k8s.io/yaml.Marshal: JSON-marshal, then emit block-style YAML the way
// go-yaml v2 does (sorted keys, 2-space indent, unindented sequences,
// quoting of strings that would read as another type). Ends with a newline.
// Throws JsonError where the JSON marshalling fails.
std::string to_yaml(const Value& v);

}  // namespace kinject::tmpl
