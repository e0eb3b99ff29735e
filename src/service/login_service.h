// Logging in and out with a password and a second factor (TOTP, or a recovery code), turning a
// login's token into a Principal, enrolling the second factor, and the user's own logins. Logins
// live in the database, so that any node can serve any request and a logout works everywhere at
// once (docs/adr/0004).
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/directory.h"
#include "service/login_cache.h"
#include "service/login_throttle.h"
#include "service/principal.h"
#include "service/reauthentication.h"

namespace meekijk::store {
class Database;
}

namespace meekijk::service {

struct LoginPolicy {
  std::chrono::minutes idle{30};
  std::chrono::minutes absolute{12 * 60};
  // Changing the second factor needs the password given this recently.
  std::chrono::minutes reauthentication{kDefaultReauthenticationWindow};
  // Roles that see patient data act only after a login with a second factor; without one the
  // login reaches nothing but the enrolment (NEN 7510). Off only for tests of other things.
  bool require_second_factor = true;
  // How long a node keeps a login it looked up by token (login_cache.h); 0: not at all.
  std::chrono::milliseconds cache{0};
};

struct LoginAttempt {
  std::string username;
  std::string password;
  std::string otp;  // six digits from the authenticator, or a recovery code; empty: none given
  std::string user_agent;
};

struct LoginResult {
  std::string token;  // give to the client once; only its hash is stored
  TimePoint expires_at;
  std::chrono::seconds lifetime{0};  // from now to expires_at, for a cookie's Max-Age
  Principal principal;
};

struct OtpEnrolment {
  std::string secret;  // base32, for typing into an app
  std::string uri;     // otpauth://, for the QR code
};

struct ConfirmedOtp {
  std::vector<std::string> recovery_codes;
  std::string token;  // the login's new token; give to the client once
  std::chrono::seconds lifetime{0};  // from now to the login's absolute end
};

// A login as its user sees it in the list of their sessions.
struct LoginSummary {
  std::string id;
  TimePoint created_at;
  TimePoint last_seen_at;
  TimePoint expires_at;
  std::string client_address;
  std::string user_agent;
  bool second_factor = false;
  bool current = false;
};

class LoginService {
 public:
  LoginService(store::Database& database, const Clock& clock, LoginPolicy policy = {},
               ThrottleLimits limits = {})
      : database_(database), clock_(clock), policy_(policy), throttle_(database, limits),
        cache_(policy.cache) {}

  // kUnauthenticated with one message for every failure of the password, so that a caller cannot
  // learn which usernames exist; reason "otp_required" when the password was right and the user
  // has a second factor but gave no code; kTooManyRequests after too many failures.
  Result<LoginResult> Login(const LoginAttempt& attempt, const RequestContext& request);
  // A login vouched for by the practice's HIS (a signed launch link, launch_service.h): no password,
  // but the second factor as for any login, and throttled like one.
  Result<LoginResult> LoginVouched(int64_t user_id, std::string_view otp,
                                   std::string_view user_agent, const RequestContext& request);
  Result<void> Logout(std::string_view token);
  // kUnauthenticated for an unknown, expired or idle token or an inactive user. `activity`: the
  // request is the user's doing and keeps the login from its idle end; a page's background
  // polling is not, so that an unattended screen still ends after the idle time.
  Result<Principal> Authenticate(std::string_view token, const RequestContext& request,
                                 bool activity = true);
  // The principal of a user without a login: for trusted callers only (the command line and
  // the demo, which run with the database's own rights).
  Result<Principal> PrincipalOf(int64_t user_id, const RequestContext& request);

  // A new secret waiting for confirmation. A user who has a second factor already must have given
  // the password within LoginPolicy::reauthentication (reason "reauthentication_required").
  Result<OtpEnrolment> BeginOtpEnrolment(const Principal& principal);
  // Turns the pending secret on when `otp` is its current code; returns ten new recovery codes,
  // shown once. The login it is done in gains its second factor under a new token (the old one
  // ends), so that a token someone fixed or saw before the step-up is worth nothing after it.
  Result<ConfirmedOtp> ConfirmOtp(const Principal& principal, std::string_view otp);
  // Gives the password (and code) again for a sensitive action.
  Result<void> Reauthenticate(const Principal& principal, std::string_view password,
                              std::string_view otp);

  // Checks the current password (throttled like a login; a wrong one is kInvalidArgument on the
  // field "current_password"), refuses a weak new one (field "new_password"), and ends the user's
  // other logins; this one stays and counts as re-authenticated.
  Result<void> ChangePassword(const Principal& principal, std::string_view current_password,
                              std::string_view new_password);

  Result<std::vector<LoginSummary>> Logins(const Principal& principal);
  // Ends one of the user's own logins (kNotFound for another's), or all but the current one; both
  // need the password given within LoginPolicy::reauthentication (ASVS 3.3.4).
  Result<void> EndLogin(const Principal& principal, std::string_view id);
  Result<int64_t> EndOtherLogins(const Principal& principal);

  // The demo and the command line: enrol a user with a known secret (raw bytes), confirmed.
  Result<void> EnrolForDemo(int64_t user_id, const std::string& secret);

 private:
  // The login behind a token's hash, from the cache or the database; kUnauthenticated when it
  // has ended or its user is inactive.
  Result<LoginCache::Kept> LookUpLogin(const std::string& hash, TimePoint now);
  // The login of a user whose identity is established: the second factor, the login row.
  Result<LoginResult> OpenLogin(const domain::User& user, std::string_view otp,
                                std::string_view user_agent, const std::string& account,
                                const RequestContext& request);

  store::Database& database_;
  const Clock& clock_;
  LoginPolicy policy_;
  LoginThrottle throttle_;
  LoginCache cache_;
};

}  // namespace meekijk::service
