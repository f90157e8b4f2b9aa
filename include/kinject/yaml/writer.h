// Writer: documents back to text, changing only what changed.
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

#include <string>
#include <vector>

#include "kinject/yaml/node.h"
#include "kinject/yaml/reader.h"
#include "kinject/base/text.h"

namespace kinject {

// How a document writes things, learnt from the document itself.
struct DocStyle {
  int indent = 2;            // extra indentation of a nested block map
  int seq_indent = 2;        // column of '-' relative to the owning key (0 = "indentless")
  int item_indent = 2;       // column of an item map's keys relative to its '-'
  char quote = '"';          // quote used when a string must be quoted
  bool quote_strings = false;  // the document quotes string values even when it need not
  bool crlf = false;         // line ends
  bool flow = false;         // the document is one flow collection ({...})
  bool json = false;         // ... with JSON syntax: new content is JSON
  const char* eol() const { return crlf ? "\r\n" : "\n"; }
};

DocStyle detect_style(const Document& doc);

struct WriteResult {
  std::string text;
  bool changed = false;
  bool reformatted = false;  // could not edit in place; the document was re-emitted whole
};

// The document's text with its content replaced by `updated`.
WriteResult write_document(const Document& doc, const Node& updated);

// Block YAML for a node made by kinject, as the value of a top-level
// document (no trailing newline).
std::string emit_yaml(const Node& n, const DocStyle& style = {});

// JSON text, kubectl style (`indent` spaces per level); 0 = compact, one
// line without spaces, as Go's json.Marshal writes it.
std::string emit_json(const Node& n, int indent = 4);

// A scalar's text as a YAML plain scalar if it can be written plain without
// changing its type or meaning (under both YAML 1.1 and 1.2 readers), else
// double-quoted.
std::string yaml_scalar(const Node& n, bool flow = false, char quote = '"');


}  // namespace kinject
