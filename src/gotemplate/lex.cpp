// The lexer: a state machine over the input, as Go's lex.go is (one state
// a method), run to the end before the parser starts.
#include "lex.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "kinject/gotemplate/strconv.h"

#include "kinject/base/utf8.h"

namespace kinject::tmpl::detail {

namespace {

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

}  // namespace

std::string Item::str(std::string_view error) const {
  if (typ == Tok::Eof) return "EOF";
  if (typ == Tok::Error) return std::string(error);
  if (typ > Tok::Keyword) return "<" + std::string(val) + ">";
  if (val.size() > 10) {
    // %.10q: quote the first 10 runes.
    std::size_t i = 0;
    for (int n = 0; n < 10 && i < val.size(); ++n) i += utf8::decode(val, i).width;
    return go_quote(val.substr(0, i)) + "...";
  }
  return go_quote(val);
}

namespace {

class Lexer {
 public:
  Lexer(std::string_view input, bool break_ok, bool continue_ok)
      : in_(input), break_ok_(break_ok), continue_ok_(continue_ok) {}

  Lexed run() {
    // About one item per six bytes in Istio's templates: one allocation, not
    // a dozen regrowths copying every item.
    out_.items.reserve(in_.size() / 6 + 4);
    State st = State::Text;
    while (st != State::Done) st = step(st);
    return std::move(out_);
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
    if (auto c = static_cast<unsigned char>(in_[pos_]); c < 0x80) {  // the common case, without a call
      width_ = 1;
      ++pos_;
      if (c == '\n') ++line_;
      return c;
    }
    utf8::Rune r = utf8::decode(in_, pos_);
    width_ = r.width;
    pos_ += r.width;
    if (r.value == '\n') ++line_;
    return static_cast<int>(r.value);
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
    out_.items.push_back(Item{t, start_, in_.substr(start_, pos_ - start_), start_line_});
    start_ = pos_;
    start_line_ = line_;
  }
  // Counts the lines of in_[start_, pos_) that next() did not (a jump of pos_).
  void count_lines_to_pos() {
    line_ += static_cast<int>(std::count(in_.begin() + static_cast<std::ptrdiff_t>(start_),
                                         in_.begin() + static_cast<std::ptrdiff_t>(pos_), '\n'));
  }
  // What a trim marker removes after the delimiter.
  void skip_spaces() {
    while (pos_ < in_.size() && is_space(in_[pos_])) ++pos_;
  }
  void ignore() {
    count_lines_to_pos();
    start_ = pos_;
    start_line_ = line_;
  }
  State errorf(std::string msg) {
    out_.items.push_back(Item{Tok::Error, start_, {}, start_line_});
    out_.error = std::move(msg);
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
      case State::Char: return lex_quoted('\'', Tok::CharConstant, "character constant");
      case State::Number: return lex_number();
      case State::Quote: return lex_quoted('"', Tok::String, "quoted string");
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
        count_lines_to_pos();
        emit(Tok::Text);
      }
      pos_ += trim;
      ignore();
      return State::LeftDelim;
    }
    pos_ = in_.size();
    if (pos_ > start_) {
      count_lines_to_pos();
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
    if (trim) skip_spaces();
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
      skip_spaces();
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
          out_.items.pop_back();  // Go replaces the ')' item by the error
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

  // A "..." string or a '...' character constant (Go's lexQuote and
  // lexChar): up to the closing quote, escapes skipped, on one line.
  State lex_quoted(char quote, Tok typ, std::string_view what) {
    for (;;) {
      int r = next();
      if (r == '\\') {
        int r2 = next();
        if (r2 != kEof && r2 != '\n') continue;
        return errorf(fmt::format("unterminated {}", what));
      }
      if (r == kEof || r == '\n') return errorf(fmt::format("unterminated {}", what));
      if (r == quote) break;
    }
    emit(typ);
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
  Lexed out_;
};

}  // namespace

Lexed lex(std::string_view input, bool break_ok, bool continue_ok) {
  return Lexer(input, break_ok, continue_ok).run();
}

}  // namespace kinject::tmpl::detail
