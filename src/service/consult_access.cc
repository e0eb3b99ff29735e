// Visibility of consults, and the agreements that apply to a practice.
#include "service/consult_access.h"

#include <algorithm>

#include "store/agreements.h"
#include "store/directory.h"
#include "store/tx.h"

namespace meekijk::service {

using domain::ConsultAction;
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
    MK_ASSIGN_OR_RETURN(std::optional<domain::Pool> pool,
                        tx.agreements().FindPool(*consult.pool_id));
    if (pool && principal.MembershipIn(pool->organisation_id, Role::kCoordinator)) {
      return Role::kCoordinator;
    }
  }
  return ConsultNotFound();
}

Result<void> RequireHolderOnceClaimed(const Principal& principal, const domain::Consult& consult,
                                      Role role) {
  if (role != Role::kSpecialist || consult.status == domain::ConsultStatus::kSent) return Ok();
  if (consult.specialist_id == principal.user.id) return Ok();
  return MakeError(ErrorCode::kForbidden,
                   "Een collega heeft deze consultatie opgepakt; alleen die specialist kan haar "
                   "verder behandelen.",
                   "A colleague has claimed this consult; only that specialist can handle it.");
}

std::vector<ConsultAction> AllowedActions(const Principal& principal,
                                          const domain::Consult& consult, Role role) {
  domain::Addressee addressee =
      consult.specialist_id ? domain::Addressee::kNamedSpecialist : domain::Addressee::kPool;
  std::vector<ConsultAction> actions = domain::AllowedActions(consult.status, role, addressee);
  if (!RequireHolderOnceClaimed(principal, consult, role).ok()) actions.clear();
  return actions;
}

bool SeesPatientIdentity(const Principal& principal, const domain::Consult& consult, Role role) {
  if (role == Role::kGp || role == Role::kAssistant) return true;
  return role == Role::kSpecialist && consult.specialist_id == principal.user.id &&
         consult.status != domain::ConsultStatus::kSent;
}

Result<PracticeAgreements> AgreementsOfPractice(store::Tx& tx, int64_t practice_id) {
  MK_ASSIGN_OR_RETURN(std::optional<domain::Organisation> practice,
                      tx.directory().FindOrganisation(practice_id));
  PracticeAgreements out;
  out.scope = {practice_id, practice ? practice->parent_id : std::nullopt};
  MK_ASSIGN_OR_RETURN(out.agreements,
                      tx.agreements().OfGpOrganisations(domain::GpSideOrganisations(out.scope)));
  return out;
}

Result<std::optional<PoolOption>> PoolOptionOf(store::Tx& tx, int64_t pool_id) {
  MK_ASSIGN_OR_RETURN(std::optional<domain::Pool> pool, tx.agreements().FindPool(pool_id));
  if (!pool) return std::optional<PoolOption>();
  MK_ASSIGN_OR_RETURN(std::optional<domain::Organisation> organisation,
                      tx.directory().FindOrganisation(pool->organisation_id));
  return std::optional<PoolOption>(
      PoolOption{pool->id, pool->name, organisation ? organisation->name : ""});
}

}  // namespace meekijk::service
