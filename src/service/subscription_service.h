// FHIR subscriptions (R4, REST hook): an API client asks to be told when its organisation's
// consults change, at an endpoint of its own. Only API clients subscribe, each to what its
// organisation's consults as its user sees them, with the Subscription scope; a subscription is
// the client's alone (another client, even of the same organisation, does not find it). The
// notifications go through the outbox (subscription_notices.h, OutboxService::DeliverNoticesDue).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "service/principal.h"

namespace meekijk::store {
class Database;
class Tx;
}

namespace meekijk::service {

// What a subscription can ask for, by its criteria:
//   "Task?status=completed": a consult closed (with content: the copy for the record, a Bundle);
//   "Task": any change of a consult's Task (with content: the Task).
inline constexpr std::string_view kCompletedTasks = "Task?status=completed";
inline constexpr std::string_view kAnyTask = "Task";
// The only content type a notification with content has.
inline constexpr std::string_view kFhirJson = "application/fhir+json";

struct Subscription {
  int64_t id = 0;
  int64_t api_client_id = 0;
  std::string criteria;
  std::string endpoint;
  std::string payload;  // kFhirJson, or empty
  std::string reason;
  TimePoint created_at;
  std::optional<TimePoint> ended_at;
  // The last notification that failed and why, from the outbox: FHIR's Subscription.error.
  std::string last_error;
};

struct NewSubscription {
  std::string criteria;
  std::string endpoint;
  std::string payload;
  std::string reason;
};

// kInvalidArgument naming the field when a subscription asks for what is not offered: other
// criteria, another payload, an endpoint that is not https (http only to this machine, for a HIS
// beside it and for tests), or one with a user name, password or fragment.
Result<void> ValidateSubscription(const NewSubscription& subscription);

// A client's subscriptions, newest first, ended ones too, each with its last error: what the
// client itself lists, and what its administrator sees of it.
Result<std::vector<Subscription>> SubscriptionsOfClient(store::Tx& tx, int64_t api_client_id);

class SubscriptionService {
 public:
  SubscriptionService(store::Database& database, const Clock& clock)
      : database_(database), clock_(clock) {}

  // Needs the scope Subscription.c, and is for API clients only (kForbidden for a person).
  Result<Subscription> Create(const Principal& principal, const NewSubscription& subscription);
  // Create's check of who asks, on its own: so that a caller who may not subscribe hears 403
  // whatever it sent, before its request is read.
  static Result<void> MaySubscribe(const Principal& principal);
  // The client's own (Subscription.r); kNotFound for another's.
  Result<Subscription> Get(const Principal& principal, int64_t id);
  // The client's own, newest first, ended ones too (Subscription.s).
  Result<std::vector<Subscription>> List(const Principal& principal);
  // Ends it (Subscription.d): no notification is made for it any more; one already waiting in
  // the outbox is still delivered.
  Result<Subscription> End(const Principal& principal, int64_t id);

 private:
  store::Database& database_;
  const Clock& clock_;
};

}  // namespace meekijk::service
