// Sprig's path functions: base, dir, clean, ext, isAbs (Go's path package)
// and their os* forms (path/filepath). kinject runs on Linux, where
// filepath's separator is '/' and its functions are path's; a Windows
// build of Go would differ, and so would Helm's output there.
#include "internal.h"

namespace kinject::tmpl {

namespace {

// path.Clean: the shortest equivalent path by lexical processing.
std::string clean(std::string_view p) {
  if (p.empty()) return ".";
  bool rooted = p[0] == '/';
  std::string out;
  if (rooted) out = "/";
  std::size_t dotdot = out.size();  // where `..` can no longer back up
  std::size_t r = rooted ? 1 : 0;
  while (r < p.size()) {
    if (p[r] == '/') {
      ++r;
    } else if (p[r] == '.' && (r + 1 == p.size() || p[r + 1] == '/')) {
      ++r;
    } else if (p[r] == '.' && p[r + 1] == '.' && (r + 2 == p.size() || p[r + 2] == '/')) {
      r += 2;
      if (out.size() > dotdot) {
        std::size_t w = out.size() - 1;
        while (w > dotdot && out[w] != '/') --w;
        out.resize(w);
      } else if (!rooted) {
        if (!out.empty()) out += '/';
        out += "..";
        dotdot = out.size();
      }
    } else {
      if ((rooted && out.size() != 1) || (!rooted && !out.empty())) out += '/';
      for (; r < p.size() && p[r] != '/'; ++r) out += p[r];
    }
  }
  if (out.empty()) return ".";
  return out;
}

// path.Base: the last element, trailing slashes removed; "" -> ".", all
// slashes -> "/".
std::string base(std::string_view p) {
  if (p.empty()) return ".";
  while (p.size() > 0 && p.back() == '/') p.remove_suffix(1);
  if (auto i = p.rfind('/'); i != std::string_view::npos) p.remove_prefix(i + 1);
  if (p.empty()) return "/";
  return std::string(p);
}

// path.Dir: Clean of everything up to the last slash.
std::string dir(std::string_view p) {
  auto i = p.rfind('/');
  return clean(p.substr(0, i == std::string_view::npos ? 0 : i + 1));
}

// path.Ext: from the last dot of the last element.
std::string ext(std::string_view p) {
  for (std::size_t i = p.size(); i > 0 && p[i - 1] != '/'; --i) {
    if (p[i - 1] == '.') return std::string(p.substr(i - 1));
  }
  return "";
}

Value base_fn(Args a) { return str(base(a[0].as_string())); }
Value dir_fn(Args a) { return str(dir(a[0].as_string())); }
Value clean_fn(Args a) { return str(clean(a[0].as_string())); }
Value ext_fn(Args a) { return str(ext(a[0].as_string())); }
Value is_abs_fn(Args a) { return Value::boolean(!a[0].as_string().empty() && a[0].as_string()[0] == '/'); }

}  // namespace

FuncTable sprig_path_funcs() {
  FuncTable t;
  for (std::string prefix : {"", "os"}) {
    auto name = [&](std::string n) {
      if (!prefix.empty()) n[0] = static_cast<char>(n[0] - 'a' + 'A');
      return prefix + n;
    };
    t.push_back({name("base"), fixed({P::String}, base_fn)});
    t.push_back({name("dir"), fixed({P::String}, dir_fn)});
    t.push_back({name("clean"), fixed({P::String}, clean_fn)});
    t.push_back({name("ext"), fixed({P::String}, ext_fn)});
    t.push_back({name("isAbs"), fixed({P::String}, is_abs_fn)});
  }
  return t;
}

}  // namespace kinject::tmpl
