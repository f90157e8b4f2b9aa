// How a document writes things, learnt from the document itself, so that
// new content reads as if the same hand wrote it.
#pragma once

#include "kinject/yaml/parse.h"

namespace kinject {

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

}  // namespace kinject
