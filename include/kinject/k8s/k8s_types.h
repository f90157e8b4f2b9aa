// The Kubernetes Go types, as data: every struct a workload kind decodes
// into (k8s.io/api v0.37, and OpenShift's DeploymentConfig), with Go's field
// order, JSON names, kinds, omitempty and pointer rules, and the Go type
// names Go's errors show. They serve three things, all Go's behaviour:
//  - the typed decode (go_decode.h): whether a manifest decodes into its
//    kind's Go struct as the API server decodes it, which kinject checks
//    for every workload it changes;
//  - go_json: Istio's records are those structs marshalled to JSON (the
//    `proxy.istio.io/overrides` annotation, the app prober list);
//  - go_normalize and the template data: Istio works on typed structs
//    (`.Spec.Containers`, `$c.Ports` in its templates).
// The tables themselves are src/k8s/k8s_type_tables.cpp, written from the Go
// types by the test oracle (test/oracle/k8sdecode) and checked against them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kinject/k8s/quantity.h"  // go_json writes quantities canonical
#include "kinject/yaml/node.h"

namespace kinject::k8s {

enum class T {
  String,
  Int32,
  Int64,
  Bool,
  Float,
  Quantity,     // resource.Quantity: canonical string
  IntOrString,  // intstr.IntOrString
  Time,         // metav1.Time: null or an RFC 3339 string
  StringMap,    // map[string]string
  QuantityMap,  // ResourceList
  StringList,
  Int32List,
  Int64List,
  Struct,
  StructList,
  Raw,          // anything decodes (FieldsV1, RawExtension, interface{}): kept as written
};

struct Type;

struct Field {
  const char* go;
  const char* json;
  T type;
  const Type* sub = nullptr;   // Struct / StructList
  bool omitempty = true;
  bool pointer = false;        // *T: omitted only when absent; kept even if zero
  bool inline_ = false;        // embedded struct whose fields are inlined (ProbeHandler, TypeMeta)
  // Go's name of the field's type, pointer taken off, as its errors show it
  // ("[]v1.ContainerPort", "v1.Protocol", "int32"); null: named after `type`.
  const char* go_type = nullptr;
  // For lists and maps, the element's ("v1.ContainerPort", "string").
  const char* elem_type = nullptr;
};

struct Type {
  const char* go_name;  // "v1.Container"
  std::vector<Field> fields;
};

const Type& container_type();
const Type& container_port_type();
const Type& probe_type();
const Type& http_get_type();
const Type& tcp_socket_type();
const Type& grpc_type();
const Type& object_meta_type();
const Type& pod_spec_type();
const Type& pod_template_spec_type();

// The Go type an object of this apiVersion and kind decodes into, when it
// is a workload kind at a version Kubernetes (or OpenShift) has; null
// otherwise (a custom resource, an unknown version, not a workload).
const Type* workload_type(std::string_view api_version, std::string_view kind);

// Go's name of a field's type (Field::go_type, or one made from its kind),
// and of one element of a list or map field.
std::string go_type_name(const Field& f);
std::string go_elem_name(const Field& f);

// encoding/json of `n` read into Go type `t`: fields in Go order, unknown
// keys dropped, omitempty honoured, non-pointer structs always present,
// quantities canonical.
std::string go_json(const Node& n, const Type& t);

// What decoding `n` into Go type `t` does to it, in place: zero values of
// omitempty fields disappear, always-marshalled zero values (a Quantity's
// "0") appear. Fields unknown to the table are kept. A value that does not
// decode (go_decode.h) is an Error naming the field, as decoding fails in Go.
void go_normalize(Node& n, const Type& t);

}  // namespace kinject::k8s
