// Bearer and cookie authentication, CSRF checks, path ids.
#include "api/authenticate.h"

#include <sodium.h>


#include "auth/token.h"
#include "core/integer.h"

namespace meekijk::api {
namespace {

std::string_view BearerToken(const http::Request& request) {
  std::string_view header = request.Header("authorization").value_or("");
  constexpr std::string_view kScheme = "Bearer ";
  if (header.size() <= kScheme.size()) return {};
  for (size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(header[i])) !=
        std::tolower(static_cast<unsigned char>(kScheme[i]))) {
      return {};
    }
  }
  return header.substr(kScheme.size());
}

std::string_view CookieValue(const http::Request& request, std::string_view name) {
  std::string_view cookies = request.Header("cookie").value_or("");
  while (!cookies.empty()) {
    size_t semicolon = cookies.find(';');
    std::string_view pair = cookies.substr(0, semicolon);
    cookies = semicolon == std::string_view::npos ? std::string_view() : cookies.substr(semicolon + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.size() > name.size() && pair.substr(0, name.size()) == name && pair[name.size()] == '=') {
      return pair.substr(name.size() + 1);
    }
  }
  return {};
}

bool IsSafeMethod(std::string_view method) {
  return method == "GET" || method == "HEAD" || method == "OPTIONS";
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool OverTls(const http::Request& request) {
  // X-Forwarded-Proto only survives from a trusted proxy (http/forwarded.h).
  return request.over_tls || request.Header("x-forwarded-proto").value_or("") == "https";
}

}  // namespace

Credentials CredentialsOf(const http::Request& request) {
  std::string_view bearer = BearerToken(request);
  if (!bearer.empty()) return {std::string(bearer), false};
  return {std::string(CookieValue(request, OverTls(request) ? kSecureSessionCookie : kSessionCookie)),
          true};
}

Result<service::Principal> Authenticate(Services& services, const http::Request& request) {
  Credentials credentials = CredentialsOf(request);
  // The web app polls /api/v1/changes in the background, and marks the requests it makes while
  // nobody is at the screen: neither is the user being active. (A client that marks a request
  // only brings its own login nearer its idle end.)
  bool activity = request.route != "/api/v1/changes" &&
                  request.Header("x-meekijk-activity").value_or("") != "background";
  if (!credentials.from_cookie && service::ApiClientService::IsAccessToken(credentials.token)) {
    // An API client's token opens the FHIR API only, where its scopes are checked; the REST API
    // has no scopes to hold it to.
    if (request.route.substr(0, 6) != "/fhir/") {
      return MakeError(ErrorCode::kUnauthenticated,
                       "Een toegangstoken van een API-client geldt alleen voor /fhir/R4.",
                       "An API client's access token is valid for /fhir/R4 only.", "token");
    }
    return services.api_clients.Authenticate(credentials.token,
                                             {request.client_address, request.request_id});
  }
  MK_ASSIGN_OR_RETURN(service::Principal principal,
                      services.logins.Authenticate(credentials.token,
                                                   {request.client_address, request.request_id},
                                                   activity));
  if (credentials.from_cookie && !IsSafeMethod(request.method) &&
      !ConstantTimeEquals(request.Header(kCsrfHeader).value_or(""),
                          auth::CsrfTokenFor(credentials.token))) {
    return MakeError(ErrorCode::kForbidden,
                     "Deze wijziging mist haar beveiligingscode. Laad de pagina opnieuw.",
                     "This change lacks its security token. Please reload the page.", "csrf");
  }
  return principal;
}

Result<int64_t> PathId(const http::Request& request, const char* name) {
  auto it = request.params.find(name);
  if (it != request.params.end()) {
    std::optional<int64_t> id = ParseInteger<int64_t>(it->second);
    if (id && *id > 0) return *id;
  }
  return MakeError(ErrorCode::kNotFound, "Dit bestaat niet.", "This does not exist.");
}

std::string SessionCookie(const http::Request& request, const std::string& token,
                          std::chrono::seconds max_age) {
  bool secure = OverTls(request);
  return std::string(secure ? kSecureSessionCookie : kSessionCookie) + "=" + token +
         "; Path=/; Max-Age=" + std::to_string(max_age.count()) + "; HttpOnly; SameSite=Strict" +
         (secure ? "; Secure" : "");
}

std::string ExpiredSessionCookie(const http::Request& request) {
  return SessionCookie(request, "", std::chrono::seconds(0));
}

}  // namespace meekijk::api
