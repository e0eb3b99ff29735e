// The store contract, second-factor part.
#include "store/second_factors.h"

#include "store/store_test_fixture.h"

namespace meekijk::store {
namespace {

class SecondFactorRepositoryTest : public StoreTest {};

TEST_P(SecondFactorRepositoryTest, APendingSecretReplacesTheOldOneOnlyWhenConfirmed) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    SecondFactorRepository factors = tx.second_factors();
    MK_ASSIGN_OR_RETURN(auto none, factors.Find(d.gp));
    EXPECT_FALSE(none.has_value());
    MK_RETURN_IF_ERROR(factors.SetPending(d.gp, "OLD", kNow));
    EXPECT_TRUE(*factors.Confirm(d.gp, 100, kNow));
    EXPECT_FALSE(*factors.Confirm(d.gp, 101, kNow));  // nothing pending any more
    MK_RETURN_IF_ERROR(factors.SetPending(d.gp, "NEW", kNow));
    MK_ASSIGN_OR_RETURN(auto both, Present(factors.Find(d.gp)));
    EXPECT_EQ(both.secret, "OLD");
    EXPECT_EQ(both.pending_secret, "NEW");
    EXPECT_EQ(both.confirmed_at, kNow);
    EXPECT_TRUE(*factors.Confirm(d.gp, 200, kNow));
    MK_ASSIGN_OR_RETURN(auto confirmed, Present(factors.Find(d.gp)));
    EXPECT_EQ(confirmed.secret, "NEW");
    EXPECT_FALSE(confirmed.pending_secret.has_value());
    EXPECT_EQ(confirmed.last_step, 200);
    return Ok();
  });
}

TEST_P(SecondFactorRepositoryTest, ListsOnlyUsersWithAConfirmedSecret) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    SecondFactorRepository factors = tx.second_factors();
    MK_RETURN_IF_ERROR(factors.SetPending(d.gp, "G", kNow));
    MK_RETURN_IF_ERROR(factors.SetPending(d.specialist, "S", kNow));
    EXPECT_TRUE(*factors.Confirm(d.specialist, 1, kNow));
    EXPECT_EQ(*factors.UsersWithSecondFactor(), std::vector<int64_t>{d.specialist});
    EXPECT_TRUE(*factors.HasConfirmed(d.specialist));
    EXPECT_FALSE(*factors.HasConfirmed(d.gp));  // only pending
    return Ok();
  });
}

TEST_P(SecondFactorRepositoryTest, AStepIsAcceptedOnceAndNeverAnEarlierOne) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    SecondFactorRepository factors = tx.second_factors();
    EXPECT_FALSE(*factors.UseStep(d.gp, 5));  // no confirmed secret
    MK_RETURN_IF_ERROR(factors.SetPending(d.gp, "S", kNow));
    EXPECT_FALSE(*factors.UseStep(d.gp, 5));  // still only pending
    EXPECT_TRUE(*factors.Confirm(d.gp, 10, kNow));
    EXPECT_FALSE(*factors.UseStep(d.gp, 10));  // the confirming code
    EXPECT_TRUE(*factors.UseStep(d.gp, 11));
    EXPECT_FALSE(*factors.UseStep(d.gp, 11));  // replayed
    EXPECT_FALSE(*factors.UseStep(d.gp, 9));   // older
    MK_RETURN_IF_ERROR(factors.Remove(d.gp));
    MK_ASSIGN_OR_RETURN(auto gone, factors.Find(d.gp));
    EXPECT_FALSE(gone.has_value());
    return Ok();
  });
}

TEST_P(SecondFactorRepositoryTest, RecoveryCodesAreUsedOnceAndReplacedAsAWhole) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    SecondFactorRepository factors = tx.second_factors();
    MK_RETURN_IF_ERROR(factors.ReplaceRecoveryCodes(d.gp, {"h1", "h2", "h3"}));
    MK_RETURN_IF_ERROR(factors.ReplaceRecoveryCodes(d.specialist, {"x1"}));
    MK_ASSIGN_OR_RETURN(auto codes, factors.UnusedRecoveryCodes(d.gp));
    EXPECT_EQ(codes.size(), 3u);
    EXPECT_TRUE(*factors.UseRecoveryCode(codes.at(1).id, kNow));
    EXPECT_FALSE(*factors.UseRecoveryCode(codes.at(1).id, kNow));
    MK_ASSIGN_OR_RETURN(auto left, factors.UnusedRecoveryCodes(d.gp));
    EXPECT_EQ(left.size(), 2u);
    MK_RETURN_IF_ERROR(factors.ReplaceRecoveryCodes(d.gp, {"n1"}));
    MK_ASSIGN_OR_RETURN(auto fresh, factors.UnusedRecoveryCodes(d.gp));
    EXPECT_EQ(fresh.size(), 1u);
    EXPECT_EQ(fresh.at(0).code_hash, "n1");
    MK_ASSIGN_OR_RETURN(auto theirs, factors.UnusedRecoveryCodes(d.specialist));
    EXPECT_EQ(theirs.size(), 1u);
    return Ok();
  });
}

MEEKIJK_STORE_SUITE(SecondFactorRepositoryTest);

}  // namespace
}  // namespace meekijk::store
