// Logins: the tokens of logged-in users, in the table `sessions` (its name from before the word
// was settled, docs/adr/0005). Kept in the database, so that any node serves any request and a
// logout works everywhere at once (docs/adr/0004).
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

struct LoginRecord {
  std::string token_hash;  // never the token itself
  int64_t user_id = 0;
  TimePoint created_at;
  TimePoint expires_at;  // the absolute end
  std::string client_address;
  std::string public_id;     // names the login in the user's list without revealing the token
  TimePoint last_seen_at;    // for the idle expiry
  TimePoint verified_at;     // when the password (and code) were last given: re-authentication
  bool second_factor = false;  // logged in with a code as well as the password
  std::string user_agent;
  bool operator==(const LoginRecord&) const = default;
};

class LoginRepository {
 public:
  explicit LoginRepository(Statements& statements) : sql_(statements) {}

  Result<void> Insert(const LoginRecord& login);
  Result<std::optional<LoginRecord>> Find(std::string_view token_hash);
  // The user's logins, newest first.
  Result<std::vector<LoginRecord>> OfUser(int64_t user_id);
  Result<void> Delete(std::string_view token_hash);
  // False when the user has no login with this public id.
  Result<bool> DeleteOfUser(int64_t user_id, std::string_view public_id);
  // Ends every login of the user but `keep_token_hash` (empty: all); returns how many.
  Result<int64_t> DeleteAllOfUser(int64_t user_id, std::string_view keep_token_hash);
  // Records activity; only written when the last record is older than a minute, so that reading
  // pages does not turn every request into a write.
  Result<void> Touch(std::string_view token_hash, TimePoint now);
  // The password (and, when `second_factor`, a code) were given again now.
  Result<void> MarkVerified(std::string_view token_hash, TimePoint now, bool second_factor);
  // Removes the logins past their absolute end at `now` or idle since `idle_since`; returns how
  // many.
  Result<int64_t> DeleteExpired(TimePoint now, TimePoint idle_since);

 private:
  Statements& sql_;
};

}  // namespace meekijk::store
