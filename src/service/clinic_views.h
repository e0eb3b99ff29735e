// What the clinic-session use cases share (private to the service layer): the caller's relation
// to a session, and the views the API shows of sessions, slots and bookings.
#pragma once

#include <map>
#include <optional>

#include "core/result.h"
#include "domain/directory.h"
#include "domain/notification.h"
#include "service/clinic_service.h"
#include "service/coordinator_reach.h"
#include "store/clinic.h"
#include "store/tx.h"

namespace meekijk::service {

// How the caller stands to one session.
struct SessionRelation {
  bool keeps = false;    // coordinates its pool's organisation or all of its practices
  bool coordinates_some = false;  // coordinates one of its practices
  bool holds = false;    // is its specialist
  bool member = false;   // is a member of its pool
  bool books = false;    // is a GP or assistant of one of its practices
  bool sees() const { return keeps || coordinates_some || holds || member || books; }
  bool sees_consults() const { return keeps || holds || member; }
};

// One unit of work's view of the region: organisations read once, and the caller's reach.
struct ClinicContext {
  const Principal& principal;
  std::map<int64_t, domain::Organisation> organisations;
  CoordinatorReach reach;

  static Result<ClinicContext> Load(store::Tx& tx, const Principal& principal);
  std::string NameOf(int64_t organisation_id) const;
  // The practices where the caller is a GP or an assistant.
  std::vector<int64_t> OwnPractices() const;
  SessionRelation RelationTo(const domain::ClinicSession& session, int64_t pool_organisation) const;
};

Error SessionNotFound();

// The session as the caller may see it: names, times, counts; with `detail`, the slots and (for
// those who keep it) the waiting list.
Result<ClinicSessionView> ViewSession(store::Tx& tx, const ClinicContext& context,
                                      const domain::ClinicSession& session, bool detail);

// The session, or kNotFound when it does not exist or the caller does not see it.
struct SeenSession {
  domain::ClinicSession session;
  domain::Pool pool;
  SessionRelation relation;
};
Result<SeenSession> FindSeenSession(store::Tx& tx, const ClinicContext& context,
                                    int64_t session_id);

// Where the consult is booked, if anywhere.
Result<std::optional<Booking>> BookingOf(store::Tx& tx, int64_t consult_id);

// Frees the consult's slot (the first of the session's waiting list who may still come takes it,
// and is told) and its place in a waiting list: on a new booking, an unbooking, a cancelled or a
// declined consult.
Result<void> ReleaseBooking(store::Tx& tx, int64_t consult_id, int64_t actor, TimePoint now);

// Tells the practice of each booked and waiting consult of the session of what happened to it.
Result<void> TellBookedPractices(store::Tx& tx, const domain::ClinicSession& session,
                                 domain::EventKind kind, int64_t actor, TimePoint now);

}  // namespace meekijk::service
