#include "domain/triple_aim.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/calendar.h"

namespace meekijk::domain {
namespace {

using std::chrono::hours;

// 12:00 in Amsterdam (winter time) on the given day of 2026.
TimePoint Noon(unsigned month, unsigned day) {
  return AmsterdamMoment(std::chrono::year{2026} / month / day, 12 * 60);
}

ConsultFigures Closed(OutcomeKind outcome, bool intended, int response_minutes, int rating) {
  ConsultFigures row;
  row.sent_at = Noon(3, 2);
  row.specialty = "dermatologie";
  row.practice_id = 10;
  row.status = ConsultStatus::kClosed;
  row.outcome = outcome;
  row.intended_referral = intended;
  row.response_minutes = response_minutes;
  row.first_advice_at = row.sent_at + std::chrono::minutes(response_minutes);
  row.due_at = row.sent_at + hours(27);  // three working days of nine hours
  row.rating = rating;
  row.fee_cents = 6500;
  row.referral_cost_cents = 100000;
  return row;
}

TEST(TripleAimTest, SharesMeansAndMoneyOfASmallDatasetComputedByHand) {
  std::vector<ConsultFigures> rows = {
      Closed(OutcomeKind::kPrimaryCare, true, 60, 5),   // avoided a referral
      Closed(OutcomeKind::kPrimaryCare, false, 120, 4),
      Closed(OutcomeKind::kReferred, true, 600, 3),
      Closed(OutcomeKind::kReferredElsewhere, false, 1800, 4),  // 30 h: after the 27 h due
  };
  rows[0].learned = true;
  rows[1].learned = true;
  rows[0].patient_score = 5;
  rows[2].patient_score = 2;
  rows[3].question_rating = 4;
  ConsultFigures open;  // sent, not answered yet
  open.sent_at = Noon(3, 20);
  open.specialty = "cardiologie";
  open.practice_id = 11;
  open.mode = ConsultMode::kPhysical;
  open.attendance = Attendance::kSeen;
  rows.push_back(open);

  TripleAimFigures f = SummariseConsults(rows, 4, 1);
  EXPECT_FALSE(f.suppressed);
  EXPECT_EQ(f.consults, 5);
  EXPECT_EQ(f.closed, 4);
  EXPECT_EQ(f.primary_care, 2);
  EXPECT_EQ(f.referred, 1);
  EXPECT_EQ(f.referred_elsewhere, 1);
  EXPECT_EQ(f.intended_referral, 2);
  EXPECT_EQ(f.referrals_avoided, 1);
  EXPECT_DOUBLE_EQ(*f.primary_care_share, 0.5);
  // Response hours 1, 2, 10, 30: median (2 + 10) / 2, p90 the 4th of 4 (rank ⌈3.6⌉).
  EXPECT_DOUBLE_EQ(*f.response_hours_median, 6.0);
  EXPECT_DOUBLE_EQ(*f.response_hours_p90, 30.0);
  EXPECT_DOUBLE_EQ(*f.within_agreed_share, 0.75);
  EXPECT_DOUBLE_EQ(*f.learned_share, 0.5);
  EXPECT_DOUBLE_EQ(*f.rating_mean, 4.0);
  EXPECT_DOUBLE_EQ(*f.question_rating_mean, 4.0);
  EXPECT_DOUBLE_EQ(*f.patient_score_mean, 3.5);
  EXPECT_EQ(f.survey_answers, 2);
  EXPECT_EQ(f.physical_seen, 1);
  EXPECT_EQ(f.practices_sending, 2);
  EXPECT_EQ(f.practices_in_scope, 4);
  EXPECT_EQ(f.fees_cents, 4 * 6500);
  EXPECT_EQ(f.avoided_referral_cost_cents, 100000);
  // Fees of the closed consults plus the two referrals made, per closed consult.
  EXPECT_EQ(*f.cost_per_patient_cents, (4 * 6500 + 2 * 100000) / 4);
}

TEST(TripleAimTest, AGroupUnderTheMinimumSizeShowsNoFigureAtAll) {
  std::vector<ConsultFigures> rows(4, Closed(OutcomeKind::kPrimaryCare, true, 60, 5));
  TripleAimFigures f = SummariseConsults(rows, 1, 5);
  EXPECT_TRUE(f.suppressed);
  EXPECT_EQ(f.consults, 0);
  EXPECT_EQ(f.fees_cents, 0);
  EXPECT_FALSE(f.primary_care_share.has_value());
  EXPECT_FALSE(SummariseConsults(rows, 1, 4).suppressed);
}

TEST(TripleAimTest, GroupsByAmsterdamMonthSpecialtyAndPractice) {
  std::vector<ConsultFigures> rows(3, Closed(OutcomeKind::kPrimaryCare, false, 60, 5));
  // 2026-03-31 23:30 in Amsterdam is 21:30 UTC: still March.
  rows[1].sent_at = AmsterdamMoment(std::chrono::year{2026} / 3 / 31, 23 * 60 + 30);
  rows[2].sent_at = Noon(4, 1);
  rows[2].specialty = "cardiologie";
  rows[2].practice_id = 12;
  std::vector<TripleAimFigures> months = GroupConsults(rows, ReportGrouping::kMonth, 2, 1);
  ASSERT_EQ(months.size(), 2u);
  EXPECT_EQ(months[0].key, "2026-03");
  EXPECT_EQ(months[0].consults, 2);
  EXPECT_EQ(months[1].key, "2026-04");
  std::vector<TripleAimFigures> specialties = GroupConsults(rows, ReportGrouping::kSpecialty, 2, 1);
  ASSERT_EQ(specialties.size(), 2u);
  EXPECT_EQ(specialties[0].key, "cardiologie");
  std::vector<TripleAimFigures> practices = GroupConsults(rows, ReportGrouping::kOrganisation, 2, 1);
  ASSERT_EQ(practices.size(), 2u);
  EXPECT_EQ(practices[0].key, "10");
  EXPECT_EQ(practices[0].consults, 2);
  EXPECT_EQ(practices[1].consults, 1);
  EXPECT_TRUE(GroupConsults(rows, ReportGrouping::kNone, 2, 1).empty());
}

TEST(TripleAimTest, AMeanOverFewerThanTheMinimumIsLeftOutInAGroupThatIsShown) {
  std::vector<ConsultFigures> rows(5, Closed(OutcomeKind::kPrimaryCare, false, 60, 4));
  rows[0].patient_score = 2;  // one patient's answer: shown, it would be theirs
  TripleAimFigures f = SummariseConsults(rows, 1, 5);
  EXPECT_FALSE(f.suppressed);
  EXPECT_EQ(f.survey_answers, 1);
  EXPECT_FALSE(f.patient_score_mean.has_value());
  EXPECT_DOUBLE_EQ(*f.rating_mean, 4.0);  // five ratings
  rows[4].outcome.reset();                // four closed: the shares over closed go too
  f = SummariseConsults(rows, 1, 5);
  EXPECT_FALSE(f.primary_care_share.has_value());
  EXPECT_FALSE(f.learned_share.has_value());
}

TEST(TripleAimTest, AHiddenGroupCannotBeWorkedOutFromTheTotal) {
  // Six consults of practice 10, six of 11, two of 12: with a minimum of five, 12 is hidden; its
  // two would be the total minus 10 and 11, so the smallest shown group is hidden as well.
  std::vector<ConsultFigures> rows(14, Closed(OutcomeKind::kPrimaryCare, false, 60, 4));
  for (size_t i = 6; i < 12; ++i) rows[i].practice_id = 11;
  rows[12].practice_id = rows[13].practice_id = 12;
  std::vector<TripleAimFigures> groups = GroupConsults(rows, ReportGrouping::kOrganisation, 3, 5);
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[2].key, "12");
  EXPECT_TRUE(groups[2].suppressed);
  EXPECT_EQ(std::count_if(groups.begin(), groups.end(), [](const auto& g) { return g.suppressed; }), 2);
}

TEST(TripleAimTest, PercentilesFollowTheirStatedDefinitions) {
  EXPECT_FALSE(Median({}).has_value());
  EXPECT_DOUBLE_EQ(*Median({3, 1, 2}), 2);
  EXPECT_DOUBLE_EQ(*Median({4, 1, 3, 2}), 2.5);
  std::vector<double> ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  EXPECT_DOUBLE_EQ(*NearestRankPercentile(ten, 90), 9);
  EXPECT_DOUBLE_EQ(*NearestRankPercentile({7}, 90), 7);
  EXPECT_FALSE(NearestRankPercentile({}, 90).has_value());
}

}  // namespace
}  // namespace meekijk::domain
