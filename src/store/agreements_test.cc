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
    domain::Agreement agreement;
    agreement.gp_organisation_ids = {d.practice, d.hospital};
    agreement.pool_id = d.pool;
    agreement.specialty = "dermatologie";
    agreement.modes = {domain::ConsultMode::kPhysical};
    agreement.response_days = 7;
    agreement.days_off = {.good_friday = true, .liberation_day = true};
    agreement.escalate_after_hours = 48;
    agreement.named_specialist_allowed = false;
    agreement.requires_identification = true;
    agreement.gp_fee_cents = 2550;
    agreement.specialist_fee_cents = 4200;
    agreement.valid_from = "2026-02-01";
    agreement.valid_until = "2026-12-31";
    agreement.changed_by = d.gp;
    agreement.changed_at = kNow;
    MK_ASSIGN_OR_RETURN(agreement.id, agreements.Insert(agreement, kNow));
    MK_ASSIGN_OR_RETURN(auto found, Present(agreements.Find(agreement.id)));
    EXPECT_EQ(found, agreement);
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

TEST_P(AgreementRepositoryTest, EveryChangeIsANewVersionAndTheOldOnesAreKept) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    AgreementRepository agreements = tx.agreements();
    MK_ASSIGN_OR_RETURN(domain::Agreement agreement, Present(agreements.Find(d.agreement)));
    EXPECT_EQ(agreement.version, 1);
    domain::Agreement changed = agreement;
    changed.response_days = 5;
    changed.gp_organisation_ids = {d.hospital};  // only the lookup of the new side finds it
    changed.changed_by = d.gp;
    MK_RETURN_IF_ERROR(agreements.Update(changed));
    Result<void> stale = agreements.Update(changed);  // still says version 1
    EXPECT_EQ(stale.ok() ? "" : stale.error().reason, "stale_version");

    MK_ASSIGN_OR_RETURN(domain::Agreement now, Present(agreements.Find(d.agreement)));
    EXPECT_EQ(now.version, 2);
    EXPECT_EQ(now.response_days, 5);
    MK_ASSIGN_OR_RETURN(auto versions, agreements.Versions(d.agreement));
    EXPECT_EQ(versions.size(), 2u);
    EXPECT_EQ(versions.at(0), agreement);
    EXPECT_EQ(versions.at(1), now);
    MK_ASSIGN_OR_RETURN(auto first, Present(agreements.FindVersion(d.agreement, 1)));
    EXPECT_EQ(first.response_days, 3);
    int64_t practice[] = {d.practice};
    MK_ASSIGN_OR_RETURN(auto of_practice, agreements.OfGpOrganisations(practice));
    EXPECT_TRUE(of_practice.empty());
    int64_t hospital[] = {d.hospital};
    MK_ASSIGN_OR_RETURN(auto of_hospital, agreements.OfGpOrganisations(hospital));
    EXPECT_EQ(of_hospital.size(), 1u);
    MK_ASSIGN_OR_RETURN(auto all, agreements.All());
    EXPECT_EQ(all, std::vector<domain::Agreement>{now});
    return Ok();
  });
}

TEST_P(AgreementRepositoryTest, PoolsKeepTheirMembersAndNames) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    AgreementRepository agreements = tx.agreements();
    MK_RETURN_IF_ERROR(agreements.AddPoolMember(d.pool, d.gp));
    MK_RETURN_IF_ERROR(agreements.AddPoolMember(d.pool, d.gp));  // twice changes nothing
    MK_ASSIGN_OR_RETURN(auto members, agreements.PoolMembers(d.pool));
    EXPECT_EQ(members, (std::vector<int64_t>{std::min(d.gp, d.specialist),
                                             std::max(d.gp, d.specialist)}));
    MK_RETURN_IF_ERROR(agreements.RemovePoolMember(d.pool, d.gp));
    MK_ASSIGN_OR_RETURN(members, agreements.PoolMembers(d.pool));
    EXPECT_EQ(members, std::vector<int64_t>{d.specialist});
    MK_RETURN_IF_ERROR(agreements.RenamePool(d.pool, "Huidziekten Maasstad"));
    MK_ASSIGN_OR_RETURN(auto pools, agreements.Pools());
    EXPECT_EQ(pools.size(), 1u);
    EXPECT_EQ(pools.at(0).name, "Huidziekten Maasstad");
    return Ok();
  });
}

MEEKIJK_STORE_SUITE(AgreementRepositoryTest);

}  // namespace
}  // namespace meekijk::store
