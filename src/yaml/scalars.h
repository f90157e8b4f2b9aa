// Internal to the writer: scalars and keys as YAML and JSON text, for the
// emitter, the editor and the style probe (scalar.cpp).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "kinject/yaml/node.h"

namespace kinject {

// yaml_scalar (scalar.h), quoting a string that could go plain when the
// document quotes such strings (`quote_strings`, DocStyle).
std::string yaml_scalar_styled(const Node& n, bool flow, char quote, bool quote_strings);
// The same, appended to `out`: the emitter writes into one buffer.
void append_yaml_scalar(std::string& out, const Node& n, bool flow, char quote, bool quote_strings);

// Whether a string can be written as a plain scalar and read back as the
// same string, by every YAML reader (in flow context with `flow`).
bool plain_safe(std::string_view s, bool flow);

// A JSON string as Go writes it, and with C1 controls escaped (\u0085):
// YAML readers take NEL for a line break, and kinject refuses it raw.
std::string json_string(std::string_view text);

// A scalar as JSON; `exact` keeps a number's kind (see json_number).
std::string json_scalar(const Node& n, bool exact);

// A map key as YAML text (in flow context with `flow`); a collection key
// is written as a one-line flow collection.
std::string key_text(const Node& key, bool flow, char quote);
// The same, appended to `out`.
void append_key_text(std::string& out, const Node& key, bool flow, char quote);

// YAML caps an implicit key at 1024 characters and yaml-cpp enforces it
// (JSON included); a longer key, which can only have been read as an
// explicit `? key`, is written as one again. The margin covers what yaml-cpp
// counts besides the key's own text.
constexpr std::size_t kMaxImplicitKey = 1000;

// A flow key and its ':' (no space after).
std::string flow_key_colon(const std::string& key);

}  // namespace kinject
