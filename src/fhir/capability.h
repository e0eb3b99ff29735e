// GET /fhir/R4/metadata: the CapabilityStatement, written from the same table the tests hold the
// routes to, so that it says what the server does and nothing else.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fhir/fhir_json.h"

namespace meekijk::fhir {

struct ResourceCapability {
  std::string_view type;
  std::vector<std::string_view> interactions;  // read, search-type, create, update
  std::vector<std::pair<std::string_view, std::string_view>> search_parameters;  // name, type
};

const std::vector<ResourceCapability>& Capabilities();

json::object CapabilityStatement(const std::string& base_url);

}  // namespace meekijk::fhir
