// Dates as the region lives them: the Amsterdam calendar day of an instant.
#pragma once

#include <chrono>
#include <string>

#include "core/clock.h"

namespace meekijk::domain {

std::chrono::year_month_day AmsterdamDate(TimePoint t);
// YYYY-MM-DD, the form agreements' validity periods use.
std::string AmsterdamIsoDate(TimePoint t);

}  // namespace meekijk::domain
