// Argon2id through libsodium.
#include "auth/password.h"

#include <sodium.h>
#include <zxcvbn.h>

#include "auth/sodium_init.h"
#include "core/utf8.h"

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

double PasswordEntropyBits(std::string_view password,
                           const std::vector<std::string>& personal_words) {
  std::string text(password);  // zxcvbn wants a NUL-terminated string
  std::vector<const char*> words{"meekijk", "meekijken", "huisarts", "specialist"};
  for (const std::string& word : personal_words) {
    if (!word.empty()) words.push_back(word.c_str());
  }
  words.push_back(nullptr);
  return ZxcvbnMatch(text.c_str(), words.data(), nullptr);
}

Result<void> ValidateNewPassword(std::string_view password,
                                 const std::vector<std::string>& personal_words) {
  if (!utf8::IsValid(password) || password.find('\0') != std::string_view::npos) {
    return MakeError(ErrorCode::kInvalidArgument, "Het wachtwoord bevat ongeldige tekens.",
                     "The password contains invalid characters.", "password");
  }
  size_t length = utf8::CodePointCount(password);
  if (length < kMinPasswordLength) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Kies een wachtwoord van minstens 12 tekens; een zin van een paar woorden "
                     "is makkelijk te onthouden.",
                     "Choose a password of at least 12 characters; a sentence of a few words is "
                     "easy to remember.",
                     "password");
  }
  if (length > kMaxPasswordLength) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Kies een wachtwoord van hoogstens 128 tekens.",
                     "Choose a password of at most 128 characters.", "password");
  }
  if (PasswordEntropyBits(password, personal_words) < kMinPasswordEntropyBits) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Dit wachtwoord is te makkelijk te raden: het is veelgebruikt, uitgelekt of "
                     "volgt een patroon, of het bevat uw naam. Kies een langere zin van "
                     "ongewone woorden.",
                     "This password is too easy to guess: it is common, breached or follows a "
                     "pattern, or it contains your name. Choose a longer phrase of unusual "
                     "words.",
                     "password");
  }
  return Ok();
}

}  // namespace meekijk::auth
