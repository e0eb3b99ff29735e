// Password hashing with Argon2id (libsodium), in libsodium's self-describing encoded form, so
// that the cost can be raised later without invalidating stored hashes; and the rules a new
// password must meet (ASVS 2.1 at level 3).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace meekijk::auth {

// Counted in characters (code points), not bytes: "wachtwoordjé" is twelve.
inline constexpr size_t kMinPasswordLength = 12;
inline constexpr size_t kMaxPasswordLength = 128;
// zxcvbn's estimate, in bits, below which a password is refused: 2^34 guesses is past zxcvbn's
// "safely unguessable" score 3 (10^10 guesses) and keeps common, breached and patterned ones out.
inline constexpr double kMinPasswordEntropyBits = 34;

// Hashes with libsodium's "interactive" limits (2 passes, 64 MiB): about 0.1 s on a server core.
Result<std::string> HashPassword(std::string_view password);

// Constant-time check of a password against a stored hash; false for a malformed hash.
bool VerifyPassword(std::string_view encoded_hash, std::string_view password);

// Refuses, with a message for people: fewer than 12 or more than 128 characters, invalid UTF-8,
// and passwords that zxcvbn (its lists of common and breached passwords, words, names, dates,
// keyboard patterns) guesses quickly, counting `personal_words` (the username, the name, the
// e-mail address, "meekijk") as known to the attacker.
Result<void> ValidateNewPassword(std::string_view password,
                                 const std::vector<std::string>& personal_words = {});

// zxcvbn's estimate of the password's entropy in bits.
double PasswordEntropyBits(std::string_view password,
                           const std::vector<std::string>& personal_words = {});

}  // namespace meekijk::auth
