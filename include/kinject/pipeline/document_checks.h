// What the pipeline checks of a document before and while it edits it, and
// how it points at what it found: pure functions of a document and a
// workload, so that pipeline.cpp's Run holds only the steps.
#pragma once

#include <optional>
#include <string>

#include "kinject/base/error.h"
#include "kinject/k8s/go_decode.h"
#include "kinject/k8s/workloads.h"
#include "kinject/yaml/parse.h"

namespace kinject {

// kubectl refuses an object whose identity fields are not strings, and
// kinject does not take such a document for an object either. Throws Error
// at the field (naming a chart's `{{ }}` when that is what it is).
void check_object_fields(const Document& doc);

// A document kinject edits must not be a chart's template: its `{{ }}` at a
// value's start reads as a mapping, which injection, the writer or an
// annotation's check would each refuse without saying why. Throws Error.
void refuse_chart_template(const Document& doc);

// An error about a workload, pointing at what it is about (the error's
// offset), or at least at the workload, and naming it.
Error located(const Document& doc, const Workload& w, const Error& err);

// The typed decode of the workload's object as read (go_decode.h).
std::optional<k8s::DecodeProblem> decode_problem(const Document& doc, const Workload& w);

// A workload kinject would change that does not decode into its type.
Error type_error(const Document& doc, const Workload& w, const k8s::DecodeProblem& p);

// One kinject leaves as it came is the user's: said, not refused (an
// envsubst template's `replicas: ${REPLICAS}` is resolved later). The
// report's warning.
std::string undecodable_warning(const Document& doc, const Workload& w, const k8s::DecodeProblem& p);

}  // namespace kinject
