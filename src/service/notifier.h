// Telling people, inside the unit of work of the change that causes it (private to the service
// layer): who is told of an event on a consult, the in-app notification for each, and for each
// who wants it at once a mail in the outbox, in the same transaction, so that a change that is
// rolled back tells no one and one that commits cannot lose its mails.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/consult.h"
#include "domain/notification.h"
#include "store/tx.h"

namespace meekijk::service {

// Tells the people an event on `consult` concerns (the consult as it is after the change), except
// `actor`, who caused it: the pool's members on duty of a new or forwarded consult (or the named
// specialist), the GP and the assistant who prepared it of what the specialist did, the specialist
// holding it of what the GP did, the pool and its coordinators of an escalation, the coordinators
// of an overdue consult.
Result<void> NotifyConsultEvent(store::Tx& tx, const domain::Consult& consult,
                                domain::EventKind kind, std::optional<int64_t> actor,
                                TimePoint now);

// Mails a new account its invitation (the link's token; the mail shows the link once).
Result<void> QueueInvitation(store::Tx& tx, int64_t user_id, const std::string& token,
                             TimePoint now);

// The people of a pool told of a consult now: on duty this week and not away, else the others.
Result<std::vector<int64_t>> PoolRecipientsNow(store::Tx& tx, int64_t pool_id, TimePoint now);

}  // namespace meekijk::service
