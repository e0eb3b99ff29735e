// Fee months and corrections: see fee_line.h.
#include "domain/fee_line.h"

#include "core/integer.h"
#include "domain/calendar.h"

namespace meekijk::domain {

std::string FeeMonth(TimePoint t) { return AmsterdamIsoDate(t).substr(0, 7); }

Result<void> ValidateMonth(std::string_view month, std::string_view field) {
  std::optional<int> year = month.size() == 7 && month[4] == '-'
                                ? ParseInteger<int>(month.substr(0, 4))
                                : std::nullopt;
  std::optional<int> number = year ? ParseInteger<int>(month.substr(5, 2)) : std::nullopt;
  if (!year || !number || *year < 2000 || *year > 2999 || *number < 1 || *number > 12 ||
      month[5] == '+' || month[5] == '-') {
    return MakeError(ErrorCode::kInvalidArgument, "Geef een maand als JJJJ-MM, zoals 2026-11.",
                     "Give a month as YYYY-MM, such as 2026-11.", std::string(field));
  }
  return Ok();
}

std::vector<std::pair<FeeSide, int64_t>> FeeDifferences(const FeesEarned& earned, int64_t gp_paid,
                                                        int64_t specialist_paid) {
  std::vector<std::pair<FeeSide, int64_t>> out;
  if (earned.gp_cents != gp_paid) out.emplace_back(FeeSide::kGp, earned.gp_cents - gp_paid);
  if (earned.specialist_cents != specialist_paid) {
    out.emplace_back(FeeSide::kSpecialist, earned.specialist_cents - specialist_paid);
  }
  return out;
}

}  // namespace meekijk::domain
