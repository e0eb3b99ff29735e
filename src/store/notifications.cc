// Queries for notifications, notification choices and consult alerts.
#include "store/notifications.h"

#include <limits>

#include "store/columns.h"
#include "store/tx.h"

namespace meekijk::store {
namespace {

using NotificationRow = NotificationRecord;
using W = Written;

// clang-format off
const Table<NotificationRow> kNotifications{"notifications", "", {
    Key<NotificationRow>("id", [](auto& n) -> auto& { return n.id; }),
    Field<NotificationRow>("user_id", W::kOnInsert, [](auto& n) -> auto& { return n.user_id; }),
    Field<NotificationRow>("kind", W::kOnInsert, [](auto& n) -> auto& { return n.kind; }),
    Field<NotificationRow>("consult_id", W::kOnInsert, [](auto& n) -> auto& { return n.consult_id; }),
    Field<NotificationRow>("consult_number", W::kOnInsert, [](auto& n) -> auto& { return n.consult_number; }),
    Field<NotificationRow>("specialty", W::kOnInsert, [](auto& n) -> auto& { return n.specialty; }),
    Field<NotificationRow>("created_at", W::kOnInsert, [](auto& n) -> auto& { return n.created_at; }),
    Field<NotificationRow>("read_at", W::kOnInsert, [](auto& n) -> auto& { return n.read_at; }),
    Field<NotificationRow>("in_digest", W::kOnInsert, [](auto& n) -> auto& { return n.in_digest; }),
}};

// The alert candidates: the consult, the moment the rule counts from, and the agreement version's
// escalation, days off and office hours.
const Table<AlertCandidate> kCandidates{"consults", "c", {
    Field<AlertCandidate>("c.id", W::kRead, [](auto& a) -> auto& { return a.consult_id; }),
    Field<AlertCandidate>("c.sent_at", W::kRead, [](auto& a) -> auto& { return a.since; }),
    Field<AlertCandidate>("v.escalate_after_hours", W::kRead,
                          [](auto& a) -> auto& { return a.escalate_after_hours; }),
    Field<AlertCandidate>("v.good_friday_off", W::kRead,
                          [](auto& a) -> auto& { return a.days_off.good_friday; }),
    Field<AlertCandidate>("v.liberation_day_off", W::kRead,
                          [](auto& a) -> auto& { return a.days_off.liberation_day; }),
    Field<AlertCandidate>("v.office_opens_minute", W::kRead,
                          [](auto& a) -> auto& { return a.office_hours.opens_minute; }),
    Field<AlertCandidate>("v.office_closes_minute", W::kRead,
                          [](auto& a) -> auto& { return a.office_hours.closes_minute; }),
}, {}, "consults c JOIN agreement_versions v "
       "ON v.agreement_id = c.agreement_id AND v.version = c.agreement_version"};
// clang-format on

constexpr std::string_view kUnread =
    "SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL";
// The newest id (by the index on user_id, id) and the unread count (by the partial index of the
// unread ones): neither reads a person's whole history.
constexpr std::string_view kNewest = "SELECT COALESCE(MAX(id), 0) FROM notifications WHERE user_id = ?";
constexpr std::string_view kMarkAllRead =
    "UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL";
constexpr std::string_view kMarkConsultRead =
    "UPDATE notifications SET read_at = ? WHERE user_id = ? AND consult_id = ? AND read_at IS NULL";
constexpr std::string_view kDigestUsers =
    "SELECT DISTINCT user_id FROM notifications WHERE in_digest = 1 ORDER BY user_id";

constexpr std::string_view kUserChoices = "SELECT language, digest_hour FROM users WHERE id = ?";
constexpr std::string_view kChosenKinds =
    "SELECT kind, delivery FROM notification_choices WHERE user_id = ? ORDER BY kind";
constexpr std::string_view kSaveUserChoices =
    "UPDATE users SET language = ?, digest_hour = ? WHERE id = ?";
constexpr std::string_view kForgetChosenKinds = "DELETE FROM notification_choices WHERE user_id = ?";
constexpr std::string_view kChooseKind =
    "INSERT INTO notification_choices (user_id, kind, delivery) VALUES (?, ?, ?)";

constexpr std::string_view kRecordAlert =
    "INSERT INTO consult_alerts (consult_id, kind, created_at) VALUES (?, ?, ?) "
    "ON CONFLICT (consult_id, kind) DO NOTHING";
constexpr std::string_view kNotAlerted =
    "NOT EXISTS (SELECT 1 FROM consult_alerts a WHERE a.consult_id = c.id AND a.kind = ?)";

constexpr std::chrono::hours kShortestEscalation{1};

}  // namespace

NotificationRepository Tx::notifications() { return NotificationRepository(statements_); }

Result<int64_t> NotificationRepository::Insert(const NotificationRecord& notification) {
  return sql_.InsertReturningId(kNotifications.insert(), kNotifications.InsertParams(notification));
}

Result<std::vector<NotificationRecord>> NotificationRepository::OfUser(
    int64_t user_id, std::optional<int64_t> before_id, int limit) {
  // Without a cursor, every id is below the largest possible one.
  int64_t below = before_id.value_or(std::numeric_limits<int64_t>::max());
  MK_ASSIGN_OR_RETURN(
      Rows rows, sql_.Query(kNotifications.Select("WHERE user_id = ? AND id < ? ORDER BY id DESC "
                                                  "LIMIT ?"),
                            {user_id, below, int64_t{limit}}));
  return kNotifications.ReadAll(rows);
}

Result<int64_t> NotificationRepository::UnreadCount(int64_t user_id) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kUnread, {user_id}));
  return rows.front().Int(0);
}

