// FHIR subscriptions of API clients.
#include "service/subscription_service.h"

#include <boost/url/parse.hpp>

#include "service/fhir_access.h"
#include "store/database.h"
#include "store/subscriptions.h"
#include "store/tx.h"

namespace meekijk::service {
namespace {

constexpr size_t kMaxEndpointBytes = 2000;
constexpr size_t kMaxReasonBytes = 500;

Error Invalid(std::string nl, std::string en, std::string field) {
  return MakeError(ErrorCode::kInvalidArgument, std::move(nl), std::move(en), std::move(field));
}

// Plain http only to this machine: a HIS on the same server, a test's receiver.
bool IsLoopback(std::string_view host) {
  return host == "127.0.0.1" || host == "localhost" || host == "[::1]";
}

Result<void> ValidateEndpoint(std::string_view endpoint) {
  Error bad = Invalid(
      "Het endpoint is een https-adres (http alleen naar 127.0.0.1 of localhost), zonder "
      "gebruikersnaam, wachtwoord of #-deel.",
      "The endpoint is an https address (http only to 127.0.0.1 or localhost), without user "
      "name, password or #-part.",
      "Subscription.channel.endpoint");
  if (endpoint.empty() || endpoint.size() > kMaxEndpointBytes) return bad;
  auto url = boost::urls::parse_absolute_uri(endpoint);
  if (!url || url->has_userinfo() || url->has_fragment() || url->host().empty()) return bad;
  if (url->scheme() == "https") return Ok();
  if (url->scheme() == "http" && IsLoopback(url->encoded_host())) return Ok();
  return bad;
}

Subscription FromRecord(const store::SubscriptionRecord& record, std::string last_error) {
  return {record.id,      record.api_client_id, record.criteria,   record.endpoint,
          record.payload, record.reason,        record.created_at, record.ended_at,
          std::move(last_error)};
}

Result<const ApiClientGrant*> RequireClient(const Principal& principal, char permission) {
  if (!principal.api_client) {
    return MakeError(ErrorCode::kForbidden,
                     "Alleen een systeem met een API-client abonneert zich op wijzigingen.",
                     "Only a system with an API client subscribes to changes.");
  }
  MK_RETURN_IF_ERROR(FhirAccess::RequireScope(principal, "Subscription", permission));
  return &*principal.api_client;
}

// The client's own subscription; kNotFound for another's, which it is not told exists.
Result<store::SubscriptionRecord> OwnSubscription(store::Tx& tx, const ApiClientGrant& client,
                                                  int64_t id) {
  MK_ASSIGN_OR_RETURN(std::optional<store::SubscriptionRecord> found, tx.subscriptions().Find(id));
  if (!found || found->api_client_id != client.id) {
    return MakeError(ErrorCode::kNotFound, "Dit abonnement bestaat niet.",
                     "This subscription does not exist.");
  }
  return *found;
}

}  // namespace

Result<void> ValidateSubscription(const NewSubscription& subscription) {
  if (subscription.criteria != kCompletedTasks && subscription.criteria != kAnyTask) {
    return Invalid("Criteria kunnen zijn: " + std::string(kCompletedTasks) + " (een afgesloten "
                       "consultatie) of " + std::string(kAnyTask) + " (elke wijziging).",
                   "Criteria can be: " + std::string(kCompletedTasks) + " (a closed consult) or " +
                       std::string(kAnyTask) + " (any change).",
                   "Subscription.criteria");
  }
  if (!subscription.payload.empty() && subscription.payload != kFhirJson) {
    return Invalid("De payload is application/fhir+json, of leeg voor een melding zonder inhoud.",
                   "The payload is application/fhir+json, or empty for a notification without "
                   "content.",
                   "Subscription.channel.payload");
  }
  if (subscription.reason.size() > kMaxReasonBytes) {
    return Invalid("De reden is te lang (hoogstens 500 tekens).",
                   "The reason is too long (500 characters at most).", "Subscription.reason");
  }
  return ValidateEndpoint(subscription.endpoint);
}

Result<void> SubscriptionService::MaySubscribe(const Principal& principal) {
  MK_RETURN_IF_ERROR(RequireClient(principal, 'c'));
  return Ok();
}

Result<Subscription> SubscriptionService::Create(const Principal& principal,
                                                 const NewSubscription& subscription) {
  MK_ASSIGN_OR_RETURN(const ApiClientGrant* client, RequireClient(principal, 'c'));
  MK_RETURN_IF_ERROR(ValidateSubscription(subscription));
  store::SubscriptionRecord record{0,
                                   client->id,
                                   subscription.criteria,
                                   subscription.endpoint,
                                   subscription.payload,
                                   subscription.reason,
                                   clock_.Now(),
                                   std::nullopt};
  return store::Transact<Subscription>(
      database_, store::Access::kWrite, [&](store::Tx& tx) -> Result<Subscription> {
        MK_ASSIGN_OR_RETURN(record.id, tx.subscriptions().Insert(record));
        return FromRecord(record, "");
      });
}

Result<Subscription> SubscriptionService::Get(const Principal& principal, int64_t id) {
  MK_ASSIGN_OR_RETURN(const ApiClientGrant* client, RequireClient(principal, 'r'));
  return store::Transact<Subscription>(
      database_, store::Access::kRead, [&](store::Tx& tx) -> Result<Subscription> {
        MK_ASSIGN_OR_RETURN(store::SubscriptionRecord record, OwnSubscription(tx, *client, id));
        MK_ASSIGN_OR_RETURN(std::string last_error, tx.subscriptions().LastError(id));
        return FromRecord(record, std::move(last_error));
      });
}

Result<std::vector<Subscription>> SubscriptionsOfClient(store::Tx& tx, int64_t api_client_id) {
  MK_ASSIGN_OR_RETURN(auto records, tx.subscriptions().OfClient(api_client_id));
  std::vector<Subscription> out;
  for (const store::SubscriptionRecord& record : records) {
    MK_ASSIGN_OR_RETURN(std::string last_error, tx.subscriptions().LastError(record.id));
    out.push_back(FromRecord(record, std::move(last_error)));
  }
  return out;
}

Result<std::vector<Subscription>> SubscriptionService::List(const Principal& principal) {
  MK_ASSIGN_OR_RETURN(const ApiClientGrant* client, RequireClient(principal, 's'));
  return store::Transact<std::vector<Subscription>>(
      database_, store::Access::kRead, [&](store::Tx& tx) {
        return SubscriptionsOfClient(tx, client->id);
      });
}

Result<Subscription> SubscriptionService::End(const Principal& principal, int64_t id) {
  MK_ASSIGN_OR_RETURN(const ApiClientGrant* client, RequireClient(principal, 'd'));
  TimePoint now = clock_.Now();
  return store::Transact<Subscription>(
      database_, store::Access::kWrite, [&](store::Tx& tx) -> Result<Subscription> {
        MK_ASSIGN_OR_RETURN(store::SubscriptionRecord record, OwnSubscription(tx, *client, id));
        MK_ASSIGN_OR_RETURN(bool ended, tx.subscriptions().End(id, now));
        if (ended) record.ended_at = now;
        return FromRecord(record, "");
      });
}

}  // namespace meekijk::service
