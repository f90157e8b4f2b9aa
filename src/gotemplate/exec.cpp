// Lexer, parser and executor for Go's text/template language.
//
// The structure follows Go's text/template closely where behaviour is
// observable (token boundaries, trim markers, error wording, which node an
// execution error points at, how missing values flow through pipelines);
// elsewhere it is a plain C++ design: the whole input is tokenized up front,
// the AST is a tree of tagged nodes and the executor is a recursive walk that
// appends to one output string.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

#include "kinject/gotemplate/template.h"

#include "kinject/base/utf8.h"

namespace kinject::tmpl {

namespace {

// ===========================================================================
// Small helpers

bool is_space(int r) { return r == ' ' || r == '\t' || r == '\r' || r == '\n'; }

// Go: '_' || unicode.IsLetter || unicode.IsDigit. Non-ASCII runes are
// treated as letters (templates in practice only use ASCII identifiers).
bool is_alnum(int r) {
  return r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') || r >= 0x80;
}

std::string format_U(int r) {
  // Go's %#U: U+0029 ')'
  std::string s = fmt::format("U+{:04X}", r);
  if (r >= 0x20 && r < 0x7F) {
    s += " '";
    s += static_cast<char>(r);
    s += "'";
  } else if (r >= 0x80) {
    s += " '";
    utf8::append(s, static_cast<std::uint32_t>(r));
    s += "'";
  }
  return s;
}


// Decodes one UTF-8 rune at s[i]; invalid bytes decode as U+FFFD, width 1.
int decode_rune(std::string_view s, std::size_t i, std::size_t* width) {
  utf8::Rune r = utf8::decode(s, i);
  *width = r.width;
  return static_cast<int>(r.value);
}

// Go's strconv.Unquote for "..." and `...` literals; nullopt on bad syntax.
std::optional<std::string> unquote(std::string_view q) {
  if (q.size() < 2) return std::nullopt;
  char quote = q.front();
  if (q.back() != quote) return std::nullopt;
  std::string_view body = q.substr(1, q.size() - 2);
  std::string out;
  if (quote == '`') {
    if (body.find('`') != std::string_view::npos) return std::nullopt;
    for (char c : body) {
      if (c != '\r') out += c;  // carriage returns are discarded in raw strings
    }
    return out;
  }
  if (quote != '"' && quote != '\'') return std::nullopt;
  auto hexval = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < body.size();) {
    char c = body[i];
    if (c == quote && quote == '"') return std::nullopt;
    if (c == '\n') return std::nullopt;
    if (c != '\\') {
      out += c;
      ++i;
      continue;
    }
    if (++i >= body.size()) return std::nullopt;
    char e = body[i++];
    switch (e) {
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '\\': out += '\\'; break;
      case '"':
      case '\'':
        if (e != quote) return std::nullopt;
        out += e;
        break;
      case 'x': {
        if (i + 2 > body.size()) return std::nullopt;
        int h1 = hexval(body[i]), h2 = hexval(body[i + 1]);
        if (h1 < 0 || h2 < 0) return std::nullopt;
        out += static_cast<char>(h1 * 16 + h2);
        i += 2;
        break;
      }
      case 'u':
      case 'U': {
        std::size_t n = e == 'u' ? 4 : 8;
        if (i + n > body.size()) return std::nullopt;
        std::uint32_t r = 0;
        for (std::size_t k = 0; k < n; ++k) {
          int h = hexval(body[i + k]);
          if (h < 0) return std::nullopt;
          r = r * 16 + static_cast<std::uint32_t>(h);
        }
        if (r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) return std::nullopt;
        utf8::append(out, r);
        i += n;
        break;
      }
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        if (i + 2 > body.size()) return std::nullopt;
        int v = e - '0';
        for (int k = 0; k < 2; ++k) {
          char d = body[i + static_cast<std::size_t>(k)];
          if (d < '0' || d > '7') return std::nullopt;
          v = v * 8 + (d - '0');
        }
        if (v > 255) return std::nullopt;
        out += static_cast<char>(v);
        i += 2;
        break;
      }
      default: return std::nullopt;
    }
  }
  return out;
}

// Go's underscoreOK: '_' may only separate digits (or follow a base prefix).
bool underscore_ok(std::string_view s) {
  char saw = '^';
  std::size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  bool hex = false;
  auto lower = [](char c) { return static_cast<char>(c | 0x20); };
  if (s.size() >= 2 && s[0] == '0' && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
    i = 2;
    saw = '0';
    hex = lower(s[1]) == 'x';
  }
  for (; i < s.size(); ++i) {
    char c = s[i];
    if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw = '0';
      continue;
    }
    if (c == '_') {
      if (saw != '0') return false;
      saw = '_';
      continue;
    }
    if (saw == '_') return false;
    saw = '!';
  }
  return saw != '_';
}

// strconv.ParseUint(s, 0, 64).
bool parse_uint_base0(std::string_view s, std::uint64_t* out) {
  if (s.empty()) return false;
  if (s.find('_') != std::string_view::npos && !underscore_ok(s)) return false;
  int base = 10;
  std::string_view digits = s;
  if (s[0] == '0') {
    char c = s.size() >= 3 ? static_cast<char>(s[1] | 0x20) : '\0';
    if (c == 'b' || c == 'o' || c == 'x') {
      base = c == 'b' ? 2 : c == 'o' ? 8 : 16;
      digits = s.substr(2);
    } else {
      base = 8;
      digits = s.substr(1);
    }
  }
  std::uint64_t v = 0;
  for (char c : digits) {
    if (c == '_') continue;
    int d;
    if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      d = (c | 0x20) - 'a' + 10;
    } else {
      return false;
    }
    if (d >= base) return false;
    auto ub = static_cast<std::uint64_t>(base);
    if (v > (std::numeric_limits<std::uint64_t>::max() - static_cast<std::uint64_t>(d)) / ub) return false;
    v = v * ub + static_cast<std::uint64_t>(d);
  }
  *out = v;
  return true;
}

bool parse_int_base0(std::string_view s, std::int64_t* out) {
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  std::uint64_t u;
  if (!parse_uint_base0(s, &u)) return false;
  if (neg) {
    if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + 1) return false;
    *out = static_cast<std::int64_t>(0 - u);
  } else {
    if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return false;
    *out = static_cast<std::int64_t>(u);
  }
  return true;
}

bool parse_float(std::string_view s, double* out) {
  if (s.empty()) return false;
  std::string t;
  if (s.find('_') != std::string_view::npos) {
    if (!underscore_ok(s)) return false;
    for (char c : s) {
      if (c != '_') t += c;
    }
  } else {
    t = std::string(s);
  }
  // strtod accepts things Go does not (inf, nan, leading spaces); the lexer
  // never produces those here.
  char* end = nullptr;
  errno = 0;
  double d = std::strtod(t.c_str(), &end);
  if (end != t.c_str() + t.size()) return false;
  if (errno == ERANGE && std::isinf(d)) return false;
  *out = d;
  return true;
}

// ===========================================================================
// Lexer

enum class Tok : std::uint8_t {
  Error, Bool, Char, CharConstant, Complex, Assign, Declare, Eof, Field, Identifier, LeftDelim,
  LeftParen, Number, Pipe, RawString, RightDelim, RightParen, Space, String, Text, Variable,
  // keywords
  Keyword, Block, Break, Continue, Dot, Define, Else, End, If, Nil, Range, Template, With,
};

struct Item {
  Tok typ = Tok::Eof;
  std::size_t pos = 0;
  std::string_view val;
  int line = 1;
  std::string msg;  // error text for Tok::Error

  // Go's item.String(), used in "unexpected X in Y" messages.
  std::string str() const {
    if (typ == Tok::Eof) return "EOF";
    if (typ == Tok::Error) return msg;
    if (typ > Tok::Keyword) return "<" + std::string(val) + ">";
    if (val.size() > 10) {
      // %.10q: quote the first 10 runes.
      std::size_t i = 0;
      for (int n = 0; n < 10 && i < val.size(); ++n) {
        std::size_t w;
        decode_rune(val, i, &w);
        i += w;
      }
      return go_quote(val.substr(0, i)) + "...";
    }
    return go_quote(val);
  }
};

class Lexer {
 public:
  Lexer(std::string_view input, bool break_ok, bool continue_ok)
      : in_(input), break_ok_(break_ok), continue_ok_(continue_ok) {}

  std::vector<Item> run() {
    State st = State::Text;
    while (st != State::Done) st = step(st);
    return std::move(items_);
  }

 private:
  enum class State { Text, LeftDelim, Comment, RightDelim, InsideAction, Space, Identifier, Field,
                     Variable, Char, Number, Quote, RawQuote, EofAfterText, Done };

  static constexpr int kEof = -1;

