// The public Template API: a set of parsed trees sharing one FuncMap.
//
// The engine follows Go's text/template closely where behaviour is
// observable (token boundaries, trim markers, error wording, which node an
// execution error points at, how missing values flow through pipelines);
// elsewhere it is a plain C++ design: the whole input is tokenized up front
// (lex.cpp), the parse tree (ast.h, parse.cpp) is a tree of tagged nodes and
// the executor (exec.cpp) is a recursive walk that appends to one string.
#include "kinject/gotemplate/template.h"

#include <algorithm>
#include <memory>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "exec.h"
#include "parse.h"

namespace kinject::tmpl {

Template::Template(std::shared_ptr<TemplateSet> set) : set_(std::move(set)) {}
Template::~Template() = default;

Template Template::parse(std::string_view name, std::string_view text, FuncMap funcs) {
  auto set = std::make_shared<TemplateSet>();
  set->primary = std::string(name);
  set->funcs = std::make_shared<const FuncMap>(std::move(funcs));
  detail::parse_into(*set, name, text);
  return Template(std::move(set));
}

void Template::add(std::string_view name, std::string_view text) {
  // Copy-on-write: parsed trees are shared, the name table is not.
  auto copy = std::make_shared<TemplateSet>(*set_);
  detail::parse_into(*copy, name, text);
  set_ = std::move(copy);
}

bool Template::has(std::string_view name) const { return set_->trees.count(std::string(name)) > 0; }

std::vector<std::string> Template::names() const {
  std::vector<std::string> out;
  for (const auto& [n, t] : set_->trees) out.push_back(n);
  std::sort(out.begin(), out.end());
  return out;
}

void Template::execute_to(std::string& out, std::string_view name, const Value& data) const {
  auto it = set_->trees.find(std::string(name));
  if (it == set_->trees.end()) {
    throw TemplateError(fmt::format("template: no template {} associated with template {}", go_quote(name),
                                    go_quote(set_->primary)));
  }
  detail::execute(*set_, *it->second, data, out);
}

std::string Template::execute(std::string_view name, const Value& data) const {
  std::string out;
  out.reserve(4096);
  execute_to(out, name, data);
  return out;
}

}  // namespace kinject::tmpl
