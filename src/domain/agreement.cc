// Routing a consult to a pool under an agreement.
#include "domain/agreement.h"

#include <algorithm>

namespace meekijk::domain {

std::vector<int64_t> GpSideOrganisations(const PracticeScope& scope) {
  std::vector<int64_t> organisations{scope.practice_id};
  if (scope.care_group_id) organisations.push_back(*scope.care_group_id);
  return organisations;
}

bool AgreementInForce(const Agreement& agreement, std::string_view date) {
  return agreement.valid_from <= date && (!agreement.valid_until || date <= *agreement.valid_until);
}

bool AgreementCovers(const Agreement& agreement, const PracticeScope& scope,
                     std::string_view specialty, ConsultMode mode, std::string_view date) {
  std::vector<int64_t> gp_side = GpSideOrganisations(scope);
  bool for_practice = std::find(gp_side.begin(), gp_side.end(), agreement.gp_organisation_id) !=
                      gp_side.end();
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

}  // namespace meekijk::domain
