// Bounds on what one run reads.
#pragma once

#include <cstddef>

namespace kinject {

// Bounds on what one run accepts, so that hostile or broken input fails with
// a clear error instead of exhausting the stack, memory or time. Every limit
// has a flag to raise it (see docs/robustness.md for why each default).
struct Limits {
  std::size_t max_document_bytes = 64u << 20;  // one document's source
  std::size_t max_scalar_bytes = 16u << 20;    // one scalar's value
  std::size_t max_nodes = 4u << 20;            // nodes in one document, aliases expanded
  std::size_t max_alias_nodes = 100000;        // nodes one document gains by alias expansion
  std::size_t max_documents = 1000000;         // documents in one stream
  int max_depth = 400;                         // nesting of collections
  // Read documents in the plain subset with the fast reader (simple_yaml.h);
  // off, everything goes through yaml-cpp (tests compare the two).
  bool fast_reader = true;
  // Refuse a key repeated in a mapping, as kubectl does a manifest's. Off
  // for texts Go reads outside strict mode (parse_yaml: a rendered
  // template, values, an annotation), where the last value wins.
  bool refuse_repeated_keys = true;
};

}  // namespace kinject
