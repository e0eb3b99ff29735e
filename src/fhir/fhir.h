// FHIR R4 under /fhir/R4 (docs/fhir.md): the consult for systems — a practice's HIS, a hospital's
// EHR — through the same use cases as the web app. The token endpoint, the CapabilityStatement,
// reads, searches, the transaction that creates a consult, Task status changes and
// Communications. Handlers are thin: read the request, call one use case of FhirAccess, map the
// answer to resources; every refusal is an OperationOutcome.
#pragma once

#include <string>

#include "api/api.h"
#include "service/webhook.h"

namespace meekijk::fhir {

struct FhirOptions {
  // The server's public address (serve --public-url). An API client's assertion must name this
  // server's token endpoint as its audience; without it the address is taken from the request.
  std::string public_url;
};

void AddFhirRoutes(http::Router& router, api::Services& services, FhirOptions options = {});

// Each part registers its own routes.
void AddFhirAuthRoutes(http::Router& router, api::Services& services, const FhirOptions& options);
void AddFhirReadRoutes(http::Router& router, api::Services& services, const FhirOptions& options);
void AddFhirWriteRoutes(http::Router& router, api::Services& services, const FhirOptions& options);
void AddFhirSubscriptionRoutes(http::Router& router, api::Services& services,
                               const FhirOptions& options);

// The content of a subscription's notification (service/webhook.h), with `base_url`
// ("https://host/fhir/R4") for the resources' addresses: for "Task?status=completed" the copy for
// the record (the collection Bundle of Task/{id}/$record-copy), for "Task" the Task.
service::NoticeBody NoticeBodies(api::Services& services, std::string base_url);

// "https://host/fhir/R4", from the options or the request.
std::string BaseUrl(const http::Request& request, const FhirOptions& options);

}  // namespace meekijk::fhir
