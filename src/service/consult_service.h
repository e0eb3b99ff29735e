// The consult use cases. Each runs in one transaction, decides who may do what (role ×
// organisation × state) and writes the access log; nothing above this layer can bypass it.
// Refusals: kNotFound for a consult the caller may not see (never its contents), kForbidden
// for a role that may never take the action, kConflict for a state that does not allow it,
// kInvalidArgument for invalid content.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/consult.h"
#include "domain/consult_state.h"
#include "service/access_log.h"
#include "service/pool_option.h"
#include "service/principal.h"
#include "store/database.h"
#include "store/records.h"

namespace meekijk::service {

inline constexpr size_t kDefaultMaxAttachmentBytes = 20 * 1024 * 1024;

struct NewConsult {
  domain::ConsultContent content;
  std::optional<int64_t> practice_id;    // needed only by people who work in several practices
  std::optional<int64_t> pool_id;        // a pool the GP chose; else routing picks one
  std::optional<int64_t> specialist_id;  // a named specialist: claimed at once on sending
  bool send = false;                     // send right away (GPs only)
};

struct ConsultDetail {
  domain::Consult consult;
  std::vector<domain::ThreadMessage> thread;
  std::vector<store::AttachmentRecord> attachments;
  std::string practice_name;
  std::string pool_name;
  std::string specialist_name;
  domain::Role viewer_role = domain::Role::kGp;  // how the caller relates to this consult
  // True when the patient's name, date of birth and BSN were left out for this caller: a pool
  // sees the patient pseudonymised until one of its specialists claims the consult, and then only
  // that specialist sees who it is.
  bool patient_withheld = false;
  // Where the caller may forward this consult: other pools of its specialty that the practice
  // has an agreement with. Empty unless the caller may forward it now.
  std::vector<PoolOption> forward_pools;
};

struct ListQuery {
  store::ConsultFilter::Box box = store::ConsultFilter::Box::kOutbox;
  std::optional<domain::ConsultStatus> status;
  std::optional<std::string> specialty;
  std::optional<std::string> text;
  std::optional<std::string> cursor;
  int limit = 50;
};

struct Outcome {
  domain::OutcomeKind outcome = domain::OutcomeKind::kPrimaryCare;
  bool learned = false;
  int rating = 0;
};

struct StoredFile {
  store::AttachmentRecord record;
  std::string content;
};

class ConsultService {
 public:
  ConsultService(store::Database& database, const Clock& clock, AccessLog& access_log,
                 size_t max_attachment_bytes = kDefaultMaxAttachmentBytes)
      : database_(database), clock_(clock), access_log_(access_log),
        max_attachment_bytes_(max_attachment_bytes) {}

  Result<domain::Consult> Create(const Principal& principal, const NewConsult& request);
  Result<ConsultDetail> Get(const Principal& principal, int64_t consult_id);
  Result<store::ConsultPage> List(const Principal& principal, const ListQuery& query);

  // Changes a draft's content (autosave); kConflict once it is no longer a draft.
  Result<domain::Consult> UpdateDraft(const Principal& principal, int64_t consult_id,
                                      const NewConsult& request);
  // A value that changes whenever a consult the caller can see changes: browsers poll it to know
  // when to reload. It reveals no patient data, so it is not an access-log event.
  Result<std::string> ChangesFingerprint(const Principal& principal);

  Result<domain::Consult> Send(const Principal& principal, int64_t consult_id);
  Result<domain::Consult> Cancel(const Principal& principal, int64_t consult_id);
  Result<domain::Consult> Claim(const Principal& principal, int64_t consult_id);
  Result<domain::Consult> Decline(const Principal& principal, int64_t consult_id,
                                  const std::string& reason);
  Result<domain::Consult> Forward(const Principal& principal, int64_t consult_id,
                                  int64_t to_pool_id);
  // kind: question (GP follow-up), info_request (specialist), reply (GP or assistant).
  Result<domain::Consult> PostMessage(const Principal& principal, int64_t consult_id,
                                      domain::MessageKind kind, const std::string& body);
  Result<domain::Consult> GiveAdvice(const Principal& principal, int64_t consult_id,
                                     domain::Recommendation recommendation,
                                     const std::string& body);
  Result<domain::Consult> Close(const Principal& principal, int64_t consult_id,
                                const Outcome& outcome);

  // The file's type comes from its bytes; `filename` is only kept for display and download.
  Result<store::AttachmentRecord> AddAttachment(const Principal& principal, int64_t consult_id,
                                                const std::string& filename,
                                                const std::string& content);
  Result<StoredFile> GetAttachment(const Principal& principal, int64_t attachment_id);

  size_t max_attachment_bytes() const { return max_attachment_bytes_; }

 private:
  template <typename T>
  using ConsultWork = std::function<Result<T>(store::Tx&, domain::Consult&, domain::Role)>;

  // Loads the consult, finds the caller's role on it (kNotFound when they have none), runs
  // `work` and writes the access-log row, all in one transaction; logs a refusal otherwise.
  template <typename T>
  Result<T> OnConsult(const Principal& principal, int64_t consult_id, std::string_view action,
                      const ConsultWork<T>& work);

  // OnConsult for a life-cycle action: checks the transition, lets `apply` change the consult,
  // and stores it with its new status.
  Result<domain::Consult> Transition(const Principal& principal, int64_t consult_id,
                                     domain::ConsultAction action,
                                     const ConsultWork<std::monostate>& apply);

  // Checks that the specialty exists, that a chosen pool answers for it, and that a named
  // specialist belongs to such a pool (whose id it then fills in).
  Result<void> ValidateSpecialtyAndAddressee(store::Tx& tx, domain::Consult& consult);

  // Routes a draft under an agreement and starts its response clock.
  Result<void> Route(store::Tx& tx, const Principal& principal, domain::Consult& consult);

  Result<std::vector<PoolOption>> ForwardPools(store::Tx& tx, const domain::Consult& consult);

  Result<void> AppendMessage(store::Tx& tx, const Principal& principal,
                             const domain::Consult& consult, domain::Role role,
                             domain::MessageKind kind, const std::string& body,
                             std::optional<domain::Recommendation> recommendation = {});

  store::Database& database_;
  const Clock& clock_;
  AccessLog& access_log_;
  size_t max_attachment_bytes_;
};

}  // namespace meekijk::service
