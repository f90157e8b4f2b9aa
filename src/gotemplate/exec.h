// The executor (text/template/exec.go): walks a tree with a value as dot.
#pragma once

#include <string>

#include "ast.h"

namespace kinject::tmpl::detail {

// Runs `tree` of `set` with `data` as dot and $, appending to `out`.
void execute(const TemplateSet& set, const Tree& tree, const Value& data, std::string& out);

}  // namespace kinject::tmpl::detail
