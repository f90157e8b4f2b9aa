// Go's encoding/json for Values: what Sprig's toJson/fromJson and Istio's
// toJSON/fromJSON do.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "kinject/gotemplate/template.h"

namespace kinject::tmpl {

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
// arrays []interface{}, numbers float64, null nil. Errors carry Go's text
// ("unexpected end of JSON input", "invalid character 'x' ...").
Value from_json(std::string_view text);

}  // namespace kinject::tmpl
