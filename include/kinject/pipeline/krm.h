// kinject as a KRM function (kpt, kustomize): the ResourceList on stdin,
// its functionConfig, and the results that answer it.
#pragma once

#include <vector>

#include "kinject/pipeline/options.h"
#include "kinject/pipeline/report.h"
#include "kinject/yaml/node.h"

namespace kinject {

// A KRM ResourceList: kind ResourceList with items.
bool is_resource_list(const Node& root);

// Applies a KRM functionConfig (a ConfigMap's `data`, or kinject's typed
// `kind: Injection` with a `spec`) to the options. Throws Error for an
// unknown key or a bad value.
void apply_function_config(const Node& config, Options& opts);

// The result for one report entry, attached to its item (items[i] of the
// ResourceList `root`) by its reference and the file it came from.
Node krm_result(const Node& root, const ReportEntry& e);

// Adds `results` to the ResourceList's results.
void append_results(Node& root, const std::vector<Node>& results);

}  // namespace kinject
