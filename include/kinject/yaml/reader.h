// Reader: streams -> documents that keep their exact bytes -> Node trees
// whose nodes know their spans. One header per job; this one gathers them.
#pragma once

#include "kinject/yaml/limits.h"       // Limits
#include "kinject/yaml/node.h"         // Node
#include "kinject/yaml/parse.h"        // Document, parse_document, parse_yaml, read_all
#include "kinject/yaml/source_text.h"  // first_invalid_char, line_col, format_size
#include "kinject/yaml/stream.h"       // RawDocument, DocumentStream
