// Verifying, anchoring and searching the access log.
#include "service/audit_service.h"

#include <algorithm>
#include <map>

#include "core/log.h"
#include "service/access_chain.h"
#include "store/access_log.h"
#include "store/database.h"
#include "store/tx.h"

namespace meekijk::service {
namespace {

constexpr int kPage = 2000;


std::string Describe(const AccessLogQuery& q) {
  std::string out;
  if (q.patient_ref) out += "patient=" + *q.patient_ref + " ";
  if (q.user_id) out += "user=" + std::to_string(*q.user_id) + " ";
  if (q.from) out += "from=" + FormatIso8601(*q.from) + " ";
  if (q.until) out += "until=" + FormatIso8601(*q.until) + " ";
  return out;
}

Error NotPrivacyOfficer() {
  return MakeError(ErrorCode::kForbidden,
                   "Alleen de privacyfunctionaris van de organisatie mag het toegangslog inzien.",
                   "Only the organisation's privacy officer may see the access log.");
}

}  // namespace

AccessLogRecord RecordOfEntry(const store::AccessLogEntry& e) {
  return {e.id,          e.at,     e.user_id,    e.username,    e.role,
          e.organisation_id, e.on_behalf_of, e.action, e.consult_id, e.patient_ref,
          e.detail,      e.client_address, e.outcome, e.api_client};
}

Result<ChainReport> AuditService::Verify(const std::vector<ChainAnchor>& anchors,
                                         const std::function<void(int64_t)>& progress) {
  ChainReport report;
  std::map<int64_t, std::string> anchored;
  for (const ChainAnchor& anchor : anchors) anchored[anchor.id] = anchor.hash;
  MK_RETURN_IF_ERROR(database_.Run(store::Access::kRead, [&](store::Tx& tx) -> Result<void> {
    store::AccessLogRepository log = tx.access_log();
    MK_ASSIGN_OR_RETURN(int64_t legacy_through, log.LegacyThrough());
    std::string previous;
    int64_t after = legacy_through;
    for (;;) {
      MK_ASSIGN_OR_RETURN(std::vector<store::AccessLogEntry> rows, log.Scan(after, kPage));
      for (const store::AccessLogEntry& row : rows) {
        ++report.rows;
        if (row.prev_hash != previous) {
          report.first_bad_id = row.id;
          report.problem = "row " + std::to_string(row.id) +
                           " does not link to the row before it: a row was removed or inserted";
          return Ok();
        }
        if (row.row_hash != ChainHash(row)) {
          report.first_bad_id = row.id;
          report.problem = "row " + std::to_string(row.id) + " was changed after it was written";
          return Ok();
        }
        if (auto it = anchored.find(row.id); it != anchored.end()) {
          if (it->second != row.row_hash) {
            report.first_bad_id = row.id;
            report.problem = "row " + std::to_string(row.id) +
                             " differs from its anchor: the chain was rewritten from here";
            return Ok();
          }
          anchored.erase(it);
        }
        previous = row.row_hash;
        report.head = ChainAnchor{row.id, row.row_hash};
        after = row.id;
      }
      if (progress) progress(report.rows);
      if (rows.size() < static_cast<size_t>(kPage)) break;
    }
    if (!anchored.empty()) {
      report.first_bad_id = anchored.begin()->first;
      report.problem = "anchored row " + std::to_string(anchored.begin()->first) +
                       " is missing: the newest rows were cut off";
    }
    return Ok();
  }));
  return report;
}

Result<std::optional<ChainAnchor>> AuditService::Head() {
  MK_ASSIGN_OR_RETURN(std::optional<store::ChainHead> head,
                      store::Transact<std::optional<store::ChainHead>>(
                          database_, store::Access::kRead,
                          [](store::Tx& tx) { return tx.access_log().Head(); }));
  if (!head) return std::optional<ChainAnchor>();
  return std::optional<ChainAnchor>(ChainAnchor{head->id, head->row_hash});
}

Result<int64_t> AuditService::SealLegacyRows() {
  return store::Transact<int64_t>(database_, store::Access::kWrite,
                                  [&](store::Tx& tx) -> Result<int64_t> {
    store::AccessLogRepository log = tx.access_log();
    MK_RETURN_IF_ERROR(log.LockChain(tx.dialect()));
    MK_ASSIGN_OR_RETURN(int64_t legacy_through, log.LegacyThrough());
    if (legacy_through == 0) return int64_t{0};
    // The legacy rows become the chain's start; the rows after them were already linked to a
    // head of "" (the first chained row) and are re-linked onto the sealed prefix in order.
    std::string previous;
    int64_t sealed = 0;
    int64_t after = 0;
    for (;;) {
      MK_ASSIGN_OR_RETURN(std::vector<store::AccessLogEntry> rows, log.Scan(after, kPage));
      for (store::AccessLogEntry& row : rows) {
        row.prev_hash = previous;
        row.row_hash = ChainHash(row);
        MK_RETURN_IF_ERROR(log.Seal(row.id, row.prev_hash, row.row_hash));
        previous = row.row_hash;
        after = row.id;
        ++sealed;
      }
      if (rows.size() < static_cast<size_t>(kPage)) break;
    }
    MK_RETURN_IF_ERROR(log.EndLegacy());
    log::Info("access_log_legacy_sealed", {{"rows", sealed}});
    return sealed;
  });
}

Result<std::vector<AccessLogRecord>> AuditService::Find(const Principal& principal,
                                                        AccessLogQuery query, const char* action) {
  std::vector<int64_t> mine = principal.OrganisationsWithRole(domain::Role::kPrivacyOfficer);
  if (mine.empty()) return NotPrivacyOfficer();
  int64_t organisation = query.organisation_id.value_or(mine.front());
  if (std::find(mine.begin(), mine.end(), organisation) == mine.end()) return NotPrivacyOfficer();
  if (query.from && query.until && *query.until <= *query.from) {
    return MakeError(ErrorCode::kInvalidArgument, "‘Tot’ moet na ‘vanaf’ liggen.",
                     "‘Until’ must come after ‘from’.", "until");
  }
  store::AccessLogFilter filter{organisation,    query.patient_ref, query.user_id, query.from,
                                query.until,     query.before_id,   query.limit};
  return store::Transact<std::vector<AccessLogRecord>>(
      database_, store::Access::kWrite, [&](store::Tx& tx) -> Result<std::vector<AccessLogRecord>> {
        MK_ASSIGN_OR_RETURN(std::vector<store::AccessLogEntry> rows,
                            tx.access_log().Search(filter));
        // Reading the log is itself an access to patient data: logged in the same transaction.
        store::AccessLogEntry entry;
        entry.at = clock_.Now();
        entry.user_id = principal.user.id;
        entry.username = principal.user.username;
        entry.role = "privacy_officer";
        entry.organisation_id = organisation;
        entry.action = action;
        entry.patient_ref = query.patient_ref.value_or("");
        entry.detail = Describe(query) + "rows=" + std::to_string(rows.size());
        entry.client_address = principal.request.client_address;
        entry.request_id = principal.request.request_id;
        entry.outcome = "success";
        MK_RETURN_IF_ERROR(AppendToChain(tx, entry));
        std::vector<AccessLogRecord> out;
        out.reserve(rows.size());
        for (const store::AccessLogEntry& row : rows) out.push_back(RecordOfEntry(row));
        return out;
      });
}

Result<std::vector<AccessLogRecord>> AuditService::Search(const Principal& principal,
                                                          AccessLogQuery query) {
  query.limit = std::clamp(query.limit, 1, 1000);
  return Find(principal, std::move(query), "access_log.search");
}

Result<std::vector<AccessLogRecord>> AuditService::Export(const Principal& principal,
                                                          AccessLogQuery query) {
  MK_RETURN_IF_ERROR(RequireRecentPassword(principal, clock_.Now(), reauthentication_));
  query.limit = 100'000;
  return Find(principal, std::move(query), "access_log.export");
}

}  // namespace meekijk::service
