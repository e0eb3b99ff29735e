// Reading a new consult from a transaction Bundle, as a HIS sends it in one call: a Patient, a
// ServiceRequest (the question), a Task (requested: send it; draft: keep it a draft) and
// optionally a QuestionnaireResponse with the template's answers. The entries refer to each
// other by their fullUrl (urn:uuid:…). What it cannot read is refused with the element's FHIRPath.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fhir/fhir_json.h"
#include "service/consult_service.h"

namespace meekijk::fhir {

struct ConsultBundle {
  service::NewConsult consult;
  // The specialty as the Bundle named it: our code, or a Vektis specialism code to look up.
  std::optional<std::string> vektis_specialty;
  // The resource type of each entry in the order sent: the answer lists where each went in the
  // same order.
  std::vector<std::string> entry_types;
  std::string patient_url, service_request_url, task_url, questionnaire_response_url;
};

Result<ConsultBundle> ReadConsultBundle(std::string_view body);

// Where the consult's rules name a field of ours ("patient.birth_year"), the element of the Bundle
// it came from ("Patient.birthDate"), so that a refusal points at what the HIS sent.
std::string FhirPathOfField(std::string_view field);

}  // namespace meekijk::fhir
