// The check of what kinject writes: libyaml reads the text, and its events
// are compared with the tree kinject meant as they stream, without building
// a second tree.
//
// libyaml is the C library Kubernetes' go-yaml (kubectl, kustomize, Helm, the
// API server) was ported from: what it refuses, kubectl refuses. It shares no
// parsing with the readers that read kinject's input (reader.h,
// simple_yaml.h), whose leniencies would otherwise pass their own mistakes
// (strict_yaml.h tells how the fast reader once approved `containers:`
// followed by `[]` at the key's column). Only meaning is shared with them:
// how a scalar resolves (resolve_scalar) and what a merge key is
// (is_merge_key, apply_merge_keys), in node.h.
//
// The rules are the strict reader's (strict_yaml.h): aliases expanded, merge
// keys applied, a key repeated in one mapping refused (as go-yaml v3 and
// kustomize refuse it), at most one document, scalars resolved as Kubernetes
// reads them, and the value compared as Node::same_value compares (map key
// order ignored).
#pragma once

#include <string>
#include <string_view>

#include "kinject/yaml/node.h"

namespace kinject {

// Whether `text` holds at most one YAML document whose value is `want` (Null
// for a text holding none). Throws Error naming `what` and the line:column of
// the first disagreement: libyaml's complaint for invalid YAML, a repeated
// key, a second document, or the first node (or key) that differs from
// `want`.
void verify_text_is(std::string_view text, const Node& want, const std::string& what);

// A text and the value libyaml reads in it, checked together by
// verify_text_is: whoever holds one knows `value()` is what kubectl's parser
// reads in `text()`. The writer checks what it wrote with one and hands it
// on, so that the output's last check (OutputGuard) need not read the same
// bytes again. It refers to the value it was checked against, which must
// outlive it.
class VerifiedText {
 public:
  // Throws as verify_text_is.
  static VerifiedText of(std::string text, const Node& value, const std::string& what) {
    verify_text_is(text, value, what);
    return VerifiedText(std::move(text), value);
  }
  const std::string& text() const { return text_; }
  const Node& value() const { return *value_; }

 private:
  VerifiedText(std::string text, const Node& value) : text_(std::move(text)), value_(&value) {}
  std::string text_;
  const Node* value_;
};

}  // namespace kinject
