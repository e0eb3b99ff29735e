// The notification list, choices, rosters and absences.
#include "service/notification_service.h"

#include <algorithm>
#include <map>

#include "core/log.h"
#include "domain/calendar.h"
#include "service/coordinator_reach.h"
#include "store/agreements.h"
#include "store/database.h"
#include "store/directory.h"
#include "store/notifications.h"
#include "store/rosters.h"
#include "store/tx.h"

namespace meekijk::service {
namespace {

using domain::Role;

constexpr int kLastDigestHour = 23;

bool Contains(const std::vector<int64_t>& ids, int64_t id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

Result<CoordinatorReach> ReachOf(store::Tx& tx, const Principal& principal) {
  MK_ASSIGN_OR_RETURN(std::vector<domain::Organisation> all, tx.directory().ListOrganisations());
  std::map<int64_t, domain::Organisation> organisations;
  for (domain::Organisation& o : all) organisations.emplace(o.id, std::move(o));
  return CoordinatorReach::Of(principal, organisations);
}

// Whether the caller keeps someone's absences: an administrator, or a coordinator of one of the
// person's own organisations (or of the care group over it). Not a region office's coordinator:
// an absence may say "illness", which is the person's employer's business, not the region's.
bool KeepsAbsencesOf(const Principal& principal, const std::vector<domain::Membership>& of) {
  if (principal.HasRole(Role::kAdmin)) return true;
  std::vector<int64_t> coordinated = principal.OrganisationsWithRole(Role::kCoordinator);
  return std::any_of(of.begin(), of.end(), [&](const domain::Membership& m) {
    return Contains(coordinated, m.organisation_id) ||
           (m.parent_id && Contains(coordinated, *m.parent_id));
  });
}

Result<bool> KeepsAbsencesOf(store::Tx& tx, const Principal& principal, int64_t user_id) {
  if (user_id == principal.user.id) return true;
  MK_ASSIGN_OR_RETURN(std::vector<domain::Membership> memberships,
                      tx.directory().Memberships(user_id));
  return KeepsAbsencesOf(principal, memberships);
}

std::vector<Role> RolesOf(const Principal& principal) {
  std::vector<Role> roles;
  for (const domain::Membership& m : principal.memberships) roles.push_back(m.role);
  return roles;
}

NotificationSettings SettingsOf(const domain::NotificationChoices& choices,
                                const std::vector<Role>& roles) {
  NotificationSettings settings;
  settings.language = choices.language;
  settings.digest_hour = choices.digest_hour;
  for (domain::EventKind kind : domain::ChoosableEventKinds()) {
    bool chosen = std::any_of(choices.chosen.begin(), choices.chosen.end(),
                              [&](const auto& c) { return c.first == kind; });
    settings.kinds.push_back({kind, domain::EffectiveDelivery(choices, kind, roles), chosen});
  }
  return settings;
}

Error PoolNotFound() {
  return MakeError(ErrorCode::kNotFound, "Deze pool bestaat niet of valt niet onder u.",
                   "This pool does not exist or is not yours to see.");
}

Error AbsenceNotFound() {
  return MakeError(ErrorCode::kNotFound, "Deze afwezigheid bestaat niet of valt niet onder u.",
                   "This absence does not exist or is not yours to change.");
}

// The pool, and whether the caller keeps it (coordinates its organisation); kNotFound unless the
// caller keeps it or is a member.
struct PoolAccess {
  domain::Pool pool;
  std::vector<int64_t> members;
  bool keeps = false;
};

Result<PoolAccess> AccessPool(store::Tx& tx, const Principal& principal, int64_t pool_id) {
  MK_ASSIGN_OR_RETURN(std::optional<domain::Pool> pool, tx.agreements().FindPool(pool_id));
  if (!pool) return PoolNotFound();
  MK_ASSIGN_OR_RETURN(CoordinatorReach reach, ReachOf(tx, principal));
  PoolAccess access{*pool, {}, false};
  access.keeps = (principal.HasRole(Role::kCoordinator) || principal.HasRole(Role::kAdmin)) &&
                 reach.Covers(pool->organisation_id);
  if (!access.keeps && !principal.IsPoolMember(pool_id)) return PoolNotFound();
  MK_ASSIGN_OR_RETURN(access.members, tx.agreements().PoolMembers(pool_id));
  return access;
}

Result<RosterView> ViewRoster(store::Tx& tx, const PoolAccess& access, const std::string& week) {
  RosterView view{access.pool.id, access.pool.name, week, {}, false, access.keeps};
  MK_ASSIGN_OR_RETURN(std::vector<int64_t> on_duty, tx.rosters().OnDuty(access.pool.id, week));
  std::pair<std::string, std::string> days = *domain::IsoWeekDays(week);
  MK_ASSIGN_OR_RETURN(std::vector<domain::Absence> absences,
                      tx.rosters().AbsencesOf(access.members, days.first));
  for (int64_t member : access.members) {
    MK_ASSIGN_OR_RETURN(std::optional<domain::User> user, tx.directory().FindUser(member));
    if (!user) continue;
    bool absent = std::any_of(absences.begin(), absences.end(), [&](const domain::Absence& a) {
      return a.user_id == member && a.first_day <= days.second;
    });
    view.members.push_back({{member, user->display_name}, Contains(on_duty, member), absent});
  }
  view.has_roster = !on_duty.empty();
  return view;
}

Result<std::string> CheckWeek(const std::string& week) {
  if (!domain::IsIsoWeek(week)) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Geef de week als JJJJ-Www, bijvoorbeeld 2026-W50.",
                     "Give the week as YYYY-Www, for example 2026-W50.", "week");
  }
  return week;
}

}  // namespace

