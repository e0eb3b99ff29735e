// Creating, reading and listing consults.
#include "service/consult_service.h"

#include <algorithm>

#include "domain/agreement.h"
#include "domain/calendar.h"
#include "domain/consult_number.h"
#include "domain/consult_validation.h"
#include "service/consult_detail.h"
#include "service/consult_frame.h"
#include "service/consult_routing.h"
#include "service/notifier.h"
#include "store/agreements.h"
#include "store/attachments.h"
#include "store/directory.h"
#include "store/notifications.h"

namespace meekijk::service {

using domain::Consult;
using domain::ConsultAction;
using domain::Role;

namespace {

int YearOf(TimePoint t) { return static_cast<int>(domain::AmsterdamDate(t).year()); }

// Where the caller may forward the consult: the other pools of its specialty, and mode, that the
// practice has an agreement with today.
Result<std::vector<PoolOption>> ForwardPools(store::Tx& tx, const Consult& consult, TimePoint now) {
  MK_ASSIGN_OR_RETURN(PracticeAgreements practice, AgreementsOfPractice(tx, consult.practice_id));
  std::string today = domain::AmsterdamIsoDate(now);
  std::vector<PoolOption> pools;
  for (const domain::Agreement& agreement : practice.agreements) {
    bool other = agreement.pool_id != consult.pool_id;
    bool listed = std::any_of(pools.begin(), pools.end(),
                              [&](const PoolOption& p) { return p.id == agreement.pool_id; });
    if (!other || listed ||
        !domain::AgreementCovers(agreement, practice.scope, consult.content.specialty,
                                 consult.content.mode, today)) {
      continue;
    }
    MK_ASSIGN_OR_RETURN(std::optional<PoolOption> pool, PoolOptionOf(tx, agreement.pool_id));
    if (pool) pools.push_back(std::move(*pool));
  }
  return pools;
}

// The specialists a coordinator may assign the consult to: the pool's active members.
Result<std::vector<NamedRef>> AssignableSpecialists(store::Tx& tx, const Consult& consult) {
  std::vector<NamedRef> out;
  if (!consult.pool_id) return out;
  MK_ASSIGN_OR_RETURN(std::vector<int64_t> members, tx.agreements().PoolMembers(*consult.pool_id));
  for (int64_t id : members) {
    MK_ASSIGN_OR_RETURN(std::optional<domain::User> user, tx.directory().FindUser(id));
    if (user && user->active) out.push_back({user->id, user->display_name});
  }
  return out;
}

store::ConsultFilter::Box StoreBox(Box box) {
  switch (box) {
    case Box::kOutbox:
      return store::ConsultFilter::Box::kOutbox;
    case Box::kInbox:
      return store::ConsultFilter::Box::kInbox;
    case Box::kPool:
      return store::ConsultFilter::Box::kPool;
    case Box::kCoordination:
      return store::ConsultFilter::Box::kCoordination;
  }
  return store::ConsultFilter::Box::kOutbox;
}

}  // namespace

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
  int year = YearOf(now);
  MK_RETURN_IF_ERROR(domain::ValidateConsultContent(request.content, year));
  return store::Transact<Consult>(
      database_, store::Access::kWrite, [&](store::Tx& tx) -> Result<Consult> {
        Consult consult;
        consult.status = domain::ConsultStatus::kDraft;
        consult.content = request.content;
        consult.practice_id = practices.front();
        consult.author_id = principal.user.id;
        consult.pool_id = request.pool_id;
        consult.specialist_id = request.specialist_id;
        consult.created_at = consult.updated_at = now;
        MK_RETURN_IF_ERROR(ValidateSpecialtyAndAddressee(tx, consult));
        MK_RETURN_IF_ERROR(BindTemplate(tx, now, consult));
        MK_ASSIGN_OR_RETURN(int64_t sequence,
                            tx.consults().NextInSequence(domain::ConsultNumberCounter(year)));
        consult.number = domain::FormatConsultNumber({year, sequence});
        if (request.send) {
          MK_RETURN_IF_ERROR(Route(tx, principal, now, consult));
          consult.status = consult.specialist_id ? domain::ConsultStatus::kClaimed
                                                 : domain::ConsultStatus::kSent;
        }
        MK_ASSIGN_OR_RETURN(consult.id, tx.consults().Insert(consult));
        MK_RETURN_IF_ERROR(access_log_.Record(tx, principal, role, "consult.create", consult));
        if (request.send) {
          MK_RETURN_IF_ERROR(access_log_.Record(tx, principal, role, "consult.send", consult));
          MK_RETURN_IF_ERROR(NotifyConsultEvent(tx, consult, domain::EventKind::kConsultSent,
                                                principal.user.id, now));
        }
        return consult;
      });
}

Result<Consult> ConsultService::UpdateDraft(const Principal& principal, int64_t consult_id,
                                            const NewConsult& request) {
  MK_RETURN_IF_ERROR(domain::ValidateConsultContent(request.content, YearOf(clock_.Now())));
  return OnConsult<Consult>(
      database_, access_log_, principal, consult_id, "consult.update",
      [&](store::Tx& tx, Consult& consult, Role role) -> Result<Consult> {
        MK_RETURN_IF_ERROR(domain::NextStatus(consult.status, ConsultAction::kEdit, role));
        consult.content = request.content;
        consult.pool_id = request.pool_id;
        consult.specialist_id = request.specialist_id;
        MK_RETURN_IF_ERROR(ValidateSpecialtyAndAddressee(tx, consult));
        MK_RETURN_IF_ERROR(BindTemplate(tx, clock_.Now(), consult));
        consult.updated_at = clock_.Now();
        MK_RETURN_IF_ERROR(tx.consults().Update(consult));
        ++consult.version;
        return consult;
      });
}

