// The Amsterdam calendar day of an instant.
#include "domain/calendar.h"

#include <cstdio>

#include "core/integer.h"
#include "domain/consult_validation.h"
#include "domain/working_days.h"

namespace meekijk::domain {

std::chrono::year_month_day AmsterdamDate(TimePoint t) {
  return std::chrono::year_month_day(
      std::chrono::floor<std::chrono::days>(t + AmsterdamUtcOffset(t)));
}

std::string AmsterdamIsoDate(TimePoint t) { return IsoDay(AmsterdamDate(t)); }

std::string IsoDay(std::chrono::year_month_day day) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return buffer;
}

std::optional<std::chrono::year_month_day> ParseIsoDay(std::string_view text) {
  if (!IsValidIsoDate(text)) return std::nullopt;
  return std::chrono::year_month_day(
      std::chrono::year(ParseInteger<int>(text.substr(0, 4)).value_or(0)),
      std::chrono::month(ParseInteger<unsigned>(text.substr(5, 2)).value_or(0)),
      std::chrono::day(ParseInteger<unsigned>(text.substr(8, 2)).value_or(0)));
}

TimePoint AmsterdamMoment(std::chrono::year_month_day day, int minutes_after_midnight) {
  TimePoint local = std::chrono::sys_days(day) + std::chrono::minutes(minutes_after_midnight);
  return AmsterdamLocalToUtc(local);
}

}  // namespace meekijk::domain
