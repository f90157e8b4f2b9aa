// base64 (encoding/base64's StdEncoding) and SHA-256 (crypto/sha256), for
// Sprig's b64enc, b64dec and sha256sum.
#include <array>
#include <cstring>

#include <fmt/format.h>

#include "internal.h"

namespace kinject::tmpl {

namespace {

constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

}  // namespace

std::string base64_encode(std::string_view in) {
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    std::uint32_t n = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                      static_cast<unsigned char>(in[i + 2]);
    out += kB64[(n >> 18) & 63];
    out += kB64[(n >> 12) & 63];
    out += kB64[(n >> 6) & 63];
    out += kB64[n & 63];
  }
  if (i < in.size()) {
    std::uint32_t n = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) n |= static_cast<unsigned char>(in[i + 1]) << 8;
    out += kB64[(n >> 18) & 63];
    out += kB64[(n >> 12) & 63];
    out += i + 1 < in.size() ? kB64[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

// encoding/base64's Encoding.Decode for StdEncoding, after Go's
// decodeQuantum statement by statement (its fast path decodes the same):
// '\r' and '\n' are skipped anywhere, and each error is a
// CorruptInputError at Go's offset into the raw input.
std::optional<std::string> base64_decode(std::string_view src, std::string* err) {
  auto val = [](char c) -> int {
    const char* p = std::strchr(kB64, c);
    return c != '\0' && p ? static_cast<int>(p - kB64) : -1;
  };
  auto fail = [&](std::size_t at) {
    *err = fmt::format("illegal base64 data at input byte {}", at);
    return std::nullopt;
  };
  auto newline = [](char c) { return c == '\n' || c == '\r'; };
  std::string out;
  std::size_t si = 0;
  while (si < src.size()) {
    std::uint32_t dbuf[4] = {0, 0, 0, 0};
    std::size_t dlen = 4;
    bool trailing_garbage = false;
    for (std::size_t j = 0; j < 4; ++j) {
      if (si == src.size()) {
        if (j == 0) return out;
        return fail(si - j);  // StdEncoding pads: a short last quantum is an error
      }
      char in = src[si++];
      if (int v = val(in); v >= 0) {
        dbuf[j] = static_cast<std::uint32_t>(v);
        continue;
      }
      if (newline(in)) {
        --j;
        continue;
      }
      if (in != '=') return fail(si - 1);
      // The end, with padding.
      if (j < 2) return fail(si - 1);
      if (j == 2) {
        // "==" is expected, the first '=' is consumed.
        while (si < src.size() && newline(src[si])) ++si;
        if (si == src.size()) return fail(src.size());
        if (src[si] != '=') return fail(si - 1);
        ++si;
      }
      while (si < src.size() && newline(src[si])) ++si;
      if (si < src.size()) trailing_garbage = true;
      dlen = j;
      break;
    }
    std::uint32_t v = dbuf[0] << 18 | dbuf[1] << 12 | dbuf[2] << 6 | dbuf[3];
    const char bytes[3] = {static_cast<char>((v >> 16) & 0xFF), static_cast<char>((v >> 8) & 0xFF),
                           static_cast<char>(v & 0xFF)};
    out.append(bytes, dlen - 1);
    if (trailing_garbage) return fail(si);
  }
  return out;
}

std::array<unsigned char, 32> sha256(std::string_view data) {
  static constexpr std::uint32_t k[64] = {
      0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
      0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
      0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
      0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
      0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
      0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
      0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
      0xc67178f2};
  std::uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  const std::string msg = md_pad(data, 64, 8);
  auto rotr = [](std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); };
  for (std::size_t off = 0; off < msg.size(); off += 64) {
    std::uint32_t w[64];
    for (int i = 0; i < 16; ++i) {
      const auto* p = reinterpret_cast<const unsigned char*>(msg.data() + off + static_cast<std::size_t>(i) * 4);
      w[i] = (static_cast<std::uint32_t>(p[0]) << 24) | (static_cast<std::uint32_t>(p[1]) << 16) |
             (static_cast<std::uint32_t>(p[2]) << 8) | p[3];
    }
    for (int i = 16; i < 64; ++i) {
      std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
      std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; ++i) {
      std::uint32_t S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      std::uint32_t ch = (e & f) ^ (~e & g);
      std::uint32_t t1 = hh + S1 + ch + k[i] + w[i];
      std::uint32_t S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      std::uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
      std::uint32_t t2 = S0 + maj;
      hh = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
  }
  std::array<unsigned char, 32> out;
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<unsigned char>(h[i / 4] >> (24 - 8 * (i % 4)));
  return out;
}

std::string sha256_hex(std::string_view data) {
  std::string out;
  for (unsigned char b : sha256(data)) out += fmt::format("{:02x}", b);
  return out;
}

}  // namespace kinject::tmpl
