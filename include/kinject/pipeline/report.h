// Report: one line per workload, what happened and why (stderr), as text or
// JSON (SPEC §7).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kinject {

struct Location;

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
  std::string sidecar;         // the proxy's layout, "native" or "classic"; "" when none was injected
  std::string sidecar_reason;  // why that layout
  std::string configuration;   // the MutatingWebhookConfiguration of `webhook`
  std::string revision;        // the control plane revision that injected ("default", "canary"); "" when none did
};

struct Report {
  std::vector<ReportEntry> entries;
  std::vector<std::string> warnings;  // file-level notes (duplicate keys, reformatting)
};

enum class ReportFormat { Text, Json, None };

// The end of a report: how many workloads ended how (the actions the
// command has, e.g. injected, skipped, unchanged, always counted; others in
// the order they first appear), how many inputs were read and where the
// output went.
struct Summary {
  std::vector<std::pair<std::string, long>> actions;
  long files_read = 0;
  long files_rewritten = -1;  // -i: how many input files were rewritten; -1 otherwise
  std::string output;         // "stdout", a file name, or "" (check without --diff)
  void count(const std::string& action);
};
// `summary: 2 injected, 1 skipped, 0 unchanged in 3 files; 2 files rewritten`
std::string format_summary(const Summary& s);

// An error as the JSON report gives it (--report json): {"error": {...}}
// with the message and, when known, file, document, line and column.
std::string format_error_json(const std::string& severity, const std::string& message, const Location* where);

// `statefulset/redis (ns data): injected [istio-proxy, istio-init]`
std::string format_entry(const ReportEntry& e);
std::string format_report(const Report& r, ReportFormat f);

// The same, piece by piece, for reports too long to hold as entries: each
// entry formatted as it comes (`index` = its position), then the whole from
// the warnings and the concatenated entries.
std::string format_entry_json(const ReportEntry& e);
std::string format_report_entry(const ReportEntry& e, ReportFormat f, std::size_t index);
// With ReportFormat::None only the warnings are given (each says something
// was not done or not kept), as text.
std::string format_report_parts(const std::vector<std::string>& warnings, std::string_view entries, std::size_t count,
                                ReportFormat f, const Summary* summary = nullptr);

}  // namespace kinject
