#include "kinject/k8s/quantity.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include <fmt/format.h>

namespace kinject::k8s {

// Quantities are exact in 128 bits, as Go's inf.Dec is for the values
// Kubernetes accepts (__extension__: a GCC/Clang builtin type, not ISO C++).
__extension__ typedef __int128 int128;

namespace {

struct ParsedQuantity {
  int128 nanos = 0;  // value in units of 1e-9
  enum Format { DecimalSI, BinarySI, DecimalExponent } format = DecimalSI;
};

bool parse_quantity(std::string_view s, ParsedQuantity& out) {
  if (s.empty()) return false;
  std::size_t i = 0;
  bool neg = false;
  if (s[i] == '+' || s[i] == '-') {
    neg = s[i] == '-';
    ++i;
  }
  std::size_t digits_start = i;
  int128 whole = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    whole = whole * 10 + (s[i] - '0');
    if (whole > static_cast<int128>(1e30)) return false;
    ++i;
  }
  int128 frac = 0;
  int frac_digits = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      if (frac_digits < 18) {
        frac = frac * 10 + (s[i] - '0');
        ++frac_digits;
      }
      ++i;
    }
  }
  if (i == digits_start || (i == digits_start + 1 && s[digits_start] == '.')) return false;
  std::string_view suffix = s.substr(i);
  // value = (whole + frac/10^fd) * multiplier; keep in nanos, rounding up as Kubernetes does.
  auto pow10 = [](int e) {
    int128 p = 1;
    for (int k = 0; k < e; ++k) p *= 10;
    return p;
  };
  int128 num = whole * pow10(frac_digits) + frac;  // value * 10^fd
  int exp10 = 0;                                      // extra decimal exponent
  int128 bin = 1;                                   // extra binary multiplier
  if (suffix.empty()) {
  } else if (suffix == "n") exp10 = -9;
  else if (suffix == "u") exp10 = -6;
  else if (suffix == "m") exp10 = -3;
  else if (suffix == "k") exp10 = 3;
  else if (suffix == "M") exp10 = 6;
  else if (suffix == "G") exp10 = 9;
  else if (suffix == "T") exp10 = 12;
  else if (suffix == "P") exp10 = 15;
  else if (suffix == "E") exp10 = 18;
  else if (suffix == "Ki") bin = static_cast<int128>(1) << 10, out.format = ParsedQuantity::BinarySI;
  else if (suffix == "Mi") bin = static_cast<int128>(1) << 20, out.format = ParsedQuantity::BinarySI;
  else if (suffix == "Gi") bin = static_cast<int128>(1) << 30, out.format = ParsedQuantity::BinarySI;
  else if (suffix == "Ti") bin = static_cast<int128>(1) << 40, out.format = ParsedQuantity::BinarySI;
  else if (suffix == "Pi") bin = static_cast<int128>(1) << 50, out.format = ParsedQuantity::BinarySI;
  else if (suffix == "Ei") bin = static_cast<int128>(1) << 60, out.format = ParsedQuantity::BinarySI;
  else if ((suffix[0] == 'e' || suffix[0] == 'E') && suffix.size() > 1) {
    int e = 0;
    std::size_t k = 1;
    bool eneg = false;
    if (suffix[k] == '+' || suffix[k] == '-') eneg = suffix[k++] == '-';
    if (k >= suffix.size()) return false;
    for (; k < suffix.size(); ++k) {
      if (suffix[k] < '0' || suffix[k] > '9') return false;
      e = e * 10 + (suffix[k] - '0');
      if (e > 40) return false;
    }
    exp10 = eneg ? -e : e;
    out.format = ParsedQuantity::DecimalExponent;
  } else {
    return false;
  }
  // nanos = num * bin * 10^(exp10 + 9 - fd), rounded up.
  int e = exp10 + 9 - frac_digits;
  int128 v = num * bin;
  if (e >= 0) {
    if (e > 30) return false;
    v *= pow10(e);
  } else {
    int128 d = pow10(-e);
    v = (v + d - 1) / d;
  }
  out.nanos = neg ? -v : v;
  return true;
}

std::string int128_str(int128 v) {
  if (v == 0) return "0";
  bool neg = v < 0;
  if (neg) v = -v;
  std::string s;
  while (v > 0) {
    s.push_back(static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  }
  if (neg) s.push_back('-');
  std::reverse(s.begin(), s.end());
  return s;
}

std::string format_decimal(int128 nanos) {
  static const char* suffixes[] = {"n", "u", "m", "", "k", "M", "G", "T", "P", "E"};
  // Largest power of 1000 dividing the value (in nanos) exactly.
  int idx = 0;
  int128 v = nanos;
  if (v == 0) return "0";
  while (idx < 9 && v % 1000 == 0) {
    v /= 1000;
    ++idx;
  }
  return int128_str(v) + suffixes[idx];
}

}  // namespace

