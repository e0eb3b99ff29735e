// Logins: Argon2id-checked passwords, a second factor, throttling, idle and absolute expiry.
#include "service/login_service.h"
#include "service/principal_loading.h"

#include <algorithm>
#include <cctype>

#include "auth/password.h"
#include "auth/token.h"
#include "core/log.h"
#include "service/second_factor.h"
#include "store/agreements.h"
#include "store/database.h"
#include "store/directory.h"
#include "store/logins.h"
#include "store/principal_tables.h"
#include "store/second_factors.h"
#include "store/tx.h"

namespace meekijk::service {
namespace {

Error BadCredentials() {
  return MakeError(ErrorCode::kUnauthenticated, "Gebruikersnaam of wachtwoord is onjuist.",
                   "The username or password is incorrect.");
}

Error OtpRequired() {
  Error error = MakeError(ErrorCode::kUnauthenticated,
                          "Vul de code uit uw authenticator-app in.",
                          "Enter the code from your authenticator app.", "otp");
  error.reason = "otp_required";
  return error;
}

Error WrongOtp() {
  return MakeError(ErrorCode::kUnauthenticated,
                   "Deze code klopt niet of is al gebruikt. Wacht op de volgende code.",
                   "This code is wrong or was used already. Wait for the next code.", "otp");
}

Error TooManyAttempts(std::chrono::seconds wait) {
  Error error = MakeError(
      ErrorCode::kTooManyRequests,
      "Te veel mislukte pogingen. Probeer het over " + std::to_string(wait.count()) +
          " seconden opnieuw.",
      "Too many failed attempts. Try again in " + std::to_string(wait.count()) + " seconds.");
  error.retry_after_seconds = wait.count();
  return error;
}

Error LoginEnded() {
  return MakeError(ErrorCode::kUnauthenticated,
                   "Uw sessie is verlopen of ongeldig. Log opnieuw in.",
                   "Your session has expired or is invalid. Please log in again.");
}

// Verifying against this hash when the user does not exist keeps the time of a failed login
// the same for known and unknown usernames.
const std::string& DecoyHash() {
  static const std::string hash = auth::HashPassword("decoy password that matches nothing").value();
  return hash;
}


}  // namespace

Result<Principal> LoadPrincipal(store::Tx& tx, const domain::User& user,
                                const RequestContext& request, LoginState login,
                                bool require_second_factor) {
  Principal principal;
  principal.user = user;
  principal.user.password_hash.clear();  // no use case needs it past this point
  MK_ASSIGN_OR_RETURN(principal.memberships, tx.directory().Memberships(user.id));
  MK_ASSIGN_OR_RETURN(principal.pools, tx.agreements().PoolsOfMember(user.id));
  principal.request = request;
  principal.login = std::move(login);
  bool sees_patient_data = std::any_of(
      principal.memberships.begin(), principal.memberships.end(),
      [](const domain::Membership& m) { return domain::RoleSeesPatientData(m.role); });
  if (require_second_factor && sees_patient_data && !principal.login.second_factor) {
    principal.login.second_factor_required = true;
    principal.memberships.clear();
    principal.pools.clear();
  }
  return principal;
}

Result<LoginResult> LoginService::Login(const LoginAttempt& attempt,
                                        const RequestContext& request) {
  TimePoint now = clock_.Now();
  std::string account = LoginThrottle::AccountOf(attempt.username);
  if (std::chrono::seconds wait = throttle_.RetryAfter(account, request.client_address, now);
      wait.count() > 0) {
    log::Warn("login_throttled", {{"username", attempt.username},
                                  {"client", request.client_address},
                                  {"retry_after_s", static_cast<int64_t>(wait.count())},
                                  {"request_id", request.request_id}});
    return TooManyAttempts(wait);
  }
  auto failed = [&](const char* why, Error error) -> Error {
    // Stamped when the failure is known (after the slow hash), so that the wait runs from then.
    throttle_.Failed(account, request.client_address, clock_.Now());
    log::Warn("login_failed", {{"username", attempt.username}, {"why", why},
                               {"client", request.client_address},
                               {"request_id", request.request_id}});
    return error;
  };
  MK_ASSIGN_OR_RETURN(
      std::optional<domain::User> user,
      store::Transact<std::optional<domain::User>>(
          database_, store::Access::kRead,
          [&](store::Tx& tx) { return tx.directory().FindUserByUsername(attempt.username); }));
  bool verified = auth::VerifyPassword(user ? user->password_hash : DecoyHash(), attempt.password);
  if (!user || !verified || !user->active) return failed("password", BadCredentials());

  return OpenLogin(*user, attempt.otp, attempt.user_agent, account, request);
}

Result<LoginResult> LoginService::LoginVouched(int64_t user_id, std::string_view otp,
                                               std::string_view user_agent,
                                               const RequestContext& request) {
  MK_ASSIGN_OR_RETURN(
      std::optional<domain::User> user,
      store::Transact<std::optional<domain::User>>(
          database_, store::Access::kRead,
          [&](store::Tx& tx) { return tx.directory().FindUser(user_id); }));
  if (!user || !user->active) return BadCredentials();
  std::string account = LoginThrottle::AccountOf(user->username);
  TimePoint now = clock_.Now();
  if (std::chrono::seconds wait = throttle_.RetryAfter(account, request.client_address, now);
      wait.count() > 0) {
    return TooManyAttempts(wait);
  }
  return OpenLogin(*user, otp, user_agent, account, request);
}

Result<LoginResult> LoginService::OpenLogin(const domain::User& found, std::string_view otp,
                                            std::string_view user_agent, const std::string& account,
                                            const RequestContext& request) {
  TimePoint now = clock_.Now();
  const domain::User* user = &found;
  auto failed = [&](const char* why, Error error) -> Error {
    throttle_.Failed(account, request.client_address, clock_.Now());
    log::Warn("login_failed", {{"username", found.username}, {"why", why},
                               {"client", request.client_address},
                               {"request_id", request.request_id}});
    return error;
  };
  LoginResult result;
  result.token = auth::NewSessionToken();
  result.expires_at = now + policy_.absolute;
  result.lifetime = std::chrono::duration_cast<std::chrono::seconds>(policy_.absolute);
  Result<SecondFactorCheck> checked = Error{};
  MK_RETURN_IF_ERROR(database_.Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
    checked = CheckSecondFactor(tx, user->id, otp, now);
    if (!checked.ok() || *checked == SecondFactorCheck::kMissing ||
        *checked == SecondFactorCheck::kWrong) {
      return Ok();  // nothing to write; the refusal is given below
    }
    // Every login clears the logins that have ended (an index range on expires_at), so the
    // table holds at most the logins begun within one lifetime, on every node alike.
    MK_RETURN_IF_ERROR(tx.logins().DeleteExpired(now, now - policy_.idle));
    store::LoginRecord login{auth::HashSessionToken(result.token), user->id, now,
                             result.expires_at, request.client_address,
                             auth::RandomHex(8), now, now,
                             *checked == SecondFactorCheck::kPassed, std::string(user_agent)};
    MK_RETURN_IF_ERROR(tx.logins().Insert(login));
    LoginState state{login.token_hash, now, now, login.second_factor,
                     *checked == SecondFactorCheck::kPassed, false};
    MK_ASSIGN_OR_RETURN(result.principal, LoadPrincipal(tx, *user, request, state,
                                                        policy_.require_second_factor));
    return Ok();
  }));
  if (!checked.ok()) return checked.error();
  if (*checked == SecondFactorCheck::kMissing) return OtpRequired();
  if (*checked == SecondFactorCheck::kWrong) return failed("otp", WrongOtp());
  throttle_.Succeeded(account, request.client_address, now);
  log::Info("login", {{"user_id", user->id},
                      {"second_factor", *checked == SecondFactorCheck::kPassed},
                      {"request_id", request.request_id}});
  return result;
}

