// The user's own security settings: enrolling the second factor, re-authenticating, changing the
// password, and the list of their logins.
#include "auth/password.h"
#include "auth/recovery_codes.h"
#include "auth/token.h"
#include "auth/totp.h"
#include "core/log.h"
#include "service/login_service.h"
#include "service/reauthentication.h"
#include "service/second_factor.h"
#include "store/database.h"
#include "store/directory.h"
#include "store/logins.h"
#include "store/second_factors.h"
#include "store/tx.h"

namespace meekijk::service {
namespace {

constexpr std::string_view kIssuer = "meekijk";

Error NoLogin() {
  return MakeError(ErrorCode::kUnauthenticated, "Log eerst in.", "Please log in first.");
}

// The user as stored now, with the password hash the principal does not carry.
Result<std::optional<domain::User>> StoredUser(store::Database& database, int64_t id) {
  return store::Transact<std::optional<domain::User>>(
      database, store::Access::kRead, [&](store::Tx& tx) { return tx.directory().FindUser(id); });
}

// kTooManyRequests while the throttle holds this account and address back.
Result<void> Unthrottled(LoginThrottle& throttle, const std::string& account,
                         const std::string& address, TimePoint now) {
  std::chrono::seconds wait = throttle.RetryAfter(account, address, now);
  if (wait.count() == 0) return Ok();
  Error error = MakeError(ErrorCode::kTooManyRequests, "Te veel mislukte pogingen.",
                          "Too many failed attempts.");
  error.retry_after_seconds = wait.count();
  return error;
}

}  // namespace

Result<OtpEnrolment> LoginService::BeginOtpEnrolment(const Principal& principal) {
  if (principal.login.token_hash.empty()) return NoLogin();
  TimePoint now = clock_.Now();
  if (principal.login.has_second_factor) {
    MK_RETURN_IF_ERROR(RequireRecentPassword(principal, now, policy_.reauthentication));
  }
  std::string secret = auth::NewTotpSecret();
  MK_RETURN_IF_ERROR(database_.Run(store::Access::kWrite, [&](store::Tx& tx) {
    return tx.second_factors().SetPending(principal.user.id, auth::Base32(secret), now);
  }));
  log::Info("otp_enrolment_started", {{"user_id", principal.user.id},
                                      {"request_id", principal.request.request_id}});
  return OtpEnrolment{auth::Base32(secret),
                      auth::TotpUri(kIssuer, principal.user.username, secret)};
}

Result<ConfirmedOtp> LoginService::ConfirmOtp(const Principal& principal, std::string_view otp) {
  if (principal.login.token_hash.empty()) return NoLogin();
  TimePoint now = clock_.Now();
  std::vector<std::string> codes = auth::NewRecoveryCodes();
  ConfirmedOtp outcome;
  outcome.token = auth::NewSessionToken();
  MK_RETURN_IF_ERROR(database_.Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
    store::SecondFactorRepository factors = tx.second_factors();
    MK_ASSIGN_OR_RETURN(std::optional<store::SecondFactorRecord> factor,
                        factors.Find(principal.user.id));
    std::optional<std::string> pending =
        factor && factor->pending_secret ? auth::FromBase32(*factor->pending_secret)
                                         : std::nullopt;
    if (!pending) {
      return MakeError(ErrorCode::kConflict,
                       "Er wacht geen nieuwe authenticator op bevestiging. Begin opnieuw.",
                       "No new authenticator is waiting for confirmation. Please start again.");
    }
    std::optional<int64_t> step = auth::MatchTotp(*pending, otp, now);
    if (!step) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "Deze code klopt niet. Controleer de tijd op uw telefoon en probeer de "
                       "volgende code.",
                       "This code is wrong. Check your phone's clock and try the next code.",
                       "otp");
    }
    MK_ASSIGN_OR_RETURN(bool confirmed, factors.Confirm(principal.user.id, *step, now));
    if (!confirmed) return MakeFact(ErrorCode::kConflict, "stale_version");
    std::vector<std::string> hashes;
    for (const std::string& code : codes) hashes.push_back(auth::HashRecoveryCode(code));
    MK_RETURN_IF_ERROR(factors.ReplaceRecoveryCodes(principal.user.id, hashes));
    // The same login, under a new token, now with its second factor.
    store::LoginRepository logins = tx.logins();
    MK_ASSIGN_OR_RETURN(std::optional<store::LoginRecord> login,
                        logins.Find(principal.login.token_hash));
    if (!login) return NoLogin();
    store::LoginRecord renewed = *login;
    renewed.token_hash = auth::HashSessionToken(outcome.token);
    renewed.verified_at = now;
    renewed.second_factor = true;
    MK_RETURN_IF_ERROR(logins.Delete(principal.login.token_hash));
    MK_RETURN_IF_ERROR(logins.Insert(renewed));
    outcome.lifetime =
        std::chrono::duration_cast<std::chrono::seconds>(renewed.expires_at - now);
    return Ok();
  }));
  log::Info("otp_enrolled", {{"user_id", principal.user.id},
                             {"request_id", principal.request.request_id}});
  outcome.recovery_codes = std::move(codes);
  return outcome;
}