  int next() {
    if (pos_ >= in_.size()) {
      width_ = 0;
      return kEof;
    }
    std::size_t w;
    int r = decode_rune(in_, pos_, &w);
    width_ = w;
    pos_ += w;
    if (r == '\n') ++line_;
    return r;
  }
  int peek() {
    int r = next();
    backup();
    return r;
  }
  void backup() {
    pos_ -= width_;
    if (width_ == 1 && in_[pos_] == '\n') --line_;
  }
  void emit(Tok t) {
    items_.push_back(Item{t, start_, in_.substr(start_, pos_ - start_), start_line_, {}});
    start_ = pos_;
    start_line_ = line_;
  }
  void ignore() {
    line_ += static_cast<int>(std::count(in_.begin() + static_cast<std::ptrdiff_t>(start_),
                                         in_.begin() + static_cast<std::ptrdiff_t>(pos_), '\n'));
    start_ = pos_;
    start_line_ = line_;
  }
  State errorf(std::string msg) {
    items_.push_back(Item{Tok::Error, start_, {}, start_line_, std::move(msg)});
    return State::Done;
  }
  bool accept(std::string_view valid) {
    int r = next();
    if (r != kEof && r < 0x80 && valid.find(static_cast<char>(r)) != std::string_view::npos) return true;
    backup();
    return false;
  }
  void accept_run(std::string_view valid) {
    for (;;) {
      int r = next();
      if (r == kEof || r >= 0x80 || valid.find(static_cast<char>(r)) == std::string_view::npos) break;
    }
    backup();
  }
  std::string_view rest(std::size_t at) const { return at <= in_.size() ? in_.substr(at) : std::string_view(); }
  static bool has_left_trim(std::string_view s) { return s.size() >= 2 && s[0] == '-' && is_space(s[1]); }
  static bool has_right_trim(std::string_view s) { return s.size() >= 2 && is_space(s[0]) && s[1] == '-'; }
  static bool starts(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

  // (delim, trim)
  std::pair<bool, bool> at_right_delim() const {
    if (has_right_trim(rest(pos_)) && starts(rest(pos_ + 2), "}}")) return {true, true};
    if (starts(rest(pos_), "}}")) return {true, false};
    return {false, false};
  }
  bool at_terminator() {
    int r = peek();
    if (is_space(r)) return true;
    switch (r) {
      case kEof: case '.': case ',': case '|': case ':': case ')': case '(': case '}':
        return true;
      default: return false;
    }
  }

  State step(State st) {
    switch (st) {
      case State::Text: return lex_text();
      case State::EofAfterText:
        emit(Tok::Eof);
        return State::Done;
      case State::LeftDelim: return lex_left_delim();
      case State::Comment: return lex_comment();
      case State::RightDelim: return lex_right_delim();
      case State::InsideAction: return lex_inside_action();
      case State::Space: return lex_space();
      case State::Identifier: return lex_identifier();
      case State::Field: return lex_field_or_variable(Tok::Field);
      case State::Variable:
        if (at_terminator()) {
          emit(Tok::Variable);
          return State::InsideAction;
        }
        return lex_field_or_variable(Tok::Variable);
      case State::Char: return lex_char();
      case State::Number: return lex_number();
      case State::Quote: return lex_quote();
      case State::RawQuote: return lex_raw_quote();
      case State::Done: return State::Done;
    }
    return State::Done;
  }

  State lex_text() {
    width_ = 0;
    std::size_t x = in_.find("{{", pos_);
    if (x != std::string_view::npos) {
      pos_ = x;
      std::size_t trim = 0;
      if (has_left_trim(rest(pos_ + 2))) {
        std::string_view t = in_.substr(start_, pos_ - start_);
        std::size_t k = t.size();
        while (k > 0 && is_space(t[k - 1])) --k;
        trim = t.size() - k;
      }
      pos_ -= trim;
      if (pos_ > start_) {
        line_ += static_cast<int>(std::count(in_.begin() + static_cast<std::ptrdiff_t>(start_),
                                             in_.begin() + static_cast<std::ptrdiff_t>(pos_), '\n'));
        emit(Tok::Text);
      }
      pos_ += trim;
      ignore();
      return State::LeftDelim;
    }
    pos_ = in_.size();
    if (pos_ > start_) {
      line_ += static_cast<int>(std::count(in_.begin() + static_cast<std::ptrdiff_t>(start_), in_.end(), '\n'));
      emit(Tok::Text);
    }
    return State::EofAfterText;
  }

  State lex_left_delim() {
    pos_ += 2;
    bool trim = has_left_trim(rest(pos_));
    std::size_t after = trim ? 2 : 0;
    if (starts(rest(pos_ + after), "/*")) {
      pos_ += after;
      ignore();
      return State::Comment;
    }
    emit(Tok::LeftDelim);
    pos_ += after;
    ignore();
    paren_depth_ = 0;
    return State::InsideAction;
  }

  State lex_comment() {
    pos_ += 2;
    std::size_t i = in_.find("*/", pos_);
    if (i == std::string_view::npos) return errorf("unclosed comment");
    pos_ = i + 2;
    auto [delim, trim] = at_right_delim();
    if (!delim) return errorf("comment ends before closing delimiter");
    if (trim) pos_ += 2;
    pos_ += 2;
    if (trim) {
      while (pos_ < in_.size() && is_space(in_[pos_])) ++pos_;
    }
    ignore();
    return State::Text;
  }

  State lex_right_delim() {
    bool trim = has_right_trim(rest(pos_));
    if (trim) {
      pos_ += 2;
      ignore();
    }
    pos_ += 2;
    emit(Tok::RightDelim);
    if (trim) {
      while (pos_ < in_.size() && is_space(in_[pos_])) ++pos_;
      ignore();
    }
    return State::Text;
  }

  State lex_inside_action() {
    auto [delim, trim] = at_right_delim();
    (void)trim;
    if (delim) {
      if (paren_depth_ == 0) return State::RightDelim;
      return errorf("unclosed left paren");
    }
    int r = next();
    if (r == kEof) return errorf("unclosed action");
    if (is_space(r)) {
      backup();
      return State::Space;
    }
    switch (r) {
      case '=': emit(Tok::Assign); return State::InsideAction;
      case ':':
        if (next() != '=') return errorf("expected :=");
        emit(Tok::Declare);
        return State::InsideAction;
      case '|': emit(Tok::Pipe); return State::InsideAction;
      case '"': return State::Quote;
      case '`': return State::RawQuote;
      case '$': return State::Variable;
      case '\'': return State::Char;
      case '(':
        emit(Tok::LeftParen);
        ++paren_depth_;
        return State::InsideAction;
      case ')':
        emit(Tok::RightParen);
        --paren_depth_;
        if (paren_depth_ < 0) {
          items_.pop_back();  // Go replaces the ')' item by the error
          return errorf("unexpected right paren " + format_U(r));
        }
        return State::InsideAction;
      default: break;
    }
    if (r == '.') {
      if (pos_ < in_.size()) {
        char c = in_[pos_];
        if (c < '0' || c > '9') return State::Field;
      }
      backup();
      return State::Number;
    }
    if (r == '+' || r == '-' || (r >= '0' && r <= '9')) {
      backup();
      return State::Number;
    }
    if (is_alnum(r)) {
      backup();
      return State::Identifier;
    }
    if (r < 0x7F && r >= 0x20) {
      emit(Tok::Char);
      return State::InsideAction;
    }
    return errorf("unrecognized character in action: " + format_U(r));
  }

  State lex_space() {
    int num = 0;
    while (is_space(peek())) {
      next();
      ++num;
    }
    // A trim-marked right delimiter starts with a space: leave it alone.
    if (has_right_trim(rest(pos_ - 1)) && starts(rest(pos_ - 1 + 2), "}}")) {
      backup();
      if (num == 1) return State::RightDelim;
    }
    emit(Tok::Space);
    return State::InsideAction;
  }

  State lex_identifier() {
    int r;
    for (;;) {
      r = next();
      if (!is_alnum(r)) break;
    }
    backup();
    std::string_view word = in_.substr(start_, pos_ - start_);
    if (!at_terminator()) return errorf("bad character " + format_U(r));
    static const std::pair<std::string_view, Tok> keywords[] = {
        {"block", Tok::Block}, {"break", Tok::Break}, {"continue", Tok::Continue}, {"define", Tok::Define},
        {"else", Tok::Else},   {"end", Tok::End},     {"if", Tok::If},             {"range", Tok::Range},
        {"nil", Tok::Nil},     {"template", Tok::Template}, {"with", Tok::With}};
    for (const auto& [kw, tok] : keywords) {
      if (word == kw) {
        if ((tok == Tok::Break && !break_ok_) || (tok == Tok::Continue && !continue_ok_)) {
          emit(Tok::Identifier);
        } else {
          emit(tok);
        }
        return State::InsideAction;
      }
    }
    if (word == "true" || word == "false") {
      emit(Tok::Bool);
    } else {
      emit(Tok::Identifier);
    }
    return State::InsideAction;
  }

  State lex_field_or_variable(Tok typ) {
    if (at_terminator()) {
      emit(typ == Tok::Variable ? Tok::Variable : Tok::Dot);
      return State::InsideAction;
    }
    int r;
    for (;;) {
      r = next();
      if (!is_alnum(r)) {
        backup();
        break;
      }
    }
    if (!at_terminator()) return errorf("bad character " + format_U(r));
    emit(typ);
    return State::InsideAction;
  }

  State lex_char() {
    for (;;) {
      int r = next();
      if (r == '\\') {
        int r2 = next();
        if (r2 != kEof && r2 != '\n') continue;
        return errorf("unterminated character constant");
      }
      if (r == kEof || r == '\n') return errorf("unterminated character constant");
      if (r == '\'') break;
    }
    emit(Tok::CharConstant);
    return State::InsideAction;
  }

  bool scan_number() {
    accept("+-");
    std::string_view digits = "0123456789_";
    if (accept("0")) {
      if (accept("xX")) {
        digits = "0123456789abcdefABCDEF_";
      } else if (accept("oO")) {
        digits = "01234567_";
      } else if (accept("bB")) {
        digits = "01_";
      }
    }
    accept_run(digits);
    if (accept(".")) accept_run(digits);
    if (digits.size() == 11 && accept("eE")) {
      accept("+-");
      accept_run("0123456789_");
    }
    if (digits.size() == 23 && accept("pP")) {
      accept("+-");
      accept_run("0123456789_");
    }
    accept("i");
    if (is_alnum(peek())) {
      next();
      return false;
    }
    return true;
  }

  State lex_number() {
    if (!scan_number()) return errorf("bad number syntax: " + go_quote(in_.substr(start_, pos_ - start_)));
    int sign = peek();
    if (sign == '+' || sign == '-') {
      if (!scan_number() || in_[pos_ - 1] != 'i') {
        return errorf("bad number syntax: " + go_quote(in_.substr(start_, pos_ - start_)));
      }
      emit(Tok::Complex);
    } else {
      emit(Tok::Number);
    }
    return State::InsideAction;
  }

  State lex_quote() {
    for (;;) {
      int r = next();
      if (r == '\\') {
        int r2 = next();
        if (r2 != kEof && r2 != '\n') continue;
        return errorf("unterminated quoted string");
      }
      if (r == kEof || r == '\n') return errorf("unterminated quoted string");
      if (r == '"') break;
    }
    emit(Tok::String);
    return State::InsideAction;
  }

  State lex_raw_quote() {
    for (;;) {
      int r = next();
      if (r == kEof) return errorf("unterminated raw quoted string");
      if (r == '`') break;
    }
    emit(Tok::RawString);
    return State::InsideAction;
  }

  std::string_view in_;
  std::size_t pos_ = 0, start_ = 0, width_ = 0;
  int line_ = 1, start_line_ = 1;
  int paren_depth_ = 0;
  bool break_ok_, continue_ok_;
  std::vector<Item> items_;
};

// ===========================================================================
// AST

enum class NT : std::uint8_t {
  Text, Action, If, Range, With, Template, Break, Continue, List, Pipe, Command,
  Field, Variable, Chain, Identifier, Dot, Nil, Bool, Number, String, Else, End,
};

// The template source, shared by all trees parsed from one text; needed to
// turn node positions into "name:line:col" for execution errors.
struct Source {
  std::string parse_name;
  std::string text;
};

struct Node {
  Node(NT t, std::size_t p) : type(t), pos(p) {}
  virtual ~Node() = default;
  virtual void write(std::string& out) const = 0;  // Go's Node.String()
  std::string str() const {
    std::string s;
    write(s);
    return s;
  }
  NT type;
  std::size_t pos;
  const Source* src = nullptr;
};
using NodePtr = std::unique_ptr<Node>;

struct TextNode final : Node {
  TextNode(std::size_t p, std::string_view t) : Node(NT::Text, p), text(t) {}
  void write(std::string& out) const override { out += go_quote(text); }
  std::string_view text;
};

struct ListNode final : Node {
  explicit ListNode(std::size_t p) : Node(NT::List, p) {}
  void write(std::string& out) const override {
    for (const auto& n : nodes) n->write(out);
  }
  std::vector<NodePtr> nodes;
};

struct FieldNode final : Node {
  FieldNode(std::size_t p, std::vector<std::string> id) : Node(NT::Field, p), ident(std::move(id)) {}
  void write(std::string& out) const override {
    for (const auto& i : ident) {
      out += '.';
      out += i;
    }
  }
  std::vector<std::string> ident;
};

struct VariableNode final : Node {
  VariableNode(std::size_t p, std::vector<std::string> id) : Node(NT::Variable, p), ident(std::move(id)) {}
  void write(std::string& out) const override {
    for (std::size_t i = 0; i < ident.size(); ++i) {
      if (i > 0) out += '.';
      out += ident[i];
    }
  }
  std::vector<std::string> ident;
};

struct CommandNode;

struct PipeNode final : Node {
  PipeNode(std::size_t p, int l) : Node(NT::Pipe, p), line(l) {}
  void write(std::string& out) const override;
  int line;
  bool is_assign = false;
  std::vector<std::unique_ptr<VariableNode>> decl;
  std::vector<std::unique_ptr<CommandNode>> cmds;
};

struct CommandNode final : Node {
  explicit CommandNode(std::size_t p) : Node(NT::Command, p) {}
  void write(std::string& out) const override {
    for (std::size_t i = 0; i < args.size(); ++i) {
      if (i > 0) out += ' ';
      if (args[i]->type == NT::Pipe) {
        out += '(';
        args[i]->write(out);
        out += ')';
      } else {
        args[i]->write(out);
      }
    }
  }
  std::vector<NodePtr> args;
};

void PipeNode::write(std::string& out) const {
  if (!decl.empty()) {
    for (std::size_t i = 0; i < decl.size(); ++i) {
      if (i > 0) out += ", ";
      decl[i]->write(out);
    }
    out += " := ";
  }
  for (std::size_t i = 0; i < cmds.size(); ++i) {
    if (i > 0) out += " | ";
    cmds[i]->write(out);
  }
}

struct ActionNode final : Node {
  ActionNode(std::size_t p, int l, std::unique_ptr<PipeNode> pp) : Node(NT::Action, p), line(l), pipe(std::move(pp)) {}
  void write(std::string& out) const override {
    out += "{{";
    pipe->write(out);
    out += "}}";
  }
  int line;
  std::unique_ptr<PipeNode> pipe;
};

struct ChainNode final : Node {
  ChainNode(std::size_t p, NodePtr n) : Node(NT::Chain, p), node(std::move(n)) {}
  void write(std::string& out) const override {
    if (node->type == NT::Pipe) {
      out += '(';
      node->write(out);
      out += ')';
    } else {
      node->write(out);
    }
    for (const auto& f : field) {
      out += '.';
      out += f;
    }
  }
  NodePtr node;
  std::vector<std::string> field;
};

enum class Builtin : std::uint8_t {
  None, And, Or, Not, Len, Index, Slice, Print, Printf, Println, Eq, Ne, Lt, Le, Gt, Ge, Html, Js, Urlquery, Call,
};

struct IdentifierNode final : Node {
  IdentifierNode(std::size_t p, std::string_view id) : Node(NT::Identifier, p), ident(id) {}
  void write(std::string& out) const override { out += ident; }
  std::string ident;
  const Function* fn = nullptr;  // resolved at parse time (user map first, then builtins)
  Builtin builtin = Builtin::None;
};

struct DotNode final : Node {
  explicit DotNode(std::size_t p) : Node(NT::Dot, p) {}
  void write(std::string& out) const override { out += '.'; }
};

struct NilNode final : Node {
  explicit NilNode(std::size_t p) : Node(NT::Nil, p) {}
  void write(std::string& out) const override { out += "nil"; }
};

struct BoolNode final : Node {
  BoolNode(std::size_t p, bool b) : Node(NT::Bool, p), value(b) {}
  void write(std::string& out) const override { out += value ? "true" : "false"; }
  bool value;
};

struct NumberNode final : Node {
  NumberNode(std::size_t p, std::string_view t) : Node(NT::Number, p), text(t) {}
  void write(std::string& out) const override { out += text; }
  std::string text;
  bool is_int = false, is_uint = false, is_float = false, is_complex = false;
  std::int64_t i = 0;
  std::uint64_t u = 0;
  double f = 0;
};

struct StringNode final : Node {
  StringNode(std::size_t p, std::string_view quoted_text, std::string s)
      : Node(NT::String, p), quoted(quoted_text), value(Value::string(std::move(s))) {}
  void write(std::string& out) const override { out += quoted; }
  std::string quoted;
  Value value;  // built once; executions share it
};

struct BranchNode final : Node {
  BranchNode(NT t, std::size_t p, int l) : Node(t, p), line(l) {}
  void write(std::string& out) const override {
    const char* name = type == NT::If ? "if" : type == NT::Range ? "range" : "with";
    out += "{{";
    out += name;
    out += ' ';
    pipe->write(out);
    out += "}}";
    list->write(out);
    if (else_list) {
      out += "{{else}}";
      else_list->write(out);
    }
    out += "{{end}}";
  }
  int line;
  std::unique_ptr<PipeNode> pipe;
  std::unique_ptr<ListNode> list;
  std::unique_ptr<ListNode> else_list;
};

struct TemplateNode final : Node {
  TemplateNode(std::size_t p, int l, std::string n, std::unique_ptr<PipeNode> pp)
      : Node(NT::Template, p), line(l), name(std::move(n)), pipe(std::move(pp)) {}
  void write(std::string& out) const override {
    out += "{{template ";
    out += go_quote(name);
    if (pipe) {
      out += ' ';
      pipe->write(out);
    }
    out += "}}";
  }
  int line;
  std::string name;
  std::unique_ptr<PipeNode> pipe;
};

struct SimpleNode final : Node {  // break, continue, else, end
  SimpleNode(NT t, std::size_t p) : Node(t, p) {}
  void write(std::string& out) const override {
    switch (type) {
      case NT::Break: out += "{{break}}"; break;
      case NT::Continue: out += "{{continue}}"; break;
      case NT::Else: out += "{{else}}"; break;
      default: out += "{{end}}"; break;
    }
  }
};

}  // namespace

