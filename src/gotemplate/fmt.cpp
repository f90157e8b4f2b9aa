// Go's fmt as templates observe it: Sprint, Sprintln and Sprintf with its
// verbs, flags, widths and %!verb(type=value) diagnostics, and the printing
// of a value in an action.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <fmt/format.h>

#include "strconv.h"

#include "kinject/gotemplate/fmt.h"
#include "kinject/gotemplate/limits.h"
#include "kinject/gotemplate/strconv.h"
#include "kinject/gotemplate/value.h"

#include "kinject/base/utf8.h"

namespace kinject::tmpl {

namespace {

using detail::is_print_rune;
using detail::quote_into;

std::size_t rune_count(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) i += utf8::decode(s, i).width;
  return n;
}

struct FmtFlags {
  bool plus = false, minus = false, sharp = false, space = false, zero = false;
  bool plus_v = false, sharp_v = false;
  bool wid_present = false, prec_present = false;
  int wid = 0, prec = 0;
};

class Printer {
 public:
  explicit Printer(std::string& out) : out_(out) {}
  bool deref_top = false;

  // %v of a top-level operand (Sprint/Println/Printf).
  void print_arg(const Value& v, char verb, const FmtFlags& f) {
    f_ = f;
    if (v.is_nullish()) {
      if (verb == 'T' || verb == 'v') {
        pad("<nil>");
      } else {
        bad_verb(verb, v);
      }
      return;
    }
    if (verb == 'T') {
      pad(v.go_type_name());
      return;
    }
    print_value(v, verb, 0);
  }

  void print_value(const Value& v, char verb, int depth) {
    // A list can hold the same long string a million times over (copies
    // share it): stop before printing it runs away (see kMaxStringBytes).
    if (out_.size() > kMaxStringBytes)
      throw FuncError(fmt::format("the printed value is larger than {} MiB", kMaxStringBytes >> 20));
    // fmt.Stringer wins for the string-ish verbs.
    if (v.type() && v.type()->stringer && v.kind() != Kind::Nil &&
        (verb == 'v' || verb == 's' || verb == 'q' || verb == 'x' || verb == 'X') && !f_.sharp_v) {
      fmt_string(v.type()->stringer(v), verb);
      return;
    }
    switch (v.kind()) {
      case Kind::Invalid:
        if (depth == 0) {
          pad("<invalid reflect.Value>");
        } else if (f_.sharp_v) {
          pad("interface {}(nil)");  // a nil element of an []interface{} or map[string]interface{}
        } else {
          pad(verb == 'v' ? "<nil>" : "%!" + std::string(1, verb) + "(<nil>)");
        }
        return;
      case Kind::Nil:
        if (f_.sharp_v) {
          // (*T)(nil) for a nil pointer; a nil interface{} at the top is
          // print_arg's <nil>, inside a collection interface {}(nil).
          pad(v.type() ? fmt::format("({})(nil)", v.go_type_name()) : std::string("interface {}(nil)"));
        } else if (verb == 'v' || (v.type() && verb == 's' && v.type()->stringer)) {
          pad("<nil>");
        } else {
          bad_verb(verb, v);
        }
        return;
      case Kind::Bool:
        if (verb == 't' || verb == 'v') {
          pad(v.as_bool() ? "true" : "false");
        } else {
          bad_verb(verb, v);
        }
        return;
      case Kind::Int:
        fmt_integer(static_cast<std::uint64_t>(v.as_int()), v.as_int() < 0, true, verb, v);
        return;
      case Kind::Uint:
        fmt_integer(v.as_uint(), false, false, verb, v);
        return;
      case Kind::Float:
        fmt_float(v.as_float(), verb, v);
        return;
      case Kind::String:
        if (verb == 'v' || verb == 's' || verb == 'q' || verb == 'x' || verb == 'X') {
          fmt_string(v.as_string(), verb);
        } else {
          bad_verb(verb, v);
        }
        return;
      case Kind::List: print_list(v, verb, depth); return;
      case Kind::Map: print_map(v, verb, depth); return;
      case Kind::Struct: print_struct(v, verb, depth); return;
    }
  }

