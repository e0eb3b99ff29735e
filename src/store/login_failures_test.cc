// The store contract, login-throttle part.
#include "store/login_failures.h"

#include "store/store_test_fixture.h"

namespace meekijk::store {
namespace {

using std::chrono::minutes;

class LoginFailureRepositoryTest : public StoreTest {};

TEST_P(LoginFailureRepositoryTest, CountsFailuresAndStartsAgainAfterAQuietWindow) {
  Write([&](Tx& tx) -> Result<void> {
    LoginFailureRepository failures = tx.login_failures();
    MK_RETURN_IF_ERROR(failures.Count("a", kNow, kNow - minutes(15)));
    MK_RETURN_IF_ERROR(failures.Count("a", kNow + minutes(1), kNow - minutes(14)));
    MK_RETURN_IF_ERROR(failures.Count("b", kNow, kNow - minutes(15)));
    EXPECT_EQ(*failures.Find({"a", "b", "c"}),
              (std::vector<FailureCounter>{{"a", 2, kNow + minutes(1)}, {"b", 1, kNow}}));
    // Quiet since before the window: the next failure is the first again.
    MK_RETURN_IF_ERROR(failures.Count("a", kNow + minutes(30), kNow + minutes(15)));
    EXPECT_EQ(*failures.Find({"a"}), (std::vector<FailureCounter>{{"a", 1, kNow + minutes(30)}}));
    MK_RETURN_IF_ERROR(failures.Clear("a"));
    EXPECT_TRUE(failures.Find({"a"})->empty());
    return Ok();
  });
}

TEST_P(LoginFailureRepositoryTest, RemembersKnownAddressesAndForgetsWhatIsOld) {
  Write([&](Tx& tx) -> Result<void> {
    LoginFailureRepository failures = tx.login_failures();
    EXPECT_FALSE(*failures.IsKnown("k"));
    MK_RETURN_IF_ERROR(failures.Remember("k", kNow));
    MK_RETURN_IF_ERROR(failures.Remember("k", kNow + minutes(5)));  // refreshed, not doubled
    MK_RETURN_IF_ERROR(failures.Remember("old", kNow - minutes(60)));
    MK_RETURN_IF_ERROR(failures.Count("quiet", kNow - minutes(60), kNow - minutes(75)));
    MK_RETURN_IF_ERROR(failures.Count("busy", kNow, kNow - minutes(15)));
    EXPECT_EQ(*failures.Forget(kNow - minutes(15), kNow - minutes(30)), 2);
    EXPECT_TRUE(*failures.IsKnown("k"));
    EXPECT_FALSE(*failures.IsKnown("old"));
    EXPECT_EQ(failures.Find({"quiet", "busy"})->size(), 1u);
    return Ok();
  });
}

MEEKIJK_STORE_SUITE(LoginFailureRepositoryTest);

}  // namespace
}  // namespace meekijk::store
