#include "domain/notification.h"

#include <gtest/gtest.h>

#include "domain/test_dates.h"

namespace meekijk::domain {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using std::chrono::sys_days;

TEST(NotificationTest, WhatAsksToActNowComesAtOnceAndNewsInTheDigest) {
  std::vector<Role> specialist{Role::kSpecialist};
  std::vector<Role> gp{Role::kGp};
  std::vector<Role> coordinator{Role::kCoordinator};
  EXPECT_EQ(DefaultDelivery(EventKind::kConsultSent, specialist), Delivery::kImmediate);
  EXPECT_EQ(DefaultDelivery(EventKind::kReplied, specialist), Delivery::kImmediate);
  EXPECT_EQ(DefaultDelivery(EventKind::kAdviceGiven, gp), Delivery::kImmediate);
  EXPECT_EQ(DefaultDelivery(EventKind::kInfoRequested, gp), Delivery::kImmediate);
  EXPECT_EQ(DefaultDelivery(EventKind::kConsultClaimed, gp), Delivery::kDigest);
  EXPECT_EQ(DefaultDelivery(EventKind::kClosed, specialist), Delivery::kDigest);
  EXPECT_EQ(DefaultDelivery(EventKind::kForwarded, specialist), Delivery::kImmediate);
  EXPECT_EQ(DefaultDelivery(EventKind::kForwarded, gp), Delivery::kDigest);
  EXPECT_EQ(DefaultDelivery(EventKind::kOverdue, coordinator), Delivery::kImmediate);
  EXPECT_EQ(DefaultDelivery(EventKind::kUnclaimedEscalated, specialist), Delivery::kImmediate);
}

TEST(NotificationTest, AChoiceOverridesTheDefaultExceptForTheInvitation) {
  NotificationChoices choices;
  choices.chosen = {{EventKind::kAdviceGiven, Delivery::kOff},
                    {EventKind::kInvitation, Delivery::kOff}};
  EXPECT_EQ(EffectiveDelivery(choices, EventKind::kAdviceGiven, {Role::kGp}), Delivery::kOff);
  EXPECT_EQ(EffectiveDelivery(choices, EventKind::kDeclined, {Role::kGp}), Delivery::kImmediate);
  EXPECT_EQ(EffectiveDelivery(choices, EventKind::kInvitation, {}), Delivery::kImmediate);
  for (EventKind kind : ChoosableEventKinds()) EXPECT_NE(kind, EventKind::kInvitation);
}

TEST(NotificationTest, RetriesBackOffFromHalfAMinuteToFourHours) {
  TimePoint now = Utc(2026, 12, 7, 9);
  EXPECT_EQ(NextAttemptAfterFailure(now, 1) - now, seconds(30));
  EXPECT_EQ(NextAttemptAfterFailure(now, 2) - now, seconds(60));
  EXPECT_EQ(NextAttemptAfterFailure(now, 3) - now, seconds(120));
  EXPECT_EQ(NextAttemptAfterFailure(now, 10) - now, hours(4));
  EXPECT_EQ(NextAttemptAfterFailure(now, kMaxDeliveryAttempts) - now, hours(4));
}

TEST(NotificationTest, TheDigestComesOnWorkingDaysAtTheChosenAmsterdamHour) {
  // Monday 7 December 2026 (winter time, UTC+1): 08:00 Amsterdam is 07:00 UTC.
  EXPECT_EQ(DigestMomentOn(Utc(2026, 12, 7, 15), 8), Utc(2026, 12, 7, 7));
  // Summer time (UTC+2): Monday 6 July 2026 08:00 is 06:00 UTC.
  EXPECT_EQ(DigestMomentOn(Utc(2026, 7, 6, 12), 8), Utc(2026, 7, 6, 6));
  // Saturday, and Eerste Kerstdag (Friday 25 December 2026): no digest.
  EXPECT_EQ(DigestMomentOn(Utc(2026, 12, 12, 12), 8), std::nullopt);
  EXPECT_EQ(DigestMomentOn(Utc(2026, 12, 25, 12), 8), std::nullopt);
  // 23:30 UTC on Sunday is already Monday in Amsterdam.
  EXPECT_EQ(DigestMomentOn(Utc(2026, 12, 6, 23, 30), 7), Utc(2026, 12, 7, 6));
}

TEST(NotificationTest, WeeksAreIsoWeeks) {
  EXPECT_EQ(IsoWeek(Date(2026, 12, 7)), "2026-W50");
  EXPECT_EQ(IsoWeek(Date(2027, 1, 1)), "2026-W53");  // 2026 has 53 weeks
  EXPECT_EQ(IsoWeek(Date(2025, 12, 29)), "2026-W01");
  EXPECT_EQ(IsoWeek(Date(2026, 1, 4)), "2026-W01");
  EXPECT_TRUE(IsIsoWeek("2026-W53"));
  EXPECT_FALSE(IsIsoWeek("2025-W53"));
  EXPECT_FALSE(IsIsoWeek("2026-W00"));
  EXPECT_FALSE(IsIsoWeek("2026-50"));
  EXPECT_FALSE(IsIsoWeek("2026-W5x"));
  EXPECT_FALSE(IsIsoWeek("2026-W501"));
  EXPECT_FALSE(IsIsoWeek("2026-W+5"));
  EXPECT_FALSE(IsIsoWeek("2026-W 5"));
  EXPECT_EQ(IsoWeekDays("2026-W50"), std::make_pair(std::string("2026-12-07"),
                                                    std::string("2026-12-13")));
  EXPECT_EQ(IsoWeekDays("2026-W01"), std::make_pair(std::string("2025-12-29"),
                                                    std::string("2026-01-04")));
  EXPECT_EQ(IsoWeekDays("2026-W53"), std::make_pair(std::string("2026-12-28"),
                                                    std::string("2027-01-03")));
  EXPECT_EQ(IsoWeekDays("2025-W53"), std::nullopt);
}

TEST(NotificationTest, ThoseOnDutyAreToldFirstAndAbsenceIsCoveredByTheOthers) {
  std::vector<int64_t> members{1, 2, 3};
  EXPECT_EQ(PoolRecipients(members, {2}, {}), (std::vector<int64_t>{2}));
  EXPECT_EQ(PoolRecipients(members, {}, {}), members);  // no roster: everyone
  EXPECT_EQ(PoolRecipients(members, {2}, {2}), (std::vector<int64_t>{1, 3}));
  EXPECT_EQ(PoolRecipients(members, {2, 3}, {2}), (std::vector<int64_t>{3}));
  EXPECT_EQ(PoolRecipients(members, {}, {1, 2, 3}), members);  // nobody left: never unnoticed
}

TEST(NotificationTest, AnAbsenceHasRealDatesInOrderAndLastsAYearAtMost) {
  Absence absence{0, 7, "2026-12-21", "2027-01-01", AbsenceReason::kHoliday, {}, {}};
  EXPECT_TRUE(ValidateAbsence(absence).ok());
  absence.first_day = "2026-02-30";
  EXPECT_EQ(ValidateAbsence(absence).error().field, "first_day");
  absence.first_day = "2027-01-02";
  EXPECT_EQ(ValidateAbsence(absence).error().field, "last_day");
  absence.first_day = "2025-12-01";
  EXPECT_EQ(ValidateAbsence(absence).error().field, "last_day");
  absence.first_day = "2026-12-21";
  absence.last_day = "21-12-2026";
  EXPECT_EQ(ValidateAbsence(absence).error().field, "last_day");
}

}  // namespace
}  // namespace meekijk::domain
