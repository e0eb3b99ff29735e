// The FHIR routes, and the server's base address.
#include "fhir/fhir.h"

#include "api/public_origin.h"

namespace meekijk::fhir {

std::string BaseUrl(const http::Request& request, const FhirOptions& options) {
  return api::PublicOrigin(request, options.public_url) + "/fhir/R4";
}

void AddFhirRoutes(http::Router& router, api::Services& services, FhirOptions options) {
  // Copied into each part's handlers, which outlive this call.
  AddFhirAuthRoutes(router, services, options);
  AddFhirWriteRoutes(router, services, options);
  AddFhirReadRoutes(router, services, options);
  AddFhirSubscriptionRoutes(router, services, options);
}

}  // namespace meekijk::fhir