// A parsed template: one named tree.
struct Tree {
  std::string name;
  std::shared_ptr<const Source> src;
  std::unique_ptr<ListNode> root;
};

struct TemplateSet {
  std::string primary;  // name given to Template::parse
  std::shared_ptr<const FuncMap> funcs;
  std::unordered_map<std::string, std::shared_ptr<const Tree>> trees;
};

namespace {

bool is_empty_tree(const Node* n) {
  if (!n) return true;
  switch (n->type) {
    case NT::List:
      for (const auto& c : static_cast<const ListNode*>(n)->nodes) {
        if (!is_empty_tree(c.get())) return false;
      }
      return true;
    case NT::Text: {
      auto t = static_cast<const TextNode*>(n)->text;
      return std::all_of(t.begin(), t.end(), [](char c) { return is_space(c) || c == '\v' || c == '\f'; });
    }
    default: return false;
  }
}

// ===========================================================================
// Builtin function table

const std::vector<std::pair<std::string_view, Builtin>>& builtin_names() {
  static const std::vector<std::pair<std::string_view, Builtin>> names = {
      {"and", Builtin::And},     {"call", Builtin::Call},   {"html", Builtin::Html},       {"index", Builtin::Index},
      {"slice", Builtin::Slice}, {"js", Builtin::Js},       {"len", Builtin::Len},         {"not", Builtin::Not},
      {"or", Builtin::Or},       {"print", Builtin::Print}, {"printf", Builtin::Printf},   {"println", Builtin::Println},
      {"urlquery", Builtin::Urlquery}, {"eq", Builtin::Eq}, {"ge", Builtin::Ge},          {"gt", Builtin::Gt},
      {"le", Builtin::Le},       {"lt", Builtin::Lt},       {"ne", Builtin::Ne}};
  return names;
}

Builtin find_builtin(std::string_view name) {
  for (const auto& [n, b] : builtin_names()) {
    if (n == name) return b;
  }
  return Builtin::None;
}

const Function& builtin_function(Builtin b);  // defined with the executor

// ===========================================================================
// Parser

class Parser {
 public:
  Parser(std::shared_ptr<const Source> src, const FuncMap& funcs,
         std::unordered_map<std::string, std::shared_ptr<const Tree>>& tree_set)
      : src_(std::move(src)), funcs_(funcs), tree_set_(tree_set) {}

  void parse(const std::string& name) {
    bool break_ok = !has_function("break");
    bool continue_ok = !has_function("continue");
    items_ = Lexer(src_->text, break_ok, continue_ok).run();
    auto tree = std::make_shared<Tree>();
    tree->name = name;
    tree->src = src_;
    vars_ = {"$"};
    tree->root = new_node<ListNode>(peek().pos);
    while (peek().typ != Tok::Eof) {
      if (peek().typ == Tok::LeftDelim) {
        std::size_t delim_at = idx_;
        next();
        if (next_non_space().typ == Tok::Define) {
          parse_definition();
          continue;
        }
        idx_ = delim_at;  // Go's backup2(delim)
      }
      NodePtr n = text_or_action();
      if (n->type == NT::End || n->type == NT::Else) errorf("unexpected " + n->str());
      tree->root->nodes.push_back(std::move(n));
    }
    add(std::move(tree));
  }

 private:
  template <class T, class... Args>
  std::unique_ptr<T> new_node(Args&&... args) {
    auto n = std::make_unique<T>(std::forward<Args>(args)...);
    n->src = src_.get();
    return n;
  }

  // --- token stream ---------------------------------------------------------
  const Item& next() {
    const Item& it = items_[std::min(idx_, items_.size() - 1)];
    if (idx_ < items_.size()) ++idx_;
    hi_ = std::max(hi_, idx_);
    return it;
  }
  void backup() { --idx_; }
  const Item& peek() {
    hi_ = std::max(hi_, idx_ + 1);
    return items_[std::min(idx_, items_.size() - 1)];
  }
  const Item& next_non_space() {
    for (;;) {
      const Item& t = next();
      if (t.typ != Tok::Space) return t;
    }
  }
  const Item& peek_non_space() {
    const Item& t = next_non_space();
    backup();
    return t;
  }

  // --- errors ---------------------------------------------------------------
  [[noreturn]] void errorf(const std::string& msg) {
    // Go reports the line of the most recently lexed token.
    std::size_t i = std::min(hi_ == 0 ? 0 : hi_ - 1, items_.size() - 1);
    throw TemplateError(fmt::format("template: {}:{}: {}", src_->parse_name, items_[i].line, msg));
  }
  [[noreturn]] void unexpected(const Item& token, std::string_view context) {
    if (token.typ == Tok::Error) {
      std::string extra;
      if (action_line_ != 0 && action_line_ != token.line) {
        extra = fmt::format(" in action started at {}:{}", src_->parse_name, action_line_);
        if (token.msg.size() >= 7 && token.msg.compare(token.msg.size() - 7, 7, " action") == 0) {
          extra = extra.substr(std::string_view(" in action").size());
        }
      }
      errorf(token.msg + extra);
    }
    errorf(fmt::format("unexpected {} in {}", token.str(), context));
  }
  const Item& expect(Tok t, std::string_view context) {
    const Item& tok = next_non_space();
    if (tok.typ != t) unexpected(tok, context);
    return tok;
  }

  bool has_function(std::string_view name) const {
    return funcs_.contains(name) || find_builtin(name) != Builtin::None;
  }

  void add(std::shared_ptr<Tree> tree) {
    auto it = tree_set_.find(tree->name);
    if (it == tree_set_.end() || is_empty_tree(it->second->root.get())) {
      tree_set_[tree->name] = std::move(tree);
      return;
    }
    if (!is_empty_tree(tree->root.get())) {
      errorf(fmt::format("template: multiple definition of template {}", go_quote(tree->name)));
    }
  }

