// Dates as the region lives them: the Amsterdam calendar day of an instant.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace meekijk::domain {

std::chrono::year_month_day AmsterdamDate(TimePoint t);
// YYYY-MM-DD, the form agreements' validity periods use.
std::string AmsterdamIsoDate(TimePoint t);

// "2026-12-08" → the day; nullopt unless a real date in that form.
std::optional<std::chrono::year_month_day> ParseIsoDay(std::string_view text);
// The day → "2026-12-08".
std::string IsoDay(std::chrono::year_month_day day);
// The instant an Amsterdam clock shows `minutes_after_midnight` on `day`.
TimePoint AmsterdamMoment(std::chrono::year_month_day day, int minutes_after_midnight);

}  // namespace meekijk::domain
