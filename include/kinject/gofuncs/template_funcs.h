// Template functions for kinject: the Sprig library (Masterminds/sprig v3)
// and Istio's injection FuncMap (istio/istio pkg/kube/inject/template.go,
// release-1.24), plus the Go encoding/json and sigs.k8s.io/yaml marshalling
// they rely on.
#pragma once

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "kinject/gotemplate/template.h"

namespace kinject::tmpl {

// Looks up an environment variable (Istio's `env KEY DEFAULT`). Library code
// never reads the process environment itself; the caller decides.
using EnvLookup = std::function<std::optional<std::string>(std::string_view)>;

// Sprig's generic functions (the subset kinject supports, see the .cpp).
FuncMap sprig_funcs();

// Istio's injection functions.
FuncMap istio_funcs(EnvLookup env);

// What Istio's injector parses templates with: Sprig, then Istio's map on
// top, so Istio's `indent`, `contains` and `omit` replace Sprig's.
FuncMap injection_funcs(EnvLookup env);

// Thrown by from_json / to_json on malformed input or unsupported values.
class JsonError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// encoding/json.Marshal: maps with sorted keys, structs in field order
// (honouring json names, omitempty and embedded structs), <>& escaped as
// \u003c \u003e \u0026, float64 as encoding/json formats it.
std::string to_json(const Value& v);
// json.MarshalIndent(v, "", indent).
std::string to_json_indent(const Value& v, std::string_view indent);
// json.Unmarshal into interface{}: objects become map[string]interface{},
// arrays []interface{}, numbers float64, null nil.
Value from_json(std::string_view text);

// sigs.k8s.io/yaml.Marshal: JSON-marshal, then emit block-style YAML the way
// go-yaml v2 does (sorted keys, 2-space indent, unindented sequences,
// quoting of strings that would read as another type). Ends with a newline.
std::string to_yaml(const Value& v);

// Go's time.Duration.String() for a number of nanoseconds ("1m30s", "1.5s").
std::string go_duration_string(std::int64_t nanos);

}  // namespace kinject::tmpl
