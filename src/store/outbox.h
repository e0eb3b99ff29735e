// The mail outbox: every mail a change causes is a row written in the change's own transaction,
// so that none is lost and none is made by a change that was rolled back. Workers take due rows
// for a lease (on PostgreSQL several nodes share them: a row is taken by one), deliver them, and
// mark them delivered, or due again later, or dead after the last try. A row's id never changes,
// so every try of one mail carries the same Message-ID.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/notification.h"
#include "store/dialect.h"
#include "store/statements.h"

namespace meekijk::store {

struct OutboxMessage {
  int64_t id = 0;
  std::optional<int64_t> user_id;  // the person it is for
  std::string recipient;           // their address when the mail was made
  domain::Language language = domain::Language::kNl;
  domain::EventKind kind = domain::EventKind::kConsultSent;
  std::optional<int64_t> consult_id;
  std::string consult_number;
  std::string specialty;  // the code; the mail names it in the recipient's language
  // The digest's lines ("kind number specialty", one a line) or the invitation's link; never
  // patient data. An invitation's link is removed once the mail is delivered.
  std::string payload;
  domain::MailStatus status = domain::MailStatus::kPending;
  int attempts = 0;
  TimePoint next_attempt_at;  // due from then; while a worker holds it, the end of its lease
  std::string last_error;
  TimePoint created_at;
  std::optional<TimePoint> delivered_at;
  bool operator==(const OutboxMessage&) const = default;
};

struct OutboxCounts {
  int64_t pending = 0;
  int64_t dead = 0;
  int64_t delivered = 0;
};

class OutboxRepository {
 public:
  OutboxRepository(Statements& statements, Dialect dialect) : sql_(statements), dialect_(dialect) {}

  Result<int64_t> Enqueue(const OutboxMessage& message);
  // Takes up to `limit` pending rows due at `now` for this worker: counts a try and makes them due
  // again only at `lease_until`, so that a worker that dies mid-delivery leaves them to another
  // after the lease. Rows another open transaction is taking are skipped.
  Result<std::vector<OutboxMessage>> Take(TimePoint now, TimePoint lease_until, int limit);
  // A delivered row is never sent again; false when it was no longer pending.
  Result<bool> MarkDelivered(int64_t id, TimePoint now);
  // A failed try: due again at `retry_at`, or dead when `dead`.
  Result<void> MarkFailed(int64_t id, const std::string& error, TimePoint retry_at, bool dead);
  // A dead (or pending) row due now with its tries counted afresh; false when it was delivered.
  Result<bool> Retry(int64_t id, TimePoint now);
  Result<std::optional<OutboxMessage>> Find(int64_t id);
  // Newest first; of one status when given, of these users when given.
  Result<std::vector<OutboxMessage>> List(std::optional<domain::MailStatus> status,
                                          const std::optional<std::vector<int64_t>>& user_ids,
                                          int limit);
  Result<OutboxCounts> Counts();

 private:
  Statements& sql_;
  Dialect dialect_;
};

}  // namespace meekijk::store