  // --- grammar ----------------------------------------------------------------
  void parse_definition() {
    static constexpr std::string_view context = "define clause";
    const Item& name_tok = next_non_space();
    if (name_tok.typ != Tok::String && name_tok.typ != Tok::RawString) unexpected(name_tok, context);
    auto name = unquote(name_tok.val);
    if (!name) errorf("invalid syntax");
    expect(Tok::RightDelim, context);
    auto tree = std::make_shared<Tree>();
    tree->name = *name;
    tree->src = src_;
    auto saved_vars = std::move(vars_);
    vars_ = {"$"};
    auto [list, end] = item_list();
    if (end->type != NT::End) errorf(fmt::format("unexpected {} in {}", end->str(), context));
    tree->root = std::move(list);
    vars_ = std::move(saved_vars);
    add(std::move(tree));
  }

  std::pair<std::unique_ptr<ListNode>, NodePtr> item_list() {
    auto list = new_node<ListNode>(peek_non_space().pos);
    while (peek_non_space().typ != Tok::Eof) {
      NodePtr n = text_or_action();
      if (n->type == NT::End || n->type == NT::Else) return {std::move(list), std::move(n)};
      list->nodes.push_back(std::move(n));
    }
    errorf("unexpected EOF");
  }

  NodePtr text_or_action() {
    const Item& token = next_non_space();
    switch (token.typ) {
      case Tok::Text: return new_node<TextNode>(token.pos, token.val);
      case Tok::LeftDelim: {
        action_line_ = token.line;
        NodePtr n = action();
        action_line_ = 0;
        return n;
      }
      default: unexpected(token, "input");
    }
  }

  NodePtr action() {
    const Item& token = next_non_space();
    switch (token.typ) {
      case Tok::Block: return block_control();
      case Tok::Break: return break_control(token, NT::Break, "{{break}}");
      case Tok::Continue: return break_control(token, NT::Continue, "{{continue}}");
      case Tok::Else: return else_control();
      case Tok::End: return new_node<SimpleNode>(NT::End, expect(Tok::RightDelim, "end").pos);
      case Tok::If: return control(NT::If, "if");
      case Tok::Range: return control(NT::Range, "range");
      case Tok::Template: return template_control();
      case Tok::With: return control(NT::With, "with");
      default: break;
    }
    backup();
    const Item& first = peek();
    std::size_t pos = first.pos;
    int line = first.line;
    return new_node<ActionNode>(pos, line, pipeline("command", Tok::RightDelim));
  }

  NodePtr break_control(const Item& token, NT type, std::string_view what) {
    std::size_t pos = token.pos;
    const Item& t = next_non_space();
    if (t.typ != Tok::RightDelim) unexpected(t, what);
    if (range_depth_ == 0) errorf(fmt::format("{} outside {{{{range}}}}", what));
    return new_node<SimpleNode>(type, pos);
  }

  NodePtr else_control() {
    const Item& p = peek_non_space();
    if (p.typ == Tok::If || p.typ == Tok::With) return new_node<SimpleNode>(NT::Else, p.pos);
    const Item& token = expect(Tok::RightDelim, "else");
    return new_node<SimpleNode>(NT::Else, token.pos);
  }

  std::unique_ptr<BranchNode> control(NT type, std::string_view context) {
    std::size_t saved_vars = vars_.size();
    auto pipe = pipeline(context, Tok::RightDelim);
    if (type == NT::Range) ++range_depth_;
    auto [list, next_node] = item_list();
    if (type == NT::Range) --range_depth_;
    std::unique_ptr<ListNode> else_list;
    if (next_node->type == NT::Else) {
      // "{{else if x}}" / "{{else with x}}" nest a new if/with that consumes
      // the shared {{end}}.
      if (type == NT::If && peek().typ == Tok::If) {
        next();
        else_list = new_node<ListNode>(next_node->pos);
        else_list->nodes.push_back(control(NT::If, "if"));
      } else if (type == NT::With && peek().typ == Tok::With) {
        next();
        else_list = new_node<ListNode>(next_node->pos);
        else_list->nodes.push_back(control(NT::With, "with"));
      } else {
        auto [elist, end] = item_list();
        if (end->type != NT::End) errorf("expected end; found " + end->str());
        else_list = std::move(elist);
      }
    }
    vars_.resize(saved_vars);
    auto node = new_node<BranchNode>(type, pipe->pos, pipe->line);
    node->pipe = std::move(pipe);
    node->list = std::move(list);
    node->else_list = std::move(else_list);
    return node;
  }

  std::string template_name(const Item& token, std::string_view context) {
    if (token.typ != Tok::String && token.typ != Tok::RawString) unexpected(token, context);
    auto s = unquote(token.val);
    if (!s) errorf("invalid syntax");
    return *s;
  }

  NodePtr template_control() {
    static constexpr std::string_view context = "template clause";
    const Item& token = next_non_space();
    std::size_t pos = token.pos;
    int line = token.line;
    std::string name = template_name(token, context);
    std::unique_ptr<PipeNode> pipe;
    if (next_non_space().typ != Tok::RightDelim) {
      backup();
      pipe = pipeline(context, Tok::RightDelim);
    }
    return new_node<TemplateNode>(pos, line, std::move(name), std::move(pipe));
  }

  NodePtr block_control() {
    static constexpr std::string_view context = "block clause";
    const Item& token = next_non_space();
    std::size_t pos = token.pos;
    int line = token.line;
    std::string name = template_name(token, context);
    auto pipe = pipeline(context, Tok::RightDelim);
    auto tree = std::make_shared<Tree>();
    tree->name = name;
    tree->src = src_;
    auto saved_vars = std::move(vars_);
    int saved_range = range_depth_;
    vars_ = {"$"};
    range_depth_ = 0;
    auto [list, end] = item_list();
    if (end->type != NT::End) errorf(fmt::format("unexpected {} in {}", end->str(), context));
    tree->root = std::move(list);
    vars_ = std::move(saved_vars);
    range_depth_ = saved_range;
    add(std::move(tree));
    return new_node<TemplateNode>(pos, line, std::move(name), std::move(pipe));
  }

  std::unique_ptr<PipeNode> pipeline(std::string_view context, Tok end) {
    const Item& first = peek_non_space();
    auto pipe = new_node<PipeNode>(first.pos, first.line);
  decls:
    if (const Item& v = peek_non_space(); v.typ == Tok::Variable) {
      std::size_t v_at = idx_;
      next();
      const Item& var = items_[v_at];
      const Item& after_var = peek();
      bool space_after = after_var.typ == Tok::Space;
      const Item& nxt = peek_non_space();
      if (nxt.typ == Tok::Assign || nxt.typ == Tok::Declare) {
        pipe->is_assign = nxt.typ == Tok::Assign;
        next_non_space();
        pipe->decl.push_back(new_node<VariableNode>(var.pos, std::vector<std::string>{std::string(var.val)}));
        vars_.emplace_back(var.val);
      } else if (nxt.typ == Tok::Char && nxt.val == ",") {
        next_non_space();
        pipe->decl.push_back(new_node<VariableNode>(var.pos, std::vector<std::string>{std::string(var.val)}));
        vars_.emplace_back(var.val);
        if (context == "range" && pipe->decl.size() < 2) {
          Tok t = peek_non_space().typ;
          if (t == Tok::Variable || t == Tok::RightDelim || t == Tok::RightParen) goto decls;
          errorf("range can only initialize variables");
        }
        errorf(fmt::format("too many declarations in {}", context));
      } else {
        (void)space_after;
        idx_ = v_at;  // Go's backup2/backup3: the variable is an operand
      }
    }
    for (;;) {
      const Item& token = next_non_space();
      if (token.typ == end) {
        check_pipeline(*pipe, context);
        return pipe;
      }
      switch (token.typ) {
        case Tok::Bool: case Tok::CharConstant: case Tok::Complex: case Tok::Dot: case Tok::Field:
        case Tok::Identifier: case Tok::Number: case Tok::Nil: case Tok::RawString: case Tok::String:
        case Tok::Variable: case Tok::LeftParen:
          backup();
          pipe->cmds.push_back(command());
          break;
        default: unexpected(token, context);
      }
    }
  }

  void check_pipeline(const PipeNode& pipe, std::string_view context) {
    if (pipe.cmds.empty()) errorf(fmt::format("missing value for {}", context));
    for (std::size_t i = 1; i < pipe.cmds.size(); ++i) {
      switch (pipe.cmds[i]->args[0]->type) {
        case NT::Bool: case NT::Dot: case NT::Nil: case NT::Number: case NT::String:
          errorf(fmt::format("non executable command in pipeline stage {}", i + 1));
        default: break;
      }
    }
  }

  std::unique_ptr<CommandNode> command() {
    auto cmd = new_node<CommandNode>(peek_non_space().pos);
    for (;;) {
      peek_non_space();
      if (NodePtr op = operand()) cmd->args.push_back(std::move(op));
      const Item& token = next();
      if (token.typ == Tok::Space) continue;
      if (token.typ == Tok::RightDelim || token.typ == Tok::RightParen) {
        backup();
      } else if (token.typ != Tok::Pipe) {
        unexpected(token, "operand");
      }
      break;
    }
    if (cmd->args.empty()) errorf("empty command");
    return cmd;
  }

  NodePtr operand() {
    NodePtr node = term();
    if (!node) return nullptr;
    if (peek().typ == Tok::Field) {
      auto chain = new_node<ChainNode>(peek().pos, nullptr);
      while (peek().typ == Tok::Field) chain->field.emplace_back(next().val.substr(1));
      switch (node->type) {
        case NT::Field: {
          // Go rebuilds the field node at the chain's position (the second
          // field), which is where execution errors will point.
          auto* f = static_cast<FieldNode*>(node.get());
          std::vector<std::string> ident = std::move(f->ident);
          for (auto& s : chain->field) ident.push_back(std::move(s));
          return new_node<FieldNode>(chain->pos, std::move(ident));
        }
        case NT::Variable: {
          auto* v = static_cast<VariableNode*>(node.get());
          std::vector<std::string> ident = std::move(v->ident);
          for (auto& s : chain->field) ident.push_back(std::move(s));
          return new_node<VariableNode>(chain->pos, std::move(ident));
        }
        case NT::Bool: case NT::String: case NT::Number: case NT::Nil: case NT::Dot:
          errorf(fmt::format("unexpected . after term {}", go_quote(node->str())));
        default:
          chain->node = std::move(node);
          return chain;
      }
    }
    return node;
  }

  static std::vector<std::string> split_dots(std::string_view s, bool field) {
    std::vector<std::string> out;
    if (field) s.remove_prefix(1);
    std::size_t start = 0;
    for (;;) {
      std::size_t d = s.find('.', start);
      out.emplace_back(s.substr(start, d == std::string_view::npos ? std::string_view::npos : d - start));
      if (d == std::string_view::npos) break;
      start = d + 1;
    }
    return out;
  }

