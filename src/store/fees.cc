// Queries for fee lines and statements.
#include "store/fees.h"

#include <algorithm>

#include "store/columns.h"
#include "store/tx.h"

namespace meekijk::store {
namespace {

using domain::FeeLine;
using domain::FeeLineView;
using domain::FeeStatementSummary;
using W = Written;

// clang-format off
const Table<FeeLine> kLines{"fee_lines", "f", {
    Key<FeeLine>("id", [](auto& l) -> auto& { return l.id; }),
    Field<FeeLine>("consult_id", W::kOnInsert, [](auto& l) -> auto& { return l.consult_id; }),
    Field<FeeLine>("consult_number", W::kOnInsert, [](auto& l) -> auto& { return l.consult_number; }),
    Field<FeeLine>("organisation_id", W::kOnInsert, [](auto& l) -> auto& { return l.organisation_id; }),
    Field<FeeLine>("side", W::kOnInsert, [](auto& l) -> auto& { return l.side; }),
    Field<FeeLine>("kind", W::kOnInsert, [](auto& l) -> auto& { return l.kind; }),
    Field<FeeLine>("amount_cents", W::kOnInsert, [](auto& l) -> auto& { return l.amount_cents; }),
    Field<FeeLine>("reason", W::kOnInsert, [](auto& l) -> auto& { return l.reason; }),
    Field<FeeLine>("month", W::kOnInsert, [](auto& l) -> auto& { return l.month; }),
    Field<FeeLine>("insurer_id", W::kOnInsert, [](auto& l) -> auto& { return l.insurer_id; }),
    Field<FeeLine>("mode", W::kOnInsert, [](auto& l) -> auto& { return l.mode; }),
    Field<FeeLine>("specialty", W::kOnInsert, [](auto& l) -> auto& { return l.specialty; }),
    Field<FeeLine>("vektis_code", W::kOnInsert, [](auto& l) -> auto& { return l.vektis_code; }),
    Field<FeeLine>("practice_agb", W::kOnInsert, [](auto& l) -> auto& { return l.practice_agb; }),
    Field<FeeLine>("specialist_agb", W::kOnInsert, [](auto& l) -> auto& { return l.specialist_agb; }),
    Field<FeeLine>("performed_on", W::kOnInsert, [](auto& l) -> auto& { return l.performed_on; }),
    Field<FeeLine>("minutes", W::kOnInsert, [](auto& l) -> auto& { return l.minutes; }),
    Field<FeeLine>("approved", W::kOnInsert, [](auto& l) -> auto& { return l.approved; }),
    Field<FeeLine>("created_at", W::kOnInsert, [](auto& l) -> auto& { return l.created_at; }),
}};

// A line with the name of the insurer that pays it.
const Table<FeeLineView> kViews{"fee_lines", "f", {
    Key<FeeLineView>("id", [](auto& v) -> auto& { return v.line.id; }),
    Field<FeeLineView>("f.consult_id", W::kRead, [](auto& v) -> auto& { return v.line.consult_id; }),
    Field<FeeLineView>("f.consult_number", W::kRead, [](auto& v) -> auto& { return v.line.consult_number; }),
    Field<FeeLineView>("f.organisation_id", W::kRead, [](auto& v) -> auto& { return v.line.organisation_id; }),
    Field<FeeLineView>("f.side", W::kRead, [](auto& v) -> auto& { return v.line.side; }),
    Field<FeeLineView>("f.kind", W::kRead, [](auto& v) -> auto& { return v.line.kind; }),
    Field<FeeLineView>("f.amount_cents", W::kRead, [](auto& v) -> auto& { return v.line.amount_cents; }),
    Field<FeeLineView>("f.reason", W::kRead, [](auto& v) -> auto& { return v.line.reason; }),
    Field<FeeLineView>("f.month", W::kRead, [](auto& v) -> auto& { return v.line.month; }),
    Field<FeeLineView>("f.insurer_id", W::kRead, [](auto& v) -> auto& { return v.line.insurer_id; }),
    Field<FeeLineView>("f.mode", W::kRead, [](auto& v) -> auto& { return v.line.mode; }),
    Field<FeeLineView>("f.specialty", W::kRead, [](auto& v) -> auto& { return v.line.specialty; }),
    Field<FeeLineView>("f.vektis_code", W::kRead, [](auto& v) -> auto& { return v.line.vektis_code; }),
    Field<FeeLineView>("f.practice_agb", W::kRead, [](auto& v) -> auto& { return v.line.practice_agb; }),
    Field<FeeLineView>("f.specialist_agb", W::kRead, [](auto& v) -> auto& { return v.line.specialist_agb; }),
    Field<FeeLineView>("f.performed_on", W::kRead, [](auto& v) -> auto& { return v.line.performed_on; }),
    Field<FeeLineView>("f.minutes", W::kRead, [](auto& v) -> auto& { return v.line.minutes; }),
    Field<FeeLineView>("f.approved", W::kRead, [](auto& v) -> auto& { return v.line.approved; }),
    Field<FeeLineView>("f.created_at", W::kRead, [](auto& v) -> auto& { return v.line.created_at; }),
    Field<FeeLineView>("io.name", W::kRead, [](auto& v) -> auto& { return v.insurer_name; }),
}, {}, "fee_lines f LEFT JOIN organisations io ON io.id = f.insurer_id"};
// clang-format on

constexpr std::string_view kAddToConsult =
    "UPDATE consults SET fee_cents = fee_cents + ? WHERE id = ?";
constexpr std::string_view kPaidPerSide =
    "SELECT side, COALESCE(SUM(amount_cents), 0) FROM fee_lines WHERE consult_id = ? GROUP BY side";

// The lines of a month per organisation, and the approvals of that month, in one list.
constexpr std::string_view kSummaries =
    "SELECT o.id, COALESCE(l.line_count, 0), COALESCE(l.total_cents, 0), a.approved_by, "
    "u.display_name, a.approved_at, a.line_count, a.total_cents FROM organisations o "
    "LEFT JOIN (SELECT organisation_id, COUNT(*) AS line_count, SUM(amount_cents) AS total_cents "
    "  FROM fee_lines WHERE month = ? GROUP BY organisation_id) l ON l.organisation_id = o.id "
    "LEFT JOIN fee_statements a ON a.organisation_id = o.id AND a.month = ? "
    "LEFT JOIN users u ON u.id = a.approved_by "
    "WHERE (l.organisation_id IS NOT NULL OR a.organisation_id IS NOT NULL)";

// The lines an approval counts: exactly those the insurer's export will hold.
constexpr std::string_view kMarkApproved =
    "UPDATE fee_lines SET approved = 1 WHERE organisation_id = ? AND month = ? AND approved = 0";
constexpr std::string_view kApprovedTotals =
    "SELECT COUNT(*), COALESCE(SUM(amount_cents), 0) FROM fee_lines WHERE organisation_id = ? "
    "AND month = ? AND approved = 1";
constexpr std::string_view kApprove =
    "INSERT INTO fee_statements (organisation_id, month, approved_by, approved_at, line_count, "
    "total_cents) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (organisation_id, month) DO NOTHING";

// `first` and then the ids, in a list made at its final size (g++ 12 at -O2 misreads a growing
// vector of variants as reading uninitialised strings).
std::vector<SqlValue> ParamsWithIds(std::initializer_list<SqlValue> first,
                                    const std::vector<int64_t>& ids) {
  std::vector<SqlValue> params(first.size() + ids.size());
  std::copy(first.begin(), first.end(), params.begin());
  std::copy(ids.begin(), ids.end(), params.begin() + static_cast<std::ptrdiff_t>(first.size()));
  return params;
}

std::string IdsCondition(std::string_view column, const std::vector<int64_t>& ids, bool all) {
  if (all) return "";
  return std::string(" AND ") + std::string(column) + " IN (" +
         (ids.empty() ? std::string("NULL") : Placeholders(ids.size())) + ")";
}

FeeStatementSummary SummaryOf(const Row& row, std::string_view month) {
  FeeStatementSummary s;
  s.organisation_id = row.Int(0);
  s.month = std::string(month);
  s.line_count = row.Int(1);
  s.total_cents = row.Int(2);
  if (!row.IsNull(3)) {
    // An approved month keeps the figures it was approved with (no line can join it later).
    s.approved_by = row.Int(3);
    s.approved_by_name = row.OptionalText(4);
    s.approved_at = FromUnixMillis(row.Int(5));
    s.line_count = row.Int(6);
    s.total_cents = row.Int(7);
  }
  return s;
}

}  // namespace

FeeRepository Tx::fees() { return FeeRepository(statements_); }

Result<int64_t> FeeRepository::Add(const FeeLine& line) {
  MK_ASSIGN_OR_RETURN(int64_t id, sql_.InsertReturningId(kLines.insert(), kLines.InsertParams(line)));
  if (line.consult_id) {
    MK_RETURN_IF_ERROR(sql_.Execute(kAddToConsult, {line.amount_cents, *line.consult_id}));
  }
  return id;
}

Result<std::pair<int64_t, int64_t>> FeeRepository::PaidPerSide(int64_t consult_id) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kPaidPerSide, {consult_id}));
  std::pair<int64_t, int64_t> paid{0, 0};
  for (const Row& row : rows) {
    (row.Enum<domain::FeeSide>(0) == domain::FeeSide::kGp ? paid.first : paid.second) = row.Int(1);
  }
  return paid;
}

