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

// first, first + stride, ..., last are each in the class.
struct ClassRun {
  std::uint32_t first;
  std::uint32_t last;
  std::uint32_t stride;
};

extern const std::array<CaseRun, 200> kUpperRuns;  // unicode.ToUpper
extern const std::array<CaseRun, 182> kLowerRuns;  // unicode.ToLower
extern const std::array<CaseRun, 196> kTitleRuns;  // unicode.ToTitle
extern const std::array<char32_t, 25> kSpaces;     // unicode.IsSpace, in order
extern const std::array<ClassRun, 161> kUpperClass;   // unicode.IsUpper
extern const std::array<ClassRun, 175> kLowerClass;   // unicode.IsLower
extern const std::array<ClassRun, 10> kTitleClass;    // unicode.IsTitle
extern const std::array<ClassRun, 642> kLetterClass;  // unicode.IsLetter
extern const std::array<ClassRun, 137> kNumberClass;  // unicode.IsNumber
extern const std::array<ClassRun, 188> kPunctClass;   // unicode.IsPunct
extern const std::array<ClassRun, 701> kPrintClass;   // strconv.IsPrint

}  // namespace kinject::unicode
