// Login tokens: opaque random strings for the client, kept in the database only as a hash, so
// that a copy of the database does not let anyone log in.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "auth/random.h"

namespace meekijk::auth {

// 32 random bytes as unpadded base64url (43 characters).
std::string NewSessionToken(Random& random = SystemRandom());

// BLAKE2b-256 of the token, in hex: what the logins table keys on.
std::string HashSessionToken(std::string_view token);

// The CSRF token of a browser session: derived from the session token, so that it needs no storage
// and cannot be computed without the (HttpOnly) session cookie.
std::string CsrfTokenFor(std::string_view session_token);

// SHA-256 of arbitrary bytes, in hex (attachment fingerprints).
std::string Sha256Hex(std::string_view bytes);

// Bytes as lower-case hex.
std::string HexOf(std::span<const unsigned char> bytes);

// `n` random bytes as hex, e.g. for request ids.
std::string RandomHex(size_t n, Random& random = SystemRandom());

}  // namespace meekijk::auth
