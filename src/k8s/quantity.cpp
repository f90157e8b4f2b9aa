#include "kinject/k8s/quantity.h"

#include <algorithm>

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

bool is_quantity(std::string_view q) {
  ParsedQuantity p;
  return parse_quantity(q, p);
}

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
