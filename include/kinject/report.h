// Report: one line per workload, what happened and why (stderr), as text or
// JSON (SPEC §7).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kinject {

struct ReportEntry {
  std::string file;
  int document = 0;       // 1-based document number in the file
  std::string item;       // "items[2]" for objects inside a List, else ""
  std::string kind;
  std::string name;
  std::string namespace_;
  std::string action;     // "injected", "skipped", "unchanged"
  std::string reason;
  std::vector<std::string> containers;  // added (containers, then init containers)
  std::string webhook;    // with --rules: the webhook that fired, if one did
};

struct Report {
  std::vector<ReportEntry> entries;
  std::vector<std::string> warnings;  // file-level notes (duplicate keys, reformatting)
};

enum class ReportFormat { Text, Json, None };

// `statefulset/redis (ns data): injected [istio-proxy, istio-init]`
std::string format_entry(const ReportEntry& e);
std::string format_report(const Report& r, ReportFormat f);

// The same, piece by piece, for reports too long to hold as entries: each
// entry formatted as it comes (`index` = its position), then the whole from
// the warnings and the concatenated entries.
std::string format_entry_json(const ReportEntry& e);
std::string format_report_entry(const ReportEntry& e, ReportFormat f, std::size_t index);
std::string format_report_parts(const std::vector<std::string>& warnings, std::string_view entries, std::size_t count,
                                ReportFormat f);

}  // namespace kinject
