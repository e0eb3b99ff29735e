// The region's infrastructure: specialties, the pools that answer for them, and the agreements
// that let GP organisations consult a pool.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/agreement.h"
#include "domain/directory.h"
#include "store/statements.h"

namespace meekijk::store {

class AgreementRepository {
 public:
  explicit AgreementRepository(Statements& statements) : sql_(statements) {}

  // Inserts the specialty, or renames the one with its code.
  Result<void> UpsertSpecialty(const domain::Specialty& specialty);
  // By Dutch name.
  Result<std::vector<domain::Specialty>> Specialties();
  Result<int64_t> InsertPool(const domain::Pool& pool);
  Result<std::optional<domain::Pool>> FindPool(int64_t id);
  // Adding a member the pool already has changes nothing.
  Result<void> AddPoolMember(int64_t pool_id, int64_t user_id);
  Result<std::vector<domain::Pool>> PoolsOfMember(int64_t user_id);
  Result<int64_t> Insert(const domain::Agreement& agreement, TimePoint now);
  // Agreements whose GP side is one of these organisations (a practice and its care group).
  Result<std::vector<domain::Agreement>> OfGpOrganisations(
      std::span<const int64_t> organisation_ids);
  // Agreements that route to one of these pools.
  Result<std::vector<domain::Agreement>> OfPools(std::span<const int64_t> pool_ids);

 private:
  // Agreements whose `column` (one of this file's own column names, never input) is in `ids`.
  Result<std::vector<domain::Agreement>> WhereIn(std::string_view column,
                                                 std::span<const int64_t> ids);

  Statements& sql_;
};

}  // namespace meekijk::store
