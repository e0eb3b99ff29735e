#include "service/subscription_notices.h"

#include "service/subscription_service.h"
#include "store/outbox.h"
#include "store/subscriptions.h"
#include "store/tx.h"

namespace meekijk::service {

Result<void> QueueSubscriptionNotices(store::Tx& tx, const domain::Consult& consult,
                                      domain::EventKind kind, TimePoint now) {
  MK_ASSIGN_OR_RETURN(std::vector<store::SubscriptionRecord> subscriptions,
                      tx.subscriptions().ActiveOfOrganisation(consult.practice_id));
  for (const store::SubscriptionRecord& subscription : subscriptions) {
    bool wanted = subscription.criteria == kAnyTask ||
                  (subscription.criteria == kCompletedTasks &&
                   consult.status == domain::ConsultStatus::kClosed);
    if (!wanted) continue;
    store::OutboxMessage notice;
    notice.recipient = subscription.endpoint;
    notice.kind = kind;
    notice.consult_id = consult.id;
    notice.consult_number = consult.number;
    notice.specialty = consult.content.specialty;
    notice.subscription_id = subscription.id;
    notice.next_attempt_at = notice.created_at = now;
    MK_RETURN_IF_ERROR(tx.outbox().Enqueue(notice));
  }
  return Ok();
}

}  // namespace meekijk::service
