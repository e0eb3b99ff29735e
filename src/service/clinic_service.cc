// Planning clinic sessions: listing, one-off and recurring plans, moving and cancelling.
#include "service/clinic_service.h"

#include <algorithm>
#include <chrono>

#include "domain/agreement.h"
#include "domain/calendar.h"
#include "service/clinic_views.h"
#include "store/agreements.h"
#include "store/database.h"
#include "store/directory.h"

namespace meekijk::service {
namespace {

using domain::ClinicSession;
using domain::Role;

Error Invalid(std::string nl, std::string en, std::string field) {
  return MakeError(ErrorCode::kInvalidArgument, std::move(nl), std::move(en), std::move(field));
}

bool Overlaps(const ClinicSession& a, const ClinicSession& b) {
  return a.day == b.day && a.starts_minute < b.ends_minute() && b.starts_minute < a.ends_minute();
}

// The specialist holds no other planned session at the same time.
Result<void> CheckFree(store::Tx& tx, const ClinicSession& session) {
  MK_RETURN_IF_ERROR(tx.clinic().LockSpecialist(session.specialist_id));
  MK_ASSIGN_OR_RETURN(std::vector<ClinicSession> that_day,
                      tx.clinic().SessionsBetween(session.day, session.day));
  for (const ClinicSession& other : that_day) {
    if (other.id != session.id && other.specialist_id == session.specialist_id &&
        other.status == domain::SessionStatus::kPlanned && Overlaps(other, session)) {
      return MakeError(ErrorCode::kConflict,
                       "De specialist heeft op " + session.day + " dan al een spreekuur.",
                       "The specialist already holds a session then on " + session.day + ".");
    }
  }
  return Ok();
}

// Whether the agreement covers the practice: it names the practice or its care group.
bool AgreementCoversPractice(const domain::Agreement& agreement,
                             const domain::Organisation& practice) {
  const std::vector<int64_t>& ids = agreement.gp_organisation_ids;
  return std::find(ids.begin(), ids.end(), practice.id) != ids.end() ||
         (practice.parent_id && std::find(ids.begin(), ids.end(), *practice.parent_id) != ids.end());
}

// The practices a session serves: those asked for, or the agreement's one practice.
Result<std::vector<int64_t>> ServedPractices(const ClinicContext& context,
                                             const domain::Agreement& agreement,
                                             std::vector<int64_t> asked) {
  if (asked.empty()) {
    for (int64_t id : agreement.gp_organisation_ids) {
      auto it = context.organisations.find(id);
      if (it != context.organisations.end() && it->second.kind == domain::OrgKind::kGpPractice) {
        asked.push_back(id);
      }
    }
    if (asked.size() != 1) {
      return Invalid("Kies de praktijk(en) waarvan patiënten op dit spreekuur komen.",
                     "Choose the practice(s) whose patients come to this session.",
                     "practice_ids");
    }
  }
  std::sort(asked.begin(), asked.end());
  asked.erase(std::unique(asked.begin(), asked.end()), asked.end());
  for (int64_t id : asked) {
    auto it = context.organisations.find(id);
    if (it == context.organisations.end() || it->second.kind != domain::OrgKind::kGpPractice ||
        !AgreementCoversPractice(agreement, it->second)) {
      return Invalid("Praktijk " + std::to_string(id) + " valt niet onder deze afspraak.",
                     "Practice " + std::to_string(id) + " is not covered by this agreement.",
                     "practice_ids");
    }
  }
  return asked;
}

// A session the caller keeps and that still takes place: what moving and cancelling start from.
// One that has been keeps its record (who came) as it was.
Result<ClinicSession> KeptPlannedSession(store::Tx& tx, const ClinicContext& context,
                                         int64_t session_id, const std::string& today) {
  MK_ASSIGN_OR_RETURN(SeenSession seen, FindSeenSession(tx, context, session_id));
  if (!seen.relation.keeps) {
    return MakeError(ErrorCode::kForbidden, "U coördineert dit spreekuur niet.",
                     "You do not coordinate this session.");
  }
  if (seen.session.status != domain::SessionStatus::kPlanned) {
    return MakeError(ErrorCode::kConflict, "Dit spreekuur is vervallen.",
                     "This session is cancelled.");
  }
  if (seen.session.day < today) {
    return MakeError(ErrorCode::kConflict, "Dit spreekuur is al geweest.",
                     "This session has already taken place.");
  }
  return std::move(seen.session);
}

}  // namespace

Result<void> ClinicService::RequireCoordinator(const Principal& principal) {
  if (principal.HasRole(Role::kCoordinator) || principal.HasRole(Role::kAdmin)) return Ok();
  return MakeError(ErrorCode::kForbidden,
                   "Alleen coördinatoren plannen en wijzigen meekijkspreekuren.",
                   "Only coordinators plan and change physical sessions.");
}

Result<std::vector<ClinicSessionView>> ClinicService::Sessions(const Principal& principal,
                                                               std::string from_day,
                                                               std::string to_day) {
  if (from_day.empty() && to_day.empty()) {
    std::chrono::sys_days today(domain::AmsterdamDate(clock_.Now()));
    from_day = domain::IsoDay(std::chrono::year_month_day(today));
    to_day = domain::IsoDay(
        std::chrono::year_month_day(today + std::chrono::days(kDefaultListDays)));
  }
  std::optional<std::chrono::year_month_day> from = domain::ParseIsoDay(from_day);
  std::optional<std::chrono::year_month_day> to = domain::ParseIsoDay(to_day);
  if (!from) return Invalid("Geef ‘from’ als JJJJ-MM-DD.", "Give ‘from’ as YYYY-MM-DD.", "from");
  if (!to || std::chrono::sys_days(*to) < std::chrono::sys_days(*from) ||
      std::chrono::sys_days(*to) - std::chrono::sys_days(*from) >
          std::chrono::days(kMaxListDays)) {
    return Invalid("Geef ‘to’ als JJJJ-MM-DD, op of na ‘from’ en hoogstens een jaar later.",
                   "Give ‘to’ as YYYY-MM-DD, on or after ‘from’ and at most a year later.", "to");
  }
  return store::Transact<std::vector<ClinicSessionView>>(
      database_, store::Access::kRead,
      [&](store::Tx& tx) -> Result<std::vector<ClinicSessionView>> {
        MK_ASSIGN_OR_RETURN(ClinicContext context, ClinicContext::Load(tx, principal));
        MK_ASSIGN_OR_RETURN(std::vector<ClinicSession> sessions,
                            tx.clinic().SessionsBetween(from_day, to_day));
        std::vector<ClinicSessionView> views;
        for (const ClinicSession& session : sessions) {
          MK_ASSIGN_OR_RETURN(std::optional<domain::Pool> pool,
                              tx.agreements().FindPool(session.pool_id));
          if (!pool || !context.RelationTo(session, pool->organisation_id).sees()) continue;
          MK_ASSIGN_OR_RETURN(ClinicSessionView view, ViewSession(tx, context, session, false));
          views.push_back(std::move(view));
        }
        return views;
      });
}

Result<ClinicSessionView> ClinicService::Session(const Principal& principal, int64_t session_id) {
  return store::Transact<ClinicSessionView>(
      database_, store::Access::kRead, [&](store::Tx& tx) -> Result<ClinicSessionView> {
        MK_ASSIGN_OR_RETURN(ClinicContext context, ClinicContext::Load(tx, principal));
        MK_ASSIGN_OR_RETURN(SeenSession seen, FindSeenSession(tx, context, session_id));
        return ViewSession(tx, context, seen.session, true);
      });
}

Result<PlannedSessions> ClinicService::Plan(const Principal& principal,
                                            const NewClinicSession& request) {
  MK_RETURN_IF_ERROR(RequireCoordinator(principal));
  TimePoint now = clock_.Now();
  std::string today = domain::AmsterdamIsoDate(now);
  return store::Transact<PlannedSessions>(
      database_, store::Access::kWrite, [&](store::Tx& tx) -> Result<PlannedSessions> {
        MK_ASSIGN_OR_RETURN(ClinicContext context, ClinicContext::Load(tx, principal));
        MK_ASSIGN_OR_RETURN(std::optional<domain::Agreement> agreement,
                            tx.agreements().Find(request.agreement_id));
        std::optional<domain::Pool> pool;
        if (agreement) {
          MK_ASSIGN_OR_RETURN(pool, tx.agreements().FindPool(agreement->pool_id));
        }
        bool sees = pool && (context.reach.Covers(pool->organisation_id) ||
                             std::any_of(agreement->gp_organisation_ids.begin(),
                                         agreement->gp_organisation_ids.end(),
                                         [&](int64_t id) { return context.reach.Covers(id); }));
        if (!sees) {
          return Invalid("Kies een samenwerkingsafspraak die u beheert.",
                         "Choose an agreement you keep.", "agreement_id");
        }
        if (std::find(agreement->modes.begin(), agreement->modes.end(),
                      domain::ConsultMode::kPhysical) == agreement->modes.end()) {
          return Invalid("Deze afspraak kent geen fysiek meekijkconsult.",
                         "This agreement has no physical consults.", "agreement_id");
        }
        MK_ASSIGN_OR_RETURN(std::vector<int64_t> members, tx.agreements().PoolMembers(pool->id));
        MK_ASSIGN_OR_RETURN(std::optional<domain::User> specialist,
                            tx.directory().FindUser(request.specialist_id));
        if (!specialist || !specialist->active ||
            std::find(members.begin(), members.end(), request.specialist_id) == members.end()) {
          return Invalid("Kies een specialist of kaderhuisarts van de pool van deze afspraak.",
                         "Choose a specialist or GP with a special interest of the agreement's pool.",
                         "specialist_id");
        }
        ClinicSession session;
        session.agreement_id = agreement->id;
        session.pool_id = pool->id;
        session.specialist_id = request.specialist_id;
        MK_ASSIGN_OR_RETURN(session.practice_ids,
                            ServedPractices(context, *agreement, request.practice_ids));
        bool keeps = context.reach.Covers(pool->organisation_id) ||
                     std::all_of(session.practice_ids.begin(), session.practice_ids.end(),
                                 [&](int64_t id) { return context.reach.Covers(id); });
        if (!keeps) {
          return MakeError(ErrorCode::kForbidden,
                           "U coördineert de pool noch elk van deze praktijken.",
                           "You coordinate neither the pool nor each of these practices.");
        }
        session.location = request.location;
        session.day = request.day;
        session.starts_minute = request.starts_minute;
        session.slot_minutes = agreement->slot_minutes;
        session.slot_count = domain::SlotCountBetween(request.starts_minute, request.ends_minute,
                                                      agreement->slot_minutes);
        session.created_by = principal.user.id;
        MK_RETURN_IF_ERROR(domain::ValidateSession(session, today, request.repeat));

        PlannedSessions planned;
        std::vector<std::chrono::year_month_day> skipped;
        std::vector<std::chrono::year_month_day> days = domain::SeriesDays(
            *domain::ParseIsoDay(session.day), request.repeat.value_or(domain::Recurrence{}),
            &skipped);
        for (const auto& day : skipped) planned.skipped_days.push_back(domain::IsoDay(day));
        std::optional<int64_t> series;
        for (const auto& day : days) {
          ClinicSession occurrence = session;
          occurrence.day = domain::IsoDay(day);
          if (!domain::AgreementInForce(*agreement, occurrence.day)) {
            planned.skipped_days.push_back(occurrence.day);
            continue;
          }
          MK_RETURN_IF_ERROR(CheckFree(tx, occurrence));
          occurrence.series_id = series;
          MK_ASSIGN_OR_RETURN(occurrence.id, tx.clinic().InsertSession(occurrence, now));
          if (request.repeat && !series) {
            series = occurrence.id;
            MK_RETURN_IF_ERROR(tx.clinic().SetSeries(occurrence.id, occurrence.id));
          }
          MK_ASSIGN_OR_RETURN(std::optional<ClinicSession> stored,
                              tx.clinic().FindSession(occurrence.id));
          MK_ASSIGN_OR_RETURN(ClinicSessionView view, ViewSession(tx, context, *stored, false));
          planned.sessions.push_back(std::move(view));
        }
        if (planned.sessions.empty()) {
          return Invalid("Geen van deze dagen valt binnen de looptijd van de afspraak.",
                         "None of these days lies within the agreement's period.", "day");
        }
        std::sort(planned.skipped_days.begin(), planned.skipped_days.end());
        return planned;
      });
}

Result<ClinicSessionView> ClinicService::Change(const Principal& principal, int64_t session_id,
                                                const ClinicSessionChange& change) {
  MK_RETURN_IF_ERROR(RequireCoordinator(principal));
  TimePoint now = clock_.Now();
  return store::Transact<ClinicSessionView>(
      database_, store::Access::kWrite, [&](store::Tx& tx) -> Result<ClinicSessionView> {
        MK_ASSIGN_OR_RETURN(ClinicContext context, ClinicContext::Load(tx, principal));
        MK_ASSIGN_OR_RETURN(ClinicSession session,
                            KeptPlannedSession(tx, context, session_id,
                                               domain::AmsterdamIsoDate(now)));
        if (change.version != session.version) {
          return MakeError(ErrorCode::kConflict,
                           "Iemand anders heeft dit spreekuur net gewijzigd. Laad het opnieuw.",
                           "Someone else has just changed this session. Reload it.");
        }
        bool moved = (change.day && *change.day != session.day) ||
                     (change.starts_minute && *change.starts_minute != session.starts_minute);
        if (change.day) session.day = *change.day;
        if (change.starts_minute) session.starts_minute = *change.starts_minute;
        if (change.location) session.location = *change.location;
        MK_RETURN_IF_ERROR(domain::ValidateSession(session, domain::AmsterdamIsoDate(now)));
        MK_ASSIGN_OR_RETURN(std::optional<domain::Agreement> agreement,
                            tx.agreements().Find(session.agreement_id));
        if (!agreement || !domain::AgreementInForce(*agreement, session.day)) {
          return Invalid("Op " + session.day + " geldt de afspraak van dit spreekuur niet.",
                         "The session's agreement is not in force on " + session.day + ".", "day");
        }
        MK_RETURN_IF_ERROR(CheckFree(tx, session));
        MK_RETURN_IF_ERROR(tx.clinic().UpdateSession(session));
        ++session.version;
        if (moved) {
          MK_RETURN_IF_ERROR(TellBookedPractices(tx, session, domain::EventKind::kSessionMoved,
                                                 principal.user.id, now));
        }
        return ViewSession(tx, context, session, true);
      });
}

Result<ClinicSessionView> ClinicService::Cancel(const Principal& principal, int64_t session_id) {
  MK_RETURN_IF_ERROR(RequireCoordinator(principal));
  TimePoint now = clock_.Now();
  return store::Transact<ClinicSessionView>(
      database_, store::Access::kWrite, [&](store::Tx& tx) -> Result<ClinicSessionView> {
        MK_ASSIGN_OR_RETURN(ClinicContext context, ClinicContext::Load(tx, principal));
        MK_ASSIGN_OR_RETURN(ClinicSession session,
                            KeptPlannedSession(tx, context, session_id,
                                               domain::AmsterdamIsoDate(now)));
        // Tell them while the bookings still show whom, then release them.
        MK_RETURN_IF_ERROR(TellBookedPractices(tx, session, domain::EventKind::kSessionCancelled,
                                               principal.user.id, now));
        MK_ASSIGN_OR_RETURN(std::vector<store::BookedSlot> booked,
                            tx.clinic().BookedSlots({session.id}));
        for (const store::BookedSlot& b : booked) {
          MK_RETURN_IF_ERROR(tx.clinic().FreeSlotOf(*b.slot.consult_id));
        }
        MK_ASSIGN_OR_RETURN(std::vector<domain::WaitingEntry> waiting,
                            tx.clinic().Waiting({session.id}));
        for (const domain::WaitingEntry& w : waiting) {
          MK_RETURN_IF_ERROR(tx.clinic().RemoveWaiting(w.consult_id));
        }
        session.status = domain::SessionStatus::kCancelled;
        MK_RETURN_IF_ERROR(tx.clinic().UpdateSession(session));
        ++session.version;
        return ViewSession(tx, context, session, true);
      });
}

}  // namespace meekijk::service