Result<NotificationPage> NotificationService::List(const Principal& principal,
                                                   std::optional<int64_t> before, int limit) {
  limit = std::clamp(limit, 1, kMaxPage);
  return store::Transact<NotificationPage>(
      database_, store::Access::kRead, [&](store::Tx& tx) -> Result<NotificationPage> {
        store::NotificationRepository notifications = tx.notifications();
        // One more than asked tells whether there is a next page.
        MK_ASSIGN_OR_RETURN(std::vector<store::NotificationRecord> rows,
                            notifications.OfUser(principal.user.id, before, limit + 1));
        NotificationPage page;
        MK_ASSIGN_OR_RETURN(page.unread, notifications.UnreadCount(principal.user.id));
        for (const store::NotificationRecord& n : rows) {
          if (static_cast<int>(page.items.size()) == limit) {
            page.next_before = page.items.back().id;
            break;
          }
          page.items.push_back({n.id, n.kind, n.consult_id, n.consult_number, n.specialty,
                                n.created_at, n.read_at.has_value()});
        }
        return page;
      });
}

Result<int64_t> NotificationService::MarkRead(const Principal& principal,
                                              const std::vector<int64_t>& ids) {
  constexpr size_t kMaxIds = 500;
  if (ids.size() > kMaxIds) {
    return MakeError(ErrorCode::kInvalidArgument, "Markeer hoogstens 500 meldingen tegelijk.",
                     "Mark at most 500 notifications at once.", "ids");
  }
  return store::Transact<int64_t>(
      database_, store::Access::kWrite, [&](store::Tx& tx) -> Result<int64_t> {
        store::NotificationRepository notifications = tx.notifications();
        TimePoint now = clock_.Now();
        if (ids.empty()) {
          MK_RETURN_IF_ERROR(notifications.MarkAllRead(principal.user.id, now));
        } else {
          MK_RETURN_IF_ERROR(notifications.MarkRead(principal.user.id, ids, now));
        }
        return notifications.UnreadCount(principal.user.id);
      });
}

Result<NotificationSettings> NotificationService::Settings(const Principal& principal) {
  return store::Transact<NotificationSettings>(
      database_, store::Access::kRead, [&](store::Tx& tx) -> Result<NotificationSettings> {
        MK_ASSIGN_OR_RETURN(domain::NotificationChoices choices,
                            tx.notifications().Choices(principal.user.id));
        return SettingsOf(choices, RolesOf(principal));
      });
}

Result<NotificationSettings> NotificationService::ChangeSettings(
    const Principal& principal, const NotificationSettingsChange& change) {
  if (change.digest_hour && (*change.digest_hour < 0 || *change.digest_hour > kLastDigestHour)) {
    return MakeError(ErrorCode::kInvalidArgument, "Kies een uur van 0 tot en met 23.",
                     "Choose an hour from 0 to 23.", "digest_hour");
  }
  for (const auto& [kind, delivery] : change.kinds) {
    if (kind == domain::EventKind::kInvitation || kind == domain::EventKind::kDigest) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "Voor deze melding is geen keuze: die komt altijd per e-mail.",
                       "This message is not a choice: it always comes by e-mail.", "kinds");
    }
  }
  return store::Transact<NotificationSettings>(
      database_, store::Access::kWrite, [&](store::Tx& tx) -> Result<NotificationSettings> {
        store::NotificationRepository notifications = tx.notifications();
        MK_ASSIGN_OR_RETURN(domain::NotificationChoices choices,
                            notifications.Choices(principal.user.id));
        if (change.language) choices.language = *change.language;
        if (change.digest_hour) choices.digest_hour = *change.digest_hour;
        if (change.reset_kinds) choices.chosen.clear();
        for (const auto& [kind, delivery] : change.kinds) {
          std::erase_if(choices.chosen, [&](const auto& c) { return c.first == kind; });
          choices.chosen.emplace_back(kind, delivery);
        }
        MK_RETURN_IF_ERROR(notifications.SaveChoices(principal.user.id, choices));
        return SettingsOf(choices, RolesOf(principal));
      });
}

Result<RosterView> NotificationService::Roster(const Principal& principal, int64_t pool_id,
                                               std::optional<std::string> week) {
  std::string chosen = week.value_or(domain::IsoWeek(domain::AmsterdamDate(clock_.Now())));
  MK_RETURN_IF_ERROR(CheckWeek(chosen));
  return store::Transact<RosterView>(
      database_, store::Access::kRead, [&](store::Tx& tx) -> Result<RosterView> {
        MK_ASSIGN_OR_RETURN(PoolAccess access, AccessPool(tx, principal, pool_id));
        return ViewRoster(tx, access, chosen);
      });
}