  // [a b c]: each element with the same verb; %#v: []interface {}{a, b, c},
  // or []interface {}(nil) for a nil slice.
  void print_list(const Value& v, char verb, int depth) {
    if (f_.sharp_v && go_syntax_nil(v)) return;
    out_ += f_.sharp_v ? '{' : '[';
    const auto& l = v.as_list();
    for (std::size_t i = 0; i < l.size(); ++i) {
      if (i > 0) out_ += f_.sharp_v ? ", " : " ";
      print_value(l[i], verb, depth + 1);
    }
    out_ += f_.sharp_v ? '}' : ']';
  }

  // map[k:v k:v], in key order (Go's fmt sorts map keys); %#v:
  // map[string]interface {}{"k":v, "k":v}, or map[string]string(nil).
  void print_map(const Value& v, char verb, int depth) {
    if (f_.sharp_v) {
      if (go_syntax_nil(v)) return;
      out_ += '{';
    } else {
      out_ += "map[";
    }
    bool first = true;
    for (const auto& [k, val] : v.as_map()) {
      if (!first) out_ += f_.sharp_v ? ", " : " ";
      first = false;
      fmt_string(k, verb);
      out_ += ':';
      print_value(val, verb, depth + 1);
    }
    out_ += f_.sharp_v ? '}' : ']';
  }

  // %#v of a slice or map starts with its type, then (nil) if it is nil:
  // true when that was all.
  bool go_syntax_nil(const Value& v) {
    out_ += v.go_type_name();
    if (!v.is_nil_collection()) return false;
    out_ += "(nil)";
    return true;
  }

  // {a b}, {A:a B:b} for %+v, &{...} for a pointer at the top; %#v:
  // T{A:a, B:b} (&T{...}).
  void print_struct(const Value& v, char verb, int depth) {
    if (depth == 0 && v.type()->pointer && !deref_top) out_ += '&';
    if (f_.sharp_v) out_ += v.type()->name;
    out_ += '{';
    const auto& fs = v.struct_fields();
    for (std::size_t i = 0; i < fs.size(); ++i) {
      if (i > 0) out_ += f_.sharp_v ? ", " : " ";
      if (f_.plus_v || f_.sharp_v) {
        out_ += v.type()->fields[i].name;
        out_ += ':';
      }
      print_value(fs[i], verb, depth + 1);
    }
    out_ += '}';
  }

  void bad_verb(char verb, const Value& v) {
    out_ += "%!";
    out_ += verb;
    out_ += '(';
    if (v.is_nullish()) {
      out_ += "<nil>";
    } else {
      out_ += v.go_type_name();
      out_ += '=';
      // Go prints the operand with the directive's flags, width and
      // precision still set: printf "%.2f" 3 is %!f(int=03).
      print_value(v, 'v', 0);
    }
    out_ += ')';
  }

  void pad(std::string_view s) {
    if (!f_.wid_present || f_.wid == 0) {
      out_ += s;
      return;
    }
    std::size_t n = rune_count(s);
    std::size_t w = static_cast<std::size_t>(f_.wid);
    if (n >= w) {
      out_ += s;
      return;
    }
    if (f_.minus) {
      out_ += s;
      out_.append(w - n, ' ');
    } else {
      out_.append(w - n, f_.zero ? '0' : ' ');
      out_ += s;
    }
  }

