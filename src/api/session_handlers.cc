// POST/DELETE /api/v1/session, GET /api/v1/me, GET /api/v1/specialties.
#include <boost/json/array.hpp>

#include "api/authenticate.h"
#include "api/consult_json.h"
#include "api/json_body.h"
#include "api/responses.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;

http::Response Login(Services& services, http::Request& request) {
  Result<json::object> body = ParseObject(request.body);
  if (!body.ok()) return ErrorResponse(request, body.error());
  Result<std::string> username = RequiredString(*body, "username", "username");
  if (!username.ok()) return ErrorResponse(request, username.error());
  Result<std::string> password = RequiredString(*body, "password", "password");
  if (!password.ok()) return ErrorResponse(request, password.error());
  Result<service::LoginResult> login = services.sessions.Login(
      *username, *password, {request.client_address, request.request_id});
  if (!login.ok()) return ErrorResponse(request, login.error());
  return JsonResponse(200, json::object{{"token", login->token},
                                        {"expires_at", FormatIso8601(login->expires_at)},
                                        {"user", UserJson(login->principal)}});
}

http::Response Logout(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal&) {
    Result<void> done = services.sessions.Logout(BearerToken(request));
    if (!done.ok()) return ErrorResponse(request, done.error());
    http::Response response;
    response.status = 204;
    return response;
  });
}

http::Response Me(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    return JsonResponse(200, UserJson(principal));
  });
}

http::Response Specialties(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    Result<std::vector<service::SpecialtyOption>> options =
        services.directory.SpecialtiesFor(principal);
    if (!options.ok()) return ErrorResponse(request, options.error());
    json::array items;
    for (const service::SpecialtyOption& option : *options) items.push_back(SpecialtyJson(option));
    return JsonResponse(200, json::object{{"items", std::move(items)}});
  });
}

}  // namespace

void AddSessionRoutes(http::Router& router, Services& services) {
  router.Add("POST", "/api/v1/session", [&](http::Request& r) { return Login(services, r); });
  router.Add("DELETE", "/api/v1/session", [&](http::Request& r) { return Logout(services, r); });
  router.Add("GET", "/api/v1/me", [&](http::Request& r) { return Me(services, r); });
  router.Add("GET", "/api/v1/specialties",
             [&](http::Request& r) { return Specialties(services, r); });
}

}  // namespace meekijk::api
