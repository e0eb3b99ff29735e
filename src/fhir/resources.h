// The consult as FHIR R4 resources, in the shape of the HL7 workflow pattern and the BSeR and
// Clinical Order Workflows guides (docs/fhir.md has the table): the question as a ServiceRequest,
// its state and owner as a Task, the thread as Communications, the patient as a Patient, the
// template's answers as a QuestionnaireResponse with its Questionnaire contained, and the people
// and organisations with their AGB codes. Every id of a consult's resources is the consult's id
// (a Communication's is "<consult>-<message>"), so a client can go from one to the others.
#pragma once

#include <vector>

#include "domain/directory.h"
#include "fhir/fhir_json.h"
#include "service/consult_service.h"
#include "service/fhir_access.h"

namespace meekijk::fhir {

json::object TaskOf(const service::ConsultDetail& detail);
json::object ServiceRequestOf(const service::ConsultDetail& detail);
// Pseudonymised (birth year and sex) unless the caller may see the identifying fields.
json::object PatientOf(const service::ConsultDetail& detail);
// The thread in order, then one per attachment (its bytes at Binary/<id>).
std::vector<json::object> CommunicationsOf(const service::ConsultDetail& detail);
// None when the consult was written without a template.
std::optional<json::object> QuestionnaireResponseOf(const service::ConsultDetail& detail);
json::object OrganizationOf(const domain::Organisation& organisation);
json::object PractitionerOf(const service::Practitioner& practitioner);
std::vector<json::object> PractitionerRolesOf(const service::Practitioner& practitioner);

// The copy for the record as one Bundle (type collection): Task, ServiceRequest, Patient,
// QuestionnaireResponse, the Communications, the organisations and practitioners named, and the
// PDF (`pdf`, its bytes) as a DocumentReference, so that a HIS files both from one call.
json::object RecordBundleOf(const service::ConsultDetail& detail, const std::string& base_url,
                            TimePoint made_at, const std::string& pdf);

// A searchset or transaction-response Bundle around `entries` (resources with their fullUrl).
json::object SearchSet(const std::vector<json::object>& resources, const std::string& base_url,
                       const std::string& self, const std::optional<std::string>& next);

}  // namespace meekijk::fhir
