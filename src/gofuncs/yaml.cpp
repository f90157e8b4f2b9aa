// The go-yaml v2 emitter, as sigs.k8s.io/yaml drives it (yaml.h): the JSON
// data model written as block YAML, strings quoted where go-yaml would.
#include "kinject/gofuncs/yaml.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <set>
#include <vector>

#include "internal.h"
#include "kinject/gofuncs/cast.h"
#include "kinject/gofuncs/gostrings.h"
#include "kinject/gofuncs/json.h"

namespace kinject::tmpl {

namespace {

bool is_yaml_bool_or_null(std::string_view s) {
  static const std::set<std::string_view> words = {
      "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
      "on", "On", "ON", "off", "Off", "OFF", "~", "null", "Null", "NULL", ".inf", ".Inf", ".INF", "-.inf", "-.Inf",
      "-.INF", "+.inf", "+.Inf", "+.INF", ".nan", ".NaN", ".NAN", "<<"};
  return words.count(s) > 0;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A YAML 1.1 base-60 float such as 1:20, go-yaml v2's isBase60Float: the
// regex ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$ written out by
// hand, since <regex> costs more to compile than the rest of this file.
bool is_base60_float(std::string_view s) {
  std::size_t i = 0;
  auto digits_and_underscores = [&] {
    while (i < s.size() && (is_digit(s[i]) || s[i] == '_')) ++i;
  };
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (i >= s.size() || !is_digit(s[i])) return false;
  digits_and_underscores();
  std::size_t groups = 0;
  for (; i < s.size() && s[i] == ':'; ++groups) {
    ++i;
    if (i >= s.size() || !is_digit(s[i])) return false;
    // [0-5]?[0-9]: two digits if they can be, since a third cannot follow.
    if (s[i] <= '5' && i + 1 < s.size() && is_digit(s[i + 1])) ++i;
    ++i;
  }
  if (groups == 0) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    digits_and_underscores();
  }
  return i == s.size();
}

// Would go-yaml v2 resolve this plain scalar to an int or float?
bool yaml_resolves_to_number(std::string_view s) {
  if (s.empty()) return false;
  char c = s[0];
  if (!(c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'))) return false;
  std::string plain;
  for (char ch : s) {
    if (ch != '_') plain += ch;
  }
  std::int64_t i;
  if (parse_int_base0(plain, &i)) return true;
  std::string_view u = plain;
  if (!u.empty() && u[0] == '+') u.remove_prefix(1);
  std::uint64_t uv;
  if (!u.empty() && std::from_chars(u.data(), u.data() + u.size(), uv).ptr == u.data() + u.size()) return true;
  // strconv.ParseFloat also accepts "inf"/"infinity"/"nan" after a sign and
  // hex floats; strtod accepts the same family.
  std::string t(s);
  char* end = nullptr;
  std::strtod(t.c_str(), &end);
  if (end == t.c_str() + t.size()) return true;
  return is_base60_float(s);
}

// The shape of a YAML timestamp go-yaml quotes: the regex
// ^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?$, written out by hand ('.'
// matches anything but \n and \r, as in ECMAScript).
bool yaml_resolves_to_timestamp(std::string_view s) {
  if (s.size() < 8 || s.size() > 40) return false;
  std::size_t i = 0;
  auto digits = [&](std::size_t min, std::size_t max) {
    std::size_t n = 0;
    for (; n < max && i < s.size() && is_digit(s[i]); ++n) ++i;
    return n >= min;
  };
  if (!digits(4, 4) || i >= s.size() || s[i++] != '-') return false;
  if (!digits(1, 2) || i >= s.size() || s[i++] != '-') return false;
  if (!digits(1, 2)) return false;
  if (i == s.size()) return true;
  if (s[i] != 'T' && s[i] != 't' && s[i] != ' ') return false;
  return s.find_first_of("\n\r", i) == std::string_view::npos;
}

bool yaml_printable(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\n' && c != '\t') return false;
    if (c == 0x7F) return false;
    if (c == 0xC2 && i + 1 < s.size()) {
      auto d = static_cast<unsigned char>(s[i + 1]);
      if (d >= 0x80 && d <= 0x9F && d != 0x85) return false;
    }
    if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBB &&
        static_cast<unsigned char>(s[i + 2]) == 0xBF) {
      return false;  // BOM
    }
  }
  return true;
}

// libyaml's analysis of whether a string may be written as a plain scalar.
bool yaml_plain_allowed(std::string_view s) {
  if (s.empty()) return false;
  if (!yaml_printable(s)) return false;
  if (s.find('\n') != std::string_view::npos || s.find('\t') != std::string_view::npos) return false;
  if (s.front() == ' ' || s.back() == ' ') return false;
  if (s.substr(0, 3) == "---" || s.substr(0, 3) == "...") return false;
  char c0 = s[0];
  auto followed_by_blank = [&](std::size_t i) { return i + 1 >= s.size() || s[i + 1] == ' '; };
  switch (c0) {
    case '#': case ',': case '[': case ']': case '{': case '}': case '&': case '*': case '!': case '|': case '>':
    case '\'': case '"': case '%': case '@': case '`':
      return false;
    case '?': case ':': case '-':
      if (followed_by_blank(0)) return false;
      break;
    default: break;
  }
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ':' && followed_by_blank(i)) return false;
    if (c == '#' && i > 0 && s[i - 1] == ' ') return false;
    // Flow indicators (, [ ] { }) after the first character are allowed
    // in block plain scalars.
  }
  return true;
}

