// What one execution of a template may make and do.
#pragma once

#include <cstddef>
#include <cstdint>

namespace kinject::tmpl {

// Go's text/template has no limits. kinject runs whatever template files it
// is given, so a template that would run forever ({{range}} over 1e12) or
// fill memory ({{repeat}}, a doubling loop) stops with a TemplateError
// instead. Real injection templates stay far below them.
// One string made by a function, a value printed, and one execution's output.
inline constexpr std::size_t kMaxStringBytes = 64u << 20;
// One list or map made by a function.
inline constexpr std::size_t kMaxItems = 1u << 20;
// The work of one execution: every node walked and every call costs one
// step, and a call's result costs its size too (one step per item, per 64
// bytes), which also bounds loops that grow a value a little at a time.
inline constexpr std::uint64_t kMaxSteps = 20'000'000;
// Nesting of a value made by a function (deeper values would overflow the
// stack when printed or freed; set and merge can even make a map contain
// itself). fromJson stops there too (Go's encoding/json allows 10000).
inline constexpr int kMaxDepth = 1000;

}  // namespace kinject::tmpl
