// Dutch public holidays, the Amsterdam UTC offset and working-day arithmetic on top of them.
#include "domain/working_days.h"

#include <algorithm>
#include <cassert>

namespace meekijk::domain {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::sys_days;
using std::chrono::year;
using std::chrono::year_month_day;

constexpr hours kDstSwitchUtc{1};  // EU summer time starts and ends at 01:00 UTC
constexpr minutes kCet{60};
constexpr minutes kCest{120};
constexpr int kFirstKoningsdagYear = 2014;  // before, Koninginnedag on 30 April

// Easter Sunday in the Gregorian calendar (the anonymous Gregorian or Meeus/Jones/Butcher
// algorithm).
sys_days EasterSunday(year y) {
  int a = static_cast<int>(y) % 19;
  int b = static_cast<int>(y) / 100;
  int c = static_cast<int>(y) % 100;
  int d = b / 4;
  int e = b % 4;
  int f = (b + 8) / 25;
  int g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4;
  int k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = (h + l - 7 * m + 114) % 31 + 1;
  return sys_days{y / month / day};
}

// Koningsdag (or Koninginnedag before 2014), moved one day earlier when it falls on a Sunday.
sys_days KingsDay(year y) {
  unsigned day = static_cast<int>(y) >= kFirstKoningsdagYear ? 27 : 30;
  sys_days date{y / std::chrono::April / day};
  if (std::chrono::weekday{date} == std::chrono::Sunday) date -= days{1};
  return date;
}

bool IsWeekend(sys_days day) {
  std::chrono::weekday weekday{day};
  return weekday == std::chrono::Saturday || weekday == std::chrono::Sunday;
}

// The instant at which summer time starts (month March) or ends (October) in year y.
TimePoint DstSwitch(year y, std::chrono::month month) {
  sys_days last_sunday{y / month / std::chrono::Sunday[std::chrono::last]};
  return last_sunday + kDstSwitchUtc;
}

// The local day and the clock time of an instant, in Amsterdam.
struct LocalTime {
  sys_days day;
  TimePoint::duration time_of_day;
};

LocalTime ToLocal(TimePoint t) {
  TimePoint local = t + AmsterdamUtcOffset(t);
  sys_days day = std::chrono::floor<days>(local);
  return {day, local - day};
}

// The instant at which Amsterdam clocks show `time_of_day` on `day`. Only used for working days,
// which never hold a clock change, so the answer is unique; a time skipped or repeated by a
// change would resolve to the earlier reading of summer time.
TimePoint FromLocal(sys_days day, TimePoint::duration time_of_day) {
  TimePoint as_if_utc = day + time_of_day;
  for (minutes offset : {kCest, kCet}) {
    if (AmsterdamUtcOffset(as_if_utc - offset) == offset) return as_if_utc - offset;
  }
  return as_if_utc - kCet;
}

sys_days NextWorkingDay(sys_days day, DaysOff off) {
  do {
    day += days{1};
  } while (!IsWorkingDay(year_month_day{day}, off));
  return day;
}

}  // namespace

std::string_view DutchPublicHoliday(year_month_day day, DaysOff off) {
  assert(day.ok());
  year y = day.year();
  sys_days date{day};
  sys_days easter = EasterSunday(y);
  if (day.month() == std::chrono::January && day.day() == std::chrono::day{1}) {
    return "Nieuwjaarsdag";
  }
  if (off.good_friday && date == easter - days{2}) return "Goede Vrijdag";
  if (date == easter + days{1}) return "Tweede Paasdag";
  if (date == KingsDay(y)) {
    return static_cast<int>(y) >= kFirstKoningsdagYear ? "Koningsdag" : "Koninginnedag";
  }
  if (off.liberation_day && day.month() == std::chrono::May && day.day() == std::chrono::day{5}) {
    return "Bevrijdingsdag";
  }
  if (date == easter + days{39}) return "Hemelvaartsdag";
  if (date == easter + days{50}) return "Tweede Pinksterdag";
  if (day.month() == std::chrono::December && day.day() == std::chrono::day{25}) {
    return "Eerste Kerstdag";
  }
  if (day.month() == std::chrono::December && day.day() == std::chrono::day{26}) {
    return "Tweede Kerstdag";
  }
  return {};
}

