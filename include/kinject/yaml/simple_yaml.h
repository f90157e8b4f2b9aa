// A fast reader for the plain subset of YAML, to spare yaml-cpp the text
// kinject reads back by the megabyte: the output of injection templates and
// the writer's own edits, which it checks by reading them again.
//
// It reads block mappings and sequences, one-line plain and quoted scalars,
// literal block scalars and flow collections (over several lines too, as
// Istio's templates write `annotations: {`), and declines (returns nullopt) anything else:
// anchors, aliases, tags, directives, multi-line plain or quoted scalars,
// folded scalars, tabs, CR, explicit keys, and any text whose reading it is
// not sure of. Whatever it accepts, it reads exactly as parse_yaml() does
// (test/simple_yaml_test.cpp compares the two over the whole corpus, the
// YAML test suite and rendered templates); what it declines goes to
// yaml-cpp, which also reports the errors.
#pragma once

#include <optional>
#include <string_view>

#include "kinject/yaml/node.h"

namespace kinject {

// The value of a one-document YAML text; nullopt when the text is outside the
// subset (or not valid YAML). With `spans`, every node carries its source
// span and style exactly as the reader's yaml-cpp path gives them, so that a
// document read here can be edited in place like any other.
std::optional<Node> read_simple_yaml(std::string_view text, bool spans = false);

}  // namespace kinject
