// Fee statements: each organisation's lines per month, approved by a coordinator whose reach
// covers it (an administrator: any); the export per insurer of approved lines. Only coordinators
// and administrators see them; the lines name consults by number and carry no patient data.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/directory.h"
#include "domain/fee_line.h"
#include "domain/insurer_export.h"
#include "service/principal.h"

namespace meekijk::store {
class Database;
}

namespace meekijk::service {

struct FeeStatement {
  domain::FeeStatementSummary summary;
  domain::Organisation organisation;
  bool may_approve = false;  // the month is over, the statement open, the caller may approve
  std::vector<domain::FeeLineView> lines;  // empty in a list
};

struct InsurerExport {
  domain::InsurerExportHeader header;
  std::vector<domain::FeeLineView> lines;
};

class FeeService {
 public:
  FeeService(store::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

  // The statements of the month of the organisations within the caller's reach.
  Result<std::vector<FeeStatement>> List(const Principal& principal, const std::string& month);
  // kNotFound when the organisation is outside the caller's reach or has nothing that month.
  Result<FeeStatement> Get(const Principal& principal, int64_t organisation_id,
                           const std::string& month);
  // kInvalidArgument for a month not yet over; kConflict when approved already.
  Result<FeeStatement> Approve(const Principal& principal, int64_t organisation_id,
                               const std::string& month);
  // The approved lines of the month that the insurer pays, of organisations within reach.
  Result<InsurerExport> ForInsurer(const Principal& principal, int64_t insurer_id,
                                   const std::string& month);

 private:
  store::Database& database_;
  const Clock& clock_;
};

}  // namespace meekijk::service