  void fmt_string(std::string_view s, char verb) {
    switch (verb) {
      case 'v':
        if (f_.sharp_v) {
          pad(go_quote(s));
          return;
        }
        [[fallthrough]];
      case 's': pad(truncate(s)); return;
      case 'q': {
        std::string_view t = truncate(s);
        std::string q;
        if (f_.sharp && t.find('`') == std::string_view::npos && can_backquote(t)) {
          q = "`" + std::string(t) + "`";
        } else {
          quote_into(q, t, '"', f_.plus);
        }
        pad(q);
        return;
      }
      case 'x':
      case 'X': {
        static const char* lo = "0123456789abcdef";
        static const char* hi = "0123456789ABCDEF";
        const char* digits = verb == 'x' ? lo : hi;
        std::string_view t = s;
        if (f_.prec_present && static_cast<std::size_t>(f_.prec) < t.size()) t = t.substr(0, static_cast<std::size_t>(f_.prec));
        std::string h;
        for (std::size_t i = 0; i < t.size(); ++i) {
          if (f_.space && i > 0) h += ' ';
          if (f_.sharp && (f_.space || i == 0)) h += verb == 'x' ? "0x" : "0X";
          auto b = static_cast<unsigned char>(t[i]);
          h += digits[b >> 4];
          h += digits[b & 15];
        }
        pad(h);
        return;
      }
      default: pad(s);
    }
  }

  std::string_view truncate(std::string_view s) const {
    if (!f_.prec_present) return s;
    std::size_t i = 0;
    for (int n = 0; i < s.size() && n < f_.prec; ++n) i += utf8::decode(s, i).width;
    return s.substr(0, i);
  }

  static bool can_backquote(std::string_view s) {
    for (char c : s) {
      auto u = static_cast<unsigned char>(c);
      if ((u < ' ' && u != '\t') || u == 0x7F) return false;
    }
    return true;
  }

  void fmt_integer(std::uint64_t mag_bits, bool neg, bool is_signed, char verb, const Value& v) {
    std::uint64_t u = mag_bits;
    if (is_signed && neg) u = ~mag_bits + 1;  // magnitude of a negative int64
    int base = 10;
    bool upper = false;
    switch (verb) {
      case 'v':
        // %#v of an unsigned integer is Go syntax in hex: 0xff.
        if (f_.sharp_v && !is_signed) {
          base = 16;
          bool saved_sharp = f_.sharp;
          f_.sharp = true;
          fmt_digits(u, neg, base, false, verb);
          f_.sharp = saved_sharp;
          return;
        }
        base = 10;
        break;
      case 'd': base = 10; break;
      case 'b': base = 2; break;
      case 'o':
      case 'O': base = 8; break;
      case 'x': base = 16; break;
      case 'X':
        base = 16;
        upper = true;
        break;
      case 'c':
      case 'q':
      case 'U': fmt_rune(u, neg, verb); return;
      default: bad_verb(verb, v); return;
    }
    fmt_digits(u, neg, base, upper, verb);
  }

  // %c, %q and %U of an integer: the rune it is (U+FFFD if it is none).
  void fmt_rune(std::uint64_t u, bool neg, char verb) {
    std::string s;
    if (verb == 'U') {
      s = fmt::format("U+{:04X}", u);
      if (f_.sharp && u <= 0x10FFFF && is_print_rune(static_cast<std::uint32_t>(u))) {
        s += " '";
        utf8::append(s, static_cast<std::uint32_t>(u));
        s += "'";
      }
      pad(s);
      return;
    }
    std::uint32_t r = u > 0x10FFFF || neg ? 0xFFFD : static_cast<std::uint32_t>(u);
    if (verb == 'c') {
      utf8::append(s, r);
    } else {
      std::string one;
      utf8::append(one, r);
      quote_into(s, one, '\'', f_.plus);
    }
    pad(s);
  }

