// The OAuth 2.0 token endpoint for API clients (client credentials with private_key_jwt, as the
// SMART Backend Services profile has it) and its discovery document:
// POST /fhir/R4/auth/token, GET /fhir/R4/.well-known/smart-configuration.
#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include "api/responses.h"
#include "fhir/fhir.h"
#include "fhir/fhir_json.h"

namespace meekijk::fhir {
namespace {

// RFC 6749 §5.2: {"error": code, "error_description": text}, never cached.
http::Response OAuthError(const http::Request& request, const Error& error) {
  std::string code = error.reason;
  if (code.empty()) code = error.code == ErrorCode::kUnavailable ? "temporarily_unavailable"
                                                                  : "invalid_request";
  bool english = api::LanguageOf(request) == api::Language::kEnglish;
  http::Response response;
  response.status = code == "invalid_client" ? 401
                    : error.code == ErrorCode::kUnavailable ? 503
                                                            : 400;
  response.body = json::serialize(json::object{
      {"error", code}, {"error_description", english ? error.message.en : error.message.nl}});
  response.WithHeader("Cache-Control", "no-store").WithHeader("Pragma", "no-cache");
  if (response.status == 401) response.WithHeader("WWW-Authenticate", "Bearer realm=\"meekijk\"");
  return response;
}

bool IsFormBody(const http::Request& request) {
  std::string_view type = request.Header("content-type").value_or("");
  type = type.substr(0, type.find(';'));
  return type == "application/x-www-form-urlencoded";
}

http::Response Token(api::Services& services, const http::Request& request,
                     const FhirOptions& options) {
  Error malformed = MakeError(ErrorCode::kInvalidArgument,
                              "Stuur het verzoek als application/x-www-form-urlencoded.",
                              "Send the request as application/x-www-form-urlencoded.");
  malformed.reason = "invalid_request";
  if (!IsFormBody(request)) return OAuthError(request, malformed);
  std::optional<std::multimap<std::string, std::string>> form = http::ParseQuery(request.body);
  if (!form) return OAuthError(request, malformed);
  auto field = [&](const char* name) {
    auto it = form->find(name);
    return it == form->end() ? std::string() : it->second;
  };
  service::TokenRequest token_request{field("grant_type"), field("client_assertion_type"),
                                      field("client_assertion"), field("scope"),
                                      BaseUrl(request, options) + "/auth/token"};
  Result<service::IssuedToken> issued = services.api_clients.IssueToken(
      token_request, {request.client_address, request.request_id});
  if (!issued.ok()) return OAuthError(request, issued.error());
  http::Response response = api::JsonResponse(
      200, json::object{{"access_token", issued->access_token},
                        {"token_type", "bearer"},
                        {"expires_in", issued->expires_in.count()},
                        {"scope", issued->scope}});
  response.WithHeader("Cache-Control", "no-store").WithHeader("Pragma", "no-cache");
  return response;
}

http::Response SmartConfiguration(const http::Request& request, const FhirOptions& options) {
  std::string base = BaseUrl(request, options);
  return api::JsonResponse(
      200, json::object{
               {"token_endpoint", base + "/auth/token"},
               {"grant_types_supported", json::array{"client_credentials"}},
               {"token_endpoint_auth_methods_supported", json::array{"private_key_jwt"}},
               {"token_endpoint_auth_signing_alg_values_supported",
                json::array{"RS256", "RS384", "ES256", "ES384"}},
               {"scopes_supported", json::array{"system/*.cruds", "system/Task.crus",
                                                "system/ServiceRequest.crs", "system/Patient.rs",
                                                "system/Communication.crs"}},
               {"capabilities", json::array{"client-confidential-asymmetric"}},
           });
}

}  // namespace

void AddFhirAuthRoutes(http::Router& router, api::Services& services, const FhirOptions& options) {
  router.Add("POST", "/fhir/R4/auth/token",
             [&services, options](http::Request& r) { return Token(services, r, options); },
             http::BodyRule{16 * 1024, false});
  router.Add("GET", "/fhir/R4/.well-known/smart-configuration",
             [options](http::Request& r) { return SmartConfiguration(r, options); });
}

}  // namespace meekijk::fhir
