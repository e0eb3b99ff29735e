// Writing access-log rows.
#include "service/access_log.h"

#include "core/log.h"
#include "service/access_chain.h"
#include "store/access_log.h"
#include "store/database.h"
#include "store/tx.h"

namespace meekijk::service {
namespace {

store::AccessLogEntry EntryFor(const Principal& principal, std::optional<domain::Role> role,
                               std::string_view action, TimePoint at) {
  store::AccessLogEntry entry;
  entry.at = at;
  entry.user_id = principal.user.id;
  entry.username = principal.user.username;
  entry.role = role ? std::string(domain::Name(*role)) : "";
  if (role) {
    std::vector<int64_t> organisations = principal.OrganisationsWithRole(*role);
    if (!organisations.empty()) entry.organisation_id = organisations.front();
  }
  entry.action = action;
  if (principal.api_client) entry.api_client = principal.api_client->client_id;
  entry.client_address = principal.request.client_address;
  entry.request_id = principal.request.request_id;
  return entry;
}

}  // namespace

store::AccessLogEntry AccessLog::EntryForConsult(const Principal& principal, domain::Role role,
                                                 std::string_view action,
                                                 const domain::Consult& consult,
                                                 std::string detail) const {
  store::AccessLogEntry entry = EntryFor(principal, role, action, clock_.Now());
  // A GP acts in the practice that owns the consult, a specialist for the organisation of the
  // consult's pool: name that one when they have several.
  if (principal.MembershipIn(consult.practice_id, role) != nullptr) {
    entry.organisation_id = consult.practice_id;
  }
  for (const domain::Pool& pool : principal.pools) {
    if (role == domain::Role::kSpecialist && consult.pool_id == pool.id) {
      entry.organisation_id = pool.organisation_id;
    }
  }
  // NEN 7513's responsible user: an assistant works under the GP who sent the consult (a draft
  // nobody sent yet has no one named).
  if (role == domain::Role::kAssistant && consult.sender_id &&
      *consult.sender_id != principal.user.id) {
    entry.on_behalf_of = consult.sender_id;
  }
  entry.consult_id = consult.id;
  entry.patient_ref = consult.number;
  entry.detail = std::move(detail);
  entry.outcome = "success";
  return entry;
}

Result<void> AccessLog::Record(store::Tx& tx, const Principal& principal, domain::Role role,
                               std::string_view action, const domain::Consult& consult,
                               std::string detail) {
  MK_RETURN_IF_ERROR(
      AppendToChain(tx, EntryForConsult(principal, role, action, consult, std::move(detail))));
  return Ok();
}

Result<void> AccessLog::RecordEach(store::Tx& tx, const Principal& principal, domain::Role role,
                                   std::string_view action,
                                   std::span<const domain::Consult> consults) {
  std::vector<store::AccessLogEntry> entries;
  entries.reserve(consults.size());
  for (const domain::Consult& consult : consults) {
    entries.push_back(EntryForConsult(principal, role, action, consult, {}));
  }
  return AppendAllToChain(tx, std::move(entries));
}

void AccessLog::RecordRefusal(const Principal& principal, std::optional<domain::Role> role,
                              std::string_view action, int64_t consult_id,
                              std::string_view patient_ref, const Error& error) {
  store::AccessLogEntry entry = EntryFor(principal, role, action, clock_.Now());
  entry.consult_id = consult_id;
  entry.patient_ref = patient_ref;
  entry.outcome = ErrorCodeName(error.code);
  entry.detail = !error.message.en.empty() ? error.message.en : error.reason;
  Result<void> written = database_.Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
    MK_RETURN_IF_ERROR(AppendToChain(tx, entry));
    return Ok();
  });
  if (!written.ok()) {
    log::Error("access_log_refusal_not_written",
               {{"request_id", principal.request.request_id}, {"action", action},
                {"reason", written.error().reason.empty() ? written.error().message.en : written.error().reason}});
  }
}

}  // namespace meekijk::service
