// Who of a pool is on duty in which ISO week, and who is away when: new consults go to those on
// duty first, and absence is covered by the others (domain::PoolRecipients).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/notification.h"
#include "store/statements.h"

namespace meekijk::store {

class RosterRepository {
 public:
  explicit RosterRepository(Statements& statements) : sql_(statements) {}

  // The members on duty in `week` ("2026-W50"), by user id; empty when the pool has no roster.
  Result<std::vector<int64_t>> OnDuty(int64_t pool_id, std::string_view week);
  // Replaces the week's roster (an empty list removes it).
  Result<void> SetOnDuty(int64_t pool_id, std::string_view week, const std::vector<int64_t>& users);

  Result<int64_t> InsertAbsence(const domain::Absence& absence, TimePoint now);
  Result<std::optional<domain::Absence>> FindAbsence(int64_t id);
  Result<void> DeleteAbsence(int64_t id);
  // The absences of these users that end on or after `from_day`, by first day.
  Result<std::vector<domain::Absence>> AbsencesOf(const std::vector<int64_t>& user_ids,
                                                  std::string_view from_day);
  // Of these users, those away on `day` (YYYY-MM-DD).
  Result<std::vector<int64_t>> AbsentOn(const std::vector<int64_t>& user_ids, std::string_view day);

 private:
  Statements& sql_;
};

}  // namespace meekijk::store