std::string quantity_error(std::string_view str) {
  // resource.ParseQuantity (k8s.io/apimachinery/pkg/api/resource/quantity.go),
  // step by step: parseQuantityString, the suffixer's interpret, and the
  // inf.Dec parse its slow path takes.
  static const std::string kFormat =
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
  static const std::string kSuffix = "unable to parse quantity's suffix";
  static const std::string kNumeric = "unable to parse numeric part of quantity";
  if (str.empty()) return kFormat;
  if (str == "0") return "";
  auto digit = [&](std::size_t i) { return str[i] >= '0' && str[i] <= '9'; };
  const std::size_t end = str.size();
  std::size_t pos = 0;
  if (str[0] == '-' || str[0] == '+') ++pos;
  while (pos < end && str[pos] == '0') ++pos;
  if (pos >= end) return "";  // a sign and zeros: 0
  std::size_t num_start = pos;
  while (pos < end && digit(pos)) ++pos;
  if (pos >= end) return "";  // digits only
  std::size_t num_len = pos == num_start ? 1 : pos - num_start;  // "" counts as "0"
  std::size_t denom_len = 0;
  if (str[pos] == '.') {
    std::size_t d = ++pos;
    while (pos < end && digit(pos)) ++pos;
    if (pos >= end) return "";
    denom_len = pos - d;
  }
  std::string_view value = str.substr(0, pos);
  std::size_t suffix_start = pos;
  while (pos < end && std::string_view("eEinumkKMGTP").find(str[pos]) != std::string_view::npos) ++pos;
  if (pos < end) {
    if (str[pos] == '-' || str[pos] == '+') ++pos;
    while (pos < end && digit(pos)) ++pos;
    if (pos < end) return kFormat;
  }
  std::string_view suffix = str.substr(suffix_start);

  enum { DecimalSI, BinarySI, DecimalExponent } format;
  std::int32_t exponent = 0;
  static const std::pair<std::string_view, int> kDecimal[] = {{"n", -9}, {"u", -6}, {"m", -3}, {"", 0},   {"k", 3},
                                                              {"M", 6},  {"G", 9},  {"T", 12}, {"P", 15}, {"E", 18}};
  static const std::pair<std::string_view, int> kBinary[] = {{"Ki", 10}, {"Mi", 20}, {"Ti", 40},
                                                             {"Gi", 30}, {"Pi", 50}, {"Ei", 60}};
  bool known = false;
  for (auto [s, e] : kDecimal)
    if (suffix == s) known = true, format = DecimalSI, exponent = e;
  for (auto [s, e] : kBinary)
    if (!known && suffix == s) known = true, format = BinarySI, exponent = e;
  if (!known) {
    // strconv.ParseInt(suffix[1:], 10, 64), then Go's int32 conversion.
    if (suffix.size() < 2 || (suffix[0] != 'e' && suffix[0] != 'E')) return kSuffix;
    std::string_view e = suffix.substr(1);
    bool neg = false;
    if (e[0] == '+' || e[0] == '-') neg = e[0] == '-', e.remove_prefix(1);
    if (e.empty()) return kSuffix;
    std::uint64_t v = 0;
    for (char c : e) {
      if (c < '0' || c > '9') return kSuffix;
      if (v > (std::uint64_t{1} << 63) / 10) return kSuffix;
      v = v * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (v > (neg ? (std::uint64_t{1} << 63) : (std::uint64_t{1} << 63) - 1)) return kSuffix;
    format = DecimalExponent;
    exponent = static_cast<std::int32_t>(static_cast<std::uint32_t>(neg ? 0 - v : v));
  }
  // The fast path (an int64 of at most 18 digits) always succeeds; the slow
  // one parses `value` as an inf.Dec, which needs a digit.
  bool fast = false;
  if (format == BinarySI) {
    long precision = 15 - static_cast<long>(num_len) - static_cast<long>(static_cast<float>(exponent) * 3 / 10) - 1;
    fast = exponent >= 0 && denom_len == 0 && precision >= 0;
    // A mantissa product past int64 takes the slow path too, with digits.
  } else {
    long precision = 18 - static_cast<long>(num_len + denom_len);
    fast = precision >= 0 && static_cast<long>(exponent) - static_cast<long>(denom_len) >= -9;
  }
  if (!fast && value.find_first_of("0123456789") == std::string_view::npos) return kNumeric;
  return "";
}

bool is_quantity(std::string_view q) { return quantity_error(q).empty(); }

std::string canonical_quantity(std::string_view q) {
  ParsedQuantity p;
  if (!parse_quantity(q, p)) return std::string(q);
  if (p.format == ParsedQuantity::DecimalExponent) return std::string(q);
  if (p.format == ParsedQuantity::BinarySI && p.nanos % 1000000000 == 0) {
    int128 v = p.nanos / 1000000000;
    bool neg = v < 0;
    int128 a = neg ? -v : v;
    if (a == 0) return "0";
    static const char* suffixes[] = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    int idx = 0;
    while (idx < 6 && a % 1024 == 0) {
      a /= 1024;
      ++idx;
    }
    return (neg ? "-" : "") + int128_str(a) + suffixes[idx];
  }
  return format_decimal(p.nanos);
}

void keep_quantity_spelling(Node& resources, const Node& was) {
  for (const char* part : {"limits", "requests"}) {
    Node* now = resources.get(part);
    const Node* before = was.get(part);
    if (!now || !before || !now->is_map() || !before->is_map()) continue;
    for (auto& e : now->entries) {
      const Node* old = before->get(e.key.scalar_text());
      if (old && old->is_scalar() && e.value.is_scalar() && canonical_quantity(old->scalar_text()) == canonical_quantity(e.value.scalar_text()))
        e.value = *old;
    }
  }
}

}  // namespace kinject::k8s
