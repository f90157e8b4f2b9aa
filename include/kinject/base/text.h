// Text helpers every layer shares, each written once.
#pragma once

#include <string>
#include <string_view>

namespace kinject {

// A JSON string literal exactly as Go's encoding/json writes it (what
// Istio's annotations and environment values hold, and kubectl's JSON):
// `"` and `\` escaped, \b \f \n \r \t, other control characters as \u00XX,
// U+2028 and U+2029 as \u2028 \u2029, invalid UTF-8 as \ufffd, and, with
// `escape_html` (json.Marshal's default), `<`, `>` and `&` as \u003c, \u003e
// and \u0026.
void append_json_quoted(std::string& out, std::string_view s, bool escape_html = true);
std::string json_quote(std::string_view s, bool escape_html = true);

// The same, with the choices beyond Go's spelled out; the defaults are Go's.
struct JsonQuoting {
  bool escape_html = true;  // `<`, `>` and `&` as \u003c, \u003e, \u0026 (json.Marshal's default)
  // C1 controls (U+0080..U+009F) as \u0080..\u009f, which Go writes raw: YAML
  // readers take NEL (U+0085) for a line break, so JSON that YAML reads
  // back (kinject's documents) must not hold them raw.
  bool escape_c1 = false;
};
void append_json_quoted(std::string& out, std::string_view s, JsonQuoting how);
std::string json_quote(std::string_view s, JsonQuoting how);

// s with A-Z as a-z (a-z as A-Z) and every other byte as it is; no locale
// is consulted. For Kubernetes' kinds and names, which are ASCII; what Go's
// strings.ToUpper/ToLower do (Sprig's upper/lower, Istio's toLower) is in
// unicode.h.
std::string ascii_lower(std::string_view s);
std::string ascii_upper(std::string_view s);

}  // namespace kinject
