// Documents made from a consult: the copy for the record (ConsultService::RecordCopy) and the
// referral letter's draft (ConsultService::DraftReferral).
#include "service/access_log.h"
#include "service/consult_access.h"
#include "service/consult_detail.h"
#include "service/consult_frame.h"
#include "service/consult_service.h"
#include "domain/referral_letter.h"

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

Result<std::string> ConsultService::DraftReferral(const Principal& principal, int64_t consult_id) {
  return ReadConsult<std::string>(
      database_, access_log_, principal, consult_id, "consult.read",
      [&](store::Tx& tx, domain::Consult& consult, domain::Role role) -> Result<std::string> {
        if (role != domain::Role::kGp && role != domain::Role::kAssistant) {
          return MakeError(ErrorCode::kForbidden, "Een verwijzing komt van de praktijk.",
                           "A referral comes from the practice.");
        }
        if (!consult.advice || consult.advice->recommendation != domain::Recommendation::kRefer ||
            consult.status != domain::ConsultStatus::kAnswered) {
          return MakeError(ErrorCode::kConflict,
                           "Een verwijsbrief volgt op het advies 'verwijzen', zolang het consult "
                           "nog open is.",
                           "A referral letter follows the advice 'refer', while the consult is "
                           "still open.");
        }
        ConsultDetail detail;
        detail.consult = consult;
        MK_RETURN_IF_ERROR(LoadConsultParts(tx, detail));
        domain::ReferralFacts facts;
        facts.consult = &detail.consult;
        facts.practice = detail.practice_name;
        if (detail.practice && detail.practice->agb) facts.practice += " (AGB " + *detail.practice->agb + ")";
        facts.gp = principal.user.display_name;
        if (principal.user.agb) facts.gp += " (AGB " + *principal.user.agb + ")";
        facts.addressee = detail.pool_organisation ? detail.pool_organisation->name : detail.pool_name;
        facts.specialist = detail.specialist_name;
        for (const domain::TemplateAnswer& answer : consult.content.template_answers) {
          std::string label = answer.key;
          if (detail.question_template) {
            for (const domain::TemplateField& field : detail.question_template->fields) {
              if (field.key == answer.key) label = field.label;
            }
          }
          facts.answers.emplace_back(label, answer.value);
        }
        return domain::ReferralLetter(facts);
      },
      [](store::Tx&, const domain::Consult&) -> Result<void> { return Ok(); });
}

}  // namespace meekijk::service
