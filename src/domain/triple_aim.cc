// The triple-aim definitions: see triple_aim.h and docs/triple-aim.md.
#include "domain/triple_aim.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "domain/calendar.h"

namespace meekijk::domain {
namespace {

std::optional<double> Share(int64_t part, int64_t whole) {
  if (whole == 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

std::optional<double> Mean(int64_t sum, int64_t count) { return Share(sum, count); }

bool Closed(const ConsultFigures& row) { return row.outcome.has_value(); }

}  // namespace

std::optional<double> Median(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  size_t middle = values.size() / 2;
  if (values.size() % 2 == 1) return values[middle];
  return (values[middle - 1] + values[middle]) / 2;
}

std::optional<double> NearestRankPercentile(std::vector<double> values, int percentile) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  // The rank in whole numbers, so that 0.9 * 10 is exactly 9 and not 9.000000000000002.
  size_t rank = (static_cast<size_t>(percentile) * values.size() + 99) / 100;
  return values[std::max<size_t>(rank, 1) - 1];
}

TripleAimFigures SummariseConsults(std::span<const ConsultFigures> rows, int64_t practices_in_scope,
                                   int minimum_group_size) {
  TripleAimFigures f;
  f.consults = static_cast<int64_t>(rows.size());
  if (f.consults < minimum_group_size) {
    TripleAimFigures suppressed;
    suppressed.suppressed = true;
    return suppressed;
  }
  std::vector<double> response_hours;
  std::set<int64_t> practices;
  int64_t answered = 0, within = 0, learned = 0, rating_sum = 0, rated = 0;
  int64_t question_sum = 0, question_rated = 0, patient_sum = 0, cost_of_closed = 0;
  for (const ConsultFigures& row : rows) {
    practices.insert(row.practice_id);
    f.fees_cents += row.fee_cents;
    if (row.response_minutes) response_hours.push_back(*row.response_minutes / 60.0);
    if (row.first_advice_at && row.due_at) {
      ++answered;
      if (*row.first_advice_at <= *row.due_at) ++within;
    }
    if (row.question_rating) {
      question_sum += *row.question_rating;
      ++question_rated;
    }
    if (row.patient_score) {
      patient_sum += *row.patient_score;
      ++f.survey_answers;
    }
    if (row.attendance == Attendance::kSeen) ++f.physical_seen;
    if (row.attendance == Attendance::kNoShow) ++f.physical_no_show;
    if (!Closed(row)) continue;
    ++f.closed;
    cost_of_closed += row.fee_cents;
    bool intended = row.intended_referral.value_or(false);
    if (intended) ++f.intended_referral;
    switch (*row.outcome) {
      case OutcomeKind::kPrimaryCare:
        ++f.primary_care;
        if (intended) {
          ++f.referrals_avoided;
          f.avoided_referral_cost_cents += row.referral_cost_cents;
        }
        break;
      case OutcomeKind::kReferred:
        ++f.referred;
        cost_of_closed += row.referral_cost_cents;
        break;
      case OutcomeKind::kReferredElsewhere:
        ++f.referred_elsewhere;
        cost_of_closed += row.referral_cost_cents;
        break;
    }
    if (row.learned) ++learned;
    if (row.rating) {
      rating_sum += *row.rating;
      ++rated;
    }
  }
  // A share or mean over fewer consults than the minimum would show one patient's or doctor's
  // answer even in a group large enough to be shown: it is left out.
  auto enough = [&](int64_t count) { return count >= minimum_group_size; };
  if (enough(f.closed)) {
    f.primary_care_share = Share(f.primary_care, f.closed);
    f.learned_share = Share(learned, f.closed);
  }
  if (enough(static_cast<int64_t>(response_hours.size()))) {
    f.response_hours_median = Median(response_hours);
    f.response_hours_p90 = NearestRankPercentile(response_hours, 90);
  }
  if (enough(answered)) f.within_agreed_share = Share(within, answered);
  if (enough(rated)) f.rating_mean = Mean(rating_sum, rated);
  if (enough(question_rated)) f.question_rating_mean = Mean(question_sum, question_rated);
  if (enough(f.survey_answers)) f.patient_score_mean = Mean(patient_sum, f.survey_answers);
  f.practices_sending = static_cast<int64_t>(practices.size());
  f.practices_in_scope = practices_in_scope;
  if (f.closed > 0) {
    f.cost_per_patient_cents = static_cast<int64_t>(
        std::llround(static_cast<double>(cost_of_closed) / static_cast<double>(f.closed)));
  }
  return f;
}

std::string GroupKey(const ConsultFigures& row, ReportGrouping grouping) {
  switch (grouping) {
    case ReportGrouping::kMonth: return AmsterdamIsoDate(row.sent_at).substr(0, 7);
    case ReportGrouping::kSpecialty: return row.specialty;
    case ReportGrouping::kOrganisation: return std::to_string(row.practice_id);
    case ReportGrouping::kNone: break;
  }
  return "";
}

std::vector<TripleAimFigures> GroupConsults(std::span<const ConsultFigures> rows,
                                            ReportGrouping grouping, int64_t practices_in_scope,
                                            int minimum_group_size) {
  std::vector<TripleAimFigures> groups;
  if (grouping == ReportGrouping::kNone) return groups;
  std::map<std::string, std::vector<ConsultFigures>> by_key;
  for (const ConsultFigures& row : rows) by_key[GroupKey(row, grouping)].push_back(row);
  std::vector<int64_t> sizes;
  for (const auto& [key, members] : by_key) {
    TripleAimFigures figures = SummariseConsults(members, practices_in_scope, minimum_group_size);
    figures.key = key;
    groups.push_back(std::move(figures));
    sizes.push_back(static_cast<int64_t>(members.size()));
  }
  // A suppressed group must not be the difference between the total and the groups shown: while
  // the hidden consults are fewer than the minimum (and the total is shown), the smallest group
  // still shown is hidden too.
  auto hidden = [&] {
    int64_t sum = 0;
    for (size_t i = 0; i < groups.size(); ++i) sum += groups[i].suppressed ? sizes[i] : 0;
    return sum;
  };
  bool total_shown = static_cast<int64_t>(rows.size()) >= minimum_group_size;
  while (total_shown && hidden() > 0 && hidden() < minimum_group_size) {
    size_t smallest = groups.size();
    for (size_t i = 0; i < groups.size(); ++i) {
      if (!groups[i].suppressed && (smallest == groups.size() || sizes[i] < sizes[smallest])) {
        smallest = i;
      }
    }
    if (smallest == groups.size()) break;
    std::string key = groups[smallest].key;
    groups[smallest] = TripleAimFigures{};
    groups[smallest].suppressed = true;
    groups[smallest].key = key;
  }
  return groups;
}

}  // namespace meekijk::domain
