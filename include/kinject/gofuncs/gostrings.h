// The pieces of Go's strings package that template functions use, with
// Go's results (strings.TrimSpace, Split, Replace, Join, Trim).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kinject::tmpl {

// strings.TrimSpace: leading and trailing unicode.IsSpace runes (base/unicode.h).
std::string_view trim_space(std::string_view s);

// strings.Split; an empty separator splits after each UTF-8 sequence.
std::vector<std::string_view> split(std::string_view s, std::string_view sep);

// strings.ReplaceAll; an empty `from` inserts `to` between runes. Refuses
// (FuncError) a result over the size limit before building it.
std::string replace_all(std::string_view s, std::string_view from, std::string_view to);

// strings.Join, refusing a result over the size limit.
std::string join(const std::vector<std::string>& parts, std::string_view sep);

// strings.Trim(s, cutset) for an ASCII/UTF-8 cutset.
std::string trim_cutset(std::string_view s, std::string_view cutset);

}  // namespace kinject::tmpl
