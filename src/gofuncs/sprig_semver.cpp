// Sprig's semver and semverCompare (semver.go) and what a template can do
// with the *semver.Version that `semver` returns: github.com/Masterminds/
// semver v3.3.0's NewVersion, NewConstraint and Constraints.Check, written
// after its version.go and constraints.go. That package parses with Go
// regular expressions whose leftmost-first alternation decides what an
// operator is (`=||!=|>|...` tries "=" and then the empty operator before
// ">"), and whose classes are odd (`[0-9|x|X|\*]` admits '|'): they run
// here, as written there, on RE2, which is Go's regexp engine.
#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "internal.h"
#include "kinject/base/text.h"
#include "kinject/gotemplate/strconv.h"

namespace kinject::tmpl {

namespace {

// semver's Version: the fields are unexported in Go, so a template reaches
// them only through the methods below.
struct Version {
  std::uint64_t major = 0, minor = 0, patch = 0;
  std::string pre, metadata, original;

  // Version.String(): no leading v, the missing parts as 0.
  std::string str() const {
    std::string s = fmt::format("{}.{}.{}", major, minor, patch);
    if (!pre.empty()) s += "-" + pre;
    if (!metadata.empty()) s += "+" + metadata;
    return s;
  }
};

// ---- the regular expressions of version.go and constraints.go -------------

constexpr std::string_view kSemVer =
    R"(v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?)";
constexpr std::string_view kConstraintVersion =
    R"(v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?)";
constexpr std::string_view kOps = R"(=||!=|>|<|>=|=>|<=|=<|~|~>|\^)";

struct Regexes {
  RE2 version, constraint, range, find, valid;
};

const Regexes& regexes() {
  static const Regexes r = [] {
    auto opt = [] {
      RE2::Options o;
      o.set_log_errors(false);
      return o;
    };
    auto cv = kConstraintVersion;
    return Regexes{
        RE2(fmt::format("^{}$", kSemVer), opt()),
        RE2(fmt::format(R"(^\s*({})\s*({})\s*$)", kOps, cv), opt()),
        RE2(fmt::format(R"(\s*({})\s+-\s+({})\s*)", cv, cv), opt()),
        RE2(fmt::format(R"(({})\s*({}))", kOps, cv), opt()),
        RE2(fmt::format(R"(^(\s*({})\s*({})\s*)((?:\s+|,\s*)({})\s*({})\s*)*$)", kOps, cv, kOps, cv), opt()),
    };
  }();
  return r;
}

using Groups = std::vector<std::ptrdiff_t>;

// Group g of match m in s ("" when it took no part), as Go's submatch strings.
std::string_view group(std::string_view s, const Groups& m, std::size_t g) {
  if (2 * g + 1 >= m.size() || m[2 * g] < 0) return {};
  return s.substr(static_cast<std::size_t>(m[2 * g]), static_cast<std::size_t>(m[2 * g + 1] - m[2 * g]));
}

// Regexp.FindStringSubmatch.
std::optional<Groups> find_submatch(const RE2& re, std::string_view s) {
  auto all = go_find_all(re, s, 1);
  if (all.empty()) return std::nullopt;
  return all[0];
}

// strconv.ParseUint(s, 10, 64): digits only, below 2^64.
std::optional<std::uint64_t> parse_uint(std::string_view s) {
  if (s.empty()) return std::nullopt;
  std::uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    auto d = static_cast<std::uint64_t>(c - '0');
    if (v > (UINT64_MAX - d) / 10) return std::nullopt;
    v = v * 10 + d;
  }
  return v;
}

bool contains_only(std::string_view s, std::string_view chars) {
  return std::all_of(s.begin(), s.end(), [&](char c) { return chars.find(c) != std::string_view::npos; });
}

constexpr std::string_view kNum = "0123456789";
constexpr std::string_view kAllowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789";

std::vector<std::string_view> split_dots(std::string_view s) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    std::size_t dot = s.find('.', start);
    parts.push_back(s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) return parts;
    start = dot + 1;
  }
}

