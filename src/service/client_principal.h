// The caller an API client is: its user, narrowed to the client's organisation, with the client's
// grant. Built for every call of the client (its token) and for every notification sent to it (a
// subscription), so that a revoked client or a deactivated user stops both at once.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "service/principal.h"

namespace meekijk::store {
class Tx;
}

namespace meekijk::service {

// kUnauthenticated when the client is unknown or revoked, its user gone or inactive, or the user
// is no longer a member of the client's organisation. `scopes` are what this call may use.
Result<Principal> ClientPrincipal(store::Tx& tx, int64_t api_client_id,
                                  std::vector<std::string> scopes, TimePoint now,
                                  const RequestContext& context);

}  // namespace meekijk::service
