// The compact form of a Node tree (node_form.h): a pre-order walk, numbers
// as varints, strings with their length.
#include "kinject/yaml/node_form.h"

#include <cstdint>
#include <cstring>

#include "kinject/base/form.h"

namespace kinject {

namespace {

// Bumped whenever the encoding changes.
constexpr std::uint8_t kFormVersion = 1;

void put_node(std::string& out, const Node& n) {
  out.push_back(static_cast<char>(n.kind));
  out.push_back(static_cast<char>(n.style));
  std::uint8_t flags = static_cast<std::uint8_t>((n.b ? 1 : 0) | (n.has_span ? 2 : 0) | (n.is_alias ? 4 : 0));
  out.push_back(static_cast<char>(flags));
  form_put_bytes(out, n.text);
  form_put_bytes(out, n.anchor());
  form_put_bytes(out, n.tag());
  form_put_varint(out, n.span.begin);
  form_put_varint(out, n.span.end);
  // i and f of every node, not only of numbers: what a reader left there
  // comes back too.
  form_put_varint(out, static_cast<std::uint64_t>(n.i));
  std::uint64_t f;
  std::memcpy(&f, &n.f, sizeof f);
  form_put_varint(out, f);
  form_put_varint(out, n.items.size());
  for (const Node& item : n.items) put_node(out, item);
  form_put_varint(out, n.entries.size());
  for (const Entry& e : n.entries) {
    out.push_back(e.merged ? 1 : 0);
    put_node(out, e.key);
    put_node(out, e.value);
  }
}

// A node as put_node wrote it.
class NodeReader : public FormReader {
 public:
  using FormReader::FormReader;

  std::string str() { return std::string(bytes()); }
  std::size_t count() { return bounded(left()); }  // never more items than bytes left
  std::uint32_t u32() { return static_cast<std::uint32_t>(bounded(UINT32_MAX)); }

  void node(Node& n, int depth) {
    if (depth > 10000) throw FormUnfit{};
    std::uint8_t kind = u8(), style = u8(), flags = u8();
    if (kind > static_cast<std::uint8_t>(Kind::Seq) || style > static_cast<std::uint8_t>(Style::Block) || flags > 7)
      throw FormUnfit{};
    n.kind = static_cast<Kind>(kind);
    n.style = static_cast<Style>(style);
    n.b = flags & 1;
    n.has_span = flags & 2;
    n.is_alias = flags & 4;
    n.text = str();
    n.set_anchor(bytes());
    n.set_tag(bytes());
    n.span.begin = u32();
    n.span.end = u32();
    n.i = static_cast<std::int64_t>(varint());
    std::uint64_t f = varint();
    std::memcpy(&n.f, &f, sizeof f);
    n.items.resize(count());
    for (Node& item : n.items) node(item, depth + 1);
    n.entries.resize(count());
    for (Entry& e : n.entries) {
      std::uint8_t merged = u8();
      if (merged > 1) throw FormUnfit{};
      e.merged = merged == 1;
      node(e.key, depth + 1);
      node(e.value, depth + 1);
    }
  }
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
    NodeReader r(form);
    if (r.u8() != kFormVersion) return std::nullopt;
    Node n;
    r.node(n, 0);
    if (!r.at_end()) return std::nullopt;
    return n;
  } catch (const FormUnfit&) {
    return std::nullopt;
  }
}

}  // namespace kinject
