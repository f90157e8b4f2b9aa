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

// s with A-Z as a-z and every other byte as it is (Kubernetes' kinds and
// names are ASCII; no locale is consulted).
std::string ascii_lower(std::string_view s);

}  // namespace kinject
