// Fee lines and the approved monthly statements (domain/fee_line.h). Adding a line also adds its
// amount to the consult's fee total, which the triple-aim report reads, in the same transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "domain/fee_line.h"
#include "store/statements.h"

namespace meekijk::store {

class FeeRepository {
 public:
  explicit FeeRepository(Statements& statements) : sql_(statements) {}

  Result<int64_t> Add(const domain::FeeLine& line);
  // What the consult's lines add up to, per side.
  Result<std::pair<int64_t, int64_t>> PaidPerSide(int64_t consult_id);
  // The lines of the organisation's month, oldest first, with their consults' facts.
  Result<std::vector<domain::FeeLineView>> StatementLines(int64_t organisation_id,
                                                          std::string_view month);
  // One summary per organisation of `organisation_ids` (all when empty and `all`) with lines in
  // the month, or with an approval for it; by organisation id.
  Result<std::vector<domain::FeeStatementSummary>> Summaries(
      std::string_view month, const std::vector<int64_t>& organisation_ids, bool all);
  Result<std::optional<domain::FeeStatementSummary>> Statement(int64_t organisation_id,
                                                               std::string_view month);
  // Records the approval of the organisation's month: marks its lines approved and counts them
  // (the summary's own count and total are not used); kConflict ("already_approved") when the
  // month was approved before.
  Result<void> Approve(const domain::FeeStatementSummary& approval);
  // The lines of approved statements of the month that the insurer pays, of these organisations
  // (all when `all`), by organisation and line.
  Result<std::vector<domain::FeeLineView>> ApprovedForInsurer(
      int64_t insurer_id, std::string_view month, const std::vector<int64_t>& organisation_ids,
      bool all);

 private:
  Statements& sql_;
};

}  // namespace meekijk::store