Result<std::string> ConsultService::ChangesFingerprint(const Principal& principal) {
  std::vector<int64_t> practices = principal.OrganisationsWithRole(Role::kGp);
  for (int64_t id : principal.OrganisationsWithRole(Role::kAssistant)) practices.push_back(id);
  std::vector<int64_t> pools;
  for (const domain::Pool& pool : principal.pools) pools.push_back(pool.id);
  return store::Transact<std::string>(database_, store::Access::kRead,
                                      [&](store::Tx& tx) -> Result<std::string> {
    MK_ASSIGN_OR_RETURN(std::string consults,
                        tx.consults().Fingerprint(practices, principal.user.id, pools));
    MK_ASSIGN_OR_RETURN(std::string told, tx.notifications().Fingerprint(principal.user.id));
    return consults + "-" + told;
  });
}

Result<ConsultDetail> ConsultService::Get(const Principal& principal, int64_t consult_id) {
  return ReadConsult<ConsultDetail>(
      database_, access_log_, principal, consult_id, "consult.read",
      [&](store::Tx& tx, Consult& consult, Role role) -> Result<ConsultDetail> {
        ConsultDetail detail;
        detail.consult = consult;
        detail.viewer_role = role;
        detail.allowed_actions = AllowedActions(principal, consult, role);
        if (!SeesPatientIdentity(principal, consult, role)) {
          domain::Patient& patient = detail.consult.content.patient;
          detail.patient_withheld = patient.name || patient.birth_date || patient.bsn;
          patient.name.reset();
          patient.birth_date.reset();
          patient.bsn.reset();
        }
        MK_RETURN_IF_ERROR(LoadConsultParts(tx, detail));
        if (domain::NextStatus(consult.status, ConsultAction::kForward, role).ok()) {
          MK_ASSIGN_OR_RETURN(detail.forward_pools, ForwardPools(tx, consult, clock_.Now()));
        }
        if (domain::NextStatus(consult.status, ConsultAction::kAssign, role).ok()) {
          MK_ASSIGN_OR_RETURN(detail.assign_specialists, AssignableSpecialists(tx, consult));
        }
        return detail;
      },
      [&](store::Tx& tx, const Consult& consult) -> Result<void> {
        // Opening the consult is reading what one was told of it; a system reading it through
        // an API client has not told the person anything.
        if (principal.api_client) return Ok();
        MK_RETURN_IF_ERROR(
            tx.notifications().MarkConsultRead(principal.user.id, consult.id, clock_.Now()));
        return Ok();
      });
}

Result<ConsultList> ConsultService::List(const Principal& principal, const ListQuery& query) {
  store::ConsultFilter filter;
  filter.box = StoreBox(query.box);
  filter.status = query.status;
  filter.specialty = query.specialty;
  filter.mode = query.mode;
  filter.text = query.text;
  filter.after = query.cursor;
  filter.limit = query.limit;
  filter.now = clock_.Now();
  Role role = Role::kSpecialist;
  if (query.box == Box::kCoordination) {
    role = Role::kCoordinator;
  } else if (query.box == Box::kOutbox) {
    role = principal.HasRole(Role::kGp) ? Role::kGp : Role::kAssistant;
    filter.practice_ids = principal.OrganisationsWithRole(role);
  } else {
    filter.specialist_id = principal.user.id;
    for (const domain::Pool& pool : principal.pools) filter.pool_ids.push_back(pool.id);
  }
  if (query.box == Box::kCoordination && !principal.HasRole(role)) {
    return MakeError(ErrorCode::kForbidden,
                     "Alleen coördinatoren van een ziekenhuis, ZBC of kaderartsengroep hebben dit "
                     "overzicht.",
                     "Only coordinators of a hospital, ZBC or kaderarts group have this overview.");
  }
  if (!principal.HasRole(role)) {
    return query.box == Box::kOutbox
               ? MakeError(ErrorCode::kForbidden,
                           "Alleen huisartsen en praktijkmedewerkers hebben een uitgaande lijst.",
                           "Only GPs and practice assistants have an outbox.")
               : MakeError(ErrorCode::kForbidden,
                           "Alleen specialisten hebben een inbox en een pool.",
                           "Only specialists have an inbox and a pool.");
  }
  // The page is read in a read transaction, beside other requests; only its access-log rows go
  // to the writer, durable before the page is answered.
  MK_ASSIGN_OR_RETURN(
      store::ConsultPage page,
      store::Transact<store::ConsultPage>(
          database_, store::Access::kRead, [&](store::Tx& tx) -> Result<store::ConsultPage> {
            if (query.box == Box::kCoordination) {
              // The pools of the organisations the caller coordinates (as RoleOnConsult grants).
              MK_ASSIGN_OR_RETURN(std::vector<domain::Pool> pools, tx.agreements().Pools());
              for (const domain::Pool& pool : pools) {
                if (principal.MembershipIn(pool.organisation_id, Role::kCoordinator)) {
                  filter.pool_ids.push_back(pool.id);
                }
              }
            }
            return tx.consults().List(filter);
          }));
  // A list shows patients too: one access-log row for every consult on the page.
  if (!page.items.empty()) {
    MK_RETURN_IF_ERROR(database_.Run(store::Access::kWrite, [&](store::Tx& tx) {
      return access_log_.RecordEach(tx, principal, role, "consult.list", page.items);
    }));
  }
  return ConsultList{std::move(page.items), std::move(page.next_cursor)};
}

}  // namespace meekijk::service