Result<void> LoginService::Reauthenticate(const Principal& principal, std::string_view password,
                                          std::string_view otp) {
  if (principal.login.token_hash.empty()) return NoLogin();
  TimePoint now = clock_.Now();
  std::string account = LoginThrottle::AccountOf(principal.user.username);
  MK_RETURN_IF_ERROR(Unthrottled(throttle_, account, principal.request.client_address, now));
  auto wrong = [&]() -> Error {
    throttle_.Failed(account, principal.request.client_address, clock_.Now());
    log::Warn("reauthentication_failed", {{"user_id", principal.user.id},
                                          {"client", principal.request.client_address},
                                          {"request_id", principal.request.request_id}});
    return MakeError(ErrorCode::kUnauthenticated, "Het wachtwoord of de code is onjuist.",
                     "The password or code is incorrect.", "password");
  };
  MK_ASSIGN_OR_RETURN(std::optional<domain::User> user, StoredUser(database_, principal.user.id));
  if (!user || !auth::VerifyPassword(user->password_hash, password)) return wrong();
  bool passed = false;
  MK_RETURN_IF_ERROR(database_.Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
    MK_ASSIGN_OR_RETURN(SecondFactorCheck check, CheckSecondFactor(tx, user->id, otp, now));
    if (check == SecondFactorCheck::kMissing || check == SecondFactorCheck::kWrong) return Ok();
    passed = true;
    return tx.logins().MarkVerified(principal.login.token_hash, now,
                                    check == SecondFactorCheck::kPassed ||
                                        principal.login.second_factor);
  }));
  if (!passed) return wrong();
  throttle_.Succeeded(account, principal.request.client_address, now);
  log::Info("reauthenticated", {{"user_id", principal.user.id},
                                {"request_id", principal.request.request_id}});
  return Ok();
}

