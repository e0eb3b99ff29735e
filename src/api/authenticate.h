// Turning a request's credentials into a Principal for the use cases.
#pragma once

#include "api/api.h"
#include "api/responses.h"

namespace meekijk::api {

// The Bearer token of the Authorization header, or empty.
std::string_view BearerToken(const http::Request& request);

// Authenticates the request or returns the error to answer with (401).
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

}  // namespace meekijk::api