  // The magnitude u in `base`, with the sign, the precision (or zero
  // padding to the width, which Go turns into a precision) and the prefix.
  void fmt_digits(std::uint64_t u, bool neg, int base, bool upper, char verb) {
    const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    std::string num;
    if (u == 0) {
      num = "0";
    } else {
      while (u > 0) {
        num += digits[u % static_cast<std::uint64_t>(base)];
        u /= static_cast<std::uint64_t>(base);
      }
      std::reverse(num.begin(), num.end());
    }
    int prec = -1;
    if (f_.prec_present) {
      prec = f_.prec;
      if (prec == 0 && num == "0") num.clear();
    } else if (f_.zero && f_.wid_present && !f_.minus) {
      prec = f_.wid;
      if (neg || f_.plus || f_.space) --prec;  // leave room for the sign
    }
    if (prec > 0 && static_cast<int>(num.size()) < prec) num.insert(0, static_cast<std::size_t>(prec) - num.size(), '0');
    std::string prefix;
    if (f_.sharp) {
      if (base == 8 && (num.empty() || num[0] != '0')) prefix = "0";
      if (base == 16) prefix = upper ? "0X" : "0x";
      if (base == 2) prefix = "0b";
    }
    if (verb == 'O') prefix = "0o";
    std::string s;
    if (neg) {
      s += '-';
    } else if (f_.plus) {
      s += '+';
    } else if (f_.space) {
      s += ' ';
    }
    s += prefix;
    s += num;
    bool saved_zero = f_.zero;
    f_.zero = false;  // zero padding already applied through the precision
    pad(s);
    f_.zero = saved_zero;
  }

  void fmt_float(double d, char verb, const Value& v) {
    std::string num;
    switch (verb) {
      case 'v':
      case 'g':
      case 'G':
        if (f_.prec_present) {
          num = c_format(d, verb == 'G' ? 'G' : 'g', f_.prec == 0 ? 1 : f_.prec);
        } else {
          num = go_format_float(d);
          if (verb == 'G') {
            for (auto& c : num) {
              if (c == 'e') c = 'E';
            }
          }
        }
        break;
      case 'e':
      case 'E':
      case 'f':
      case 'F':
        num = c_format(d, verb == 'F' ? 'f' : verb, f_.prec_present ? f_.prec : 6);
        break;
      default: bad_verb(verb, v); return;
    }
    if (num == "nan" || num == "-nan" || num == "NaN") num = "NaN";
    if (num == "inf" || num == "+Inf") num = "+Inf";
    if (num == "-inf") num = "-Inf";
    bool neg = !num.empty() && num[0] == '-';
    std::string body = neg || num[0] == '+' ? num.substr(1) : num;
    std::string sign;
    if (neg) {
      sign = "-";
    } else if (f_.plus || (num[0] == '+' && body == "Inf")) {
      sign = "+";
    } else if (f_.space) {
      sign = " ";
    }
    bool special = body == "Inf" || body == "NaN";
    if (f_.zero && !f_.minus && f_.wid_present && !special &&
        static_cast<int>(sign.size() + body.size()) < f_.wid) {
      out_ += sign;
      out_.append(static_cast<std::size_t>(f_.wid) - sign.size() - body.size(), '0');
      out_ += body;
      return;
    }
    bool saved_zero = f_.zero;
    if (special) f_.zero = false;
    pad(sign + body);
    f_.zero = saved_zero;
  }

  // C's %.{prec}{e,f,g}: with a precision these round and spell exponents
  // as Go's verbs do (Go's own shortest form is go_format_float).
  static std::string c_format(double d, char conv, int prec) {
    char fmtbuf[16];
    std::snprintf(fmtbuf, sizeof fmtbuf, "%%.%d%c", prec, conv);
    int n = std::snprintf(nullptr, 0, fmtbuf, d);
    std::string s(static_cast<std::size_t>(n), '\0');
    std::snprintf(s.data(), s.size() + 1, fmtbuf, d);
    return s;
  }

 private:
  std::string& out_;
  FmtFlags f_;
};

bool is_string_kind(const Value& v) { return v.kind() == Kind::String; }

}  // namespace

