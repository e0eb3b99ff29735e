// The triple-aim report: figures only, never a consult or a patient, for what the caller's
// organisations may see — a practice its own consults, a care group its practices', a hospital,
// ZBC or kaderarts group what its pools answered, a region office or an insurer the consults of
// the practices of its region, an administrator the whole installation. Groups of fewer consults
// than the minimum group size are suppressed (domain/triple_aim.h; docs/triple-aim.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/directory.h"
#include "domain/triple_aim.h"
#include "service/principal.h"

namespace meekijk::store {
class Database;
}

namespace meekijk::service {

struct TripleAimQuery {
  std::string from;  // YYYY-MM-DD, the first day of sending
  std::string to;    // YYYY-MM-DD, the last day, inclusive
  std::optional<std::string> specialty;
  std::optional<int64_t> organisation_id;  // a practice, care group, specialist organisation, …
  std::optional<domain::ConsultMode> mode;
  domain::ReportGrouping group_by = domain::ReportGrouping::kNone;
};

struct ReportGroup {
  domain::TripleAimFigures figures;
  std::string label;  // the month, the specialty's name, the practice's name
};

// What the caller's scope is: its kind ("installation", "region", "care_group", "practice",
// "specialist_organisation", "insurer") and the organisations' names.
struct ReportScope {
  std::string kind;
  std::string name;
};

struct TripleAimReport {
  std::string from;
  std::string to;
  domain::ReportGrouping group_by = domain::ReportGrouping::kNone;
  int minimum_group_size = domain::kDefaultMinimumGroupSize;
  ReportScope scope;
  domain::TripleAimFigures total;
  std::vector<ReportGroup> groups;
};

inline constexpr int kMaxReportYears = 10;

class ReportService {
 public:
  ReportService(store::Database& database, const Clock& clock,
                int minimum_group_size = domain::kDefaultMinimumGroupSize)
      : database_(database), clock_(clock), minimum_group_size_(minimum_group_size) {}

  // kForbidden for a caller without an organisation; kInvalidArgument for bad dates (to before
  // from, more than ten years), an unknown specialty or organisation.
  Result<TripleAimReport> TripleAim(const Principal& principal, const TripleAimQuery& query);

  // Sets a specialty's average referral cost (the installation's): administrators only.
  Result<domain::Specialty> SetReferralCost(const Principal& principal, const std::string& code,
                                            int64_t cents);

 private:
  store::Database& database_;
  const Clock& clock_;
  int minimum_group_size_;
};

}  // namespace meekijk::service
