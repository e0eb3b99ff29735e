// Checking codes.
#include "service/second_factor.h"

#include <optional>

#include "auth/recovery_codes.h"
#include "auth/totp.h"
#include "store/second_factors.h"

namespace meekijk::service {

Result<SecondFactorCheck> CheckSecondFactor(store::Tx& tx, int64_t user_id, std::string_view otp,
                                            TimePoint now) {
  store::SecondFactorRepository factors = tx.second_factors();
  MK_ASSIGN_OR_RETURN(std::optional<store::SecondFactorRecord> factor, factors.Find(user_id));
  if (!factor || !factor->secret) return SecondFactorCheck::kNotEnrolled;
  if (otp.empty()) return SecondFactorCheck::kMissing;
  std::optional<std::string> secret = auth::FromBase32(*factor->secret);
  if (!secret) return MakeFact(ErrorCode::kInternal, "row_unreadable", "second_factors.secret");
  if (std::optional<int64_t> step = auth::MatchTotp(*secret, otp, now)) {
    MK_ASSIGN_OR_RETURN(bool fresh, factors.UseStep(user_id, *step));
    return fresh ? SecondFactorCheck::kPassed : SecondFactorCheck::kWrong;
  }
  if (otp.size() < 16) return SecondFactorCheck::kWrong;  // not shaped like a recovery code
  MK_ASSIGN_OR_RETURN(std::vector<store::RecoveryCodeRecord> codes,
                      factors.UnusedRecoveryCodes(user_id));
  for (const store::RecoveryCodeRecord& code : codes) {
    if (!auth::RecoveryCodeMatches(code.code_hash, otp)) continue;
    MK_ASSIGN_OR_RETURN(bool fresh, factors.UseRecoveryCode(code.id, now));
    return fresh ? SecondFactorCheck::kPassed : SecondFactorCheck::kWrong;
  }
  return SecondFactorCheck::kWrong;
}

}  // namespace meekijk::service
