// What every FHIR handler does first: find out who calls, and answer refusals as OperationOutcome.
#pragma once

#include "api/authenticate.h"
#include "fhir/fhir_json.h"

namespace meekijk::fhir {

template <typename F>
http::Response WithCaller(api::Services& services, http::Request& request, F&& body) {
  Result<service::Principal> principal = api::Authenticate(services, request);
  if (!principal.ok()) return OutcomeResponse(request, principal.error());
  return body(*principal);
}

// The {id} of the path as a positive number; kNotFound otherwise (no resource has such an id).
Result<int64_t> IdParameter(const http::Request& request);

// Percent-encodes a query value.
std::string EncodeQueryValue(std::string_view value);

}  // namespace meekijk::fhir
