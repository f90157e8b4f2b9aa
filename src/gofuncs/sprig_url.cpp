// Sprig's urlParse and urlJoin (url.go): Go's net/url.Parse, taken apart
// into a dict of eight strings, and url.URL.String of such a dict. Written
// after Go 1.26's net/url (url.go, gen_encoding_table.go) and, for the
// bracketed hosts Parse now checks, net/netip.ParseAddr.
#include <fmt/format.h>

#include <optional>

#include "internal.h"
#include "kinject/gotemplate/strconv.h"

namespace kinject::tmpl {

namespace {

// ---- escaping (url.go's encoding modes) -----------------------------------

enum class Mode { Path, PathSegment, Host, Zone, UserPassword, QueryComponent, Fragment };

bool is_alnum(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

bool ishex(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

unsigned char unhex(unsigned char c) {
  if (c >= '0' && c <= '9') return static_cast<unsigned char>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<unsigned char>(c - 'a' + 10);
  return static_cast<unsigned char>(c - 'A' + 10);
}

// shouldEscape (gen_encoding_table.go, RFC 3986 by section).
bool should_escape(unsigned char c, Mode mode) {
  if (is_alnum(c)) return false;
  if (mode == Mode::Host || mode == Mode::Zone) {
    switch (c) {
      case '!': case '$': case '&': case '\'': case '(': case ')': case '*': case '+': case ',': case ';':
      case '=': case ':': case '[': case ']': case '<': case '>': case '"':
        return false;
      default: break;
    }
  }
  switch (c) {
    case '-': case '_': case '.': case '~': return false;
    case '$': case '&': case '+': case ',': case '/': case ':': case ';': case '=': case '?': case '@':
      switch (mode) {
        case Mode::Path: return c == '?';
        case Mode::PathSegment: return c == '/' || c == ';' || c == ',' || c == '?';
        case Mode::UserPassword: return c == '@' || c == '/' || c == '?' || c == ':';
        case Mode::QueryComponent: return true;
        case Mode::Fragment: return false;
        default: break;
      }
      break;
    default: break;
  }
  if (mode == Mode::Fragment && (c == '!' || c == '(' || c == ')' || c == '*')) return false;
  return true;
}

// url.escape.
std::string escape(std::string_view s, Mode mode) {
  static constexpr char kUpperHex[] = "0123456789ABCDEF";
  // Each escaped byte takes three: held to the size limit before it is built.
  std::uint64_t escaped_bytes = 0;
  for (char ch : s) escaped_bytes += should_escape(static_cast<unsigned char>(ch), mode) ? 1 : 0;
  check_bytes(s.size() + 2 * escaped_bytes, "the escaped URL");
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c == ' ' && mode == Mode::QueryComponent) {
      out += '+';
    } else if (should_escape(c, mode)) {
      out += '%';
      out += kUpperHex[c >> 4];
      out += kUpperHex[c & 15];
    } else {
      out += ch;
    }
  }
  return out;
}

// An error of Parse's, before it is wrapped as `parse "URL": ...`.
struct ParseError {
  std::string msg;
};

// url.unescape; a bad escape is an EscapeError, a character a host cannot
// hold an InvalidHostError.
std::string unescape(std::string_view s, Mode mode) {
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '%') {
      if (i + 2 >= s.size() || !ishex(static_cast<unsigned char>(s[i + 1])) ||
          !ishex(static_cast<unsigned char>(s[i + 2]))) {
        throw ParseError{"invalid URL escape " + go_quote(s.substr(i, 3))};
      }
      auto hi = unhex(static_cast<unsigned char>(s[i + 1])), lo = unhex(static_cast<unsigned char>(s[i + 2]));
      // A host may escape only non-ASCII bytes (and %25, the zone's %).
      if (mode == Mode::Host && hi < 8 && s.substr(i, 3) != "%25")
        throw ParseError{"invalid URL escape " + go_quote(s.substr(i, 3))};
      if (mode == Mode::Zone) {
        auto v = static_cast<unsigned char>(hi << 4 | lo);
        if (s.substr(i, 3) != "%25" && v != ' ' && should_escape(v, Mode::Host))
          throw ParseError{"invalid URL escape " + go_quote(s.substr(i, 3))};
      }
      i += 3;
    } else {
      if ((mode == Mode::Host || mode == Mode::Zone) && c < 0x80 && should_escape(c, mode))
        throw ParseError{"invalid character " + go_quote(s.substr(i, 1)) + " in host name"};
      ++i;
    }
  }
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      out += static_cast<char>(unhex(static_cast<unsigned char>(s[i + 1])) << 4 |
                               unhex(static_cast<unsigned char>(s[i + 2])));
      i += 2;
    } else if (s[i] == '+' && mode == Mode::QueryComponent) {
      out += ' ';
    } else {
      out += s[i];
    }
  }
  return out;
}

