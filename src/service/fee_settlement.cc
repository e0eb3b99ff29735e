// Fee lines of a closed consult: see fee_settlement.h.
#include "service/fee_settlement.h"

#include "domain/agreement.h"
#include "domain/fee_line.h"
#include "store/agreements.h"
#include "store/fees.h"
#include "store/tx.h"

namespace meekijk::service {

Result<void> SettleFees(store::Tx& tx, const domain::Consult& consult, TimePoint now,
                        const std::optional<std::string>& correction_reason) {
  // Only a closed consult sent under an agreement earns anything.
  if (!consult.outcome || !consult.agreement_id || !consult.agreement_version || !consult.pool_id) {
    return Ok();
  }
  MK_ASSIGN_OR_RETURN(std::optional<domain::Agreement> agreement,
                      tx.agreements().FindVersion(*consult.agreement_id, *consult.agreement_version));
  MK_ASSIGN_OR_RETURN(std::optional<domain::Pool> pool, tx.agreements().FindPool(*consult.pool_id));
  if (!agreement || !pool) return MakeFact(ErrorCode::kInternal, "agreement_version_missing");
  domain::FeesEarned earned = domain::EarnedFees(*agreement, consult.content.mode,
                                                 consult.outcome->outcome,
                                                 consult.specialist_minutes);
  MK_ASSIGN_OR_RETURN(auto paid, tx.fees().PaidPerSide(consult.id));
  for (auto [side, amount] : domain::FeeDifferences(earned, paid.first, paid.second)) {
    domain::FeeLine line;
    line.consult_id = consult.id;
    line.consult_number = consult.number;
    line.organisation_id = side == domain::FeeSide::kGp ? consult.practice_id : pool->organisation_id;
    line.side = side;
    line.kind = correction_reason ? domain::FeeLineKind::kCorrection : domain::FeeLineKind::kFee;
    line.amount_cents = amount;
    line.reason = correction_reason;
    line.month = domain::FeeMonth(now);
    line.insurer_id = agreement->insurer_id;
    line.created_at = now;
    MK_RETURN_IF_ERROR(tx.fees().Add(line));
  }
  return Ok();
}

}  // namespace meekijk::service
