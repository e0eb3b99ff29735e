// Tests of the OpenAPI validator against the project's real docs/openapi.json.
#include "testing/openapi_validator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <fstream>
#include <stdexcept>

namespace meekijk::testing {
namespace {

namespace json = boost::json;

const OpenApiDocument& ProjectDocument() {
  static const OpenApiDocument document =
      OpenApiDocument::Load(std::string(MEEKIJK_SOURCE_DIR) + "/docs/openapi.json");
  return document;
}

// Writes `text` to a file in the test's temporary directory and returns its path.
std::string WriteTemporaryFile(const std::string& name, const std::string& text) {
  std::string path = ::testing::TempDir() + "openapi_validator_test_" + name;
  std::ofstream(path) << text;
  return path;
}

// Succeeds when exactly one problem was found and it starts with `expected`.
::testing::AssertionResult OneProblemStartingWith(const std::vector<std::string>& problems,
                                                  const std::string& expected) {
  if (problems.size() == 1 && problems[0].rfind(expected, 0) == 0) {
    return ::testing::AssertionSuccess();
  }
  ::testing::AssertionResult failure = ::testing::AssertionFailure();
  failure << "expected one problem starting with '" << expected << "', got " << problems.size()
          << ":";
  for (const std::string& problem : problems) failure << "\n  " << problem;
  return failure;
}

json::object Summary() {
  return json::parse(R"({
    "id": 42, "number": "MK-2026-00042", "status": "sent", "specialty": "dermatologie",
    "mode": "digital", "icpc": "S88", "icpc_description": "Contacteczeem",
    "due_at": "2026-03-05T09:15:00.000Z", "sent_at": "2026-03-02T09:15:00.000Z",
    "created_at": "2026-03-02T09:10:00.000Z", "updated_at": "2026-03-02T09:15:00.000Z",
    "patient": {"birth_year": 1979, "sex": "female"},
    "question": "Contactallergie uitzoeken of eerst behandelen?", "has_advice": false,
    "version": 3, "pool_id": 7, "closed_at": null
  })")
      .as_object();
}

json::object Consult() {
  return json::parse(R"({
    "id": 42, "number": "MK-2026-00042", "status": "closed", "specialty": "dermatologie",
    "mode": "digital", "icpc": "X99", "icpc_description": null,
    "due_at": "2026-03-05T09:15:00.000Z", "sent_at": "2026-03-02T09:15:00.000Z",
    "created_at": "2026-03-02T09:10:00.000Z", "updated_at": "2026-03-04T10:00:00.000Z",
    "patient": {"birth_year": 1979, "sex": "female", "name": null, "birth_date": null,
                "bsn": null},
    "question": "Contactallergie uitzoeken?", "clinical_summary": "Sinds 4 maanden kloven.",
    "intended_referral": true, "consent": true,
    "practice": {"id": 1, "name": "Huisartsenpraktijk Kralingen"},
    "pool": {"id": 3, "name": "Dermatologie Erasmus MC"}, "specialist": null,
    "decline_reason": null,
    "thread": [
      {"id": 7, "kind": "advice", "author": {"id": 9, "name": "Dr. B. Bakker",
       "role": "specialist"}, "body": "Eerst behandelen.", "recommendation": "primary_care",
       "created_at": "2026-03-03T11:00:00.000Z"},
      {"id": 8, "kind": "question", "author": {"id": 5, "name": "A. de Vries", "role": "gp"},
       "body": "Hoe lang?", "recommendation": null, "created_at": "2026-03-03T12:00:00.000Z"}
    ],
    "advice": {"recommendation": "primary_care", "body": "Eerst behandelen.",
               "specialist_id": 9, "given_at": "2026-03-03T11:00:00.000Z",
               "at": "2026-03-03T11:00:00.000Z", "first_at": "2026-03-03T11:00:00.000Z"},
    "outcome": {"outcome": "primary_care", "learned": true, "rating": 5,
                "closed_at": "2026-03-04T10:00:00.000Z", "corrected_at": null,
                "correction_reason": null},
    "closed_at": "2026-03-04T10:00:00.000Z", "specialist_minutes": 12, "question_rating": 4,
    "attachments": [
      {"id": 11, "filename": "hand.jpg", "content_type": "image/jpeg", "size": 123456,
       "uploaded_by": 5, "uploaded_at": "2026-03-02T09:12:00.000Z"}
    ],
    "viewer_role": "gp", "version": 6, "forward_pools": [], "assign_specialists": [], "allowed_actions": ["question", "close"],
    "template": null, "template_answers": {"duur_weken": 6, "jeuk": true}, "agreement_version": 1,
    "booking": null
  })")
      .as_object();
}

