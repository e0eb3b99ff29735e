// Results and money as a specification: the triple-aim figures of a small dataset computed by
// hand (a response across Christmas and a weekend, a corrected outcome, a suppressed group), who
// sees which figures, fee lines with their correction, monthly statements and the insurer's
// export, and the patient survey by code (used twice, guessed).
#include "service/report_service.h"

#include <gtest/gtest.h>

#include <cctype>

#include "auth/password.h"
#include "domain/calendar.h"
#include "service/access_log.h"
#include "service/consult_service.h"
#include "service/directory_service.h"
#include "service/fee_service.h"
#include "service/region_service.h"
#include "service/survey_service.h"
#include "store/database.h"
#include "testing/principals.h"
#include "testing/test_database.h"

namespace meekijk::service {
namespace {

using domain::OutcomeKind;
using domain::Recommendation;
using domain::Role;
using testing::Engine;

// A moment on the Amsterdam clock.
TimePoint At(int year, unsigned month, unsigned day, int hour, int minute = 0) {
  return domain::AmsterdamMoment(std::chrono::year{year} / month / day, hour * 60 + minute);
}

TripleAimQuery Period(std::string from, std::string to) {
  TripleAimQuery query;
  query.from = std::move(from);
  query.to = std::move(to);
  return query;
}

class ReportServiceTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    place_ = std::make_unique<testing::TestDatabase>(GetParam());
    db_ = place_->Open();
    access_log_ = std::make_unique<AccessLog>(*db_, clock_);
    consults_ = std::make_unique<ConsultService>(*db_, clock_, *access_log_);
    reports_ = std::make_unique<ReportService>(*db_, clock_, 1);
    fees_ = std::make_unique<FeeService>(*db_, clock_);
    surveys_ = std::make_unique<SurveyService>(*db_, clock_, *access_log_);
    DirectoryService directory(*db_, clock_);
    int64_t care_group = *directory.AddOrganisation(
        {0, domain::OrgKind::kCareGroup, "Zorggroep Zuid", "12345678", {}, "Rotterdam"});
    int64_t other_group = *directory.AddOrganisation(
        {0, domain::OrgKind::kCareGroup, "Zorggroep Noord", "12345679", {}, "Rotterdam"});
    practice_a_ = *directory.AddOrganisation(
        {0, domain::OrgKind::kGpPractice, "De Linde", "01000001", care_group, "Rotterdam"});
    practice_b_ = *directory.AddOrganisation(
        {0, domain::OrgKind::kGpPractice, "De Esch", "01000002", care_group, "Rotterdam"});
    hospital_ = *directory.AddOrganisation(
        {0, domain::OrgKind::kHospital, "Maasstad", "06000001", {}, "Rotterdam"});
    insurer_ = *directory.AddOrganisation(
        {0, domain::OrgKind::kInsurer, "Zilveren Kruis", {}, {}, "Rotterdam"});
    std::string hash = *auth::HashPassword("wachtwoord-123");
    auto user = [&](const char* name, int64_t organisation, Role role) {
      return Load(*directory.AddUserWithHash(
          {name, name, std::string(name) + "@example.nl", {}, "", {{organisation, role}}}, hash));
    };
    gp_a_ = user("gp_a", practice_a_, Role::kGp);
    gp_b_ = user("gp_b", practice_b_, Role::kGp);
    specialist_ = user("derma", hospital_, Role::kSpecialist);
    group_coordinator_ = user("group_coordinator", care_group, Role::kCoordinator);
    other_coordinator_ = user("other_coordinator", other_group, Role::kCoordinator);
    hospital_coordinator_ = user("hospital_coordinator", hospital_, Role::kCoordinator);
    analyst_ = user("analyst", insurer_, Role::kAnalyst);
    domain::Specialty dermatology{"dermatologie", "Dermatologie", "Dermatology", "0310", 20000};
    EXPECT_TRUE(directory.AddSpecialty(dermatology).ok());
    Principal admin = user("admin", care_group, Role::kAdmin);
    RegionService region(*db_, clock_);
    int64_t pool = region.CreatePool(admin, {hospital_, "dermatologie", "Dermatologie",
                                             {specialist_.user.id}})->pool.id;
    domain::Agreement agreement;
    agreement.gp_organisation_ids = {care_group};
    agreement.pool_id = pool;
    agreement.modes = {domain::ConsultMode::kDigital};
    agreement.response_days = 2;
    agreement.gp_fee_cents = 2500;
    agreement.specialist_fee_cents = 4500;
    agreement.pay_specialist_when_referred = false;  // a referral is paid by the hospital's DBC
    agreement.insurer_id = insurer_;
    agreement.valid_from = "2026-01-01";
    Result<AgreementView> made = region.CreateAgreement(admin, agreement);
    ASSERT_TRUE(made.ok()) << made.error().message.en;
    specialist_ = Load(specialist_.user.id);
  }

