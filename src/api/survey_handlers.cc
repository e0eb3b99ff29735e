// Surveys: POST /api/v1/consults/{id}/leaflet for the practice; GET and POST
// /api/v1/surveys/{code} for the patient, without login.
#include "api/api.h"
#include "api/authenticate.h"
#include "api/json_body.h"
#include "api/responses.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;

http::Response Answer(Services& services, http::Request& r) {
  Result<json::object> body = ParseObject(r.body);
  if (!body.ok()) return ErrorResponse(r, body.error());
  auto read = [&]() -> Result<service::SurveyAnswer> {
    MK_RETURN_IF_ERROR(CheckRequiredAnswers("survey", *body));
    service::SurveyAnswer a;
    MK_ASSIGN_OR_RETURN(std::optional<std::string> language, OptionalString(*body, {"survey", "language"}));
    a.language = language.value_or("nl");
    MK_ASSIGN_OR_RETURN(int64_t overall, RequiredInt(*body, {"survey", "overall"}));
    MK_ASSIGN_OR_RETURN(int64_t explained, RequiredInt(*body, {"survey", "explained"}));
    // Out of range stays out of range as an int, for the use case to refuse.
    a.overall = overall >= 1 && overall <= 5 ? static_cast<int>(overall) : 0;
    a.explained = explained >= 1 && explained <= 5 ? static_cast<int>(explained) : 0;
    MK_ASSIGN_OR_RETURN(a.preference, RequiredString(*body, {"survey", "preference"}));
    return a;
  };
  Result<service::SurveyAnswer> answer = read();
  if (!answer.ok()) return ErrorResponse(r, answer.error());
  Result<void> done = services.surveys.Answer(r.params["code"], *answer, r.client_address);
  if (!done.ok()) return ErrorResponse(r, done.error());
  return JsonResponse(201, json::object{{"answered", true}});
}

}  // namespace

void AddSurveyRoutes(http::Router& router, Services& services) {
  router.Add("POST", "/api/v1/consults/{id}/leaflet", [&](http::Request& r) {
    return WithPrincipal(services, r, [&](const service::Principal& principal) {
      Result<int64_t> id = PathId(r, "id");
      if (!id.ok()) return ErrorResponse(r, id.error());
      return One(r, 200, services.surveys.LeafletFor(principal, *id), [](const service::Leaflet& l) {
        return json::object{{"code", l.code},
                            {"consult_number", l.consult_number},
                            {"specialty", l.specialty},
                            {"survey_path", "/enquete/" + l.code}};
      });
    });
  });
  router.Add("GET", "/api/v1/surveys/{code}", [&](http::Request& r) {
    return One(r, 200, services.surveys.Open(r.params["code"], r.client_address),
               [](const service::SurveyView& v) {
                 return json::object{{"answered", v.answered},
                                     {"specialty", v.specialty_nl},
                                     {"specialty_en", v.specialty_en}};
               });
  });
  router.Add("POST", "/api/v1/surveys/{code}", [&](http::Request& r) { return Answer(services, r); },
             http::BodyRule::Text());
}

}  // namespace meekijk::api
