// The store contract, results part: fee lines add up per side and on the consult, a month's
// statement is approved once and then keeps its figures, the insurer sees approved lines only, a
// purged consult leaves its fee lines (with its number) and no survey; a survey code is answered
// once; the report reads one row per sent consult of the scope and period.
#include "store/fees.h"

#include <gtest/gtest.h>

#include "store/consults.h"
#include "store/reports.h"
#include "store/store_test_fixture.h"
#include "store/surveys.h"

namespace meekijk::store {
namespace {

FigureFilter Between(TimePoint from, TimePoint until, bool everything) {
  FigureFilter filter;
  filter.sent_from = from;
  filter.sent_until = until;
  filter.everything = everything;
  return filter;
}

class ResultsRepositoryTest : public StoreTest {
 protected:
  domain::FeeLine Line(const Region& d, int64_t consult, domain::FeeSide side, int64_t cents,
                       std::string month = "2026-03") {
    domain::FeeLine line;
    line.consult_id = consult;
    line.consult_number = "MK-2026-10001";
    line.organisation_id = side == domain::FeeSide::kGp ? d.practice : d.hospital;
    line.side = side;
    line.amount_cents = cents;
    line.month = std::move(month);
    line.specialty = "dermatologie";
    line.practice_agb = "01234567";
    line.performed_on = "2026-03-02";
    line.created_at = kNow;
    return line;
  }
};

TEST_P(ResultsRepositoryTest, FeeLinesAddUpPerSideAndOnTheConsult) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    MK_ASSIGN_OR_RETURN(int64_t consult, tx.consults().Insert(NewConsult(d, 1)));
    FeeRepository fees = tx.fees();
    MK_RETURN_IF_ERROR(fees.Add(Line(d, consult, domain::FeeSide::kGp, 2500)));
    MK_RETURN_IF_ERROR(fees.Add(Line(d, consult, domain::FeeSide::kSpecialist, 4500)));
    domain::FeeLine correction = Line(d, consult, domain::FeeSide::kSpecialist, -4500, "2026-04");
    correction.kind = domain::FeeLineKind::kCorrection;
    correction.reason = "Toch verwezen.";
    MK_RETURN_IF_ERROR(fees.Add(correction));
    MK_ASSIGN_OR_RETURN(auto paid, fees.PaidPerSide(consult));
    EXPECT_EQ(paid, (std::pair<int64_t, int64_t>{2500, 0}));
    FigureFilter filter = Between(kNow - std::chrono::hours(1), kNow + std::chrono::hours(1), true);
    MK_ASSIGN_OR_RETURN(std::vector<domain::ConsultFigures> rows, tx.reports().ConsultFigures(filter));
    EXPECT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows.at(0).fee_cents, 2500);
    MK_ASSIGN_OR_RETURN(std::vector<domain::FeeLineView> april, fees.StatementLines(d.hospital, "2026-04"));
    EXPECT_EQ(april.size(), 1u);
    EXPECT_EQ(april.at(0).line.reason, "Toch verwezen.");
    EXPECT_EQ(april.at(0).line.practice_agb, "01234567");
    EXPECT_EQ(april.at(0).line.specialty, "dermatologie");
    return Ok();
  });
}

TEST_P(ResultsRepositoryTest, AStatementIsApprovedOnceAndOnlyApprovedLinesReachTheInsurer) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    MK_ASSIGN_OR_RETURN(int64_t insurer,
                        tx.directory().InsertOrganisation(
                            {0, domain::OrgKind::kInsurer, "Zilveren Kruis", {}, {}, "Rotterdam e.o."}, kNow));
    MK_ASSIGN_OR_RETURN(int64_t consult, tx.consults().Insert(NewConsult(d, 1)));
    FeeRepository fees = tx.fees();
    domain::FeeLine gp = Line(d, consult, domain::FeeSide::kGp, 2500);
    gp.insurer_id = insurer;
    domain::FeeLine specialist = Line(d, consult, domain::FeeSide::kSpecialist, 4500);
    specialist.insurer_id = insurer;
    MK_RETURN_IF_ERROR(fees.Add(gp));
    MK_RETURN_IF_ERROR(fees.Add(specialist));
    MK_ASSIGN_OR_RETURN(auto all, fees.Summaries("2026-03", {}, true));
    EXPECT_EQ(all.size(), 2u);
    MK_ASSIGN_OR_RETURN(auto none, fees.Summaries("2026-03", {}, false));
    EXPECT_TRUE(none.empty());
    MK_ASSIGN_OR_RETURN(domain::FeeStatementSummary statement, Present(fees.Statement(d.practice, "2026-03")));
    EXPECT_EQ(statement.total_cents, 2500);
    EXPECT_FALSE(statement.approved_at.has_value());
    MK_ASSIGN_OR_RETURN(auto before, fees.ApprovedForInsurer(insurer, "2026-03", {}, true));
    EXPECT_TRUE(before.empty());
    statement.approved_by = d.gp;
    statement.approved_at = kNow;
    MK_RETURN_IF_ERROR(fees.Approve(statement));
    EXPECT_EQ(fees.Approve(statement).error().reason, "already_approved");
    MK_ASSIGN_OR_RETURN(auto after, fees.ApprovedForInsurer(insurer, "2026-03", {}, true));
    EXPECT_EQ(after.size(), 1u);  // the practice's line; the hospital's month is still open
    MK_ASSIGN_OR_RETURN(auto outside, fees.ApprovedForInsurer(insurer, "2026-03", {d.hospital}, false));
    EXPECT_TRUE(outside.empty());
    MK_ASSIGN_OR_RETURN(domain::FeeStatementSummary approved, Present(fees.Statement(d.practice, "2026-03")));
    EXPECT_EQ(approved.approved_by_name, "Dr. A. de Vries");
    return Ok();
  });
}

