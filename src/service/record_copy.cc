// The copy for the record: ConsultService::RecordCopy.
#include "service/access_log.h"
#include "service/consult_access.h"
#include "service/consult_detail.h"
#include "service/consult_frame.h"
#include "service/consult_service.h"

namespace meekijk::service {

Result<ConsultDetail> ConsultService::RecordCopy(const Principal& principal, int64_t consult_id) {
  return ReadConsult<ConsultDetail>(
      database_, access_log_, principal, consult_id, "consult.export",
      [&](store::Tx& tx, domain::Consult& consult, domain::Role role) -> Result<ConsultDetail> {
        // The practice keeps the patient's record; the specialist answered in their own system.
        if (role != domain::Role::kGp && role != domain::Role::kAssistant) {
          return MakeError(ErrorCode::kForbidden,
                           "De kopie voor het dossier is voor de praktijk van de patiënt.",
                           "The copy for the record is for the patient's practice.");
        }
        if (consult.status != domain::ConsultStatus::kClosed) {
          return MakeError(ErrorCode::kConflict,
                           "De kopie voor het dossier komt er als het consult is afgesloten.",
                           "The copy for the record is made once the consult is closed.");
        }
        ConsultDetail detail;
        detail.consult = consult;
        detail.viewer_role = role;
        if (!SeesPatientIdentity(principal, consult, role)) {
          domain::Patient& patient = detail.consult.content.patient;
          detail.patient_withheld = patient.name || patient.birth_date || patient.bsn;
          patient = {patient.birth_year, patient.sex, {}, {}, {}};
        }
        MK_RETURN_IF_ERROR(LoadConsultParts(tx, detail));
        return detail;
      },
      [](store::Tx&, const domain::Consult&) -> Result<void> { return Ok(); });
}

}  // namespace meekijk::service
