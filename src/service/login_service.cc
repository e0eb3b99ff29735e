// Logins: Argon2id-checked passwords, opaque tokens, expiry.
#include "service/login_service.h"

#include "auth/password.h"
#include "auth/token.h"
#include "core/log.h"
#include "store/agreements.h"
#include "store/database.h"
#include "store/directory.h"
#include "store/logins.h"
#include "store/tx.h"

namespace meekijk::service {
namespace {

Error BadCredentials() {
  return MakeError(ErrorCode::kUnauthenticated, "Gebruikersnaam of wachtwoord is onjuist.",
                   "The username or password is incorrect.");
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

Result<Principal> LoadPrincipal(store::Tx& tx, const domain::User& user,
                                const RequestContext& request) {
  Principal principal;
  principal.user = user;
  principal.user.password_hash.clear();  // no use case needs it past this point
  MK_ASSIGN_OR_RETURN(principal.memberships, tx.directory().Memberships(user.id));
  MK_ASSIGN_OR_RETURN(principal.pools, tx.agreements().PoolsOfMember(user.id));
  principal.request = request;
  return principal;
}

}  // namespace

Result<LoginResult> LoginService::Login(std::string_view username, std::string_view password,
                                          const RequestContext& request) {
  MK_ASSIGN_OR_RETURN(
      std::optional<domain::User> user,
      store::Transact<std::optional<domain::User>>(database_, store::Access::kRead,
                                                   [&](store::Tx& tx) {
                                                     return tx.directory().FindUserByUsername(username);
                                                   }));
  bool verified = auth::VerifyPassword(user ? user->password_hash : DecoyHash(), password);
  if (!user || !verified || !user->active) {
    log::Warn("login_failed", {{"username", username}, {"client", request.client_address},
                               {"request_id", request.request_id}});
    return BadCredentials();
  }
  LoginResult result;
  result.token = auth::NewSessionToken();
  TimePoint now = clock_.Now();
  result.expires_at = now + ttl_;
  result.lifetime = std::chrono::duration_cast<std::chrono::seconds>(ttl_);
  MK_RETURN_IF_ERROR(database_.Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
    // Every login clears the logins that have expired (an index range on expires_at), so the
    // table holds at most the logins begun within one lifetime, on every node alike.
    MK_RETURN_IF_ERROR(tx.logins().DeleteExpired(now));
    MK_RETURN_IF_ERROR(tx.logins().Insert({auth::HashSessionToken(result.token), user->id, now,
                                         result.expires_at, request.client_address}));
    MK_ASSIGN_OR_RETURN(result.principal, LoadPrincipal(tx, *user, request));
    return Ok();
  }));
  log::Info("login", {{"user_id", user->id}, {"request_id", request.request_id}});
  return result;
}

Result<void> LoginService::Logout(std::string_view token) {
  return database_.Run(store::Access::kWrite, [&](store::Tx& tx) {
    return tx.logins().Delete(auth::HashSessionToken(token));
  });
}

Result<Principal> LoginService::Authenticate(std::string_view token,
                                               const RequestContext& request) {
  if (token.empty()) return LoginEnded();
  std::string hash = auth::HashSessionToken(token);
  TimePoint now = clock_.Now();
  return store::Transact<Principal>(database_, store::Access::kRead,
                                    [&](store::Tx& tx) -> Result<Principal> {
    MK_ASSIGN_OR_RETURN(std::optional<store::LoginRecord> session, tx.logins().Find(hash));
    if (!session || session->expires_at <= now) return LoginEnded();
    MK_ASSIGN_OR_RETURN(std::optional<domain::User> user, tx.directory().FindUser(session->user_id));
    if (!user || !user->active) return LoginEnded();
    return LoadPrincipal(tx, *user, request);
  });
}

Result<Principal> LoginService::PrincipalOf(int64_t user_id, const RequestContext& request) {
  return store::Transact<Principal>(database_, store::Access::kRead,
                                    [&](store::Tx& tx) -> Result<Principal> {
    MK_ASSIGN_OR_RETURN(std::optional<domain::User> user, tx.directory().FindUser(user_id));
    if (!user) {
      return MakeError(ErrorCode::kNotFound, "Deze gebruiker bestaat niet.",
                       "This user does not exist.");
    }
    return LoadPrincipal(tx, *user, request);
  });
}

}  // namespace meekijk::service
