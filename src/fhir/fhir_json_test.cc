// FHIR's dates, references and OperationOutcome.
#include "fhir/fhir_json.h"

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

namespace meekijk::fhir {
namespace {

TimePoint At(int64_t unix_seconds) { return FromUnixMillis(unix_seconds * 1000); }

TEST(FhirJsonTest, InstantsAndDatesAreReadWithTheirZone) {
  EXPECT_EQ(ParseInstant("2026-03-02"), At(1772409600));
  EXPECT_EQ(ParseInstant("2026-03-02T09:15:00Z"), At(1772409600 + 9 * 3600 + 15 * 60));
  EXPECT_EQ(ParseInstant("2026-03-02T10:15:00+01:00"), At(1772409600 + 9 * 3600 + 15 * 60));
  EXPECT_EQ(ParseInstant("2026-03-02T09:15:00.123Z"),
            At(1772409600 + 9 * 3600 + 15 * 60) + std::chrono::milliseconds(123));
  EXPECT_EQ(ParseInstant("2026-03-02T09:15:00.5Z"),
            At(1772409600 + 9 * 3600 + 15 * 60) + std::chrono::milliseconds(500));
  EXPECT_EQ(ParseInstant("2026-03-02T09:15Z"), At(1772409600 + 9 * 3600 + 15 * 60));
  for (const char* bad : {"", "2026", "2026-13-01", "2026-02-30", "2026-03-02T25:00:00Z",
                          "2026-03-02T09:15:00", "2026-03-02T09:15:00+0100", "2026-03-02T09:15:00.Z", "9999-01-01", "0001-01-01", "tomorrow"}) {
    EXPECT_FALSE(ParseInstant(bad).has_value()) << bad;
  }
}

TEST(FhirJsonTest, AReferenceGivesItsIdOnlyForItsType) {
  EXPECT_EQ(ReferencedId("Task/42", "Task"), 42);
  EXPECT_FALSE(ReferencedId("Task/42", "Patient").has_value());
  EXPECT_FALSE(ReferencedId("Task/", "Task").has_value());
  EXPECT_FALSE(ReferencedId("Task/-1", "Task").has_value());
  EXPECT_FALSE(ReferencedId("Tasks/1", "Task").has_value());
  EXPECT_FALSE(ReferencedId("urn:uuid:1", "Task").has_value());
}

TEST(FhirJsonTest, ARefusalIsAnOperationOutcomeWithItsStatusAndElement) {
  http::Request request;
  request.request_id = "r1";
  http::Response response = OutcomeResponse(
      request, Invalid("Het geboortejaar ontbreekt.", "The year of birth is missing.",
                       "Bundle.entry[0].resource.birthDate"));
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response.content_type, "application/fhir+json; charset=utf-8");
  boost::json::object outcome = boost::json::parse(response.body).as_object();
  EXPECT_EQ(outcome["resourceType"], "OperationOutcome");
  boost::json::object issue = outcome["issue"].as_array()[0].as_object();
  EXPECT_EQ(issue["severity"], "error");
  EXPECT_EQ(issue["code"], "invalid");
  EXPECT_EQ(issue["expression"].as_array()[0], "Bundle.entry[0].resource.birthDate");
  EXPECT_EQ(issue["details"].as_object()["text"], "Het geboortejaar ontbreekt.");

  http::Response unknown = OutcomeResponse(
      request, MakeError(ErrorCode::kNotFound, "Bestaat niet.", "Does not exist.", "consult_id"));
  EXPECT_EQ(unknown.status, 404);
  // Our own field names are not FHIRPaths and stay out of expression.
  EXPECT_FALSE(boost::json::parse(unknown.body).as_object()["issue"].as_array()[0].as_object().contains("expression"));
}

}  // namespace
}  // namespace meekijk::fhir
