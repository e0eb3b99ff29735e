// The store contract, launch-key part.
#include "store/launch_keys.h"

#include "store/store_test_fixture.h"

namespace meekijk::store {
namespace {

using std::chrono::minutes;

class LaunchKeyRepositoryTest : public StoreTest {};

TEST_P(LaunchKeyRepositoryTest, AKeyIsFoundByItsIdsListedPerPracticeAndRevokedOnce) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    LaunchKeyRepository keys = tx.launch_keys();
    LaunchKeyRecord key{0, "his-noord", d.practice, "Medicom", "-----BEGIN PUBLIC KEY-----", d.gp,
                        kNow, std::nullopt};
    MK_ASSIGN_OR_RETURN(key.id, keys.Insert(key));
    MK_ASSIGN_OR_RETURN(LaunchKeyRecord found, Present(keys.FindByKeyId("his-noord")));
    EXPECT_EQ(found, key);
    EXPECT_EQ(*keys.List({d.practice}), std::vector<LaunchKeyRecord>{key});
    EXPECT_TRUE(keys.List({d.hospital})->empty());
    EXPECT_EQ(keys.List({})->size(), 1u);
    EXPECT_TRUE(*keys.Revoke(key.id, kNow + minutes(1)));
    EXPECT_FALSE(*keys.Revoke(key.id, kNow + minutes(2)));
    MK_ASSIGN_OR_RETURN(LaunchKeyRecord revoked, Present(keys.Find(key.id)));
    EXPECT_EQ(revoked.revoked_at, kNow + minutes(1));
    EXPECT_FALSE(keys.FindByKeyId("unknown")->has_value());
    return Ok();
  });
}

MEEKIJK_STORE_SUITE(LaunchKeyRepositoryTest);

}  // namespace
}  // namespace meekijk::store
