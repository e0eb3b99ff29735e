// The FHIR subscriptions of API clients: what a client wants to be told of, and where (schema 13).
// A subscription ends (ended_at) when its client deletes it; it is kept, so that the outbox rows
// that name it keep their meaning.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "store/statements.h"

namespace meekijk::store {

struct SubscriptionRecord {
  int64_t id = 0;
  int64_t api_client_id = 0;
  std::string criteria;  // "Task?status=completed"
  std::string endpoint;  // the REST hook's URL
  std::string payload;   // "application/fhir+json", or empty: a notification without content
  std::string reason;
  TimePoint created_at;
  std::optional<TimePoint> ended_at;
  bool operator==(const SubscriptionRecord&) const = default;
};

class SubscriptionRepository {
 public:
  explicit SubscriptionRepository(Statements& statements) : sql_(statements) {}

  Result<int64_t> Insert(const SubscriptionRecord& subscription);
  Result<std::optional<SubscriptionRecord>> Find(int64_t id);
  // A client's subscriptions, newest first, ended ones too.
  Result<std::vector<SubscriptionRecord>> OfClient(int64_t api_client_id);
  // The active subscriptions of the active API clients of an organisation, oldest first: who is
  // told of a change to one of its consults.
  Result<std::vector<SubscriptionRecord>> ActiveOfOrganisation(int64_t organisation_id);
  // Whether this call ended it (false: it had ended already).
  Result<bool> End(int64_t id, TimePoint at);
  // Why its latest notification that failed did (empty when none did, or it was delivered since).
  Result<std::string> LastError(int64_t id);

 private:
  Statements& sql_;
};

}  // namespace meekijk::store
