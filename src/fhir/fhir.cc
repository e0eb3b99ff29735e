// The FHIR routes, and the server's base address.
#include "fhir/fhir.h"

namespace meekijk::fhir {

std::string BaseUrl(const http::Request& request, const FhirOptions& options) {
  if (!options.public_url.empty()) {
    std::string base = options.public_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base + "/fhir/R4";
  }
  // X-Forwarded-Proto only survives from a trusted proxy (http/forwarded.h).
  bool tls = request.over_tls || request.Header("x-forwarded-proto").value_or("") == "https";
  return std::string(tls ? "https://" : "http://") +
         std::string(request.Header("host").value_or("localhost")) + "/fhir/R4";
}

void AddFhirRoutes(http::Router& router, api::Services& services, FhirOptions options) {
  // Copied into each part's handlers, which outlive this call.
  AddFhirAuthRoutes(router, services, options);
  AddFhirWriteRoutes(router, services, options);
  AddFhirReadRoutes(router, services, options);
}

}  // namespace meekijk::fhir
