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
  // Every pool, by id.
  Result<std::vector<domain::Pool>> Pools();
  Result<void> RenamePool(int64_t pool_id, const std::string& name);
  // Adding a member the pool already has changes nothing.
  Result<void> AddPoolMember(int64_t pool_id, int64_t user_id);
  Result<void> RemovePoolMember(int64_t pool_id, int64_t user_id);
  // The user ids of the pool's members, ascending.
  Result<std::vector<int64_t>> PoolMembers(int64_t pool_id);
  Result<std::vector<domain::Pool>> PoolsOfMember(int64_t user_id);

  // Stores version 1 (the agreement's version and changed_* are taken as given) and its copy in
  // the history.
  Result<int64_t> Insert(const domain::Agreement& agreement, TimePoint now);
  // Stores the agreement as the next version when `agreement.version` is still the stored one
  // (else Conflict "stale_version"), and keeps that new version in the history too.
  Result<void> Update(const domain::Agreement& agreement);
  Result<std::optional<domain::Agreement>> Find(int64_t id);
  // Every version of one agreement, oldest first.
  Result<std::vector<domain::Agreement>> Versions(int64_t id);
  Result<std::optional<domain::Agreement>> FindVersion(int64_t id, int64_t version);
  // Every agreement, by id.
  Result<std::vector<domain::Agreement>> All();
  // Agreements whose GP side includes one of these organisations (a practice and its care group).
  Result<std::vector<domain::Agreement>> OfGpOrganisations(
      std::span<const int64_t> organisation_ids);
  // Agreements that route to one of these pools.
  Result<std::vector<domain::Agreement>> OfPools(std::span<const int64_t> pool_ids);

 private:
  // Agreements matching `where`, a condition written in this file with one ? per id.
  Result<std::vector<domain::Agreement>> WhereIdsIn(std::string_view where,
                                                    std::span<const int64_t> ids);
  Result<void> WriteGpOrganisations(const domain::Agreement& agreement);
  Result<void> WriteVersion(const domain::Agreement& agreement);

  Statements& sql_;
};

}  // namespace meekijk::store
