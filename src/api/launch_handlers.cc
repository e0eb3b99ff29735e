// Launch from the HIS: POST /api/v1/launch (the web app's /launch page sends the link's token,
// then the GP's code), and the keys a practice's HIS signs with: GET/POST /api/v1/launch-keys,
// POST /api/v1/launch-keys/{id}/revoke.
#include <boost/json/array.hpp>

#include "api/api.h"
#include "api/authenticate.h"
#include "api/consult_json.h"
#include "api/json_body.h"
#include "api/public_origin.h"
#include "api/responses.h"
#include "auth/token.h"
#include "core/utf8.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;

json::value KeyJson(const service::LaunchKey& key) {
  return json::object{
      {"id", key.id},
      {"key_id", key.key_id},
      {"organisation", json::object{{"id", key.organisation_id}, {"name", key.organisation_name}}},
      {"name", key.name},
      {"public_key", key.public_key},
      {"launch_path", "/launch"},
      {"created_at", FormatIso8601(key.created_at)},
      {"revoked_at", key.revoked_at ? json::value(FormatIso8601(*key.revoked_at)) : json::value(nullptr)},
  };
}

http::Response Launch(Services& services, http::Request& request) {
  Result<json::object> body = ParseObject(request.body);
  if (!body.ok()) return ErrorResponse(request, body.error());
  Result<std::string> token = RequiredString(*body, {"launch", "token"});
  if (!token.ok()) return ErrorResponse(request, token.error());
  Result<std::optional<std::string>> otp = OptionalString(*body, {"launch", "otp"});
  if (!otp.ok()) return ErrorResponse(request, otp.error());
  // A link's audience is this origin's /launch (the service prefers serve --public-url).
  std::string origin = PublicOrigin(request, {});
  if (!otp->has_value()) {
    // First the page shows whose link it is, and asks for their code.
    Result<service::LaunchPreview> preview = services.launches.Preview(*token, origin);
    if (!preview.ok()) return ErrorResponse(request, preview.error());
    return JsonResponse(200, json::object{
        {"status", "code_required"},
        {"user", json::object{{"display_name", preview->display_name}}},
        {"practice", json::object{{"id", preview->practice_id}, {"name", preview->practice_name}}}});
  }
  std::string_view agent = request.Header("user-agent").value_or("");
  Result<service::Launched> launched = services.launches.Launch(
      *token, **otp, origin, utf8::Repaired(utf8::PrefixOfAtMost(agent, 200)),
      {request.client_address, request.request_id});
  if (!launched.ok()) return ErrorResponse(request, launched.error());
  const service::LoginResult& login = launched->login;
  json::object out{{"status", "launched"},
                   {"consult_id", launched->consult_id},
                   {"expires_at", FormatIso8601(login.expires_at)},
                   {"user", UserJson(login.principal)},
                   {"csrf_token", auth::CsrfTokenFor(login.token)}};
  // The launch is a browser's: the login goes into the HttpOnly cookie, never into the body.
  return JsonResponse(200, out).WithHeader("Set-Cookie",
                                           SessionCookie(request, login.token, login.lifetime));
}

}  // namespace

void AddLaunchRoutes(http::Router& router, Services& services) {
  router.Add("POST", "/api/v1/launch", [&](http::Request& r) { return Launch(services, r); },
             http::BodyRule{32 * 1024, true});
  router.Add("GET", "/api/v1/launch-keys", [&](http::Request& r) {
    return WithPrincipal(services, r, [&](const service::Principal& principal) {
      return Items(r, services.launches.ListKeys(principal), KeyJson);
    });
  });
  router.Add("POST", "/api/v1/launch-keys", [&](http::Request& r) {
    return WithPrincipal(services, r, [&](const service::Principal& principal) {
      Result<json::object> body = ParseObject(r.body);
      if (!body.ok()) return ErrorResponse(r, body.error());
      // Missing fields stay empty: the use case checks who calls before what was sent.
      Result<std::optional<int64_t>> organisation =
          OptionalInt(*body, {"launch_key", "organisation_id"});
      if (!organisation.ok()) return ErrorResponse(r, organisation.error());
      Result<std::optional<std::string>> name = OptionalString(*body, {"launch_key", "name"});
      if (!name.ok()) return ErrorResponse(r, name.error());
      Result<std::optional<std::string>> key = OptionalString(*body, {"launch_key", "public_key"});
      if (!key.ok()) return ErrorResponse(r, key.error());
      return One(r, 201,
                 services.launches.RegisterKey(principal, {organisation->value_or(0),
                                                           name->value_or(""), key->value_or("")}),
                 KeyJson);
    });
  });
  router.Add("POST", "/api/v1/launch-keys/{id}/revoke", [&](http::Request& r) {
    return WithPrincipal(services, r, [&](const service::Principal& principal) {
      Result<int64_t> id = PathId(r, "id");
      if (!id.ok()) return ErrorResponse(r, id.error());
      return One(r, 200, services.launches.RevokeKey(principal, *id), KeyJson);
    });
  });
}

}  // namespace meekijk::api
