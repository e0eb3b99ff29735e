// The store contract, referral part.
#include "store/referrals.h"

#include "store/consults.h"
#include "store/store_test_fixture.h"

namespace meekijk::store {
namespace {

class ReferralRepositoryTest : public StoreTest {};

TEST_P(ReferralRepositoryTest, AConsultBecomesAReferralOnce) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    domain::Consult consult = NewConsult(d, 1);
    MK_ASSIGN_OR_RETURN(consult.id, tx.consults().Insert(consult));
    ReferralRepository referrals = tx.referrals();
    EXPECT_FALSE(referrals.Find(consult.id)->has_value());
    ReferralRecord referral{consult.id, "Geachte collega, …", d.gp, kNow};
    MK_RETURN_IF_ERROR(referrals.Insert(referral));
    MK_ASSIGN_OR_RETURN(ReferralRecord found, Present(referrals.Find(consult.id)));
    EXPECT_EQ(found, referral);
    EXPECT_FALSE(referrals.Insert(referral).ok());
    return Ok();
  });
}

MEEKIJK_STORE_SUITE(ReferralRepositoryTest);

}  // namespace
}  // namespace meekijk::store
