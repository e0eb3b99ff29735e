// Visibility of consults, and the agreements that apply to a practice.
#include "service/consult_access.h"

namespace meekijk::service {

using domain::Role;

Error ConsultNotFound() {
  return MakeError(ErrorCode::kNotFound, "Deze consultatie bestaat niet of is niet voor u.",
                   "This consult does not exist or is not yours to see.");
}

Result<Role> RoleOnConsult(store::Tx& tx, const Principal& principal,
                           const domain::Consult& consult) {
  if (principal.MembershipIn(consult.practice_id, Role::kGp)) return Role::kGp;
  if (principal.MembershipIn(consult.practice_id, Role::kAssistant)) return Role::kAssistant;
  if (consult.status == domain::ConsultStatus::kDraft) return ConsultNotFound();
  bool is_specialist = principal.HasRole(Role::kSpecialist);
  if (is_specialist && consult.specialist_id == principal.user.id) return Role::kSpecialist;
  if (!consult.pool_id) return ConsultNotFound();
  if (is_specialist && principal.IsPoolMember(*consult.pool_id)) return Role::kSpecialist;
  if (principal.HasRole(Role::kCoordinator)) {
    MK_ASSIGN_OR_RETURN(std::optional<domain::Pool> pool, tx.FindPool(*consult.pool_id));
    if (pool && principal.MembershipIn(pool->organisation_id, Role::kCoordinator)) {
      return Role::kCoordinator;
    }
  }
  return ConsultNotFound();
}

Result<void> RequireHolder(const Principal& principal, const domain::Consult& consult) {
  if (consult.specialist_id == principal.user.id) return Ok();
  return MakeError(ErrorCode::kForbidden,
                   "Een collega heeft deze consultatie opgepakt; alleen die specialist kan haar "
                   "verder behandelen.",
                   "A colleague has claimed this consult; only that specialist can handle it.");
}

bool SeesPatientIdentity(const Principal& principal, const domain::Consult& consult, Role role) {
  if (role == Role::kGp || role == Role::kAssistant) return true;
  return role == Role::kSpecialist && consult.specialist_id == principal.user.id &&
         consult.status != domain::ConsultStatus::kSent;
}

Result<PracticeAgreements> AgreementsOfPractice(store::Tx& tx, int64_t practice_id) {
  MK_ASSIGN_OR_RETURN(std::optional<domain::Organisation> practice, tx.FindOrganisation(practice_id));
  PracticeAgreements out;
  out.scope = {practice_id, practice ? practice->parent_id : std::nullopt};
  std::vector<int64_t> gp_organisations{practice_id};
  if (out.scope.care_group_id) gp_organisations.push_back(*out.scope.care_group_id);
  MK_ASSIGN_OR_RETURN(out.agreements, tx.ListAgreementsOfGpOrganisations(gp_organisations));
  return out;
}

}  // namespace meekijk::service