Result<void> LoginService::Logout(std::string_view token) {
  return database_.Run(store::Access::kWrite, [&](store::Tx& tx) {
    cache_.Forget(auth::HashSessionToken(token));
    return tx.logins().Delete(auth::HashSessionToken(token));
  });
}

Result<Principal> LoginService::Authenticate(std::string_view token,
                                             const RequestContext& request, bool activity) {
  if (token.empty()) return LoginEnded();
  std::string hash = auth::HashSessionToken(token);
  TimePoint now = clock_.Now();
  MK_ASSIGN_OR_RETURN(LoginCache::Kept login, LookUpLogin(hash, now));
  if (login.expires_at <= now || login.principal.login.last_seen_at + policy_.idle <= now) {
    return LoginEnded();
  }
  Principal principal = std::move(login.principal);
  principal.request = request;
  // Activity keeps the login from its idle end; written at most once a minute, so that reading
  // stays a read.
  if (activity && principal.login.last_seen_at + std::chrono::minutes(1) <= now) {
    MK_RETURN_IF_ERROR(database_.Run(store::Access::kWrite, [&](store::Tx& tx) {
      return tx.logins().Touch(hash, now);
    }));
  }
  return principal;
}

Result<LoginCache::Kept> LoginService::LookUpLogin(const std::string& hash, TimePoint now) {
  // The generation is read before the tables: a change made meanwhile makes what is read stale.
  uint64_t generation = store::PrincipalTablesGeneration();
  if (std::optional<LoginCache::Kept> kept = cache_.Find(hash, generation)) return *kept;
  MK_ASSIGN_OR_RETURN(LoginCache::Kept login,
                      store::Transact<LoginCache::Kept>(database_, store::Access::kRead,
                                                        [&](store::Tx& tx) -> Result<LoginCache::Kept> {
    MK_ASSIGN_OR_RETURN(std::optional<store::LoginRecord> login, tx.logins().Find(hash));
    if (!login || login->expires_at <= now || login->last_seen_at + policy_.idle <= now) {
      return LoginEnded();
    }
    MK_ASSIGN_OR_RETURN(std::optional<domain::User> user, tx.directory().FindUser(login->user_id));
    if (!user || !user->active) return LoginEnded();
    MK_ASSIGN_OR_RETURN(bool has_second_factor, tx.second_factors().HasConfirmed(user->id));
    LoginState state{hash, login->verified_at, login->last_seen_at, login->second_factor,
                     has_second_factor, false};
    LoginCache::Kept kept;
    MK_ASSIGN_OR_RETURN(kept.principal,
                        LoadPrincipal(tx, *user, {}, state, policy_.require_second_factor));
    kept.expires_at = login->expires_at;
    return kept;
  }));
  cache_.Keep(hash, generation, login.principal, login.expires_at);
  return login;
}

Result<Principal> LoginService::PrincipalOf(int64_t user_id, const RequestContext& request) {
  return store::Transact<Principal>(database_, store::Access::kRead,
                                    [&](store::Tx& tx) -> Result<Principal> {
    MK_ASSIGN_OR_RETURN(std::optional<domain::User> user, tx.directory().FindUser(user_id));
    if (!user) {
      return MakeError(ErrorCode::kNotFound, "Deze gebruiker bestaat niet.",
                       "This user does not exist.");
    }
    return LoadPrincipal(tx, *user, request, {}, false);
  });
}

}  // namespace meekijk::service