  Principal Load(int64_t user_id) { return testing::LoadPrincipal(*db_, user_id); }

  int64_t Send(const Principal& gp, TimePoint at, bool intended) {
    clock_.Set(at);
    NewConsult request;
    request.content.specialty = "dermatologie";
    request.content.patient = {1961, domain::Sex::kFemale, {}, {}, {}};
    request.content.icpc = "S87";
    request.content.question = "Eczeem of psoriasis?";
    request.content.clinical_summary = "Jeuk en schilfering sinds maart.";
    request.content.intended_referral = intended;
    request.content.consent = true;
    request.send = true;
    Result<domain::Consult> consult = consults_->Create(gp, request);
    EXPECT_TRUE(consult.ok()) << consult.error().message.en;
    return consult->id;
  }

  void Advise(int64_t id, TimePoint at, AdviceRecord record = {}) {
    clock_.Set(at);
    ASSERT_TRUE(consults_->Claim(specialist_, id).ok());
    Result<domain::Consult> advised =
        consults_->GiveAdvice(specialist_, id, Recommendation::kPrimaryCare, "Zo behandelen.", record);
    ASSERT_TRUE(advised.ok()) << advised.error().message.en;
  }

  void Close(const Principal& gp, int64_t id, TimePoint at, OutcomeKind outcome, bool learned,
             int rating) {
    clock_.Set(at);
    Result<domain::Consult> closed = consults_->Close(gp, id, {outcome, learned, rating});
    ASSERT_TRUE(closed.ok()) << closed.error().message.en;
  }

  // Five consults of December 2026, worked out by hand in the test below.
  void MakeTheDataset() {
    // 1: sent Thursday 24 December 16:00; Christmas (Friday) and the weekend pass; advice Monday
    // 28 December 10:00: one working hour on Thursday and two on Monday = 3 h, within the due
    // moment (two working days: Tuesday 29 December 16:00).
    c1_ = Send(gp_a_, At(2026, 12, 24, 16), true);
    Advise(c1_, At(2026, 12, 28, 10), {12, 4});
    Close(gp_a_, c1_, At(2026, 12, 28, 11), OutcomeKind::kPrimaryCare, true, 5);
    // 2: 4.5 working hours; closed in primary care, corrected later to referred.
    c2_ = Send(gp_a_, At(2026, 12, 28, 9), true);
    Advise(c2_, At(2026, 12, 28, 13, 30));
    Close(gp_a_, c2_, At(2026, 12, 28, 14), OutcomeKind::kPrimaryCare, false, 4);
    // 3: sent Tuesday 29 December 09:00, advice Monday 4 January 09:00: 8 + 9 + 9 h, New Year's
    // Day and the weekend pass, + 1 h = 27 h: later than due (Thursday 31 December 09:00).
    c3_ = Send(gp_a_, At(2026, 12, 29, 9), false);
    Advise(c3_, At(2027, 1, 4, 9));
    Close(gp_a_, c3_, At(2027, 1, 4, 10), OutcomeKind::kPrimaryCare, false, 3);
    // 4: sent, not answered yet.
    c4_ = Send(gp_a_, At(2026, 12, 30, 9), false);
    // 5: the other practice; 2 h; referred elsewhere.
    c5_ = Send(gp_b_, At(2026, 12, 28, 9), false);
    Advise(c5_, At(2026, 12, 28, 11));
    Close(gp_b_, c5_, At(2026, 12, 28, 12), OutcomeKind::kReferredElsewhere, true, 4);
    // In January the GP learns that patient 2 was referred after all.
    clock_.Set(At(2027, 1, 5, 9));
    Result<domain::Consult> corrected =
        consults_->CorrectOutcome(gp_a_, c2_, OutcomeKind::kReferred, "Toch verwezen.");
    ASSERT_TRUE(corrected.ok()) << corrected.error().message.en;
  }