// ---- net/netip.ParseAddr, as far as Parse asks: IPv4 or not, or the error

// parseAddrError.Error(): the input, what is wrong, and where.
struct AddrError {
  std::string_view msg, at;
};

std::string addr_error(std::string_view in, const AddrError& e) {
  std::string out = fmt::format("ParseAddr({}): {}", go_quote(in), e.msg);
  if (!e.at.empty()) out += fmt::format(" (at {})", go_quote(e.at));
  return out;
}

// parseIPv4Fields: four decimal octets, no leading zeros.
std::optional<AddrError> ipv4_fields(std::string_view s) {
  int val = 0, pos = 0, digits = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9') {
      if (digits == 1 && val == 0) return AddrError{"IPv4 field has octet with leading zero", {}};
      val = val * 10 + (s[i] - '0');
      ++digits;
      if (val > 255) return AddrError{"IPv4 field has value >255", {}};
    } else if (s[i] == '.') {
      if (i == 0 || i == s.size() - 1 || s[i - 1] == '.')
        return AddrError{"IPv4 field must have at least one digit", s.substr(i)};
      if (pos == 3) return AddrError{"IPv4 address too long", {}};
      ++pos;
      val = digits = 0;
    } else {
      return AddrError{"unexpected character", s.substr(i)};
    }
  }
  if (pos < 3) return AddrError{"IPv4 address too short", {}};
  return std::nullopt;
}

// parseIPv6: hex groups, one "::", an IPv4 tail, a non-empty %zone.
std::optional<AddrError> ipv6(std::string_view s) {
  if (auto pct = s.find('%'); pct != std::string_view::npos) {
    if (pct + 1 == s.size()) return AddrError{"zone must be a non-empty string", {}};
    s = s.substr(0, pct);
  }
  int ellipsis = -1, i = 0;
  if (s.size() >= 2 && s[0] == ':' && s[1] == ':') {
    ellipsis = 0;
    s.remove_prefix(2);
    if (s.empty()) return std::nullopt;
  }
  while (i < 16) {
    std::size_t off = 0;
    std::uint32_t acc = 0;
    for (; off < s.size() && ishex(static_cast<unsigned char>(s[off])); ++off) {
      acc = (acc << 4) + unhex(static_cast<unsigned char>(s[off]));
      if (off > 3) return AddrError{"each group must have 4 or less digits", s};
      if (acc > 0xFFFF) return AddrError{"IPv6 field has value >=2^16", s};
    }
    if (off == 0) return AddrError{"each colon-separated field must have at least one digit", s};
    if (off < s.size() && s[off] == '.') {
      if (ellipsis < 0 && i != 12)
        return AddrError{"embedded IPv4 address must replace the final 2 fields of the address", s};
      if (i + 4 > 16) return AddrError{"too many hex fields to fit an embedded IPv4 at the end of the address", s};
      if (auto e = ipv4_fields(s)) return e;
      s = {};
      i += 4;
      break;
    }
    i += 2;
    s.remove_prefix(off);
    if (s.empty()) break;
    if (s[0] != ':') return AddrError{"unexpected character, want colon", s};
    if (s.size() == 1) return AddrError{"colon must be followed by more characters", s};
    s.remove_prefix(1);
    if (s[0] == ':') {
      if (ellipsis >= 0) return AddrError{"multiple :: in address", s};
      ellipsis = i;
      s.remove_prefix(1);
      if (s.empty()) break;
    }
  }
  if (!s.empty()) return AddrError{"trailing garbage after address", s};
  if (i < 16 && ellipsis < 0) return AddrError{"address string too short", {}};
  if (i == 16 && ellipsis >= 0) return AddrError{"the :: must expand to at least one field of zeros", {}};
  return std::nullopt;
}

