#include "service/client_principal.h"

#include "service/principal_loading.h"
#include "store/api_clients.h"
#include "store/directory.h"
#include "store/tx.h"

namespace meekijk::service {

Result<Principal> ClientPrincipal(store::Tx& tx, int64_t api_client_id,
                                  std::vector<std::string> scopes, TimePoint now,
                                  const RequestContext& context) {
  Error unknown = MakeError(ErrorCode::kUnauthenticated,
                            "Dit systeem heeft geen toegang (meer).",
                            "This system has no access (any more).");
  unknown.reason = "invalid_token";
  MK_ASSIGN_OR_RETURN(auto client, tx.api_clients().Find(api_client_id));
  if (!client || client->revoked_at) return unknown;
  MK_ASSIGN_OR_RETURN(auto user, tx.directory().FindUser(client->user_id));
  if (!user || !user->active) return unknown;
  // The signed assertion is a key the system holds: a possession factor of its own.
  LoginState login;
  login.second_factor = true;
  login.has_second_factor = true;
  login.verified_at = now;
  login.last_seen_at = now;
  MK_ASSIGN_OR_RETURN(Principal principal, LoadPrincipal(tx, *user, context, login, false));
  std::erase_if(principal.memberships, [&](const domain::Membership& m) {
    return m.organisation_id != client->organisation_id;
  });
  std::erase_if(principal.pools, [&](const domain::Pool& pool) {
    return pool.organisation_id != client->organisation_id;
  });
  if (principal.memberships.empty()) return unknown;
  principal.api_client = ApiClientGrant{client->id, client->client_id, client->name,
                                        client->organisation_id, std::move(scopes)};
  return principal;
}

}  // namespace meekijk::service
