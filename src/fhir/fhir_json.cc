// FHIR's common elements and OperationOutcome.
#include "fhir/fhir_json.h"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <cstdio>

#include "api/error_text.h"
#include "api/responses.h"
#include "core/integer.h"
#include "core/log.h"

namespace meekijk::fhir {
namespace {

// OperationOutcome.issue.code (http://hl7.org/fhir/issue-type) for each refusal.
std::string_view IssueType(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument: return "invalid";
    case ErrorCode::kMalformed: return "structure";
    case ErrorCode::kUnauthenticated: return "login";
    case ErrorCode::kForbidden: return "forbidden";
    case ErrorCode::kNotFound: return "not-found";
    case ErrorCode::kConflict: return "business-rule";
    case ErrorCode::kTooLarge: return "too-long";
    case ErrorCode::kUnsupportedMedia: return "not-supported";
    case ErrorCode::kTooManyRequests: return "throttled";
    case ErrorCode::kUnavailable: return "transient";
    case ErrorCode::kInternal: return "exception";
  }
  return "exception";
}

bool Digits(std::string_view text, size_t at, size_t count) {
  if (at + count > text.size()) return false;
  for (size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

int Number(std::string_view text, size_t at, size_t count) {
  return *ParseInteger<int>(text.substr(at, count));
}

}  // namespace

std::string OurCodeSystem(std::string_view name) { return std::string(kCodeSystemBase) + std::string(name); }
std::string OurExtension(std::string_view name) { return std::string(kExtensionBase) + std::string(name); }

std::string Reference(std::string_view type, int64_t id) {
  return std::string(type) + "/" + std::to_string(id);
}

json::object ReferenceTo(std::string_view type, int64_t id, std::string_view display) {
  json::object out{{"reference", Reference(type, id)}};
  if (!display.empty()) out["display"] = display;
  return out;
}

json::object Coding(std::string_view system, std::string_view code, std::string_view display) {
  json::object out{{"system", system}, {"code", code}};
  if (!display.empty()) out["display"] = display;
  return out;
}

json::object Concept(std::string_view system, std::string_view code, std::string_view display) {
  return json::object{{"coding", json::array{Coding(system, code, display)}}};
}

json::object Identifier(std::string_view system, std::string_view value) {
  return json::object{{"system", system}, {"value", value}};
}

std::string Instant(TimePoint t) { return FormatIso8601(t); }

std::optional<int64_t> ReferencedId(std::string_view reference, std::string_view type) {
  if (reference.size() <= type.size() + 1 || reference.substr(0, type.size()) != type ||
      reference[type.size()] != '/') {
    return std::nullopt;
  }
  std::optional<int64_t> id = ParseInteger<int64_t>(reference.substr(type.size() + 1));
  if (!id || *id <= 0) return std::nullopt;
  return id;
}

std::optional<TimePoint> ParseInstant(std::string_view text) {
  // YYYY-MM-DD, then optionally THH:MM[:SS[.fff…]] and Z or ±HH:MM.
  if (!Digits(text, 0, 4) || text.size() < 10 || text[4] != '-' || !Digits(text, 5, 2) ||
      text[7] != '-' || !Digits(text, 8, 2)) {
    return std::nullopt;
  }
  std::chrono::year_month_day day{std::chrono::year(Number(text, 0, 4)),
                                  std::chrono::month(static_cast<unsigned>(Number(text, 5, 2))),
                                  std::chrono::day(static_cast<unsigned>(Number(text, 8, 2)))};
  // Within what a time point holds (nanoseconds reach only to 2262), with room for an offset.
  if (!day.ok() || day.year() < std::chrono::year(1800) || day.year() > std::chrono::year(2200)) {
    return std::nullopt;
  }
  TimePoint at = std::chrono::sys_days(day);
  if (text.size() == 10) return at;
  size_t i = 10;
  if (text[i] != 'T' || !Digits(text, 11, 2) || text.size() < 16 || text[13] != ':' ||
      !Digits(text, 14, 2)) {
    return std::nullopt;
  }
  int hours = Number(text, 11, 2), minutes = Number(text, 14, 2), seconds = 0, millis = 0;
  i = 16;
  if (i < text.size() && text[i] == ':') {
    if (!Digits(text, i + 1, 2)) return std::nullopt;
    seconds = Number(text, i + 1, 2);
    i += 3;
    if (i < text.size() && text[i] == '.') {
      // Fractions count to the millisecond, as instants are kept: a client that polls with
      // gt<the last lastUpdated it saw> must not get that resource again.
      ++i;
      int digits = 0;
      while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        if (digits < 3) millis = millis * 10 + (text[i] - '0');
        ++digits;
        ++i;
      }
      if (digits == 0) return std::nullopt;
      for (int d = digits; d < 3; ++d) millis *= 10;
    }
  }
  if (hours > 23 || minutes > 59 || seconds > 60) return std::nullopt;
  at += std::chrono::hours(hours) + std::chrono::minutes(minutes) + std::chrono::seconds(seconds) +
        std::chrono::milliseconds(millis);
  std::string_view zone = text.substr(i);
  if (zone == "Z") return at;
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || !Digits(zone, 1, 2) ||
      zone[3] != ':' || !Digits(zone, 4, 2)) {
    return std::nullopt;
  }
  auto offset = std::chrono::hours(Number(zone, 1, 2)) + std::chrono::minutes(Number(zone, 4, 2));
  return zone[0] == '+' ? at - offset : at + offset;
}

