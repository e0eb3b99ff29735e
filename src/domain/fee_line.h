// Fee lines: what a closed consult earns the GP practice and the specialist's organisation under
// its agreement, line by line, and the monthly statements a coordinator approves. A line is never
// changed or removed: a change (a corrected outcome) adds a correction line for the difference.
// Nothing here bills a patient: the meekijkconsult leaves the deductible untouched.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/agreement.h"
#include "domain/enum_names.h"

namespace meekijk::domain {

enum class FeeSide { kGp, kSpecialist };
enum class FeeLineKind { kFee, kCorrection };

template <>
struct EnumNames<FeeSide> {
  static constexpr std::array<std::pair<FeeSide, std::string_view>, 2> kNames{{
      {FeeSide::kGp, "gp"}, {FeeSide::kSpecialist, "specialist"}}};
};
template <>
struct EnumNames<FeeLineKind> {
  static constexpr std::array<std::pair<FeeLineKind, std::string_view>, 2> kNames{{
      {FeeLineKind::kFee, "fee"}, {FeeLineKind::kCorrection, "correction"}}};
};

struct FeeLine {
  int64_t id = 0;
  std::optional<int64_t> consult_id;  // none once the consult is purged; the number stays
  std::string consult_number;
  int64_t organisation_id = 0;  // the practice (GP side) or the pool's organisation
  FeeSide side = FeeSide::kGp;
  FeeLineKind kind = FeeLineKind::kFee;
  int64_t amount_cents = 0;  // negative in a correction that takes back
  std::optional<std::string> reason;  // why a correction was made
  std::string month;                  // YYYY-MM (Amsterdam): the statement it belongs to
  std::optional<int64_t> insurer_id;  // who pays, from the agreement
  // What the insurer pays on, as it was when the line was made.
  ConsultMode mode = ConsultMode::kDigital;
  std::string specialty;
  std::optional<std::string> vektis_code;
  std::optional<std::string> practice_agb;
  std::optional<std::string> specialist_agb;
  std::string performed_on;  // YYYY-MM-DD: the consult's closing day
  int minutes = 0;           // the specialist's recorded minutes; 0 on a GP line
  bool approved = false;     // counted in its organisation's approved statement
  TimePoint created_at;
  bool operator==(const FeeLine&) const = default;
};

// A line as a statement or an insurer's export shows it, with the insurer's name.
struct FeeLineView {
  FeeLine line;
  std::optional<std::string> insurer_name;
  bool operator==(const FeeLineView&) const = default;
};

// An organisation's month: its lines' count and total, and the approval once given.
struct FeeStatementSummary {
  int64_t organisation_id = 0;
  std::string month;
  int64_t line_count = 0;
  int64_t total_cents = 0;
  std::optional<int64_t> approved_by;
  std::optional<std::string> approved_by_name;
  std::optional<TimePoint> approved_at;
  bool operator==(const FeeStatementSummary&) const = default;
};

// The month (YYYY-MM) of an instant in Amsterdam: the statement a line made then belongs to.
std::string FeeMonth(TimePoint t);

// Checks a month as a caller writes it: YYYY-MM, 2000–2999.
Result<void> ValidateMonth(std::string_view month, std::string_view field = "month");

// What each side must be given (or taken back) so that what it has been paid equals what it
// earned: one amount per side that differs, GP first; none when nothing changed.
std::vector<std::pair<FeeSide, int64_t>> FeeDifferences(const FeesEarned& earned, int64_t gp_paid,
                                                        int64_t specialist_paid);

}  // namespace meekijk::domain
