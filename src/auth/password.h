// Password hashing with Argon2id (libsodium), in libsodium's self-describing encoded form, so
// that the cost can be raised later without invalidating stored hashes.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace meekijk::auth {

inline constexpr size_t kMinPasswordLength = 10;

// Hashes with libsodium's "interactive" limits (2 passes, 64 MiB): about 0.1 s on a server core.
Result<std::string> HashPassword(std::string_view password);

// Constant-time check of a password against a stored hash; false for a malformed hash.
bool VerifyPassword(std::string_view encoded_hash, std::string_view password);

// Refuses passwords shorter than kMinPasswordLength, with a message for people.
Result<void> ValidateNewPassword(std::string_view password);

}  // namespace meekijk::auth