Result<RosterView> NotificationService::SetRoster(const Principal& principal, int64_t pool_id,
                                                  const std::string& week,
                                                  const std::vector<int64_t>& on_duty) {
  MK_RETURN_IF_ERROR(CheckWeek(week));
  return store::Transact<RosterView>(
      database_, store::Access::kWrite, [&](store::Tx& tx) -> Result<RosterView> {
        MK_ASSIGN_OR_RETURN(PoolAccess access, AccessPool(tx, principal, pool_id));
        if (!access.keeps) {
          return MakeError(ErrorCode::kForbidden,
                           "Alleen de coördinatoren van de pool maken het rooster.",
                           "Only the pool's coordinators make its roster.");
        }
        for (int64_t person : on_duty) {
          if (!Contains(access.members, person)) {
            return MakeError(ErrorCode::kInvalidArgument,
                             "Alleen leden van de pool kunnen dienst hebben.",
                             "Only members of the pool can be on duty.", "user_ids");
          }
        }
        MK_RETURN_IF_ERROR(tx.rosters().SetOnDuty(pool_id, week, on_duty));
        log::Info("pool_roster_set", {{"pool_id", pool_id}, {"week", week},
                                      {"by", principal.user.id}});
        return ViewRoster(tx, access, week);
      });
}

Result<std::vector<AbsenceView>> NotificationService::Absences(const Principal& principal) {
  return store::Transact<std::vector<AbsenceView>>(
      database_, store::Access::kRead, [&](store::Tx& tx) -> Result<std::vector<AbsenceView>> {
        std::vector<int64_t> people{principal.user.id};
        if (principal.HasRole(Role::kCoordinator) || principal.HasRole(Role::kAdmin)) {
          MK_ASSIGN_OR_RETURN(std::vector<store::UserMembership> all,
                              tx.directory().AllMemberships());
          for (const store::UserMembership& m : all) {
            if (KeepsAbsencesOf(principal, {m.membership}) && !Contains(people, m.user_id)) {
              people.push_back(m.user_id);
            }
          }
        }
        MK_ASSIGN_OR_RETURN(std::vector<domain::Absence> absences,
                            tx.rosters().AbsencesOf(people, domain::AmsterdamIsoDate(clock_.Now())));
        std::vector<AbsenceView> out;
        for (domain::Absence& absence : absences) {
          MK_ASSIGN_OR_RETURN(std::optional<domain::User> user,
                              tx.directory().FindUser(absence.user_id));
          std::string name = user ? user->display_name : "";
          out.push_back({std::move(absence), std::move(name), true});
        }
        return out;
      });
}

Result<AbsenceView> NotificationService::AddAbsence(const Principal& principal,
                                                    domain::Absence absence) {
  MK_RETURN_IF_ERROR(domain::ValidateAbsence(absence));
  return store::Transact<AbsenceView>(
      database_, store::Access::kWrite, [&](store::Tx& tx) -> Result<AbsenceView> {
        MK_ASSIGN_OR_RETURN(std::optional<domain::User> user,
                            tx.directory().FindUser(absence.user_id));
        bool allowed = false;
        if (user) {
          MK_ASSIGN_OR_RETURN(allowed, KeepsAbsencesOf(tx, principal, user->id));
        }
        if (!user || !allowed) {
          return MakeError(ErrorCode::kInvalidArgument,
                           "U legt alleen uw eigen afwezigheid vast, of als coördinator die van "
                           "uw mensen.",
                           "You record only your own absence, or as a coordinator your people's.",
                           "user_id");
        }
        absence.created_by = principal.user.id;
        TimePoint now = clock_.Now();
        MK_ASSIGN_OR_RETURN(absence.id, tx.rosters().InsertAbsence(absence, now));
        absence.created_at = FromUnixMillis(ToUnixMillis(now));
        log::Info("absence_recorded", {{"absence_id", absence.id}, {"user_id", absence.user_id},
                                       {"by", principal.user.id}});
        return AbsenceView{absence, user->display_name, true};
      });
}

Result<void> NotificationService::RemoveAbsence(const Principal& principal, int64_t absence_id) {
  return database_.Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
    MK_ASSIGN_OR_RETURN(std::optional<domain::Absence> absence,
                        tx.rosters().FindAbsence(absence_id));
    if (!absence) return AbsenceNotFound();
    MK_ASSIGN_OR_RETURN(bool allowed, KeepsAbsencesOf(tx, principal, absence->user_id));
    if (!allowed) return AbsenceNotFound();
    MK_RETURN_IF_ERROR(tx.rosters().DeleteAbsence(absence_id));
    log::Info("absence_removed", {{"absence_id", absence_id}, {"by", principal.user.id}});
    return Ok();
  });
}

}  // namespace meekijk::service
