// The built-in profiles' templates, parsed when kinject is built.
//
// A run with the built-in profile spent a fifth of its instructions lexing
// and parsing the sidecar template (issue 26). The build runs the build tool
// kinject_prepare (src/istio/prepare/), which composes every built-in
// profile's templates with builtin_config() and writes each parsed set's
// prepared form (tmpl::Template::prepared_form) into a generated source; the
// kinject executable links it (library kinject_prepared) and hands the table
// down through ConfigSources::prepared. A template is loaded from its form
// only while its text is still the profile's own (IstioConfig::
// builtin_templates); anything else, and any form that does not load, is
// parsed as before. Tests that leave the table empty exercise the parser.
#pragma once

#include <span>
#include <string_view>

namespace kinject {

struct PreparedTemplate {
  std::string_view profile;  // the built-in profile that composed the text: "1.31"
  std::string_view name;     // the template: "sidecar"
  std::string_view form;     // tmpl::Template::prepared_form() of its parse
};

using PreparedTemplates = std::span<const PreparedTemplate>;

// The table the build generated (defined in the generated source of the
// library kinject_prepared, which only the executables link).
PreparedTemplates builtin_prepared_templates();

}  // namespace kinject
