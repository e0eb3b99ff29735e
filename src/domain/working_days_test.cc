#include "domain/working_days.h"

#include <gtest/gtest.h>

#include <string>

#include "domain/test_dates.h"

namespace meekijk::domain {
namespace {

using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::sys_days;
using std::chrono::year;
using std::chrono::year_month_day;

TEST(WorkingDaysTest, KnowsTheDutchPublicHolidays) {
  struct Case {
    year_month_day day;
    std::string_view name;
  };
  const Case cases[] = {
      // 2025: Easter on 20 April; 27 April is a Sunday, so Koningsdag is on Saturday the 26th.
      {Date(2025, 1, 1), "Nieuwjaarsdag"},
      {Date(2025, 4, 21), "Tweede Paasdag"},
      {Date(2025, 4, 26), "Koningsdag"},
      {Date(2025, 5, 29), "Hemelvaartsdag"},
      {Date(2025, 6, 9), "Tweede Pinksterdag"},
      {Date(2025, 12, 25), "Eerste Kerstdag"},
      {Date(2025, 12, 26), "Tweede Kerstdag"},
      // 2026: Easter on 5 April.
      {Date(2026, 1, 1), "Nieuwjaarsdag"},
      {Date(2026, 4, 6), "Tweede Paasdag"},
      {Date(2026, 4, 27), "Koningsdag"},
      {Date(2026, 5, 14), "Hemelvaartsdag"},
      {Date(2026, 5, 25), "Tweede Pinksterdag"},
      {Date(2026, 12, 25), "Eerste Kerstdag"},
      {Date(2026, 12, 26), "Tweede Kerstdag"},
      // 2027: Easter on 28 March.
      {Date(2027, 1, 1), "Nieuwjaarsdag"},
      {Date(2027, 3, 29), "Tweede Paasdag"},
      {Date(2027, 4, 27), "Koningsdag"},
      {Date(2027, 5, 6), "Hemelvaartsdag"},
      {Date(2027, 5, 17), "Tweede Pinksterdag"},
      {Date(2027, 12, 25), "Eerste Kerstdag"},
      {Date(2027, 12, 26), "Tweede Kerstdag"},
      // Before 2014: Koninginnedag on 30 April, on the 29th when the 30th is a Sunday.
      {Date(2013, 4, 30), "Koninginnedag"},
      {Date(2006, 4, 29), "Koninginnedag"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(DutchPublicHoliday(c.day), c.name)
        << static_cast<int>(c.day.year()) << "-" << static_cast<unsigned>(c.day.month()) << "-"
        << static_cast<unsigned>(c.day.day());
  }
}

TEST(WorkingDaysTest, OrdinaryDaysAreNoHoliday) {
  for (year_month_day day : {
           Date(2026, 4, 3),    // Goede Vrijdag is off only where an agreement says so
           Date(2026, 5, 5),    // and so is Bevrijdingsdag
           Date(2026, 4, 5),    // Eerste Paasdag, a Sunday
           Date(2025, 4, 27),   // the 27th when Koningsdag moved to the 26th
           Date(2026, 4, 26),   // the day before Koningsdag
           Date(2026, 5, 4),    // Dodenherdenking
           Date(2026, 12, 24),  // Kerstavond
           Date(2026, 12, 31),  // Oudejaarsdag
           Date(2013, 4, 27),   // no Koningsdag before 2014
           Date(2006, 4, 30),   // Koninginnedag moved to the 29th
           Date(2026, 3, 2),
       }) {
    EXPECT_EQ(DutchPublicHoliday(day), "")
        << static_cast<unsigned>(day.month()) << "/" << static_cast<unsigned>(day.day());
  }
}

TEST(WorkingDaysTest, WorkingDaysAreWeekdaysWithoutHoliday) {
  struct Case {
    year_month_day day;
    bool working;
  };
  const Case cases[] = {
      {Date(2026, 1, 16), true},    // Friday
      {Date(2026, 1, 17), false},   // Saturday
      {Date(2026, 1, 18), false},   // Sunday
      {Date(2026, 1, 19), true},    // Monday
      {Date(2026, 4, 3), true},     // Goede Vrijdag
      {Date(2026, 4, 6), false},    // Tweede Paasdag
      {Date(2026, 5, 5), true},     // Bevrijdingsdag, unless an agreement gives it
      {Date(2025, 4, 26), false},   // Koningsdag on a Saturday
      {Date(2026, 12, 24), true},   // Kerstavond
      {Date(2026, 12, 25), false},  // Eerste Kerstdag
  };
  for (const Case& c : cases) {
    EXPECT_EQ(IsWorkingDay(c.day), c.working)
        << static_cast<unsigned>(c.day.month()) << "/" << static_cast<unsigned>(c.day.day());
  }
}

TEST(WorkingDaysTest, AnAgreementMayGiveGoodFridayAndLiberationDayOff) {
  DaysOff both{.good_friday = true, .liberation_day = true};
  EXPECT_EQ(DutchPublicHoliday(Date(2025, 4, 18), both), "Goede Vrijdag");  // Easter 20 April
  EXPECT_EQ(DutchPublicHoliday(Date(2026, 4, 3), both), "Goede Vrijdag");   // Easter 5 April
  EXPECT_EQ(DutchPublicHoliday(Date(2027, 3, 26), both), "Goede Vrijdag");  // Easter 28 March
  EXPECT_EQ(DutchPublicHoliday(Date(2026, 5, 5), both), "Bevrijdingsdag");
  EXPECT_EQ(DutchPublicHoliday(Date(2025, 5, 5), {.liberation_day = true}), "Bevrijdingsdag");
  EXPECT_EQ(DutchPublicHoliday(Date(2026, 5, 5), {.good_friday = true}), "");
  EXPECT_FALSE(IsWorkingDay(Date(2026, 4, 3), {.good_friday = true}));
  EXPECT_FALSE(IsWorkingDay(Date(2026, 5, 5), {.liberation_day = true}));
  // Thursday 2 April 2026 10:00 CEST plus one working day: Friday, or Tuesday after Easter.
  EXPECT_EQ(AddWorkingDays(Utc(2026, 4, 2, 8), 1), Utc(2026, 4, 3, 8));
  EXPECT_EQ(AddWorkingDays(Utc(2026, 4, 2, 8), 1, {.good_friday = true}), Utc(2026, 4, 7, 8));
  // Monday 4 May 2026 plus one: Tuesday the 5th, or Wednesday the 6th.
  EXPECT_EQ(AddWorkingDays(Utc(2026, 5, 4, 8), 1), Utc(2026, 5, 5, 8));
  EXPECT_EQ(AddWorkingDays(Utc(2026, 5, 4, 8), 1, {.liberation_day = true}), Utc(2026, 5, 6, 8));
}

TEST(WorkingDaysTest, ListsAYearsHolidaysInDateOrder) {
  auto holidays = DutchPublicHolidays(year{2025});
  ASSERT_EQ(holidays.size(), 7u);
  EXPECT_EQ(holidays[0].first, Date(2025, 1, 1));
  EXPECT_EQ(holidays[2], (std::pair<year_month_day, std::string_view>{Date(2025, 4, 26),
                                                                      "Koningsdag"}));
  EXPECT_EQ(DutchPublicHolidays(year{2025}, {.good_friday = true, .liberation_day = true}).size(),
            9u);
}

TEST(WorkingDaysTest, ConvertsBetweenAmsterdamWallClockAndUtc) {
  EXPECT_EQ(AmsterdamLocalToUtc(Utc(2026, 5, 4, 10)), Utc(2026, 5, 4, 8));    // CEST
  EXPECT_EQ(AmsterdamLocalToUtc(Utc(2026, 12, 1, 10)), Utc(2026, 12, 1, 9));  // CET
  EXPECT_EQ(UtcToAmsterdamLocal(Utc(2026, 5, 4, 8)), Utc(2026, 5, 4, 10));
}

TEST(WorkingDaysTest, AmsterdamOffsetFollowsEuSummerTime) {
  struct Case {
    TimePoint t;
    int offset_minutes;
  };
  const Case cases[] = {
      {Utc(2026, 1, 15, 12), 60},
      {Utc(2026, 7, 1, 12), 120},
      {Utc(2026, 3, 29, 0, 59), 60},  // last Sunday of March 2026
      {Utc(2026, 3, 29, 1, 0), 120},
      {Utc(2026, 10, 25, 0, 59), 120},  // last Sunday of October 2026
      {Utc(2026, 10, 25, 1, 0), 60},
      {Utc(2025, 3, 30, 0, 59), 60},
      {Utc(2025, 3, 30, 1, 0), 120},
      {Utc(2025, 10, 26, 1, 0), 60},
      {Utc(2027, 3, 28, 1, 0), 120},
      {Utc(2027, 10, 31, 0, 59), 120},
      {Utc(2027, 10, 31, 1, 0), 60},
      {Utc(2026, 12, 31, 23, 30), 60},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(AmsterdamUtcOffset(c.t), minutes{c.offset_minutes}) << FormatIso8601(c.t);
  }
}

TEST(WorkingDaysTest, AddsWorkingDaysInOfficeHoursKeepingTheLocalClockTime) {
  struct Case {
    std::string name;
    TimePoint start;
    int days;
    TimePoint due;
  };
  const Case cases[] = {
      {"zero days on a working day", Utc(2026, 1, 15, 9, 17), 0, Utc(2026, 1, 15, 9, 17)},
      {"within a week", Utc(2026, 1, 12, 9), 3, Utc(2026, 1, 15, 9)},
      // Thursday 10:00 CET + 2 skips the weekend to Monday 10:00.
      {"across a weekend", Utc(2026, 1, 15, 9), 2, Utc(2026, 1, 19, 9)},
      {"friday afternoon", Utc(2026, 1, 16, 13, 30), 1, Utc(2026, 1, 19, 13, 30)},
      // After closing time the clock starts at the next opening: Monday 08:00, so Tuesday 08:00.
      {"friday evening", Utc(2026, 1, 16, 21), 1, Utc(2026, 1, 20, 7)},
      {"at closing time", Utc(2026, 1, 15, 16), 0, Utc(2026, 1, 16, 7)},
      {"before opening", Utc(2026, 1, 15, 5), 1, Utc(2026, 1, 16, 7)},
      // Goede Vrijdag is a working day; Tweede Paasdag is not.
      {"into goede vrijdag", Utc(2026, 4, 2, 8), 1, Utc(2026, 4, 3, 8)},
      {"across easter", Utc(2026, 4, 2, 8), 2, Utc(2026, 4, 7, 8)},
      // Christmas 2026 is Friday and Saturday: Wednesday + 2 is the Monday after.
      {"across christmas 2026", Utc(2026, 12, 23, 8), 2, Utc(2026, 12, 28, 8)},
      {"across christmas 2025", Utc(2025, 12, 23, 8), 2, Utc(2025, 12, 29, 8)},
      {"across new year", Utc(2025, 12, 31, 8), 1, Utc(2026, 1, 2, 8)},
      {"across koningsdag", Utc(2026, 4, 24, 8), 6, Utc(2026, 5, 5, 8)},
      // Friday 10:00 CET before summer time + 1 is Monday 10:00 CEST: 09:00Z becomes 08:00Z.
      {"into summer time", Utc(2026, 3, 27, 9), 1, Utc(2026, 3, 30, 8)},
      {"into winter time", Utc(2026, 10, 23, 8), 1, Utc(2026, 10, 26, 9)},
      // Saturday: the clock starts Monday 08:00 CET (07:00Z).
      {"saturday, zero days", Utc(2026, 1, 17, 14), 0, Utc(2026, 1, 19, 7)},
      {"saturday, one day", Utc(2026, 1, 17, 14), 1, Utc(2026, 1, 20, 7)},
      {"sunday, two days", Utc(2026, 1, 18, 10), 2, Utc(2026, 1, 21, 7)},
      // Koningsdag 2026 (a Monday): the clock starts Tuesday 08:00 CEST (06:00Z).
      {"on koningsdag", Utc(2026, 4, 27, 9), 1, Utc(2026, 4, 29, 6)},
      // The local day decides: Sunday 23:30Z is Monday 00:30 in Amsterdam, before Monday's opening.
      {"utc sunday is local monday", Utc(2026, 1, 18, 23, 30), 1, Utc(2026, 1, 20, 7)},
      // Friday 23:30Z is Saturday 00:30 in Amsterdam: the clock starts Monday 08:00.
      {"utc friday is local saturday", Utc(2026, 1, 16, 23, 30), 0, Utc(2026, 1, 19, 7)},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FormatIso8601(AddWorkingDays(c.start, c.days)), FormatIso8601(c.due)) << c.name;
  }
}

TEST(WorkingDaysTest, AnAgreementKeepsItsOwnOfficeHours) {
  const OfficeHours early{.opens_minute = 7 * 60 + 30, .closes_minute = 16 * 60};
  // Thursday 07:45 CET is within 07:30-16:00 and keeps its time; 16:15 waits for Friday 07:30.
  EXPECT_EQ(AddWorkingDays(Utc(2026, 1, 15, 6, 45), 1, {}, early), Utc(2026, 1, 16, 6, 45));
  EXPECT_EQ(AddWorkingDays(Utc(2026, 1, 15, 15, 15), 1, {}, early), Utc(2026, 1, 19, 6, 30));
  // The default hours (08:00-17:00) would have started Thursday's clock at 08:00.
  EXPECT_EQ(AddWorkingDays(Utc(2026, 1, 15, 6, 45), 1), Utc(2026, 1, 16, 7));
  // Working hours count only 07:30-16:00: Thursday 15:00 to Friday 09:00 CET is 1 + 1.5 hours.
  EXPECT_DOUBLE_EQ(WorkingHoursBetween(Utc(2026, 1, 15, 14), Utc(2026, 1, 16, 8), {}, early), 2.5);
}

TEST(WorkingDaysTest, ReadsAndWritesClockTimes) {
  EXPECT_EQ(ParseClockMinutes("08:00"), 480);
  EXPECT_EQ(ParseClockMinutes("00:00"), 0);
  EXPECT_EQ(ParseClockMinutes("24:00"), 1440);
  EXPECT_EQ(ParseClockMinutes("17:30"), 1050);
  for (std::string_view bad : {"", "8:00", "08.00", "24:01", "25:00", "08:60", "0800", "ab:cd",
                               "08:00 "}) {
    EXPECT_EQ(ParseClockMinutes(bad), std::nullopt) << bad;
  }
  EXPECT_EQ(ClockText(480), "08:00");
  EXPECT_EQ(ClockText(1050), "17:30");
  EXPECT_EQ(ClockText(0), "00:00");
}

TEST(WorkingDaysTest, AddWorkingDaysKeepsMilliseconds) {
  TimePoint start = Utc(2026, 1, 15, 9) + milliseconds{12345};
  EXPECT_EQ(AddWorkingDays(start, 1), Utc(2026, 1, 16, 9) + milliseconds{12345});
}

TEST(WorkingDaysTest, CountsWorkingHoursBetweenInstants) {
  struct Case {
    std::string name;
    TimePoint from;
    TimePoint to;
    double hours;
  };
  const Case cases[] = {
      // Friday 16:00 CET to Monday 09:00 CET: one hour on each side of the weekend.
      {"over a weekend", Utc(2026, 1, 16, 15), Utc(2026, 1, 19, 8), 2.0},
      {"part of an hour", Utc(2026, 1, 15, 9), Utc(2026, 1, 15, 10, 30), 1.5},
      {"a whole weekend", Utc(2026, 1, 17, 0), Utc(2026, 1, 19, 0), 0.0},
      {"evening to morning", Utc(2026, 1, 15, 17), Utc(2026, 1, 16, 6), 0.0},
      {"a working week", Utc(2026, 1, 11, 23), Utc(2026, 1, 18, 23), 45.0},
      // Thursday 2 to Wednesday 8 April 2026 (local midnights): Thu, Fri and Tue count.
      {"easter week", Utc(2026, 4, 1, 22), Utc(2026, 4, 7, 22), 27.0},
      // The week the clocks go forward, plus the Monday after: 5 * 9 + 9 hours.
      {"summer time week", Utc(2026, 3, 22, 23), Utc(2026, 3, 30, 15), 54.0},
      {"before office hours start", Utc(2026, 1, 15, 5), Utc(2026, 1, 15, 8), 1.0},
      {"to before from", Utc(2026, 1, 16, 10), Utc(2026, 1, 15, 10), 0.0},
      {"empty interval", Utc(2026, 1, 15, 10), Utc(2026, 1, 15, 10), 0.0},
  };
  for (const Case& c : cases) {
    EXPECT_DOUBLE_EQ(WorkingHoursBetween(c.from, c.to), c.hours) << c.name;
  }
}

}  // namespace
}  // namespace meekijk::domain
