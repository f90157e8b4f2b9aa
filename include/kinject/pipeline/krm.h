// kinject as a KRM function (kpt, kustomize): the ResourceList on stdin,
// its functionConfig, and the results that answer it.
#pragma once

#include <optional>
#include <vector>

#include "kinject/pipeline/options.h"
#include "kinject/pipeline/report.h"
#include "kinject/pipeline/sources.h"
#include "kinject/yaml/node.h"
#include "kinject/yaml/parse.h"

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

// The results of a run: one per workload of the report, attached to its
// item, then one per warning.
std::vector<Node> krm_results(const Node& root, const Report& report);

// stdin is read as it streams. To see whether it is a KRM ResourceList, its
// first document is read ahead: a ResourceList is returned (read, and the
// source moved past it; what follows it must be blank), anything else is
// left to be read as manifests. `required` (kinject krm): no ResourceList
// is an error, since a function has nothing to answer with and an empty
// answer would read as "no resources". Throws Error.
std::optional<Document> read_resource_list(Source& s, bool required, const Limits& limits);

// Adds `results` to the ResourceList's results.
void append_results(Node& root, const std::vector<Node>& results);

}  // namespace kinject
