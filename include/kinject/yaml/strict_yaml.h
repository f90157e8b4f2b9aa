// A second YAML reader, independent of the first: libyaml's reading of a
// text as a tree. The writer checks what it writes with verify_yaml.h
// (libyaml's events against the intended tree, no tree built); this reader
// serves where a tree is needed: the output guard's reading of -o json, the
// writer's message for an input libyaml refuses, and tests.
//
// kinject reads manifests with yaml-cpp and its own fast reader (reader.h,
// simple_yaml.h); both are lenient in places (yaml-cpp by design, the fast
// reader by accident, as any reader can be). Checking kinject's output with
// the reader that produced the input would let a shared mistake through:
// `containers:` followed by `[]` on its own line at the key's indentation
// is invalid YAML that the fast reader accepted, so its read-back approved
// it. This reader is libyaml, the C library that Kubernetes' YAML parser
// (go-yaml, used by kubectl, kustomize, Helm and the API server) was
// ported from: what it refuses, kubectl refuses. On top of libyaml it
// refuses what go-yaml v3 and kustomize refuse and libyaml allows: a key
// repeated in one mapping.
//
// Scalars are resolved as the main reader resolves them (resolve_scalar in
// node.h), aliases are expanded and merge keys applied, so a text reads
// back as the same Node value the writer meant.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "kinject/yaml/node.h"

namespace kinject {

// The value of a text holding at most one YAML document (Null when it holds
// none). Throws Error naming `what`, line:column and libyaml's complaint for
// invalid YAML, a repeated key, or a second document. No spans or styles.
Node read_strict_yaml(std::string_view text, const std::string& what);

}  // namespace kinject
