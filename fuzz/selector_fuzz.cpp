// Fuzz target: kubectl label selector syntax (LabelSelector::parse).
//
// Input: the selector on the first line; every further line `key=value` is a
// label of the object it is matched against (a line without '=' is a key
// with an empty value).
// Properties, for a selector that parses:
//  - its str() parses again to a selector with the same str() (what reports
//    print can be pasted back into --selector);
//  - the same selector written as a LabelSelector object (matchExpressions)
//    reads back with the same str();
//  - matches() agrees with first_mismatch() and with every requirement's own
//    matches(); an empty selector matches everything.
// kinject::Error is how parse rejects a selector; anything else is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "kinject/base/error.h"
#include "kinject/yaml/node.h"
#include "kinject/k8s/selector.h"

namespace {

[[noreturn]] void finding(const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "selector_fuzz: %s\n%.*s\n", what, static_cast<int>(detail.size()), detail.data());
  std::abort();
}

const char* op_name(kinject::Requirement::Op op) {
  switch (op) {
    case kinject::Requirement::Op::In: return "In";
    case kinject::Requirement::Op::NotIn: return "NotIn";
    case kinject::Requirement::Op::Exists: return "Exists";
    case kinject::Requirement::Op::DoesNotExist: return "DoesNotExist";
  }
  return "?";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto nl = input.find('\n');
  std::string_view text = input.substr(0, nl);

  kinject::Node labels = kinject::Node::map();
  if (nl != std::string_view::npos) {
    std::string_view rest = input.substr(nl + 1);
    while (!rest.empty()) {
      auto end = rest.find('\n');
      std::string_view line = rest.substr(0, end);
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
      auto eq = line.find('=');
      labels.set(line.substr(0, eq), kinject::Node::string(std::string(eq == std::string_view::npos ? "" : line.substr(eq + 1))));
    }
  }

  kinject::LabelSelector sel;
  try {
    sel = kinject::LabelSelector::parse(text, "fuzz");
  } catch (const kinject::Error&) {
    return 0;
  }

  std::string printed = sel.str();
  if (sel.empty()) {
    if (printed != "<everything>") finding("an empty selector does not print as <everything>", printed);
    if (!sel.matches(&labels) || !sel.matches(nullptr)) finding("an empty selector does not match everything");
    return 0;
  }
  try {
    auto again = kinject::LabelSelector::parse(printed, "fuzz again");
    if (again.str() != printed) finding("str() does not parse back to itself", printed + " -> " + again.str());
  } catch (const kinject::Error& e) {
    finding("str() of a valid selector does not parse", printed + "\n" + e.what());
  }

  kinject::Node exprs = kinject::Node::seq();
  for (const auto& r : sel.requirements()) {
    kinject::Node x = kinject::Node::map();
    x.set("key", kinject::Node::string(r.key));
    x.set("operator", kinject::Node::string(op_name(r.op)));
    if (!r.values.empty()) {
      kinject::Node vs = kinject::Node::seq();
      for (const auto& v : r.values) vs.items.push_back(kinject::Node::string(v));
      x.set("values", vs);
    }
    exprs.items.push_back(x);
  }
  kinject::Node object = kinject::Node::map();
  object.set("matchExpressions", exprs);
  try {
    auto from_object = kinject::LabelSelector::from_node(object, "fuzz object");
    if (from_object.str() != printed) finding("the selector as an object reads back differently", printed + " -> " + from_object.str());
  } catch (const kinject::Error& e) {
    finding("the selector as an object is rejected", printed + "\n" + e.what());
  }

  for (const kinject::Node* l : {static_cast<const kinject::Node*>(&labels), static_cast<const kinject::Node*>(nullptr)}) {
    bool m = sel.matches(l);
    const kinject::Requirement* miss = sel.first_mismatch(l);
    if (m != (miss == nullptr)) finding("matches() and first_mismatch() disagree", printed);
    bool all = true;
    for (const auto& r : sel.requirements()) all = all && r.matches(l);
    if (m != all) finding("matches() is not the AND of its requirements", printed);
  }
  return 0;
}
