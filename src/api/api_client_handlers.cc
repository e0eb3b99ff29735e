// API clients for administrators: GET/POST /api/v1/api-clients, POST /api/v1/api-clients/{id}/revoke.
#include <boost/json/array.hpp>

#include "api/api.h"
#include "api/authenticate.h"
#include "api/json_body.h"
#include "api/public_origin.h"
#include "api/responses.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;

// `token_url` is absolute: it is what the client's assertion must name as its audience.
// A subscription as its client's administrator sees it: where notifications go, and whether they
// arrive (the FHIR status: active, error with the reason, off once ended).
json::object SubscriptionJson(const service::Subscription& s) {
  std::string status = s.ended_at ? "off" : !s.last_error.empty() ? "error" : "active";
  return json::object{{"id", s.id},
                      {"criteria", s.criteria},
                      {"endpoint", s.endpoint},
                      {"with_content", !s.payload.empty()},
                      {"status", status},
                      {"last_error", s.last_error.empty() ? json::value(nullptr)
                                                          : json::value(s.last_error)},
                      {"created_at", FormatIso8601(s.created_at)},
                      {"ended_at", s.ended_at ? json::value(FormatIso8601(*s.ended_at))
                                              : json::value(nullptr)}};
}

json::value ClientJson(const service::ApiClient& client, const std::string& token_url) {
  json::array scopes;
  for (const std::string& scope : client.scopes) scopes.push_back(json::string(scope));
  json::array subscriptions;
  for (const service::Subscription& s : client.subscriptions) {
    subscriptions.push_back(SubscriptionJson(s));
  }
  return json::object{
      {"id", client.id},
      {"client_id", client.client_id},
      {"name", client.name},
      {"organisation", json::object{{"id", client.organisation_id},
                                    {"name", client.organisation_name}}},
      {"user", json::object{{"id", client.user_id}, {"username", client.username}}},
      {"scopes", std::move(scopes)},
      {"public_key", client.public_key},
      {"token_url", token_url},
      {"created_at", FormatIso8601(client.created_at)},
      {"revoked_at", client.revoked_at ? json::value(FormatIso8601(*client.revoked_at))
                                       : json::value(nullptr)},
      {"subscriptions", std::move(subscriptions)},
  };
}

// Missing fields stay empty: the use case checks who calls before what was sent, so that a
// non-administrator hears 403 whatever the body, and names the missing field otherwise.
Result<service::NewApiClient> ReadNewClient(std::string_view body) {
  MK_ASSIGN_OR_RETURN(json::object object, ParseObject(body));
  service::NewApiClient client;
  MK_ASSIGN_OR_RETURN(auto name, OptionalString(object, {"api_client", "name"}));
  MK_ASSIGN_OR_RETURN(auto organisation, OptionalInt(object, {"api_client", "organisation_id"}));
  MK_ASSIGN_OR_RETURN(auto user, OptionalInt(object, {"api_client", "user_id"}));
  MK_ASSIGN_OR_RETURN(auto scopes, OptionalString(object, {"api_client", "scopes"}));
  MK_ASSIGN_OR_RETURN(auto key, OptionalString(object, {"api_client", "public_key"}));
  return service::NewApiClient{name.value_or(""), organisation.value_or(0), user.value_or(0),
                               scopes.value_or(""), key.value_or("")};
}

// The JSON of a client as answered to `request`.
auto ClientJsonFor(const Services& services, const http::Request& request) {
  std::string token_url = PublicOrigin(request, services.public_url) + "/fhir/R4/auth/token";
  return [token_url](const service::ApiClient& client) { return ClientJson(client, token_url); };
}

}  // namespace

void AddApiClientRoutes(http::Router& router, Services& services) {
  router.Add("GET", "/api/v1/api-clients", [&](http::Request& r) {
    return WithPrincipal(services, r, [&](const service::Principal& principal) {
      return Items(r, services.api_clients.List(principal), ClientJsonFor(services, r));
    });
  });
  router.Add("POST", "/api/v1/api-clients", [&](http::Request& r) {
    return WithPrincipal(services, r, [&](const service::Principal& principal) {
      Result<service::NewApiClient> client = ReadNewClient(r.body);
      if (!client.ok()) return ErrorResponse(r, client.error());
      return One(r, 201, services.api_clients.Register(principal, *client),
                 ClientJsonFor(services, r));
    });
  });
  router.Add("POST", "/api/v1/api-clients/{id}/revoke", [&](http::Request& r) {
    return WithPrincipal(services, r, [&](const service::Principal& principal) {
      Result<int64_t> id = PathId(r, "id");
      if (!id.ok()) return ErrorResponse(r, id.error());
      return One(r, 200, services.api_clients.Revoke(principal, *id), ClientJsonFor(services, r));
    });
  });
}

}  // namespace meekijk::api
