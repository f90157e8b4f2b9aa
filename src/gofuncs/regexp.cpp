// Sprig's regular-expression functions (regex.go) on RE2, the library Go's
// regexp syntax and semantics come from: leftmost-first matching, Perl
// classes, Unicode classes (\pL), named groups (?P<n>...), flags (?i) and
// no backreferences, as in Go. What Go's regexp package adds on top of the
// matcher (how FindAll, ReplaceAll and Split step over empty matches, the
// $1/${name} expansion, QuoteMeta, its error texts) is written here after
// Go's regexp.go.
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include <fmt/format.h>

#include "kinject/base/utf8.h"

#include "internal.h"

namespace kinject::tmpl {

namespace {

// regexp/syntax's ErrorCode texts, for RE2's codes.
std::string_view go_error_code(RE2::ErrorCode code) {
  switch (code) {
    case RE2::ErrorBadEscape: return "invalid escape sequence";
    case RE2::ErrorBadCharClass: return "invalid character class";
    case RE2::ErrorBadCharRange: return "invalid character class range";
    case RE2::ErrorMissingBracket: return "missing closing ]";
    case RE2::ErrorMissingParen: return "missing closing )";
    case RE2::ErrorUnexpectedParen: return "unexpected )";
    case RE2::ErrorTrailingBackslash: return "trailing backslash at end of expression";
    case RE2::ErrorRepeatArgument: return "missing argument to repetition operator";
    case RE2::ErrorRepeatSize: return "invalid repeat count";
    case RE2::ErrorRepeatOp: return "invalid nested repetition operator";
    case RE2::ErrorBadPerlOp: return "invalid or unsupported Perl syntax";
    case RE2::ErrorBadUTF8: return "invalid UTF-8";
    case RE2::ErrorBadNamedCapture: return "invalid named capture";
    case RE2::ErrorPatternTooLarge: return "expression too large";
    default: return "regexp/syntax: internal error";
  }
}

struct Compiled {
  std::unique_ptr<RE2> re;
  std::string error;  // Go's regexp.Compile error text; empty when re is usable
};

// regexp.Compile: RE2's defaults are Go's (Perl syntax, UTF-8, `.` not
// matching \n, ^/$ at the ends of the text, negated classes matching \n).
Compiled compile(const std::string& pattern) {
  RE2::Options opt;
  opt.set_log_errors(false);
  opt.set_max_mem(64 << 20);
  auto re = std::make_unique<RE2>(pattern, opt);
  if (re->ok()) return {std::move(re), {}};
  return {nullptr, fmt::format("error parsing regexp: {}: `{}`", go_error_code(re->error_code()), re->error_arg())};
}

// regexp's quote(): backquoted where strconv.CanBackquote allows (no
// control character but tab, no backquote, valid UTF-8, no BOM).
std::string quote_pattern(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\t') || c == 0x7f || c == '`') return go_quote(s);
    utf8::Rune r = utf8::decode(s, i);
    if (!r.valid || r.value == 0xFEFF) return go_quote(s);
    i += r.width;
  }
  return fmt::format("`{}`", s);
}

// regexp.MustCompile: its panic, as the engine reports it.
std::unique_ptr<RE2> must_compile(const std::string& pattern) {
  Compiled c = compile(pattern);
  if (!c.re) throw FuncError(fmt::format("regexp: Compile({}): {}", quote_pattern(pattern), c.error));
  return std::move(c.re);
}

// The must* forms return regexp.Compile's error itself.
std::unique_ptr<RE2> compile_or_error(const std::string& pattern) {
  Compiled c = compile(pattern);
  if (!c.re) throw FuncError(c.error);
  return std::move(c.re);
}

using Compile = std::unique_ptr<RE2> (*)(const std::string&);

// One match: byte offsets of each group, -1 for a group that took no part.
using Match = std::vector<std::ptrdiff_t>;

// The leftmost-first match at or after `pos`, seen in the context of the
// whole text (so ^ and \b look before pos), as Go's doExecute.
bool find_at(const RE2& re, std::string_view s, std::size_t pos, Match& m) {
  int groups = 1 + re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> sub(static_cast<std::size_t>(groups));
  if (!re.Match(re2::StringPiece(s.data(), s.size()), pos, s.size(), RE2::UNANCHORED, sub.data(), groups)) return false;
  m.assign(2 * static_cast<std::size_t>(groups), -1);
  for (std::size_t g = 0; g < sub.size(); ++g) {
    if (sub[g].data() == nullptr) continue;
    m[2 * g] = sub[g].data() - s.data();
    m[2 * g + 1] = m[2 * g] + static_cast<std::ptrdiff_t>(sub[g].size());
  }
  return true;
}

std::size_t rune_width(std::string_view s, std::size_t pos) { return pos < s.size() ? utf8::decode(s, pos).width : 0; }

// Go's Regexp.allMatches: up to n matches (n < 0: all); an empty match
// right after the previous match is skipped.
std::vector<Match> all_matches(const RE2& re, std::string_view s, std::int64_t n) {
  std::vector<Match> out;
  if (n < 0) n = static_cast<std::int64_t>(s.size()) + 1;
  std::ptrdiff_t prev_end = -1;
  Match m;
  for (std::size_t pos = 0; static_cast<std::int64_t>(out.size()) < n && pos <= s.size();) {
    if (!find_at(re, s, pos, m)) break;
    bool accept = true;
    if (m[1] == static_cast<std::ptrdiff_t>(pos)) {
      if (m[0] == prev_end) accept = false;
      std::size_t w = rune_width(s, pos);
      pos = w > 0 ? pos + w : s.size() + 1;
    } else {
      pos = static_cast<std::size_t>(m[1]);
    }
    prev_end = m[1];
    if (accept) {
      out.push_back(m);
      check_items(out.size(), "the matches");
    }
  }
  return out;
}

bool is_name_char(unsigned char c) {
  // Go takes unicode.IsLetter/IsDigit runes; every non-ASCII byte counts
  // as part of a letter here (docs/templates.md lists the difference).
  return std::isalnum(c) || c == '_' || c >= 0x80;
}

// regexp.Regexp.Expand for ReplaceAllString: $$, $n, ${n}, $name, ${name};
// a malformed reference is kept as text, an unknown group expands to "".
void expand(std::string& out, std::string_view tmpl, std::string_view src, const Match& m, const RE2& re) {
  while (!tmpl.empty()) {
    std::size_t d = tmpl.find('$');
    if (d == std::string_view::npos) break;
    out.append(tmpl.substr(0, d));
    tmpl.remove_prefix(d + 1);
    if (!tmpl.empty() && tmpl[0] == '$') {
      out += '$';
      tmpl.remove_prefix(1);
      continue;
    }
    std::string_view rest = tmpl;
    bool brace = !rest.empty() && rest[0] == '{';
    if (brace) rest.remove_prefix(1);
    std::size_t i = 0;
    while (i < rest.size() && is_name_char(static_cast<unsigned char>(rest[i]))) ++i;
    if (i == 0 || (brace && (i >= rest.size() || rest[i] != '}'))) {
      out += '$';  // malformed: the $ is text
      continue;
    }
    std::string_view name = rest.substr(0, i);
    tmpl = rest.substr(brace ? i + 1 : i);
    std::int64_t num = 0;
    for (char c : name) {
      if (c < '0' || c > '9' || num >= 100000000) {
        num = -1;
        break;
      }
      num = num * 10 + (c - '0');
    }
    if (name[0] == '0' && name.size() > 1) num = -1;
    std::ptrdiff_t group = -1;
    if (num >= 0) {
      group = num;
    } else {
      const auto& names = re.NamedCapturingGroups();
      auto it = names.find(std::string(name));
      if (it != names.end()) group = it->second;
    }
    auto g = static_cast<std::size_t>(group);
    if (group >= 0 && 2 * g + 1 < m.size() && m[2 * g] >= 0) {
      out.append(src.substr(static_cast<std::size_t>(m[2 * g]), static_cast<std::size_t>(m[2 * g + 1] - m[2 * g])));
    }
  }
  out.append(tmpl);
}

// Go's Regexp.replaceAll: no replacement for an empty match right after
// a match; the search always advances at least one rune.
template <typename Repl>
std::string replace_all_matches(const RE2& re, std::string_view src, Repl repl) {
  std::string out;
  std::size_t last_end = 0, search = 0;
  Match m;
  while (search <= src.size()) {
    if (!find_at(re, src, search, m)) break;
    out.append(src.substr(last_end, static_cast<std::size_t>(m[0]) - last_end));
    if (m[1] > static_cast<std::ptrdiff_t>(last_end) || m[0] == 0) repl(out, m);
    check_bytes(out.size(), "the result");
    last_end = static_cast<std::size_t>(m[1]);
    std::size_t w = rune_width(src, search);
    if (search + w > last_end) {
      search += w;
    } else if (search + 1 > last_end) {
      ++search;
    } else {
      search = last_end;
    }
  }
  out.append(src.substr(last_end));
  check_bytes(out.size(), "the result");
  return out;
}

std::string_view matched(std::string_view s, const Match& m) {
  return s.substr(static_cast<std::size_t>(m[0]), static_cast<std::size_t>(m[1] - m[0]));
}

// regexMatch(regex, s): an invalid pattern is no match (Sprig drops
// regexp.MatchString's error); mustRegexMatch returns it.
Value regex_match(Args a) {
  Compiled c = compile(a[0].as_string());
  if (!c.re) return Value::boolean(false);
  return Value::boolean(RE2::PartialMatch(a[1].as_string(), *c.re));
}

Value must_regex_match(Args a) {
  auto re = compile_or_error(a[0].as_string());
  return Value::boolean(RE2::PartialMatch(a[1].as_string(), *re));
}

template <Compile compile_fn>
Value regex_find(Args a) {
  auto re = compile_fn(a[0].as_string());
  Match m;
  const std::string& s = a[1].as_string();
  return str(find_at(*re, s, 0, m) ? std::string(matched(s, m)) : std::string());
}

template <Compile compile_fn>
Value regex_find_all(Args a) {
  auto re = compile_fn(a[0].as_string());
  const std::string& s = a[1].as_string();
  std::vector<std::string> out;
  std::uint64_t total = 0;
  for (const Match& m : all_matches(*re, s, a[2].as_int())) {
    out.emplace_back(matched(s, m));
    check_bytes(total += out.back().size(), "the matches");
  }
  // Go's FindAllString appends to a nil []string: no match leaves it nil.
  if (out.empty()) return Value::nil_list(Elem::String);
  return string_list(std::move(out));
}

template <Compile compile_fn>
Value regex_replace_all(Args a) {
  auto re = compile_fn(a[0].as_string());
  const std::string& s = a[1].as_string();
  const std::string& repl = a[2].as_string();
  return str(replace_all_matches(*re, s, [&](std::string& out, const Match& m) { expand(out, repl, s, m, *re); }));
}

template <Compile compile_fn>
Value regex_replace_all_literal(Args a) {
  auto re = compile_fn(a[0].as_string());
  const std::string& repl = a[2].as_string();
  return str(replace_all_matches(*re, a[1].as_string(), [&](std::string& out, const Match&) { out += repl; }));
}

// Go's Regexp.Split.
template <Compile compile_fn>
Value regex_split(Args a) {
  auto re = compile_fn(a[0].as_string());
  const std::string& s = a[1].as_string();
  std::int64_t n = a[2].as_int();
  std::vector<std::string> out;
  if (n == 0) return Value::nil_list(Elem::String);  // Go's Split returns nil for n == 0
  if (!a[0].as_string().empty() && s.empty()) return string_list({""});
  std::size_t beg = 0, end = 0;
  for (const Match& m : all_matches(*re, s, n)) {
    if (n > 0 && static_cast<std::int64_t>(out.size()) == n - 1) break;
    end = static_cast<std::size_t>(m[0]);
    if (m[1] != 0) out.emplace_back(s.substr(beg, end - beg));
    beg = static_cast<std::size_t>(m[1]);
  }
  if (end != s.size()) out.emplace_back(s.substr(beg));
  return string_list(std::move(out));
}

// regexp.QuoteMeta: a backslash before each of \.+*?()|[]{}^$.
Value regex_quote_meta(Args a) {
  std::string out;
  for (char c : a[0].as_string()) {
    if (std::string_view("\\.+*?()|[]{}^$").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return str(out);
}

}  // namespace

std::vector<std::vector<std::ptrdiff_t>> go_find_all(const RE2& re, std::string_view s, std::int64_t n) {
  return all_matches(re, s, n);
}

FuncTable sprig_regex_funcs() {
  const std::vector<Param> pat_s = {P::String, P::String};
  const std::vector<Param> pat_s_n = {P::String, P::String, P::Int};
  const std::vector<Param> pat_s_r = {P::String, P::String, P::String};
  return {
      {"regexMatch", fixed(pat_s, regex_match)},
      {"mustRegexMatch", fixed(pat_s, must_regex_match)},
      {"regexFind", fixed(pat_s, regex_find<must_compile>)},
      {"mustRegexFind", fixed(pat_s, regex_find<compile_or_error>)},
      {"regexFindAll", fixed(pat_s_n, regex_find_all<must_compile>)},
      {"mustRegexFindAll", fixed(pat_s_n, regex_find_all<compile_or_error>)},
      {"regexReplaceAll", fixed(pat_s_r, regex_replace_all<must_compile>)},
      {"mustRegexReplaceAll", fixed(pat_s_r, regex_replace_all<compile_or_error>)},
      {"regexReplaceAllLiteral", fixed(pat_s_r, regex_replace_all_literal<must_compile>)},
      {"mustRegexReplaceAllLiteral", fixed(pat_s_r, regex_replace_all_literal<compile_or_error>)},
      {"regexSplit", fixed(pat_s_n, regex_split<must_compile>)},
      {"mustRegexSplit", fixed(pat_s_n, regex_split<compile_or_error>)},
      {"regexQuoteMeta", fixed({P::String}, regex_quote_meta)},
  };
}

}  // namespace kinject::tmpl
