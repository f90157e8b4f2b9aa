// Table-driven checks of template functions against Go's own results: each
// row an expression, whether Go failed, and Go's output (or the end of its
// error). The rows are written from Go's output (a small Go program with
// text/template and github.com/Masterminds/sprig/v3 v3.3.0's TxtFuncMap,
// nil data), never from kinject's. Tests only.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "kinject/gofuncs/sprig.h"
#include "kinject/gotemplate/template.h"

namespace kinject::test::sprig {

struct GoCase {
  std::string_view expr;
  bool error;            // Go failed: `want` is the text after "error calling NAME: "
  std::string_view want;  // else: Go's output
};

// Renders each expression with Sprig's table alone (sprig_funcs()).
inline void check_cases(const std::vector<GoCase>& cases) {
  using namespace kinject::tmpl;
  const FuncMap funcs = sprig_funcs();
  for (const auto& c : cases) {
    INFO("template: " << c.expr);
    std::string got;
    bool failed = false;
    try {
      got = Template::parse("t", c.expr, funcs).execute("t", Value());
    } catch (const TemplateError& e) {
      got = e.what();
      failed = true;
    }
    CHECK(failed == c.error);
    if (c.error) {
      CHECK_THAT(got, Catch::Matchers::EndsWith(std::string(c.want)));
    } else {
      CHECK(got == c.want);
    }
  }
}

}  // namespace kinject::test::sprig
