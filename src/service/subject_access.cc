// The AVG request of access: everything about one patient, for the privacy officer who answers it.
#include <algorithm>

#include "core/log.h"
#include "domain/identifiers.h"
#include "service/access_chain.h"
#include "service/audit_service.h"
#include "service/consult_detail.h"
#include "service/reauthentication.h"
#include "store/access_log.h"
#include "store/agreements.h"
#include "store/consults.h"
#include "store/database.h"
#include "store/tx.h"

namespace meekijk::service {
namespace {

constexpr int kMaxLogRowsPerConsult = 100'000;

Error NothingHeld() {
  return MakeError(ErrorCode::kNotFound,
                   "Over deze patiënt bewaart uw organisatie niets in meekijk.",
                   "Your organisation holds nothing about this patient in meekijk.");
}

// Whether the organisation holds the consult: its practice sent it or one of its pools has it.
Result<bool> Holds(store::Tx& tx, int64_t organisation, const domain::Consult& consult) {
  if (consult.practice_id == organisation) return true;
  if (!consult.pool_id) return false;
  MK_ASSIGN_OR_RETURN(std::optional<domain::Pool> pool, tx.agreements().FindPool(*consult.pool_id));
  return pool && pool->organisation_id == organisation;
}

// The patient's consults: all under the BSN, or the one numbered (with all under its BSN).
Result<std::vector<domain::Consult>> PatientConsults(store::Tx& tx,
                                                     const SubjectAccessQuery& query) {
  store::ConsultRepository consults = tx.consults();
  if (query.bsn) return consults.FindByBsn(*query.bsn);
  MK_ASSIGN_OR_RETURN(std::optional<domain::Consult> numbered,
                      consults.FindByNumber(*query.consult_number));
  if (!numbered) return std::vector<domain::Consult>();
  if (!numbered->content.patient.bsn) return std::vector<domain::Consult>{*numbered};
  return consults.FindByBsn(*numbered->content.patient.bsn);
}

Result<void> ValidateQuery(const SubjectAccessQuery& query) {
  if (query.bsn.has_value() == query.consult_number.has_value()) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Zoek op BSN óf op consultnummer.", "Search by BSN or by consult number.",
                     "bsn");
  }
  if (query.bsn) {
    Result<void> valid = domain::ValidateBsn(*query.bsn);
    if (!valid.ok()) {
      Error error = valid.error();
      error.field = "bsn";
      return error;
    }
  }
  return Ok();
}

}  // namespace

Result<SubjectAccessReport> AuditService::SubjectAccess(const Principal& principal,
                                                        const SubjectAccessQuery& query) {
  std::vector<int64_t> mine = principal.OrganisationsWithRole(domain::Role::kPrivacyOfficer);
  int64_t organisation = query.organisation_id.value_or(mine.empty() ? 0 : mine.front());
  if (std::find(mine.begin(), mine.end(), organisation) == mine.end()) {
    return MakeError(ErrorCode::kForbidden,
                     "Alleen de privacyfunctionaris van de organisatie beantwoordt een "
                     "inzageverzoek.",
                     "Only the organisation's privacy officer answers a request of access.");
  }
  MK_RETURN_IF_ERROR(ValidateQuery(query));
  TimePoint now = clock_.Now();
  MK_RETURN_IF_ERROR(RequireRecentPassword(principal, now, reauthentication_));
  SubjectAccessReport report{now, organisation, {}, {}};
  MK_RETURN_IF_ERROR(database_.Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
    MK_ASSIGN_OR_RETURN(std::vector<domain::Consult> found, PatientConsults(tx, query));
    for (domain::Consult& consult : found) {
      MK_ASSIGN_OR_RETURN(bool held, Holds(tx, organisation, consult));
      if (!held) continue;
      ConsultDetail detail;
      detail.consult = std::move(consult);
      detail.viewer_role = domain::Role::kPrivacyOfficer;
      MK_RETURN_IF_ERROR(LoadConsultParts(tx, detail));
      store::AccessLogFilter filter;
      filter.patient_ref = detail.consult.number;
      filter.limit = kMaxLogRowsPerConsult;
      MK_ASSIGN_OR_RETURN(std::vector<store::AccessLogEntry> rows, tx.access_log().Search(filter));
      for (auto row = rows.rbegin(); row != rows.rend(); ++row) {
        report.access_log.push_back(RecordOfEntry(*row));
      }
      report.consults.push_back(std::move(detail));
    }
    if (report.consults.empty()) return NothingHeld();
    // The export is itself an access to the patient's data: one row per consult, in the same
    // transaction, after the rows it reports.
    for (const ConsultDetail& detail : report.consults) {
      store::AccessLogEntry entry;
      entry.at = now;
      entry.user_id = principal.user.id;
      entry.username = principal.user.username;
      entry.role = "privacy_officer";
      entry.organisation_id = organisation;
      entry.action = "subject_access.export";
      entry.consult_id = detail.consult.id;
      entry.patient_ref = detail.consult.number;
      entry.detail = query.bsn ? "by=bsn" : "by=consult";
      entry.client_address = principal.request.client_address;
      entry.request_id = principal.request.request_id;
      entry.outcome = "success";
      MK_RETURN_IF_ERROR(AppendToChain(tx, entry));
    }
    return Ok();
  }));
  std::sort(report.access_log.begin(), report.access_log.end(),
            [](const AccessLogRecord& a, const AccessLogRecord& b) { return a.id < b.id; });
  log::Info("subject_access_exported", {{"user_id", principal.user.id},
                                        {"organisation_id", organisation},
                                        {"consults", static_cast<int64_t>(report.consults.size())},
                                        {"request_id", principal.request.request_id}});
  return report;
}

}  // namespace meekijk::service
