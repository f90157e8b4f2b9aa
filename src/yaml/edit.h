// Internal to the writer: a document's text edited in place (edit.cpp),
// the differences between the tree read and the new one turned into edits
// of the original text (see write.h).
#pragma once

#include <exception>
#include <span>
#include <string>
#include <string_view>

#include "kinject/yaml/node.h"
#include "kinject/yaml/parse.h"
#include "kinject/yaml/style.h"

namespace kinject {

// The edit cannot be made in place with certainty; the writer re-emits the
// document whole instead.
class NotEditable : public std::exception {};

// doc's text with its content changed to `updated`, everything else kept;
// list items paired by `item_keys` (see write_document). Throws
// NotEditable. The result is unchecked: write_document reads it back.
std::string edit_in_place(const Document& doc, const DocStyle& st, const Node& updated,
                          std::span<const std::string_view> item_keys);

}  // namespace kinject
