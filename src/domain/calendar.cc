// The Amsterdam calendar day of an instant.
#include "domain/calendar.h"

#include <cstdio>

#include "domain/working_days.h"

namespace meekijk::domain {

std::chrono::year_month_day AmsterdamDate(TimePoint t) {
  return std::chrono::year_month_day(
      std::chrono::floor<std::chrono::days>(t + AmsterdamUtcOffset(t)));
}

std::string AmsterdamIsoDate(TimePoint t) {
  std::chrono::year_month_day date = AmsterdamDate(t);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

}  // namespace meekijk::domain