// ParseAddr dispatches on the first '.', ':' or '%' it sees. Returns
// whether the address is IPv4; throws Parse's "invalid host" error.
bool is_ipv4_addr(std::string_view s) {
  auto check = [&](std::optional<AddrError> e) {
    if (e) throw ParseError{"invalid host: " + addr_error(s, *e)};
  };
  for (char c : s) {
    if (c == '.') {
      check(ipv4_fields(s));
      return true;
    }
    if (c == ':') {
      check(ipv6(s));
      return false;
    }
    if (c == '%') check(AddrError{"missing IPv6 address", {}});
  }
  check(AddrError{"unable to parse IP", {}});
  return false;
}

// ---- url.URL, url.Parse and URL.String ------------------------------------

struct Userinfo {
  std::string username, password;
  bool password_set = false;

  // Userinfo.String.
  std::string str() const {
    std::string s = escape(username, Mode::UserPassword);
    if (password_set) s += ":" + escape(password, Mode::UserPassword);
    return s;
  }
};

struct Url {
  std::string scheme, opaque;
  std::optional<Userinfo> user;
  std::string host, path, raw_path, raw_query, fragment, raw_fragment;
  bool force_query = false, omit_host = false;
};

bool valid_optional_port(std::string_view port) {
  if (port.empty()) return true;
  if (port[0] != ':') return false;
  for (char c : port.substr(1))
    if (c < '0' || c > '9') return false;
  return true;
}

// validUserinfo: RFC 3986's userinfo characters, '@' and '%'; any
// non-ASCII byte is out.
bool valid_userinfo(std::string_view s) {
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (is_alnum(c)) continue;
    if (std::string_view("-._:~!$&'()*+,;=%@").find(ch) == std::string_view::npos) return false;
  }
  return true;
}

std::string parse_host(std::string_view scheme, std::string_view host) {
  auto open = host.rfind('[');
  if (open != std::string_view::npos && open > 0) throw ParseError{"invalid IP-literal"};
  if (open == 0) {
    auto close = host.rfind(']');
    if (close == std::string_view::npos) throw ParseError{"missing ']' in host"};
    std::string_view colon_port = host.substr(close + 1);
    if (!valid_optional_port(colon_port))
      throw ParseError{fmt::format("invalid port {} after host", go_quote(colon_port))};
    std::string port = unescape(colon_port, Mode::Host);
    std::string_view name = host.substr(1, close - 1);
    std::string unescaped;
    if (auto zone = name.find("%25"); zone != std::string_view::npos) {
      unescaped = unescape(name.substr(0, zone), Mode::Host) + unescape(name.substr(zone), Mode::Zone);
    } else {
      unescaped = unescape(name, Mode::Host);
    }
    if (is_ipv4_addr(unescaped)) throw ParseError{"invalid IP-literal"};
    return "[" + unescaped + "]" + port;
  }
  if (auto i = host.find(':'); i != std::string_view::npos) {
    // With more than one colon, http and https take the first as the port's
    // (GODEBUG urlstrictcolons=1, Go 1.26's default); other schemes the last.
    auto last = host.rfind(':');
    if (last != i && scheme != "http" && scheme != "https") i = last;
    std::string_view colon_port = host.substr(i);
    if (!valid_optional_port(colon_port))
      throw ParseError{fmt::format("invalid port {} after host", go_quote(colon_port))};
  }
  return unescape(host, Mode::Host);
}

