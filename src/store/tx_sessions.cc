// Queries for login sessions and the access log.
#include "store/tx.h"

namespace meekijk::store {
namespace {

constexpr std::string_view kInsertSession =
    "INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at, "
    "client_address) VALUES (?, ?, ?, ?, ?, ?)";
constexpr std::string_view kSelectSession =
    "SELECT token_hash, user_id, created_at, expires_at, client_address FROM sessions "
    "WHERE token_hash = ?";
constexpr std::string_view kDeleteSession = "DELETE FROM sessions WHERE token_hash = ?";
constexpr std::string_view kDeleteExpiredSessions = "DELETE FROM sessions WHERE expires_at <= ?";
constexpr std::string_view kInsertAccessLog =
    "INSERT INTO access_log (at, user_id, username, role, organisation_id, on_behalf_of, action, "
    "consult_id, patient_ref, detail, client_address, request_id, outcome) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kSelectAccessLog =
    "SELECT id, at, user_id, username, role, organisation_id, on_behalf_of, action, consult_id, "
    "patient_ref, detail, client_address, request_id, outcome FROM access_log";

}  // namespace

Result<void> Tx::InsertSession(const SessionRecord& session) {
  MK_RETURN_IF_ERROR(Execute(kInsertSession,
                             {session.token_hash, session.user_id, ToUnixMillis(session.created_at),
                              ToUnixMillis(session.expires_at), ToUnixMillis(session.created_at),
                              session.client_address}));
  return Ok();
}

Result<std::optional<SessionRecord>> Tx::FindSession(std::string_view token_hash) {
  MK_ASSIGN_OR_RETURN(Rows rows, Query(kSelectSession, {std::string(token_hash)}));
  if (rows.empty()) return std::optional<SessionRecord>();
  const Row& row = rows.front();
  return std::optional<SessionRecord>(SessionRecord{row.Text(0), row.Int(1),
                                                    FromUnixMillis(row.Int(2)),
                                                    FromUnixMillis(row.Int(3)), row.Text(4)});
}

Result<void> Tx::DeleteSession(std::string_view token_hash) {
  MK_RETURN_IF_ERROR(Execute(kDeleteSession, {std::string(token_hash)}));
  return Ok();
}

Result<int64_t> Tx::DeleteExpiredSessions(TimePoint now) {
  return Execute(kDeleteExpiredSessions, {ToUnixMillis(now)});
}

Result<int64_t> Tx::AppendAccessLog(const AccessLogEntry& e) {
  return InsertReturningId(
      kInsertAccessLog,
      {ToUnixMillis(e.at), Nullable(e.user_id), e.username, e.role, Nullable(e.organisation_id),
       Nullable(e.on_behalf_of), e.action, Nullable(e.consult_id), e.patient_ref, e.detail,
       e.client_address, e.request_id, e.outcome});
}

Result<std::vector<AccessLogEntry>> Tx::ListAccessLog(std::optional<int64_t> consult_id,
                                                      int limit) {
  std::string sql(kSelectAccessLog);
  if (consult_id) sql += " WHERE consult_id = ?";
  sql += " ORDER BY id DESC LIMIT ?";
  std::vector<SqlValue> params = consult_id
                                     ? std::vector<SqlValue>{*consult_id, int64_t{limit}}
                                     : std::vector<SqlValue>{int64_t{limit}};
  MK_ASSIGN_OR_RETURN(Rows rows, Query(sql, params));
  std::vector<AccessLogEntry> entries;
  for (const Row& row : rows) {
    entries.push_back(AccessLogEntry{row.Int(0), FromUnixMillis(row.Int(1)), row.OptionalInt(2),
                                     row.Text(3), row.Text(4), row.OptionalInt(5),
                                     row.OptionalInt(6), row.Text(7), row.OptionalInt(8),
                                     row.Text(9), row.Text(10), row.Text(11), row.Text(12),
                                     row.Text(13)});
  }
  return entries;
}

}  // namespace meekijk::store
