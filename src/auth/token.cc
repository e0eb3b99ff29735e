// Random tokens and hashes through libsodium.
#include "auth/token.h"

#include <sodium.h>

#include <vector>

#include "auth/sodium_init.h"

namespace meekijk::auth {
std::string HexOf(std::span<const unsigned char> bytes) {
  std::string hex(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  hex.pop_back();
  return hex;
}

std::string NewSessionToken(Random& random) {
  EnsureSodium();
  unsigned char bytes[32];
  random.Fill(bytes);
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string encoded(sodium_base64_ENCODED_LEN(sizeof bytes, kVariant), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), bytes, sizeof bytes, kVariant);
  encoded.resize(std::char_traits<char>::length(encoded.c_str()));
  return encoded;
}

std::string HashSessionToken(std::string_view token) {
  EnsureSodium();
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  return HexOf({digest, sizeof digest});
}

std::string CsrfTokenFor(std::string_view session_token) {
  return HashSessionToken("csrf:" + std::string(session_token)).substr(0, 32);
}

std::string Sha256Hex(std::string_view bytes) {
  EnsureSodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return HexOf({digest, sizeof digest});
}

std::string RandomHex(size_t n, Random& random) {
  EnsureSodium();
  std::vector<unsigned char> bytes(n);
  random.Fill(bytes);
  return HexOf({bytes.data(), n});
}

}  // namespace meekijk::auth
