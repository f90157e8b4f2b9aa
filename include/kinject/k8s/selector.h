// Kubernetes label selectors, with apimachinery's semantics exactly:
// matchLabels and matchExpressions are ANDed; In, NotIn, Exists,
// DoesNotExist; NotIn and DoesNotExist match a missing key; an empty
// selector matches everything. Invalid selectors (unknown operator, In
// without values, Exists with values, bad key or value syntax) are errors.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kinject/yaml/node.h"

namespace kinject {

struct Requirement {
  enum class Op { In, NotIn, Exists, DoesNotExist };
  std::string key;
  Op op = Op::Exists;
  std::vector<std::string> values;  // sorted, unique

  bool matches(const Node* labels) const;
  // "istio-injection in (enabled)", "!istio.io/rev", "app" ...
  std::string str() const;
};

class LabelSelector {
 public:
  // The empty selector: matches everything.
  LabelSelector() = default;

  // A LabelSelector object ({matchLabels, matchExpressions}). `what` names
  // it in errors (e.g. "webhook rev.object.sidecar-injector.istio.io
  // objectSelector"). Throws Error.
  static LabelSelector from_node(const Node& selector, const std::string& what);
  // kubectl's selector syntax: "app=web,tier!=db,env in (a,b),!legacy,debug".
  static LabelSelector parse(std::string_view text, const std::string& what);

  bool empty() const { return requirements_.empty(); }
  bool matches(const Node* labels) const;
  // The first requirement `labels` fails, for reasons in reports.
  const Requirement* first_mismatch(const Node* labels) const;
  const std::vector<Requirement>& requirements() const { return requirements_; }
  // kubectl's string form ("app=web,tier in (a,b)"); "<everything>" if empty.
  std::string str() const;

 private:
  std::vector<Requirement> requirements_;  // sorted by key, as apimachinery does
};

// Label syntax checks (apimachinery validation). Return an error message, or
// nothing when valid.
std::optional<std::string> invalid_label_key(std::string_view key);
std::optional<std::string> invalid_label_value(std::string_view value);

// The string value of a label in a labels map; nullopt when absent.
std::optional<std::string> label_value(const Node* labels, std::string_view key);

}  // namespace kinject