http::Response ResourceResponse(int status, const json::value& resource) {
  http::Response response;
  response.status = status;
  response.content_type = "application/fhir+json; charset=utf-8";
  response.body = json::serialize(resource);
  return response;
}

http::Response OutcomeResponse(const http::Request& request, const Error& error) {
  std::string message;
  if (error.code == ErrorCode::kInternal) {
    log::Error("internal_error", {{"request_id", request.request_id},
                                  {"reason", error.reason},
                                  {"detail", error.message.en}});
    message = "Er ging iets mis aan onze kant / Something went wrong on our side. Kenmerk / "
              "reference: " + request.request_id;
  } else {
    Text text = api::ErrorText(error);
    message = api::LanguageOf(request) == api::Language::kEnglish ? text.en : text.nl;
  }
  json::object issue{{"severity", "error"},
                     {"code", error.reason == "stale_version" ? "conflict" : IssueType(error.code)},
                     {"details", json::object{{"text", message}}}};
  if (!error.reason.empty()) {
    issue["details"].as_object()["coding"] =
        json::array{Coding(OurCodeSystem("refusal"), error.reason)};
  }
  // A field named by its FHIRPath (it starts with the resource type) points at the element.
  if (!error.field.empty() && error.code != ErrorCode::kInternal && std::isupper(
          static_cast<unsigned char>(error.field.front()))) {
    issue["expression"] = json::array{json::string(error.field)};
  }
  http::Response response = ResourceResponse(
      api::HttpStatus(error.code),
      json::object{{"resourceType", "OperationOutcome"}, {"issue", json::array{issue}}});
  if (error.code == ErrorCode::kUnauthenticated) {
    response.WithHeader("WWW-Authenticate", "Bearer realm=\"meekijk\"");
  }
  if (error.code == ErrorCode::kTooManyRequests) {
    response.WithHeader("Retry-After", std::to_string(std::max(1LL, error.retry_after_seconds)));
  }
  return response;
}

Error Invalid(std::string nl, std::string en, std::string expression) {
  return MakeError(ErrorCode::kInvalidArgument, std::move(nl), std::move(en), std::move(expression));
}

Result<json::object> ParseResource(std::string_view body, std::string_view type) {
  boost::system::error_code ec;
  json::value parsed = json::parse(body, ec);
  if (ec || !parsed.is_object()) {
    return MakeError(ErrorCode::kMalformed, "Dit is geen JSON.", "This is not JSON.");
  }
  const json::value* resource_type = parsed.get_object().if_contains("resourceType");
  if (resource_type == nullptr || !resource_type->is_string() || resource_type->get_string() != type) {
    return Invalid("Stuur een " + std::string(type) + ".", "Send a " + std::string(type) + ".",
                   std::string(type) + ".resourceType");
  }
  return std::move(parsed.get_object());
}

std::string StringOf(const json::value* value) {
  return value != nullptr && value->is_string() ? std::string(value->get_string()) : "";
}

}  // namespace meekijk::fhir
