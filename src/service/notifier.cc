// Who is told of what, written in the change's own transaction.
#include "service/notifier.h"

#include <algorithm>

#include "domain/calendar.h"
#include "service/subscription_notices.h"
#include "store/agreements.h"
#include "store/directory.h"
#include "store/notifications.h"
#include "store/outbox.h"
#include "store/rosters.h"

namespace meekijk::service {
namespace {

using domain::EventKind;

void Add(std::vector<int64_t>& people, std::optional<int64_t> person) {
  if (person && std::find(people.begin(), people.end(), *person) == people.end()) {
    people.push_back(*person);
  }
}

// The practice side: the GP who sent it, and whoever wrote the draft (an assistant may reply).
std::vector<int64_t> PracticeSide(const domain::Consult& consult) {
  std::vector<int64_t> people;
  Add(people, consult.sender_id ? consult.sender_id : std::optional<int64_t>(consult.author_id));
  Add(people, consult.author_id);
  return people;
}

Result<std::vector<int64_t>> Coordinators(store::Tx& tx, std::optional<int64_t> pool_id) {
  if (!pool_id) return std::vector<int64_t>();
  MK_ASSIGN_OR_RETURN(std::optional<domain::Pool> pool, tx.agreements().FindPool(*pool_id));
  if (!pool) return std::vector<int64_t>();
  return tx.directory().UsersWithRole(pool->organisation_id, domain::Role::kCoordinator);
}

Result<std::vector<int64_t>> Recipients(store::Tx& tx, const domain::Consult& consult,
                                        EventKind kind, TimePoint now) {
  std::vector<int64_t> people;
  switch (kind) {
    case EventKind::kConsultSent:
      if (consult.specialist_id) {
        Add(people, consult.specialist_id);
        return people;
      }
      if (!consult.pool_id) return people;
      return PoolRecipientsNow(tx, *consult.pool_id, now);
    case EventKind::kForwarded: {
      if (consult.pool_id) {
        MK_ASSIGN_OR_RETURN(people, PoolRecipientsNow(tx, *consult.pool_id, now));
      }
      for (int64_t person : PracticeSide(consult)) Add(people, person);
      return people;
    }
    case EventKind::kConsultClaimed:
      Add(people, consult.sender_id);
      return people;
    case EventKind::kInfoRequested:
    case EventKind::kAdviceGiven:
    case EventKind::kDeclined:
      return PracticeSide(consult);
    case EventKind::kReplied:
    case EventKind::kFollowUp:
    case EventKind::kAssigned:
      Add(people, consult.specialist_id);
      return people;
    case EventKind::kClosed:
      Add(people, consult.advice ? std::optional<int64_t>(consult.advice->specialist_id)
                                 : consult.specialist_id);
      return people;
    case EventKind::kUnclaimedEscalated: {
      if (consult.pool_id) {
        MK_ASSIGN_OR_RETURN(std::vector<int64_t> members,
                            tx.agreements().PoolMembers(*consult.pool_id));
        MK_ASSIGN_OR_RETURN(std::vector<int64_t> absent,
                            tx.rosters().AbsentOn(members, domain::AmsterdamIsoDate(now)));
        for (int64_t person : domain::PoolRecipients(members, {}, absent)) Add(people, person);
      }
      MK_ASSIGN_OR_RETURN(std::vector<int64_t> coordinators, Coordinators(tx, consult.pool_id));
      for (int64_t person : coordinators) Add(people, person);
      return people;
    }
    case EventKind::kOverdue:
      return Coordinators(tx, consult.pool_id);
    case EventKind::kBooked:
      people = PracticeSide(consult);
      Add(people, consult.specialist_id);
      return people;
    case EventKind::kSessionMoved:
    case EventKind::kSessionCancelled:
      return PracticeSide(consult);
    case EventKind::kInvitation:
    case EventKind::kDigest:
      return people;
  }
  return people;
}

// One person told of one event: the notification in the app, and a mail now when they want it
// so (a digest later takes the others they want by mail).
Result<void> Tell(store::Tx& tx, const domain::User& user, const domain::Consult& consult,
                  EventKind kind, TimePoint now) {
  MK_ASSIGN_OR_RETURN(std::vector<domain::Membership> memberships,
                      tx.directory().Memberships(user.id));
  std::vector<domain::Role> roles;
  for (const domain::Membership& m : memberships) roles.push_back(m.role);
  MK_ASSIGN_OR_RETURN(domain::NotificationChoices choices, tx.notifications().Choices(user.id));
  domain::Delivery delivery = domain::EffectiveDelivery(choices, kind, roles);
  bool mailable = !user.email.empty();
  store::NotificationRecord notification{
      0,   user.id, kind, consult.id, consult.number, consult.content.specialty, now, {},
      mailable && delivery == domain::Delivery::kDigest};
  MK_RETURN_IF_ERROR(tx.notifications().Insert(notification));
  if (!mailable || delivery != domain::Delivery::kImmediate) return Ok();
  store::OutboxMessage mail;
  mail.user_id = user.id;
  mail.recipient = user.email;
  mail.language = choices.language;
  mail.kind = kind;
  mail.consult_id = consult.id;
  mail.consult_number = consult.number;
  mail.specialty = consult.content.specialty;
  mail.next_attempt_at = mail.created_at = now;
  MK_RETURN_IF_ERROR(tx.outbox().Enqueue(mail));
  return Ok();
}

}  // namespace

Result<std::vector<int64_t>> PoolRecipientsNow(store::Tx& tx, int64_t pool_id, TimePoint now) {
  MK_ASSIGN_OR_RETURN(std::vector<int64_t> members, tx.agreements().PoolMembers(pool_id));
  MK_ASSIGN_OR_RETURN(std::vector<int64_t> on_duty,
                      tx.rosters().OnDuty(pool_id, domain::IsoWeek(domain::AmsterdamDate(now))));
  MK_ASSIGN_OR_RETURN(std::vector<int64_t> absent,
                      tx.rosters().AbsentOn(members, domain::AmsterdamIsoDate(now)));
  return domain::PoolRecipients(members, on_duty, absent);
}

Result<void> NotifyConsultEvent(store::Tx& tx, const domain::Consult& consult, EventKind kind,
                                std::optional<int64_t> actor, TimePoint now) {
  MK_ASSIGN_OR_RETURN(std::vector<int64_t> people, Recipients(tx, consult, kind, now));
  for (int64_t person : people) {
    if (actor && person == *actor) continue;
    MK_ASSIGN_OR_RETURN(std::optional<domain::User> user, tx.directory().FindUser(person));
    if (!user || !user->active) continue;
    MK_RETURN_IF_ERROR(Tell(tx, *user, consult, kind, now));
  }
  // The practice's systems that subscribed are told too (FHIR REST hooks).
  return QueueSubscriptionNotices(tx, consult, kind, now);
}

Result<void> QueueInvitation(store::Tx& tx, int64_t user_id, const std::string& token,
                             TimePoint now) {
  MK_ASSIGN_OR_RETURN(std::optional<domain::User> user, tx.directory().FindUser(user_id));
  if (!user || user->email.empty()) return Ok();
  MK_ASSIGN_OR_RETURN(domain::NotificationChoices choices, tx.notifications().Choices(user_id));
  store::OutboxMessage mail;
  mail.user_id = user_id;
  mail.recipient = user->email;
  mail.language = choices.language;
  mail.kind = EventKind::kInvitation;
  mail.payload = token;
  mail.next_attempt_at = mail.created_at = now;
  MK_RETURN_IF_ERROR(tx.outbox().Enqueue(mail));
  return Ok();
}

}  // namespace meekijk::service
