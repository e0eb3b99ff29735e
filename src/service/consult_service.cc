// Creating, reading and listing consults, and the transaction frame every consult use case uses.
#include "service/consult_service.h"

#include <algorithm>

#include "domain/agreement.h"
#include "domain/consult_number.h"
#include "domain/consult_validation.h"
#include "domain/working_days.h"
#include "service/calendar.h"
#include "service/consult_access.h"
#include "store/tx.h"

namespace meekijk::service {

using domain::Consult;
using domain::ConsultAction;
using domain::Role;

template <typename T>
Result<T> ConsultService::OnConsult(const Principal& principal, int64_t consult_id,
                                    std::string_view action, const ConsultWork<T>& work) {
  std::optional<T> out;
  std::optional<Role> role;
  std::string patient_ref;
  Result<void> done = database_.Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
    MK_ASSIGN_OR_RETURN(std::optional<Consult> consult, tx.FindConsult(consult_id));
    if (!consult) return ConsultNotFound();
    patient_ref = consult->number;
    MK_ASSIGN_OR_RETURN(role, RoleOnConsult(tx, principal, *consult));
    MK_ASSIGN_OR_RETURN(T value, work(tx, *consult, *role));
    MK_RETURN_IF_ERROR(access_log_.Record(tx, principal, *role, action, *consult));
    out.emplace(std::move(value));
    return Ok();
  });
  if (!done.ok()) {
    access_log_.RecordRefusal(principal, role, action, consult_id, patient_ref, done.error());
    return done.error();
  }
  return std::move(*out);
}

Result<Consult> ConsultService::Transition(const Principal& principal, int64_t consult_id,
                                           ConsultAction action,
                                           const ConsultWork<std::monostate>& apply) {
  std::string log_action = "consult." + std::string(domain::Name(action));
  return OnConsult<Consult>(principal, consult_id, log_action,
                            [&](store::Tx& tx, Consult& consult, Role role) -> Result<Consult> {
    domain::Addressee addressee = consult.specialist_id ? domain::Addressee::kNamedSpecialist
                                                        : domain::Addressee::kPool;
    MK_ASSIGN_OR_RETURN(domain::ConsultStatus next,
                        domain::NextStatus(consult.status, action, role, addressee));
    MK_RETURN_IF_ERROR(apply(tx, consult, role));
    consult.status = next;
    consult.updated_at = clock_.Now();
    MK_RETURN_IF_ERROR(tx.UpdateConsult(consult));
    ++consult.version;
    return consult;
  });
}

Result<void> ConsultService::Route(store::Tx& tx, const Principal& principal, Consult& consult) {
  MK_RETURN_IF_ERROR(domain::ValidateConsultContent(
      consult.content, static_cast<int>(AmsterdamDate(clock_.Now()).year())));
  MK_RETURN_IF_ERROR(domain::ValidateReadyToSend(consult.content));
  MK_ASSIGN_OR_RETURN(PracticeAgreements practice, AgreementsOfPractice(tx, consult.practice_id));
  TimePoint now = clock_.Now();
  MK_ASSIGN_OR_RETURN(domain::Agreement agreement,
                      domain::SelectAgreement(practice.agreements, practice.scope,
                                              consult.content.specialty,
                                              consult.content.mode, AmsterdamIsoDate(now),
                                              consult.pool_id));
  MK_RETURN_IF_ERROR(domain::ValidateIdentification(agreement, consult.content.patient));
  consult.pool_id = agreement.pool_id;
  consult.agreement_id = agreement.id;
  consult.sender_id = principal.user.id;
  consult.sent_at = now;
  consult.due_at = domain::AddWorkingDays(now, agreement.response_days);
  return Ok();
}

