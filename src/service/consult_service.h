// The consult use cases. Each runs in one transaction, decides who may do what (role ×
// organisation × state) and writes the access log; nothing above this layer can bypass it.
// Refusals: kNotFound for a consult the caller may not see (never its contents), kForbidden
// for a role that may never take the action, kConflict for a state that does not allow it,
// kInvalidArgument for invalid content.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/attachment.h"
#include "domain/clinic_session.h"
#include "domain/consult.h"
#include "domain/consult_state.h"
#include "domain/directory.h"
#include "service/pool_option.h"
#include "service/principal.h"

namespace meekijk::store {
class Database;
}

namespace meekijk::service {

class AccessLog;

struct NewConsult {
  domain::ConsultContent content;
  std::optional<int64_t> practice_id;    // needed only by people who work in several practices
  std::optional<int64_t> pool_id;        // a pool the GP chose; else routing picks one
  std::optional<int64_t> specialist_id;  // a named specialist: claimed at once on sending
  bool send = false;                     // send right away (GPs only)
};

// Where a physical consult is booked: a slot of a clinic session, or the session's waiting list.
struct Booking {
  int64_t session_id = 0;
  std::optional<int64_t> slot_id;  // none: on the waiting list
  std::string day;                 // YYYY-MM-DD
  TimePoint starts_at;             // the slot's, or the session's start when waiting
  TimePoint ends_at;
  std::string location;
  std::string specialist_name;
  domain::Attendance attendance = domain::Attendance::kExpected;
  int waiting_position = 0;  // 1 = next in line; 0 when in a slot
  bool operator==(const Booking&) const = default;
};

// The referral a consult became after the advice "refer" (ConsultService::Refer).
struct Referral {
  std::string letter;
  TimePoint sent_at;
  std::string sent_by;  // the GP's name
};

struct ConsultDetail {
  domain::Consult consult;
  std::vector<domain::ThreadMessage> thread;
  std::vector<domain::Attachment> attachments;
  std::string practice_name;
  std::string pool_name;
  std::string specialist_name;
  // The same with their AGB codes, for systems that exchange them (FHIR): the practice, the
  // organisation of the pool, the GP who sent it and the specialist holding it. No contact data.
  std::optional<domain::Organisation> practice;
  std::optional<domain::Organisation> pool_organisation;
  std::optional<domain::User> sender;
  std::optional<domain::User> specialist;
  domain::Role viewer_role = domain::Role::kGp;  // how the caller relates to this consult
  // What the caller may do with it now: the life-cycle table for their role, less what only the
  // specialist holding it may do when that is someone else.
  std::vector<domain::ConsultAction> allowed_actions;
  // True when the patient's name, date of birth and BSN were left out for this caller: a pool
  // sees the patient pseudonymised until one of its specialists claims the consult, and then only
  // that specialist sees who it is.
  bool patient_withheld = false;
  // Where the caller may forward this consult: other pools of its specialty that the practice
  // has an agreement with. Empty unless the caller may forward it now.
  std::vector<PoolOption> forward_pools;
  // To whom the caller may assign it: the active specialists of its pool. Empty unless the caller
  // coordinates the pool's organisation and the consult is sent or claimed.
  std::vector<NamedRef> assign_specialists;
  // The template version the answers were written to, for its questions' labels.
  std::optional<domain::QuestionTemplate> question_template;
  std::optional<Booking> booking;  // physical consults, and those advised to come
  std::optional<Referral> referral;  // once the GP referred after the advice "refer"
};

// The lists: a practice's consults, a specialist's own, the queue of their pools, and the open
// consults of the pools a coordinator's organisation keeps (soonest due first).
enum class Box { kOutbox, kInbox, kPool, kCoordination };

struct ListQuery {
  Box box = Box::kOutbox;
  std::optional<domain::ConsultStatus> status;
  std::optional<std::string> specialty;
  std::optional<domain::ConsultMode> mode;
  std::optional<std::string> text;
  std::optional<std::string> cursor;
  int limit = 50;
};

struct ConsultList {
  std::vector<domain::Consult> items;
  std::optional<std::string> next_cursor;  // absent on the last page
};

struct Outcome {
  domain::OutcomeKind outcome = domain::OutcomeKind::kPrimaryCare;
  bool learned = false;
  int rating = 0;
};

// What a specialist may record with an advice: the minutes spent (added to earlier ones; they
// pay a per-minute agreement) and how well the question was put (1..5).
struct AdviceRecord {
  std::optional<int> minutes;
  std::optional<int> question_rating;
};

inline constexpr int kMaxAdviceMinutes = 600;

class ConsultService {
 public:
  ConsultService(store::Database& database, const Clock& clock, AccessLog& access_log)
      : database_(database), clock_(clock), access_log_(access_log) {}

