// Checking a consult's addressee and routing it under an agreement.
#include "service/consult_routing.h"

#include "domain/agreement.h"
#include "domain/calendar.h"
#include "domain/consult_validation.h"
#include "domain/working_days.h"
#include "service/consult_access.h"
#include "store/agreements.h"
#include "store/attachments.h"
#include "store/templates.h"
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

namespace {

Result<domain::Agreement> AgreementFor(store::Tx& tx, TimePoint now,
                                       const domain::Consult& consult) {
  MK_ASSIGN_OR_RETURN(PracticeAgreements practice, AgreementsOfPractice(tx, consult.practice_id));
  return domain::SelectAgreement(practice.agreements, practice.scope, consult.content.specialty,
                                 consult.content.mode, domain::AmsterdamIsoDate(now),
                                 consult.pool_id);
}

// The template version the consult's answers are written to under `agreement`, bound anew when
// the agreement asks another template (or none) than the consult held; checks the answers.
Result<void> BindTemplateOf(store::Tx& tx, const domain::Agreement& agreement, bool ready_to_send,
                            domain::Consult& consult) {
  if (!agreement.template_id) {
    consult.template_ref.reset();
    if (consult.content.template_answers.empty()) return Ok();
    return MakeError(ErrorCode::kInvalidArgument,
                     "Voor deze afspraak hoort geen vragenlijst; laat de antwoorden weg.",
                     "This agreement has no question template; leave out the answers.",
                     "template_answers");
  }
  std::optional<domain::QuestionTemplate> version;
  if (consult.template_ref && consult.template_ref->id == *agreement.template_id) {
    MK_ASSIGN_OR_RETURN(version, tx.templates().FindVersion(consult.template_ref->id,
                                                            consult.template_ref->version));
  } else {
    MK_ASSIGN_OR_RETURN(version, tx.templates().Find(*agreement.template_id));
  }
  if (!version) return MakeFact(ErrorCode::kInternal, "template_missing");
  // A blank answer is no answer: it is not kept (and so never read back as 0 or "no").
  std::erase_if(consult.content.template_answers, [](const domain::TemplateAnswer& answer) {
    return answer.value.find_first_not_of(" \t\r\n") == std::string::npos;
  });
  consult.template_ref = domain::TemplateRef{version->id, version->version};
  size_t attachments = 0;
  if (ready_to_send && consult.id != 0) {
    MK_ASSIGN_OR_RETURN(auto files, tx.attachments().OfConsult(consult.id));
    attachments = files.size();
  }
  return domain::ValidateTemplateAnswers(*version, consult.content.template_answers, ready_to_send,
                                         attachments);
}

}  // namespace

Result<void> BindTemplate(store::Tx& tx, TimePoint now, domain::Consult& consult) {
  MK_ASSIGN_OR_RETURN(domain::Agreement agreement, AgreementFor(tx, now, consult));
  return BindTemplateOf(tx, agreement, false, consult);
}

Result<void> Route(store::Tx& tx, const Principal& principal, TimePoint now,
                   domain::Consult& consult) {
  MK_RETURN_IF_ERROR(domain::ValidateConsultContent(
      consult.content, static_cast<int>(domain::AmsterdamDate(now).year())));
  MK_RETURN_IF_ERROR(domain::ValidateReadyToSend(consult.content));
  MK_ASSIGN_OR_RETURN(domain::Agreement agreement, AgreementFor(tx, now, consult));
  MK_RETURN_IF_ERROR(domain::ValidateIdentification(agreement, consult.content.patient));
  if (consult.specialist_id && !agreement.named_specialist_allowed) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Volgens de afspraak met deze pool kiest de pool zelf wie antwoordt; noem "
                     "geen specialist.",
                     "Under the agreement with this pool the pool chooses who answers; name no "
                     "specialist.",
                     "specialist_id");
  }
  MK_RETURN_IF_ERROR(BindTemplateOf(tx, agreement, true, consult));
  consult.pool_id = agreement.pool_id;
  consult.agreement_id = agreement.id;
  consult.agreement_version = agreement.version;
  consult.sender_id = principal.user.id;
  consult.sent_at = now;
  consult.due_at = domain::AddWorkingDays(now, agreement.response_days, agreement.days_off,
                                         agreement.office_hours);
  return Ok();
}

}  // namespace meekijk::service
