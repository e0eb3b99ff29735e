// The store contract, agreements part: specialties, pools, agreements.
#include "store/store_test_fixture.h"

namespace meekijk::store {
namespace {

class AgreementRepositoryTest : public StoreTest {};

TEST_P(AgreementRepositoryTest, KeepsAgreementsWithModesForPracticesAndPools) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    AgreementRepository agreements = tx.agreements();
    int64_t ids[] = {d.practice};
    MK_ASSIGN_OR_RETURN(auto found, agreements.OfGpOrganisations(ids));
    EXPECT_EQ(found.size(), 1u);
    EXPECT_EQ(found.at(0).specialty, "dermatologie");
    EXPECT_EQ(found.at(0).modes.size(), 2u);
    EXPECT_EQ(found.at(0).response_days, 3);
    EXPECT_FALSE(found.at(0).valid_until.has_value());
    int64_t pools[] = {d.pool};
    MK_ASSIGN_OR_RETURN(auto of_pool, agreements.OfPools(pools));
    EXPECT_EQ(of_pool.size(), 1u);
    MK_ASSIGN_OR_RETURN(auto member_pools, agreements.PoolsOfMember(d.specialist));
    EXPECT_EQ(member_pools.size(), 1u);
    MK_ASSIGN_OR_RETURN(auto specialties, agreements.Specialties());
    EXPECT_EQ(specialties.at(0).vektis_code, "0310");
    return Ok();
  });
}

TEST_P(AgreementRepositoryTest, RoundTripsEveryFieldAndRenamesASpecialtyByCode) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    AgreementRepository agreements = tx.agreements();
    domain::Agreement agreement{0,
                                d.practice,
                                d.pool,
                                "dermatologie",
                                {domain::ConsultMode::kPhysical},
                                7,
                                "2026-02-01",
                                "2026-12-31",
                                true};
    MK_ASSIGN_OR_RETURN(agreement.id, agreements.Insert(agreement, kNow));
    int64_t pools[] = {d.pool};
    MK_ASSIGN_OR_RETURN(auto of_pool, agreements.OfPools(pools));
    EXPECT_EQ(of_pool.back(), agreement);
    MK_ASSIGN_OR_RETURN(auto pool, Present(agreements.FindPool(d.pool)));
    EXPECT_EQ(pool, (domain::Pool{d.pool, d.hospital, "dermatologie", "Dermatologie Maasstad"}));
    domain::Specialty renamed{"dermatologie", "Huidziekten", "Skin diseases", {}};
    MK_RETURN_IF_ERROR(agreements.UpsertSpecialty(renamed));
    MK_ASSIGN_OR_RETURN(auto specialties, agreements.Specialties());
    EXPECT_EQ(specialties, (std::vector<domain::Specialty>{renamed}));
    return Ok();
  });
}

TEST_P(AgreementRepositoryTest, AnUnknownModeIsAnInternalErrorNamingTheColumn) {
  Region d;
  Write([&](Tx& tx) -> Result<void> {
    d = Seed(tx);
    return Ok();
  });
  ExecuteRaw("UPDATE agreements SET modes = 'digital,telepathic'");
  Result<void> read = db_->Run(Access::kRead, [&](Tx& tx) -> Result<void> {
    int64_t pools[] = {d.pool};
    MK_RETURN_IF_ERROR(tx.agreements().OfPools(pools));
    return Ok();
  });
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().code, ErrorCode::kInternal);
  EXPECT_EQ(read.error().field, "modes");
}

MEEKIJK_STORE_SUITE(AgreementRepositoryTest);

}  // namespace
}  // namespace meekijk::store