  NodePtr term() {
    const Item& token = next_non_space();
    switch (token.typ) {
      case Tok::Identifier: {
        if (!has_function(token.val)) errorf(fmt::format("function {} not defined", go_quote(token.val)));
        auto id = new_node<IdentifierNode>(token.pos, token.val);
        id->fn = funcs_.find(token.val);
        if (!id->fn) {
          id->builtin = find_builtin(token.val);
          id->fn = &builtin_function(id->builtin);
        }
        return id;
      }
      case Tok::Dot: return new_node<DotNode>(token.pos);
      case Tok::Nil: return new_node<NilNode>(token.pos);
      case Tok::Variable: {
        auto ident = split_dots(token.val, false);
        if (std::find(vars_.begin(), vars_.end(), ident[0]) == vars_.end()) {
          errorf(fmt::format("undefined variable {}", go_quote(ident[0])));
        }
        return new_node<VariableNode>(token.pos, std::move(ident));
      }
      case Tok::Field: return new_node<FieldNode>(token.pos, split_dots(token.val, true));
      case Tok::Bool: return new_node<BoolNode>(token.pos, token.val == "true");
      case Tok::CharConstant:
      case Tok::Complex:
      case Tok::Number: return number(token);
      case Tok::LeftParen: {
        if (++stack_depth_ > 10000) errorf("max expression depth exceeded");
        auto p = pipeline("parenthesized pipeline", Tok::RightParen);
        --stack_depth_;
        return p;
      }
      case Tok::String:
      case Tok::RawString: {
        auto s = unquote(token.val);
        if (!s) errorf("invalid syntax");
        return new_node<StringNode>(token.pos, token.val, std::move(*s));
      }
      default:
        backup();
        return nullptr;
    }
  }

  NodePtr number(const Item& token) {
    auto n = new_node<NumberNode>(token.pos, token.val);
    std::string_view text = token.val;
    if (token.typ == Tok::CharConstant) {
      auto s = unquote(text);
      if (!s) errorf("invalid syntax");
      std::size_t w = 0;
      int r = s->empty() ? -1 : decode_rune(*s, 0, &w);
      if (r < 0 || w != s->size()) errorf(fmt::format("malformed character constant: {}", text));
      n->is_int = n->is_uint = n->is_float = true;
      n->i = r;
      n->u = static_cast<std::uint64_t>(r);
      n->f = r;
      return n;
    }
    if (token.typ == Tok::Complex || (!text.empty() && text.back() == 'i')) {
      // Complex constants are valid Go but no template kinject runs uses
      // them; rejecting them keeps the value model free of complex numbers.
      errorf(fmt::format("complex numbers are not supported: {}", go_quote(text)));
    }
    std::uint64_t u = 0;
    if (parse_uint_base0(text, &u)) {
      n->is_uint = true;
      n->u = u;
    }
    std::int64_t i = 0;
    if (parse_int_base0(text, &i)) {
      n->is_int = true;
      n->i = i;
      if (i == 0) {
        n->is_uint = true;
        n->u = 0;
      }
    }
    if (n->is_int) {
      n->is_float = true;
      n->f = static_cast<double>(n->i);
    } else if (n->is_uint) {
      n->is_float = true;
      n->f = static_cast<double>(n->u);
    } else {
      double f;
      if (parse_float(text, &f)) {
        if (text.find_first_of(".eEpP") == std::string_view::npos) {
          errorf(fmt::format("integer overflow: {}", go_quote(text)));
        }
        n->is_float = true;
        n->f = f;
        if (f >= -9.2233720368547758e18 && f < 9.2233720368547758e18 && static_cast<double>(static_cast<std::int64_t>(f)) == f) {
          n->is_int = true;
          n->i = static_cast<std::int64_t>(f);
        }
        if (f >= 0 && f < 1.8446744073709552e19 && static_cast<double>(static_cast<std::uint64_t>(f)) == f) {
          n->is_uint = true;
          n->u = static_cast<std::uint64_t>(f);
        }
      }
    }
    if (!n->is_int && !n->is_uint && !n->is_float) errorf(fmt::format("illegal number syntax: {}", go_quote(text)));
    return n;
  }

  std::shared_ptr<const Source> src_;
  const FuncMap& funcs_;
  std::unordered_map<std::string, std::shared_ptr<const Tree>>& tree_set_;
  std::vector<Item> items_;
  std::size_t idx_ = 0;
  std::size_t hi_ = 0;
  std::vector<std::string> vars_;
  int action_line_ = 0;
  int range_depth_ = 0;
  int stack_depth_ = 0;
};

// ===========================================================================
// Executor

enum class Flow : std::uint8_t { Normal, Break, Continue };

constexpr int kMaxExecDepth = 1000;  // Go allows 100000; C++ stacks are smaller

// Go's reflect kinds as far as comparisons care.
enum class BasicKind : std::uint8_t { Invalid, Bool, Int, Float, String, Uint };

BasicKind basic_kind(const Value& v) {
  switch (v.kind()) {
    case Kind::Bool: return BasicKind::Bool;
    case Kind::Int: return BasicKind::Int;
    case Kind::Uint: return BasicKind::Uint;
    case Kind::Float: return BasicKind::Float;
    case Kind::String: return BasicKind::String;
    default: return BasicKind::Invalid;
  }
}

// indirectInterface: an interface holding nil is no value at all.
const Value& strip_nil(const Value& v) {
  static const Value invalid{};
  return v.is_nil() && !v.type() ? invalid : v;
}

// The type reflect reports for an operand in error messages.
std::string reflect_type_name(const Value& v) {
  if (v.is_nil() && !v.type()) return "interface {}";
  return v.go_type_name();
}

std::string print_v(const Value& v) {
  Value arr[1] = {v};
  return go_sprintf("%v", arr);
}

// reflect's Kind names, for "non-comparable" errors and sprig's kindOf.
enum class RKind : std::uint8_t { Invalid, Bool, Int, Uint, Float, String, Slice, Map, Struct, Ptr };
RKind rkind(const Value& v) {
  switch (v.kind()) {
    case Kind::Invalid: return RKind::Invalid;
    case Kind::Nil: return v.type() ? RKind::Ptr : RKind::Invalid;
    case Kind::Bool: return RKind::Bool;
    case Kind::Int: return RKind::Int;
    case Kind::Uint: return RKind::Uint;
    case Kind::Float: return RKind::Float;
    case Kind::String: return RKind::String;
    case Kind::List: return RKind::Slice;
    case Kind::Map: return RKind::Map;
    case Kind::Struct: return v.type()->pointer ? RKind::Ptr : RKind::Struct;
  }
  return RKind::Invalid;
}

bool eq_values(const Value& a_in, std::span<const Value> rest) {
  const Value& a = strip_nil(a_in);
  if (rest.empty()) throw FuncError("missing argument for comparison");
  BasicKind k1 = basic_kind(a);
  for (const Value& b_in : rest) {
    const Value& b = strip_nil(b_in);
    BasicKind k2 = basic_kind(b);
    bool truth = false;
    if (k1 != k2) {
      if (k1 == BasicKind::Int && k2 == BasicKind::Uint) {
        truth = a.as_int() >= 0 && static_cast<std::uint64_t>(a.as_int()) == b.as_uint();
      } else if (k1 == BasicKind::Uint && k2 == BasicKind::Int) {
        truth = b.as_int() >= 0 && a.as_uint() == static_cast<std::uint64_t>(b.as_int());
      } else if (!a.is_invalid() && !b.is_invalid()) {
        throw FuncError(fmt::format("incompatible types for comparison: {} and {}", reflect_type_name(a),
                                    reflect_type_name(b)));
      }
    } else {
      switch (k1) {
        case BasicKind::Bool: truth = a.as_bool() == b.as_bool(); break;
        case BasicKind::Float: truth = a.as_float() == b.as_float(); break;
        case BasicKind::Int: truth = a.as_int() == b.as_int(); break;
        case BasicKind::String: truth = a.as_string() == b.as_string(); break;
        case BasicKind::Uint: truth = a.as_uint() == b.as_uint(); break;
        case BasicKind::Invalid: {
          RKind r1 = rkind(a), r2 = rkind(b);
          if (r1 != r2 && r1 != RKind::Invalid && r2 != RKind::Invalid) {
            throw FuncError(fmt::format("non-comparable types {}: {}, {}: {}", print_v(a), reflect_type_name(a),
                                        reflect_type_name(b), print_v(b)));
          }
          bool n1 = a.is_invalid() || a.is_nil();
          bool n2 = b.is_invalid() || b.is_nil();
          if (n1 || n2) {
            truth = n1 == n2;
          } else {
            if (b.kind() == Kind::List || b.kind() == Kind::Map) {
              throw FuncError(fmt::format("non-comparable type {}: {}", print_v(b), reflect_type_name(b)));
            }
            truth = a.deep_equals(b);
          }
          break;
        }
      }
    }
    if (truth) return true;
  }
  return false;
}

bool lt_values(const Value& a_in, const Value& b_in) {
  const Value& a = strip_nil(a_in);
  const Value& b = strip_nil(b_in);
  BasicKind k1 = basic_kind(a);
  if (k1 == BasicKind::Invalid) throw FuncError("invalid type for comparison");
  BasicKind k2 = basic_kind(b);
  if (k2 == BasicKind::Invalid) throw FuncError("invalid type for comparison");
  if (k1 != k2) {
    if (k1 == BasicKind::Int && k2 == BasicKind::Uint) {
      return a.as_int() < 0 || static_cast<std::uint64_t>(a.as_int()) < b.as_uint();
    }
    if (k1 == BasicKind::Uint && k2 == BasicKind::Int) {
      return b.as_int() >= 0 && a.as_uint() < static_cast<std::uint64_t>(b.as_int());
    }
    throw FuncError(fmt::format("incompatible types for comparison: {} and {}", reflect_type_name(a),
                                reflect_type_name(b)));
  }
  switch (k1) {
    case BasicKind::Bool: throw FuncError("invalid type for comparison");
    case BasicKind::Float: return a.as_float() < b.as_float();
    case BasicKind::Int: return a.as_int() < b.as_int();
    case BasicKind::String: return a.as_string() < b.as_string();
    case BasicKind::Uint: return a.as_uint() < b.as_uint();
    default: return false;
  }
}

// indexArg
std::int64_t index_arg(const Value& idx_in, std::size_t cap) {
  const Value& idx = strip_nil(idx_in);
  std::int64_t x;
  switch (idx.kind()) {
    case Kind::Int: x = idx.as_int(); break;
    case Kind::Uint:
      x = idx.as_uint() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())
              ? -1
              : static_cast<std::int64_t>(idx.as_uint());
      break;
    case Kind::Invalid: throw FuncError("cannot index slice/array with nil");
    default: throw FuncError(fmt::format("cannot index slice/array with type {}", reflect_type_name(idx)));
  }
  if (x < 0 || static_cast<std::uint64_t>(x) > cap) throw FuncError(fmt::format("index out of range: {}", x));
  return x;
}

Value builtin_index(std::span<const Value> args) {
  Value item = strip_nil(args[0]);
  if (item.is_invalid()) throw FuncError("index of untyped nil");
  for (const Value& index_in : args.subspan(1)) {
    const Value& index = strip_nil(index_in);
    if (item.is_nil()) throw FuncError("index of nil pointer");
    switch (item.kind()) {
      case Kind::List: {
        const auto& l = item.as_list();
        auto x = static_cast<std::size_t>(index_arg(index, l.size()));
        if (x >= l.size()) throw FuncError("reflect: slice index out of range");
        item = l[x];
        break;
      }
      case Kind::String: {
        const auto& s = item.as_string();
        auto x = static_cast<std::size_t>(index_arg(index, s.size()));
        if (x >= s.size()) throw FuncError("reflect: string index out of range");
        static const TypePtr uint8_type = std::make_shared<TypeInfo>(TypeInfo{"uint8", false, {}, {}, {}, {}});
        item = Value::uinteger(static_cast<unsigned char>(s[x]), uint8_type);
        break;
      }
      case Kind::Map: {
        if (index.is_invalid()) throw FuncError("value is nil; should be of type string");
        if (index.kind() != Kind::String) {
          throw FuncError(fmt::format("value has type {}; should be string", reflect_type_name(index)));
        }
        const Value* found = item.find(index.as_string());
        if (found) {
          item = *found;
        } else {
          item = item.elem() == Elem::String ? Value::string("") : Value::nil();
        }
        break;
      }
      default: throw FuncError(fmt::format("can't index item of type {}", reflect_type_name(item)));
    }
  }
  return item;
}

