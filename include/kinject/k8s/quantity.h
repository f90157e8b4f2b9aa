// Kubernetes' resource.Quantity: parsing, its canonical spelling, and
// keeping a manifest's own spelling where the value did not change.
#pragma once

#include <string>
#include <string_view>

#include "kinject/yaml/node.h"

namespace kinject::k8s {

// resource.Quantity's canonical form ("3000m" -> "3", "1024Mi" -> "1Gi").
// Returns the input unchanged if it is not a quantity.
std::string canonical_quantity(std::string_view q);
// resource.ParseQuantity's verdict on a string: "" when it parses, else
// Go's error ("quantities must match the regular expression ...", "unable to
// parse quantity's suffix", "unable to parse numeric part of quantity").
std::string quantity_error(std::string_view q);
// Whether a string parses as a resource.Quantity: quantity_error(q) is "".
bool is_quantity(std::string_view q);

// Where a resources map (`limits`, `requests`) holds a quantity that equals
// the one in `was` but is spelt otherwise (Go's canonical "3" for the
// manifest's "3000m"), `was`'s spelling is put back: the value did not change.
void keep_quantity_spelling(Node& resources, const Node& was);

}  // namespace kinject::k8s