// validatePrerelease / validateMetadata: Go's error text, or "".
std::string_view prerelease_error(std::string_view p) {
  for (auto part : split_dots(p)) {
    if (contains_only(part, kNum)) {
      if (part.size() > 1 && part[0] == '0') return "Version segment starts with 0";
    } else if (!contains_only(part, kAllowed)) {
      return "Invalid Prerelease string";
    }
  }
  return {};
}

std::string_view metadata_error(std::string_view m) {
  for (auto part : split_dots(m)) {
    if (!contains_only(part, kAllowed)) return "Invalid Metadata string";
  }
  return {};
}

// semver.NewVersion: the coercing parser ("v1.2" is 1.2.0); on error
// nullopt and Go's text in *err.
std::optional<Version> new_version(std::string_view s, std::string* err) {
  auto m = find_submatch(regexes().version, s);
  if (!m) {
    *err = "Invalid Semantic Version";
    return std::nullopt;
  }
  Version v;
  v.pre = group(s, *m, 5);
  v.metadata = group(s, *m, 8);
  v.original = std::string(s);
  auto segment = [&](std::size_t g, std::uint64_t* out) {
    std::string_view digits = group(s, *m, g);
    if (g > 1) {
      if (digits.empty()) return true;
      digits.remove_prefix(1);  // the dot
    }
    auto n = parse_uint(digits);
    if (!n) {
      *err = fmt::format("Error parsing version segment: strconv.ParseUint: parsing {}: value out of range",
                         go_quote(digits));
      return false;
    }
    *out = *n;
    return true;
  };
  if (!segment(1, &v.major) || !segment(2, &v.minor) || !segment(3, &v.patch)) return std::nullopt;
  if (!v.pre.empty()) {
    if (auto e = prerelease_error(v.pre); !e.empty()) {
      *err = e;
      return std::nullopt;
    }
  }
  if (!v.metadata.empty()) {
    if (auto e = metadata_error(v.metadata); !e.empty()) {
      *err = e;
      return std::nullopt;
    }
  }
  return v;
}

int compare_segment(std::uint64_t a, std::uint64_t b) { return a < b ? -1 : (a > b ? 1 : 0); }

// comparePrePart: numeric identifiers (ParseUint) below alphanumeric ones.
int compare_pre_part(std::string_view s, std::string_view o) {
  if (s == o) return 0;
  if (s.empty()) return -1;
  if (o.empty()) return 1;
  auto oi = parse_uint(o);
  auto si = parse_uint(s);
  if (!oi && !si) return s > o ? 1 : -1;
  if (!oi) return -1;
  if (!si) return 1;
  return *si > *oi ? 1 : -1;
}

int compare_prerelease(std::string_view a, std::string_view b) {
  auto sp = split_dots(a), op = split_dots(b);
  std::size_t n = std::max(sp.size(), op.size());
  for (std::size_t i = 0; i < n; ++i) {
    int d = compare_pre_part(i < sp.size() ? sp[i] : std::string_view(), i < op.size() ? op[i] : std::string_view());
    if (d != 0) return d;
  }
  return 0;
}

// Version.Compare: metadata ignored, a prerelease below its release.
int compare(const Version& v, const Version& o) {
  if (int d = compare_segment(v.major, o.major)) return d;
  if (int d = compare_segment(v.minor, o.minor)) return d;
  if (int d = compare_segment(v.patch, o.patch)) return d;
  if (v.pre.empty() && o.pre.empty()) return 0;
  if (v.pre.empty()) return 1;
  if (o.pre.empty()) return -1;
  return compare_prerelease(v.pre, o.pre);
}

// ---- constraints ----------------------------------------------------------

struct Constraint {
  Version con;
  std::string op;  // origfunc
  bool minor_dirty = false, patch_dirty = false, dirty = false;
};

