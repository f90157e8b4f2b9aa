// The Kubernetes Go types that sidecar injection sees, as data: field names
// (Go and JSON), field order, kinds and omitempty rules. Istio's injector
// works on typed Go structs, and a few of its outputs are those structs
// marshalled to JSON (the `proxy.istio.io/overrides` annotation, the app
// prober list); reproducing them needs Go's field order and zero-value rules.
// Template data (`.Spec.Containers`, `$c.Ports`) uses the same tables.
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
  StringMap,    // map[string]string
  QuantityMap,  // ResourceList
  StringList,
  Struct,
  StructList,
  Raw,          // anything else: kept as written
};

struct Type;

struct Field {
  const char* go;
  const char* json;
  T type;
  const Type* sub = nullptr;   // Struct / StructList
  bool omitempty = true;
  bool pointer = false;        // *T: omitted only when absent; kept even if zero
  bool inline_ = false;        // embedded struct whose fields are inlined (ProbeHandler)
};

struct Type {
  const char* go_name;
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

// encoding/json of `n` read into Go type `t`: fields in Go order, unknown
// keys dropped, omitempty honoured, non-pointer structs always present,
// quantities canonical.
std::string go_json(const Node& n, const Type& t);

// What decoding `n` into Go type `t` does to it, in place: zero values of
// omitempty fields disappear, always-marshalled zero values (a Quantity's
// "0") appear. Fields unknown to the table are kept. A scalar where Go
// expects an object or an array is an Error naming the field, as decoding
// fails in Go.
void go_normalize(Node& n, const Type& t);

}  // namespace kinject::k8s
