// The Amsterdam calendar day of an instant.
#include "service/calendar.h"

#include <cstdio>

#include "domain/working_days.h"

namespace meekijk::service {

std::chrono::year_month_day AmsterdamDate(TimePoint t) {
  return std::chrono::year_month_day(
      std::chrono::floor<std::chrono::days>(t + domain::AmsterdamUtcOffset(t)));
}

std::string AmsterdamIsoDate(TimePoint t) {
  std::chrono::year_month_day date = AmsterdamDate(t);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

}  // namespace meekijk::service