TEST_P(ResultsRepositoryTest, APurgedConsultKeepsItsFeeLinesAndLosesItsSurvey) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    MK_ASSIGN_OR_RETURN(int64_t consult, tx.consults().Insert(NewConsult(d, 1)));
    MK_RETURN_IF_ERROR(tx.fees().Add(Line(d, consult, domain::FeeSide::kGp, 2500)));
    MK_RETURN_IF_ERROR(tx.surveys().Create("ABCD-EFGH", consult, kNow));
    MK_RETURN_IF_ERROR(tx.consults().Purge(consult));
    MK_ASSIGN_OR_RETURN(auto lines, tx.fees().StatementLines(d.practice, "2026-03"));
    EXPECT_EQ(lines.size(), 1u);
    EXPECT_FALSE(lines.at(0).line.consult_id.has_value());
    EXPECT_EQ(lines.at(0).line.consult_number, "MK-2026-10001");
    MK_ASSIGN_OR_RETURN(auto survey, tx.surveys().Find("ABCD-EFGH"));
    EXPECT_FALSE(survey.has_value());
    return Ok();
  });
}

TEST_P(ResultsRepositoryTest, ASurveyCodeIsUniqueAndAnsweredOnce) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    MK_ASSIGN_OR_RETURN(int64_t first, tx.consults().Insert(NewConsult(d, 1)));
    MK_ASSIGN_OR_RETURN(int64_t second, tx.consults().Insert(NewConsult(d, 2)));
    SurveyRepository surveys = tx.surveys();
    MK_RETURN_IF_ERROR(surveys.Create("ABCD-EFGH", first, kNow));
    EXPECT_EQ(surveys.Create("ABCD-EFGH", second, kNow).error().reason, "code_taken");
    MK_ASSIGN_OR_RETURN(std::optional<std::string> code, surveys.CodeOf(first));
    EXPECT_EQ(code, "ABCD-EFGH");
    SurveyResponse answer{"nl", 4, 5, "own_gp"};
    MK_RETURN_IF_ERROR(surveys.Answer("ABCD-EFGH", answer, kNow));
    EXPECT_EQ(surveys.Answer("ABCD-EFGH", answer, kNow).error().reason, "already_answered");
    MK_ASSIGN_OR_RETURN(SurveyCode found, Present(surveys.Find("ABCD-EFGH")));
    EXPECT_TRUE(found.answered);
    FigureFilter filter = Between(kNow - std::chrono::hours(1), kNow + std::chrono::hours(1), true);
    MK_ASSIGN_OR_RETURN(auto rows, tx.reports().ConsultFigures(filter));
    EXPECT_EQ(rows.size(), 2u);
    return Ok();
  });
}

TEST_P(ResultsRepositoryTest, TheReportReadsTheScopeAndPeriodOnly) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    MK_RETURN_IF_ERROR(tx.consults().Insert(NewConsult(d, 1)));
    domain::Consult draft = NewConsult(d, 2);
    draft.sent_at.reset();
    draft.status = domain::ConsultStatus::kDraft;
    MK_RETURN_IF_ERROR(tx.consults().Insert(draft));
    FigureFilter filter = Between(kNow - std::chrono::hours(1), kNow + std::chrono::hours(1), false);
    filter.scope_practices = {d.practice};
    MK_ASSIGN_OR_RETURN(auto mine, tx.reports().ConsultFigures(filter));
    EXPECT_EQ(mine.size(), 1u);  // the draft was never sent
    filter.scope_practices = {};
    filter.scope_pools = {d.pool};
    filter.specialty = "cardiologie";
    MK_ASSIGN_OR_RETURN(auto other_specialty, tx.reports().ConsultFigures(filter));
    EXPECT_TRUE(other_specialty.empty());
    filter.specialty.reset();
    filter.only_given = true;  // an organisation without practices or pools
    MK_ASSIGN_OR_RETURN(auto nothing, tx.reports().ConsultFigures(filter));
    EXPECT_TRUE(nothing.empty());
    FigureFilter later = Between(kNow + std::chrono::hours(1), kNow + std::chrono::hours(2), true);
    MK_ASSIGN_OR_RETURN(auto none, tx.reports().ConsultFigures(later));
    EXPECT_TRUE(none.empty());
    return Ok();
  });
}

MEEKIJK_STORE_SUITE(ResultsRepositoryTest);

}  // namespace
}  // namespace meekijk::store
