// Go's Unicode tables as unicode.cpp needs them, generated into
// unicode_tables.cpp by the test oracle (test/oracle/sprig: `sprig-oracle
// casetables`), never edited by hand.
#pragma once

#include <array>
#include <cstdint>

namespace kinject::unicode {

// first, first + stride, ..., last each map to rune + delta.
struct CaseRun {
  std::uint32_t first;
  std::uint32_t last;
  std::uint32_t stride;
  std::int32_t delta;
};

extern const std::array<CaseRun, 200> kUpperRuns;  // unicode.ToUpper
extern const std::array<CaseRun, 182> kLowerRuns;  // unicode.ToLower
extern const std::array<CaseRun, 196> kTitleRuns;  // unicode.ToTitle
extern const std::array<char32_t, 25> kSpaces;     // unicode.IsSpace, in order

}  // namespace kinject::unicode
