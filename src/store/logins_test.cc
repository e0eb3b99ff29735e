// The store contract, logins part.
#include "store/logins.h"

#include "store/store_test_fixture.h"

namespace meekijk::store {
namespace {

class LoginRepositoryTest : public StoreTest {};

TEST_P(LoginRepositoryTest, LoginsExpireAndAreDeleted) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    LoginRepository logins = tx.logins();
    LoginRecord current{"hash-1", d.gp, kNow, kNow + std::chrono::hours(1), "::1"};
    MK_RETURN_IF_ERROR(logins.Insert(current));
    MK_RETURN_IF_ERROR(logins.Insert({"hash-2", d.gp, kNow, kNow - std::chrono::hours(1), ""}));
    MK_ASSIGN_OR_RETURN(auto found, Present(logins.Find("hash-1")));
    EXPECT_EQ(found, current);
    EXPECT_EQ(*logins.DeleteExpired(kNow), 1);
    MK_RETURN_IF_ERROR(logins.Delete("hash-1"));
    MK_ASSIGN_OR_RETURN(auto gone, logins.Find("hash-1"));
    EXPECT_FALSE(gone.has_value());
    return Ok();
  });
}

MEEKIJK_STORE_SUITE(LoginRepositoryTest);

}  // namespace
}  // namespace meekijk::store
