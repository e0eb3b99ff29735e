// Routing a consult to a pool under an agreement.
#include "domain/agreement.h"

#include <algorithm>

namespace meekijk::domain {

bool AgreementCovers(const Agreement& agreement, const PracticeScope& scope,
                     std::string_view specialty, ConsultMode mode, std::string_view date) {
  bool for_practice = agreement.gp_organisation_id == scope.practice_id ||
                      (scope.care_group_id && agreement.gp_organisation_id == *scope.care_group_id);
  bool has_mode =
      std::find(agreement.modes.begin(), agreement.modes.end(), mode) != agreement.modes.end();
  bool in_period = agreement.valid_from <= date &&
                   (!agreement.valid_until || date <= *agreement.valid_until);
  return for_practice && agreement.specialty == specialty && has_mode && in_period;
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

}  // namespace meekijk::domain
