// The create-consult body: {specialty, mode, patient{…}, icpc, question, clinical_summary,
// intended_referral, consent, send?, practice_id?, pool_id?, specialist_id?}.
#include "api/consult_request.h"

#include "api/json_body.h"

namespace meekijk::api {

Result<service::NewConsult> NewConsultFromJson(const boost::json::object& body) {
  service::NewConsult request;
  domain::ConsultContent& content = request.content;
  MK_ASSIGN_OR_RETURN(content.specialty, RequiredString(body, "specialty", "specialty"));
  MK_ASSIGN_OR_RETURN(std::optional<std::string> mode, OptionalString(body, "mode", "mode"));
  if (mode) {
    MK_ASSIGN_OR_RETURN(content.mode, RequiredEnum<domain::ConsultMode>(body, "mode", "mode"));
  }
  MK_ASSIGN_OR_RETURN(const boost::json::object* patient, RequiredObject(body, "patient", "patient"));
  MK_ASSIGN_OR_RETURN(int64_t birth_year,
                      RequiredInt(*patient, "birth_year", "patient.birth_year"));
  if (birth_year < 0 || birth_year > 9999) birth_year = 0;  // refused by the domain's range check
  content.patient.birth_year = static_cast<int>(birth_year);
  MK_ASSIGN_OR_RETURN(content.patient.sex,
                      RequiredEnum<domain::Sex>(*patient, "sex", "patient.sex"));
  MK_ASSIGN_OR_RETURN(content.patient.name, OptionalString(*patient, "name", "patient.name"));
  MK_ASSIGN_OR_RETURN(content.patient.birth_date,
                      OptionalString(*patient, "birth_date", "patient.birth_date"));
  MK_ASSIGN_OR_RETURN(content.patient.bsn, OptionalString(*patient, "bsn", "patient.bsn"));
  MK_ASSIGN_OR_RETURN(content.icpc, RequiredString(body, "icpc", "icpc"));
  MK_ASSIGN_OR_RETURN(content.question, RequiredString(body, "question", "question"));
  MK_ASSIGN_OR_RETURN(std::optional<std::string> summary,
                      OptionalString(body, "clinical_summary", "clinical_summary"));
  content.clinical_summary = summary.value_or("");
  MK_ASSIGN_OR_RETURN(content.intended_referral,
                      OptionalBool(body, "intended_referral", "intended_referral"));
  MK_ASSIGN_OR_RETURN(std::optional<bool> consent, OptionalBool(body, "consent", "consent"));
  content.consent = consent.value_or(false);
  MK_ASSIGN_OR_RETURN(std::optional<bool> send, OptionalBool(body, "send", "send"));
  request.send = send.value_or(false);
  MK_ASSIGN_OR_RETURN(request.practice_id, OptionalInt(body, "practice_id", "practice_id"));
  MK_ASSIGN_OR_RETURN(request.pool_id, OptionalInt(body, "pool_id", "pool_id"));
  MK_ASSIGN_OR_RETURN(request.specialist_id, OptionalInt(body, "specialist_id", "specialist_id"));
  return request;
}

}  // namespace meekijk::api
