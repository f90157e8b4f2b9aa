// The typed decode: whether a manifest's value decodes into a Kubernetes Go
// type exactly as kubectl and the API server decode it. kubectl turns YAML
// into JSON with sigs.k8s.io/yaml (go-yaml v2: YAML 1.1 resolution, as
// Node::plain resolves scalars; no NaN or infinity, no null keys), and the
// API server decodes that JSON into the kind's Go struct with
// sigs.k8s.io/json: encoding/json's rules with field names matched case
// sensitively (`Replicas:` is an unknown field, ignored). Per Go type:
//  - null decodes into anything (the zero value);
//  - string: a string only (42, true and 1.5 are refused); bool: true or
//    false (YAML 1.1's yes/no/on/off too; "true" quoted is a string);
//  - int32/int64: an integer in range, or a float that is one (1.0, 1e3);
//  - resource.Quantity: a number, or a string ParseQuantity accepts (after
//    trimming spaces); intstr.IntOrString: a string or an int32;
//    metav1.Time: an RFC 3339 string as Go's time.Parse reads it;
//  - a struct: a mapping; a list: a list; a map: a mapping of such values;
//    FieldsV1 and RawExtension: anything.
// One implementation, used by the pipeline for every workload kinject
// changes, by the output guard on what it wrote, and by go_normalize.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kinject/k8s/k8s_types.h"
#include "kinject/yaml/node.h"

namespace kinject::k8s {

// Why a value does not decode, with the facts of Go's error ("json: cannot
// unmarshal string into Go struct field Container.spec.template.spec.
// containers.ports of type []v1.ContainerPort").
struct DecodeProblem {
  const Node* node = nullptr;  // the offending value (its span places it)
  std::string path;            // from the decoded object: "spec.template.spec.containers[0].ports"
  std::string go_struct;       // the Go struct whose field it is ("v1.Container"); "" for the object itself
  std::string go_type;         // the Go type it must decode into ("[]v1.ContainerPort")
  std::string want;            // "a list", "an integer", ...
  std::string found;           // "a string (\"80\")", "the number 42", "a mapping", ...
  std::string why;             // a value of the right JSON type Go still refuses: Go's own reason
  std::string hint;            // what to change

  // "spec.replicas: expected an integer, found the string "three" (Go type
  // int32 in v1.DeploymentSpec, which kubectl and the API server refuse to
  // decode it into); write it without quotes"
  std::string message() const;
};

// The first problem, in document order, of decoding `n` into Go struct type
// `t`; nullopt when it decodes. Paths start with `path` ("" = `n` is the object).
std::optional<DecodeProblem> decode_problem(const Node& n, const Type& t, const std::string& path = "");

// The same for a workload object: its kind's Go type when Kubernetes has the
// kind at this version (workload_type); otherwise, as for a custom resource
// (an Argo Rollout, a --workload kind), what kinject knows of it: apiVersion
// and kind strings, metadata an ObjectMeta, every step of `template_path` a
// mapping and the pod template a PodTemplateSpec (empty path: the object is
// the pod).
std::optional<DecodeProblem> decode_workload(const Node& object, std::string_view api_version, std::string_view kind,
                                             const std::vector<std::string>& template_path);

// time.Parse(time.RFC3339, s)'s verdict (metav1.Time): "" when it parses,
// else why not.
std::string rfc3339_error(std::string_view s);

}  // namespace kinject::k8s