void Value::append_print(std::string& out) const {
  if (kind_ == Kind::Invalid) {
    out += "<no value>";
    return;
  }
  if (kind_ == Kind::String && !(type_ && type_->stringer)) {
    out += as_string();
    return;
  }
  Printer p(out);
  // Templates print the value a pointer points to (printableValue), so a
  // *struct prints as {...}, not &{...}.
  p.deref_top = true;
  p.print_arg(*this, 'v', FmtFlags{});
}

std::string Value::to_print_string() const {
  std::string s;
  append_print(s);
  return s;
}

std::string go_sprint(std::span<const Value> args) {
  std::string out;
  Printer p(out);
  bool prev_string = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    bool is_str = is_string_kind(args[i]);
    if (i > 0 && !is_str && !prev_string) out += ' ';
    p.print_arg(args[i], 'v', FmtFlags{});
    prev_string = is_str;
  }
  return out;
}

std::string go_sprintln(std::span<const Value> args) {
  std::string out;
  Printer p(out);
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (i > 0) out += ' ';
    p.print_arg(args[i], 'v', FmtFlags{});
  }
  out += '\n';
  return out;
}

namespace {

// One run of fmt.Sprintf (Go's pp.doPrintf): the format is read once, left
// to right; each directive takes its operands from args in turn.
class Sprintf {
 public:
  Sprintf(std::string_view format, std::span<const Value> args) : format_(format), args_(args), printer_(out_) {}

  std::string run() {
    while (i_ < format_.size()) {
      std::size_t lasti = i_;
      while (i_ < format_.size() && format_[i_] != '%') ++i_;
      if (i_ > lasti) out_.append(format_.substr(lasti, i_ - lasti));
      if (i_ >= format_.size()) break;
      ++i_;  // skip '%'
      if (!directive()) break;
    }
    extra();
    return std::move(out_);
  }

 private:
  // Go's tooLarge: a width or precision over 1e6 is no number at all.
  static constexpr int kTooLarge = 1000000;

  bool at_end() const { return i_ >= format_.size(); }

  // One directive after its '%'; false where the format ends inside it.
  // Go's doPrintf, explicit argument indexes ("%[2]d") included: an index
  // out of range or in the wrong place makes the directive %!d(BADINDEX),
  // and after any index no operand counts as extra.
  bool directive() {
    FmtFlags f;
    good_argnum_ = true;
    flags(f);
    bool after_index = arg_number();
    if (!at_end() && format_[i_] == '*') {
      ++i_;
      f.wid_present = int_arg(&f.wid);
      if (!f.wid_present) out_ += "%!(BADWIDTH)";
      if (f.wid < 0) {  // a negative width is a '-' flag
        f.wid = -f.wid;
        f.minus = true;
        f.zero = false;
      }
      after_index = false;
    } else {
      f.wid_present = parse_num(&f.wid);
      if (after_index && f.wid_present) good_argnum_ = false;  // "%[3]2d"
    }
    if (i_ + 1 < format_.size() && format_[i_] == '.') {
      ++i_;
      if (after_index) good_argnum_ = false;  // "%[3].2d"
      after_index = arg_number();
      if (!at_end() && format_[i_] == '*') {
        ++i_;
        f.prec_present = int_arg(&f.prec);
        if (f.prec < 0) {
          f.prec = 0;
          f.prec_present = false;
        }
        if (!f.prec_present) out_ += "%!(BADPREC)";
        after_index = false;
      } else {
        parse_num(&f.prec);
        f.prec_present = true;  // "%.f" is precision 0
      }
    }
    if (!after_index) arg_number();
    if (at_end()) {
      out_ += "%!(NOVERB)";
      return false;
    }
    utf8::Rune rune = utf8::decode(format_, i_);
    i_ += rune.width;
    std::uint32_t verb = rune.value;
    if (verb == '%') {
      out_ += '%';
      return true;
    }
    if (!good_argnum_ || argi_ >= args_.size()) {
      out_ += "%!";
      utf8::append(out_, verb);
      out_ += good_argnum_ ? "(MISSING)" : "(BADINDEX)";
      return true;
    }
    char cverb = verb < 0x80 ? static_cast<char>(verb) : '?';
    if (cverb == 'v') {  // %#v and %+v are verbs of their own
      if (f.sharp) {
        f.sharp = false;
        f.sharp_v = true;
      }
      if (f.plus) {
        f.plus = false;
        f.plus_v = true;
      }
    }
    if (cverb == 'w') cverb = 'v';
    printer_.print_arg(args_[argi_++], cverb, f);
    return true;
  }

