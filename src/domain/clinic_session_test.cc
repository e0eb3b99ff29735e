#include "domain/clinic_session.h"

#include <gtest/gtest.h>

#include "domain/calendar.h"
#include "domain/test_dates.h"

namespace meekijk::domain {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::sys_days;

ClinicSession Session() {
  ClinicSession session;
  session.location = "Huisartsenpraktijk De Linde";
  session.day = "2026-12-08";  // a Tuesday
  session.starts_minute = 13 * 60;
  session.slot_minutes = 20;
  session.slot_count = 6;
  return session;
}

TEST(ClinicSessionTest, ASeriesEverySecondTuesdaySkipsThePublicHolidays) {
  std::vector<std::chrono::year_month_day> skipped;
  // Every second Monday from 15 March 2027: the 29th is Tweede Paasdag.
  std::vector<std::chrono::year_month_day> days =
      SeriesDays(Date(2027, 3, 15), Recurrence{2, 4}, &skipped);
  ASSERT_EQ(days.size(), 3u);
  EXPECT_EQ(IsoDay(days[0]), "2027-03-15");
  EXPECT_EQ(IsoDay(days[1]), "2027-04-12");
  EXPECT_EQ(IsoDay(days[2]), "2027-04-26");
  ASSERT_EQ(skipped.size(), 1u);
  EXPECT_EQ(IsoDay(skipped[0]), "2027-03-29");  // Tweede Paasdag
}

TEST(ClinicSessionTest, AWeeklySeriesKeepsItsWeekdayAcrossMonths) {
  std::vector<std::chrono::year_month_day> days = SeriesDays(Date(2026, 12, 8), Recurrence{1, 4});
  ASSERT_EQ(days.size(), 4u);
  EXPECT_EQ(IsoDay(days[3]), "2026-12-29");
  for (const auto& day : days) {
    EXPECT_EQ(std::chrono::weekday(sys_days(day)), std::chrono::Tuesday);
  }
}

TEST(ClinicSessionTest, SlotsHaveTheAgreedLengthFromTheStart) {
  ClinicSession session = Session();
  EXPECT_EQ(SlotCountBetween(13 * 60, 15 * 60, 20), 6);
  EXPECT_EQ(SlotCountBetween(13 * 60, 15 * 60 + 10, 20), 6);  // a part of a slot is no slot
  EXPECT_EQ(SlotCountBetween(13 * 60, 13 * 60, 20), 0);
  EXPECT_EQ(SlotStartMinute(session, 2), 13 * 60 + 40);
  EXPECT_EQ(session.ends_minute(), 15 * 60);
  // 13:40 in Amsterdam in December is 12:40 UTC.
  EXPECT_EQ(SlotStart(session, 2), sys_days{Date(2026, 12, 8)} + hours{12} + minutes{40});
  EXPECT_EQ(SlotEnd(session, 2), sys_days{Date(2026, 12, 8)} + hours{13});
}

TEST(ClinicSessionTest, AMovedSessionTakesItsSlotsAlong) {
  ClinicSession session = Session();
  session.day = "2027-06-08";  // summer time: Amsterdam is UTC+2
  session.starts_minute = 9 * 60;
  EXPECT_EQ(SlotStart(session, 0), sys_days{Date(2027, 6, 8)} + hours{7});
  EXPECT_EQ(SlotEnd(session, 5), sys_days{Date(2027, 6, 8)} + hours{9});
}

TEST(ClinicSessionTest, APlannedSessionIsOnAWorkingDayWithinTheDay) {
  EXPECT_TRUE(ValidateSession(Session(), "2026-12-07").ok());
  struct Case {
    const char* name;
    void (*change)(ClinicSession&);
    const char* field;
  };
  const Case cases[] = {
      {"no place", [](ClinicSession& s) { s.location = "  "; }, "location"},
      {"not a date", [](ClinicSession& s) { s.day = "2026-13-01"; }, "day"},
      {"in the past", [](ClinicSession& s) { s.day = "2026-12-01"; }, "day"},
      {"a Saturday", [](ClinicSession& s) { s.day = "2026-12-12"; }, "day"},
      {"Eerste Kerstdag", [](ClinicSession& s) { s.day = "2026-12-25"; }, "day"},
      {"slots too short", [](ClinicSession& s) { s.slot_minutes = 4; }, "slot_minutes"},
      {"no slots", [](ClinicSession& s) { s.slot_count = 0; }, "ends_at"},
      {"too early", [](ClinicSession& s) { s.starts_minute = 6 * 60; }, "starts_at"},
      {"past ten", [](ClinicSession& s) { s.starts_minute = 21 * 60; }, "starts_at"},
  };
  for (const Case& c : cases) {
    ClinicSession session = Session();
    c.change(session);
    Result<void> checked = ValidateSession(session, "2026-12-07");
    ASSERT_FALSE(checked.ok()) << c.name;
    EXPECT_EQ(checked.error().field, c.field) << c.name;
  }
  EXPECT_EQ(ValidateSession(Session(), "2026-12-07", Recurrence{9, 2}).error().field,
            "repeat.every_weeks");
  EXPECT_EQ(ValidateSession(Session(), "2026-12-07", Recurrence{2, 53}).error().field,
            "repeat.count");
}

TEST(ClinicSessionTest, PhysicalConsultsAndThoseAdvisedToComeAreBooked) {
  Consult consult;
  consult.content.mode = ConsultMode::kPhysical;
  consult.status = ConsultStatus::kSent;
  EXPECT_TRUE(MayBeBooked(consult).ok());
  consult.status = ConsultStatus::kDraft;
  EXPECT_EQ(MayBeBooked(consult).error().code, ErrorCode::kConflict);
  consult.status = ConsultStatus::kClosed;
  EXPECT_EQ(MayBeBooked(consult).error().code, ErrorCode::kConflict);

  Consult digital;
  digital.status = ConsultStatus::kAnswered;
  digital.advice = Advice{Recommendation::kPrimaryCare, "Zalf", 1, {}};
  EXPECT_EQ(MayBeBooked(digital).error().code, ErrorCode::kConflict);
  digital.advice->recommendation = Recommendation::kPhysicalSession;
  EXPECT_TRUE(MayBeBooked(digital).ok());
}

TEST(ClinicSessionTest, TheFillRateIsBookedOverSlots) {
  EXPECT_DOUBLE_EQ(FillRate(3, 6), 0.5);
  EXPECT_DOUBLE_EQ(FillRate(0, 0), 0.0);
}

}  // namespace
}  // namespace meekijk::domain