Result<Consult> ConsultService::Create(const Principal& principal, const NewConsult& request) {
  std::vector<int64_t> practices = principal.OrganisationsWithRole(Role::kGp);
  Role role = Role::kGp;
  if (practices.empty()) {
    practices = principal.OrganisationsWithRole(Role::kAssistant);
    role = Role::kAssistant;
  }
  if (practices.empty()) {
    return MakeError(ErrorCode::kForbidden,
                     "Alleen huisartsen en praktijkmedewerkers maken consultaties aan.",
                     "Only GPs and practice assistants create consults.");
  }
  if (request.send && role != Role::kGp) {
    return domain::NextStatus(domain::ConsultStatus::kDraft, ConsultAction::kSend, role).error();
  }
  if (request.practice_id) {
    if (std::find(practices.begin(), practices.end(), *request.practice_id) == practices.end()) {
      return MakeError(ErrorCode::kInvalidArgument, "U werkt niet in deze praktijk.",
                       "You do not work in this practice.", "practice_id");
    }
    practices = {*request.practice_id};
  } else if (practices.size() > 1) {
    // Filing it under the wrong practice would show the patient to that practice's staff.
    return MakeError(ErrorCode::kInvalidArgument,
                     "U werkt in meer dan één praktijk: kies voor welke praktijk dit consult is.",
                     "You work in more than one practice: choose which one this consult is for.",
                     "practice_id");
  }
  TimePoint now = clock_.Now();
  int year = static_cast<int>(AmsterdamDate(now).year());
  MK_RETURN_IF_ERROR(domain::ValidateConsultContent(request.content, year));
  return store::Transact<Consult>(database_, store::Access::kWrite,
                                  [&](store::Tx& tx) -> Result<Consult> {
    Consult consult;
    consult.status = domain::ConsultStatus::kDraft;
    consult.content = request.content;
    consult.practice_id = practices.front();
    consult.author_id = principal.user.id;
    consult.pool_id = request.pool_id;
    consult.specialist_id = request.specialist_id;
    consult.created_at = consult.updated_at = now;
    MK_RETURN_IF_ERROR(ValidateSpecialtyAndAddressee(tx, consult));
    MK_ASSIGN_OR_RETURN(int64_t sequence, tx.NextCounter(domain::ConsultNumberCounter(year)));
    consult.number = domain::FormatConsultNumber({year, sequence});
    if (request.send) {
      MK_RETURN_IF_ERROR(Route(tx, principal, consult));
      consult.status = consult.specialist_id ? domain::ConsultStatus::kClaimed
                                             : domain::ConsultStatus::kSent;
    }
    MK_ASSIGN_OR_RETURN(consult.id, tx.InsertConsult(consult));
    MK_RETURN_IF_ERROR(access_log_.Record(tx, principal, role, "consult.create", consult));
    if (request.send) MK_RETURN_IF_ERROR(access_log_.Record(tx, principal, role, "consult.send", consult));
    return consult;
  });
}

Result<Consult> ConsultService::UpdateDraft(const Principal& principal, int64_t consult_id,
                                           const NewConsult& request) {
  MK_RETURN_IF_ERROR(domain::ValidateConsultContent(
      request.content, static_cast<int>(AmsterdamDate(clock_.Now()).year())));
  return OnConsult<Consult>(principal, consult_id, "consult.update",
                            [&](store::Tx& tx, Consult& consult, Role role) -> Result<Consult> {
    if (role != Role::kGp && role != Role::kAssistant) {
      return MakeError(ErrorCode::kForbidden, "Alleen de praktijk wijzigt een concept.",
                       "Only the practice changes a draft.");
    }
    if (consult.status != domain::ConsultStatus::kDraft) {
      return MakeError(ErrorCode::kConflict,
                       "Deze consultatie is geen concept meer en kan niet meer worden gewijzigd.",
                       "This consult is no longer a draft and cannot be changed.");
    }
    consult.content = request.content;
    consult.pool_id = request.pool_id;
    consult.specialist_id = request.specialist_id;
    MK_RETURN_IF_ERROR(ValidateSpecialtyAndAddressee(tx, consult));
    consult.updated_at = clock_.Now();
    MK_RETURN_IF_ERROR(tx.UpdateConsult(consult));
    ++consult.version;
    return consult;
  });
}

Result<std::string> ConsultService::ChangesFingerprint(const Principal& principal) {
  std::vector<int64_t> practices = principal.OrganisationsWithRole(Role::kGp);
  for (int64_t id : principal.OrganisationsWithRole(Role::kAssistant)) practices.push_back(id);
  std::vector<int64_t> pools;
  for (const domain::Pool& pool : principal.pools) pools.push_back(pool.id);
  return store::Transact<std::string>(database_, store::Access::kRead, [&](store::Tx& tx) {
    return tx.ConsultFingerprint(practices, principal.user.id, pools);
  });
}

Result<ConsultDetail> ConsultService::Get(const Principal& principal, int64_t consult_id) {
  return OnConsult<ConsultDetail>(principal, consult_id, "consult.read",
                                  [&](store::Tx& tx, Consult& consult,
                                      Role role) -> Result<ConsultDetail> {
    ConsultDetail detail;
    detail.consult = consult;
    detail.viewer_role = role;
    if (!SeesPatientIdentity(principal, consult, role)) {
      domain::Patient& patient = detail.consult.content.patient;
      detail.patient_withheld = patient.name || patient.birth_date || patient.bsn;
      patient.name.reset();
      patient.birth_date.reset();
      patient.bsn.reset();
    }
    MK_ASSIGN_OR_RETURN(detail.thread, tx.ListMessages(consult.id));
    MK_ASSIGN_OR_RETURN(detail.attachments, tx.ListAttachments(consult.id));
    MK_ASSIGN_OR_RETURN(auto practice, tx.FindOrganisation(consult.practice_id));
    if (practice) detail.practice_name = practice->name;
    if (consult.pool_id) {
      MK_ASSIGN_OR_RETURN(auto pool, tx.FindPool(*consult.pool_id));
      if (pool) detail.pool_name = pool->name;
    }
    if (consult.specialist_id) {
      MK_ASSIGN_OR_RETURN(auto specialist, tx.FindUser(*consult.specialist_id));
      if (specialist) detail.specialist_name = specialist->display_name;
    }
    if (domain::NextStatus(consult.status, ConsultAction::kForward, role).ok()) {
      MK_ASSIGN_OR_RETURN(detail.forward_pools, ForwardPools(tx, consult));
    }
    return detail;
  });
}

