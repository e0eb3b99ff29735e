// One-time recovery codes for a user who lost their authenticator: ten per enrolment, 80 random
// bits each, shown once and stored only as a salted BLAKE2b hash (ASVS 2.6.2).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "auth/random.h"

namespace meekijk::auth {

inline constexpr size_t kRecoveryCodeCount = 10;

// Codes as people type them: "K7QM-2XPA-…" (16 base32 characters in groups of four).
std::vector<std::string> NewRecoveryCodes(Random& random = SystemRandom());

// "salt:hash" in hex, with a new random salt.
std::string HashRecoveryCode(std::string_view code, Random& random = SystemRandom());

// Whether `code` (case, spaces and dashes ignored) is the one `stored` was made from; constant time.
bool RecoveryCodeMatches(std::string_view stored, std::string_view code);

}  // namespace meekijk::auth
