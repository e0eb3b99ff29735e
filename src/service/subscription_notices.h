// The notifications a consult's change owes the FHIR subscriptions of its practice's systems:
// rows of the outbox, written in the change's own transaction, so that none is lost and none is
// made by a change that was rolled back. What they carry is read only when they are delivered.
#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "domain/consult.h"
#include "domain/notification.h"

namespace meekijk::store {
class Tx;
}

namespace meekijk::service {

// One row for each active subscription of the practice's active API clients whose criteria the
// event meets: "Task" any event, "Task?status=completed" the consult's closing.
Result<void> QueueSubscriptionNotices(store::Tx& tx, const domain::Consult& consult,
                                      domain::EventKind kind, TimePoint now);

}  // namespace meekijk::service