Value builtin_slice(std::span<const Value> args) {
  const Value& item = strip_nil(args[0]);
  if (item.is_invalid()) throw FuncError("slice of untyped nil");
  auto indexes = args.subspan(1);
  if (indexes.size() > 3) throw FuncError(fmt::format("too many slice indexes: {}", indexes.size()));
  std::size_t cap;
  switch (item.kind()) {
    case Kind::String:
      if (indexes.size() == 3) throw FuncError("cannot 3-index slice a string");
      cap = item.as_string().size();
      break;
    case Kind::List: cap = item.as_list().size(); break;
    default: throw FuncError(fmt::format("can't slice item of type {}", reflect_type_name(item)));
  }
  std::size_t idx[3] = {0, cap, cap};
  for (std::size_t i = 0; i < indexes.size(); ++i) idx[i] = static_cast<std::size_t>(index_arg(indexes[i], cap));
  if (idx[0] > idx[1]) throw FuncError(fmt::format("invalid slice index: {} > {}", idx[0], idx[1]));
  if (indexes.size() == 3 && idx[1] > idx[2]) throw FuncError(fmt::format("invalid slice index: {} > {}", idx[1], idx[2]));
  if (item.kind() == Kind::String) return Value::string(item.as_string().substr(idx[0], idx[1] - idx[0]));
  const auto& l = item.as_list();
  return Value::list(Value::List(l.begin() + static_cast<std::ptrdiff_t>(idx[0]), l.begin() + static_cast<std::ptrdiff_t>(idx[1])),
                     item.elem(), item.type());
}

// evalArgs: the single-string fast path, else fmt.Sprint.
std::string eval_args(std::span<const Value> args) {
  if (args.size() == 1 && args[0].kind() == Kind::String) return args[0].as_string();
  return go_sprint(args);
}

std::string html_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\0': out += "\xEF\xBF\xBD"; break;
      case '"': out += "&#34;"; break;
      case '\'': out += "&#39;"; break;
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string js_escape(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '\\': out += "\\\\"; break;
        case '\'': out += "\\'"; break;
        case '"': out += "\\\""; break;
        case '<': out += "\\u003C"; break;
        case '>': out += "\\u003E"; break;
        case '&': out += "\\u0026"; break;
        case '=': out += "\\u003D"; break;
        default:
          if (c < ' ') {
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
          } else {
            out += static_cast<char>(c);
          }
      }
      ++i;
      continue;
    }
    std::size_t w;
    int r = decode_rune(s, i, &w);
    // unicode.IsPrint approximation: everything but the C1 controls and
    // the line/paragraph separators.
    if (r == 0xFFFD && w == 1) {
      out += "\\uFFFD";
    } else if ((r >= 0x80 && r < 0xA0) || r == 0x2028 || r == 0x2029 || r == 0xFEFF) {
      out += fmt::format("\\u{:04X}", r);
    } else {
      out.append(s.substr(i, w));
    }
    i += w;
  }
  return out;
}

