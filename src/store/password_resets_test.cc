// The store contract, password-reset part.
#include "store/password_resets.h"

#include "store/store_test_fixture.h"

namespace meekijk::store {
namespace {

using std::chrono::hours;

class PasswordResetRepositoryTest : public StoreTest {
 protected:
  static PasswordResetRecord Link(const std::string& hash, int64_t user, int64_t issuer) {
    return {hash, user, issuer, kNow, kNow + hours(24), std::nullopt, false};
  }
};

TEST_P(PasswordResetRepositoryTest, ALinkIsUsedOnceAndOnlyBeforeItExpires) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    PasswordResetRepository resets = tx.password_resets();
    MK_RETURN_IF_ERROR(resets.Replace(Link("a", d.gp, d.specialist)));
    PasswordResetRecord with_second_factor = Link("b", d.specialist, d.gp);
    with_second_factor.second_factor_reset = true;
    MK_RETURN_IF_ERROR(resets.Replace(with_second_factor));
    MK_ASSIGN_OR_RETURN(PasswordResetRecord stored, Present(resets.Find("b")));
    EXPECT_EQ(stored, with_second_factor);
    EXPECT_EQ(*resets.Use("b", kNow + hours(24)), std::nullopt);  // expired at its end
    EXPECT_EQ(*resets.Use("unknown", kNow), std::nullopt);
    EXPECT_EQ(*resets.Use("a", kNow + hours(1)), d.gp);
    EXPECT_EQ(*resets.Use("a", kNow + hours(1)), std::nullopt);  // used
    MK_ASSIGN_OR_RETURN(PasswordResetRecord used, Present(resets.Find("a")));
    EXPECT_EQ(used.used_at, kNow + hours(1));
    EXPECT_EQ(used.issued_by, d.specialist);
    EXPECT_EQ(used.expires_at, kNow + hours(24));
    return Ok();
  });
}

TEST_P(PasswordResetRepositoryTest, ANewLinkVoidsTheUsersEarlierOnes) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    PasswordResetRepository resets = tx.password_resets();
    MK_RETURN_IF_ERROR(resets.Replace(Link("first", d.gp, d.specialist)));
    MK_RETURN_IF_ERROR(resets.Replace(Link("second", d.gp, d.specialist)));
    MK_ASSIGN_OR_RETURN(auto first, resets.Find("first"));
    EXPECT_FALSE(first.has_value());
    EXPECT_EQ(*resets.Use("first", kNow), std::nullopt);
    EXPECT_EQ(*resets.Use("second", kNow), d.gp);
    return Ok();
  });
}

TEST_P(PasswordResetRepositoryTest, ALinkNeedsAnExistingUser) {
  Result<void> stored = db_->Run(Access::kWrite, [&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    return tx.password_resets().Replace(Link("x", 999'999, d.gp));
  });
  EXPECT_FALSE(stored.ok());
}

MEEKIJK_STORE_SUITE(PasswordResetRepositoryTest);

}  // namespace
}  // namespace meekijk::store
