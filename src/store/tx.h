// One transaction's typed operations: every query meekijk runs, written once for both engines.
// A Tx is only handed out by Database::Run and lives as long as the unit of work; not thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "domain/agreement.h"
#include "domain/consult.h"
#include "domain/directory.h"
#include "store/connection.h"
#include "store/dialect.h"
#include "store/records.h"

namespace meekijk::store {

class Tx {
 public:
  Tx(Connection& connection, Dialect dialect) : connection_(connection), dialect_(dialect) {}

  Dialect dialect() const { return dialect_; }

  // --- directory: organisations, users, memberships (tx_directory.cc) ---
  Result<int64_t> InsertOrganisation(const domain::Organisation& organisation, TimePoint now);
  Result<std::optional<domain::Organisation>> FindOrganisation(int64_t id);
  Result<std::vector<domain::Organisation>> ListOrganisations();
  // kConflict when the username is taken.
  Result<int64_t> InsertUser(const domain::User& user, TimePoint now);
  Result<std::optional<domain::User>> FindUser(int64_t id);
  Result<std::optional<domain::User>> FindUserByUsername(std::string_view username);
  Result<void> AddMembership(int64_t user_id, int64_t organisation_id, domain::Role role);
  Result<std::vector<domain::Membership>> ListMemberships(int64_t user_id);

  // --- specialties, pools, agreements (tx_agreements.cc) ---
  Result<void> UpsertSpecialty(const domain::Specialty& specialty);
  Result<std::vector<domain::Specialty>> ListSpecialties();
  Result<int64_t> InsertPool(const domain::Pool& pool);
  Result<std::optional<domain::Pool>> FindPool(int64_t id);
  Result<void> AddPoolMember(int64_t pool_id, int64_t user_id);
  Result<std::vector<domain::Pool>> ListPoolsOfMember(int64_t user_id);
  Result<int64_t> InsertAgreement(const domain::Agreement& agreement, TimePoint now);
  // Agreements whose GP side is one of these organisations (a practice and its care group).
  Result<std::vector<domain::Agreement>> ListAgreementsOfGpOrganisations(
      std::span<const int64_t> organisation_ids);
  // Agreements that route to one of these pools.
  Result<std::vector<domain::Agreement>> ListAgreementsOfPools(std::span<const int64_t> pool_ids);

  // --- consults and their threads (tx_consults.cc) ---
  // Increments a named counter and returns its new value (1 on first use).
  Result<int64_t> NextCounter(std::string_view name);
  Result<int64_t> InsertConsult(const domain::Consult& consult);
  Result<std::optional<domain::Consult>> FindConsult(int64_t id);
  Result<std::optional<domain::Consult>> FindConsultByNumber(std::string_view number);
  // Writes every mutable field if the stored version is still consult.version, and bumps it;
  // kConflict when someone else changed the consult in the meantime.
  Result<void> UpdateConsult(const domain::Consult& consult);
  Result<ConsultPage> ListConsults(const ConsultFilter& filter);
  // A value that changes whenever a consult in the scope is created or changed: the consults of
  // these practices, those held by or addressed to this specialist, and those of these pools,
  // drafts only for their practice.
  Result<std::string> ConsultFingerprint(const std::vector<int64_t>& practice_ids,
                                         int64_t specialist_id,
                                         const std::vector<int64_t>& pool_ids);
  Result<int64_t> InsertMessage(const domain::ThreadMessage& message);
  Result<std::vector<domain::ThreadMessage>> ListMessages(int64_t consult_id);

  // --- attachments (tx_attachments.cc) ---
  Result<int64_t> InsertAttachment(const AttachmentRecord& attachment, std::string_view content);
  Result<std::optional<AttachmentRecord>> FindAttachment(int64_t id);
  Result<std::string> LoadAttachmentContent(int64_t id);
  Result<std::vector<AttachmentRecord>> ListAttachments(int64_t consult_id);

  // --- sessions and the access log (tx_sessions.cc) ---
  Result<void> InsertSession(const SessionRecord& session);
  Result<std::optional<SessionRecord>> FindSession(std::string_view token_hash);
  Result<void> DeleteSession(std::string_view token_hash);
  Result<int64_t> DeleteExpiredSessions(TimePoint now);
  Result<int64_t> AppendAccessLog(const AccessLogEntry& entry);
  // Newest first; all consults when consult_id is empty.
  Result<std::vector<AccessLogEntry>> ListAccessLog(std::optional<int64_t> consult_id, int limit);

  // --- health and test support (tx.cc) ---
  // A trivial round trip: the database answers.
  Result<void> Ping();
  // Creates or drops a PostgreSQL schema, so that every test gets an empty namespace of its own.
  // `schema` must be a plain identifier (letters, digits, underscores); anything else is refused.
  Result<void> CreateSchema(const std::string& schema);
  Result<void> DropSchema(const std::string& schema);

 private:
  friend class Database;  // migrations run raw DDL; nothing else may
  Connection& connection() { return connection_; }

  Result<Rows> Query(std::string_view sql, std::initializer_list<SqlValue> params = {});
  Result<Rows> Query(std::string_view sql, const std::vector<SqlValue>& params);
  Result<int64_t> Execute(std::string_view sql, std::initializer_list<SqlValue> params = {});
  // Agreements whose `column` (one of this file's own column names, never input) is in `ids`.
  Result<std::vector<domain::Agreement>> ListAgreementsWhereIn(std::string_view column,
                                                               std::span<const int64_t> ids);
  // Runs an INSERT … RETURNING id and returns the id.
  Result<int64_t> InsertReturningId(std::string_view sql, std::initializer_list<SqlValue> params);

  Connection& connection_;
  Dialect dialect_;
};

// "?, ?, ?" for an IN list of n bound parameters.
std::string Placeholders(size_t n);

}  // namespace meekijk::store
