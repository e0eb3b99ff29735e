// The store contract, API-client part.
#include "store/api_clients.h"

#include "store/store_test_fixture.h"

namespace meekijk::store {
namespace {

using std::chrono::minutes;

class ApiClientRepositoryTest : public StoreTest {
 protected:
  static ApiClientRecord Client(const std::string& client_id, int64_t organisation, int64_t user) {
    return {0, client_id, "HIS " + client_id, organisation, user, "system/Task.rs",
            "-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----\n", user, kNow, std::nullopt};
  }
};

TEST_P(ApiClientRepositoryTest, AClientIsFoundByItsIdsAndListedPerOrganisation) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    ApiClientRepository clients = tx.api_clients();
    ApiClientRecord his = Client("his-noord", d.practice, d.gp);
    MK_ASSIGN_OR_RETURN(his.id, clients.Insert(his));
    ApiClientRecord ehr = Client("ehr-maasstad", d.hospital, d.specialist);
    MK_ASSIGN_OR_RETURN(ehr.id, clients.Insert(ehr));
    MK_ASSIGN_OR_RETURN(ApiClientRecord found, Present(clients.FindByClientId("his-noord")));
    EXPECT_EQ(found, his);
    MK_ASSIGN_OR_RETURN(ApiClientRecord by_id, Present(clients.Find(ehr.id)));
    EXPECT_EQ(by_id, ehr);
    EXPECT_FALSE(clients.FindByClientId("unknown")->has_value());
    MK_ASSIGN_OR_RETURN(std::vector<ApiClientRecord> practice, clients.List({d.practice}));
    EXPECT_EQ(practice, std::vector<ApiClientRecord>{his});
    MK_ASSIGN_OR_RETURN(std::vector<ApiClientRecord> all, clients.List({}));
    EXPECT_EQ(all, (std::vector<ApiClientRecord>{ehr, his}));  // newest first
    return Ok();
  });
}

TEST_P(ApiClientRepositoryTest, AClientIdIsUnique) {
  Result<void> stored = db_->Run(Access::kWrite, [&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    MK_RETURN_IF_ERROR(tx.api_clients().Insert(Client("twice", d.practice, d.gp)));
    MK_RETURN_IF_ERROR(tx.api_clients().Insert(Client("twice", d.practice, d.gp)));
    return Ok();
  });
  EXPECT_FALSE(stored.ok());
}

TEST_P(ApiClientRepositoryTest, RevokingHappensOnceAndIsKept) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    ApiClientRepository clients = tx.api_clients();
    MK_ASSIGN_OR_RETURN(int64_t id, clients.Insert(Client("his", d.practice, d.gp)));
    EXPECT_TRUE(*clients.Revoke(id, kNow + minutes(1)));
    EXPECT_FALSE(*clients.Revoke(id, kNow + minutes(2)));
    MK_ASSIGN_OR_RETURN(ApiClientRecord revoked, Present(clients.Find(id)));
    EXPECT_EQ(revoked.revoked_at, kNow + minutes(1));
    return Ok();
  });
}

TEST_P(ApiClientRepositoryTest, ATokenIdIsUsedOnceUntilItIsForgottenAfterExpiring) {
  Write([&](Tx& tx) -> Result<void> {
    ApiClientRepository clients = tx.api_clients();
    EXPECT_FALSE(*clients.IsTokenIdUsed("his:jti-1", kNow));
    EXPECT_TRUE(*clients.UseTokenId("his:jti-1", kNow + minutes(5)));
    EXPECT_TRUE(*clients.IsTokenIdUsed("his:jti-1", kNow));
    EXPECT_FALSE(*clients.IsTokenIdUsed("his:jti-1", kNow + minutes(5)));
    EXPECT_FALSE(*clients.UseTokenId("his:jti-1", kNow + minutes(5)));
    EXPECT_TRUE(*clients.UseTokenId("his:jti-2", kNow + minutes(10)));
    EXPECT_EQ(*clients.ForgetExpiredTokenIds(kNow + minutes(5)), 1);
    EXPECT_TRUE(*clients.UseTokenId("his:jti-1", kNow + minutes(15)));
    EXPECT_FALSE(*clients.UseTokenId("his:jti-2", kNow + minutes(15)));
    return Ok();
  });
}

MEEKIJK_STORE_SUITE(ApiClientRepositoryTest);

}  // namespace
}  // namespace meekijk::store
