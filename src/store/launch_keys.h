// The keys a practice's HIS signs launch links with: only their public halves, one practice each.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "store/statements.h"

namespace meekijk::store {

struct LaunchKeyRecord {
  int64_t id = 0;
  std::string key_id;  // the iss of the links it signs
  int64_t organisation_id = 0;
  std::string name;
  std::string public_key;  // PEM
  int64_t created_by = 0;
  TimePoint created_at;
  std::optional<TimePoint> revoked_at;
  bool operator==(const LaunchKeyRecord&) const = default;
};

class LaunchKeyRepository {
 public:
  explicit LaunchKeyRepository(Statements& statements) : sql_(statements) {}

  Result<int64_t> Insert(const LaunchKeyRecord& key);
  Result<std::optional<LaunchKeyRecord>> Find(int64_t id);
  Result<std::optional<LaunchKeyRecord>> FindByKeyId(std::string_view key_id);
  // Newest first; every key when `organisation_ids` is empty.
  Result<std::vector<LaunchKeyRecord>> List(const std::vector<int64_t>& organisation_ids);
  // Whether this call revoked it (false: it was already).
  Result<bool> Revoke(int64_t id, TimePoint at);

 private:
  Statements& sql_;
};

}  // namespace meekijk::store
