// Queries for the mail outbox.
#include "store/outbox.h"

#include "store/columns.h"
#include "store/tx.h"

namespace meekijk::store {
namespace {

using M = OutboxMessage;
using W = Written;

// clang-format off
const Table<M> kOutbox{"outbox", "", {
    Key<M>("id", [](auto& m) -> auto& { return m.id; }),
    Field<M>("user_id", W::kOnInsert, [](auto& m) -> auto& { return m.user_id; }),
    Field<M>("recipient", W::kOnInsert, [](auto& m) -> auto& { return m.recipient; }),
    Field<M>("language", W::kOnInsert, [](auto& m) -> auto& { return m.language; }),
    Field<M>("kind", W::kOnInsert, [](auto& m) -> auto& { return m.kind; }),
    Field<M>("consult_id", W::kOnInsert, [](auto& m) -> auto& { return m.consult_id; }),
    Field<M>("consult_number", W::kOnInsert, [](auto& m) -> auto& { return m.consult_number; }),
    Field<M>("specialty", W::kOnInsert, [](auto& m) -> auto& { return m.specialty; }),
    Field<M>("payload", W::kOnInsert, [](auto& m) -> auto& { return m.payload; }),
    Field<M>("status", W::kOnInsert, [](auto& m) -> auto& { return m.status; }),
    Field<M>("attempts", W::kOnInsert, [](auto& m) -> auto& { return m.attempts; }),
    Field<M>("next_attempt_at", W::kOnInsert, [](auto& m) -> auto& { return m.next_attempt_at; }),
    Field<M>("claimed_by", W::kOnInsert, [](auto& m) -> auto& { return m.claimed_by; }),
    Field<M>("last_error", W::kOnInsert, [](auto& m) -> auto& { return m.last_error; }),
    Field<M>("created_at", W::kOnInsert, [](auto& m) -> auto& { return m.created_at; }),
    Field<M>("delivered_at", W::kOnInsert, [](auto& m) -> auto& { return m.delivered_at; }),
    Field<M>("subscription_id", W::kOnInsert, [](auto& m) -> auto& { return m.subscription_id; }),
}};
// clang-format on

constexpr std::string_view kDueMail =
    "SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? "
    "AND subscription_id IS NULL ORDER BY next_attempt_at, id LIMIT ?";
constexpr std::string_view kDueNotice =
    "SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? "
    "AND subscription_id IS NOT NULL ORDER BY next_attempt_at, id LIMIT ?";
constexpr std::string_view kRenew =
    "UPDATE outbox SET next_attempt_at = ? WHERE id = ? AND claimed_by = ? AND status = 'pending'";
constexpr std::string_view kDelivered =
    "UPDATE outbox SET status = 'delivered', delivered_at = ?, last_error = '', claimed_by = NULL, "
    "payload = CASE WHEN kind = 'invitation' THEN '' ELSE payload END "
    "WHERE id = ? AND status = 'pending'";
constexpr std::string_view kFailed =
    "UPDATE outbox SET status = ?, next_attempt_at = ?, last_error = ?, claimed_by = NULL, "
    "payload = CASE WHEN kind = 'invitation' AND CAST(? AS TEXT) = 'dead' THEN '' ELSE payload END "
    "WHERE id = ? AND claimed_by = ? AND status = 'pending'";
// A waiting row is free when no worker holds it or its holder's lease has run out.
constexpr std::string_view kRetry =
    "UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ?, claimed_by = NULL "
    "WHERE id = ? AND (status = 'dead' OR (status = 'pending' AND (claimed_by IS NULL OR "
    "next_attempt_at <= ?))) AND NOT (kind = 'invitation' AND payload = '')";
constexpr std::string_view kCounts =
    "SELECT status, COUNT(*) FROM outbox WHERE status IN ('pending', 'dead') GROUP BY status";
constexpr std::string_view kMadeSince =
    "SELECT COUNT(*) FROM outbox WHERE user_id = ? AND kind = ? AND created_at >= ?";
constexpr std::string_view kPurgeDelivered =
    "DELETE FROM outbox WHERE status = 'delivered' AND delivered_at < ?";

// The column context the invitation link is sealed for.
constexpr std::string_view kPayloadContext = "outbox.payload";

// The last error is kept short: it is for a coordinator's eye, not a log.
constexpr size_t kMaxErrorBytes = 300;

}  // namespace

OutboxRepository Tx::outbox() { return OutboxRepository(statements_, dialect_, cipher_); }

Result<int64_t> OutboxRepository::Enqueue(const OutboxMessage& message) {
  OutboxMessage stored = message;
  if (message.kind == domain::EventKind::kInvitation && !message.payload.empty()) {
    // The link opens an account: only its hash is kept in password_resets, and here it is
    // sealed, so that a copy of the database opens no account.
    if (cipher_ == nullptr) return MakeFact(ErrorCode::kInternal, "no_key_for_the_invitation");
    stored.payload = cipher_->Seal(message.payload, kPayloadContext);
  }
  return sql_.InsertReturningId(kOutbox.insert(), kOutbox.InsertParams(stored));
}

void OutboxRepository::OpenPayload(OutboxMessage& message) const {
  if (message.kind != domain::EventKind::kInvitation || message.payload.empty()) return;
  std::optional<std::string> link =
      cipher_ ? cipher_->Open(message.payload, kPayloadContext) : std::nullopt;
  message.payload = link.value_or("");
}

Result<std::vector<OutboxMessage>> OutboxRepository::Opened(const Rows& rows) const {
  std::vector<OutboxMessage> messages = kOutbox.ReadAll(rows);
  for (OutboxMessage& message : messages) OpenPayload(message);
  return messages;
}

Result<std::vector<OutboxMessage>> OutboxRepository::Take(TimePoint now, TimePoint lease_until,
                                                          int limit, const std::string& token,
                                                          OutboxChannel channel) {
  std::string due(channel == OutboxChannel::kMail ? kDueMail : kDueNotice);
  due += SkipLockedClause(dialect_);
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(due, {ToUnixMillis(now), int64_t{limit}}));
  if (rows.empty()) return std::vector<OutboxMessage>();
  std::vector<int64_t> ids;
  for (const Row& row : rows) ids.push_back(row.Int(0));
  std::vector<SqlValue> params = ParamsAround({ToUnixMillis(lease_until), token}, ids);
  std::string in = "(" + Placeholders(ids.size()) + ")";
  MK_RETURN_IF_ERROR(sql_.Execute(
      "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, claimed_by = ? WHERE id IN " +
          in,
      params));
  MK_ASSIGN_OR_RETURN(Rows taken,
                      sql_.Query(kOutbox.Select("WHERE id IN " + in + " ORDER BY id"), Ids(ids)));
  return Opened(taken);
}

