// The second factor at login and for re-authentication: a TOTP code (each 30-second step accepted
// once) or one of the user's recovery codes (each accepted once). Private to the service.
#pragma once

#include <string_view>

#include "core/clock.h"
#include "core/result.h"
#include "store/tx.h"

namespace meekijk::service {

enum class SecondFactorCheck {
  kNotEnrolled,  // the user has no confirmed second factor
  kMissing,      // the user has one and no code was given
  kWrong,        // wrong, expired, replayed or used up
  kPassed,
};

// Checks `otp` against the user's second factor and, when it passes, takes the step or recovery
// code as used in `tx`, so that a concurrent login with the same code fails.
Result<SecondFactorCheck> CheckSecondFactor(store::Tx& tx, int64_t user_id, std::string_view otp,
                                            TimePoint now);

}  // namespace meekijk::service
