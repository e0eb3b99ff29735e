// The FHIR API's use cases: a scope check, then the consult use case.
#include "service/fhir_access.h"

#include "domain/api_scope.h"
#include "store/database.h"
#include "store/directory.h"
#include "store/tx.h"

namespace meekijk::service {
namespace {

Error NotFound(std::string_view what_nl, std::string_view what_en) {
  return MakeError(ErrorCode::kNotFound, std::string(what_nl) + " bestaat niet.",
                   std::string(what_en) + " does not exist.");
}

}  // namespace

Result<void> FhirAccess::RequireScope(const Principal& principal, std::string_view resource,
                                      char permission) {
  if (!principal.api_client ||
      domain::ScopesAllow(principal.api_client->scopes, resource, permission)) {
    return Ok();
  }
  std::string scope = "system/" + std::string(resource) + "." + std::string(1, permission);
  Error error = MakeError(ErrorCode::kForbidden,
                          "Deze API-client heeft geen scope voor " + scope + ".",
                          "This API client has no scope for " + scope + ".");
  error.reason = "insufficient_scope";
  return error;
}

Result<ConsultDetail> FhirAccess::Read(const Principal& principal, int64_t consult_id,
                                       std::string_view resource, char permission) {
  MK_RETURN_IF_ERROR(RequireScope(principal, resource, permission));
  return consults_.Get(principal, consult_id);
}

Result<ConsultList> FhirAccess::Search(const Principal& principal, const ListQuery& query,
                                       std::string_view resource) {
  MK_RETURN_IF_ERROR(RequireScope(principal, resource, 's'));
  return consults_.List(principal, query);
}

Result<domain::Consult> FhirAccess::Create(const Principal& principal, const NewConsult& consult) {
  MK_RETURN_IF_ERROR(RequireScope(principal, "ServiceRequest", 'c'));
  MK_RETURN_IF_ERROR(RequireScope(principal, "Task", 'c'));
  return consults_.Create(principal, consult);
}

Result<domain::Consult> FhirAccess::ChangeTask(const Principal& principal, int64_t consult_id,
                                               const TaskChange& change) {
  MK_RETURN_IF_ERROR(RequireScope(principal, "Task", 'u'));
  switch (change.transition) {
    case TaskTransition::kSend: return consults_.Send(principal, consult_id, change.if_version);
    case TaskTransition::kClaim: return consults_.Claim(principal, consult_id, change.if_version);
    case TaskTransition::kDecline:
      return consults_.Decline(principal, consult_id, change.reason, change.if_version);
    case TaskTransition::kCancel: return consults_.Cancel(principal, consult_id, change.if_version);
    case TaskTransition::kClose:
      return consults_.Close(principal, consult_id, change.outcome, change.if_version);
  }
  return MakeError(ErrorCode::kInternal, "Onbekende overgang.", "Unknown transition.");
}

Result<domain::Consult> FhirAccess::Communicate(
    const Principal& principal, int64_t consult_id, domain::MessageKind kind,
    const std::string& body, std::optional<domain::Recommendation> recommendation) {
  MK_RETURN_IF_ERROR(RequireScope(principal, "Communication", 'c'));
  if (kind == domain::MessageKind::kAdvice) {
    return consults_.GiveAdvice(principal, consult_id,
                                recommendation.value_or(domain::Recommendation::kOther), body);
  }
  return consults_.PostMessage(principal, consult_id, kind, body);
}

Result<ConsultDetail> FhirAccess::RecordCopy(const Principal& principal, int64_t consult_id) {
  MK_RETURN_IF_ERROR(RequireScope(principal, "Bundle", 'r'));
  return consults_.RecordCopy(principal, consult_id);
}

Result<StoredFile> FhirAccess::Attachment(const Principal& principal, int64_t attachment_id) {
  MK_RETURN_IF_ERROR(RequireScope(principal, "Binary", 'r'));
  return attachments_.Get(principal, attachment_id);
}

Result<domain::Organisation> FhirAccess::Organisation(const Principal& principal, int64_t id) {
  MK_RETURN_IF_ERROR(RequireScope(principal, "Organization", 'r'));
  return store::Transact<domain::Organisation>(
      database_, store::Access::kRead, [&](store::Tx& tx) -> Result<domain::Organisation> {
        MK_ASSIGN_OR_RETURN(auto organisation, tx.directory().FindOrganisation(id));
        if (!organisation) return NotFound("Deze organisatie", "This organisation");
        return *organisation;
      });
}

Result<Practitioner> FhirAccess::PractitionerOf(const Principal& principal, int64_t id,
                                               std::string_view resource, char permission) {
  MK_RETURN_IF_ERROR(RequireScope(principal, resource, permission));
  return store::Transact<Practitioner>(
      database_, store::Access::kRead, [&](store::Tx& tx) -> Result<Practitioner> {
        MK_ASSIGN_OR_RETURN(auto user, tx.directory().FindUser(id));
        if (!user || !user->active) return NotFound("Deze zorgverlener", "This practitioner");
        Practitioner practitioner{user->id, user->display_name, user->agb, {}};
        MK_ASSIGN_OR_RETURN(practitioner.memberships, tx.directory().Memberships(id));
        return practitioner;
      });
}

}  // namespace meekijk::service