std::string yaml_double_quoted(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '\0': out += "\\0"; break;
      case '\a': out += "\\a"; break;
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\v': out += "\\v"; break;
      case '\f': out += "\\f"; break;
      case '\r': out += "\\r"; break;
      case 0x1B: out += "\\e"; break;
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += "\\x";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
  return out;
}

bool yaml_needs_quotes_as_string(std::string_view s) {
  // go-yaml quotes strings whose plain form would resolve to another type.
  return s.empty() || is_yaml_bool_or_null(s) || yaml_resolves_to_number(s) || yaml_resolves_to_timestamp(s);
}

std::string yaml_scalar_string(std::string_view s) {
  if (yaml_needs_quotes_as_string(s) || !yaml_printable(s)) return yaml_double_quoted(s);
  if (yaml_plain_allowed(s)) return std::string(s);
  // The emitter falls back to single quotes when plain is not allowed,
  // leading and trailing spaces included (go-yaml: '  a b  ').
  if (s.find('\n') == std::string_view::npos && s.find('\t') == std::string_view::npos) {
    return "'" + replace_all(s, "'", "''") + "'";
  }
  return yaml_double_quoted(s);
}

// go-yaml v2 orders map keys "naturally": runs of digits compare by value
// and letters sort before other characters.
bool yaml_key_less(const std::string& a, const std::string& b) {
  auto is_letter = [](unsigned char c) { return std::isalpha(c) || c >= 0x80; };
  auto is_digit = [](unsigned char c) { return c >= '0' && c <= '9'; };
  std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    auto ca = static_cast<unsigned char>(a[i]);
    auto cb = static_cast<unsigned char>(b[i]);
    if (ca == cb) continue;
    bool al = is_letter(ca), bl = is_letter(cb);
    if (al && bl) return ca < cb;
    if (al || bl) return bl;
    std::int64_t an = 0, bn = 0;
    if (ca == '0' || cb == '0') {
      for (std::size_t j = i; j-- > 0 && is_digit(static_cast<unsigned char>(a[j]));) {
        if (a[j] != '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    std::size_t ai = i, bi = i;
    for (; ai < a.size() && is_digit(static_cast<unsigned char>(a[ai])); ++ai) an = an * 10 + (a[ai] - '0');
    for (; bi < b.size() && is_digit(static_cast<unsigned char>(b[bi])); ++bi) bn = bn * 10 + (b[bi] - '0');
    if (an != bn) return an < bn;
    if (ai != bi) return ai < bi;
    return ca < cb;
  }
  return a.size() < b.size();
}

// Writes one document of the JSON data model as go-yaml v2 does: block
// collections, map keys in yaml_key_less order, scalars quoted as needed.
class YamlEmitter {
 public:
  explicit YamlEmitter(std::string& out) : out_(out) {}

  void document(const Value& v) {
    if (is_block_collection(v)) {
      block(v, 0);
    } else {
      out_ += scalar(v, 0);
      out_ += '\n';
    }
  }

 private:
  static bool is_block_collection(const Value& v) {
    return (v.kind() == Kind::List || v.kind() == Kind::Map) && v.size() > 0;
  }
  static bool is_multiline(const Value& v) {
    return v.kind() == Kind::String && v.as_string().find('\n') != std::string::npos && literal_ok(v.as_string());
  }
  static bool literal_ok(std::string_view s) {
    if (!yaml_printable(s)) return false;
    // Trailing spaces on a line, or a line break after a space, force the
    // emitter into double quotes.
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
      if (s[i] == ' ' && s[i + 1] == '\n') return false;
    }
    if (!s.empty() && s.back() == ' ') return false;
    if (s.find('\t') != std::string_view::npos) return false;
    return true;
  }

  // The scalar text for a value appearing after "key: " or "- ".
  std::string scalar(const Value& v, int indent) {
    // sigs.k8s.io/yaml writes what encoding/json wrote: null for a nil
    // slice or map.
    if (v.is_nil_collection()) return "null";
    switch (v.kind()) {
      case Kind::Invalid:
      case Kind::Nil: return "null";
      case Kind::Bool: return v.as_bool() ? "true" : "false";
      case Kind::Int: return std::to_string(v.as_int());
      case Kind::Uint: return std::to_string(v.as_uint());
      // Only what JSON wrote as no integer that fits int64 or uint64
      // (from_json_yaml_numbers): go-yaml formats it 'g' (1e+20, 2.5).
      case Kind::Float: return go_format_float(v.as_float());
      case Kind::String: {
        const std::string& s = v.as_string();
        if (is_multiline(v)) return literal(s, indent);
        return yaml_scalar_string(s);
      }
      case Kind::List: return "[]";
      case Kind::Map:
      case Kind::Struct: return "{}";
    }
    return "null";
  }

  std::string literal(std::string_view s, int indent) {
    std::string out = "|";
    if (!s.empty() && (s[0] == ' ' || s[0] == '\n')) out += "2";  // indentation indicator
    std::size_t trailing = 0;
    for (std::size_t i = s.size(); i > 0 && s[i - 1] == '\n'; --i) ++trailing;
    if (trailing == 0) {
      out += '-';
    } else if (trailing > 1) {
      out += '+';
    }
    std::string_view body = s;
    if (trailing > 0) body.remove_suffix(1);
    std::string pad(static_cast<std::size_t>(indent + 2), ' ');
    for (auto line : split(body, "\n")) {
      out += '\n';
      if (!line.empty()) {
        out += pad;
        out += line;
      }
    }
    return out;
  }

  void block(const Value& v, int indent) {
    check_bytes(out_.size(), "the YAML text");  // deep nesting indents every line further
    std::string pad(static_cast<std::size_t>(indent), ' ');
    if (v.kind() == Kind::Map) {
      std::vector<const std::pair<const std::string, Value>*> entries;
      for (const auto& e : v.as_map()) entries.push_back(&e);
      std::stable_sort(entries.begin(), entries.end(),
                       [](const auto* a, const auto* b) { return yaml_key_less(a->first, b->first); });
      bool first = true;
      for (const auto* e : entries) {
        if (!first || !continuing_) out_ += pad;
        first = false;
        continuing_ = false;
        out_ += yaml_scalar_string(e->first);
        out_ += ':';
        const Value& val = e->second;
        if (val.kind() == Kind::Map && val.size() > 0) {
          out_ += '\n';
          block(val, indent + 2);
        } else if (val.kind() == Kind::List && val.size() > 0) {
          out_ += '\n';
          block(val, indent);  // go-yaml v2 does not indent sequences in maps
        } else {
          out_ += ' ';
          out_ += scalar(val, indent);
          out_ += '\n';
        }
      }
      return;
    }
    bool first = true;
    for (const auto& item : v.as_list()) {
      if (!first || !continuing_) out_ += pad;
      first = false;
      out_ += "- ";
      if (is_block_collection(item)) {
        continuing_ = true;  // the first line continues after "- "
        block(item, indent + 2);
        continuing_ = false;
      } else {
        continuing_ = false;
        out_ += scalar(item, indent);
        out_ += '\n';
      }
    }
  }

  std::string& out_;
  bool continuing_ = false;
};

}  // namespace

std::string to_yaml(const Value& v) {
  // sigs.k8s.io/yaml goes through JSON; doing the same normalizes structs
  // (json names, omitempty) and typed values to the JSON data model.
  Value normalized = from_json_yaml_numbers(to_json(v));
  std::string out;
  YamlEmitter(out).document(normalized);
  return out;
}

}  // namespace kinject::tmpl
