// encoding/json for Values (json.h): the encoder, with the options
// MarshalIndent and SetEscapeHTML give, and a decoder into interface{}.
#include "kinject/gofuncs/json.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "internal.h"
#include "kinject/base/text.h"
#include "kinject/base/utf8.h"

namespace kinject::tmpl {

void json_float(std::string& out, double f) {
  if (std::isnan(f) || std::isinf(f)) {
    throw JsonError("json: unsupported value: " + go_format_float(f));
  }
  double a = std::fabs(f);
  std::array<char, 64> buf{};
  // The shortest digits that read back as f (strconv's -1 precision).
  auto res = std::to_chars(buf.data(), buf.data() + buf.size(), f, std::chars_format::scientific);
  std::string s(buf.data(), res.ptr);
  bool exp = a != 0 && (a < 1e-6 || a >= 1e21);
  if (exp) {
    // clean up e-09 to e-9
    std::size_t n = s.size();
    if (n >= 4 && s[n - 4] == 'e' && s[n - 3] == '-' && s[n - 2] == '0') s.erase(n - 2, 1);
    out += s;
    return;
  }
  // Go's AppendFloat(f, 'f', -1) writes those digits without an exponent,
  // padding with zeros: 9223372036854776000. (std::to_chars's fixed form
  // picks the exact digits where both are as long: ...775808.)
  std::size_t e = s.find('e');
  std::size_t sign = s[0] == '-' ? 1 : 0;
  std::string digits = s.substr(sign, 1);
  if (e > sign + 1) digits += s.substr(sign + 2, e - sign - 2);  // past the '.'
  int point = std::stoi(s.substr(e + 1)) + 1;  // digits before the decimal point
  if (sign) out += '-';
  if (point <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-point), '0');
    out += digits;
  } else if (static_cast<std::size_t>(point) >= digits.size()) {
    out += digits;
    out.append(static_cast<std::size_t>(point) - digits.size(), '0');
  } else {
    out += digits.substr(0, static_cast<std::size_t>(point));
    out += '.';
    out += digits.substr(static_cast<std::size_t>(point));
  }
}

namespace {

class JsonWriter {
 public:
  JsonWriter(std::string& out, std::string_view indent, bool escape_html)
      : out_(out), indent_(indent), escape_html_(escape_html) {}

  void write(const Value& v, int depth) {
    check_bytes(out_.size(), "the JSON text");  // shared values can repeat a long string
    // encoding/json's Marshaler: a value whose type has a MarshalJSON
    // method is written as the JSON text that method returns (a nil
    // pointer as null). semver.Version's is its version string.
    if (const TypePtr& t = v.type(); t && v.kind() != Kind::Nil) {
      if (auto m = t->methods.find("MarshalJSON"); m != t->methods.end()) {
        out_ += m->second(v, {}).as_string();
        return;
      }
    }
    if (v.is_nil_collection()) {  // encoding/json: a nil slice or map is null, an empty one [] or {}
      out_ += "null";
      return;
    }
    switch (v.kind()) {
      case Kind::Invalid:
      case Kind::Nil: out_ += "null"; return;
      case Kind::Bool: out_ += v.as_bool() ? "true" : "false"; return;
      case Kind::Int: out_ += std::to_string(v.as_int()); return;
      case Kind::Uint: out_ += std::to_string(v.as_uint()); return;
      case Kind::Float: json_float(out_, v.as_float()); return;
      case Kind::String: append_json_quoted(out_, v.as_string(), escape_html_); return;
      case Kind::List: {
        const auto& l = v.as_list();
        out_ += '[';
        for (std::size_t i = 0; i < l.size(); ++i) {
          if (i > 0) out_ += ',';
          newline(depth + 1);
          write(l[i], depth + 1);
        }
        if (!l.empty()) newline(depth);
        out_ += ']';
        return;
      }
      case Kind::Map: {
        const auto& m = v.as_map();
        out_ += '{';
        bool first = true;
        for (const auto& [k, val] : m) {
          if (!first) out_ += ',';
          first = false;
          newline(depth + 1);
          append_json_quoted(out_, k, escape_html_);
          out_ += indent_.empty() ? ":" : ": ";
          write(val, depth + 1);
        }
        if (!m.empty()) newline(depth);
        out_ += '}';
        return;
      }
      case Kind::Struct: {
        out_ += '{';
        bool first = true;
        write_struct_fields(v, depth, first);
        if (!first) newline(depth);
        out_ += '}';
        return;
      }
    }
  }

