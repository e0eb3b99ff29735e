// Logins: the tokens of logged-in users, in the table `sessions` (its name from before the word
// was settled, docs/adr/0005). Kept in the database, so that any node serves any request and a
// logout works everywhere at once (docs/adr/0004).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"
#include "store/statements.h"

namespace meekijk::store {

struct LoginRecord {
  std::string token_hash;  // never the token itself
  int64_t user_id = 0;
  TimePoint created_at;
  TimePoint expires_at;
  std::string client_address;
  bool operator==(const LoginRecord&) const = default;
};

class LoginRepository {
 public:
  explicit LoginRepository(Statements& statements) : sql_(statements) {}

  Result<void> Insert(const LoginRecord& login);
  Result<std::optional<LoginRecord>> Find(std::string_view token_hash);
  Result<void> Delete(std::string_view token_hash);
  // Removes the logins that expired at or before `now`; returns how many.
  Result<int64_t> DeleteExpired(TimePoint now);

 private:
  Statements& sql_;
};

}  // namespace meekijk::store