  Result<domain::Consult> Create(const Principal& principal, const NewConsult& request);
  Result<ConsultDetail> Get(const Principal& principal, int64_t consult_id);
  Result<ConsultList> List(const Principal& principal, const ListQuery& query);
  // The copy for the patient's file in the practice's own system: the whole course, for the GP or
  // assistant of the practice once the consult is closed (kConflict before). An export in the
  // access log (NEN 7513's print/export event).
  Result<ConsultDetail> RecordCopy(const Principal& principal, int64_t consult_id);

  // Changes a draft's content (autosave); kConflict once it is no longer a draft.
  Result<domain::Consult> UpdateDraft(const Principal& principal, int64_t consult_id,
                                      const NewConsult& request);
  // A value that changes whenever a consult the caller can see changes: browsers poll it to know
  // when to reload. It reveals no patient data, so it is not an access-log event.
  Result<std::string> ChangesFingerprint(const Principal& principal);

  // `if_version`, on the life-cycle changes a FHIR client makes (If-Match): the change happens only
  // while the consult is still at that version, checked in the transaction that changes it;
  // otherwise kConflict with reason "stale_version".
  Result<domain::Consult> Send(const Principal& principal, int64_t consult_id,
                               std::optional<int64_t> if_version = {});
  Result<domain::Consult> Cancel(const Principal& principal, int64_t consult_id,
                                 std::optional<int64_t> if_version = {});
  Result<domain::Consult> Claim(const Principal& principal, int64_t consult_id,
                                std::optional<int64_t> if_version = {});
  Result<domain::Consult> Decline(const Principal& principal, int64_t consult_id,
                                  const std::string& reason,
                                  std::optional<int64_t> if_version = {});
  Result<domain::Consult> Forward(const Principal& principal, int64_t consult_id,
                                  int64_t to_pool_id);
  // A coordinator of the pool's organisation gives the consult to one of the pool's active
  // specialists, who then holds it (also when another specialist held it).
  Result<domain::Consult> Assign(const Principal& principal, int64_t consult_id,
                                 int64_t specialist_id);
  // kind: question (GP follow-up), info_request (specialist), reply (GP or assistant).
  Result<domain::Consult> PostMessage(const Principal& principal, int64_t consult_id,
                                      domain::MessageKind kind, const std::string& body);
  // The first advice ends the response time (kept in working minutes for the report).
  Result<domain::Consult> GiveAdvice(const Principal& principal, int64_t consult_id,
                                     domain::Recommendation recommendation,
                                     const std::string& body, const AdviceRecord& record = {});
  // Closing earns the fees of the agreement version the consult was sent under (fee lines).
  Result<domain::Consult> Close(const Principal& principal, int64_t consult_id,
                                const Outcome& outcome, std::optional<int64_t> if_version = {});
  // The referral letter a consult advised "refer" becomes: a draft filled in from the question,
  // summary, answers and advice, for the practice's GP or assistant (kConflict without that advice
  // or once referred). Reading it is a read of the consult.
  Result<std::string> DraftReferral(const Principal& principal, int64_t consult_id);
  // The GP sends the referral in one action: the consult closes as referred, under its own number
  // and with its thread, and keeps the letter (which the pool's specialists see with it).
  Result<domain::Consult> Refer(const Principal& principal, int64_t consult_id,
                                const std::string& letter, bool learned, int rating);
  // The GP of the practice corrects a closed consult's outcome, with a reason; where that changes
  // what it earns, a correction line is added to the fees (never a silent change).
  Result<domain::Consult> CorrectOutcome(const Principal& principal, int64_t consult_id,
                                         domain::OutcomeKind outcome, const std::string& reason);

 private:
  store::Database& database_;
  const Clock& clock_;
  AccessLog& access_log_;
};

}  // namespace meekijk::service