  TripleAimReport Report(const Principal& who, TripleAimQuery query = {}) {
    if (query.from.empty()) query.from = "2026-12-01";
    if (query.to.empty()) query.to = "2026-12-31";
    Result<TripleAimReport> report = reports_->TripleAim(who, query);
    EXPECT_TRUE(report.ok()) << report.error().message.en;
    return report.ok() ? *report : TripleAimReport{};
  }

  FakeClock clock_{At(2026, 12, 1, 9)};
  std::unique_ptr<testing::TestDatabase> place_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<AccessLog> access_log_;
  std::unique_ptr<ConsultService> consults_;
  std::unique_ptr<ReportService> reports_;
  std::unique_ptr<FeeService> fees_;
  std::unique_ptr<SurveyService> surveys_;
  int64_t practice_a_ = 0, practice_b_ = 0, hospital_ = 0, insurer_ = 0;
  int64_t c1_ = 0, c2_ = 0, c3_ = 0, c4_ = 0, c5_ = 0;
  Principal gp_a_, gp_b_, specialist_, group_coordinator_, other_coordinator_,
      hospital_coordinator_, analyst_;
};

TEST_P(ReportServiceTest, FiguresOfASmallDatasetMatchTheirHandComputedValues) {
  MakeTheDataset();
  domain::TripleAimFigures f = Report(group_coordinator_).total;
  EXPECT_EQ(f.consults, 5);
  EXPECT_EQ(f.closed, 4);
  EXPECT_EQ(f.primary_care, 2);        // 1 and 3
  EXPECT_EQ(f.referred, 1);            // 2, as corrected
  EXPECT_EQ(f.referred_elsewhere, 1);  // 5
  EXPECT_EQ(f.intended_referral, 2);   // 1 and 2
  EXPECT_EQ(f.referrals_avoided, 1);   // 1
  EXPECT_DOUBLE_EQ(*f.primary_care_share, 0.5);
  // Working hours 2, 3, 4.5, 27: median (3 + 4.5) / 2; p90 the 4th of 4.
  EXPECT_DOUBLE_EQ(*f.response_hours_median, 3.75);
  EXPECT_DOUBLE_EQ(*f.response_hours_p90, 27);
  EXPECT_DOUBLE_EQ(*f.within_agreed_share, 0.75);
  EXPECT_DOUBLE_EQ(*f.learned_share, 0.5);
  EXPECT_DOUBLE_EQ(*f.rating_mean, 4.0);
  EXPECT_DOUBLE_EQ(*f.question_rating_mean, 4.0);
  EXPECT_EQ(f.practices_sending, 2);
  EXPECT_EQ(f.practices_in_scope, 2);
  // Four closed consults earn 25 + 45 euros each; the correction takes the specialist's 45 back.
  EXPECT_EQ(f.fees_cents, 4 * 7000 - 4500);
  EXPECT_EQ(f.avoided_referral_cost_cents, 20000);
  EXPECT_EQ(*f.cost_per_patient_cents, (4 * 7000 - 4500 + 2 * 20000) / 4);
}

TEST_P(ReportServiceTest, GroupsUnderTheMinimumSizeAreSuppressed) {
  MakeTheDataset();
  ReportService strict(*db_, clock_, 5);
  TripleAimQuery query{"2026-12-01", "2026-12-31", {}, {}, {},
                       domain::ReportGrouping::kOrganisation};
  Result<TripleAimReport> report = strict.TripleAim(group_coordinator_, query);
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->total.suppressed);  // five consults
  ASSERT_EQ(report->groups.size(), 2u);    // four and one: both too small
  EXPECT_TRUE(report->groups[0].figures.suppressed);
  EXPECT_EQ(report->groups[0].label, "De Linde");
  EXPECT_TRUE(report->groups[1].figures.suppressed);
  EXPECT_EQ(report->groups[1].figures.consults, 0);
}

