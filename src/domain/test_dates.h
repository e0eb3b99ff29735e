// Dates and instants written as numbers, for the domain's tests: Date(2026, 12, 8) reads as the
// day it is, and Utc(2026, 12, 8, 13, 20) as the instant in UTC.
#pragma once

#include <chrono>

#include "core/clock.h"

namespace meekijk::domain {

inline std::chrono::year_month_day Date(int y, unsigned m, unsigned d) {
  return std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d};
}

inline TimePoint Utc(int y, unsigned m, unsigned d, int hour, int minute = 0) {
  return std::chrono::sys_days{Date(y, m, d)} + std::chrono::hours{hour} +
         std::chrono::minutes{minute};
}

}  // namespace meekijk::domain
