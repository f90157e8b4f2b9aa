// The built-in profiles, read and parsed when kinject is built.
//
// A run with the built-in profile spent a fifth of its instructions lexing
// and parsing the sidecar template and a sixth reading the profiles' YAML
// (issue 26). The build runs the build tool kinject_prepare
// (src/istio/prepare/), which writes into a generated source
//   - every built-in profile's YAML document, read (node_form), and
//   - every built-in profile's templates, composed with builtin_config() and
//     parsed (tmpl::Template::prepared_form);
// the kinject executable links it (library kinject_prepared) and hands the
// tables down through ConfigSources::prepared. A template is loaded from its
// form only while its text is still the profile's own (IstioConfig::
// builtin_templates); anything else, and any form that does not load, is
// read or parsed as before. Tests that leave the tables empty exercise the
// readers.
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

struct PreparedDocument {
  std::string_view name;  // the profile document: "1.31", or "templates" (builtin_profile_documents)
  std::string_view form;  // node_form() of it as parse_yaml reads it
};

struct Prepared {
  PreparedTemplates templates;
  std::span<const PreparedDocument> documents;
};

// The tables the build generated (defined in the generated source of the
// library kinject_prepared, which only the executables link).
Prepared builtin_prepared();

}  // namespace kinject
