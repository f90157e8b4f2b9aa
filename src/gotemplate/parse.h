// The parser (text/template/parse/parse.go): template text to trees.
#pragma once

#include <string_view>

#include "ast.h"

namespace kinject::tmpl::detail {

// Parses `text` as template `name` into `set`, with the trees its
// {{define}}s and {{block}}s name; a redefinition replaces a tree unless it
// is empty (Go's Template.Parse and associate).
void parse_into(TemplateSet& set, std::string_view name, std::string_view text);

}  // namespace kinject::tmpl::detail
