// What the FHIR API may do, as use cases: each checks the API client's scope for the resource
// it serves (a person's own login has no scopes to check) and then calls the same consult use case
// the REST API and the web app use, which decides who may do what and writes the access log. So
// a FHIR call is never a back door, and a scope only narrows what the client's user may do.
#pragma once

#include <string_view>

#include "service/attachment_service.h"
#include "service/consult_service.h"

namespace meekijk::store {
class Database;
}

namespace meekijk::service {

// A change of a Task's status, as a FHIR client asks for it.
enum class TaskTransition { kSend, kClaim, kDecline, kCancel, kClose };

struct TaskChange {
  TaskTransition transition = TaskTransition::kSend;
  std::string reason;   // kDecline
  Outcome outcome;      // kClose
  // The version the client read (If-Match): the change happens only while the consult is still
  // at it, else kConflict with reason "stale_version".
  std::optional<int64_t> if_version;
};

// Only the names and AGB code of a person: what another system may know of them.
struct Practitioner {
  int64_t id = 0;
  std::string display_name;
  std::optional<std::string> agb;
  std::vector<domain::Membership> memberships;
};

class FhirAccess {
 public:
  FhirAccess(store::Database& database, ConsultService& consults, AttachmentService& attachments)
      : database_(database), consults_(consults), attachments_(attachments) {}

  // kForbidden (reason "insufficient_scope") when an API client lacks `resource`.`permission`.
  static Result<void> RequireScope(const Principal& principal, std::string_view resource,
                                   char permission);

  // One consult, read as `resource` (Task, ServiceRequest, Patient, Communication, …); a search
  // that finds one consult by its id checks the permission 's'.
  Result<ConsultDetail> Read(const Principal& principal, int64_t consult_id,
                             std::string_view resource, char permission = 'r');
  Result<ConsultList> Search(const Principal& principal, const ListQuery& query,
                             std::string_view resource);
  // A consult from a transaction Bundle: needs the create scope of ServiceRequest and Task.
  Result<domain::Consult> Create(const Principal& principal, const NewConsult& consult);
  Result<domain::Consult> ChangeTask(const Principal& principal, int64_t consult_id,
                                     const TaskChange& change);
  // A Communication: a message in the thread, or (kAdvice) the specialist's advice.
  Result<domain::Consult> Communicate(const Principal& principal, int64_t consult_id,
                                      domain::MessageKind kind, const std::string& body,
                                      std::optional<domain::Recommendation> recommendation);
  // The copy for the record (ConsultService::RecordCopy), as a Bundle.
  Result<ConsultDetail> RecordCopy(const Principal& principal, int64_t consult_id);
  Result<StoredFile> Attachment(const Principal& principal, int64_t attachment_id);

  // Directory entries: not patient data, but still only for callers with the scope.
  Result<domain::Organisation> Organisation(const Principal& principal, int64_t id);
  // As a Practitioner (read) or its PractitionerRoles (search).
  Result<Practitioner> PractitionerOf(const Principal& principal, int64_t id,
                                      std::string_view resource = "Practitioner",
                                      char permission = 'r');

 private:
  store::Database& database_;
  ConsultService& consults_;
  AttachmentService& attachments_;
};

}  // namespace meekijk::service
