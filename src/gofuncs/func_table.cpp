// Function-table rows and the result size checks (func_table.h).
#include "kinject/gofuncs/func_table.h"

#include <algorithm>

#include <fmt/format.h>

namespace kinject::tmpl {

Function fixed(std::vector<Param> params, FuncImpl impl) {
  return Function{std::move(params), std::nullopt, std::move(impl)};
}

Function variadic(std::vector<Param> params, Param rest, FuncImpl impl) {
  return Function{std::move(params), std::move(rest), std::move(impl)};
}

void add_funcs(FuncMap& f, const FuncTable& table) {
  for (const auto& row : table) f.set(row.name, row.fn);
}

void check_bytes(std::uint64_t n, std::string_view what) {
  if (n > kMaxStringBytes) throw FuncError(fmt::format("{} would be larger than {} MiB", what, kMaxStringBytes >> 20));
}

void check_items(std::uint64_t n, std::string_view what) {
  if (n > kMaxItems) throw FuncError(fmt::format("{} would have more than {} items", what, kMaxItems));
}

void check_indent(std::int64_t n, std::string_view s) {
  std::uint64_t pad = std::min<std::uint64_t>(n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n),
                                              kMaxStringBytes + 1);
  std::uint64_t lines = 1 + static_cast<std::uint64_t>(std::count(s.begin(), s.end(), '\n'));
  check_bytes(s.size() + lines * pad, "the indented string");
}

}  // namespace kinject::tmpl
