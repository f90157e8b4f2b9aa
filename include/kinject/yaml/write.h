// Writing: a document back to text, changing only what changed.
//
// The injector hands over a document's new value tree. The writer compares it
// with the tree that was read (which knows every node's span) and turns the
// differences into edits of the original text: a new map entry is inserted
// after its neighbour, a new list item after the previous one, a changed
// scalar is replaced in its own style. Everything not touched keeps its bytes:
// comments, key order, quoting, flow or block style, indentation. New content
// is written in the document's own style (indent width, list indentation,
// quote character, line ends, JSON or YAML).
//
// Aliases are never edited through: a change under `*ref` replaces the alias
// with the full new value, and a change under `&ref` expands every alias of
// that anchor with the value it had.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "kinject/yaml/node.h"
#include "kinject/yaml/parse.h"
#include "kinject/yaml/verify_yaml.h"

namespace kinject {

struct WriteResult {
  std::string text;
  bool changed = false;
  bool reformatted = false;  // could not edit in place; the document was re-emitted whole
  // `text` as libyaml read it, checked against `updated` (verify_yaml.h):
  // set when the document changed. It refers to `updated`, which must
  // outlive it.
  std::optional<VerifiedText> reading;
};

// The document's text with its content replaced by `updated`, checked to
// read (with libyaml) as `updated`.
//
// `item_keys` pairs the items of a list in the document with those of the
// same list in `updated` (what stays, what moves, what is new): by the first
// of these keys that each item of both has, with a scalar value unique in
// its list; a list without one pairs its items by position or by equal
// value. They are Kubernetes' strategic merge keys, which the k8s layer
// hands down (list_item_keys, k8s/strategic_merge.h).
WriteResult write_document(const Document& doc, const Node& updated, std::span<const std::string_view> item_keys);

// Throws the writer's Error for a document it does not rewrite whatever the
// change (a list or a map used as a mapping key): for the callers that
// serialise a changed tree otherwise (-o json).
void refuse_unwritable_keys(const Document& doc);

}  // namespace kinject