TEST_P(ReportServiceTest, EachCallerSeesTheFiguresOfTheirOwnScopeOnly) {
  MakeTheDataset();
  EXPECT_EQ(Report(gp_b_).total.consults, 1);
  EXPECT_EQ(Report(gp_a_).total.consults, 4);
  EXPECT_EQ(Report(hospital_coordinator_).total.consults, 5);
  EXPECT_EQ(Report(analyst_).total.consults, 5);  // the insurer's region
  EXPECT_EQ(Report(analyst_).scope.kind, "insurer");
  EXPECT_TRUE(Report(other_coordinator_).total.suppressed);  // none of theirs
  // Filtering by an organisation narrows within the scope; it never widens it.
  TripleAimQuery only_b{"2026-12-01", "2026-12-31", {}, practice_b_, {}, {}};
  EXPECT_EQ(Report(group_coordinator_, only_b).total.consults, 1);
  EXPECT_EQ(Report(gp_a_, only_b).total.consults, 0);
  Principal nobody = gp_a_;
  nobody.memberships.clear();
  EXPECT_EQ(reports_->TripleAim(nobody, Period("2026-12-01", "2026-12-31")).error().code,
            ErrorCode::kForbidden);
}

TEST_P(ReportServiceTest, BadPeriodsAndFiltersAreRefusedWithTheirField) {
  EXPECT_EQ(reports_->TripleAim(gp_a_, Period("2026-13-01", "2026-12-31")).error().field, "from");
  EXPECT_EQ(reports_->TripleAim(gp_a_, Period("2026-12-31", "2026-12-01")).error().field, "to");
  EXPECT_EQ(reports_->TripleAim(gp_a_, Period("2000-01-01", "2026-12-01")).error().field, "from");
  TripleAimQuery unknown{"2026-12-01", "2026-12-31", std::string("astrologie"), {}, {}, {}};
  EXPECT_EQ(reports_->TripleAim(gp_a_, unknown).error().field, "specialty");
  TripleAimQuery nowhere{"2026-12-01", "2026-12-31", {}, 999999, {}, {}};
  EXPECT_EQ(reports_->TripleAim(gp_a_, nowhere).error().field, "organisation");
}

TEST_P(ReportServiceTest, ClosingPaysBothSidesAndACorrectionIsAVisibleLine) {
  MakeTheDataset();
  clock_.Set(At(2027, 2, 1, 9));
  Result<FeeStatement> practice = fees_->Get(group_coordinator_, practice_a_, "2026-12");
  ASSERT_TRUE(practice.ok()) << practice.error().message.en;
  EXPECT_EQ(practice->summary.line_count, 2);  // consults 1 and 2; 3 closed in January
  EXPECT_EQ(practice->summary.total_cents, 5000);
  Result<FeeStatement> hospital = fees_->Get(hospital_coordinator_, hospital_, "2027-01");
  ASSERT_TRUE(hospital.ok());
  // January: consult 3's fee and consult 2's correction, with its reason.
  ASSERT_EQ(hospital->lines.size(), 2u);
  EXPECT_EQ(hospital->lines[1].line.kind, domain::FeeLineKind::kCorrection);
  EXPECT_EQ(hospital->lines[1].line.amount_cents, -4500);
  EXPECT_EQ(hospital->lines[1].line.reason, "Toch verwezen.");
  EXPECT_EQ(hospital->lines[1].line.practice_agb, "01000001");
  // A hospital's coordinator does not see a practice's statement, nor a GP any.
  EXPECT_EQ(fees_->Get(hospital_coordinator_, practice_a_, "2026-12").error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(fees_->List(gp_a_, "2026-12").error().code, ErrorCode::kForbidden);
  EXPECT_EQ(fees_->List(group_coordinator_, "2026-1").error().field, "month");
}

TEST_P(ReportServiceTest, AStatementIsApprovedOnceAfterItsMonthAndThenExportedForTheInsurer) {
  MakeTheDataset();
  clock_.Set(At(2026, 12, 31, 9));
  EXPECT_EQ(fees_->Approve(group_coordinator_, practice_a_, "2026-12").error().field, "month");
  clock_.Set(At(2027, 1, 6, 9));
  Result<InsurerExport> before = fees_->ForInsurer(group_coordinator_, insurer_, "2026-12");
  ASSERT_TRUE(before.ok());
  EXPECT_TRUE(before->lines.empty());  // nothing approved yet
  Result<std::vector<FeeStatement>> list = fees_->List(group_coordinator_, "2026-12");
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);  // the two practices, not the hospital
  EXPECT_TRUE(list->at(0).may_approve);
  Result<FeeStatement> approved = fees_->Approve(group_coordinator_, practice_a_, "2026-12");
  ASSERT_TRUE(approved.ok()) << approved.error().message.en;
  EXPECT_TRUE(approved->summary.approved_at.has_value());
  EXPECT_FALSE(approved->may_approve);
  EXPECT_EQ(fees_->Approve(group_coordinator_, practice_a_, "2026-12").error().code,
            ErrorCode::kConflict);
  EXPECT_EQ(fees_->Approve(other_coordinator_, practice_b_, "2026-12").error().code,
            ErrorCode::kNotFound);
  Result<InsurerExport> after = fees_->ForInsurer(group_coordinator_, insurer_, "2026-12");
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->lines.size(), 2u);
  EXPECT_EQ(after->lines[0].line.practice_agb, "01000001");
  EXPECT_EQ(fees_->ForInsurer(group_coordinator_, practice_a_, "2026-12").error().code,
            ErrorCode::kNotFound);  // not an insurer
}

