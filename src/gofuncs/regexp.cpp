// Sprig's regular-expression functions (regex.go). Go's regexp is RE2;
// std::regex (ECMAScript) stands in for it, and the two agree on the
// simple patterns templates use. <regex> is slow to compile, so this is
// the one file of the layer that includes it.
#include <algorithm>
#include <cctype>
#include <regex>

#include <fmt/format.h>

#include "internal.h"

namespace kinject::tmpl {

namespace {

// regexp.MustCompile, its panic a FuncError with Go's message.
std::regex compile_regex(const std::string& pattern) {
  try {
    return std::regex(pattern, std::regex::ECMAScript);
  } catch (const std::regex_error& e) {
    throw FuncError(fmt::format("regexp: Compile({}): error parsing regexp: {}", go_quote(pattern), e.what()));
  }
}

// regexp.Expand: $1, ${1}, $name, ${name}, $$. Names are the longest run of
// letters, digits and '_'; unknown or named groups expand to "".
void expand_template(std::string& out, std::string_view tmpl, const std::smatch& m) {
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    char c = tmpl[i];
    if (c != '$' || i + 1 >= tmpl.size()) {
      out += c;
      continue;
    }
    if (tmpl[i + 1] == '$') {
      out += '$';
      ++i;
      continue;
    }
    std::string_view name;
    std::size_t end;
    if (tmpl[i + 1] == '{') {
      std::size_t close = tmpl.find('}', i + 2);
      if (close == std::string_view::npos) {
        out += c;
        continue;
      }
      name = tmpl.substr(i + 2, close - i - 2);
      end = close;
    } else {
      std::size_t j = i + 1;
      while (j < tmpl.size() && (std::isalnum(static_cast<unsigned char>(tmpl[j])) || tmpl[j] == '_')) ++j;
      if (j == i + 1) {
        out += c;
        continue;
      }
      name = tmpl.substr(i + 1, j - i - 1);
      end = j - 1;
    }
    bool numeric = !name.empty() && std::all_of(name.begin(), name.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    if (numeric) {
      std::size_t g = std::stoul(std::string(name));
      if (g < m.size() && m[g].matched) out += m[g].str();
    }
    i = end;
  }
}

// regexMatch(regex, s): whether s contains a match; an invalid pattern is
// simply no match (Sprig drops regexp.MatchString's error).
Value regex_match(Args a) {
  try {
    std::regex re(a[0].as_string(), std::regex::ECMAScript);
    return Value::boolean(std::regex_search(a[1].as_string(), re));
  } catch (const std::regex_error&) {
    return Value::boolean(false);
  }
}

// regexReplaceAll(regex, s, repl): regexp.ReplaceAllString, `repl`
// expanded per match; an invalid pattern is an error (regexp.MustCompile).
Value regex_replace_all(Args a) {
  std::regex re = compile_regex(a[0].as_string());
  const std::string& s = a[1].as_string();
  std::string out;
  auto begin = std::sregex_iterator(s.begin(), s.end(), re);
  std::size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    out.append(s, last, static_cast<std::size_t>(m.position(0)) - last);
    expand_template(out, a[2].as_string(), m);
    check_bytes(out.size(), "the result");
    last = static_cast<std::size_t>(m.position(0) + m.length(0));
  }
  out.append(s, last, std::string::npos);
  return str(out);
}

}  // namespace

FuncTable sprig_regex_funcs() {
  return {
      {"regexMatch", fixed({P::String, P::String}, regex_match)},
      {"regexReplaceAll", fixed({P::String, P::String, P::String}, regex_replace_all)},
  };
}

}  // namespace kinject::tmpl
