// The create-consult body: {specialty, mode, patient{…}, icpc, question, clinical_summary,
// intended_referral, consent, send?, practice_id?, pool_id?, specialist_id?}.
#include "api/consult_request.h"

#include "api/json_body.h"

#include <boost/json/serialize.hpp>

namespace meekijk::api {

constexpr std::string_view kForm = "consult";

namespace {

// {key: text | number | true/false | null}: in the domain's canonical text; null is no answer.
Result<std::vector<domain::TemplateAnswer>> TemplateAnswersFromJson(
    const boost::json::object& body) {
  std::vector<domain::TemplateAnswer> answers;
  auto it = body.find("template_answers");
  if (it == body.end() || it->value().is_null()) return answers;
  auto wrong = [] {
    return MakeError(ErrorCode::kInvalidArgument,
                     "‘Antwoorden op de vragenlijst’ moet een object zijn met per vraag tekst, een "
                     "getal of waar/onwaar.",
                     "‘Answers to the template’ must be an object with text, a number or "
                     "true/false per question.",
                     "template_answers");
  };
  if (!it->value().is_object() || it->value().as_object().size() > domain::kMaxTemplateFields) {
    return wrong();
  }
  for (const auto& [key, value] : it->value().as_object()) {
    std::string text;
    if (value.is_null()) continue;
    if (value.is_string()) {
      text = std::string(value.as_string());
    } else if (value.is_bool()) {
      text = value.as_bool() ? "true" : "false";
    } else if (value.is_int64()) {
      text = std::to_string(value.as_int64());
    } else if (value.is_uint64()) {
      text = std::to_string(value.as_uint64());
    } else if (value.is_double()) {
      text = boost::json::serialize(value);
    } else {
      return wrong();
    }
    answers.push_back({std::string(key), std::move(text)});
  }
  return answers;
}

}  // namespace

Result<service::NewConsult> NewConsultFromJson(const boost::json::object& body) {
  MK_RETURN_IF_ERROR(CheckRequiredAnswers(kForm, body));
  service::NewConsult request;
  domain::ConsultContent& content = request.content;
  MK_ASSIGN_OR_RETURN(content.specialty, RequiredString(body, {kForm, "specialty"}));
  MK_ASSIGN_OR_RETURN(std::optional<std::string> mode, OptionalString(body, {kForm, "mode"}));
  if (mode) {
    MK_ASSIGN_OR_RETURN(content.mode, RequiredEnum<domain::ConsultMode>(body, {kForm, "mode"}));
  }
  MK_ASSIGN_OR_RETURN(const boost::json::object* patient, RequiredObject(body, {kForm, "patient"}));
  MK_ASSIGN_OR_RETURN(int64_t birth_year,
                      RequiredInt(*patient, {kForm, "patient.birth_year"}));
  if (birth_year < 0 || birth_year > 9999) birth_year = 0;  // refused by the domain's range check
  content.patient.birth_year = static_cast<int>(birth_year);
  MK_ASSIGN_OR_RETURN(content.patient.sex,
                      RequiredEnum<domain::Sex>(*patient, {kForm, "patient.sex"}));
  MK_ASSIGN_OR_RETURN(content.patient.name, OptionalString(*patient, {kForm, "patient.name"}));
  MK_ASSIGN_OR_RETURN(content.patient.birth_date,
                      OptionalString(*patient, {kForm, "patient.birth_date"}));
  MK_ASSIGN_OR_RETURN(content.patient.bsn, OptionalString(*patient, {kForm, "patient.bsn"}));
  MK_ASSIGN_OR_RETURN(content.icpc, RequiredString(body, {kForm, "icpc"}));
  MK_ASSIGN_OR_RETURN(content.question, RequiredString(body, {kForm, "question"}));
  MK_ASSIGN_OR_RETURN(std::optional<std::string> summary,
                      OptionalString(body, {kForm, "clinical_summary"}));
  content.clinical_summary = summary.value_or("");
  MK_ASSIGN_OR_RETURN(content.intended_referral,
                      OptionalBool(body, {kForm, "intended_referral"}));
  MK_ASSIGN_OR_RETURN(std::optional<bool> consent, OptionalBool(body, {kForm, "consent"}));
  content.consent = consent.value_or(false);
  MK_ASSIGN_OR_RETURN(std::optional<bool> send, OptionalBool(body, {kForm, "send"}));
  request.send = send.value_or(false);
  MK_ASSIGN_OR_RETURN(request.practice_id, OptionalInt(body, {kForm, "practice_id"}));
  MK_ASSIGN_OR_RETURN(request.pool_id, OptionalInt(body, {kForm, "pool_id"}));
  MK_ASSIGN_OR_RETURN(request.specialist_id, OptionalInt(body, {kForm, "specialist_id"}));
  MK_ASSIGN_OR_RETURN(content.template_answers, TemplateAnswersFromJson(body));
  return request;
}

}  // namespace meekijk::api