std::string url_query_escape(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

Value builtin_len(std::span<const Value> args) {
  const Value& v = args[0];
  if (v.is_invalid()) throw FuncError("reflect: call of reflect.Value.Type on zero Value");
  if (v.is_nil()) throw FuncError("len of nil pointer");
  switch (v.kind()) {
    case Kind::String:
    case Kind::List:
    case Kind::Map: return Value::integer(static_cast<std::int64_t>(v.size()));
    default: throw FuncError(fmt::format("len of type {}", reflect_type_name(v)));
  }
}

const Function& builtin_function(Builtin b) {
  using P = ParamKind;
  static const Function table[] = {
      /* None */ Function{{}, std::nullopt, {}},
      /* And */ Function{{P::Reflect}, Param(P::Reflect), {}},
      /* Or */ Function{{P::Reflect}, Param(P::Reflect), {}},
      /* Not */ Function{{P::Reflect}, std::nullopt, [](std::span<const Value> a) { return Value::boolean(!a[0].truthy()); }},
      /* Len */ Function{{P::Reflect}, std::nullopt, builtin_len},
      /* Index */ Function{{P::Reflect}, Param(P::Reflect), builtin_index},
      /* Slice */ Function{{P::Reflect}, Param(P::Reflect), builtin_slice},
      /* Print */ Function{{}, Param(P::Any), [](std::span<const Value> a) { return Value::string(go_sprint(a)); }},
      /* Printf */ Function{{P::String}, Param(P::Any),
                            [](std::span<const Value> a) { return Value::string(go_sprintf(a[0].as_string(), a.subspan(1))); }},
      /* Println */ Function{{}, Param(P::Any), [](std::span<const Value> a) { return Value::string(go_sprintln(a)); }},
      /* Eq */ Function{{P::Reflect}, Param(P::Reflect),
                        [](std::span<const Value> a) { return Value::boolean(eq_values(a[0], a.subspan(1))); }},
      /* Ne */ Function{{P::Reflect, P::Reflect}, std::nullopt,
                        [](std::span<const Value> a) { return Value::boolean(!eq_values(a[0], a.subspan(1))); }},
      /* Lt */ Function{{P::Reflect, P::Reflect}, std::nullopt,
                        [](std::span<const Value> a) { return Value::boolean(lt_values(a[0], a[1])); }},
      /* Le */ Function{{P::Reflect, P::Reflect}, std::nullopt,
                        [](std::span<const Value> a) {
                          return Value::boolean(lt_values(a[0], a[1]) || eq_values(a[0], a.subspan(1)));
                        }},
      /* Gt */ Function{{P::Reflect, P::Reflect}, std::nullopt,
                        [](std::span<const Value> a) {
                          bool le = lt_values(a[0], a[1]) || eq_values(a[0], a.subspan(1));
                          return Value::boolean(!le);
                        }},
      /* Ge */ Function{{P::Reflect, P::Reflect}, std::nullopt,
                        [](std::span<const Value> a) { return Value::boolean(!lt_values(a[0], a[1])); }},
      /* Html */ Function{{}, Param(P::Any), [](std::span<const Value> a) { return Value::string(html_escape(eval_args(a))); }},
      /* Js */ Function{{}, Param(P::Any), [](std::span<const Value> a) { return Value::string(js_escape(eval_args(a))); }},
      /* Urlquery */ Function{{}, Param(P::Any),
                              [](std::span<const Value> a) { return Value::string(url_query_escape(eval_args(a))); }},
      /* Call */ Function{{P::Reflect}, Param(P::Reflect), {}},
  };
  return table[static_cast<std::size_t>(b)];
}

// Argument vector with inline storage: most calls have few arguments.
class ArgVec {
 public:
  void push_back(Value v) {
    if (n_ < kInline) {
      inline_[n_++] = std::move(v);
    } else {
      if (heap_.empty()) heap_.assign(inline_.begin(), inline_.end());
      heap_.push_back(std::move(v));
      ++n_;
    }
  }
  std::span<const Value> span() const {
    return n_ <= kInline ? std::span<const Value>(inline_.data(), n_) : std::span<const Value>(heap_.data(), n_);
  }

 private:
  static constexpr std::size_t kInline = 6;
  std::array<Value, kInline> inline_;
  std::vector<Value> heap_;
  std::size_t n_ = 0;
};

class Exec {
 public:
  Exec(const TemplateSet& set, std::string& out, const Tree* tree, const Value& data)
      : set_(set), out_(out), out_start_(out.size()), tree_(tree) {
    vars_.emplace_back("$", data);
  }

  void run(const Value& data) { walk(data, tree_->root.get()); }

 private:
  // --- errors -----------------------------------------------------------------
  [[noreturn]] void errorf(const std::string& msg) const {
    if (!node_) throw TemplateError(fmt::format("template: {}: {}", tree_->name, msg));
    const Source& src = *node_->src;
    std::size_t pos = std::min(node_->pos, src.text.size());
    std::string_view before(src.text.data(), pos);
    std::size_t nl = before.rfind('\n');
    std::size_t col = nl == std::string_view::npos ? pos : pos - (nl + 1);
    auto line = 1 + std::count(before.begin(), before.end(), '\n');
    throw TemplateError(fmt::format("template: {}:{}:{}: executing {} at <{}>: {}", src.parse_name, line, col,
                                    go_quote(tree_->name), node_->str(), msg));
  }
  void at(const Node* n) { node_ = n; }

  // --- limits (see kMaxSteps in template.h) -------------------------------------
  void charge(std::uint64_t cost) {
    steps_ += cost;
    if (steps_ > kMaxSteps)
      errorf(fmt::format("the template did more than {} steps of work; is a {{{{range}}}} endless?", kMaxSteps));
  }
  void check_output() {
    if (out_.size() - out_start_ > kMaxStringBytes)
      errorf(fmt::format("the output is larger than {} MiB", kMaxStringBytes >> 20));
  }
  // A function's result: too big to keep, or paid for by its size.
  const Value& checked_result(const std::string& name, const Value& v) {
    std::size_t size = v.kind() == Kind::String || v.kind() == Kind::List || v.kind() == Kind::Map ? v.size() : 0;
    if (v.kind() == Kind::String && size > kMaxStringBytes)
      errorf(fmt::format("error calling {}: the result is larger than {} MiB", name, kMaxStringBytes >> 20));
    if ((v.kind() == Kind::List || v.kind() == Kind::Map) && size > kMaxItems)
      errorf(fmt::format("error calling {}: the result has more than {} items", name, kMaxItems));
    charge(v.kind() == Kind::String ? size / 64 : size);
    if (too_deep(v, 0))
      errorf(fmt::format("error calling {}: the result nests deeper than {} levels (or contains itself)", name, kMaxDepth));
    return v;
  }
  // Whether a collection nests deeper than kMaxDepth; a map that set or
  // merge made contain itself nests forever. Every value visited is work.
  bool too_deep(const Value& v, int depth) {
    auto deeper = [&](const Value& child) { return too_deep(child, depth + 1); };
    switch (v.kind()) {
      case Kind::List:
      case Kind::Map:
      case Kind::Struct: break;
      default: return false;
    }
    if (depth >= kMaxDepth) return true;
    charge(1);
    if (v.kind() == Kind::List) return std::any_of(v.as_list().begin(), v.as_list().end(), deeper);
    if (v.kind() == Kind::Map)
      return std::any_of(v.as_map().begin(), v.as_map().end(), [&](const auto& e) { return deeper(e.second); });
    return std::any_of(v.struct_fields().begin(), v.struct_fields().end(), deeper);
  }

  // --- variables --------------------------------------------------------------
  void push(std::string_view name, Value v) { vars_.emplace_back(name, std::move(v)); }
  void set_var(std::string_view name, Value v) {
    for (auto i = vars_.size(); i-- > 0;) {
      if (vars_[i].first == name) {
        vars_[i].second = std::move(v);
        return;
      }
    }
    errorf(fmt::format("undefined variable: {}", name));
  }
  const Value& var_value(std::string_view name) {
    for (auto i = vars_.size(); i-- > 0;) {
      if (vars_[i].first == name) return vars_[i].second;
    }
    errorf(fmt::format("undefined variable: {}", name));
  }

  // --- walk -------------------------------------------------------------------
  Flow walk(const Value& dot, const Node* node) {
    at(node);
    charge(1);
    switch (node->type) {
      case NT::Action: {
        auto* a = static_cast<const ActionNode*>(node);
        Value val = eval_pipeline(dot, a->pipe.get());
        if (a->pipe->decl.empty()) {
          at(node);
          try {
            val.append_print(out_);
          } catch (const FuncError& e) {  // the printer's size limit
            errorf(e.what());
          }
          check_output();
        }
        return Flow::Normal;
      }
      case NT::Break: return Flow::Break;
      case NT::Continue: return Flow::Continue;
      case NT::If:
      case NT::With: return walk_if_or_with(dot, static_cast<const BranchNode*>(node));
      case NT::List:
        for (const auto& n : static_cast<const ListNode*>(node)->nodes) {
          Flow f = walk(dot, n.get());
          if (f != Flow::Normal) return f;
        }
        return Flow::Normal;
      case NT::Range: return walk_range(dot, static_cast<const BranchNode*>(node));
      case NT::Template: walk_template(dot, static_cast<const TemplateNode*>(node)); return Flow::Normal;
      case NT::Text:
        out_.append(static_cast<const TextNode*>(node)->text);
        check_output();
        return Flow::Normal;
      default: errorf("unknown node: " + node->str());
    }
  }

  Flow walk_if_or_with(const Value& dot, const BranchNode* n) {
    std::size_t mark = vars_.size();
    Value val = eval_pipeline(dot, n->pipe.get());
    Flow f = Flow::Normal;
    if (val.truthy()) {
      f = walk(n->type == NT::With ? val : dot, n->list.get());
    } else if (n->else_list) {
      f = walk(dot, n->else_list.get());
    }
    vars_.resize(mark);
    return f;
  }

  Flow walk_range(const Value& dot, const BranchNode* r) {
    at(r);
    std::size_t outer_mark = vars_.size();
    Value val = eval_pipeline(dot, r->pipe.get());
    std::size_t mark = vars_.size();
    const PipeNode& pipe = *r->pipe;
    auto one = [&](const Value& index, const Value& elem) -> Flow {
      if (!pipe.decl.empty()) {
        if (pipe.is_assign) {
          set_var(pipe.decl[0]->ident[0], pipe.decl.size() > 1 ? index : elem);
        } else {
          vars_[vars_.size() - 1].second = elem;
        }
      }
      if (pipe.decl.size() > 1) {
        if (pipe.is_assign) {
          set_var(pipe.decl[1]->ident[0], elem);
        } else {
          vars_[vars_.size() - 2].second = index;
        }
      }
      Flow f = walk(elem, r->list.get());
      vars_.resize(mark);
      return f;
    };
    bool ran = false;
    switch (val.kind()) {
      case Kind::List: {
        const auto& l = val.as_list();
        for (std::size_t i = 0; i < l.size(); ++i) {
          ran = true;
          if (one(Value::integer(static_cast<std::int64_t>(i)), l[i]) == Flow::Break) break;
        }
        break;
      }
      case Kind::Map:
        for (const auto& [k, v] : val.as_map()) {
          ran = true;
          if (one(Value::string(k), v) == Flow::Break) break;
        }
        break;
      case Kind::Int: {
        if (pipe.decl.size() > 1) errorf(fmt::format("can't use {} to iterate over more than one variable", print_v(val)));
        for (std::int64_t i = 0; i < val.as_int(); ++i) {
          ran = true;
          Value iv = Value::integer(i, val.type());
          if (one(iv, iv) == Flow::Break) break;
        }
        break;
      }
      case Kind::Invalid: break;  // a nil map etc. acts like an empty one
      default: errorf(fmt::format("range can't iterate over {}", print_v(val)));
    }
    if (!ran && r->else_list) walk(dot, r->else_list.get());
    vars_.resize(outer_mark);
    return Flow::Normal;
  }

  void walk_template(const Value& dot, const TemplateNode* t) {
    at(t);
    auto it = set_.trees.find(t->name);
    if (it == set_.trees.end()) errorf(fmt::format("template {} not defined", go_quote(t->name)));
    if (depth_ >= kMaxExecDepth) errorf(fmt::format("exceeded maximum template depth ({})", kMaxExecDepth));
    Value new_dot = eval_pipeline(dot, t->pipe.get());
    // No dynamic scoping: the callee sees only $ (its argument).
    std::vector<std::pair<std::string_view, Value>> saved;
    saved.swap(vars_);
    vars_.emplace_back("$", new_dot);
    const Tree* saved_tree = tree_;
    tree_ = it->second.get();
    ++depth_;
    walk(new_dot, tree_->root.get());
    --depth_;
    tree_ = saved_tree;
    vars_.swap(saved);
  }

  // --- evaluation ---------------------------------------------------------------
  Value eval_pipeline(const Value& dot, const PipeNode* pipe) {
    if (!pipe) return Value();
    at(pipe);
    Value value;
    bool has_final = false;
    for (const auto& cmd : pipe->cmds) {
      value = eval_command(dot, cmd.get(), value, has_final);
      has_final = true;
      // An interface{} holding nil is no value once it leaves a command.
      if (value.is_nil() && !value.type()) value = Value();
    }
    for (const auto& v : pipe->decl) {
      if (pipe->is_assign) {
        set_var(v->ident[0], value);
      } else {
        push(v->ident[0], value);
      }
    }
    return value;
  }

  void not_a_function(const std::vector<NodePtr>& args, bool has_final) {
    if (args.size() > 1 || has_final) errorf("can't give argument to non-function " + args[0]->str());
  }

  Value eval_command(const Value& dot, const CommandNode* cmd, const Value& final, bool has_final) {
    const Node* first = cmd->args[0].get();
    switch (first->type) {
      case NT::Field:
        return eval_field_node(dot, static_cast<const FieldNode*>(first), &cmd->args, final, has_final);
      case NT::Chain:
        return eval_chain_node(dot, static_cast<const ChainNode*>(first), &cmd->args, final, has_final);
      case NT::Identifier:
        return eval_function(dot, static_cast<const IdentifierNode*>(first), cmd, &cmd->args, final, has_final);
      case NT::Pipe:
        not_a_function(cmd->args, has_final);
        return eval_pipeline(dot, static_cast<const PipeNode*>(first));
      case NT::Variable:
        return eval_variable_node(dot, static_cast<const VariableNode*>(first), &cmd->args, final, has_final);
      default: break;
    }
    at(first);
    not_a_function(cmd->args, has_final);
    switch (first->type) {
      case NT::Bool: return Value::boolean(static_cast<const BoolNode*>(first)->value);
      case NT::Dot: return dot;
      case NT::Nil: errorf("nil is not a command");
      case NT::Number: return ideal_constant(static_cast<const NumberNode*>(first));
      case NT::String: return static_cast<const StringNode*>(first)->value;
      default: errorf("can't evaluate command " + go_quote(first->str()));
    }
  }

  Value ideal_constant(const NumberNode* c) {
    at(c);
    const std::string& t = c->text;
    bool hex_int = t.size() > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X') && t.find_first_of("pP") == std::string::npos;
    bool rune_int = !t.empty() && t[0] == '\'';
    if (c->is_float && !hex_int && !rune_int && t.find_first_of(".eEpP") != std::string::npos) return Value::floating(c->f);
    if (c->is_int) return Value::integer(c->i);
    if (c->is_uint) errorf(t + " overflows int");
    return Value();
  }

  Value eval_field_node(const Value& dot, const FieldNode* field, const std::vector<NodePtr>* args, const Value& final,
                        bool has_final) {
    at(field);
    return eval_field_chain(dot, dot, field, field->ident, 0, args, final, has_final);
  }

  Value eval_chain_node(const Value& dot, const ChainNode* chain, const std::vector<NodePtr>* args, const Value& final,
                        bool has_final) {
    at(chain);
    if (chain->node->type == NT::Nil) errorf("indirection through explicit nil in " + chain->str());
    Value pipe = eval_arg(dot, Param(ParamKind::Reflect), chain->node.get());
    return eval_field_chain(dot, pipe, chain, chain->field, 0, args, final, has_final);
  }

  Value eval_variable_node(const Value& dot, const VariableNode* v, const std::vector<NodePtr>* args,
                           const Value& final, bool has_final) {
    at(v);
    const Value& value = var_value(v->ident[0]);
    if (v->ident.size() == 1) {
      if (args) not_a_function(*args, has_final);
      return value;
    }
    return eval_field_chain(dot, value, v, v->ident, 1, args, final, has_final);
  }

  Value eval_field_chain(const Value& dot, const Value& receiver_in, const Node* node,
                         const std::vector<std::string>& ident, std::size_t from, const std::vector<NodePtr>* args,
                         const Value& final, bool has_final) {
    std::size_t n = ident.size();
    const Value* receiver = &receiver_in;
    Value holder;
    for (std::size_t i = from; i + 1 < n; ++i) {
      holder = eval_field(dot, ident[i], node, nullptr, Value(), false, *receiver);
      receiver = &holder;
    }
    return eval_field(dot, ident[n - 1], node, args, final, has_final, *receiver);
  }

  static const Value* struct_field(const Value& s, std::string_view name, int depth = 0) {
    const TypeInfo& t = *s.type();
    int i = t.field_index(name);
    if (i >= 0) return &s.struct_fields()[static_cast<std::size_t>(i)];
    if (depth > 8) return nullptr;
    // Promoted fields of embedded structs are reachable through the outer
    // struct (Go's FieldByName does a breadth-first search; a depth-first
    // search is equivalent unless names are ambiguous).
    for (std::size_t k = 0; k < t.fields.size(); ++k) {
      if (!t.fields[k].embedded) continue;
      const Value& fv = s.struct_fields()[k];
      if (fv.kind() == Kind::Struct) {
        if (const Value* found = struct_field(fv, name, depth + 1)) return found;
      }
    }
    return nullptr;
  }

  Value eval_field(const Value& dot, const std::string& name, const Node* node, const std::vector<NodePtr>* args,
                   const Value& final, bool has_final, const Value& receiver) {
    if (receiver.is_invalid()) return Value();
    if (receiver.is_nil() && !receiver.type()) {
      errorf(fmt::format("nil pointer evaluating interface {{}}.{}", name));
    }
    if (const TypePtr& type = receiver.type()) {
      auto m = type->methods.find(name);
      if (m != type->methods.end()) return eval_method(dot, m->second, receiver, node, name, args, final, has_final);
    }
    bool has_args = (args && args->size() > 1) || has_final;
    switch (receiver.kind()) {
      case Kind::Struct:
        if (const Value* f = struct_field(receiver, name)) {
          if (has_args) errorf(name + " has arguments but cannot be invoked as function");
          return *f;
        }
        break;
      case Kind::Map: {
        if (has_args) errorf(name + " is not a method but has arguments");
        const Value* f = receiver.find(name);
        return f ? *f : Value();
      }
      case Kind::Nil: {
        const TypeInfo& t = *receiver.type();
        if (!t.fields.empty() && t.field_index(name) < 0) break;
        errorf(fmt::format("nil pointer evaluating *{}.{}", t.name, name));
      }
      default: break;
    }
    errorf(fmt::format("can't evaluate field {} in type {}", name, reflect_type_name(receiver)));
  }

  Value eval_method(const Value& dot, const Method& method, const Value& self, const Node* node,
                    const std::string& name, const std::vector<NodePtr>* args, const Value& final, bool has_final) {
    ArgVec argv;
    if (args) {
      for (std::size_t i = 1; i < args->size(); ++i) argv.push_back(eval_arg(dot, Param(ParamKind::Any), (*args)[i].get()));
    }
    if (has_final) argv.push_back(validate_type(final, Param(ParamKind::Any)));
    charge(1);
    Value result;
    try {
      result = method(self, argv.span());
    } catch (const TemplateError&) {
      throw;
    } catch (const std::exception& e) {
      at(node);
      errorf(fmt::format("error calling {}: {}", name, e.what()));
    }
    at(node);
    return checked_result(name, result);
  }

  Value eval_function(const Value& dot, const IdentifierNode* id, const Node* cmd, const std::vector<NodePtr>* args,
                      const Value& final, bool has_final) {
    at(id);
    return eval_call(dot, *id->fn, id->builtin, cmd, id->ident, args, final, has_final);
  }

  Value eval_call(const Value& dot, const Function& fn, Builtin builtin, const Node* node, const std::string& name,
                  const std::vector<NodePtr>* args_in, const Value& final, bool has_final) {
    std::span<const NodePtr> args;
    if (args_in && !args_in->empty()) args = std::span<const NodePtr>(args_in->data() + 1, args_in->size() - 1);
    std::size_t num_in = args.size() + (has_final ? 1 : 0);
    std::size_t num_fixed = args.size();
    if (fn.variadic) {
      num_fixed = fn.params.size();
      if (num_in < num_fixed) {
        errorf(fmt::format("wrong number of args for {}: want at least {} got {}", name, num_fixed, args.size()));
      }
    } else if (num_in != fn.params.size()) {
      errorf(fmt::format("wrong number of args for {}: want {} got {}", name, fn.params.size(), num_in));
    }

    if (builtin == Builtin::And || builtin == Builtin::Or) {
      bool want = builtin == Builtin::Or;
      Value v;
      for (const auto& a : args) {
        v = eval_arg(dot, Param(ParamKind::Reflect), a.get());
        if (v.truthy() == want) return v;
      }
      if (has_final) v = final;
      return v;
    }
    if (builtin == Builtin::Call) {
      ArgVec argv;
      for (const auto& a : args) argv.push_back(eval_arg(dot, Param(ParamKind::Reflect), a.get()));
      at(node);
      const Value& f = strip_nil(args.empty() ? final : argv.span()[0]);
      if (f.is_invalid()) errorf("error calling call: call of nil");
      errorf(fmt::format("error calling call: non-function {} of type {}", args.empty() ? std::string("<final>") : args[0]->str(),
                         reflect_type_name(f)));
    }

    ArgVec argv;
    std::size_t i = 0;
    for (; i < num_fixed && i < args.size(); ++i) argv.push_back(eval_arg(dot, fn.params[i], args[i].get()));
    if (fn.variadic) {
      for (; i < args.size(); ++i) argv.push_back(eval_arg(dot, *fn.variadic, args[i].get()));
    }
    if (has_final) {
      const Param* t;
      if (fn.variadic) {
        t = num_in - 1 < num_fixed ? &fn.params[num_in - 1] : &*fn.variadic;
      } else {
        t = &fn.params.back();
      }
      argv.push_back(validate_type(final, *t));
    }
    charge(1);
    Value result;
    try {
      result = fn.impl(argv.span());
    } catch (const TemplateError&) {
      throw;
    } catch (const std::exception& e) {
      at(node);
      errorf(fmt::format("error calling {}: {}", name, e.what()));
    }
    at(node);
    return checked_result(name, result);
  }

  static bool can_be_nil(const Param& p) {
    switch (p.kind) {
      case ParamKind::Any: case ParamKind::Reflect: case ParamKind::List: case ParamKind::Map: case ParamKind::StringMap:
        return true;
      case ParamKind::Named: return !p.type_name.empty() && p.type_name[0] == '*';
      default: return false;
    }
  }

  static Value zero_of(const Param& p) {
    switch (p.kind) {
      case ParamKind::Any: return Value::nil();
      case ParamKind::List: return Value::list({});
      case ParamKind::Map: return Value::map({});
      case ParamKind::StringMap: return Value::map({}, Elem::String);
      case ParamKind::Named: return Value::nil();
      default: return Value();
    }
  }

  [[noreturn]] void wrong_type(const Param& p, const Value& v) {
    errorf(fmt::format("wrong type for value; expected {}; got {}", p.go_name(), reflect_type_name(v)));
  }

  static bool plain_type(const Value& v, std::string_view name) { return !v.type() || v.type()->name == name; }

  Value validate_type(const Value& value, const Param& p) {
    if (value.is_invalid()) {
      if (can_be_nil(p)) return zero_of(p);
      errorf(fmt::format("invalid value; expected {}", p.go_name()));
    }
    switch (p.kind) {
      case ParamKind::Any:
      case ParamKind::Reflect: return value;
      case ParamKind::String:
        if (value.kind() == Kind::String && plain_type(value, "string")) return value;
        break;
      case ParamKind::Int:
        if (value.kind() == Kind::Int && plain_type(value, "int")) return value;
        break;
      case ParamKind::Float:
        if (value.kind() == Kind::Float) return value;
        break;
      case ParamKind::Bool:
        if (value.kind() == Kind::Bool && plain_type(value, "bool")) return value;
        break;
      case ParamKind::List:
        if (value.kind() == Kind::List) return value;
        break;
      case ParamKind::Map:
        if (value.kind() == Kind::Map && value.elem() == Elem::Any) return value;
        break;
      case ParamKind::StringMap:
        if (value.kind() == Kind::Map && value.elem() == Elem::String) return value;
        break;
      case ParamKind::Named: {
        std::string_view want = p.type_name;
        bool want_ptr = !want.empty() && want[0] == '*';
        if (want_ptr) want.remove_prefix(1);
        if (value.kind() == Kind::Map) return value;  // lenient: decoded objects stand in for structs
        if (value.type() && value.type()->name == want) {
          if (value.is_nil() && !want_ptr) errorf(fmt::format("dereference of nil pointer of type {}", p.type_name));
          return value;
        }
        break;
      }
    }
    wrong_type(p, value);
  }

  Value eval_arg(const Value& dot, const Param& p, const Node* n) {
    at(n);
    switch (n->type) {
      case NT::Dot: return validate_type(dot, p);
      case NT::Nil:
        if (can_be_nil(p)) return p.kind == ParamKind::Reflect ? Value() : zero_of(p);
        errorf(fmt::format("cannot assign nil to {}", p.go_name()));
      case NT::Field:
        return validate_type(eval_field_node(dot, static_cast<const FieldNode*>(n), nullptr, Value(), false), p);
      case NT::Variable:
        return validate_type(eval_variable_node(dot, static_cast<const VariableNode*>(n), nullptr, Value(), false), p);
      case NT::Pipe: return validate_type(eval_pipeline(dot, static_cast<const PipeNode*>(n)), p);
      case NT::Identifier: {
        auto* id = static_cast<const IdentifierNode*>(n);
        return validate_type(eval_function(dot, id, id, nullptr, Value(), false), p);
      }
      case NT::Chain:
        return validate_type(eval_chain_node(dot, static_cast<const ChainNode*>(n), nullptr, Value(), false), p);
      default: break;
    }
    switch (p.kind) {
      case ParamKind::Bool:
        if (n->type == NT::Bool) return Value::boolean(static_cast<const BoolNode*>(n)->value);
        errorf("expected bool; found " + n->str());
      case ParamKind::Float:
        if (n->type == NT::Number && static_cast<const NumberNode*>(n)->is_float) {
          return Value::floating(static_cast<const NumberNode*>(n)->f);
        }
        errorf("expected float; found " + n->str());
      case ParamKind::Int:
        if (n->type == NT::Number && static_cast<const NumberNode*>(n)->is_int) {
          return Value::integer(static_cast<const NumberNode*>(n)->i);
        }
        errorf("expected integer; found " + n->str());
      case ParamKind::String:
        if (n->type == NT::String) return static_cast<const StringNode*>(n)->value;
        errorf("expected string; found " + n->str());
      case ParamKind::Any:
      case ParamKind::Reflect:
        switch (n->type) {
          case NT::Bool: return Value::boolean(static_cast<const BoolNode*>(n)->value);
          case NT::Number: return ideal_constant(static_cast<const NumberNode*>(n));
          case NT::String: return static_cast<const StringNode*>(n)->value;
          default: errorf("can't handle assignment of " + n->str() + " to empty interface argument");
        }
      default: errorf(fmt::format("can't handle {} for arg of type {}", n->str(), p.go_name()));
    }
  }

  const TemplateSet& set_;
  std::string& out_;
  std::size_t out_start_;  // out_ may hold the caller's text already
  const Tree* tree_;
  const Node* node_ = nullptr;
  std::vector<std::pair<std::string_view, Value>> vars_;
  int depth_ = 0;
  std::uint64_t steps_ = 0;
};

void parse_into(TemplateSet& set, std::string_view name, std::string_view text) {
  auto src = std::make_shared<Source>();
  src->parse_name = std::string(name);
  src->text = std::string(text);
  std::unordered_map<std::string, std::shared_ptr<const Tree>> fresh;
  Parser(src, *set.funcs, fresh).parse(std::string(name));
  for (auto& [tname, tree] : fresh) {
    auto it = set.trees.find(tname);
    // Go's associate(): an empty redefinition never replaces a real one.
    if (it != set.trees.end() && is_empty_tree(tree->root.get())) continue;
    set.trees[tname] = std::move(tree);
  }
}

}  // namespace

