// Sensitive actions (changing the second factor, exports) need the password given recently
// (ASVS 3.7.1). Private to the service layer.
#pragma once

#include <chrono>

#include "core/clock.h"
#include "core/result.h"
#include "service/principal.h"

namespace meekijk::service {

inline constexpr std::chrono::minutes kDefaultReauthenticationWindow{5};

// kForbidden with reason "reauthentication_required" when the principal's login last gave the
// password longer ago than `window` (or is no login at all).
inline Result<void> RequireRecentPassword(const Principal& principal, TimePoint now,
                                          std::chrono::minutes window) {
  if (!principal.login.token_hash.empty() && principal.login.verified_at + window >= now) {
    return Ok();
  }
  Error error = MakeError(ErrorCode::kForbidden,
                          "Geef voor deze handeling opnieuw uw wachtwoord en code.",
                          "Give your password and code again for this action.");
  error.reason = "reauthentication_required";
  return error;
}

}  // namespace meekijk::service
