// The output invariant (docs/robustness.md), checked on every run before
// anything is written: for a non-empty input, exit 0 means
//  - every document read is written exactly once, and what the inputs held
//    is exactly what was cut into documents (nothing dropped, nothing read
//    twice);
//  - a document written as it was read is the same bytes; any other parses
//    with libyaml, as kubectl's parser, with no repeated keys (the writer's
//    check of it, verify_yaml.h, or else the strict reader, strict_yaml.h)
//    as one document holding the same objects (apiVersion, kind, namespace,
//    name; a List's items one by one);
//  - every workload kinject changed decodes into its Kubernetes type, as
//    kubectl's typed decode would (go_decode.h), read back from the bytes;
//  - every pod spec kinject changed has no name problem the API server
//    refuses (pod_validation.h) that it did not have before.
// A violation is a bug in kinject, not in the input: the run ends as an
// internal error, with nothing on stdout and no file changed.
//
// The guard sees the documents where they enter (the reader tells it every
// document it cuts from an input) and where they leave (the pipeline tells
// it every text it writes), and re-reads what changed with a reader that
// shares no parsing code with the one that read the input.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kinject/yaml/reader.h"
#include "kinject/k8s/workloads.h"
#include "kinject/yaml/verify_yaml.h"

namespace kinject {

// An object's identity as the API server keys it.
struct ObjectId {
  std::string api_version, kind, namespace_, name;
  bool operator==(const ObjectId&) const = default;
  std::string str() const;
};

// The objects of a document: itself, or each item of a List (ResourceList
// included). Null documents hold none.
std::vector<ObjectId> object_ids(const Node& root);

// A set of document indexes added in increasing order, kept as runs
// [first, last] of consecutive ones: documents are read in order and written
// mostly in order, so a stream needs a run or two whatever its length.
struct Runs {
  std::vector<std::pair<int, int>> runs;  // ascending, disjoint, not adjacent
  // `i` must be above every index added so far.
  void add(int i);
  // Removes `i`; false if it was not there.
  bool erase(int i);
  std::size_t count() const;
  // Every index, in order.
  std::vector<int> all() const;
};

class OutputGuard {
 public:
  explicit OutputGuard(const WorkloadCatalog& catalog) : catalog_(catalog) {}

  // An input begins; the number names it in the calls below (the same file
  // may be given twice, and is then read twice).
  std::size_t open(std::string name);
  // The reader cut `doc` from input `input` (DocumentStream's observer).
  void read(std::size_t input, const RawDocument& doc);
  // The reader reached the end of `input`, having taken `bytes` from it.
  void read_all(std::size_t input, std::size_t bytes);

  // The document `doc` of `input` goes out as `text` (YAML, or JSON for -o
  // json). `verified`, when given, is the writer's libyaml check of a text
  // against the value it meant (WriteResult::reading): if it is of these
  // very bytes, that value is what they read as, and they are not read
  // again. Throws Error (an internal error) on a violation.
  void written(std::size_t input, const Document& doc, std::string_view text, const VerifiedText* verified = nullptr);

  // The checks of written() on one text, without the accounting (for an
  // answer made after a failure, such as a KRM function's error result).
  void check(const Document& doc, std::string_view text, const VerifiedText* verified = nullptr) const {
    check(doc.file, doc, text, verified);
  }

  // Every document read was written once, and every input was read to its
  // end and cut without loss. Throws Error (an internal error) otherwise.
  void finish() const;

  std::size_t documents() const { return read_count_; }
  // Documents read and not yet written.
  std::size_t unwritten() const {
    std::size_t n = 0;
    for (const auto& in : inputs_) n += in.unwritten.count();
    return n;
  }
  // What the guard keeps of them: one entry per run of consecutive ones.
  std::size_t kept_entries() const {
    std::size_t n = 0;
    for (const auto& in : inputs_) n += in.unwritten.runs.size();
    return n;
  }

 private:
  struct Input {
    std::string name;
    std::size_t cut = 0;       // bytes in the documents cut from it
    std::size_t taken = 0;     // bytes the reader took from it
    bool ended = false;
    // Documents are cut in order, each once: those read and not yet written
    // are kept as runs of consecutive indexes, never one entry per document
    // (the guard's memory must not grow with the stream: a 200 MB stream has
    // 475,000 documents, and the whole stream is read through before the
    // first document is written when it may hold cluster objects).
    int last_read = 0;
    Runs unwritten;
  };

  void check(const std::string& where, const Document& doc, std::string_view text, const VerifiedText* verified) const;
  [[noreturn]] void violation(const std::string& where, const std::string& what) const;

  const WorkloadCatalog& catalog_;
  std::vector<Input> inputs_;
  std::size_t read_count_ = 0;
};

}  // namespace kinject
