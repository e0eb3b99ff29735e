// The consult aggregate: consults, the messages of their threads, and the counters their numbers
// come from.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/field_cipher.h"
#include "core/result.h"
#include "domain/consult.h"
#include "store/statements.h"

namespace meekijk::store {

// Which consults a list shows. The service fills the scope from the caller's memberships, so
// the store never decides who may see what; it only filters.
struct ConsultFilter {
  // kCoordination: the open consults (sent, claimed, info requested) of `pool_ids`, for their
  // organisation's coordinators: first those that need them (unclaimed, or due before `now`),
  // then the others, each soonest due first.
  enum class Box { kOutbox, kInbox, kPool, kCoordination };
  Box box = Box::kOutbox;
  std::vector<int64_t> practice_ids;  // outbox: the caller's practices
  int64_t specialist_id = 0;          // inbox: consults claimed by or named to this specialist
  std::vector<int64_t> pool_ids;      // pool: the caller's pools (sent consults unless `status`)
  std::optional<domain::ConsultStatus> status;
  std::optional<std::string> specialty;
  std::optional<domain::ConsultMode> mode;  // digital or physical (the meekijkspreekuur)
  std::optional<std::string> text;   // matches the number or the question
  std::optional<std::string> after;  // the cursor of the previous page
  int limit = 50;
  TimePoint now;  // kCoordination: what is due before it is overdue
};

struct ConsultPage {
  std::vector<domain::Consult> items;
  std::optional<std::string> next_cursor;
};

class ConsultRepository {
 public:
  ConsultRepository(Statements& statements, const FieldCipher* cipher)
      : sql_(statements), cipher_(cipher) {}

  // Increments a named counter and returns its new value (1 on first use).
  Result<int64_t> NextInSequence(std::string_view counter);
  Result<int64_t> Insert(const domain::Consult& consult);
  Result<std::optional<domain::Consult>> Find(int64_t id);
  Result<std::optional<domain::Consult>> FindByNumber(std::string_view number);
  // Writes every mutable field if the stored version is still consult.version, and bumps it;
  // kConflict (reason "stale_version") when someone else changed the consult in the meantime.
  Result<void> Update(const domain::Consult& consult);
  // kInvalidArgument (reason "invalid_cursor", field "cursor") for a cursor it did not hand out.
  Result<ConsultPage> List(const ConsultFilter& filter);
  // The consults of the patient with this BSN, through the blind index (never by decrypting
  // every row), oldest first.
  Result<std::vector<domain::Consult>> FindByBsn(std::string_view bsn);
  // Re-seals, under the cipher's current key, the identity of up to `limit` consults after
  // `after_id` that are plain or under an older key; returns the last id looked at (0: done)
  // and how many were re-sealed.
  struct ResealProgress {
    int64_t last_id = 0;
    int64_t resealed = 0;
  };
  Result<ResealProgress> Reseal(int64_t after_id, int limit);

  // Retention: up to `limit` consults last changed before `cutoff`, oldest first (id, number).
  Result<std::vector<std::pair<int64_t, std::string>>> LastChangedBefore(TimePoint cutoff,
                                                                         int limit);
  // Removes a consult with its thread and attachments; the access log keeps its rows (NEN 7513).
  Result<void> Purge(int64_t id);
  // A value that changes whenever a consult in the scope is created or changed: the consults of
  // these practices, those held by or addressed to this specialist, and those of these pools,
  // drafts only for their practice.
  Result<std::string> Fingerprint(const std::vector<int64_t>& practice_ids, int64_t specialist_id,
                                  const std::vector<int64_t>& pool_ids);

  Result<int64_t> AppendMessage(const domain::ThreadMessage& message);
  // The thread in the order it was written.
  Result<std::vector<domain::ThreadMessage>> Thread(int64_t consult_id);

 private:
  Result<void> WriteBsnIndex(const domain::Consult& consult);

  Statements& sql_;
  const FieldCipher* cipher_;
};

}  // namespace meekijk::store
