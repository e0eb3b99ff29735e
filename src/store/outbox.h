// The mail outbox: every mail a change causes is a row written in the change's own transaction,
// so that none is lost and none is made by a change that was rolled back. Workers take due rows
// for a lease under a token of their own (on PostgreSQL several nodes share them: a row is taken
// by one), renew the lease of each row just before sending it, and mark it delivered, or due
// again later, or dead after the last try. A row's id never changes, so every try of one mail
// carries the same Message-ID. An invitation's link is sealed with the installation's keys while
// it waits and removed once the mail is delivered or dead.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/field_cipher.h"
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
  std::optional<std::string> claimed_by;  // the token of the worker holding it, while one does
  std::string last_error;
  TimePoint created_at;
  std::optional<TimePoint> delivered_at;
  // A notification for a FHIR subscription (schema 13) instead of a mail: delivered to its
  // endpoint; `recipient` then holds the endpoint as it was when the row was made.
  std::optional<int64_t> subscription_id;
  bool operator==(const OutboxMessage&) const = default;
};

enum class OutboxChannel { kMail, kSubscription };

struct OutboxCounts {
  int64_t pending = 0;
  int64_t dead = 0;
};

class OutboxRepository {
 public:
  OutboxRepository(Statements& statements, Dialect dialect, const FieldCipher* cipher)
      : sql_(statements), dialect_(dialect), cipher_(cipher) {}

  // kInternal for an invitation when there is no key to seal its link with.
  Result<int64_t> Enqueue(const OutboxMessage& message);
  // Takes up to `limit` pending rows of one channel (mails, or subscriptions' notifications: each
  // has a worker of its own) due at `now` for the worker with `token`: counts a try and
  // makes them due again only at `lease_until`, so that a worker that dies mid-delivery leaves
  // them to another after the lease. Rows another open transaction is taking are skipped.
  Result<std::vector<OutboxMessage>> Take(TimePoint now, TimePoint lease_until, int limit,
                                          const std::string& token,
                                          OutboxChannel channel = OutboxChannel::kMail);
  // Extends the lease of a row the worker still holds, just before sending it; false when the
  // lease ran out and another worker took the row (which then sends it instead).
  Result<bool> Renew(int64_t id, const std::string& token, TimePoint lease_until);
  // A delivered row is never sent again; false when it was no longer pending.
  Result<bool> MarkDelivered(int64_t id, TimePoint now);
  // A failed try by the worker with `token`: due again at `retry_at`, or dead when `dead`
  // (an invitation's link is then removed). Nothing changes when another worker holds the row.
  Result<void> MarkFailed(int64_t id, const std::string& token, const std::string& error,
                          TimePoint retry_at, bool dead);
  // A dead row, or a waiting one no worker holds, due now with its tries counted afresh; false
  // for a delivered one, one being delivered, and a dead invitation (its link is gone).
  Result<bool> Retry(int64_t id, TimePoint now);
  Result<std::optional<OutboxMessage>> Find(int64_t id);
  // Newest first; of one status when given, of these users when given.
  Result<std::vector<OutboxMessage>> List(std::optional<domain::MailStatus> status,
                                          const std::optional<std::vector<int64_t>>& user_ids,
                                          int limit);
  // Pending and dead mails (delivered ones are not counted: they only grow).
  Result<OutboxCounts> Counts();
  // Whether a mail of `kind` was made for the user at or after `since` (a digest, today).
  Result<bool> MadeSince(int64_t user_id, domain::EventKind kind, TimePoint since);
  // Removes delivered mails delivered before `before`; returns how many.
  Result<int64_t> PurgeDelivered(TimePoint before);
  // The demo's history: what was made before `before` counts as delivered then and its in-app
  // notifications as read, so that a year of past consults does not mail or notify anyone now.
  Result<void> SettleHistory(TimePoint before);

 private:
  // Opens a sealed invitation link in place (empty when no key opens it).
  void OpenPayload(OutboxMessage& message) const;
  Result<std::vector<OutboxMessage>> Opened(const Rows& rows) const;

  Statements& sql_;
  Dialect dialect_;
  const FieldCipher* cipher_;
};

}  // namespace meekijk::store
