// The CapabilityStatement.
#include "fhir/capability.h"

#include <boost/json/array.hpp>

namespace meekijk::fhir {

const std::vector<ResourceCapability>& Capabilities() {
  static const std::vector<ResourceCapability> capabilities = {
      {"Task", {"read", "search-type", "update"},
       {{"status", "token"}, {"owner", "reference"}, {"_lastUpdated", "date"}, {"_count", "number"},
        {"_cursor", "string"}}},
      {"ServiceRequest", {"read", "search-type"}, {{"subject", "reference"}, {"_id", "token"}}},
      {"Patient", {"read"}, {}},
      {"Communication", {"read", "search-type", "create"},
       {{"part-of", "reference"}, {"based-on", "reference"}}},
      {"QuestionnaireResponse", {"read"}, {}},
      {"Organization", {"read"}, {}},
      {"Practitioner", {"read"}, {}},
      {"PractitionerRole", {"search-type"}, {{"practitioner", "reference"}}},
      {"Binary", {"read"}, {}},
      {"Subscription", {"read", "search-type", "create", "delete"}, {}},
  };
  return capabilities;
}

json::object CapabilityStatement(const std::string& base_url) {
  json::array resources;
  for (const ResourceCapability& capability : Capabilities()) {
    json::array interactions;
    for (std::string_view code : capability.interactions) {
      interactions.push_back(json::object{{"code", code}});
    }
    json::object resource{{"type", capability.type}, {"interaction", std::move(interactions)}};
    if (!capability.search_parameters.empty()) {
      json::array parameters;
      for (const auto& [name, type] : capability.search_parameters) {
        parameters.push_back(json::object{{"name", name}, {"type", type}});
      }
      resource["searchParam"] = std::move(parameters);
    }
    if (capability.type == "Task") {
      resource["versioning"] = "versioned-update";
      resource["conditionalUpdate"] = false;
      // GET Task/{id}/$record-copy: the closed consult's whole course as a collection Bundle.
      resource["operation"] = json::array{json::object{
          {"name", "record-copy"},
          {"definition", "https://meekijk.nl/fhir/OperationDefinition/Task-record-copy"}}};
    }
    resources.push_back(std::move(resource));
  }
  json::object oauth{
      {"url", "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris"},
      {"extension", json::array{json::object{{"url", "token"},
                                             {"valueUri", base_url + "/auth/token"}}}}};
  json::object security{
      {"extension", json::array{std::move(oauth)}},
      {"service", json::array{Concept("http://terminology.hl7.org/CodeSystem/restful-security-service",
                                      "SMART-on-FHIR")}},
      {"description", "OAuth 2.0 client credentials with private_key_jwt (SMART Backend Services); "
                      "scopes system/<Resource>.<cruds>."}};
  return json::object{
      {"resourceType", "CapabilityStatement"},
      {"status", "active"},
      {"date", "2026-12-07"},
      {"publisher", "meekijk"},
      {"kind", "instance"},
      {"software", json::object{{"name", "meekijk"}}},
      {"implementation", json::object{{"description", "meekijk FHIR R4 API"}, {"url", base_url}}},
      {"fhirVersion", "4.0.1"},
      {"format", json::array{"application/fhir+json", "json"}},
      {"rest", json::array{json::object{
                   {"mode", "server"},
                   {"security", std::move(security)},
                   {"resource", std::move(resources)},
                   {"interaction", json::array{json::object{{"code", "transaction"}}}}}}},
  };
}

}  // namespace meekijk::fhir
