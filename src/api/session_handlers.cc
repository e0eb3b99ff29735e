// POST/DELETE /api/v1/session, GET /api/v1/me, and the reference data a signed-in user needs:
// GET /api/v1/specialties and GET /api/v1/icpc.
#include <boost/json/array.hpp>

#include <algorithm>

#include "api/authenticate.h"
#include "api/consult_json.h"
#include "api/json_body.h"
#include "api/responses.h"
#include "auth/token.h"
#include "core/utf8.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;

// Browsers say so with X-Meekijk-Client: web. They get the token only as an HttpOnly cookie, never
// in the body where a script could read it, and a CSRF token to send with every change.
bool IsBrowser(const http::Request& request) {
  return request.Header("x-meekijk-client").value_or("") == "web";
}

http::Response Login(Services& services, http::Request& request) {
  Result<json::object> body = ParseObject(request.body);
  if (!body.ok()) return ErrorResponse(request, body.error());
  Result<std::string> username = RequiredString(*body, {"login", "username"});
  if (!username.ok()) return ErrorResponse(request, username.error());
  Result<std::string> password = RequiredString(*body, {"login", "password"});
  if (!password.ok()) return ErrorResponse(request, password.error());
  Result<std::optional<std::string>> otp = OptionalString(*body, {"login", "otp"});
  if (!otp.ok()) return ErrorResponse(request, otp.error());
  // Shown in the user's list of sessions: a short, printable prefix is enough.
  std::string_view agent = request.Header("user-agent").value_or("");
  service::LoginAttempt attempt{*username, *password, otp->value_or(""),
                                utf8::Repaired(utf8::PrefixOfAtMost(agent, 200))};
  Result<service::LoginResult> login =
      services.logins.Login(attempt, {request.client_address, request.request_id});
  if (!login.ok()) return ErrorResponse(request, login.error());
  json::object out{{"expires_at", FormatIso8601(login->expires_at)},
                   {"user", UserJson(login->principal)}};
  if (!IsBrowser(request)) {
    out["token"] = login->token;
    return JsonResponse(200, out);
  }
  out["csrf_token"] = auth::CsrfTokenFor(login->token);
  return JsonResponse(200, out).WithHeader("Set-Cookie",
                                           SessionCookie(request, login->token, login->lifetime));
}

http::Response Logout(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal&) {
    Result<void> done = services.logins.Logout(CredentialsOf(request).token);
    if (!done.ok()) return ErrorResponse(request, done.error());
    http::Response response;
    response.status = 204;
    response.WithHeader("Set-Cookie", ExpiredSessionCookie(request));
    return response;
  });
}

http::Response Me(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    json::object user = UserJson(principal);
    Credentials credentials = CredentialsOf(request);
    if (credentials.from_cookie) user["csrf_token"] = auth::CsrfTokenFor(credentials.token);
    return JsonResponse(200, user);
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

http::Response Icpc(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    int limit = std::clamp(std::atoi(request.Query("limit").value_or("20").c_str()), 1, 100);
    json::array items;
    for (const domain::IcpcCode* code : services.directory.SearchIcpc(
             principal, request.Query("q").value_or(""), static_cast<size_t>(limit))) {
      items.push_back(json::object{{"code", code->code}, {"description", code->description_nl}});
    }
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
  router.Add("GET", "/api/v1/icpc", [&](http::Request& r) { return Icpc(services, r); });
}

}  // namespace meekijk::api