bool is_x(std::string_view s) { return s == "x" || s == "*" || s == "X"; }

// The constraint functions of constraints.go, as Check uses them (their
// error texts only ever reach Validate, which Sprig does not call).
bool check_tilde(const Version& v, const Constraint& c) {
  if (!v.pre.empty() && c.con.pre.empty()) return false;
  if (compare(v, c.con) < 0) return false;
  if (c.con.major == 0 && c.con.minor == 0 && c.con.patch == 0 && !c.minor_dirty && !c.patch_dirty) return true;
  if (v.major != c.con.major) return false;
  if (v.minor != c.con.minor && !c.minor_dirty) return false;
  return true;
}

bool check_not_equal(const Version& v, const Constraint& c) {
  if (c.dirty) {
    if (!v.pre.empty() && c.con.pre.empty()) return false;
    if (c.con.major != v.major) return true;
    if (c.con.minor != v.minor && !c.minor_dirty) return true;
    if (c.minor_dirty) return false;
    if (c.con.patch != v.patch && !c.patch_dirty) return true;
    if (c.patch_dirty) {
      if (!v.pre.empty() || !c.con.pre.empty()) return compare_prerelease(v.pre, c.con.pre) != 0;
      return false;
    }
  }
  return compare(v, c.con) != 0;
}

bool check_greater(const Version& v, const Constraint& c) {
  if (!v.pre.empty() && c.con.pre.empty()) return false;
  if (!c.dirty) return compare(v, c.con) == 1;
  if (v.major > c.con.major) return true;
  if (v.major < c.con.major) return false;
  if (c.minor_dirty) return false;
  if (c.patch_dirty) return v.minor > c.con.minor;
  return compare(v, c.con) == 1;
}

bool check_less(const Version& v, const Constraint& c) {
  if (!v.pre.empty() && c.con.pre.empty()) return false;
  return compare(v, c.con) < 0;
}

bool check_greater_equal(const Version& v, const Constraint& c) {
  if (!v.pre.empty() && c.con.pre.empty()) return false;
  return compare(v, c.con) >= 0;
}

bool check_less_equal(const Version& v, const Constraint& c) {
  if (!v.pre.empty() && c.con.pre.empty()) return false;
  if (!c.dirty) return compare(v, c.con) <= 0;
  if (v.major > c.con.major) return false;
  if (v.major == c.con.major && v.minor > c.con.minor && !c.minor_dirty) return false;
  return true;
}

bool check_caret(const Version& v, const Constraint& c) {
  if (!v.pre.empty() && c.con.pre.empty()) return false;
  if (compare(v, c.con) < 0) return false;
  if (c.con.major > 0 || c.minor_dirty) return v.major == c.con.major;
  if (c.con.major == 0 && v.major > 0) return false;
  if (c.con.minor > 0 || c.patch_dirty) return v.minor == c.con.minor;
  if (c.con.minor == 0 && v.minor > 0) return false;
  return c.con.patch == v.patch;
}

bool check(const Version& v, const Constraint& c) {
  const std::string& op = c.op;
  if (op.empty() || op == "=") {
    if (!v.pre.empty() && c.con.pre.empty()) return false;
    if (c.dirty) return check_tilde(v, c);
    return compare(v, c.con) == 0;
  }
  if (op == "!=") return check_not_equal(v, c);
  if (op == ">") return check_greater(v, c);
  if (op == "<") return check_less(v, c);
  if (op == ">=" || op == "=>") return check_greater_equal(v, c);
  if (op == "<=" || op == "=<") return check_less_equal(v, c);
  if (op == "~" || op == "~>") return check_tilde(v, c);
  return check_caret(v, c);  // "^", the only operator left in the regex
}

