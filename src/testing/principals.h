// Test support for the service suites: a Principal as a login builds it (the user, their
// memberships and pools), read straight from the database, with a test request context.
#pragma once

#include <gtest/gtest.h>

#include "service/principal.h"
#include "store/agreements.h"
#include "store/database.h"
#include "store/directory.h"
#include "store/tx.h"

namespace meekijk::testing {

inline service::Principal LoadPrincipal(store::Database& database, int64_t user_id) {
  service::Principal principal;
  Result<void> loaded = database.Run(store::Access::kRead, [&](store::Tx& tx) -> Result<void> {
    MK_ASSIGN_OR_RETURN(auto user, tx.directory().FindUser(user_id));
    if (!user) return MakeError(ErrorCode::kNotFound, "geen gebruiker", "no such user");
    principal.user = *user;
    MK_ASSIGN_OR_RETURN(principal.memberships, tx.directory().Memberships(user_id));
    MK_ASSIGN_OR_RETURN(principal.pools, tx.agreements().PoolsOfMember(user_id));
    return Ok();
  });
  EXPECT_TRUE(loaded.ok()) << "user " << user_id;
  principal.request = {"127.0.0.1", "test"};
  return principal;
}

}  // namespace meekijk::testing