void parse_authority(Url& u, std::string_view authority) {
  auto at = authority.rfind('@');
  u.host = parse_host(u.scheme, at == std::string_view::npos ? authority : authority.substr(at + 1));
  if (at == std::string_view::npos) return;
  std::string_view info = authority.substr(0, at);
  if (!valid_userinfo(info)) throw ParseError{"net/url: invalid userinfo"};
  Userinfo user;
  if (auto colon = info.find(':'); colon == std::string_view::npos) {
    user.username = unescape(info, Mode::UserPassword);
  } else {
    user.username = unescape(info.substr(0, colon), Mode::UserPassword);
    user.password = unescape(info.substr(colon + 1), Mode::UserPassword);
    user.password_set = true;
  }
  u.user = std::move(user);
}

// url.getScheme: letters, then letters, digits, + - . up to a ':'.
std::string_view get_scheme(std::string_view raw, std::string_view* rest) {
  for (std::size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) continue;
    if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
      if (i == 0) break;
      continue;
    }
    if (c == ':') {
      if (i == 0) throw ParseError{"missing protocol scheme"};
      *rest = raw.substr(i + 1);
      return raw.substr(0, i);
    }
    break;
  }
  *rest = raw;
  return {};
}

// url.parse(rawURL, viaRequest=false): everything but the fragment.
Url parse_no_fragment(std::string_view raw) {
  for (char c : raw) {
    if (static_cast<unsigned char>(c) < ' ' || c == 0x7f) throw ParseError{"net/url: invalid control character in URL"};
  }
  Url u;
  if (raw == "*") {
    u.path = "*";
    return u;
  }
  std::string_view rest;
  for (char c : get_scheme(raw, &rest)) u.scheme += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (!rest.empty() && rest.back() == '?' && rest.find('?') == rest.size() - 1) {
    u.force_query = true;
    rest.remove_suffix(1);
  } else if (auto q = rest.find('?'); q != std::string_view::npos) {
    u.raw_query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  if (rest.empty() || rest[0] != '/') {
    if (!u.scheme.empty()) {
      u.opaque = rest;
      return u;
    }
    if (rest.substr(0, rest.find('/')).find(':') != std::string_view::npos)
      throw ParseError{"first path segment in URL cannot contain colon"};
  }
  if ((!u.scheme.empty() || rest.substr(0, 3) != "///") && rest.substr(0, 2) == "//") {
    std::string_view authority = rest.substr(2);
    rest = {};
    if (auto slash = authority.find('/'); slash != std::string_view::npos) {
      rest = authority.substr(slash);
      authority = authority.substr(0, slash);
    }
    parse_authority(u, authority);
  } else if (!u.scheme.empty() && !rest.empty() && rest[0] == '/') {
    u.omit_host = true;
  }
  // setPath: RawPath only where the given escaping is not the default one.
  u.path = unescape(rest, Mode::Path);
  if (escape(u.path, Mode::Path) != rest) u.raw_path = rest;
  return u;
}

// url.Parse; its error as url.Error prints it.
Url parse(std::string_view raw) {
  auto hash = raw.find('#');
  std::string_view without = raw.substr(0, hash);
  Url u;
  try {
    u = parse_no_fragment(without);
  } catch (const ParseError& e) {
    throw ParseError{fmt::format("parse {}: {}", go_quote(without), e.msg)};
  }
  if (hash == std::string_view::npos || hash + 1 == raw.size()) return u;
  std::string_view frag = raw.substr(hash + 1);
  try {
    u.fragment = unescape(frag, Mode::Fragment);
  } catch (const ParseError& e) {
    throw ParseError{fmt::format("parse {}: {}", go_quote(raw), e.msg)};
  }
  if (escape(u.fragment, Mode::Fragment) != frag) u.raw_fragment = frag;
  return u;
}

// validEncoded: the raw form may keep sub-delimiters that escape() would
// not write, but nothing that must be escaped.
bool valid_encoded(std::string_view s, Mode mode) {
  for (char ch : s) {
    if (std::string_view("!$&'()*+,;=:@[]%").find(ch) != std::string_view::npos) continue;
    if (should_escape(static_cast<unsigned char>(ch), mode)) return false;
  }
  return true;
}

// EscapedPath and EscapedFragment: the raw form where it is a valid
// spelling of the decoded one, else the default escaping (but a path of
// "*" stays as it is).
std::string escaped(const std::string& raw, const std::string& decoded, Mode mode) {
  if (!raw.empty() && valid_encoded(raw, mode)) {
    try {
      if (unescape(raw, mode) == decoded) return raw;
    } catch (const ParseError&) {
    }
  }
  if (mode == Mode::Path && decoded == "*") return "*";
  return escape(decoded, mode);
}

// URL.String.
std::string url_string(const Url& u) {
  std::string out;
  if (!u.scheme.empty()) out += u.scheme + ":";
  if (!u.opaque.empty()) {
    out += u.opaque;
  } else {
    if ((!u.scheme.empty() || !u.host.empty() || u.user) && !(u.omit_host && u.host.empty() && !u.user)) {
      if (!u.host.empty() || !u.path.empty() || u.user) out += "//";
      if (u.user) out += u.user->str() + "@";
      if (!u.host.empty()) out += escape(u.host, Mode::Host);
    }
    std::string path = escaped(u.raw_path, u.path, Mode::Path);
    if (!path.empty() && path[0] != '/' && !u.host.empty()) out += '/';
    // A relative path whose first segment has a colon would read as a scheme.
    if (out.empty() && path.substr(0, path.find('/')).find(':') != std::string::npos) out += "./";
    out += path;
  }
  if (u.force_query || !u.raw_query.empty()) out += "?" + u.raw_query;
  if (!u.fragment.empty()) out += "#" + escaped(u.raw_fragment, u.fragment, Mode::Fragment);
  return out;
}

// URL.Hostname: without the port and the brackets of an IPv6 literal.
std::string hostname(std::string_view host) {
  auto colon = host.rfind(':');
  if (colon != std::string_view::npos && valid_optional_port(host.substr(colon))) host = host.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  return std::string(host);
}

// ---- Sprig's functions ----------------------------------------------------

Value url_parse(Args a) {
  Url u;
  try {
    u = parse(a[0].as_string());
  } catch (const ParseError& e) {
    throw FuncError("unable to parse url: " + e.msg);
  }
  return Value::map({
      {"scheme", str(u.scheme)},
      {"host", str(u.host)},
      {"hostname", str(hostname(u.host))},
      {"path", str(u.path)},
      {"query", str(u.raw_query)},
      {"opaque", str(u.opaque)},
      {"fragment", str(u.fragment)},
      {"userinfo", str(u.user ? u.user->str() : "")},
  });
}

// dictGetOrEmpty: a missing key is "", anything but a string kind panics
// (nil too: reflect.TypeOf(nil).Kind() dereferences nil).
std::string dict_get(const Value& d, std::string_view key) {
  const Value* v = d.find(key);
  if (!v) return "";
  if (v->is_nullish()) throw FuncError("runtime error: invalid memory address or nil pointer dereference");
  if (v->kind() != Kind::String || v->is_typed_nil())
    throw FuncError(fmt::format("unable to parse {} key, must be of type string, but {} found", key, kind_name(*v)));
  return v->as_string();
}

Value url_join(Args a) {
  const Value& d = a[0];
  Url u;
  u.scheme = dict_get(d, "scheme");
  u.host = dict_get(d, "host");
  u.path = dict_get(d, "path");
  u.raw_query = dict_get(d, "query");
  u.opaque = dict_get(d, "opaque");
  u.fragment = dict_get(d, "fragment");
  if (std::string info = dict_get(d, "userinfo"); !info.empty()) {
    try {
      u.user = parse(fmt::format("proto://{}@host", info)).user;
    } catch (const ParseError& e) {
      throw FuncError("unable to parse userinfo in dict: " + e.msg);
    }
  }
  return str(url_string(u));
}

}  // namespace

FuncTable sprig_url_funcs() {
  return {
      {"urlParse", fixed({P::String}, url_parse)},
      {"urlJoin", fixed({P::Map}, url_join)},
  };
}

}  // namespace kinject::tmpl
