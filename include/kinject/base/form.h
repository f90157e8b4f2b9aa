// The bytes of the forms the build stores and a run loads (a YAML tree,
// yaml/node_form.h; a parsed template set, Template::prepared_form): numbers
// as unsigned LEB128 varints, strings after their length. Written once for
// both. A reader throws FormUnfit at the first byte that does not fit (cut
// short, a count beyond what is left), which the loaders turn into "no form:
// read or parse the text instead".
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kinject {

struct FormUnfit {};

inline void form_put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

inline void form_put_bytes(std::string& out, std::string_view s) {
  form_put_varint(out, s.size());
  out.append(s);
}

class FormReader {
 public:
  explicit FormReader(std::string_view in) : in_(in) {}

  bool at_end() const { return at_ == in_.size(); }
  std::size_t left() const { return in_.size() - at_; }

  std::uint8_t u8() {
    if (at_ >= in_.size()) throw FormUnfit{};
    return static_cast<std::uint8_t>(in_[at_++]);
  }
  std::uint64_t varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      std::uint8_t b = u8();
      v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
    throw FormUnfit{};
  }
  // A number at most `max`: a count or an offset that must fit what it counts.
  std::size_t bounded(std::uint64_t max) {
    std::uint64_t v = varint();
    if (v > max) throw FormUnfit{};
    return static_cast<std::size_t>(v);
  }
  // form_put_bytes' string, a view of the form.
  std::string_view bytes() {
    std::size_t n = bounded(left());
    std::string_view s = in_.substr(at_, n);
    at_ += n;
    return s;
  }

 private:
  std::string_view in_;
  std::size_t at_ = 0;
};

}  // namespace kinject
