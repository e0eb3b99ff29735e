// Building a Principal from a user's rows: for the login service and the API clients, which both
// turn a credential into the same kind of caller.
#pragma once

#include "core/result.h"
#include "service/principal.h"

namespace meekijk::store {
class Tx;
}

namespace meekijk::service {

// The user's memberships and pools, with `login`; when `require_second_factor` and the user sees
// patient data but the login has no second factor, the memberships and pools are left empty.
Result<Principal> LoadPrincipal(store::Tx& tx, const domain::User& user,
                                const RequestContext& request, LoginState login,
                                bool require_second_factor);

}  // namespace meekijk::service
