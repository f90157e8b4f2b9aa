#include "kinject/pipeline/report.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "kinject/base/error.h"
#include "kinject/base/text.h"

namespace kinject {

namespace {

std::string json_list(const std::vector<std::string>& v) {
  std::string out = "[";
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + json_quote(v[i]);
  return out + "]";
}

}  // namespace

std::string format_entry(const ReportEntry& e) {
  std::string out = fmt::format("{}/{} (ns {}): {}", ascii_lower(e.kind), e.name.empty() ? "<unnamed>" : e.name,
                                e.namespace_.empty() ? "default" : e.namespace_, e.action);
  if (!e.containers.empty()) {
    out += " [";
    for (std::size_t i = 0; i < e.containers.size(); ++i) out += (i ? ", " : "") + e.containers[i];
    out += "]";
  }
  if (!e.reason.empty()) out += " — " + e.reason;
  if (!e.sidecar_reason.empty()) out += (e.reason.empty() ? " — " : "; ") + e.sidecar_reason;
  return out;
}

std::string format_entry_json(const ReportEntry& e) {
  return fmt::format(
      "{{\"file\": {}, \"document\": {}, \"item\": {}, \"kind\": {}, \"namespace\": {}, \"name\": {}, "
      "\"action\": {}, \"reason\": {}, \"webhook\": {}, \"configuration\": {}, \"revision\": {}, \"containers\": {}, "
      "\"sidecar\": {}, \"sidecar_reason\": {}}}",
      json_quote(e.file), e.document, e.item.empty() ? "null" : json_quote(e.item), json_quote(e.kind),
      json_quote(e.namespace_.empty() ? "default" : e.namespace_), json_quote(e.name), json_quote(e.action),
      json_quote(e.reason), e.webhook.empty() ? "null" : json_quote(e.webhook),
      e.configuration.empty() ? "null" : json_quote(e.configuration), e.revision.empty() ? "null" : json_quote(e.revision),
      json_list(e.containers),
      e.sidecar.empty() ? "null" : json_quote(e.sidecar), e.sidecar.empty() ? "null" : json_quote(e.sidecar_reason));
}

void Summary::count(const std::string& action) {
  for (auto& [name, n] : actions)
    if (name == action) {
      ++n;
      return;
    }
  actions.emplace_back(action, 1);
}

std::string format_summary(const Summary& s) {
  std::string out = "summary: ";
  for (std::size_t i = 0; i < s.actions.size(); ++i) out += fmt::format("{}{} {}", i ? ", " : "", s.actions[i].second, s.actions[i].first);
  out += fmt::format(" in {} {}", s.files_read, s.files_read == 1 ? "input" : "inputs");
  if (s.files_rewritten >= 0) out += fmt::format("; {} {} rewritten", s.files_rewritten, s.files_rewritten == 1 ? "file" : "files");
  else if (!s.output.empty()) out += "; written to " + s.output;
  return out;
}

std::string format_error_json(const std::string& severity, const std::string& message, const Location* where) {
  std::string out = fmt::format("{{\n  \"error\": {{\"severity\": {}, \"message\": {}", json_quote(severity), json_quote(message));
  if (where && !where->file.empty()) out += ", \"file\": " + json_quote(where->file);
  if (where && where->document > 0) out += fmt::format(", \"document\": {}", where->document);
  if (where && where->line > 0) out += fmt::format(", \"line\": {}, \"column\": {}", where->line, where->column);
  return out + "}\n}\n";
}

std::string format_report_parts(const std::vector<std::string>& warnings, std::string_view entries, std::size_t count,
                                ReportFormat f, const Summary* summary) {
  std::string out;
  switch (f) {
    case ReportFormat::None:
      for (const auto& w : warnings) out += "warning: " + w + "\n";
      return out;
    case ReportFormat::Text:
      for (const auto& w : warnings) out += "warning: " + w + "\n";
      out += entries;
      if (summary) out += format_summary(*summary) + "\n";
      return out;
    case ReportFormat::Json:
      out = "{\n  \"workloads\": [";
      out += entries;
      out += count == 0 ? "],\n" : "\n  ],\n";
      out += "  \"warnings\": " + json_list(warnings);
      if (summary) {
        out += ",\n  \"summary\": {";
        for (std::size_t i = 0; i < summary->actions.size(); ++i)
          out += fmt::format("{}{}: {}", i ? ", " : "", json_quote(summary->actions[i].first), summary->actions[i].second);
        out += fmt::format("{}\"inputs\": {}", summary->actions.empty() ? "" : ", ", summary->files_read);
        if (summary->files_rewritten >= 0) out += fmt::format(", \"rewritten\": {}", summary->files_rewritten);
        if (!summary->output.empty()) out += ", \"output\": " + json_quote(summary->output);
        out += "}";
      }
      out += "\n}\n";
      return out;
  }
  return out;
}

std::string format_report_entry(const ReportEntry& e, ReportFormat f, std::size_t index) {
  switch (f) {
    case ReportFormat::None:
      return {};
    case ReportFormat::Text:
      return format_entry(e) + "\n";
    case ReportFormat::Json:
      return (index ? ",\n    " : "\n    ") + format_entry_json(e);
  }
  return {};
}

std::string format_report(const Report& r, ReportFormat f) {
  std::string entries;
  for (std::size_t i = 0; i < r.entries.size(); ++i) entries += format_report_entry(r.entries[i], f, i);
  return format_report_parts(r.warnings, entries, r.entries.size(), f);
}

}  // namespace kinject