TEST_P(ReportServiceTest, APatientAnswersTheSurveyOnceByTheCodeOnTheLeaflet) {
  MakeTheDataset();
  Result<Leaflet> leaflet = surveys_->LeafletFor(gp_a_, c1_);
  ASSERT_TRUE(leaflet.ok()) << leaflet.error().message.en;
  EXPECT_EQ(leaflet->code.size(), 9u);
  EXPECT_EQ(surveys_->LeafletFor(gp_a_, c1_)->code, leaflet->code);  // the same every time
  EXPECT_EQ(surveys_->LeafletFor(specialist_, c1_).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(surveys_->LeafletFor(gp_b_, c1_).error().code, ErrorCode::kNotFound);
  // Typed as people type it: lower case, without the dash.
  std::string typed = leaflet->code.substr(0, 4) + leaflet->code.substr(5);
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  Result<SurveyView> view = surveys_->Open(typed, "192.0.2.1");
  ASSERT_TRUE(view.ok());
  EXPECT_FALSE(view->answered);
  EXPECT_EQ(view->specialty_nl, "Dermatologie");
  SurveyAnswer answer{"nl", 4, 5, "own_gp"};
  ASSERT_TRUE(surveys_->Answer(typed, answer, "192.0.2.1").ok());
  EXPECT_EQ(surveys_->Answer(leaflet->code, answer, "192.0.2.1").error().code, ErrorCode::kConflict);
  EXPECT_TRUE(surveys_->Open(leaflet->code, "192.0.2.1")->answered);
  SurveyAnswer wrong{"nl", 6, 5, "own_gp"};
  Result<Leaflet> other = surveys_->LeafletFor(gp_a_, c2_);
  EXPECT_EQ(surveys_->Answer(other->code, wrong, "192.0.2.1").error().field, "overall");
  EXPECT_DOUBLE_EQ(*Report(group_coordinator_).total.patient_score_mean, 4.0);
}

TEST_P(ReportServiceTest, GuessingCodesIsThrottledPerAddress) {
  for (int i = 0; i < SurveyThrottle::kMaxMisses; ++i) {
    EXPECT_EQ(surveys_->Open("AAAA-AAA" + std::string(1, "ABCDEFGHJK"[i]), "192.0.2.7").error().code,
              ErrorCode::kNotFound);
  }
  Result<SurveyView> throttled = surveys_->Open("AAAA-AAAA", "192.0.2.7");
  EXPECT_EQ(throttled.error().code, ErrorCode::kTooManyRequests);
  EXPECT_GT(throttled.error().retry_after_seconds, 0);
  EXPECT_EQ(surveys_->Open("AAAA-AAAA", "192.0.2.8").error().code, ErrorCode::kNotFound);
  clock_.Advance(SurveyThrottle::kWindow);
  EXPECT_EQ(surveys_->Open("AAAA-AAAA", "192.0.2.7").error().code, ErrorCode::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Engines, ReportServiceTest, ::testing::ValuesIn(testing::TestEngines()),
                         [](const auto& info) { return testing::EngineName(info.param); });

}  // namespace
}  // namespace meekijk::service
