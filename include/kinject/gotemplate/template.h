// A faithful C++ implementation of Go's text/template language.
//
// kinject runs Istio's sidecar-injector templates offline, so the engine has
// to reproduce what Go's text/template (plus reflect and fmt) does with the
// same input: the same output bytes, the same truthiness, the same error
// messages. The data model (Value) mirrors what reflect sees: untyped
// values decoded from JSON/YAML (map[string]interface{}, []interface{},
// float64, ...) and named Go structs with methods (Kubernetes and proto
// types) described by a TypeInfo.
//
// This header is the whole engine's API; its parts are in value.h (the data
// model), funcs.h (FuncMap), limits.h, fmt.h and strconv.h.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "kinject/gotemplate/fmt.h"
#include "kinject/gotemplate/funcs.h"
#include "kinject/gotemplate/limits.h"
#include "kinject/gotemplate/strconv.h"
#include "kinject/gotemplate/value.h"

namespace kinject::tmpl {

// Thrown for parse and execution errors. The message has Go's shape, e.g.
//   template: sidecar:12: unexpected EOF
//   template: sidecar:3:7: executing "sidecar" at <.Values.x>: ...
class TemplateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct TemplateSet;  // parsed trees + functions, defined in src/gotemplate/ast.h

// A set of parsed templates sharing one FuncMap. Copies share the parsed
// trees; add() on a copy does not affect the original.
class Template {
 public:
  // Parses `text` as template `name`; {{define}}/{{block}} add more names.
  static Template parse(std::string_view name, std::string_view text, FuncMap funcs);

  // Parses more templates into the set. A new non-empty definition of an
  // existing name replaces it (as Go's Template.Parse does).
  void add(std::string_view name, std::string_view text);

  bool has(std::string_view name) const;
  std::vector<std::string> names() const;

  // The set, parsed from one text, in a form load_prepared() reads back
  // without lexing or parsing (src/gotemplate/prepared.cpp): offsets into
  // the text, the same bytes on every build. Empty when the set cannot be
  // written so (its trees come from more than one text: add()).
  std::string prepared_form() const;
  // The set prepared_form() wrote when `text` was parsed as `name`. The
  // caller vouches that `text` is that text (the form holds offsets, not
  // the bytes); nullopt when the form does not fit it, or names a function
  // `funcs` refuses or lacks: then parse(), which says what is wrong.
  static std::optional<Template> load_prepared(std::string_view name, std::string_view text, std::string_view form,
                                               FuncMap funcs);

  // Executes template `name` with `data` as dot.
  std::string execute(std::string_view name, const Value& data) const;
  void execute_to(std::string& out, std::string_view name, const Value& data) const;

  Template(const Template&) = default;
  Template(Template&&) noexcept = default;
  Template& operator=(const Template&) = default;
  Template& operator=(Template&&) noexcept = default;
  ~Template();

 private:
  explicit Template(std::shared_ptr<TemplateSet> set);
  std::shared_ptr<TemplateSet> set_;
};

}  // namespace kinject::tmpl