// parseConstraint: the operator, and the version with x/X/* and missing
// parts as 0 and marked dirty.
Constraint parse_constraint(std::string_view c) {
  if (c.empty()) {
    Constraint out;
    out.dirty = true;  // "" is * (>= 0.0.0)
    return out;
  }
  auto m = find_submatch(regexes().constraint, c);
  if (!m) throw FuncError(fmt::format("improper constraint: {}", c));
  Constraint out;
  out.op = group(c, *m, 1);
  std::string_view major = group(c, *m, 3), minor = group(c, *m, 4), patch = group(c, *m, 5), pre = group(c, *m, 6);
  auto trim_dot = [](std::string_view s) { return s.empty() ? s : s.substr(1); };
  std::string ver(group(c, *m, 2));
  if (is_x(major) || major.empty()) {
    ver = fmt::format("0.0.0{}", pre);
    out.dirty = true;
  } else if (is_x(trim_dot(minor)) || minor.empty()) {
    out.minor_dirty = out.dirty = true;
    ver = fmt::format("{}.0.0{}", major, pre);
  } else if (is_x(trim_dot(patch)) || patch.empty()) {
    out.patch_dirty = out.dirty = true;
    ver = fmt::format("{}{}.0{}", major, minor, pre);
  }
  std::string err;
  auto v = new_version(ver, &err);
  if (!v) throw FuncError("constraint Parser Error");
  out.con = *v;
  return out;
}

// rewriteRange: each "A - B" becomes ">= A, <= B ", replacing the first
// occurrence of the matched text in what has been rewritten so far.
std::string rewrite_range(std::string_view in) {
  std::string out(in);
  for (const auto& m : go_find_all(regexes().range, in, -1)) {
    std::string_view whole = group(in, m, 0);
    std::string t = fmt::format(">= {}, <= {} ", group(in, m, 1), group(in, m, 11));
    if (auto at = out.find(whole); at != std::string::npos) out.replace(at, whole.size(), t);
  }
  return out;
}

// NewConstraint: `||`-separated groups of constraints, each group checked
// as a whole against validConstraintRegex first.
std::vector<std::vector<Constraint>> new_constraint(std::string_view text) {
  std::string c = rewrite_range(text);
  std::vector<std::vector<Constraint>> ors;
  std::string_view rest = c;
  for (;;) {
    std::size_t bar = rest.find("||");
    std::string_view seg = rest.substr(0, bar);
    if (go_find_all(regexes().valid, seg, 1).empty()) throw FuncError(fmt::format("improper constraint: {}", seg));
    std::vector<Constraint> ands;
    auto found = go_find_all(regexes().find, seg, -1);
    if (found.empty()) ands.push_back(parse_constraint(seg));
    for (const auto& m : found) ands.push_back(parse_constraint(group(seg, m, 0)));
    ors.push_back(std::move(ands));
    if (bar == std::string_view::npos) break;
    rest.remove_prefix(bar + 2);
  }
  return ors;
}

bool satisfies(const std::vector<std::vector<Constraint>>& ors, const Version& v) {
  return std::any_of(ors.begin(), ors.end(), [&](const std::vector<Constraint>& ands) {
    return std::all_of(ands.begin(), ands.end(), [&](const Constraint& c) { return check(v, c); });
  });
}

// ---- the values a template holds: *semver.Version and semver.Version ------

enum Field : std::size_t { kMajor, kMinor, kPatch, kPre, kMetadata, kOriginal };

TypePtr pointer_type();
TypePtr value_type();

Value uint64_value(std::uint64_t n) {
  static const TypePtr uint64_type = std::make_shared<const TypeInfo>(TypeInfo{"uint64", false, {}, {}, {}, {}});
  return Value::uinteger(n, uint64_type);
}

Value make_value(const Version& v, const TypePtr& type) {
  return Value::structure(type, {uint64_value(v.major), uint64_value(v.minor), uint64_value(v.patch), str(v.pre),
                                 str(v.metadata), str(v.original)});
}