Result<bool> OutboxRepository::Renew(int64_t id, const std::string& token, TimePoint lease_until) {
  MK_ASSIGN_OR_RETURN(int64_t changed, sql_.Execute(kRenew, {ToUnixMillis(lease_until), id, token}));
  return changed == 1;
}

Result<bool> OutboxRepository::MarkDelivered(int64_t id, TimePoint now) {
  MK_ASSIGN_OR_RETURN(int64_t changed, sql_.Execute(kDelivered, {ToUnixMillis(now), id}));
  return changed == 1;
}

Result<void> OutboxRepository::MarkFailed(int64_t id, const std::string& token,
                                          const std::string& error, TimePoint retry_at, bool dead) {
  SqlValue status = ToSql(dead ? domain::MailStatus::kDead : domain::MailStatus::kPending);
  MK_RETURN_IF_ERROR(sql_.Execute(kFailed, {status, ToUnixMillis(retry_at),
                                            error.substr(0, kMaxErrorBytes), status, id, token}));
  return Ok();
}

Result<bool> OutboxRepository::Retry(int64_t id, TimePoint now) {
  MK_ASSIGN_OR_RETURN(int64_t changed,
                      sql_.Execute(kRetry, {ToUnixMillis(now), id, ToUnixMillis(now)}));
  return changed == 1;
}

Result<std::optional<OutboxMessage>> OutboxRepository::Find(int64_t id) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kOutbox.Select("WHERE id = ?"), {id}));
  MK_ASSIGN_OR_RETURN(std::vector<OutboxMessage> found, Opened(rows));
  if (found.empty()) return std::optional<OutboxMessage>();
  return std::optional<OutboxMessage>(std::move(found.front()));
}

Result<std::vector<OutboxMessage>> OutboxRepository::List(
    std::optional<domain::MailStatus> status, const std::optional<std::vector<int64_t>>& user_ids,
    int limit) {
  // Without a status, every status; without users, everyone's (no ids to bind then).
  std::string where = status ? "WHERE status = ?" : "WHERE status IN (?, ?, ?)";
  std::initializer_list<SqlValue> statuses{ToSql(domain::MailStatus::kPending),
                                           ToSql(domain::MailStatus::kDelivered),
                                           ToSql(domain::MailStatus::kDead)};
  std::vector<int64_t> ids;
  if (user_ids) {
    if (user_ids->empty()) return std::vector<OutboxMessage>();
    where += " AND user_id IN (" + Placeholders(user_ids->size()) + ")";
    ids = *user_ids;
  }
  where += " ORDER BY id DESC LIMIT ?";
  std::vector<SqlValue> params = status ? ParamsAround({ToSql(*status)}, ids, {int64_t{limit}})
                                        : ParamsAround(statuses, ids, {int64_t{limit}});
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kOutbox.Select(where), params));
  return Opened(rows);
}

Result<OutboxCounts> OutboxRepository::Counts() {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kCounts));
  OutboxCounts counts;
  for (const Row& row : rows) {
    domain::MailStatus status = row.Enum<domain::MailStatus>(0);
    int64_t n = row.Int(1);
    if (status == domain::MailStatus::kPending) counts.pending = n;
    if (status == domain::MailStatus::kDead) counts.dead = n;
  }
  return counts;
}

Result<bool> OutboxRepository::MadeSince(int64_t user_id, domain::EventKind kind, TimePoint since) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kMadeSince, {user_id, ToSql(kind), ToUnixMillis(since)}));
  return rows.front().Int(0) > 0;
}

Result<int64_t> OutboxRepository::PurgeDelivered(TimePoint before) {
  return sql_.Execute(kPurgeDelivered, {ToUnixMillis(before)});
}

// Only the demo's history is settled like this (cli/demo_history.cc): real mail is delivered.
constexpr std::string_view kSettleHistoryMails =
    "UPDATE outbox SET status = 'delivered', delivered_at = created_at "
    "WHERE status = 'pending' AND created_at < ?";
constexpr std::string_view kSettleHistoryNotifications =
    "UPDATE notifications SET read_at = created_at, in_digest = 0 "
    "WHERE read_at IS NULL AND created_at < ?";

Result<void> OutboxRepository::SettleHistory(TimePoint before) {
  MK_RETURN_IF_ERROR(sql_.Execute(kSettleHistoryMails, {ToUnixMillis(before)}));
  MK_RETURN_IF_ERROR(sql_.Execute(kSettleHistoryNotifications, {ToUnixMillis(before)}));
  return Ok();
}

}  // namespace meekijk::store
