// Go's Unicode case mapping, white space and classes (unicode.h), over the tables Go
// wrote (unicode_tables.cpp).
#include "kinject/base/unicode.h"

#include <algorithm>
#include <cstdint>

#include "kinject/base/utf8.h"
#include "unicode_tables.h"

namespace kinject::unicode {

namespace {

// The run of `runs` (sorted by first) that holds r, or null: the case
// mappings and the classes are both runs {first, last, stride, ...}.
template <typename Run, std::size_t N>
const Run* run_of(const std::array<Run, N>& runs, char32_t r) {
  auto it = std::upper_bound(runs.begin(), runs.end(), static_cast<std::uint32_t>(r),
                             [](std::uint32_t v, const Run& run) { return v < run.first; });
  if (it == runs.begin()) return nullptr;
  const Run& run = *--it;
  if (r > run.last || (r - run.first) % run.stride != 0) return nullptr;
  return &run;
}

template <std::size_t N>
char32_t map_rune(const std::array<CaseRun, N>& runs, char32_t r) {
  const CaseRun* run = run_of(runs, r);
  return run ? static_cast<char32_t>(static_cast<std::int64_t>(r) + run->delta) : r;
}

template <std::size_t N>
bool in_class(const std::array<ClassRun, N>& runs, char32_t r) {
  return run_of(runs, r) != nullptr;
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// strings.Map(mapping, s) for a mapping that keeps every rune (no drops):
// an invalid byte becomes U+FFFD, as Go's Map writes it.
template <typename F>
std::string map_runes(std::string_view s, F mapping) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    utf8::Rune r = utf8::decode(s, i);
    utf8::append(out, mapping(static_cast<char32_t>(r.value)));
    i += r.width;
  }
  return out;
}

template <typename F>
std::string ascii_map(std::string_view s, F mapping) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(mapping(static_cast<char32_t>(c)));
  return out;
}

}  // namespace

char32_t to_upper(char32_t r) { return map_rune(kUpperRuns, r); }
char32_t to_lower(char32_t r) { return map_rune(kLowerRuns, r); }
char32_t to_title(char32_t r) { return map_rune(kTitleRuns, r); }

bool is_space(char32_t r) { return std::binary_search(kSpaces.begin(), kSpaces.end(), r); }
bool is_upper(char32_t r) { return in_class(kUpperClass, r); }
bool is_lower(char32_t r) { return in_class(kLowerClass, r); }
bool is_title(char32_t r) { return in_class(kTitleClass, r); }
bool is_letter(char32_t r) { return in_class(kLetterClass, r); }
bool is_number(char32_t r) { return in_class(kNumberClass, r); }
bool is_punct(char32_t r) { return in_class(kPunctClass, r); }
bool is_print(char32_t r) { return in_class(kPrintClass, r); }

std::string go_to_upper(std::string_view s) {
  if (is_ascii(s)) return ascii_map(s, to_upper);
  return map_runes(s, to_upper);
}

std::string go_to_lower(std::string_view s) {
  if (is_ascii(s)) return ascii_map(s, to_lower);
  return map_runes(s, to_lower);
}

std::string go_title(std::string_view s) {
  auto separator = [](char32_t r) {
    if (r <= 0x7F) {
      bool word = (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r == '_';
      return !word;
    }
    // Letters and digits are no separators, and no letter or digit is a space.
    return is_space(r);
  };
  char32_t prev = ' ';
  return map_runes(s, [&](char32_t r) {
    char32_t out = separator(prev) ? to_title(r) : r;
    prev = r;
    return out;
  });
}

std::string_view go_trim_space(std::string_view s) {
  std::size_t start = 0;
  while (start < s.size()) {
    utf8::Rune r = utf8::decode(s, start);
    if (!r.valid || !is_space(static_cast<char32_t>(r.value))) break;
    start += r.width;
  }
  std::size_t end = start;  // after the last rune that is no space
  for (std::size_t i = start; i < s.size();) {
    utf8::Rune r = utf8::decode(s, i);
    i += r.width;
    if (!r.valid || !is_space(static_cast<char32_t>(r.value))) end = i;
  }
  return s.substr(start, end - start);
}

}  // namespace kinject::unicode
