// The notifications aggregate: what each person is told in the app (with whether it waits for
// their daily digest), their choices (language, digest hour, delivery per kind of event), and the
// alerts a consult gets at most once (escalated when unclaimed, overdue).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/notification.h"
#include "domain/working_days.h"
#include "store/statements.h"

namespace meekijk::store {

struct NotificationRecord {
  int64_t id = 0;
  int64_t user_id = 0;
  domain::EventKind kind = domain::EventKind::kConsultSent;
  std::optional<int64_t> consult_id;
  std::string consult_number;
  std::string specialty;
  TimePoint created_at;
  std::optional<TimePoint> read_at;
  bool in_digest = false;  // waits for the person's next daily digest
  bool operator==(const NotificationRecord&) const = default;
};

// A consult that may need an alert, with what the rule needs to decide.
struct AlertCandidate {
  int64_t consult_id = 0;
  TimePoint since;  // when it was sent
  std::optional<int> escalate_after_hours;
  domain::DaysOff days_off;
  domain::OfficeHours office_hours;
};

class NotificationRepository {
 public:
  explicit NotificationRepository(Statements& statements) : sql_(statements) {}

  Result<int64_t> Insert(const NotificationRecord& notification);
  // The user's newest notifications first, those with an id below `before_id` when given.
  Result<std::vector<NotificationRecord>> OfUser(int64_t user_id, std::optional<int64_t> before_id,
                                                 int limit);
  Result<int64_t> UnreadCount(int64_t user_id);
  // The newest notification's id (0 for none) and the unread count, as one short text: it changes
  // whenever the user is told something or reads something.
  Result<std::string> Fingerprint(int64_t user_id);
  // Marks the user's notifications read: those listed, or (without ids) all; returns how many.
  Result<int64_t> MarkRead(int64_t user_id, const std::vector<int64_t>& ids, TimePoint now);
  Result<int64_t> MarkAllRead(int64_t user_id, TimePoint now);
  Result<int64_t> MarkConsultRead(int64_t user_id, int64_t consult_id, TimePoint now);

  // Who has notifications waiting for a digest, and theirs made before `made_before`.
  Result<std::vector<int64_t>> UsersWithDigestWaiting();
  Result<std::vector<NotificationRecord>> DigestWaiting(int64_t user_id, TimePoint made_before);
  // Takes them out of the waiting ones; returns how many were still waiting (fewer when another
  // node's digest took some first).
  Result<int64_t> TakeIntoDigest(const std::vector<int64_t>& ids);

  Result<domain::NotificationChoices> Choices(int64_t user_id);
  // Replaces the user's choices: language, digest hour and the chosen kinds.
  Result<void> SaveChoices(int64_t user_id, const domain::NotificationChoices& choices);

  // Records that the consult had this alert; false when it had it already (by another node too).
  Result<bool> RecordAlert(int64_t consult_id, domain::EventKind kind, TimePoint now);
  // Pool consults still unclaimed, sent under an agreement that escalates, sent at least an hour
  // before `now`, and not escalated yet.
  Result<std::vector<AlertCandidate>> EscalationCandidates(TimePoint now);
  // Consults waiting on the specialist side (sent, claimed) past their due moment, not yet told.
  Result<std::vector<AlertCandidate>> OverdueCandidates(TimePoint now);

 private:
  Statements& sql_;
};

}  // namespace meekijk::store
