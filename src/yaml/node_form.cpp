// The compact form of a Node tree (node_form.h): a pre-order walk, numbers
// as varints, strings with their length.
#include "kinject/yaml/node_form.h"

#include <cstdint>
#include <cstring>

namespace kinject {

namespace {

// Bumped whenever the encoding changes.
constexpr std::uint8_t kFormVersion = 1;

void put_uv(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

void put_str(std::string& out, std::string_view s) {
  put_uv(out, s.size());
  out.append(s);
}

void put_node(std::string& out, const Node& n) {
  out.push_back(static_cast<char>(n.kind));
  out.push_back(static_cast<char>(n.style));
  std::uint8_t flags = static_cast<std::uint8_t>((n.b ? 1 : 0) | (n.has_span ? 2 : 0) | (n.is_alias ? 4 : 0));
  out.push_back(static_cast<char>(flags));
  put_str(out, n.text);
  put_str(out, n.anchor);
  put_str(out, n.tag);
  put_uv(out, n.span.begin);
  put_uv(out, n.span.end);
  // i and f of every node, not only of numbers: what a reader left there
  // comes back too.
  put_uv(out, static_cast<std::uint64_t>(n.i));
  std::uint64_t f;
  std::memcpy(&f, &n.f, sizeof f);
  put_uv(out, f);
  put_uv(out, n.items.size());
  for (const Node& item : n.items) put_node(out, item);
  put_uv(out, n.entries.size());
  for (const Entry& e : n.entries) {
    out.push_back(e.merged ? 1 : 0);
    put_node(out, e.key);
    put_node(out, e.value);
  }
}

struct Unfit {};

class FormReader {
 public:
  explicit FormReader(std::string_view in) : in_(in) {}
  bool at_end() const { return at_ == in_.size(); }

  std::uint8_t u8() {
    if (at_ >= in_.size()) throw Unfit{};
    return static_cast<std::uint8_t>(in_[at_++]);
  }
  std::uint64_t uv() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      std::uint8_t b = u8();
      v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
    throw Unfit{};
  }
  // A count or a length: never more than the bytes left.
  std::size_t count() {
    std::uint64_t v = uv();
    if (v > in_.size() - at_) throw Unfit{};
    return static_cast<std::size_t>(v);
  }
  std::string str() {
    std::size_t n = count();
    std::string s(in_.substr(at_, n));
    at_ += n;
    return s;
  }
  std::uint32_t u32() {
    std::uint64_t v = uv();
    if (v > UINT32_MAX) throw Unfit{};
    return static_cast<std::uint32_t>(v);
  }

  void node(Node& n, int depth) {
    if (depth > 10000) throw Unfit{};
    std::uint8_t kind = u8(), style = u8(), flags = u8();
    if (kind > static_cast<std::uint8_t>(Kind::Seq) || style > static_cast<std::uint8_t>(Style::Block) || flags > 7)
      throw Unfit{};
    n.kind = static_cast<Kind>(kind);
    n.style = static_cast<Style>(style);
    n.b = flags & 1;
    n.has_span = flags & 2;
    n.is_alias = flags & 4;
    n.text = str();
    n.anchor = str();
    n.tag = str();
    n.span.begin = u32();
    n.span.end = u32();
    n.i = static_cast<std::int64_t>(uv());
    std::uint64_t f = uv();
    std::memcpy(&n.f, &f, sizeof f);
    n.items.resize(count());
    for (Node& item : n.items) node(item, depth + 1);
    n.entries.resize(count());
    for (Entry& e : n.entries) {
      std::uint8_t merged = u8();
      if (merged > 1) throw Unfit{};
      e.merged = merged == 1;
      node(e.key, depth + 1);
      node(e.value, depth + 1);
    }
  }

 private:
  std::string_view in_;
  std::size_t at_ = 0;
};

}  // namespace

std::string node_form(const Node& n) {
  std::string out;
  out.push_back(static_cast<char>(kFormVersion));
  put_node(out, n);
  return out;
}

std::optional<Node> load_node_form(std::string_view form) {
  try {
    FormReader r(form);
    if (r.u8() != kFormVersion) return std::nullopt;
    Node n;
    r.node(n, 0);
    if (!r.at_end()) return std::nullopt;
    return n;
  } catch (const Unfit&) {
    return std::nullopt;
  }
}

}  // namespace kinject
