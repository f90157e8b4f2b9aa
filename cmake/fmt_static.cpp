// fmt's compiled part, for the static-pie kinject: Debian has no libfmt.a,
// and fmt's header-only mode would compile this into every file that
// includes fmt. It defines what libfmt.so would: format-inl.h's functions
// and the instantiations kinject's objects refer to (`nm -u` of the layers'
// archives: vformat, throw_format_error, is_printable, thousands_sep_impl).
#include <fmt/format-inl.h>

FMT_BEGIN_NAMESPACE
namespace detail {
template FMT_API auto thousands_sep_impl(locale_ref) -> thousands_sep_result<char>;
template FMT_API auto decimal_point_impl(locale_ref) -> char;
template FMT_API void buffer<char>::append(const char*, const char*);
}  // namespace detail
FMT_END_NAMESPACE
