// Sprig's checksums and base32 (crypto.go, strings.go): sha1sum, sha512sum
// (crypto/sha1, crypto/sha512 as lower-case hex), adler32sum (hash/adler32,
// printed in decimal), b32enc/b32dec (encoding/base32's StdEncoding); and
// the two deterministic ciphers of crypto.go, decryptAES (over aes.cpp) and
// derivePassword (over scrypt.cpp). sha256sum and base64 are in
// encoding.cpp.
#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include <fmt/format.h>

#include "internal.h"

namespace kinject::tmpl {

// Merkle-Damgard padding shared by SHA-1, SHA-256 (encoding.cpp) and SHA-512: 0x80, zeros, then
// the bit length big-endian in the last `len_bytes` of a block.
std::string md_pad(std::string_view data, std::size_t block, std::size_t len_bytes) {
  std::string m(data);
  m += static_cast<char>(0x80);
  while (m.size() % block != block - len_bytes) m += '\0';
  std::uint64_t bits = static_cast<std::uint64_t>(data.size()) * 8;
  for (std::size_t i = 0; i < len_bytes; ++i) {
    std::size_t shift = (len_bytes - 1 - i) * 8;
    m += static_cast<char>(shift < 64 ? (bits >> shift) & 0xff : 0);
  }
  return m;
}

namespace {

std::string hex(const unsigned char* p, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += fmt::format("{:02x}", p[i]);
  return out;
}

std::uint32_t rol32(std::uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }
std::uint64_t ror64(std::uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

std::string sha1_hex(std::string_view data) {
  std::uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
  std::string m = md_pad(data, 64, 8);
  for (std::size_t off = 0; off < m.size(); off += 64) {
    std::uint32_t w[80];
    for (int i = 0; i < 16; ++i) {
      const auto* p = reinterpret_cast<const unsigned char*>(m.data() + off + 4 * static_cast<std::size_t>(i));
      w[i] = (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
    }
    for (int i = 16; i < 80; ++i) w[i] = rol32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; ++i) {
      std::uint32_t f, k;
      if (i < 20) {
        f = (b & c) | (~b & d), k = 0x5A827999;
      } else if (i < 40) {
        f = b ^ c ^ d, k = 0x6ED9EBA1;
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d), k = 0x8F1BBCDC;
      } else {
        f = b ^ c ^ d, k = 0xCA62C1D6;
      }
      std::uint32_t t = rol32(a, 5) + f + e + k + w[i];
      e = d, d = c, c = rol32(b, 30), b = a, a = t;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e;
  }
  unsigned char out[20];
  for (int i = 0; i < 20; ++i) out[i] = static_cast<unsigned char>(h[i / 4] >> (24 - 8 * (i % 4)));
  return hex(out, 20);
}

constexpr std::uint64_t kSha512K[80] = {
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538,
    0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242, 0x12835b0145706fbe,
    0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2, 0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235,
    0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
    0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5, 0x983e5152ee66dfab,
    0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
    0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df, 0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
    0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218,
    0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8, 0x19a4c116b8d2d0c8, 0x1e376c085141ab53,
    0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
    0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b, 0xca273eceea26619c,
    0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6,
    0x113f9804bef90dae, 0x1b710b35131c471b, 0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
};

std::string sha512_hex(std::string_view data) {
  std::uint64_t h[8] = {0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
                        0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179};
  std::string m = md_pad(data, 128, 16);
  for (std::size_t off = 0; off < m.size(); off += 128) {
    std::uint64_t w[80];
    for (int i = 0; i < 16; ++i) {
      w[i] = 0;
      for (int j = 0; j < 8; ++j) {
        w[i] = (w[i] << 8) | static_cast<unsigned char>(m[off + 8 * static_cast<std::size_t>(i) + static_cast<std::size_t>(j)]);
      }
    }
    for (int i = 16; i < 80; ++i) {
      std::uint64_t s0 = ror64(w[i - 15], 1) ^ ror64(w[i - 15], 8) ^ (w[i - 15] >> 7);
      std::uint64_t s1 = ror64(w[i - 2], 19) ^ ror64(w[i - 2], 61) ^ (w[i - 2] >> 6);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    std::uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 80; ++i) {
      std::uint64_t t1 = hh + (ror64(e, 14) ^ ror64(e, 18) ^ ror64(e, 41)) + ((e & f) ^ (~e & g)) + kSha512K[i] + w[i];
      std::uint64_t t2 = (ror64(a, 28) ^ ror64(a, 34) ^ ror64(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
      hh = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += hh;
  }
  unsigned char out[64];
  for (int i = 0; i < 64; ++i) out[i] = static_cast<unsigned char>(h[i / 8] >> (56 - 8 * (i % 8)));
  return hex(out, 64);
}

// hash/adler32.Checksum.
std::uint32_t adler32(std::string_view data) {
  std::uint32_t a = 1, b = 0;
  for (char c : data) {
    a = (a + static_cast<unsigned char>(c)) % 65521;
    b = (b + a) % 65521;
  }
  return (b << 16) | a;
}

constexpr std::string_view kB32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::string base32_encode(std::string_view in) {
  std::string out;
  for (std::size_t i = 0; i < in.size(); i += 5) {
    std::size_t n = std::min<std::size_t>(5, in.size() - i);
    std::uint64_t v = 0;
    for (std::size_t j = 0; j < 5; ++j) v = (v << 8) | (j < n ? static_cast<unsigned char>(in[i + j]) : 0u);
    static constexpr std::size_t kChars[6] = {0, 2, 4, 5, 7, 8};
    for (std::size_t j = 0; j < 8; ++j) out += j < kChars[n] ? kB32[(v >> (35 - 5 * j)) & 31] : '=';
  }
  return out;
}

// encoding/base32 StdEncoding.DecodeString, step for step after Go's
// decode(): '\r' and '\n' are dropped first; a bad byte or bad padding is
// a CorruptInputError at an offset of what remains, whose text Sprig
// returns in place of the result.
std::string base32_decode(std::string_view in) {
  std::string src;
  for (char c : in) {
    if (c != '\r' && c != '\n') src += c;
  }
  auto corrupt = [](std::size_t at) { return fmt::format("illegal base32 data at input byte {}", at); };
  const std::size_t olen = src.size();
  std::size_t i = 0;  // next byte of src; Go's len(src) is olen - i
  std::string out;
  bool end = false;
  while (i < olen && !end) {
    unsigned char dbuf[8] = {};
    std::size_t dlen = 8;
    for (std::size_t j = 0; j < 8;) {
      if (i == olen) return corrupt(olen - (olen - i) - j);
      char c = src[i++];
      std::size_t left = olen - i;
      if (c == '=' && j >= 2 && left < 8) {
        if (left + j < 8 - 1) return corrupt(olen);
        for (std::size_t k = 0; k < 8 - 1 - j; ++k) {
          if (left > k && src[i + k] != '=') return corrupt(olen - left + k - 1);
        }
        dlen = j, end = true;
        if (dlen == 1 || dlen == 3 || dlen == 6) return corrupt(olen - left - 1);
        break;
      }
      auto p = kB32.find(c);
      if (p == std::string_view::npos) return corrupt(olen - left - 1);
      dbuf[j++] = static_cast<unsigned char>(p);
    }
    unsigned char o[5] = {
        static_cast<unsigned char>(dbuf[0] << 3 | dbuf[1] >> 2),
        static_cast<unsigned char>(dbuf[1] << 6 | dbuf[2] << 1 | dbuf[3] >> 4),
        static_cast<unsigned char>(dbuf[3] << 4 | dbuf[4] >> 1),
        static_cast<unsigned char>(dbuf[4] << 7 | dbuf[5] << 2 | dbuf[6] >> 3),
        static_cast<unsigned char>(dbuf[6] << 5 | dbuf[7]),
    };
    static constexpr std::size_t kBytes[9] = {0, 0, 1, 0, 2, 3, 0, 4, 5};
    out.append(reinterpret_cast<const char*>(o), kBytes[dlen]);
  }
  return out;
}

// Sprig's decryptAES: the key is the password's first 32 bytes, zero
// padded (AES-256); the input is base64 of IV + CBC ciphertext; the last
// byte's value is cut off as padding, unchecked. Go panics on a short or
// ragged ciphertext and on padding longer than the plaintext; text/template
// reports each panic as the call's error, and so does this, in Go's words.
Value decrypt_aes(Args a) {
  const std::string& crypt64 = a[1].as_string();
  if (crypt64.empty()) return str("");
  std::string key = a[0].as_string().substr(0, 32);
  key.resize(32, '\0');
  std::string err;
  auto crypt = base64_decode(crypt64, &err);
  if (!crypt) throw FuncError(err);
  // base64.DecodeString returns its buffer cut to the bytes decoded: its
  // capacity is DecodedLen of the input, which crypt[:16] may reach into.
  const std::size_t len = crypt->size(), cap = crypt64.size() / 4 * 3;
  if (len < 16 && cap < 16) {
    throw FuncError(fmt::format("runtime error: slice bounds out of range [:16] with capacity {}", cap));
  }
  if (len < 16) throw FuncError(fmt::format("runtime error: slice bounds out of range [16:{}]", len));
  const std::size_t n = len - 16;
  if (n % 16 != 0) throw FuncError("crypto/cipher: input not full blocks");
  if (n == 0) throw FuncError("runtime error: index out of range [-1]");
  const AesDecryptKey k = aes_decrypt_key(key);
  const auto* in = reinterpret_cast<const unsigned char*>(crypt->data());
  std::string plain(n, '\0');
  auto* out = reinterpret_cast<unsigned char*>(plain.data());
  for (std::size_t off = 16; off < len; off += 16) {
    aes_decrypt_block(k, in + off, out + off - 16);
    for (std::size_t i = 0; i < 16; ++i) out[off - 16 + i] ^= in[off - 16 + i];  // CBC: xor the previous block
  }
  const std::size_t pad = out[n - 1];
  if (pad > n) {
    throw FuncError(fmt::format("runtime error: slice bounds out of range [:{}]",
                                static_cast<std::int64_t>(n) - static_cast<std::int64_t>(pad)));
  }
  plain.resize(n - pad);
  return str(std::move(plain));
}

// Sprig's derivePassword: the Master Password algorithm (masterPasswordSeed,
// passwordTypeTemplates and templateCharacters of crypto.go).
struct PasswordType {
  std::string_view name;
  std::vector<std::string_view> templates;
};

const std::vector<PasswordType>& password_types() {
  static const std::vector<PasswordType> types = {
      {"maximum", {"anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"}},
      {"long",
       {"CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno", "CvccnoCvcvCvcv", "CvccCvcvnoCvcv", "CvccCvcvCvcvno",
        "CvcvnoCvccCvcv", "CvcvCvccnoCvcv", "CvcvCvccCvcvno", "CvcvnoCvcvCvcc", "CvcvCvcvnoCvcc", "CvcvCvcvCvccno",
        "CvccnoCvccCvcv", "CvccCvccnoCvcv", "CvccCvccCvcvno", "CvcvnoCvccCvcc", "CvcvCvccnoCvcc", "CvcvCvccCvccno",
        "CvccnoCvcvCvcc", "CvccCvcvnoCvcc", "CvccCvcvCvccno"}},
      {"medium", {"CvcnoCvc", "CvcCvcno"}},
      {"short", {"Cvcn"}},
      {"basic", {"aaanaaan", "aannaaan", "aaannaaa"}},
      {"pin", {"nnnn"}},
  };
  return types;
}

std::string_view template_characters(char c) {
  switch (c) {
    case 'V': return "AEIOU";
    case 'C': return "BCDFGHJKLMNPQRSTVWXYZ";
    case 'v': return "aeiou";
    case 'c': return "bcdfghjklmnpqrstvwxyz";
    case 'A': return "AEIOUBCDFGHJKLMNPQRSTVWXYZ";
    case 'a': return "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz";
    case 'n': return "0123456789";
    case 'o': return "@&%?,=[]_:-+*$#!'^~;()/.";
    default: return "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()";  // 'x'
  }
}

void append_be32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xff);
}

Value derive_password(Args a) {
  const auto counter = static_cast<std::uint32_t>(a[0].as_uint());
  const std::string &type = a[1].as_string(), &password = a[2].as_string(), &user = a[3].as_string(),
                    &site = a[4].as_string();
  const auto& types = password_types();
  auto it = std::find_if(types.begin(), types.end(), [&](const PasswordType& t) { return t.name == type; });
  if (it == types.end()) return str(fmt::format("cannot find password template {}", type));
  constexpr std::string_view kSeed = "com.lyndir.masterpassword";
  // binary.Write of uint32(len(user)): a length beyond 32 bits wraps, as in Go.
  std::string salt(kSeed);
  append_be32(salt, static_cast<std::uint32_t>(user.size()));
  salt += user;
  const std::string key = scrypt(password, salt, 32768, 8, 2, 64);
  std::string message(kSeed);
  append_be32(message, static_cast<std::uint32_t>(site.size()));
  message += site;
  append_be32(message, counter);
  const auto seed = hmac_sha256(key, message);
  std::string_view temp = it->templates[seed[0] % it->templates.size()];
  std::string out;
  for (std::size_t i = 0; i < temp.size(); ++i) {
    std::string_view chars = template_characters(temp[i]);
    out += chars[seed[i + 1] % chars.size()];
  }
  return str(std::move(out));
}

Value sha1sum(Args a) { return str(sha1_hex(a[0].as_string())); }
Value sha512sum(Args a) { return str(sha512_hex(a[0].as_string())); }
Value adler32sum(Args a) { return str(std::to_string(adler32(a[0].as_string()))); }
Value b32enc(Args a) { return str(base32_encode(a[0].as_string())); }
Value b32dec(Args a) { return str(base32_decode(a[0].as_string())); }

}  // namespace

FuncTable sprig_crypto_funcs() {
  return {
      {"sha1sum", fixed({P::String}, sha1sum)},
      {"sha512sum", fixed({P::String}, sha512sum)},
      {"adler32sum", fixed({P::String}, adler32sum)},
      {"b32enc", fixed({P::String}, b32enc)},
      {"b32dec", fixed({P::String}, b32dec)},
      {"decryptAES", fixed({P::String, P::String}, decrypt_aes)},
      {"derivePassword", fixed({P::Uint32, P::String, P::String, P::String, P::String}, derive_password)},
  };
}

}  // namespace kinject::tmpl
