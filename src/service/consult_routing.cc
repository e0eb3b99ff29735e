// Checking a consult's addressee and routing it under an agreement.
#include "service/consult_routing.h"

#include "domain/agreement.h"
#include "domain/calendar.h"
#include "domain/consult_validation.h"
#include "domain/working_days.h"
#include "service/consult_access.h"
#include "store/agreements.h"
#include "store/tx.h"

namespace meekijk::service {

Result<void> ValidateSpecialtyAndAddressee(store::Tx& tx, domain::Consult& consult) {
  MK_ASSIGN_OR_RETURN(std::vector<domain::Specialty> specialties, tx.agreements().Specialties());
  bool known = false;
  for (const domain::Specialty& specialty : specialties)
    known |= specialty.code == consult.content.specialty;
  if (!known) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Onbekend specialisme „" + consult.content.specialty + "”.",
                     "Unknown specialty \"" + consult.content.specialty + "\".", "specialty");
  }
  if (consult.pool_id) {
    MK_ASSIGN_OR_RETURN(std::optional<domain::Pool> pool,
                        tx.agreements().FindPool(*consult.pool_id));
    if (!pool || pool->specialty != consult.content.specialty) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "Deze pool beantwoordt geen vragen voor dit specialisme.",
                       "This pool does not answer consults for this specialty.", "pool_id");
    }
  }
  if (!consult.specialist_id) return Ok();
  MK_ASSIGN_OR_RETURN(std::vector<domain::Pool> pools,
                      tx.agreements().PoolsOfMember(*consult.specialist_id));
  for (const domain::Pool& pool : pools) {
    if (pool.specialty != consult.content.specialty) continue;
    if (consult.pool_id && *consult.pool_id != pool.id) continue;
    consult.pool_id = pool.id;
    return Ok();
  }
  return MakeError(ErrorCode::kInvalidArgument,
                   "Deze specialist beantwoordt geen vragen voor dit specialisme.",
                   "This specialist does not answer consults for this specialty.", "specialist_id");
}

Result<void> Route(store::Tx& tx, const Principal& principal, TimePoint now,
                   domain::Consult& consult) {
  MK_RETURN_IF_ERROR(domain::ValidateConsultContent(
      consult.content, static_cast<int>(domain::AmsterdamDate(now).year())));
  MK_RETURN_IF_ERROR(domain::ValidateReadyToSend(consult.content));
  MK_ASSIGN_OR_RETURN(PracticeAgreements practice, AgreementsOfPractice(tx, consult.practice_id));
  MK_ASSIGN_OR_RETURN(domain::Agreement agreement,
                      domain::SelectAgreement(practice.agreements, practice.scope,
                                              consult.content.specialty, consult.content.mode,
                                              domain::AmsterdamIsoDate(now), consult.pool_id));
  MK_RETURN_IF_ERROR(domain::ValidateIdentification(agreement, consult.content.patient));
  consult.pool_id = agreement.pool_id;
  consult.agreement_id = agreement.id;
  consult.sender_id = principal.user.id;
  consult.sent_at = now;
  consult.due_at = domain::AddWorkingDays(now, agreement.response_days);
  return Ok();
}

}  // namespace meekijk::service
