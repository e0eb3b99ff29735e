// The access log for those who answer for it: verifying its hash chain (meekijk audit verify),
// anchoring its head outside the database, and the privacy officer's search and export, which
// are logged themselves.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "service/consult_service.h"
#include "service/principal.h"
#include "service/reauthentication.h"

namespace meekijk::store {
class Database;
}

namespace meekijk::service {

// A row's id and hash as recorded outside the database: the chain must still hold that row.
struct ChainAnchor {
  int64_t id = 0;
  std::string hash;
  bool operator==(const ChainAnchor&) const = default;
};

struct ChainReport {
  int64_t rows = 0;
  std::optional<int64_t> first_bad_id;  // the first row that does not fit the chain
  std::string problem;                  // what is wrong, for people (English); empty when intact
  std::optional<ChainAnchor> head;
  bool intact() const { return problem.empty(); }
};

struct AccessLogQuery {
  std::optional<int64_t> organisation_id;  // empty: the caller's (first) privacy-officer one
  std::optional<std::string> patient_ref;  // a consult number
  std::optional<int64_t> user_id;
  std::optional<TimePoint> from;
  std::optional<TimePoint> until;
  std::optional<int64_t> before_id;
  int limit = 100;  // 1–1000
};

struct AccessLogRecord {
  int64_t id = 0;
  TimePoint at;
  std::optional<int64_t> user_id;
  std::string username;
  std::string role;
  std::optional<int64_t> organisation_id;
  std::optional<int64_t> on_behalf_of;
  std::string action;
  std::optional<int64_t> consult_id;
  std::string patient_ref;
  std::string detail;
  std::string client_address;
  std::string outcome;
  std::string api_client;  // the API client's client_id, when the access came through one
};

// An AVG request of access (art. 15): one patient, found by BSN or by one of their consults.
struct SubjectAccessQuery {
  std::optional<std::string> bsn;
  std::optional<std::string> consult_number;  // e.g. MK-2026-00042
  std::optional<int64_t> organisation_id;     // empty: the caller's (first) privacy-officer one
};

struct SubjectAccessReport {
  TimePoint generated_at;
  int64_t organisation_id = 0;
  std::vector<ConsultDetail> consults;   // complete, the patient's identity included
  std::vector<AccessLogRecord> access_log;  // every row about these consults, oldest first
};

class AuditService {
 public:
  AuditService(store::Database& database, const Clock& clock,
               std::chrono::minutes reauthentication = kDefaultReauthenticationWindow)
      : database_(database), clock_(clock), reauthentication_(reauthentication) {}

  // Walks the whole chain in id order; `progress` hears the rows done so far.
  Result<ChainReport> Verify(const std::vector<ChainAnchor>& anchors,
                             const std::function<void(int64_t)>& progress = {});
  Result<std::optional<ChainAnchor>> Head();
  // Seals the rows written before the chain began (a database migrated from schema 2) into it,
  // once; returns how many. Run at every start: nothing to do after the first.
  Result<int64_t> SealLegacyRows();

  // For privacy officers of the organisation: the rows by its members or about its consults,
  // newest first. Logged as "access_log.search".
  Result<std::vector<AccessLogRecord>> Search(const Principal& principal, AccessLogQuery query);
  // The same rows for a CSV export (up to 100 000), logged as "access_log.export"; needs the
  // password given within the last minutes.
  Result<std::vector<AccessLogRecord>> Export(const Principal& principal, AccessLogQuery query);

  // Everything held about one patient within the privacy officer's organisation (the consults its
  // practice sent or its pools answered) and the access log on them; needs the password given
  // within the last minutes, and is logged as "subject_access.export" on each consult. kNotFound
  // when the organisation holds nothing about the patient; kInvalidArgument for neither or both
  // of BSN and consult number, or a BSN that fails the elfproef.
  Result<SubjectAccessReport> SubjectAccess(const Principal& principal,
                                            const SubjectAccessQuery& query);

 private:
  Result<std::vector<AccessLogRecord>> Find(const Principal& principal, AccessLogQuery query,
                                            const char* action);

  store::Database& database_;
  const Clock& clock_;
  std::chrono::minutes reauthentication_;
};

}  // namespace meekijk::service