  // argNumber: an explicit "[n]" (one-based) at i_ moves the next operand
  // to n; whether one was there and well formed.
  bool arg_number() {
    if (at_end() || format_[i_] != '[') return false;
    reordered_ = true;
    // parseArgNumber: at least "[n]", digits only up to the first ']'.
    std::size_t close = format_.find(']', i_ + 1);
    if (format_.size() - i_ < 3 || close == std::string_view::npos) {
      ++i_;
      good_argnum_ = false;
      return false;
    }
    std::size_t start = i_ + 1;
    i_ = start;
    int n = 0;
    bool ok = parse_num(&n) && i_ == close;
    i_ = close + 1;
    if (ok && n >= 1 && static_cast<std::size_t>(n - 1) < args_.size()) {
      argi_ = static_cast<std::size_t>(n - 1);
      return true;
    }
    good_argnum_ = false;
    return ok;
  }

  void flags(FmtFlags& f) {
    for (; !at_end(); ++i_) {
      char c = format_[i_];
      if (c == '#') {
        f.sharp = true;
      } else if (c == '0') {
        f.zero = !f.minus;
      } else if (c == '+') {
        f.plus = true;
      } else if (c == '-') {
        f.minus = true;
        f.zero = false;
      } else if (c == ' ') {
        f.space = true;
      } else {
        break;
      }
    }
  }

  // intFromArg: the operand of a '*'.
  bool int_arg(int* dst) {
    *dst = 0;
    if (argi_ >= args_.size()) return false;
    const Value& a = args_[argi_++];
    if (a.kind() == Kind::Int && std::llabs(a.as_int()) <= kTooLarge) {
      *dst = static_cast<int>(a.as_int());
      return true;
    }
    if (a.kind() == Kind::Uint && a.as_uint() <= static_cast<std::uint64_t>(kTooLarge)) {
      *dst = static_cast<int>(a.as_uint());
      return true;
    }
    return false;
  }

  // parsenum: a crazy long number eats the rest of the format.
  bool parse_num(int* num) {
    *num = 0;
    bool isnum = false;
    for (; !at_end() && format_[i_] >= '0' && format_[i_] <= '9'; ++i_) {
      if (*num > kTooLarge) {
        *num = 0;
        i_ = format_.size();
        return false;
      }
      *num = *num * 10 + (format_[i_] - '0');
      isnum = true;
    }
    return isnum;
  }

  // Operands no directive took: %!(EXTRA type=value, ...).
  void extra() {
    if (reordered_ || argi_ >= args_.size()) return;
    out_ += "%!(EXTRA ";
    for (std::size_t k = argi_; k < args_.size(); ++k) {
      if (k > argi_) out_ += ", ";
      if (args_[k].is_nullish()) {
        out_ += "<nil>";
      } else {
        out_ += args_[k].go_type_name();
        out_ += '=';
        printer_.print_arg(args_[k], 'v', FmtFlags{});
      }
    }
    out_ += ')';
  }

  std::string_view format_;
  std::span<const Value> args_;
  std::string out_;
  Printer printer_;
  std::size_t i_ = 0;     // the next byte of format_
  std::size_t argi_ = 0;  // the next operand
  bool good_argnum_ = true;  // this directive's "[n]" named an operand
  bool reordered_ = false;   // some directive had a "[n]"
};

}  // namespace

std::string go_sprintf(std::string_view format, std::span<const Value> args) { return Sprintf(format, args).run(); }

}  // namespace kinject::tmpl
