// The Dutch working-day calendar behind response times: public holidays as the Algemene
// termijnenwet lists them, weekends, and the clock of Europe/Amsterdam. Pure functions of their
// arguments; the current time is always passed in, never read.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"

namespace meekijk::domain {

// The days off that differ between employers, and so between agreements: Goede Vrijdag, and
// Bevrijdingsdag (5 May; many collective agreements give it only in lustrum years, some every
// year). Neither is off unless an agreement says so.
struct DaysOff {
  bool good_friday = false;
  bool liberation_day = false;
  bool operator==(const DaysOff&) const = default;
};

// The office hours an agreement counts its response time in, Amsterdam clock time, Monday to
// Friday: minutes after midnight, opening inclusive, closing exclusive.
struct OfficeHours {
  int opens_minute = 8 * 60;
  int closes_minute = 17 * 60;
  bool operator==(const OfficeHours&) const = default;
};

// "08:00" → 480; nullopt unless HH:MM with 00 <= HH <= 24 and 00 <= MM <= 59 (24:00 at most).
std::optional<int> ParseClockMinutes(std::string_view text);
// 480 → "08:00".
std::string ClockText(int minutes_after_midnight);

// The name of the Dutch public holiday on `day` ("Koningsdag", "Tweede Paasdag"), or empty.
// Always: Nieuwjaarsdag, Tweede Paasdag, Koningsdag (27 April, 26 April when the 27th is a
// Sunday; Koninginnedag on 30 April, or 29 April, before 2014), Hemelvaartsdag, Tweede
// Pinksterdag and both Kerstdagen; Goede Vrijdag and Bevrijdingsdag where `off` says so. Eerste
// Paas- and Pinksterdag are Sundays and need no rule.
std::string_view DutchPublicHoliday(std::chrono::year_month_day day, DaysOff off = {});

// Monday to Friday and not a Dutch public holiday.
bool IsWorkingDay(std::chrono::year_month_day day, DaysOff off = {});

// The offset of Europe/Amsterdam from UTC at instant t: +1h (CET) or +2h (CEST, from the last
// Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC). Hand-written because the
// standard library here has the calendar types but no time-zone database.
std::chrono::minutes AmsterdamUtcOffset(TimePoint t);

// Amsterdam wall-clock time as a TimePoint "as if UTC" (2026-05-04T10:00 local is the TimePoint
// of 2026-05-04T10:00Z), and back: for people who write and read local times (the command line).
// A local time that a clock change skips or repeats resolves to the earlier reading of summer
// time.
TimePoint AmsterdamLocalToUtc(TimePoint local);
TimePoint UtcToAmsterdamLocal(TimePoint t);

// Every holiday of `year` under `off`, in date order, with its name.
std::vector<std::pair<std::chrono::year_month_day, std::string_view>> DutchPublicHolidays(
    std::chrono::year year, DaysOff off = {});

// The due moment of a response time of `days` working days (days >= 0) starting at `start`,
// counted in office hours: the clock starts at `start` when that is within the office hours of a
// working day, else at the next opening (later that day, or on the next working day), and the due
// moment is the same Amsterdam clock time `days` working days later (that very moment for 0).
// Friday 16:00 plus one working day is Monday 16:00; Friday 22:00 plus one is Tuesday 08:00.
TimePoint AddWorkingDays(TimePoint start, int days, DaysOff off = {}, OfficeHours hours = {});

// The working time between two instants in hours, counting only the office hours of working
// days; fractions of an hour included (90 minutes is 1.5). 0 when `to` is not after `from`. For
// escalation and response-time reports.
double WorkingHoursBetween(TimePoint from, TimePoint to, DaysOff off = {}, OfficeHours hours = {});

}  // namespace meekijk::domain
