// Password reset links: a coordinator or administrator makes one for a user, who chooses a new
// password with it once, within its lifetime. Only the token's SHA-256 is stored, so a copy of the
// database opens no account.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"
#include "store/statements.h"

namespace meekijk::store {

struct PasswordResetRecord {
  std::string token_hash;
  int64_t user_id = 0;
  int64_t issued_by = 0;
  TimePoint created_at;
  TimePoint expires_at;
  std::optional<TimePoint> used_at;
  bool second_factor_reset = false;  // using the link also removes the user's second factor
  bool operator==(const PasswordResetRecord&) const = default;
};

class PasswordResetRepository {
 public:
  explicit PasswordResetRepository(Statements& statements) : sql_(statements) {}

  // Voids the user's earlier links (used or not), so that only the newest one works.
  Result<void> Replace(const PasswordResetRecord& reset);
  Result<std::optional<PasswordResetRecord>> Find(std::string_view token_hash);
  // Marks the link used when it is unused and not expired at `now`, in one conditional UPDATE so
  // that two requests racing with the same link cannot both win; returns its user, if it won.
  Result<std::optional<int64_t>> Use(std::string_view token_hash, TimePoint now);

 private:
  Statements& sql_;
};

}  // namespace meekijk::store
