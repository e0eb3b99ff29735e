// Routing a consult to a pool under an agreement.
#include "domain/agreement.h"

#include <algorithm>

#include "domain/consult_validation.h"

namespace meekijk::domain {

std::vector<int64_t> GpSideOrganisations(const PracticeScope& scope) {
  std::vector<int64_t> organisations{scope.practice_id};
  if (scope.care_group_id) organisations.push_back(*scope.care_group_id);
  return organisations;
}

Result<void> ValidateAgreement(const Agreement& agreement) {
  auto invalid = [](std::string nl, std::string en, std::string field) {
    return MakeError(ErrorCode::kInvalidArgument, std::move(nl), std::move(en), std::move(field));
  };
  if (agreement.gp_organisation_ids.empty()) {
    return invalid("Kies ten minste één huisartsenorganisatie of praktijk.",
                   "Choose at least one GP organisation or practice.", "gp_organisations");
  }
  if (agreement.modes.empty()) {
    return invalid("Kies digitaal, fysiek of beide.", "Choose digital, physical or both.",
                   "modes");
  }
  if (agreement.response_days < 0 || agreement.response_days > kMaxResponseDays) {
    return invalid("De antwoordtermijn is 0 tot 60 werkdagen.",
                   "The response time is 0 to 60 working days.", "response_days");
  }
  if (agreement.escalate_after_hours &&
      (*agreement.escalate_after_hours < 1 || *agreement.escalate_after_hours > 720)) {
    return invalid("Escaleren kan na 1 tot 720 uur.", "Escalation is after 1 to 720 hours.",
                   "escalate_after_hours");
  }
  const OfficeHours& hours = agreement.office_hours;
  if (hours.opens_minute < 0 || hours.closes_minute > 24 * 60 ||
      hours.closes_minute - hours.opens_minute < 60) {
    return invalid("Kantooruren beginnen ten minste een uur voor ze eindigen, binnen één dag.",
                   "Office hours open at least an hour before they close, within one day.",
                   "office_hours_until");
  }
  if (agreement.specialist_fee_basis == FeeBasis::kMinute) {
    for (auto [rate, field] :
         {std::pair{agreement.specialist_fee_cents, "specialist_fee_cents"},
          std::pair{agreement.physical_specialist_fee_cents.value_or(0),
                    "physical_specialist_fee_cents"}}) {
      if (rate > kMaxFeeCentsPerMinute) {
        return invalid("Per minuut is de vergoeding van de specialist hoogstens 20 euro.",
                       "Per minute, the specialist's fee is at most 20 euros.", field);
      }
    }
  }
  for (auto [fee, field] :
       {std::pair{agreement.gp_fee_cents, "gp_fee_cents"},
        std::pair{agreement.specialist_fee_cents, "specialist_fee_cents"},
        std::pair{agreement.physical_gp_fee_cents.value_or(0), "physical_gp_fee_cents"},
        std::pair{agreement.physical_specialist_fee_cents.value_or(0),
                  "physical_specialist_fee_cents"}}) {
    if (fee < 0 || fee > kMaxFeeCents) {
      return invalid("Een vergoeding is 0 tot 1000 euro.", "A fee is 0 to 1000 euros.", field);
    }
  }
  if (agreement.slot_minutes < 5 || agreement.slot_minutes > 120) {
    return invalid("Een tijdslot op het meekijkspreekuur duurt 5 tot 120 minuten.",
                   "A slot of a physical session lasts 5 to 120 minutes.", "slot_minutes");
  }
  if (!IsValidIsoDate(agreement.valid_from)) {
    return invalid("Vul de begindatum in als JJJJ-MM-DD.", "Enter the start date as YYYY-MM-DD.",
                   "valid_from");
  }
  if (agreement.valid_until && (!IsValidIsoDate(*agreement.valid_until) ||
                                *agreement.valid_until < agreement.valid_from)) {
    return invalid("De einddatum is een datum (JJJJ-MM-DD) op of na de begindatum.",
                   "The end date is a date (YYYY-MM-DD) on or after the start date.", "valid_to");
  }
  return Ok();
}

bool AgreementInForce(const Agreement& agreement, std::string_view date) {
  return agreement.valid_from <= date && (!agreement.valid_until || date <= *agreement.valid_until);
}

bool AgreementCovers(const Agreement& agreement, const PracticeScope& scope,
                     std::string_view specialty, ConsultMode mode, std::string_view date) {
  std::vector<int64_t> gp_side = GpSideOrganisations(scope);
  bool for_practice = std::any_of(gp_side.begin(), gp_side.end(), [&](int64_t id) {
    return std::find(agreement.gp_organisation_ids.begin(), agreement.gp_organisation_ids.end(),
                     id) != agreement.gp_organisation_ids.end();
  });
  bool has_mode =
      std::find(agreement.modes.begin(), agreement.modes.end(), mode) != agreement.modes.end();
  return for_practice && agreement.specialty == specialty && has_mode &&
         AgreementInForce(agreement, date);
}

Result<Agreement> SelectAgreement(std::span<const Agreement> agreements, const PracticeScope& scope,
                                  std::string_view specialty, ConsultMode mode,
                                  std::string_view date, std::optional<int64_t> pool_id) {
  const Agreement* chosen = nullptr;
  for (const Agreement& agreement : agreements) {
    if (!AgreementCovers(agreement, scope, specialty, mode, date)) continue;
    if (pool_id && agreement.pool_id != *pool_id) continue;
    if (chosen == nullptr || agreement.id < chosen->id) chosen = &agreement;
  }
  if (chosen != nullptr) return *chosen;
  std::string mode_nl = mode == ConsultMode::kDigital ? "digitaal" : "fysiek";
  return MakeError(ErrorCode::kInvalidArgument,
                   "Uw praktijk heeft geen samenwerkingsafspraak voor " + std::string(specialty) +
                       " (" + mode_nl + "). Kies een ander specialisme of vraag uw coördinator.",
                   "Your practice has no agreement for " + std::string(specialty) + " (" +
                       std::string(Name(mode)) +
                       "). Choose another specialty or ask your coordinator.",
                   pool_id ? "pool_id" : "specialty");
}

Result<void> ValidateIdentification(const Agreement& agreement, const Patient& patient) {
  if (!agreement.requires_identification) return Ok();
  if (!patient.name || !patient.birth_date || !patient.bsn) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Deze specialisten vragen naam, geboortedatum en BSN van de patiënt.",
                     "These specialists need the patient's name, date of birth and BSN.",
                     "patient");
  }
  return Ok();
}

std::pair<int64_t, int64_t> FeesFor(const Agreement& agreement, ConsultMode mode) {
  if (mode == ConsultMode::kPhysical) {
    return {agreement.physical_gp_fee_cents.value_or(agreement.gp_fee_cents),
            agreement.physical_specialist_fee_cents.value_or(agreement.specialist_fee_cents)};
  }
  return {agreement.gp_fee_cents, agreement.specialist_fee_cents};
}

FeesEarned EarnedFees(const Agreement& agreement, ConsultMode mode, OutcomeKind outcome,
                      int specialist_minutes) {
  auto [gp, specialist] = FeesFor(agreement, mode);
  if (agreement.specialist_fee_basis == FeeBasis::kMinute) specialist *= specialist_minutes;
  if (outcome == OutcomeKind::kReferred && !agreement.pay_specialist_when_referred) {
    specialist = 0;
  }
  return FeesEarned{gp, specialist};
}

}  // namespace meekijk::domain
