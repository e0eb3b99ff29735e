// Time-based one-time passwords (RFC 6238: HMAC-SHA1, six digits, 30-second steps), computed by
// Debian's liboath, and the otpauth:// URI that authenticator apps read from a QR code.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "auth/random.h"
#include "core/clock.h"

namespace meekijk::auth {

inline constexpr size_t kTotpSecretBytes = 20;  // 160 bits, the size RFC 4226 recommends
inline constexpr int kTotpStepSeconds = 30;

// A new shared secret, as raw bytes.
std::string NewTotpSecret(Random& random = SystemRandom());

// RFC 4648 base32 without padding, the form authenticator apps expect ("JBSWY3DPEHPK3PXP").
std::string Base32(std::string_view bytes);
// The bytes of a base32 text (upper or lower case, spaces allowed); nullopt when it is not base32.
std::optional<std::string> FromBase32(std::string_view text);

// otpauth://totp/<issuer>:<account>?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30
std::string TotpUri(std::string_view issuer, std::string_view account, std::string_view secret);

// The 30-second step (time / 30) whose code `code` is, looking one step either side of `now` for
// clocks that drift; nullopt for a wrong, malformed or expired code. Replay protection is the
// caller's: a step once used must not be accepted again.
std::optional<int64_t> MatchTotp(std::string_view secret, std::string_view code, TimePoint now);

// The code for `at`: what an authenticator app shows (tests, the demo).
std::string TotpCode(std::string_view secret, TimePoint at);

}  // namespace meekijk::auth