TEST(OpenApiValidatorTest, DeclaresTheServersOperations) {
  std::vector<std::pair<std::string, std::string>> operations = ProjectDocument().Operations();
  auto declared = [&](const std::string& method, const std::string& path) {
    return std::count(operations.begin(), operations.end(), std::pair(method, path)) == 1;
  };
  EXPECT_TRUE(declared("POST", "/api/v1/consults/{id}/close"));
  EXPECT_TRUE(declared("POST", "/api/v1/session"));
  EXPECT_TRUE(declared("DELETE", "/api/v1/session"));
  EXPECT_TRUE(declared("GET", "/api/v1/attachments/{id}"));
  EXPECT_TRUE(declared("GET", "/healthz"));
  EXPECT_FALSE(declared("PATCH", "/api/v1/consults/{id}"));
}

TEST(OpenApiValidatorTest, AcceptsValidBodies) {
  const OpenApiDocument& document = ProjectDocument();
  json::object page{{"items", json::array{Summary()}}, {"next_cursor", nullptr}};
  EXPECT_EQ(document.ValidateResponse("GET", "/api/v1/consults", 200, page),
            std::vector<std::string>());
  EXPECT_EQ(document.ValidateResponse("POST", "/api/v1/consults", 201, Summary()),
            std::vector<std::string>());
  EXPECT_EQ(document.ValidateResponse("GET", "/api/v1/consults/{id}", 200, Consult()),
            std::vector<std::string>());
  json::value error = json::parse(
      R"({"error": {"code": "invalid_argument", "message": "Het veld ontbreekt.",
                    "field": "patient.sex"}})");
  EXPECT_EQ(document.ValidateResponse("POST", "/api/v1/consults/{id}/close", 422, error),
            std::vector<std::string>());
  json::value login = json::parse(R"({
    "csrf_token": "c5f1", "expires_at": "2026-03-02T17:00:00.000Z",
    "user": {"id": 5, "username": "huisarts.devries", "display_name": "A. de Vries",
             "roles": ["gp"], "pools": [],
             "second_factor": {"enrolled": true, "this_login": true, "required": false},
             "memberships": [{"organisation_id": 1, "organisation_name": "Kralingen",
                              "organisation_kind": "gp_practice", "role": "gp"}]}
  })");
  EXPECT_EQ(document.ValidateResponse("POST", "/api/v1/session", 200, login),
            std::vector<std::string>());
  EXPECT_EQ(document.ValidateResponse("GET", "/healthz", 503,
                                      json::object{{"status", "database_unavailable"}}),
            std::vector<std::string>());
}

TEST(OpenApiValidatorTest, AcceptsNullForAResponseWithoutBody) {
  EXPECT_EQ(ProjectDocument().ValidateResponse("DELETE", "/api/v1/session", 204, nullptr),
            std::vector<std::string>());
  EXPECT_TRUE(OneProblemStartingWith(
      ProjectDocument().ValidateResponse("DELETE", "/api/v1/session", 204, json::object()),
      "$: the document gives no application/json body"));
}

TEST(OpenApiValidatorTest, ReportsMissingRequiredField) {
  json::object consult = Consult();
  consult.at("outcome").as_object().erase("learned");
  EXPECT_TRUE(OneProblemStartingWith(
      ProjectDocument().ValidateResponse("GET", "/api/v1/consults/{id}", 200, consult),
      "$.outcome: missing required property \"learned\""));
}

TEST(OpenApiValidatorTest, ReportsWrongType) {
  json::object summary = Summary();
  summary["id"] = "42";
  EXPECT_TRUE(OneProblemStartingWith(
      ProjectDocument().ValidateResponse("POST", "/api/v1/consults/{id}/send", 200, summary),
      "$.id: expected integer, got string"));
}

TEST(OpenApiValidatorTest, ReportsValueOutsideEnum) {
  json::object summary = Summary();
  summary["status"] = "archived";
  json::object page{{"items", json::array{Summary(), summary}}, {"next_cursor", "17"}};
  EXPECT_TRUE(OneProblemStartingWith(
      ProjectDocument().ValidateResponse("GET", "/api/v1/consults", 200, page),
      "$.items[1].status: expected one of [\"draft\", \"sent\""));
}

TEST(OpenApiValidatorTest, ReportsExtraPropertyOnClosedObject) {
  json::object consult = Consult();
  consult.at("thread").as_array().at(0).as_object()["internal_note"] = "x";
  EXPECT_TRUE(OneProblemStartingWith(
      ProjectDocument().ValidateResponse("GET", "/api/v1/consults/{id}", 200, consult),
      "$.thread[0].internal_note: unexpected property"));
}

TEST(OpenApiValidatorTest, ReportsNullWhereNotNullable) {
  json::object summary = Summary();
  summary["created_at"] = nullptr;
  EXPECT_TRUE(OneProblemStartingWith(
      ProjectDocument().ValidateResponse("POST", "/api/v1/consults", 201, summary),
      "$.created_at: null is not allowed"));
  json::object consult = Consult();
  consult["practice"] = nullptr;
  EXPECT_TRUE(OneProblemStartingWith(
      ProjectDocument().ValidateResponse("GET", "/api/v1/consults/{id}", 200, consult),
      "$.practice: null is not allowed"));
}

