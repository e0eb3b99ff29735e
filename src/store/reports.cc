// The triple-aim report's query.
#include "store/reports.h"

#include <map>

#include "store/columns.h"
#include "store/tx.h"

namespace meekijk::store {
namespace {

using domain::ConsultFigures;
using W = Written;

// clang-format off
const Table<ConsultFigures> kFigures{"consults", "c", {
    Field<ConsultFigures>("c.id", W::kRead, [](auto& f) -> auto& { return f.consult_id; }),
    Field<ConsultFigures>("c.sent_at", W::kRead, [](auto& f) -> auto& { return f.sent_at; }),
    Field<ConsultFigures>("c.specialty", W::kRead, [](auto& f) -> auto& { return f.specialty; }),
    Field<ConsultFigures>("c.practice_id", W::kRead, [](auto& f) -> auto& { return f.practice_id; }),
    Field<ConsultFigures>("c.mode", W::kRead, [](auto& f) -> auto& { return f.mode; }),
    Field<ConsultFigures>("c.status", W::kRead, [](auto& f) -> auto& { return f.status; }),
    Field<ConsultFigures>("c.outcome", W::kRead, [](auto& f) -> auto& { return f.outcome; }),
    Field<ConsultFigures>("c.intended_referral", W::kRead,
                          [](auto& f) -> auto& { return f.intended_referral; }),
    Field<ConsultFigures>("c.response_minutes", W::kRead,
                          [](auto& f) -> auto& { return f.response_minutes; }),
    Field<ConsultFigures>("c.first_advice_at", W::kRead,
                          [](auto& f) -> auto& { return f.first_advice_at; }),
    Field<ConsultFigures>("c.due_at", W::kRead, [](auto& f) -> auto& { return f.due_at; }),
    Field<ConsultFigures>("COALESCE(c.outcome_learned, 0)", W::kRead,
                          [](auto& f) -> auto& { return f.learned; }),
    Field<ConsultFigures>("c.outcome_rating", W::kRead, [](auto& f) -> auto& { return f.rating; }),
    Field<ConsultFigures>("c.question_rating", W::kRead,
                          [](auto& f) -> auto& { return f.question_rating; }),
    Field<ConsultFigures>("c.patient_score", W::kRead, [](auto& f) -> auto& { return f.patient_score; }),
    Field<ConsultFigures>("c.fee_cents", W::kRead, [](auto& f) -> auto& { return f.fee_cents; }),
}};
// clang-format on

// A parameter list filled in place at its largest size (g++ 12 at -O2 misreads a growing vector
// of variants as reading uninitialised strings).
struct Params {
  explicit Params(size_t most) : values(most) {}
  void Add(SqlValue value) { values[used++] = std::move(value); }
  std::vector<SqlValue> Done() {
    values.resize(used);
    return std::move(values);
  }
  std::vector<SqlValue> values;
  size_t used = 0;
};

std::string In(std::string_view column, const std::vector<int64_t>& ids, Params& params) {
  for (int64_t id : ids) params.Add(id);
  return std::string(column) + " IN (" + Placeholders(ids.size()) + ")";
}

// "(practices OR pools)" of the lists given; "1 = 0" when both are empty.
std::string EitherList(const std::vector<int64_t>& practices, const std::vector<int64_t>& pools,
                       Params& params) {
  std::vector<std::string> parts;
  if (!practices.empty()) parts.push_back(In("c.practice_id", practices, params));
  if (!pools.empty()) parts.push_back(In("c.pool_id", pools, params));
  if (parts.empty()) return "1 = 0";
  return parts.size() == 1 ? parts[0] : "(" + parts[0] + " OR " + parts[1] + ")";
}

constexpr std::string_view kReferralCosts = "SELECT code, referral_cost_cents FROM specialties";
// Followed by the figures' own conditions (without their WHERE).
constexpr std::string_view kAttendance =
    "SELECT sl.consult_id, sl.attendance FROM clinic_slots sl JOIN consults c ON c.id = "
    "sl.consult_id WHERE sl.attendance <> 'expected' AND ";

}  // namespace

ReportRepository Tx::reports() { return ReportRepository(statements_); }

Result<std::vector<ConsultFigures>> ReportRepository::ConsultFigures(const FigureFilter& filter) {
  Params params(4 + filter.scope_practices.size() + filter.scope_pools.size() +
                filter.only_practices.size() + filter.only_pools.size());
  params.Add(ToUnixMillis(filter.sent_from));
  params.Add(ToUnixMillis(filter.sent_until));
  std::string where = "WHERE c.sent_at >= ? AND c.sent_at < ?";
  if (!filter.everything) {
    where += " AND " + EitherList(filter.scope_practices, filter.scope_pools, params);
  }
  if (filter.only_given) {
    where += " AND " + EitherList(filter.only_practices, filter.only_pools, params);
  }
  if (filter.specialty) {
    where += " AND c.specialty = ?";
    params.Add(*filter.specialty);
  }
  if (filter.mode) {
    where += " AND c.mode = ?";
    params.Add(std::string(domain::Name(*filter.mode)));
  }
  std::vector<SqlValue> bound = params.Done();
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kFigures.Select(where), bound));
  std::vector<domain::ConsultFigures> figures = kFigures.ReadAll(rows);
  // What lies in other tables is read apart, so that the consults are read from their covering
  // index alone: the referral costs (a few specialties) and the attendance of physical consults.
  MK_ASSIGN_OR_RETURN(Rows costs, sql_.Query(kReferralCosts));
  std::map<std::string, int64_t> cost_of;
  for (const Row& row : costs) cost_of[row.Text(0)] = row.Int(1);
  MK_ASSIGN_OR_RETURN(Rows visits, sql_.Query(std::string(kAttendance) + where.substr(5), bound));
  std::map<int64_t, domain::Attendance> visit_of;
  for (const Row& row : visits) visit_of[row.Int(0)] = row.Enum<domain::Attendance>(1);
  for (domain::ConsultFigures& f : figures) {
    auto cost = cost_of.find(f.specialty);
    if (cost != cost_of.end()) f.referral_cost_cents = cost->second;
    if (f.mode == domain::ConsultMode::kPhysical) {
      auto visit = visit_of.find(f.consult_id);
      if (visit != visit_of.end()) f.attendance = visit->second;
    }
  }
  return figures;
}

}  // namespace meekijk::store