Version from_value(const Value& self) {
  const auto& f = self.struct_fields();
  return Version{f[kMajor].as_uint(), f[kMinor].as_uint(), f[kPatch].as_uint(),
                 f[kPre].as_string(), f[kMetadata].as_string(), f[kOriginal].as_string()};
}

void want_args(std::string_view method, Args a, std::size_t n) {
  if (a.size() != n) throw FuncError(fmt::format("wrong number of args for {}: want {} got {}", method, n, a.size()));
}

// The *semver.Version argument of a comparison; nullopt for a nil pointer.
std::optional<Version> version_arg(const Value& v) {
  if (v.is_nullish() || (v.is_typed_nil() && v.type() == pointer_type())) return std::nullopt;
  if (v.kind() != Kind::Struct || v.type() != pointer_type())
    throw FuncError(fmt::format("wrong type for value; expected *semver.Version; got {}", v.go_type_name()));
  return from_value(v);
}

// The receiver of Compare, LessThan, ...: Go dereferences a nil `o`.
Version compared(const Value& o) {
  auto v = version_arg(o);
  if (!v) throw FuncError("runtime error: invalid memory address or nil pointer dereference");
  return *v;
}

// IncPatch, SetPrerelease, ... return a semver.Version (not a pointer),
// whose `original` keeps a leading "v" of the receiver's.
Value next_version(const Version& from, Version next) {
  next.original = (!from.original.empty() && from.original[0] == 'v' ? "v" : "") + next.str();
  return make_value(next, value_type());
}

// IncPatch, IncMinor, IncMajor: prerelease and metadata dropped, `part`
// one up (wrapping as Go's uint64 does) and the parts below it 0; but
// IncPatch of a prerelease is its release (1.2.3-rc.1 to 1.2.3).
Value increment(const Version& v, std::uint64_t Version::*part) {
  Version n = v;
  n.pre.clear();
  n.metadata.clear();
  if (part == &Version::patch && !v.pre.empty()) return next_version(v, n);
  n.*part += 1;
  if (part != &Version::patch) n.patch = 0;
  if (part == &Version::major) n.minor = 0;
  return next_version(v, n);
}

// The methods of the value type (value receivers) and, for the pointer
// type, those plus the pointer receivers (Original and the comparisons).
void add_value_methods(TypeInfo& t) {
  auto getter = [](std::string name, auto get) {
    return std::pair{name, Method([name, get](const Value& self, Args a) {
                       want_args(name, a, 0);
                       return get(from_value(self));
                     })};
  };
  for (auto [name, m] : {
           getter("String", [](const Version& v) { return str(v.str()); }),
           getter("Major", [](const Version& v) { return uint64_value(v.major); }),
           getter("Minor", [](const Version& v) { return uint64_value(v.minor); }),
           getter("Patch", [](const Version& v) { return uint64_value(v.patch); }),
           getter("Prerelease", [](const Version& v) { return str(v.pre); }),
           getter("Metadata", [](const Version& v) { return str(v.metadata); }),
           getter("IncPatch", [](const Version& v) { return increment(v, &Version::patch); }),
           getter("IncMinor", [](const Version& v) { return increment(v, &Version::minor); }),
           getter("IncMajor", [](const Version& v) { return increment(v, &Version::major); }),
       }) {
    t.methods[name] = m;
  }
  auto setter = [](std::string name, std::string Version::*field, std::string_view (*validate)(std::string_view)) {
    return Method([name, field, validate](const Value& self, Args a) {
      want_args(name, a, 1);
      if (a[0].kind() != Kind::String)
        throw FuncError(fmt::format("wrong type for value; expected string; got {}", a[0].go_type_name()));
      Version v = from_value(self), n = v;
      const std::string& s = a[0].as_string();
      if (!s.empty()) {
        if (auto e = validate(s); !e.empty()) throw FuncError(std::string(e));
      }
      n.*field = s;
      return next_version(v, n);
    });
  };
  // encoding/json's Marshaler, which toJson and toYaml use (json.cpp): the
  // quoted String(). Go returns []byte, which a template calling it would
  // print as numbers; here it is the JSON text as a string.
  t.methods["MarshalJSON"] = [](const Value& self, Args a) {
    want_args("MarshalJSON", a, 0);
    std::string json;
    append_json_quoted(json, from_value(self).str());  // json.Marshal(v.String())
    return str(json);
  };
  t.methods["SetPrerelease"] = setter("SetPrerelease", &Version::pre, prerelease_error);
  t.methods["SetMetadata"] = setter("SetMetadata", &Version::metadata, metadata_error);
}