Result<void> LoginService::ChangePassword(const Principal& principal,
                                          std::string_view current_password,
                                          std::string_view new_password) {
  if (principal.login.token_hash.empty()) return NoLogin();
  TimePoint now = clock_.Now();
  std::string account = LoginThrottle::AccountOf(principal.user.username);
  MK_RETURN_IF_ERROR(Unthrottled(throttle_, account, principal.request.client_address, now));
  MK_ASSIGN_OR_RETURN(std::optional<domain::User> user, StoredUser(database_, principal.user.id));
  // A 422 on the field rather than a 401: the login itself is fine, and a 401 would log out.
  if (!user || !auth::VerifyPassword(user->password_hash, current_password)) {
    throttle_.Failed(account, principal.request.client_address, clock_.Now());
    log::Warn("password_change_refused", {{"user_id", principal.user.id},
                                          {"client", principal.request.client_address},
                                          {"request_id", principal.request.request_id}});
    return MakeError(ErrorCode::kInvalidArgument, "Uw huidige wachtwoord is onjuist.",
                     "Your current password is incorrect.", "current_password");
  }
  Result<void> strong = auth::ValidateNewPassword(
      new_password, {user->username, user->display_name, user->email, "meekijk"});
  if (!strong.ok()) {
    Error error = strong.error();
    if (!error.field.empty()) error.field = "new_password";
    return error;
  }
  if (new_password == current_password) {
    return MakeError(ErrorCode::kInvalidArgument, "Kies een ander wachtwoord dan het huidige.",
                     "Choose a password other than the current one.", "new_password");
  }
  MK_ASSIGN_OR_RETURN(std::string hash, auth::HashPassword(new_password));
  MK_RETURN_IF_ERROR(database_.Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
    MK_RETURN_IF_ERROR(tx.directory().SetPasswordHash(user->id, hash));
    MK_RETURN_IF_ERROR(tx.logins().DeleteAllOfUser(user->id, principal.login.token_hash));
    return tx.logins().MarkVerified(principal.login.token_hash, now, principal.login.second_factor);
  }));
  throttle_.Succeeded(account, principal.request.client_address, now);
  log::Info("password_changed", {{"user_id", user->id},
                                 {"request_id", principal.request.request_id}});
  return Ok();
}

Result<std::vector<LoginSummary>> LoginService::Logins(const Principal& principal) {
  if (principal.login.token_hash.empty()) return NoLogin();
  MK_ASSIGN_OR_RETURN(std::vector<store::LoginRecord> logins,
                      store::Transact<std::vector<store::LoginRecord>>(
                          database_, store::Access::kRead,
                          [&](store::Tx& tx) { return tx.logins().OfUser(principal.user.id); }));
  TimePoint now = clock_.Now();
  std::vector<LoginSummary> out;
  for (const store::LoginRecord& login : logins) {
    if (login.expires_at <= now || login.last_seen_at + policy_.idle <= now) continue;
    out.push_back({login.public_id, login.created_at, login.last_seen_at, login.expires_at,
                   login.client_address, login.user_agent, login.second_factor,
                   login.token_hash == principal.login.token_hash});
  }
  return out;
}

Result<void> LoginService::EndLogin(const Principal& principal, std::string_view id) {
  if (principal.login.token_hash.empty()) return NoLogin();
  MK_RETURN_IF_ERROR(RequireRecentPassword(principal, clock_.Now(), policy_.reauthentication));
  MK_ASSIGN_OR_RETURN(bool ended, id.empty() ? Result<bool>(false) : store::Transact<bool>(database_, store::Access::kWrite,
                                                        [&](store::Tx& tx) {
    return tx.logins().DeleteOfUser(principal.user.id, id);
  }));
  if (!ended) {
    return MakeError(ErrorCode::kNotFound, "Deze sessie bestaat niet (meer).",
                     "This session does not exist (any more).");
  }
  return Ok();
}

Result<int64_t> LoginService::EndOtherLogins(const Principal& principal) {
  if (principal.login.token_hash.empty()) return NoLogin();
  MK_RETURN_IF_ERROR(RequireRecentPassword(principal, clock_.Now(), policy_.reauthentication));
  return store::Transact<int64_t>(database_, store::Access::kWrite, [&](store::Tx& tx) {
    return tx.logins().DeleteAllOfUser(principal.user.id, principal.login.token_hash);
  });
}

Result<void> LoginService::EnrolForDemo(int64_t user_id, const std::string& secret) {
  return database_.Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
    store::SecondFactorRepository factors = tx.second_factors();
    MK_RETURN_IF_ERROR(factors.SetPending(user_id, auth::Base32(secret), clock_.Now()));
    MK_ASSIGN_OR_RETURN(bool confirmed, factors.Confirm(user_id, 0, clock_.Now()));
    if (!confirmed) return MakeFact(ErrorCode::kConflict, "stale_version");
    return Ok();
  });
}

}  // namespace meekijk::service