Result<std::vector<FeeLineView>> FeeRepository::StatementLines(int64_t organisation_id,
                                                               std::string_view month) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kViews.Select("WHERE f.organisation_id = ? AND "
                                                          "f.month = ? ORDER BY f.id"),
                                            {organisation_id, std::string(month)}));
  return kViews.ReadAll(rows);
}

Result<std::vector<FeeStatementSummary>> FeeRepository::Summaries(
    std::string_view month, const std::vector<int64_t>& organisation_ids, bool all) {
  std::vector<SqlValue> params =
      ParamsWithIds({std::string(month), std::string(month)}, all ? std::vector<int64_t>() : organisation_ids);
  std::string sql = std::string(kSummaries) + IdsCondition("o.id", organisation_ids, all) +
                    " ORDER BY o.id";
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(sql, params));
  std::vector<FeeStatementSummary> out;
  for (const Row& row : rows) out.push_back(SummaryOf(row, month));
  return out;
}

Result<std::optional<FeeStatementSummary>> FeeRepository::Statement(int64_t organisation_id,
                                                                    std::string_view month) {
  MK_ASSIGN_OR_RETURN(std::vector<FeeStatementSummary> found,
                      Summaries(month, {organisation_id}, false));
  if (found.empty()) return std::optional<FeeStatementSummary>();
  return std::optional<FeeStatementSummary>(found.front());
}

