// HMAC-SHA256 (RFC 2104, crypto/hmac), PBKDF2-HMAC-SHA256 (RFC 8018,
// golang.org/x/crypto/pbkdf2) and scrypt (RFC 7914, golang.org/x/crypto/
// scrypt), for Sprig's derivePassword, over the one SHA-256 of
// encoding.cpp.
#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

#include "internal.h"

namespace kinject::tmpl {

std::array<unsigned char, 32> hmac_sha256(std::string_view key, std::string_view message) {
  constexpr std::size_t kBlock = 64;
  std::string k(key);
  if (k.size() > kBlock) {
    auto d = sha256(k);
    k.assign(reinterpret_cast<const char*>(d.data()), d.size());
  }
  k.resize(kBlock, '\0');
  std::string inner(kBlock, '\0'), outer(kBlock, '\0');
  for (std::size_t i = 0; i < kBlock; ++i) {
    inner[i] = static_cast<char>(k[i] ^ 0x36);
    outer[i] = static_cast<char>(k[i] ^ 0x5c);
  }
  inner += message;
  auto ih = sha256(inner);
  outer.append(reinterpret_cast<const char*>(ih.data()), ih.size());
  return sha256(outer);
}

std::string pbkdf2_sha256(std::string_view password, std::string_view salt, int iterations, std::size_t key_len) {
  std::string out;
  for (std::uint32_t block = 1; out.size() < key_len; ++block) {
    std::string msg(salt);
    for (int shift = 24; shift >= 0; shift -= 8) msg += static_cast<char>((block >> shift) & 0xff);
    auto u = hmac_sha256(password, msg);
    auto t = u;
    for (int i = 1; i < iterations; ++i) {
      u = hmac_sha256(password, std::string_view(reinterpret_cast<const char*>(u.data()), u.size()));
      for (std::size_t j = 0; j < t.size(); ++j) t[j] ^= u[j];
    }
    out.append(reinterpret_cast<const char*>(t.data()), t.size());
  }
  out.resize(key_len);
  return out;
}

namespace {

std::uint32_t rotl(std::uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }

// Salsa20/8 core (RFC 7914 section 3) of b xor x, into b; x keeps the
// result too, as the next BlockMix step's input.
void salsa_xor(std::uint32_t x[16], const std::uint32_t* b, std::uint32_t* out) {
  for (int i = 0; i < 16; ++i) x[i] ^= b[i];
  std::uint32_t w[16];
  std::memcpy(w, x, sizeof(w));
  for (int i = 0; i < 8; i += 2) {
    w[4] ^= rotl(w[0] + w[12], 7), w[8] ^= rotl(w[4] + w[0], 9);
    w[12] ^= rotl(w[8] + w[4], 13), w[0] ^= rotl(w[12] + w[8], 18);
    w[9] ^= rotl(w[5] + w[1], 7), w[13] ^= rotl(w[9] + w[5], 9);
    w[1] ^= rotl(w[13] + w[9], 13), w[5] ^= rotl(w[1] + w[13], 18);
    w[14] ^= rotl(w[10] + w[6], 7), w[2] ^= rotl(w[14] + w[10], 9);
    w[6] ^= rotl(w[2] + w[14], 13), w[10] ^= rotl(w[6] + w[2], 18);
    w[3] ^= rotl(w[15] + w[11], 7), w[7] ^= rotl(w[3] + w[15], 9);
    w[11] ^= rotl(w[7] + w[3], 13), w[15] ^= rotl(w[11] + w[7], 18);
    w[1] ^= rotl(w[0] + w[3], 7), w[2] ^= rotl(w[1] + w[0], 9);
    w[3] ^= rotl(w[2] + w[1], 13), w[0] ^= rotl(w[3] + w[2], 18);
    w[6] ^= rotl(w[5] + w[4], 7), w[7] ^= rotl(w[6] + w[5], 9);
    w[4] ^= rotl(w[7] + w[6], 13), w[5] ^= rotl(w[4] + w[7], 18);
    w[11] ^= rotl(w[10] + w[9], 7), w[8] ^= rotl(w[11] + w[10], 9);
    w[9] ^= rotl(w[8] + w[11], 13), w[10] ^= rotl(w[9] + w[8], 18);
    w[12] ^= rotl(w[15] + w[14], 7), w[13] ^= rotl(w[12] + w[15], 9);
    w[14] ^= rotl(w[13] + w[12], 13), w[15] ^= rotl(w[14] + w[13], 18);
  }
  for (int i = 0; i < 16; ++i) x[i] += w[i];
  std::memcpy(out, x, 16 * sizeof(std::uint32_t));
}

// scryptBlockMix (RFC 7914 section 4) of b (2r 64-byte blocks as 32-bit
// words) into y: the even blocks first, then the odd ones.
void block_mix(const std::uint32_t* b, std::uint32_t* y, std::uint32_t r) {
  std::uint32_t x[16];
  std::memcpy(x, b + (2 * r - 1) * 16, sizeof(x));
  for (std::uint32_t i = 0; i < 2 * r; i += 2) {
    salsa_xor(x, b + i * 16, y + i * 8);
    salsa_xor(x, b + (i + 1) * 16, y + r * 16 + i * 8);
  }
}

// scryptROMix (RFC 7914 section 5) on one 128r-byte block, in place.
void ro_mix(unsigned char* block, std::uint32_t r, std::uint64_t n, std::vector<std::uint32_t>& v) {
  const std::size_t words = 32 * static_cast<std::size_t>(r);
  std::vector<std::uint32_t> x(words), y(words);
  for (std::size_t i = 0; i < words; ++i) {
    const unsigned char* p = block + 4 * i;
    x[i] = std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16 | std::uint32_t{p[3]} << 24;
  }
  for (std::uint64_t i = 0; i < n; ++i) {
    std::memcpy(v.data() + i * words, x.data(), words * sizeof(std::uint32_t));
    block_mix(x.data(), y.data(), r);
    std::swap(x, y);
  }
  for (std::uint64_t i = 0; i < n; ++i) {
    // Integerify: the first word of the last 64-byte block, modulo n.
    std::uint64_t j = (std::uint64_t{x[words - 16]} | std::uint64_t{x[words - 15]} << 32) & (n - 1);
    const std::uint32_t* vj = v.data() + j * words;
    for (std::size_t k = 0; k < words; ++k) x[k] ^= vj[k];
    block_mix(x.data(), y.data(), r);
    std::swap(x, y);
  }
  for (std::size_t i = 0; i < words; ++i) {
    for (std::size_t k = 0; k < 4; ++k) block[4 * i + k] = static_cast<unsigned char>(x[i] >> (8 * k));
  }
}

}  // namespace

std::string scrypt(std::string_view password, std::string_view salt, std::uint64_t n, std::uint32_t r, std::uint32_t p,
                   std::size_t key_len) {
  const std::size_t block = 128 * static_cast<std::size_t>(r);
  std::string b = pbkdf2_sha256(password, salt, 1, block * p);
  std::vector<std::uint32_t> v(32 * static_cast<std::size_t>(r) * n);
  for (std::uint32_t i = 0; i < p; ++i) ro_mix(reinterpret_cast<unsigned char*>(b.data()) + i * block, r, n, v);
  return pbkdf2_sha256(password, b, 1, key_len);
}

}  // namespace kinject::tmpl
