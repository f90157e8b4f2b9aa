// AES decryption (FIPS-197: the key expansion of section 5.2 and the
// inverse cipher of section 5.3), for Sprig's decryptAES. Only decryption:
// kinject never encrypts (encryptAES draws a random IV and is refused).
// Byte-oriented and table-based (the S-box, its inverse derived once at
// compile time, GF(2^8) products by shift and xor); speed does not matter
// for a template function. Not constant-time: it decrypts what a template
// author wrote, with no secret an attacker could time.
#include <array>
#include <cstdint>
#include <stdexcept>

#include <fmt/format.h>

#include "internal.h"

namespace kinject::tmpl {

namespace {

constexpr std::array<unsigned char, 256> kSbox = {
    0x63, 0x7c, 0x77, 0x7b, 0xf2, 0x6b, 0x6f, 0xc5, 0x30, 0x01, 0x67, 0x2b, 0xfe, 0xd7, 0xab, 0x76, 0xca, 0x82, 0xc9,
    0x7d, 0xfa, 0x59, 0x47, 0xf0, 0xad, 0xd4, 0xa2, 0xaf, 0x9c, 0xa4, 0x72, 0xc0, 0xb7, 0xfd, 0x93, 0x26, 0x36, 0x3f,
    0xf7, 0xcc, 0x34, 0xa5, 0xe5, 0xf1, 0x71, 0xd8, 0x31, 0x15, 0x04, 0xc7, 0x23, 0xc3, 0x18, 0x96, 0x05, 0x9a, 0x07,
    0x12, 0x80, 0xe2, 0xeb, 0x27, 0xb2, 0x75, 0x09, 0x83, 0x2c, 0x1a, 0x1b, 0x6e, 0x5a, 0xa0, 0x52, 0x3b, 0xd6, 0xb3,
    0x29, 0xe3, 0x2f, 0x84, 0x53, 0xd1, 0x00, 0xed, 0x20, 0xfc, 0xb1, 0x5b, 0x6a, 0xcb, 0xbe, 0x39, 0x4a, 0x4c, 0x58,
    0xcf, 0xd0, 0xef, 0xaa, 0xfb, 0x43, 0x4d, 0x33, 0x85, 0x45, 0xf9, 0x02, 0x7f, 0x50, 0x3c, 0x9f, 0xa8, 0x51, 0xa3,
    0x40, 0x8f, 0x92, 0x9d, 0x38, 0xf5, 0xbc, 0xb6, 0xda, 0x21, 0x10, 0xff, 0xf3, 0xd2, 0xcd, 0x0c, 0x13, 0xec, 0x5f,
    0x97, 0x44, 0x17, 0xc4, 0xa7, 0x7e, 0x3d, 0x64, 0x5d, 0x19, 0x73, 0x60, 0x81, 0x4f, 0xdc, 0x22, 0x2a, 0x90, 0x88,
    0x46, 0xee, 0xb8, 0x14, 0xde, 0x5e, 0x0b, 0xdb, 0xe0, 0x32, 0x3a, 0x0a, 0x49, 0x06, 0x24, 0x5c, 0xc2, 0xd3, 0xac,
    0x62, 0x91, 0x95, 0xe4, 0x79, 0xe7, 0xc8, 0x37, 0x6d, 0x8d, 0xd5, 0x4e, 0xa9, 0x6c, 0x56, 0xf4, 0xea, 0x65, 0x7a,
    0xae, 0x08, 0xba, 0x78, 0x25, 0x2e, 0x1c, 0xa6, 0xb4, 0xc6, 0xe8, 0xdd, 0x74, 0x1f, 0x4b, 0xbd, 0x8b, 0x8a, 0x70,
    0x3e, 0xb5, 0x66, 0x48, 0x03, 0xf6, 0x0e, 0x61, 0x35, 0x57, 0xb9, 0x86, 0xc1, 0x1d, 0x9e, 0xe1, 0xf8, 0x98, 0x11,
    0x69, 0xd9, 0x8e, 0x94, 0x9b, 0x1e, 0x87, 0xe9, 0xce, 0x55, 0x28, 0xdf, 0x8c, 0xa1, 0x89, 0x0d, 0xbf, 0xe6, 0x42,
    0x68, 0x41, 0x99, 0x2d, 0x0f, 0xb0, 0x54, 0xbb, 0x16,
};

constexpr std::array<unsigned char, 256> inverse(const std::array<unsigned char, 256>& box) {
  std::array<unsigned char, 256> inv{};
  for (std::size_t i = 0; i < 256; ++i) inv[box[i]] = static_cast<unsigned char>(i);
  return inv;
}

constexpr std::array<unsigned char, 256> kInvSbox = inverse(kSbox);

// Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1 (FIPS-197 4.2).
constexpr unsigned char gmul(unsigned char a, unsigned char b) {
  unsigned char p = 0;
  while (b) {
    if (b & 1) p ^= a;
    a = static_cast<unsigned char>((a << 1) ^ ((a & 0x80) ? 0x1b : 0));
    b >>= 1;
  }
  return p;
}

void add_round_key(unsigned char s[16], const unsigned char* k) {
  for (int i = 0; i < 16; ++i) s[i] ^= k[i];
}

// InvShiftRows then InvSubBytes; the state is column-major (s[r + 4c]),
// and row r turns right by r.
void inv_shift_sub(unsigned char s[16]) {
  unsigned char t[16];
  for (int c = 0; c < 4; ++c) {
    for (int r = 0; r < 4; ++r) t[r + 4 * ((c + r) % 4)] = kInvSbox[s[r + 4 * c]];
  }
  for (int i = 0; i < 16; ++i) s[i] = t[i];
}

void inv_mix_columns(unsigned char s[16]) {
  for (int c = 0; c < 4; ++c) {
    unsigned char* col = s + 4 * c;
    unsigned char a0 = col[0], a1 = col[1], a2 = col[2], a3 = col[3];
    col[0] = gmul(a0, 14) ^ gmul(a1, 11) ^ gmul(a2, 13) ^ gmul(a3, 9);
    col[1] = gmul(a0, 9) ^ gmul(a1, 14) ^ gmul(a2, 11) ^ gmul(a3, 13);
    col[2] = gmul(a0, 13) ^ gmul(a1, 9) ^ gmul(a2, 14) ^ gmul(a3, 11);
    col[3] = gmul(a0, 11) ^ gmul(a1, 13) ^ gmul(a2, 9) ^ gmul(a3, 14);
  }
}

}  // namespace

AesDecryptKey aes_decrypt_key(std::string_view key) {
  // Go's aes.KeySizeError; decryptAES always passes 32 bytes.
  if (key.size() != 16 && key.size() != 24 && key.size() != 32) {
    throw std::invalid_argument(fmt::format("crypto/aes: invalid key size {}", key.size()));
  }
  AesDecryptKey out{};
  const std::size_t nk = key.size() / 4;  // 4, 6 or 8 words
  out.rounds = static_cast<int>(nk) + 6;
  const std::size_t words = 4 * (static_cast<std::size_t>(out.rounds) + 1);
  unsigned char* w = out.round_keys.data();
  for (std::size_t i = 0; i < key.size(); ++i) w[i] = static_cast<unsigned char>(key[i]);
  unsigned char rcon = 1;
  for (std::size_t i = nk; i < words; ++i) {
    unsigned char t[4] = {w[4 * i - 4], w[4 * i - 3], w[4 * i - 2], w[4 * i - 1]};
    if (i % nk == 0) {
      unsigned char first = t[0];  // RotWord, SubWord, then Rcon
      t[0] = static_cast<unsigned char>(kSbox[t[1]] ^ rcon);
      t[1] = kSbox[t[2]];
      t[2] = kSbox[t[3]];
      t[3] = kSbox[first];
      rcon = gmul(rcon, 2);
    } else if (nk > 6 && i % nk == 4) {
      for (auto& b : t) b = kSbox[b];
    }
    for (std::size_t j = 0; j < 4; ++j) w[4 * i + j] = static_cast<unsigned char>(w[4 * (i - nk) + j] ^ t[j]);
  }
  return out;
}

void aes_decrypt_block(const AesDecryptKey& key, const unsigned char in[16], unsigned char out[16]) {
  unsigned char s[16];
  for (int i = 0; i < 16; ++i) s[i] = in[i];
  const unsigned char* k = key.round_keys.data();
  add_round_key(s, k + 16 * key.rounds);
  for (int round = key.rounds - 1; round >= 1; --round) {
    inv_shift_sub(s);
    add_round_key(s, k + 16 * round);
    inv_mix_columns(s);
  }
  inv_shift_sub(s);
  add_round_key(s, k);
  for (int i = 0; i < 16; ++i) out[i] = s[i];
}

}  // namespace kinject::tmpl