Result<void> FeeRepository::Approve(const FeeStatementSummary& approval) {
  // The lines are marked first and the statement counts what was marked, so that what was
  // approved and what the insurer's export holds are the same lines.
  MK_RETURN_IF_ERROR(sql_.Execute(kMarkApproved, {approval.organisation_id, approval.month}));
  MK_ASSIGN_OR_RETURN(Rows marked, sql_.Query(kApprovedTotals, {approval.organisation_id,
                                                                approval.month}));
  MK_ASSIGN_OR_RETURN(int64_t added,
                      sql_.Execute(kApprove, {approval.organisation_id, approval.month,
                                              approval.approved_by.value_or(0),
                                              ToUnixMillis(approval.approved_at.value_or(TimePoint{})),
                                              marked.front().Int(0), marked.front().Int(1)}));
  if (added == 0) return MakeFact(ErrorCode::kConflict, "already_approved");
  return Ok();
}

Result<std::vector<FeeLineView>> FeeRepository::ApprovedForInsurer(
    int64_t insurer_id, std::string_view month, const std::vector<int64_t>& organisation_ids,
    bool all) {
  std::vector<SqlValue> params =
      ParamsWithIds({insurer_id, std::string(month)}, all ? std::vector<int64_t>() : organisation_ids);
  std::string where =
      "WHERE f.insurer_id = ? AND f.month = ? AND f.approved = 1" +
      IdsCondition("f.organisation_id", organisation_ids, all) +
      " ORDER BY f.organisation_id, f.id";
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kViews.Select(where), params));
  return kViews.ReadAll(rows);
}

}  // namespace meekijk::store
