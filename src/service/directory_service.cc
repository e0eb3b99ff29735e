// Keeping the directory and answering from it.
#include "service/directory_service.h"

#include "service/new_user.h"

#include <algorithm>
#include <map>

#include "auth/password.h"
#include "core/utf8.h"
#include "domain/identifiers.h"
#include "domain/calendar.h"
#include "service/consult_access.h"
#include "store/agreements.h"
#include "store/database.h"
#include "store/directory.h"
#include "store/templates.h"
#include "store/tx.h"

namespace meekijk::service {

using domain::Role;

Result<int64_t> DirectoryService::AddOrganisation(const domain::Organisation& organisation) {
  if (utf8::IsBlank(organisation.name)) {
    return MakeError(ErrorCode::kInvalidArgument, "Geef de organisatie een naam.",
                     "Give the organisation a name.", "name");
  }
  if (organisation.agb) MK_RETURN_IF_ERROR(domain::ValidateAgb(*organisation.agb));
  if (!organisation.agb && domain::RequiresAgb(organisation.kind)) {
    return MakeError(ErrorCode::kInvalidArgument, "Een zorgaanbieder heeft een AGB-code.",
                     "A care provider has an AGB code.", "agb");
  }
  return store::Transact<int64_t>(database_, store::Access::kWrite, [&](store::Tx& tx) {
    return tx.directory().InsertOrganisation(organisation, clock_.Now());
  });
}

Result<int64_t> DirectoryService::AddUser(const NewUser& user) {
  MK_RETURN_IF_ERROR(
      auth::ValidateNewPassword(user.password, {user.username, user.display_name, user.email}));
  MK_ASSIGN_OR_RETURN(std::string hash, auth::HashPassword(user.password));
  return AddUserWithHash(user, hash);
}

Result<int64_t> DirectoryService::AddUserWithHash(const NewUser& user,
                                                  const std::string& password_hash) {
  return store::Transact<int64_t>(database_, store::Access::kWrite, [&](store::Tx& tx) {
    return InsertNewUser(tx, user, password_hash, clock_.Now());
  });
}

Result<void> DirectoryService::AddSpecialty(const domain::Specialty& specialty) {
  return database_.Run(store::Access::kWrite,
                       [&](store::Tx& tx) { return tx.agreements().UpsertSpecialty(specialty); });
}



Result<std::vector<domain::Organisation>> DirectoryService::ListOrganisations() {
  return store::Transact<std::vector<domain::Organisation>>(
      database_, store::Access::kRead, [](store::Tx& tx) { return tx.directory().ListOrganisations(); });
}

Result<bool> DirectoryService::IsEmpty() {
  MK_ASSIGN_OR_RETURN(std::vector<domain::Organisation> organisations, ListOrganisations());
  return organisations.empty();
}

std::vector<const domain::IcpcCode*> DirectoryService::SearchIcpc(const Principal&,
                                                                  std::string_view query,
                                                                  size_t limit) const {
  return domain::SearchIcpc(query, limit);
}

Result<std::vector<SpecialtyOption>> DirectoryService::SpecialtiesFor(const Principal& principal) {
  std::string today = domain::AmsterdamIsoDate(clock_.Now());
  return store::Transact<std::vector<SpecialtyOption>>(
      database_, store::Access::kRead, [&](store::Tx& tx) -> Result<std::vector<SpecialtyOption>> {
    std::vector<domain::Agreement> agreements;
    for (Role role : {Role::kGp, Role::kAssistant}) {
      std::vector<int64_t> gp_organisations;
      for (const domain::Membership& m : principal.memberships) {
        if (m.role != role) continue;
        for (int64_t id : domain::GpSideOrganisations({m.organisation_id, m.parent_id})) {
          gp_organisations.push_back(id);
        }
      }
      MK_ASSIGN_OR_RETURN(auto found, tx.agreements().OfGpOrganisations(gp_organisations));
      agreements.insert(agreements.end(), found.begin(), found.end());
    }
    std::vector<int64_t> pool_ids;
    for (const domain::Pool& pool : principal.pools) pool_ids.push_back(pool.id);
    MK_ASSIGN_OR_RETURN(auto answered, tx.agreements().OfPools(pool_ids));
    agreements.insert(agreements.end(), answered.begin(), answered.end());

    std::sort(agreements.begin(), agreements.end(),
              [](const auto& a, const auto& b) { return a.id < b.id; });
    MK_ASSIGN_OR_RETURN(std::vector<domain::Specialty> specialties, tx.agreements().Specialties());
    std::map<std::string, SpecialtyOption> options;
    for (const domain::Agreement& agreement : agreements) {
      if (!domain::AgreementInForce(agreement, today)) continue;
      SpecialtyOption& option = options[agreement.specialty];
      for (domain::ConsultMode mode : agreement.modes) {
        if (std::find(option.modes.begin(), option.modes.end(), mode) == option.modes.end()) {
          option.modes.push_back(mode);
        }
      }
      bool listed = std::any_of(option.pools.begin(), option.pools.end(), [&](const auto& p) {
        return p.pool.id == agreement.pool_id;
      });
      if (listed) continue;
      MK_ASSIGN_OR_RETURN(std::optional<PoolOption> pool, PoolOptionOf(tx, agreement.pool_id));
      if (!pool) continue;
      OfferedPool offered{std::move(*pool), agreement.response_days, agreement.modes,
                          agreement.named_specialist_allowed, {}};
      if (agreement.template_id) {
        MK_ASSIGN_OR_RETURN(offered.question_template, tx.templates().Find(*agreement.template_id));
      }
      option.pools.push_back(std::move(offered));
    }
    std::vector<SpecialtyOption> result;
    // Coordinators and administrators set up the region: they see every specialty, also those
    // no agreement offers yet (with the modes and pools they consult or answer for, if any).
    bool keeper = principal.HasRole(Role::kCoordinator) || principal.HasRole(Role::kAdmin);
    for (const domain::Specialty& specialty : specialties) {  // in the store's name order
      auto it = options.find(specialty.code);
      if (it == options.end() && keeper) it = options.emplace(specialty.code, SpecialtyOption{}).first;
      if (it == options.end()) continue;
      it->second.specialty = specialty;
      std::sort(it->second.modes.begin(), it->second.modes.end());
      result.push_back(std::move(it->second));
    }
    return result;
  });
}

}  // namespace meekijk::service
