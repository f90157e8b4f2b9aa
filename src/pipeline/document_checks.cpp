#include "kinject/pipeline/document_checks.h"

#include <fmt/format.h>

#include "kinject/base/text.h"
#include "kinject/k8s/workloads.h"
#include "kinject/yaml/source_text.h"
#include "kinject/yaml/template_syntax.h"

namespace kinject {

void check_object_fields(const Document& doc) {
  auto p = object_field_problem(doc.root);
  if (!p) return;
  std::size_t at = p->node->has_span ? p->node->span.begin : 0;
  auto [line, col] = line_col(doc.raw.text, at);
  std::string msg = fmt::format("{} is {}, not a string: this is not a Kubernetes object as written (kubectl refuses it too)",
                                p->path, p->what);
  // `name: {{ .Release.Name }}` reads as a mapping: a chart's template.
  std::string_view t = doc.raw.text;
  if (auto actions = template_actions(p->node->has_span ? t.substr(at) : std::string_view());
      !actions.empty() && actions[0].begin == 0)
    msg = fmt::format("{}\n  as it is, {}", template_syntax_message(t.substr(at, actions[0].end), doc.raw.first_line + line - 1, col),
                      msg);
  throw Error(Location{doc.file, doc.raw.index, doc.raw.first_line + line - 1, col}, msg);
}

void refuse_chart_template(const Document& doc) {
  std::string_view t = doc.raw.text;
  if (t.find("{{") == std::string_view::npos) return;
  const Node* n = template_mapping(doc.root, t);
  if (!n) return;
  auto [line, col] = line_col(t, n->span.begin);
  const int at_line = doc.raw.first_line + line - 1;
  std::string_view action = t.substr(n->span.begin, template_actions(t.substr(n->span.begin))[0].end);
  throw Error(Location{doc.file, doc.raw.index, at_line, col},
              fmt::format("{}\n  as it is, {} reads as a mapping keyed by a mapping, which kubectl refuses (invalid map key)",
                          template_syntax_message(action, at_line, col), action));
}

Error located(const Document& doc, const Workload& w, const Error& err) {
  const Node* obj = w.object(doc.root);
  long offset = err.offset() >= 0 ? err.offset() : (obj && obj->has_span ? static_cast<long>(obj->span.begin) : 0);
  auto [line, col] = line_col(doc.raw.text, static_cast<std::size_t>(offset));
  return Error(Location{doc.file, doc.raw.index, doc.raw.first_line + line - 1, col},
               fmt::format("{}/{}: {}", ascii_lower(w.kind), w.name, err.bare()));
}

std::optional<k8s::DecodeProblem> decode_problem(const Document& doc, const Workload& w) {
  const Node* obj = w.object(doc.root);
  if (!obj) return std::nullopt;
  return k8s::decode_workload(*obj, w.api_version, w.kind, w.template_path);
}

Error type_error(const Document& doc, const Workload& w, const k8s::DecodeProblem& p) {
  Error err(fmt::format("{}; kinject changes only what Kubernetes can decode", p.message()));
  if (p.node && p.node->has_span) err.at_offset(static_cast<long>(p.node->span.begin));
  return located(doc, w, err);
}

std::string undecodable_warning(const Document& doc, const Workload& w, const k8s::DecodeProblem& p) {
  Error err(fmt::format("{} (written as it came: kinject did not change it; kubectl will refuse it as it is)", p.message()));
  if (p.node && p.node->has_span) err.at_offset(static_cast<long>(p.node->span.begin));
  return located(doc, w, err).what();
}

}  // namespace kinject
