// Sprig's must* JSON forms (defaults.go): where toJson, toPrettyJson,
// toRawJson and fromJson swallow encoding/json's error (giving "" or
// nil), these return it.
#include "internal.h"
#include "kinject/gofuncs/json.h"

namespace kinject::tmpl {

namespace {

template <typename Encode>
Value or_error(Encode encode) {
  try {
    return encode();
  } catch (const JsonError& e) {
    throw FuncError(e.what());
  }
}

Value must_to_json(Args a) {
  return or_error([&] { return str(to_json(a[0])); });
}

Value must_to_pretty_json(Args a) {
  return or_error([&] { return str(to_json_indent(a[0], "  ")); });
}

Value must_to_raw_json(Args a) {
  return or_error([&] { return str(to_json_unescaped(a[0])); });
}

Value must_from_json(Args a) {
  return or_error([&] { return from_json(a[0].as_string()); });
}

}  // namespace

FuncTable sprig_must_json_funcs() {
  return {
      {"mustToJson", fixed({P::Any}, must_to_json)},
      {"mustToPrettyJson", fixed({P::Any}, must_to_pretty_json)},
      {"mustToRawJson", fixed({P::Any}, must_to_raw_json)},
      {"mustFromJson", fixed({P::String}, must_from_json)},
  };
}

}  // namespace kinject::tmpl
