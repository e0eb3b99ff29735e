// Logging in and out, and turning a login's token into a Principal. Logins live in the database,
// so that any node can serve any request and a logout works everywhere at once (docs/adr/0004).
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"
#include "service/principal.h"

namespace meekijk::store {
class Database;
}

namespace meekijk::service {

struct LoginResult {
  std::string token;  // give to the client once; only its hash is stored
  TimePoint expires_at;
  std::chrono::seconds lifetime{0};  // from now to expires_at, for a cookie's Max-Age
  Principal principal;
};

class LoginService {
 public:
  LoginService(store::Database& database, const Clock& clock, std::chrono::minutes ttl)
      : database_(database), clock_(clock), ttl_(ttl) {}

  // kUnauthenticated with one message for every failure, so that a caller cannot learn which
  // usernames exist.
  Result<LoginResult> Login(std::string_view username, std::string_view password,
                            const RequestContext& request);
  Result<void> Logout(std::string_view token);
  // kUnauthenticated for an unknown or expired token or an inactive user.
  Result<Principal> Authenticate(std::string_view token, const RequestContext& request);
  // The principal of a user without a login: for trusted callers only (the command line and
  // the demo, which run with the database's own rights).
  Result<Principal> PrincipalOf(int64_t user_id, const RequestContext& request);

 private:
  store::Database& database_;
  const Clock& clock_;
  std::chrono::minutes ttl_;
};

}  // namespace meekijk::service