// ===========================================================================
// Template

Template::Template(std::shared_ptr<TemplateSet> set) : set_(std::move(set)) {}
Template::~Template() = default;

Template Template::parse(std::string_view name, std::string_view text, FuncMap funcs) {
  auto set = std::make_shared<TemplateSet>();
  set->primary = std::string(name);
  set->funcs = std::make_shared<const FuncMap>(std::move(funcs));
  parse_into(*set, name, text);
  return Template(std::move(set));
}

void Template::add(std::string_view name, std::string_view text) {
  // Copy-on-write: parsed trees are shared, the name table is not.
  auto copy = std::make_shared<TemplateSet>(*set_);
  parse_into(*copy, name, text);
  set_ = std::move(copy);
}

bool Template::has(std::string_view name) const { return set_->trees.count(std::string(name)) > 0; }

std::vector<std::string> Template::names() const {
  std::vector<std::string> out;
  for (const auto& [n, t] : set_->trees) out.push_back(n);
  std::sort(out.begin(), out.end());
  return out;
}

void Template::execute_to(std::string& out, std::string_view name, const Value& data) const {
  auto it = set_->trees.find(std::string(name));
  if (it == set_->trees.end()) {
    throw TemplateError(fmt::format("template: no template {} associated with template {}", go_quote(name),
                                    go_quote(set_->primary)));
  }
  Exec exec(*set_, out, it->second.get(), data);
  exec.run(data);
}

std::string Template::execute(std::string_view name, const Value& data) const {
  std::string out;
  out.reserve(4096);
  execute_to(out, name, data);
  return out;
}

}  // namespace kinject::tmpl