TEST(OpenApiValidatorTest, ReportsMalformedDateTime) {
  json::object summary = Summary();
  summary["due_at"] = "2026-03-05 09:15";
  EXPECT_TRUE(OneProblemStartingWith(
      ProjectDocument().ValidateResponse("POST", "/api/v1/consults", 201, summary),
      "$.due_at: expected an ISO 8601 date-time"));
}

TEST(OpenApiValidatorTest, ReportsNumberOutOfRange) {
  json::object consult = Consult();
  consult.at("outcome").as_object()["rating"] = 7;
  EXPECT_TRUE(OneProblemStartingWith(
      ProjectDocument().ValidateResponse("GET", "/api/v1/consults/{id}", 200, consult),
      "$.outcome.rating: 7 is above the maximum 5"));
}

TEST(OpenApiValidatorTest, ReportsAnArrayWithTooFewItems) {
  json::object agreement = json::parse(R"({
    "id": 3, "version": 2, "gp_organisations": [], "pool": {"id": 1, "name": "Dermatologie",
    "organisation": "Maasstad"}, "specialty": "dermatologie", "modes": ["digital"],
    "response_days": 3, "escalate_after_hours": null, "template": null,
    "named_specialist_allowed": true, "requires_identification": false,
    "good_friday_off": false, "liberation_day_off": false, "office_hours_from": "08:00",
    "office_hours_until": "17:00", "gp_fee_cents": 2500,
    "specialist_fee_cents": 4500, "physical_gp_fee_cents": null,
    "physical_specialist_fee_cents": 9000, "slot_minutes": 20, "specialist_fee_basis": "consult",
    "pay_specialist_when_referred": true, "insurer": null, "valid_from": "2024-01-01",
    "valid_to": null, "changed_at": "2026-03-02T09:15:00.000Z", "changed_by": null, "in_force": true,
    "may_change": true
  })").as_object();
  EXPECT_TRUE(OneProblemStartingWith(
      ProjectDocument().ValidateResponse("PATCH", "/api/v1/agreements/{id}", 200, agreement),
      "$.gp_organisations: fewer items than minItems 1"));
}

TEST(OpenApiValidatorTest, ReportsUndocumentedStatusAndOperation) {
  EXPECT_TRUE(OneProblemStartingWith(
      ProjectDocument().ValidateResponse("GET", "/api/v1/me", 418, json::object()),
      "GET /api/v1/me: status 418 is not documented"));
  EXPECT_TRUE(OneProblemStartingWith(
      ProjectDocument().ValidateResponse("PATCH", "/api/v1/consults/{id}", 200, json::object()),
      "PATCH /api/v1/consults/{id}: the document does not declare this operation"));
}

TEST(OpenApiValidatorTest, ChecksTheRoutersMethodNotAllowedOnDeclaredPaths) {
  json::value error =
      json::parse(R"({"error": {"code": "method_not_allowed", "message": "Niet toegestaan."}})");
  EXPECT_EQ(ProjectDocument().ValidateResponse("GET", "/api/v1/session", 405, error),
            std::vector<std::string>());
  EXPECT_TRUE(OneProblemStartingWith(
      ProjectDocument().ValidateResponse("GET", "/api/v1/session", 405, json::object()),
      "$: missing required property \"error\""));
  EXPECT_TRUE(OneProblemStartingWith(
      ProjectDocument().ValidateResponse("GET", "/api/v1/nowhere", 405, error),
      "GET /api/v1/nowhere: the document does not declare this operation"));
}

TEST(OpenApiValidatorTest, ReportsSchemaKeywordItDoesNotSupport) {
  std::string path = WriteTemporaryFile("one_of.json", R"({
    "openapi": "3.0.3",
    "paths": {"/x": {"get": {"responses": {"200": {"content": {"application/json": {
      "schema": {"oneOf": [{"type": "string"}, {"type": "integer"}]}}}}}}}}
  })");
  EXPECT_TRUE(OneProblemStartingWith(
      OpenApiDocument::Load(path).ValidateResponse("GET", "/x", 200, json::value(1)),
      "$: the schema uses \"oneOf\", which this validator cannot check"));
}

TEST(OpenApiValidatorTest, LoadRefusesWhatIsNotAnOpenApiDocument) {
  EXPECT_THROW(OpenApiDocument::Load(::testing::TempDir() + "no_such_openapi.json"),
               std::runtime_error);
  EXPECT_THROW(OpenApiDocument::Load(WriteTemporaryFile("broken.json", R"({"openapi": )")),
               std::runtime_error);
  EXPECT_THROW(
      OpenApiDocument::Load(WriteTemporaryFile("no_paths.json", R"({"openapi": "3.0.3"})")),
      std::runtime_error);
}

}  // namespace
}  // namespace meekijk::testing
