// Fee lines of a closed consult: see fee_settlement.h.
#include "service/fee_settlement.h"

#include "domain/agreement.h"
#include "domain/calendar.h"
#include "domain/directory.h"
#include "domain/fee_line.h"
#include "store/agreements.h"
#include "store/directory.h"
#include "store/fees.h"
#include "store/tx.h"

namespace meekijk::service {

Result<void> SettleFees(store::Tx& tx, const domain::Consult& consult, TimePoint now,
                        const std::optional<std::string>& correction_reason) {
  // Only a consult that was answered (not declined), closed and sent under an agreement earns
  // anything: a declined consult never became a meekijkconsult.
  if (!consult.outcome || !consult.advice || !consult.agreement_id || !consult.agreement_version ||
      !consult.pool_id) {
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
  // What the insurer pays on, kept with the line as it is today.
  MK_ASSIGN_OR_RETURN(std::optional<domain::Organisation> practice,
                      tx.directory().FindOrganisation(consult.practice_id));
  std::optional<std::string> specialist_agb;
  if (consult.specialist_id) {
    MK_ASSIGN_OR_RETURN(std::optional<domain::User> specialist,
                        tx.directory().FindUser(*consult.specialist_id));
    if (specialist) specialist_agb = specialist->agb;
  }
  std::optional<std::string> vektis_code;
  MK_ASSIGN_OR_RETURN(std::vector<domain::Specialty> specialties, tx.agreements().Specialties());
  for (const domain::Specialty& s : specialties) {
    if (s.code == consult.content.specialty) vektis_code = s.vektis_code;
  }
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
    line.mode = consult.content.mode;
    line.specialty = consult.content.specialty;
    line.vektis_code = vektis_code;
    line.practice_agb = practice ? practice->agb : std::nullopt;
    line.specialist_agb = specialist_agb;
    line.performed_on = domain::AmsterdamIsoDate(consult.outcome->closed_at);
    line.minutes = side == domain::FeeSide::kSpecialist ? consult.specialist_minutes : 0;
    line.created_at = now;
    MK_RETURN_IF_ERROR(tx.fees().Add(line));
  }
  return Ok();
}

}  // namespace meekijk::service
