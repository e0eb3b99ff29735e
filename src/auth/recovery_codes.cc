// Recovery codes through libsodium.
#include "auth/recovery_codes.h"

#include <sodium.h>

#include <cctype>

#include "auth/sodium_init.h"
#include "auth/token.h"
#include "auth/totp.h"

namespace meekijk::auth {
namespace {

constexpr size_t kCodeBytes = 10;  // 80 bits: 16 base32 characters
constexpr size_t kSaltBytes = 16;
constexpr size_t kDigestBytes = 32;

// Upper case without separators: what the hash covers.
std::string Normalised(std::string_view code) {
  std::string out;
  for (char c : code) {
    if (c == '-' || c == ' ') continue;
    out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return out;
}

void Digest(const unsigned char* salt, std::string_view normalised, unsigned char* out) {
  crypto_generichash(out, kDigestBytes, reinterpret_cast<const unsigned char*>(normalised.data()),
                     normalised.size(), salt, kSaltBytes);
}

}  // namespace

std::vector<std::string> NewRecoveryCodes(Random& random) {
  std::vector<std::string> codes;
  for (size_t i = 0; i < kRecoveryCodeCount; ++i) {
    unsigned char bytes[kCodeBytes];
    random.Fill(bytes);
    std::string plain = Base32({reinterpret_cast<const char*>(bytes), sizeof bytes});
    std::string grouped;
    for (size_t at = 0; at < plain.size(); at += 4) {
      if (at > 0) grouped.push_back('-');
      grouped += plain.substr(at, 4);
    }
    codes.push_back(grouped);
  }
  return codes;
}

std::string HashRecoveryCode(std::string_view code, Random& random) {
  EnsureSodium();
  unsigned char salt[kSaltBytes];
  random.Fill(salt);
  unsigned char digest[kDigestBytes];
  Digest(salt, Normalised(code), digest);
  return HexOf(salt) + ":" + HexOf(digest);
}

bool RecoveryCodeMatches(std::string_view stored, std::string_view code) {
  EnsureSodium();
  unsigned char salt[kSaltBytes];
  unsigned char expected[kDigestBytes];
  size_t salt_length = 0;
  size_t digest_length = 0;
  if (stored.size() != kSaltBytes * 2 + 1 + kDigestBytes * 2 || stored[kSaltBytes * 2] != ':' ||
      sodium_hex2bin(salt, sizeof salt, stored.data(), kSaltBytes * 2, nullptr, &salt_length,
                     nullptr) != 0 ||
      sodium_hex2bin(expected, sizeof expected, stored.data() + kSaltBytes * 2 + 1,
                     kDigestBytes * 2, nullptr, &digest_length, nullptr) != 0 ||
      salt_length != kSaltBytes || digest_length != kDigestBytes) {
    return false;
  }
  unsigned char actual[kDigestBytes];
  Digest(salt, Normalised(code), actual);
  return sodium_memcmp(actual, expected, kDigestBytes) == 0;
}

}  // namespace meekijk::auth
