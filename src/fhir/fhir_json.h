// The small vocabulary every FHIR resource of ours is written with: the naming and code systems,
// references, codings, FHIR's media type and OperationOutcome for every refusal.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"
#include "http/message.h"

namespace meekijk::fhir {

namespace json = boost::json;

// Dutch naming systems (Nictiz) and the international code systems we use.
inline constexpr std::string_view kAgbSystem = "http://fhir.nl/fhir/NamingSystem/agb-z";
inline constexpr std::string_view kBsnSystem = "http://fhir.nl/fhir/NamingSystem/bsn";
inline constexpr std::string_view kIcpcSystem = "http://hl7.org/fhir/sid/icpc-1-nl";
inline constexpr std::string_view kVektisSpecialismSystem = "urn:oid:2.16.840.1.113883.2.4.6.7";
// Our own: the consult number, and codes for what FHIR has no value set for.
inline constexpr std::string_view kConsultNumberSystem =
    "https://meekijk.nl/fhir/NamingSystem/consult-number";
inline constexpr std::string_view kCodeSystemBase = "https://meekijk.nl/fhir/CodeSystem/";
inline constexpr std::string_view kExtensionBase = "https://meekijk.nl/fhir/StructureDefinition/";

// "https://meekijk.nl/fhir/CodeSystem/<name>".
std::string OurCodeSystem(std::string_view name);
std::string OurExtension(std::string_view name);

std::string Reference(std::string_view type, int64_t id);
json::object ReferenceTo(std::string_view type, int64_t id, std::string_view display = {});
json::object Coding(std::string_view system, std::string_view code, std::string_view display = {});
json::object Concept(std::string_view system, std::string_view code, std::string_view display = {});
json::object Identifier(std::string_view system, std::string_view value);
std::string Instant(TimePoint t);

// The id in "Type/123", when the reference is to that type; nullopt otherwise.
std::optional<int64_t> ReferencedId(std::string_view reference, std::string_view type);

// An instant or date as FHIR writes it ("2026-03-02", "2026-03-02T09:15:00Z", with an offset or
// fractions); nullopt when it is not one. A date stands for its first moment in UTC.
std::optional<TimePoint> ParseInstant(std::string_view text);

// A resource as application/fhir+json.
http::Response ResourceResponse(int status, const json::value& resource);
// The error as an OperationOutcome with the fitting status, in the caller's language.
http::Response OutcomeResponse(const http::Request& request, const Error& error);
Error Invalid(std::string nl, std::string en, std::string expression = {});

// A request's body as a resource of `type`: kMalformed when it is no JSON object, kInvalidArgument
// (at <type>.resourceType) when it is another resource.
Result<json::object> ParseResource(std::string_view body, std::string_view type);
// A JSON string's text; empty for anything else or nothing.
std::string StringOf(const json::value* value);

}  // namespace meekijk::fhir