Result<std::vector<PoolOption>> ConsultService::ForwardPools(store::Tx& tx, const Consult& consult) {
  MK_ASSIGN_OR_RETURN(PracticeAgreements practice, AgreementsOfPractice(tx, consult.practice_id));
  std::string today = AmsterdamIsoDate(clock_.Now());
  std::vector<PoolOption> pools;
  for (const domain::Agreement& agreement : practice.agreements) {
    bool other = agreement.pool_id != consult.pool_id;
    bool listed = std::any_of(pools.begin(), pools.end(),
                              [&](const PoolOption& p) { return p.id == agreement.pool_id; });
    if (!other || listed || !domain::AgreementCovers(agreement, practice.scope,
                                                     consult.content.specialty,
                                                     consult.content.mode, today)) {
      continue;
    }
    MK_ASSIGN_OR_RETURN(auto pool, tx.FindPool(agreement.pool_id));
    if (!pool) continue;  // the foreign key makes this impossible; never read an empty optional
    MK_ASSIGN_OR_RETURN(auto organisation, tx.FindOrganisation(pool->organisation_id));
    pools.push_back({pool->id, pool->name, organisation ? organisation->name : ""});
  }
  return pools;
}

Result<store::ConsultPage> ConsultService::List(const Principal& principal,
                                                const ListQuery& query) {
  store::ConsultFilter filter;
  filter.box = query.box;
  filter.status = query.status;
  filter.specialty = query.specialty;
  filter.text = query.text;
  filter.after = query.cursor;
  filter.limit = query.limit;
  Role role = Role::kSpecialist;
  if (query.box == store::ConsultFilter::Box::kOutbox) {
    role = principal.HasRole(Role::kGp) ? Role::kGp : Role::kAssistant;
    filter.practice_ids = principal.OrganisationsWithRole(role);
  } else {
    filter.specialist_id = principal.user.id;
    for (const domain::Pool& pool : principal.pools) filter.pool_ids.push_back(pool.id);
  }
  if (!principal.HasRole(role)) {
    return MakeError(ErrorCode::kForbidden,
                     query.box == store::ConsultFilter::Box::kOutbox
                         ? "Alleen huisartsen en praktijkmedewerkers hebben een uitgaande lijst."
                         : "Alleen specialisten hebben een inbox en een pool.",
                     query.box == store::ConsultFilter::Box::kOutbox
                         ? "Only GPs and practice assistants have an outbox."
                         : "Only specialists have an inbox and a pool.");
  }
  return store::Transact<store::ConsultPage>(database_, store::Access::kWrite,
                                             [&](store::Tx& tx) -> Result<store::ConsultPage> {
    MK_ASSIGN_OR_RETURN(store::ConsultPage page, tx.ListConsults(filter));
    // A list shows patients too: one access-log row for every consult on the page.
    for (const Consult& consult : page.items) {
      MK_RETURN_IF_ERROR(access_log_.Record(tx, principal, role, "consult.list", consult));
    }
    return page;
  });
}

Result<void> ConsultService::ValidateSpecialtyAndAddressee(store::Tx& tx, Consult& consult) {
  MK_ASSIGN_OR_RETURN(std::vector<domain::Specialty> specialties, tx.ListSpecialties());
  bool known = false;
  for (const domain::Specialty& specialty : specialties) known |= specialty.code == consult.content.specialty;
  if (!known) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Onbekend specialisme „" + consult.content.specialty + "”.",
                     "Unknown specialty \"" + consult.content.specialty + "\".", "specialty");
  }
  if (consult.pool_id) {
    MK_ASSIGN_OR_RETURN(std::optional<domain::Pool> pool, tx.FindPool(*consult.pool_id));
    if (!pool || pool->specialty != consult.content.specialty) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "Deze pool beantwoordt geen vragen voor dit specialisme.",
                       "This pool does not answer consults for this specialty.", "pool_id");
    }
  }
  if (!consult.specialist_id) return Ok();
  MK_ASSIGN_OR_RETURN(std::vector<domain::Pool> pools, tx.ListPoolsOfMember(*consult.specialist_id));
  for (const domain::Pool& pool : pools) {
    if (pool.specialty != consult.content.specialty) continue;
    if (consult.pool_id && *consult.pool_id != pool.id) continue;
    consult.pool_id = pool.id;
    return Ok();
  }
  return MakeError(ErrorCode::kInvalidArgument,
                   "Deze specialist beantwoordt geen vragen voor dit specialisme.",
                   "This specialist does not answer consults for this specialty.",
                   "specialist_id");
}

// The use cases in consult_actions.cc and consult_attachments.cc share OnConsult.
template Result<Consult> ConsultService::OnConsult<Consult>(const Principal&, int64_t,
                                                            std::string_view,
                                                            const ConsultWork<Consult>&);
template Result<store::AttachmentRecord> ConsultService::OnConsult<store::AttachmentRecord>(
    const Principal&, int64_t, std::string_view, const ConsultWork<store::AttachmentRecord>&);
template Result<StoredFile> ConsultService::OnConsult<StoredFile>(
    const Principal&, int64_t, std::string_view, const ConsultWork<StoredFile>&);

}  // namespace meekijk::service
