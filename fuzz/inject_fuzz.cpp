// Fuzz target: the whole inject command, input on stdin, built-in profile.
//
// Properties:
//  - exit 0: stdout holds the manifests (non-empty when the input had any
//    non-blank byte), and injecting that output again changes nothing
//    (exit 0, the same bytes): kinject's idempotence promise.
//  - exit 0: the output invariant, checked here apart from kinject's own
//    output guard: as many documents out as in, each either the same bytes
//    or one that kubectl's parser reads (strict_yaml.h: libyaml, no repeated
//    keys) holding the same objects.
//  - exit != 0: stdout is empty (all or nothing) and stderr says why.
// A crash, a hang, an internal error (an exception other than kinject::Error,
// which run_inject turns into one) or a broken property is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "kinject/base/disk.h"
#include "kinject/base/error.h"
#include "kinject/pipeline/output_guard.h"
#include "kinject/pipeline/pipeline.h"
#include "kinject/yaml/reader.h"
#include "kinject/yaml/strict_yaml.h"

namespace {

[[noreturn]] void finding(const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "inject_fuzz: %s\n%.*s\n", what, static_cast<int>(detail.size()), detail.data());
  std::abort();
}

struct Run {
  int rc;
  std::string out, err;
};

// The options are the CLI's defaults; the limits are smaller so that an alias
// bomb costs milliseconds, not seconds (the code paths are the same).
const kinject::Options& options() {
  static const kinject::Options opts = [] {
    kinject::Options o;
    o.limits.max_document_bytes = 1u << 20;
    o.limits.max_nodes = 100000;
    return o;
  }();
  return opts;
}

Run inject(const std::string& input) {
  // No environment: the result must not depend on the fuzzing machine.
  static const kinject::EnvLookup env = [](std::string_view) -> std::optional<std::string> { return std::nullopt; };
  kinject::MemoryDisk disk;
  std::istringstream in(input);
  std::ostringstream out, err;
  int rc = kinject::run_inject(options(), disk, in, out, err, env);
  return {rc, out.str(), err.str()};
}

std::vector<kinject::RawDocument> documents(const std::string& text) {
  std::istringstream in(text);
  kinject::DocumentStream stream(in, "-", options().limits);
  std::vector<kinject::RawDocument> out;
  while (auto d = stream.next()) out.push_back(std::move(*d));
  return out;
}

void check_invariant(const std::string& input, const std::string& output) {
  auto in = documents(input), out = documents(output);
  if (in.size() != out.size()) finding("a different number of documents out than in", "--- output:\n" + output);
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i].text == out[i].text) continue;
    kinject::Node wrote;
    try {
      wrote = kinject::read_strict_yaml(out[i].text, "output");
    } catch (const kinject::Error& e) {
      finding("a rewritten document kubectl's parser would not read", std::string(e.what()) + "\n--- document:\n" + out[i].text);
    }
    kinject::Document read = kinject::parse_document(in[i], "-", options().limits);
    if (kinject::object_ids(read.root) != kinject::object_ids(wrote))
      finding("a rewritten document holds other objects", "--- in:\n" + in[i].text + "--- out:\n" + out[i].text);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  Run first = inject(input);
  if (first.rc != 0) {
    if (!first.out.empty()) finding("failed, yet wrote to stdout", first.out);
    if (first.err.empty()) finding("failed without a message");
    // kinject's own bugs surface as "internal error" (an exception other
    // than kinject::Error, or a rewrite that does not read back).
    if (first.err.find("internal error") != std::string::npos) finding("an internal error", first.err);
    return 0;
  }
  bool blank = input.find_first_not_of(" \t\r\n") == std::string::npos;
  if (!blank && first.out.empty()) finding("succeeded on a non-blank input but wrote nothing", first.err);
  check_invariant(input, first.out);

  Run second = inject(first.out);
  if (second.rc != 0) finding("the output of a successful injection is rejected", second.err + "\n--- output:\n" + first.out);
  if (second.out != first.out)
    finding("injecting the output again changed it", "--- first:\n" + first.out + "--- second:\n" + second.out);
  return 0;
}