void add_pointer_methods(TypeInfo& t) {
  t.methods["Original"] = [](const Value& self, Args a) {
    want_args("Original", a, 0);
    return str(from_value(self).original);
  };
  auto comparison = [](std::string name, bool (*holds)(int)) {
    return Method([name, holds](const Value& self, Args a) {
      want_args(name, a, 1);
      return Value::boolean(holds(compare(from_value(self), compared(a[0]))));
    });
  };
  t.methods["LessThan"] = comparison("LessThan", [](int d) { return d < 0; });
  t.methods["LessThanEqual"] = comparison("LessThanEqual", [](int d) { return d <= 0; });
  t.methods["GreaterThan"] = comparison("GreaterThan", [](int d) { return d > 0; });
  t.methods["GreaterThanEqual"] = comparison("GreaterThanEqual", [](int d) { return d >= 0; });
  t.methods["Compare"] = [](const Value& self, Args a) {
    want_args("Compare", a, 1);
    return Value::integer(compare(from_value(self), compared(a[0])));
  };
  // Equal checks for nil itself, where the others dereference it.
  t.methods["Equal"] = [](const Value& self, Args a) {
    want_args("Equal", a, 1);
    auto o = version_arg(a[0]);
    return Value::boolean(o && compare(from_value(self), *o) == 0);
  };
}

std::vector<StructField> hidden_fields() {
  // Unexported in Go: no template can name them, and encoding/json skips
  // them. The names here are not Go identifiers, so `.major` finds nothing.
  std::vector<StructField> fields;
  for (const char* n : {"major", "minor", "patch", "pre", "metadata", "original"})
    fields.push_back({fmt::format("semver.{}", n), "-", false, false});
  return fields;
}

TypePtr make_type(bool pointer) {
  auto t = std::make_shared<TypeInfo>();
  t->name = "semver.Version";
  t->pointer = pointer;
  t->fields = hidden_fields();
  add_value_methods(*t);
  if (pointer) add_pointer_methods(*t);
  // fmt.Stringer: String has a value receiver, so both types print with it.
  t->stringer = [](const Value& v) { return from_value(v).str(); };
  return t;
}

TypePtr pointer_type() {
  static const TypePtr t = make_type(true);
  return t;
}

TypePtr value_type() {
  static const TypePtr t = make_type(false);
  return t;
}

// ---- Sprig's functions ----------------------------------------------------

Value semver_fn(Args a) {
  std::string err;
  auto v = new_version(a[0].as_string(), &err);
  if (!v) throw FuncError(err);
  return make_value(*v, pointer_type());
}

// semverCompare(constraint, version): the constraint is parsed first, so
// its error wins over the version's.
Value semver_compare(Args a) {
  auto ors = new_constraint(a[0].as_string());
  std::string err;
  auto v = new_version(a[1].as_string(), &err);
  if (!v) throw FuncError(err);
  return Value::boolean(satisfies(ors, *v));
}

}  // namespace

FuncTable sprig_semver_funcs() {
  return {
      {"semver", fixed({P::String}, semver_fn)},
      {"semverCompare", fixed({P::String, P::String}, semver_compare)},
  };
}

}  // namespace kinject::tmpl