bool IsWorkingDay(year_month_day day, DaysOff off) {
  return !IsWeekend(sys_days{day}) && DutchPublicHoliday(day, off).empty();
}

minutes AmsterdamUtcOffset(TimePoint t) {
  year y = year_month_day{std::chrono::floor<days>(t)}.year();
  bool summer = t >= DstSwitch(y, std::chrono::March) && t < DstSwitch(y, std::chrono::October);
  return summer ? kCest : kCet;
}

TimePoint AmsterdamLocalToUtc(TimePoint local) {
  sys_days day = std::chrono::floor<days>(local);
  return FromLocal(day, local - day);
}

TimePoint UtcToAmsterdamLocal(TimePoint t) { return t + AmsterdamUtcOffset(t); }

std::vector<std::pair<year_month_day, std::string_view>> DutchPublicHolidays(year y, DaysOff off) {
  std::vector<std::pair<year_month_day, std::string_view>> holidays;
  for (sys_days day{y / std::chrono::January / 1}; day <= sys_days{y / std::chrono::December / 31};
       day += days{1}) {
    std::string_view name = DutchPublicHoliday(year_month_day{day}, off);
    if (!name.empty()) holidays.emplace_back(year_month_day{day}, name);
  }
  return holidays;
}

std::optional<int> ParseClockMinutes(std::string_view text) {
  auto digit = [&](size_t i) { return text[i] >= '0' && text[i] <= '9' ? text[i] - '0' : -1; };
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  for (size_t i : {0, 1, 3, 4}) {
    if (digit(i) < 0) return std::nullopt;
  }
  int hour = digit(0) * 10 + digit(1);
  int minute = digit(3) * 10 + digit(4);
  if (minute > 59 || hour > 24 || (hour == 24 && minute != 0)) return std::nullopt;
  return hour * 60 + minute;
}

std::string ClockText(int minutes_after_midnight) {
  int hour = minutes_after_midnight / 60;
  int minute = minutes_after_midnight % 60;
  return {static_cast<char>('0' + hour / 10), static_cast<char>('0' + hour % 10), ':',
          static_cast<char>('0' + minute / 10), static_cast<char>('0' + minute % 10)};
}

TimePoint AddWorkingDays(TimePoint start, int working_days, DaysOff off, OfficeHours hours) {
  assert(working_days >= 0);
  const minutes opens{hours.opens_minute};
  const minutes closes{hours.closes_minute};
  LocalTime local = ToLocal(start);
  if (!IsWorkingDay(year_month_day{local.day}, off) || local.time_of_day >= closes) {
    local = {NextWorkingDay(local.day, off), opens};
  } else if (local.time_of_day < opens) {
    local.time_of_day = opens;
  }
  for (int i = 0; i < working_days; ++i) local.day = NextWorkingDay(local.day, off);
  return FromLocal(local.day, local.time_of_day);
}

double WorkingHoursBetween(TimePoint from, TimePoint to, DaysOff off, OfficeHours hours) {
  if (to <= from) return 0.0;
  TimePoint::duration total{};
  sys_days last = ToLocal(to).day;
  for (sys_days day = ToLocal(from).day; day <= last; day += days{1}) {
    if (!IsWorkingDay(year_month_day{day}, off)) continue;
    TimePoint open = std::max(from, FromLocal(day, minutes{hours.opens_minute}));
    TimePoint close = std::min(to, FromLocal(day, minutes{hours.closes_minute}));
    if (close > open) total += close - open;
  }
  return std::chrono::duration<double, std::ratio<3600>>(total).count();
}

}  // namespace meekijk::domain