 private:
  void write_struct_fields(const Value& v, int depth, bool& first) {
    const TypeInfo& t = *v.type();
    const auto& fs = v.struct_fields();
    for (std::size_t i = 0; i < fs.size(); ++i) {
      const StructField& f = t.fields[i];
      if (f.json_name == "-") continue;
      if (f.embedded && f.json_name.empty() && fs[i].kind() == Kind::Struct) {
        write_struct_fields(fs[i], depth, first);  // promoted into the outer object
        continue;
      }
      if (f.omitempty && empty(fs[i])) continue;
      if (!first) out_ += ',';
      first = false;
      newline(depth + 1);
      append_json_quoted(out_, f.json_name.empty() ? f.name : f.json_name, escape_html_);
      out_ += indent_.empty() ? ":" : ": ";
      write(fs[i], depth + 1);
    }
  }

  void newline(int depth) {
    if (indent_.empty()) return;
    out_ += '\n';
    for (int i = 0; i < depth; ++i) out_ += indent_;
  }

  std::string& out_;
  std::string_view indent_;
  bool escape_html_;
};

class JsonParser {
 public:
  // yaml_numbers: read numbers as go-yaml reads the plain scalar
  // (an integer int64 or uint64 where it fits, else float64), not as
  // encoding/json into interface{} (always float64).
  explicit JsonParser(std::string_view s, bool yaml_numbers = false) : s_(s), yaml_numbers_(yaml_numbers) {}

  Value parse() {
    skip_ws();
    if (i_ >= s_.size()) throw JsonError("unexpected end of JSON input");
    Value v = value(0);
    skip_ws();
    if (i_ < s_.size()) fail_char("after top-level value");
    return v;
  }

 private:
  [[noreturn]] void fail_char(std::string_view context) {
    char c = s_[i_];
    std::string q;
    if (c == '\'') {
      q = "'\\''";
    } else if (static_cast<unsigned char>(c) < 0x20) {
      q = fmt::format("'\\x{:02x}'", static_cast<unsigned char>(c));
    } else {
      q = std::string("'") + c + "'";
    }
    throw JsonError(fmt::format("invalid character {} {}", q, context));
  }
  void skip_ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  void need_more() {
    if (i_ >= s_.size()) throw JsonError("unexpected end of JSON input");
  }

  Value value(int depth) {
    if (depth > kMaxDepth) throw JsonError("exceeded max depth");  // Go: 10000; see kMaxDepth
    need_more();
    char c = s_[i_];
    switch (c) {
      case '{': return object(depth);
      case '[': return array(depth);
      case '"': return Value::string(string());
      case 't': literal("true"); return Value::boolean(true);
      case 'f': literal("false"); return Value::boolean(false);
      case 'n': literal("null"); return Value::nil();
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        fail_char("looking for beginning of value");
    }
  }

  void literal(std::string_view word) {
    for (char w : word) {
      need_more();
      if (s_[i_] != w) fail_char(fmt::format("in literal {} (expecting '{}')", word, w));
      ++i_;
    }
  }

  Value number() {
    std::size_t start = i_;
    if (s_[i_] == '-') ++i_;
    need_more();
    if (s_[i_] == '0') {
      ++i_;
    } else if (s_[i_] >= '1' && s_[i_] <= '9') {
      while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
    } else {
      fail_char("in numeric literal");
    }
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      need_more();
      if (!std::isdigit(static_cast<unsigned char>(s_[i_]))) fail_char("after decimal point in numeric literal");
      while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      need_more();
      if (!std::isdigit(static_cast<unsigned char>(s_[i_]))) fail_char("in exponent of numeric literal");
      while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
    }
    if (yaml_numbers_ && s_.find_first_of(".eE", start) >= i_) {
      std::int64_t n = 0;
      auto r = std::from_chars(s_.data() + start, s_.data() + i_, n);
      if (r.ec == std::errc() && r.ptr == s_.data() + i_) return Value::integer(n);
      std::uint64_t u = 0;
      r = std::from_chars(s_.data() + start, s_.data() + i_, u);
      if (r.ec == std::errc() && r.ptr == s_.data() + i_) return Value::uinteger(u);
    }
    double d = 0;
    auto res = std::from_chars(s_.data() + start, s_.data() + i_, d);
    if (res.ec == std::errc::result_out_of_range) {
      throw JsonError(fmt::format("json: cannot unmarshal number {} into Go value of type float64",
                                  s_.substr(start, i_ - start)));
    }
    return Value::floating(d);
  }

