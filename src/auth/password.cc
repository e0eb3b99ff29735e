// Argon2id through libsodium.
#include "auth/password.h"

#include <sodium.h>

#include "auth/sodium_init.h"

namespace meekijk::auth {

Result<std::string> HashPassword(std::string_view password) {
  EnsureSodium();
  char encoded[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(encoded, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return MakeError(ErrorCode::kUnavailable, "Onvoldoende geheugen om het wachtwoord te beveiligen.",
                     "Not enough memory to protect the password.");
  }
  return std::string(encoded);
}

bool VerifyPassword(std::string_view encoded_hash, std::string_view password) {
  EnsureSodium();
  std::string hash(encoded_hash);  // libsodium needs a NUL-terminated string
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

Result<void> ValidateNewPassword(std::string_view password) {
  if (password.size() < kMinPasswordLength) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Kies een wachtwoord van minstens 10 tekens.",
                     "Choose a password of at least 10 characters.", "password");
  }
  return Ok();
}

}  // namespace meekijk::auth
