// Turning a request's credentials into a Principal for the use cases. API clients send
// `Authorization: Bearer <token>`; the browser sends the HttpOnly session cookie and, on every
// change, the CSRF header derived from it.
#pragma once

#include "api/api.h"
#include "api/responses.h"

namespace meekijk::api {

// Over HTTPS the cookie is `__Host-`-prefixed and Secure, so that no subdomain or plain-HTTP page
// can set or overwrite it; over plain HTTP (the demo on localhost) a browser would refuse a
// `__Host-` cookie, so it goes without the prefix.
inline constexpr std::string_view kSessionCookie = "meekijk_session";
inline constexpr std::string_view kSecureSessionCookie = "__Host-meekijk_session";
inline constexpr std::string_view kCsrfHeader = "x-csrf-token";

struct Credentials {
  std::string token;
  bool from_cookie = false;
};

// The Bearer token, else the session cookie; empty token when there is neither.
Credentials CredentialsOf(const http::Request& request);

// Authenticates the request or returns the error to answer with: 401 without a valid session,
// 403 for a cookie-authenticated change without the right CSRF header.
Result<service::Principal> Authenticate(Services& services, const http::Request& request);

// The id in a path parameter; kNotFound for anything that is not a positive number, since no
// consult or attachment has such an id.
Result<int64_t> PathId(const http::Request& request, const char* name);

// Runs a handler body that needs a principal, answering with the error when anything fails.
template <typename F>
http::Response WithPrincipal(Services& services, http::Request& request, F&& body) {
  Result<service::Principal> principal = Authenticate(services, request);
  if (!principal.ok()) return ErrorResponse(request, principal.error());
  return body(*principal);
}

// Set-Cookie values that start and end a browser session.
std::string SessionCookie(const http::Request& request, const std::string& token,
                          std::chrono::seconds max_age);
std::string ExpiredSessionCookie(const http::Request& request);

}  // namespace meekijk::api
