// The triple-aim figures of a set of consults: how many stayed in primary care, how fast the
// specialists answered, what the GPs learned and thought of it, what it cost and saved. Every
// definition is here, once, and in docs/triple-aim.md; the report reads one ConsultFigures row
// per sent consult and nothing else.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/clinic_session.h"
#include "domain/consult.h"

namespace meekijk::domain {

// One sent consult as the report sees it: no patient, no text.
struct ConsultFigures {
  int64_t consult_id = 0;  // to join what is read apart; never shown
  TimePoint sent_at;
  std::string specialty;
  int64_t practice_id = 0;
  ConsultMode mode = ConsultMode::kDigital;
  ConsultStatus status = ConsultStatus::kSent;
  std::optional<OutcomeKind> outcome;       // set once closed (the corrected one, if corrected)
  std::optional<bool> intended_referral;    // the GP's answer on writing it
  std::optional<int> response_minutes;      // working minutes from sending to the first advice
  std::optional<TimePoint> first_advice_at;
  std::optional<TimePoint> due_at;
  bool learned = false;                     // the GP's evaluation at closing
  std::optional<int> rating;                // the GP's rating at closing, 1..5
  std::optional<int> question_rating;       // the specialist's rating of the question, 1..5
  std::optional<int> patient_score;         // the patient survey's overall score, 1..5
  int64_t fee_cents = 0;                    // the sum of its fee lines, corrections included
  int64_t referral_cost_cents = 0;          // the configured average referral cost of its specialty
  std::optional<Attendance> attendance;     // physical consults booked in a slot
};

enum class ReportGrouping { kNone, kMonth, kSpecialty, kOrganisation };

template <>
struct EnumNames<ReportGrouping> {
  static constexpr std::array<std::pair<ReportGrouping, std::string_view>, 4> kNames{{
      {ReportGrouping::kNone, "none"},
      {ReportGrouping::kMonth, "month"},
      {ReportGrouping::kSpecialty, "specialty"},
      {ReportGrouping::kOrganisation, "organisation"}}};
};

inline constexpr int kDefaultMinimumGroupSize = 5;

struct TripleAimFigures {
  std::string key;  // the month (YYYY-MM), specialty code or practice id; empty for the total
  // Fewer consults than the minimum group size: every figure below is left out.
  bool suppressed = false;
  int64_t consults = 0;
  int64_t closed = 0;
  int64_t primary_care = 0;
  int64_t referred = 0;
  int64_t referred_elsewhere = 0;
  int64_t intended_referral = 0;
  int64_t referrals_avoided = 0;
  std::optional<double> primary_care_share;
  std::optional<double> response_hours_median;
  std::optional<double> response_hours_p90;
  std::optional<double> within_agreed_share;
  std::optional<double> learned_share;
  std::optional<double> rating_mean;
  std::optional<double> question_rating_mean;
  std::optional<double> patient_score_mean;
  int64_t survey_answers = 0;
  int64_t physical_seen = 0;
  int64_t physical_no_show = 0;
  int64_t practices_sending = 0;
  int64_t practices_in_scope = 0;
  int64_t fees_cents = 0;
  int64_t avoided_referral_cost_cents = 0;
  std::optional<int64_t> cost_per_patient_cents;
};

// The figures of `rows`. `practices_in_scope`: how many practices the caller's scope holds. Fewer
// rows than `minimum_group_size` suppress the group; a share or mean over fewer than that many
// (closed, answered, rated, surveyed) consults is left out.
TripleAimFigures SummariseConsults(std::span<const ConsultFigures> rows, int64_t practices_in_scope,
                                   int minimum_group_size);

// The rows split by month of sending (Amsterdam), specialty or practice, each summarised; groups
// in key order (months in time order). kNone gives no groups. When the suppressed groups hold
// fewer consults than the minimum, the smallest shown groups are suppressed too, so that no
// hidden group is the total minus the shown ones.
std::vector<TripleAimFigures> GroupConsults(std::span<const ConsultFigures> rows,
                                            ReportGrouping grouping, int64_t practices_in_scope,
                                            int minimum_group_size);

// The group key of one row under `grouping`.
std::string GroupKey(const ConsultFigures& row, ReportGrouping grouping);

// The median (the mean of the two middle values for an even count) and the 90th percentile
// (nearest rank: the value at rank ⌈0.9·n⌉ in ascending order) of `values`; none when empty.
std::optional<double> Median(std::vector<double> values);
std::optional<double> NearestRankPercentile(std::vector<double> values, int percentile);

}  // namespace meekijk::domain