Result<std::string> NotificationRepository::Fingerprint(int64_t user_id) {
  MK_ASSIGN_OR_RETURN(Rows newest, sql_.Query(kNewest, {user_id}));
  MK_ASSIGN_OR_RETURN(int64_t unread, UnreadCount(user_id));
  return std::to_string(newest.front().Int(0)) + "." + std::to_string(unread);
}

Result<int64_t> NotificationRepository::MarkRead(int64_t user_id, const std::vector<int64_t>& ids,
                                                 TimePoint now) {
  if (ids.empty()) return int64_t{0};
  std::vector<SqlValue> params = ParamsAround({ToUnixMillis(now), user_id}, ids);
  return sql_.Execute("UPDATE notifications SET read_at = ? WHERE user_id = ? AND id IN (" +
                          Placeholders(ids.size()) + ") AND read_at IS NULL",
                      params);
}

Result<int64_t> NotificationRepository::MarkAllRead(int64_t user_id, TimePoint now) {
  return sql_.Execute(kMarkAllRead, {ToUnixMillis(now), user_id});
}

Result<int64_t> NotificationRepository::MarkConsultRead(int64_t user_id, int64_t consult_id,
                                                        TimePoint now) {
  return sql_.Execute(kMarkConsultRead, {ToUnixMillis(now), user_id, consult_id});
}

Result<std::vector<int64_t>> NotificationRepository::UsersWithDigestWaiting() {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kDigestUsers));
  std::vector<int64_t> users;
  for (const Row& row : rows) users.push_back(row.Int(0));
  return users;
}

Result<std::vector<NotificationRecord>> NotificationRepository::DigestWaiting(
    int64_t user_id, TimePoint made_before) {
  MK_ASSIGN_OR_RETURN(
      Rows rows,
      sql_.Query(kNotifications.Select(
                     "WHERE user_id = ? AND in_digest = 1 AND created_at < ? ORDER BY id"),
                 {user_id, ToUnixMillis(made_before)}));
  return kNotifications.ReadAll(rows);
}

Result<int64_t> NotificationRepository::TakeIntoDigest(const std::vector<int64_t>& ids) {
  if (ids.empty()) return int64_t{0};
  return sql_.Execute("UPDATE notifications SET in_digest = 0 WHERE in_digest = 1 AND id IN (" +
                          Placeholders(ids.size()) + ")",
                      Ids(ids));
}

Result<domain::NotificationChoices> NotificationRepository::Choices(int64_t user_id) {
  MK_ASSIGN_OR_RETURN(Rows user, sql_.Query(kUserChoices, {user_id}));
  if (user.empty()) return MakeFact(ErrorCode::kNotFound, "user_not_found");
  domain::NotificationChoices choices;
  choices.language = user.front().Enum<domain::Language>(0);
  choices.digest_hour = static_cast<int>(user.front().Int(1));
  MK_ASSIGN_OR_RETURN(Rows kinds, sql_.Query(kChosenKinds, {user_id}));
  for (const Row& row : kinds) {
    choices.chosen.emplace_back(row.Enum<domain::EventKind>(0), row.Enum<domain::Delivery>(1));
  }
  return choices;
}

Result<void> NotificationRepository::SaveChoices(int64_t user_id,
                                                 const domain::NotificationChoices& choices) {
  MK_RETURN_IF_ERROR(sql_.Execute(kSaveUserChoices, {ToSql(choices.language),
                                                     int64_t{choices.digest_hour}, user_id}));
  MK_RETURN_IF_ERROR(sql_.Execute(kForgetChosenKinds, {user_id}));
  for (const auto& [kind, delivery] : choices.chosen) {
    MK_RETURN_IF_ERROR(sql_.Execute(kChooseKind, {user_id, ToSql(kind), ToSql(delivery)}));
  }
  return Ok();
}

Result<bool> NotificationRepository::RecordAlert(int64_t consult_id, domain::EventKind kind,
                                                 TimePoint now) {
  MK_ASSIGN_OR_RETURN(int64_t inserted,
                      sql_.Execute(kRecordAlert, {consult_id, ToSql(kind), ToUnixMillis(now)}));
  return inserted == 1;
}

Result<std::vector<AlertCandidate>> NotificationRepository::EscalationCandidates(TimePoint now) {
  std::string where = "WHERE c.status = 'sent' AND c.specialist_id IS NULL AND c.pool_id IS NOT "
                      "NULL AND v.escalate_after_hours IS NOT NULL AND c.sent_at <= ? AND " +
                      std::string(kNotAlerted) + " ORDER BY c.sent_at, c.id";
  MK_ASSIGN_OR_RETURN(
      Rows rows,
      sql_.Query(kCandidates.Select(where),
                 {ToUnixMillis(now - kShortestEscalation),
                  ToSql(domain::EventKind::kUnclaimedEscalated)}));
  return kCandidates.ReadAll(rows);
}

Result<std::vector<AlertCandidate>> NotificationRepository::OverdueCandidates(TimePoint now) {
  std::string where = "WHERE c.status IN ('sent', 'claimed') AND c.due_at IS NOT NULL AND "
                      "c.due_at <= ? AND " + std::string(kNotAlerted) + " ORDER BY c.due_at, c.id";
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kCandidates.Select(where),
                                            {ToUnixMillis(now), ToSql(domain::EventKind::kOverdue)}));
  return kCandidates.ReadAll(rows);
}

}  // namespace meekijk::store
