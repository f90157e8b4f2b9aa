// Parsing: a raw document (stream.h) -> a Node tree whose nodes know their
// source spans. The fast reader (simple_yaml.h) takes the plain subset;
// yaml-cpp, with kinject's checks on top, reads the rest.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kinject/yaml/limits.h"
#include "kinject/yaml/node.h"
#include "kinject/yaml/stream.h"

namespace kinject {

// A parsed document.
struct Document {
  std::string file;      // input name
  RawDocument raw;
  Node root;             // Null for a document with no content
  bool empty = true;     // only comments, separators and blank lines
  bool json = false;     // written as JSON (a flow mapping at top level)
  bool crlf = false;     // uses CRLF line ends
  // False when the spans of this document could not be established with
  // certainty (exotic syntax); the writer then re-emits a changed document
  // whole instead of editing it in place.
  bool editable = true;
  std::vector<std::string> warnings;  // e.g. duplicate keys
};

// Parses a raw document. Throws Error (file, document number, line:column,
// and what is wrong) on invalid YAML or a limit exceeded.
Document parse_document(RawDocument raw, const std::string& file, const Limits& limits = {});

// Parses a standalone YAML/JSON text (a values file, a rendered template) into
// a Node; `what` names it in errors. Multi-document texts are rejected. The
// value only: nodes may lack source spans (the fast reader of simple_yaml.h
// reads what it can, yaml-cpp the rest). Such texts are Go's to read in
// Istio, so a repeated key keeps its last value (keep_last_of_repeated_keys).
Node parse_yaml(std::string_view text, const std::string& what, const Limits& limits = {});

// parse_yaml's value of a text already read as `docs` (read_all), so that a
// text read for its documents is not read again for its value. Throws Error
// as parse_yaml does for a second document.
Node value_of_documents(const std::vector<Document>& docs, const std::string& what);

// Reads every document of a whole text (convenience for tests and config files).
std::vector<Document> read_all(std::string_view text, const std::string& name, const Limits& limits = {});

}  // namespace kinject
