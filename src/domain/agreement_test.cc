#include "domain/agreement.h"

#include <gtest/gtest.h>

namespace meekijk::domain {
namespace {

Agreement Make(int64_t id, int64_t gp_org, int64_t pool, std::vector<ConsultMode> modes) {
  Agreement agreement;
  agreement.id = id;
  agreement.gp_organisation_ids = {gp_org};
  agreement.pool_id = pool;
  agreement.specialty = "dermatologie";
  agreement.modes = std::move(modes);
  agreement.response_days = 3;
  agreement.valid_from = "2026-01-01";
  agreement.valid_until = "2026-12-31";
  return agreement;
}

const PracticeScope kPractice{10, 1};  // practice 10 of care group 1

TEST(AgreementTest, CareGroupAgreementCoversItsPractices) {
  EXPECT_TRUE(AgreementCovers(Make(1, 1, 5, {ConsultMode::kDigital}), kPractice, "dermatologie",
                              ConsultMode::kDigital, "2026-03-02"));
  EXPECT_FALSE(AgreementCovers(Make(1, 2, 5, {ConsultMode::kDigital}), kPractice, "dermatologie",
                               ConsultMode::kDigital, "2026-03-02"));
}

TEST(AgreementTest, RespectsModeSpecialtyAndPeriod) {
  Agreement agreement = Make(1, 10, 5, {ConsultMode::kDigital});
  EXPECT_FALSE(AgreementCovers(agreement, kPractice, "dermatologie", ConsultMode::kPhysical,
                               "2026-03-02"));
  EXPECT_FALSE(AgreementCovers(agreement, kPractice, "cardiologie", ConsultMode::kDigital,
                               "2026-03-02"));
  EXPECT_FALSE(AgreementCovers(agreement, kPractice, "dermatologie", ConsultMode::kDigital,
                               "2027-01-01"));
  EXPECT_TRUE(AgreementCovers(agreement, kPractice, "dermatologie", ConsultMode::kDigital,
                              "2026-12-31"));
}

TEST(AgreementTest, SelectsTheFirstCoveringAgreementOrTheNamedPool) {
  std::vector<Agreement> agreements{Make(7, 1, 6, {ConsultMode::kDigital}),
                                    Make(3, 10, 5, {ConsultMode::kDigital})};
  EXPECT_EQ(SelectAgreement(agreements, kPractice, "dermatologie", ConsultMode::kDigital,
                            "2026-03-02")->id, 3);
  EXPECT_EQ(SelectAgreement(agreements, kPractice, "dermatologie", ConsultMode::kDigital,
                            "2026-03-02", 6)->id, 7);
}

TEST(AgreementTest, RefusesWithoutAnAgreementNamingTheSpecialty) {
  Result<Agreement> none = SelectAgreement({}, kPractice, "neurologie", ConsultMode::kDigital,
                                           "2026-03-02");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(none.error().field, "specialty");
  EXPECT_NE(none.error().message.nl.find("neurologie"), std::string::npos);
}

TEST(AgreementTest, IdentificationOnlyWhereRequired) {
  Agreement agreement = Make(1, 10, 5, {ConsultMode::kDigital});
  Patient patient{1961, Sex::kFemale, {}, {}, {}};
  EXPECT_TRUE(ValidateIdentification(agreement, patient).ok());
  agreement.requires_identification = true;
  EXPECT_EQ(ValidateIdentification(agreement, patient).error().field, "patient");
  patient.name = "A. Jansen";
  patient.birth_date = "1961-01-02";
  patient.bsn = "111222333";
  EXPECT_TRUE(ValidateIdentification(agreement, patient).ok());
}

TEST(AgreementTest, AnAgreementForSeveralGpOrganisationsCoversEach) {
  Agreement agreement = Make(1, 99, 5, {ConsultMode::kDigital});
  agreement.gp_organisation_ids = {99, 10};
  EXPECT_TRUE(AgreementCovers(agreement, {10, {}}, "dermatologie", ConsultMode::kDigital,
                              "2026-03-02"));
  EXPECT_FALSE(AgreementCovers(agreement, {11, 2}, "dermatologie", ConsultMode::kDigital,
                               "2026-03-02"));
}

TEST(AgreementTest, ValidityIsInclusiveAndANewVersionIsJudgedByItsOwnPeriod) {
  Agreement agreement = Make(1, 1, 5, {ConsultMode::kDigital});
  EXPECT_FALSE(AgreementInForce(agreement, "2025-12-31"));  // not yet valid
  EXPECT_TRUE(AgreementInForce(agreement, "2026-01-01"));
  EXPECT_TRUE(AgreementInForce(agreement, "2026-12-31"));
  EXPECT_FALSE(AgreementInForce(agreement, "2027-01-01"));  // expired
  agreement.version = 2;
  agreement.valid_until.reset();  // the next version runs on
  EXPECT_TRUE(AgreementInForce(agreement, "2030-06-01"));
}

TEST(AgreementTest, ValidationNamesTheFieldAtFault) {
  auto field_of = [](auto change) {
    Agreement agreement = Make(1, 1, 5, {ConsultMode::kDigital});
    change(agreement);
    Result<void> checked = ValidateAgreement(agreement);
    return checked.ok() ? std::string() : checked.error().field;
  };
  EXPECT_EQ(field_of([](Agreement&) {}), "");
  EXPECT_EQ(field_of([](Agreement& a) { a.gp_organisation_ids.clear(); }), "gp_organisations");
  EXPECT_EQ(field_of([](Agreement& a) { a.modes.clear(); }), "modes");
  EXPECT_EQ(field_of([](Agreement& a) { a.response_days = -1; }), "response_days");
  EXPECT_EQ(field_of([](Agreement& a) { a.response_days = 61; }), "response_days");
  EXPECT_EQ(field_of([](Agreement& a) { a.response_days = 0; }), "");
  EXPECT_EQ(field_of([](Agreement& a) { a.escalate_after_hours = 0; }), "escalate_after_hours");
  EXPECT_EQ(field_of([](Agreement& a) { a.escalate_after_hours = 48; }), "");
  EXPECT_EQ(field_of([](Agreement& a) { a.office_hours = {9 * 60, 9 * 60 + 30}; }),
            "office_hours_until");
  EXPECT_EQ(field_of([](Agreement& a) { a.office_hours = {17 * 60, 8 * 60}; }),
            "office_hours_until");
  EXPECT_EQ(field_of([](Agreement& a) { a.office_hours = {7 * 60, 25 * 60}; }),
            "office_hours_until");
  EXPECT_EQ(field_of([](Agreement& a) { a.office_hours = {0, 24 * 60}; }), "");
  EXPECT_EQ(field_of([](Agreement& a) { a.gp_fee_cents = -5; }), "gp_fee_cents");
  EXPECT_EQ(field_of([](Agreement& a) { a.specialist_fee_cents = kMaxFeeCents + 1; }),
            "specialist_fee_cents");
  EXPECT_EQ(field_of([](Agreement& a) { a.physical_gp_fee_cents = -1; }), "physical_gp_fee_cents");
  EXPECT_EQ(field_of([](Agreement& a) { a.slot_minutes = 4; }), "slot_minutes");
  EXPECT_EQ(field_of([](Agreement& a) { a.slot_minutes = 121; }), "slot_minutes");
  EXPECT_EQ(field_of([](Agreement& a) { a.valid_from = "2026-02-30"; }), "valid_from");
  EXPECT_EQ(field_of([](Agreement& a) { a.valid_until = "2025-12-31"; }), "valid_to");
  EXPECT_EQ(field_of([](Agreement& a) { a.valid_until = "2026-01-01"; }), "");
}

TEST(AgreementTest, PhysicalConsultsArePaidAsTheAgreementSaysOrAsDigitalOnes) {
  Agreement agreement = Make(1, 1, 5, {ConsultMode::kDigital, ConsultMode::kPhysical});
  agreement.gp_fee_cents = 2500;
  agreement.specialist_fee_cents = 4000;
  EXPECT_EQ(FeesFor(agreement, ConsultMode::kPhysical), std::make_pair(int64_t{2500}, int64_t{4000}));
  agreement.physical_specialist_fee_cents = 9000;
  EXPECT_EQ(FeesFor(agreement, ConsultMode::kPhysical), std::make_pair(int64_t{2500}, int64_t{9000}));
  EXPECT_EQ(FeesFor(agreement, ConsultMode::kDigital), std::make_pair(int64_t{2500}, int64_t{4000}));
}


TEST(AgreementTest, FeesArePerConsultPerModeByDefault) {
  Agreement agreement = Make(1, 10, 5, {ConsultMode::kDigital, ConsultMode::kPhysical});
  agreement.gp_fee_cents = 2500;
  agreement.specialist_fee_cents = 4000;
  agreement.physical_specialist_fee_cents = 9000;
  EXPECT_EQ(EarnedFees(agreement, ConsultMode::kDigital, OutcomeKind::kPrimaryCare, 12),
            (FeesEarned{2500, 4000}));
  EXPECT_EQ(EarnedFees(agreement, ConsultMode::kPhysical, OutcomeKind::kPrimaryCare, 0),
            (FeesEarned{2500, 9000}));
}

TEST(AgreementTest, PerMinuteFeesMultiplyTheRecordedMinutes) {
  Agreement agreement = Make(1, 10, 5, {ConsultMode::kDigital});
  agreement.gp_fee_cents = 2500;
  agreement.specialist_fee_cents = 150;  // per minute
  agreement.specialist_fee_basis = FeeBasis::kMinute;
  EXPECT_EQ(EarnedFees(agreement, ConsultMode::kDigital, OutcomeKind::kPrimaryCare, 12),
            (FeesEarned{2500, 1800}));
  EXPECT_EQ(EarnedFees(agreement, ConsultMode::kDigital, OutcomeKind::kPrimaryCare, 0),
            (FeesEarned{2500, 0}));
}

TEST(AgreementTest, AReferralToTheHospitalMayLeaveTheSpecialistFeeToItsDbc) {
  Agreement agreement = Make(1, 10, 5, {ConsultMode::kDigital});
  agreement.gp_fee_cents = 2500;
  agreement.specialist_fee_cents = 4000;
  agreement.pay_specialist_when_referred = false;
  EXPECT_EQ(EarnedFees(agreement, ConsultMode::kDigital, OutcomeKind::kReferred, 0),
            (FeesEarned{2500, 0}));
  EXPECT_EQ(EarnedFees(agreement, ConsultMode::kDigital, OutcomeKind::kReferredElsewhere, 0),
            (FeesEarned{2500, 4000}));
}

}  // namespace
}  // namespace meekijk::domain
