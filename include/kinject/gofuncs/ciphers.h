// The ciphers behind Sprig's decryptAES and derivePassword, written here
// (no crypto library): AES decryption (aes.cpp), HMAC-SHA256, PBKDF2 and
// scrypt (scrypt.cpp) over the SHA-256 of encoding.cpp. Public so that
// their tests can check them against FIPS-197's and the RFCs' vectors; only
// Sprig's functions use them.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kinject::tmpl {

// AES (FIPS-197) decryption with a 16-, 24- or 32-byte key (aes.cpp): the
// expanded key (std::invalid_argument for another key size), and one
// 16-byte block decrypted with it.
struct AesDecryptKey {
  std::array<unsigned char, 240> round_keys;  // (rounds + 1) * 16 bytes used
  int rounds;
};
AesDecryptKey aes_decrypt_key(std::string_view key);
void aes_decrypt_block(const AesDecryptKey& key, const unsigned char in[16], unsigned char out[16]);

// crypto/hmac with crypto/sha256 (scrypt.cpp).
std::array<unsigned char, 32> hmac_sha256(std::string_view key, std::string_view message);
// golang.org/x/crypto/pbkdf2.Key with SHA-256.
std::string pbkdf2_sha256(std::string_view password, std::string_view salt, int iterations, std::size_t key_len);
// golang.org/x/crypto/scrypt.Key (RFC 7914) for n a power of two > 1 and
// r * p < 2^30 (the caller's constants; nothing is checked). It needs
// 128 * r * n bytes of memory.
std::string scrypt(std::string_view password, std::string_view salt, std::uint64_t n, std::uint32_t r, std::uint32_t p,
                   std::size_t key_len);

}  // namespace kinject::tmpl
