#include "scalars.h"

#include <array>
#include <cmath>
#include <iterator>
#include <string_view>

#include <fmt/format.h>

#include "kinject/base/text.h"
#include "kinject/yaml/scalar.h"
#include "kinject/yaml/source_text.h"

namespace kinject {

namespace {

bool is_indicator(char c) {
  switch (c) {
    case '-': case '?': case ':': case ',': case '[': case ']': case '{': case '}':
    case '#': case '&': case '*': case '!': case '|': case '>': case '\'': case '"':
    case '%': case '@': case '`':
      return true;
    default:
      return false;
  }
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The bytes plain_safe's last pass looks at: controls, DEL, ':', '#', what
// flow context forbids, and non-ASCII bytes (only those can begin a character
// that needs escaping, or a BOM). Any other byte passes it at one lookup.
constexpr std::array<bool, 256> kPlainChecked = [] {
  std::array<bool, 256> t{};
  for (unsigned c = 0; c < 0x20; ++c) t[c] = true;
  for (unsigned c = 0x80; c < 0x100; ++c) t[c] = true;
  for (char c : std::string_view(":#\x7f,[]{}?")) t[static_cast<unsigned char>(c)] = true;
  return t;
}();

// Strings that some YAML reader would take for something else even though
// go-yaml v2 (Node::plain) reads them as strings: YAML 1.1 sexagesimal
// numbers and timestamps, the `=` value key, YAML 1.2 octal.
bool looks_typed_elsewhere(std::string_view s) {
  if (s == "=" || s == "<<") return true;
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (i < s.size() && is_digit(s[i])) {
    bool all_numeric = true;
    for (std::size_t k = i; k < s.size(); ++k) {
      char c = s[k];
      if (!(is_digit(c) || c == ':' || c == '.' || c == '_' || c == '-' || c == 'e' || c == 'E' || c == '+' ||
            c == 'T' || c == 't' || c == 'Z' || c == 'z' || c == ' ' || c == 'o' || c == 'x' ||
            (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
        all_numeric = false;
    }
    if (all_numeric) return true;
  }
  if (s.size() >= 2 && s[0] == '.' && (s[1] == 'i' || s[1] == 'I' || s[1] == 'n' || s[1] == 'N')) return true;
  return false;
}

void append_double_quoted(std::string& out, std::string_view s) {
  out += '"';
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (std::size_t len = c >= 0xC2 ? escape_only_at(s, i) : 0) {
      if (len == 2) fmt::format_to(std::back_inserter(out), "\\x{:02X}", static_cast<unsigned char>(s[i + 1]));
      else out += s[i + 2] == '\xA8' ? "\\L" : "\\P";
      i += len - 1;
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '\0': out += "\\0"; break;
      default:
        if (c < 0x20 || c == 0x7f) fmt::format_to(std::back_inserter(out), "\\x{:02X}", c);
        else out.push_back(static_cast<char>(c));
    }
  }
  out += '"';
}

void append_single_quoted(std::string& out, std::string_view s) {
  out += '\'';
  for (char c : s) {
    if (c == '\'') out += "''";
    else out.push_back(c);
  }
  out += '\'';
}

bool single_quotable(std::string_view s) {
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) return false;
  return !has_escape_only(s);
}

void append_number_text(std::string& out, const Node& n) {
  if (!n.text.empty()) {
    // Keep the text it was written with if it still reads as the same number.
    Node r = Node::plain(n.text);
    if (r.kind == n.kind && r.same_value(n)) {
      out += n.text;
      return;
    }
  }
  out += n.kind == Kind::Int ? format_int(n.i) : format_float(n.f);
}

}  // namespace

bool plain_safe(std::string_view s, bool flow) {
  if (s.empty()) return false;
  if (s.front() == ' ' || s.back() == ' ' || s.front() == '\t' || s.back() == '\t') return false;
  if (Node::plain_kind(s) != Kind::String) return false;
  if (looks_typed_elsewhere(s)) return false;
  if (s.size() >= 3 && (s.substr(0, 3) == "---" || s.substr(0, 3) == "...")) return false;
  char c0 = s[0];
  if (is_indicator(c0)) {
    if (!(c0 == '-' || c0 == '?' || c0 == ':')) return false;
    if (s.size() < 2 || s[1] == ' ' || s[1] == '\t') return false;
    if (flow && (s[1] == ',' || s[1] == '[' || s[1] == ']' || s[1] == '{' || s[1] == '}')) return false;
  }
  bool non_ascii = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (!kPlainChecked[c]) continue;
    if (c >= 0x80) {
      non_ascii = true;
      continue;
    }
    if (c < 0x20 || c == 0x7f) return false;
    if (c == ':' && (i + 1 == s.size() || s[i + 1] == ' ' || s[i + 1] == '\t')) return false;
    if (c == '#' && i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t')) return false;
    // yaml-cpp reads a '?' anywhere in a flow scalar as an explicit key.
    if (flow && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}' || c == '?' ||
                 (c == ':' && i + 1 < s.size() && (s[i + 1] == ',' || s[i + 1] == ']' || s[i + 1] == '}'))))
      return false;
  }
  // A character that needs escaping, or a BOM, would not survive as plain
  // text; both need a non-ASCII byte, so ASCII text skips these two scans.
  if (non_ascii && (has_escape_only(s) || s.find("\xEF\xBB\xBF") != std::string_view::npos)) return false;
  return true;
}

std::string yaml_scalar(const Node& n, bool flow, char quote) { return yaml_scalar_styled(n, flow, quote, false); }

std::string yaml_scalar_styled(const Node& n, bool flow, char quote, bool quote_strings) {
  std::string out;
  append_yaml_scalar(out, n, flow, quote, quote_strings);
  return out;
}

void append_yaml_scalar(std::string& out, const Node& n, bool flow, char quote, bool quote_strings) {
  switch (n.kind) {
    case Kind::Null:
      out += n.text.empty() || Node::plain(n.text).kind != Kind::Null ? std::string_view("null") : std::string_view(n.text);
      return;
    case Kind::Bool:
      if (!n.text.empty()) {
        Node r = Node::plain(n.text);
        if (r.kind == Kind::Bool && r.b == n.b) {
          out += n.text;
          return;
        }
      }
      out += n.b ? "true" : "false";
      return;
    case Kind::Int:
    case Kind::Float:
      append_number_text(out, n);
      return;
    case Kind::String: {
      const std::string& s = n.text;
      if (n.style == Style::Single && single_quotable(s)) return append_single_quoted(out, s);
      if (n.style == Style::Double) return append_double_quoted(out, s);
      if (plain_safe(s, flow) && !(quote_strings && n.style == Style::Any)) {
        out += s;
        return;
      }
      // JSON in a string (e.g. sidecar.istio.io/status) reads best in single quotes.
      bool has_dq = s.find('"') != std::string::npos, has_sq = s.find('\'') != std::string::npos;
      if ((quote == '\'' || (has_dq && !has_sq)) && single_quotable(s)) return append_single_quoted(out, s);
      return append_double_quoted(out, s);
    }
    default:
      if (flow) out += n.is_map() ? "{}" : "[]";
      return;
  }
}

namespace {

// `exact`: the text is a document kinject rewrites and will read again, so
// a number must keep its kind: a whole Float (`1e3`, or `007289` under YAML
// 1.1) keeps a decimal point, as `1000` would read back as an Int. Output
// JSON (-o json) prints numbers as Go's encoding/json does, without one.
std::string json_number(const Node& n, bool exact) {
  if (n.kind == Kind::Int) return format_int(n.i);
  if (std::isnan(n.f) || std::isinf(n.f)) {
    if (exact) return format_float(n.f);  // .nan, .inf: YAML's spelling
    return "null";                         // JSON has no such numbers
  }
  if (n.f == std::floor(n.f) && std::fabs(n.f) < 1e21) return exact ? fmt::format("{:.1f}", n.f) : fmt::format("{:.0f}", n.f);
  return fmt::format("{}", n.f);
}

}  // namespace

std::string json_string(std::string_view text) { return json_quote(text, JsonQuoting{.escape_c1 = true}); }

std::string json_scalar(const Node& n, bool exact) {
  switch (n.kind) {
    case Kind::Null: return "null";
    case Kind::Bool: return n.b ? "true" : "false";
    case Kind::Int:
    case Kind::Float: return json_number(n, exact);
    case Kind::String: return json_string(n.text);
    default: return n.is_map() ? "{}" : "[]";
  }
}

std::string flow_key_colon(const std::string& key) {
  return key.size() > kMaxImplicitKey ? "? " + key + " :" : key + ":";
}

// A collection used as a map key ({[a, b]: c}): written as a one-line flow
// collection, which YAML accepts as an implicit key in block and flow
// context alike.
std::string flow_key(const Node& n, char quote) {
  std::string out;
  bool first = true;
  if (n.is_map()) {
    out = "{";
    for (const auto& e : n.entries) {
      out += first ? "" : ", ";
      first = false;
      out += flow_key_colon(key_text(e.key, true, quote)) + " " + flow_key(e.value, quote);
    }
    return out + "}";
  }
  if (n.is_seq()) {
    out = "[";
    for (const auto& it : n.items) {
      out += first ? "" : ", ";
      first = false;
      out += flow_key(it, quote);
    }
    return out + "]";
  }
  return yaml_scalar(n, true, quote);
}

std::string key_text(const Node& key, bool flow, char quote) {
  std::string out;
  append_key_text(out, key, flow, quote);
  return out;
}

void append_key_text(std::string& out, const Node& key, bool flow, char quote) {
  if (key.is_map() || key.is_seq()) out += flow_key(key, quote);
  else if (key.kind == Kind::String || key.scalar_text().empty()) append_yaml_scalar(out, key, flow, quote, false);
  else out += key.scalar_text();
}

}  // namespace kinject