  std::uint32_t hex4() {
    if (i_ + 4 > s_.size()) {
      i_ = s_.size();
      need_more();
    }
    std::uint32_t r = 0;
    for (int k = 0; k < 4; ++k) {
      char h = s_[i_];
      int d = h >= '0' && h <= '9' ? h - '0' : (h | 0x20) >= 'a' && (h | 0x20) <= 'f' ? (h | 0x20) - 'a' + 10 : -1;
      if (d < 0) fail_char("in \\u hexadecimal character escape");
      r = r * 16 + static_cast<std::uint32_t>(d);
      ++i_;
    }
    return r;
  }

  // The rune of a \uXXXX escape (i_ just past the 'u'), joining a
  // surrogate pair; a lone surrogate decodes as U+FFFD.
  std::uint32_t unicode_escape() {
    std::uint32_t r = hex4();
    if (r >= 0xDC00 && r < 0xE000) return 0xFFFD;
    if (r < 0xD800 || r >= 0xDC00) return r;
    if (i_ + 6 > s_.size() || s_[i_] != '\\' || s_[i_ + 1] != 'u') return 0xFFFD;
    std::size_t save = i_;
    i_ += 2;
    std::uint32_t r2 = hex4();
    if (r2 >= 0xDC00 && r2 < 0xE000) return 0x10000 + ((r - 0xD800) << 10) + (r2 - 0xDC00);
    i_ = save;
    return 0xFFFD;
  }

  std::string string() {
    ++i_;  // opening quote
    std::string out;
    for (;;) {
      need_more();
      auto c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        ++i_;
        return out;
      }
      if (c < 0x20) fail_char("in string literal");
      if (c == '\\') {
        ++i_;
        need_more();
        char e = s_[i_++];
        switch (e) {
          case '"': out += '"'; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'u': utf8::append(out, unicode_escape()); break;
          default:
            --i_;
            fail_char("in string escape code");
        }
        continue;
      }
      out += static_cast<char>(c);
      ++i_;
    }
  }

  Value array(int depth) {
    ++i_;
    Value::List items;
    skip_ws();
    need_more();
    if (s_[i_] == ']') {
      ++i_;
      return Value::list(std::move(items));
    }
    for (;;) {
      skip_ws();
      items.push_back(value(depth + 1));
      skip_ws();
      need_more();
      if (s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (s_[i_] == ']') {
        ++i_;
        return Value::list(std::move(items));
      }
      fail_char("after array element");
    }
  }

  Value object(int depth) {
    ++i_;
    Value::Map m;
    skip_ws();
    need_more();
    if (s_[i_] == '}') {
      ++i_;
      return Value::map(std::move(m));
    }
    for (;;) {
      skip_ws();
      need_more();
      if (s_[i_] != '"') fail_char("looking for beginning of object key string");
      std::string key = string();
      skip_ws();
      need_more();
      if (s_[i_] != ':') fail_char("after object key");
      ++i_;
      skip_ws();
      m.insert_or_assign(std::move(key), value(depth + 1));
      skip_ws();
      need_more();
      if (s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (s_[i_] == '}') {
        ++i_;
        return Value::map(std::move(m));
      }
      fail_char("after object key:value pair");
    }
  }

  std::string_view s_;
  bool yaml_numbers_ = false;
  std::size_t i_ = 0;
};

}  // namespace

std::string to_json(const Value& v) {
  std::string out;
  JsonWriter(out, "", true).write(v, 0);
  return out;
}

std::string to_json_indent(const Value& v, std::string_view indent) {
  std::string out;
  JsonWriter(out, indent, true).write(v, 0);
  return out;
}

std::string to_json_unescaped(const Value& v) {
  std::string out;
  JsonWriter(out, "", false).write(v, 0);
  return out;
}

Value from_json(std::string_view text) { return JsonParser(text).parse(); }

Value from_json_yaml_numbers(std::string_view text) { return JsonParser(text, true).parse(); }

}  // namespace kinject::tmpl
