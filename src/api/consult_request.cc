// The create-consult body: {specialty, mode, patient{…}, icpc, question, clinical_summary,
// intended_referral, consent, send?, practice_id?, pool_id?, specialist_id?}.
#include "api/consult_request.h"

#include "api/json_body.h"

namespace meekijk::api {

constexpr std::string_view kForm = "consult";

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
  return request;
}

}  // namespace meekijk::api
