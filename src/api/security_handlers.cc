// The user's own security: POST /api/v1/me/otp (a new secret and its QR URI), POST
// /api/v1/me/otp/confirm (turns it on, returns the recovery codes once), POST
// /api/v1/me/reauthenticate, POST /api/v1/me/password, and GET/DELETE /api/v1/me/sessions[/{id}].
#include <boost/json/array.hpp>

#include "api/api.h"
#include "api/authenticate.h"
#include "api/json_body.h"
#include "api/responses.h"
#include "auth/token.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;

http::Response BeginOtp(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    Result<service::OtpEnrolment> enrolment = services.logins.BeginOtpEnrolment(principal);
    if (!enrolment.ok()) return ErrorResponse(request, enrolment.error());
    return JsonResponse(201, json::object{{"secret", enrolment->secret}, {"uri", enrolment->uri}});
  });
}

http::Response ConfirmOtp(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    Result<json::object> body = ParseObject(request.body);
    if (!body.ok()) return ErrorResponse(request, body.error());
    Result<std::string> otp = RequiredString(*body, {"otp", "otp"});
    if (!otp.ok()) return ErrorResponse(request, otp.error());
    Result<service::ConfirmedOtp> confirmed = services.logins.ConfirmOtp(principal, *otp);
    if (!confirmed.ok()) return ErrorResponse(request, confirmed.error());
    json::array items;
    for (const std::string& code : confirmed->recovery_codes) items.push_back(json::string(code));
    json::object out{{"recovery_codes", std::move(items)}};
    // The login goes on under a new token: a browser gets it as its cookie (and the CSRF token
    // that goes with it), an API client in the body.
    if (!CredentialsOf(request).from_cookie) {
      out["token"] = confirmed->token;
      return JsonResponse(200, out);
    }
    out["csrf_token"] = auth::CsrfTokenFor(confirmed->token);
    return JsonResponse(200, out).WithHeader(
        "Set-Cookie", SessionCookie(request, confirmed->token, confirmed->lifetime));
  });
}

http::Response Reauthenticate(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    Result<json::object> body = ParseObject(request.body);
    if (!body.ok()) return ErrorResponse(request, body.error());
    Result<std::string> password = RequiredString(*body, {"password", "password"});
    if (!password.ok()) return ErrorResponse(request, password.error());
    Result<std::optional<std::string>> otp = OptionalString(*body, {"otp", "otp"});
    if (!otp.ok()) return ErrorResponse(request, otp.error());
    Result<void> done = services.logins.Reauthenticate(principal, *password, otp->value_or(""));
    if (!done.ok()) return ErrorResponse(request, done.error());
    return NoContent();
  });
}

http::Response ChangePassword(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    Result<json::object> body = ParseObject(request.body);
    if (!body.ok()) return ErrorResponse(request, body.error());
    Result<std::string> current = RequiredString(*body, {"password_change", "current_password"});
    if (!current.ok()) return ErrorResponse(request, current.error());
    Result<std::string> chosen = RequiredString(*body, {"password_change", "new_password"});
    if (!chosen.ok()) return ErrorResponse(request, chosen.error());
    Result<void> done = services.logins.ChangePassword(principal, *current, *chosen);
    if (!done.ok()) return ErrorResponse(request, done.error());
    return NoContent();
  });
}

http::Response ListSessions(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    Result<std::vector<service::LoginSummary>> logins = services.logins.Logins(principal);
    if (!logins.ok()) return ErrorResponse(request, logins.error());
    json::array items;
    for (const service::LoginSummary& login : *logins) {
      items.push_back(json::object{{"id", login.id},
                                   {"created_at", FormatIso8601(login.created_at)},
                                   {"last_seen_at", FormatIso8601(login.last_seen_at)},
                                   {"expires_at", FormatIso8601(login.expires_at)},
                                   {"client_address", login.client_address},
                                   {"user_agent", login.user_agent},
                                   {"second_factor", login.second_factor},
                                   {"current", login.current}});
    }
    return JsonResponse(200, json::object{{"items", std::move(items)}});
  });
}

http::Response EndSession(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    auto id = request.params.find("id");
    Result<void> done = services.logins.EndLogin(
        principal, id == request.params.end() ? std::string() : id->second);
    if (!done.ok()) return ErrorResponse(request, done.error());
    return NoContent();
  });
}

http::Response EndOtherSessions(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    Result<int64_t> ended = services.logins.EndOtherLogins(principal);
    if (!ended.ok()) return ErrorResponse(request, ended.error());
    return JsonResponse(200, json::object{{"ended", *ended}});
  });
}

}  // namespace

void AddSecurityRoutes(http::Router& router, Services& services) {
  router.Add("POST", "/api/v1/me/otp", [&](http::Request& r) { return BeginOtp(services, r); });
  router.Add("POST", "/api/v1/me/otp/confirm",
             [&](http::Request& r) { return ConfirmOtp(services, r); });
  router.Add("POST", "/api/v1/me/reauthenticate",
             [&](http::Request& r) { return Reauthenticate(services, r); });
  router.Add("POST", "/api/v1/me/password",
             [&](http::Request& r) { return ChangePassword(services, r); });
  router.Add("GET", "/api/v1/me/sessions",
             [&](http::Request& r) { return ListSessions(services, r); });
  router.Add("DELETE", "/api/v1/me/sessions",
             [&](http::Request& r) { return EndOtherSessions(services, r); });
  router.Add("DELETE", "/api/v1/me/sessions/{id}",
             [&](http::Request& r) { return EndSession(services, r); });
}

}  // namespace meekijk::api
