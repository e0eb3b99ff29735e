// The organisations a coordinator acts for.
#include "service/coordinator_reach.h"

#include <algorithm>

namespace meekijk::service {

using domain::Role;

CoordinatorReach CoordinatorReach::Of(
    const Principal& principal, const std::map<int64_t, domain::Organisation>& organisations) {
  CoordinatorReach reach;
  reach.all_ = principal.HasRole(Role::kAdmin);
  if (reach.all_) return reach;
  reach.coordinated_ = principal.OrganisationsWithRole(Role::kCoordinator);
  for (int64_t id : reach.coordinated_) {
    auto it = organisations.find(id);
    if (it == organisations.end()) continue;
    reach.regions_.insert(it->second.region);
    if (it->second.kind == domain::OrgKind::kRegionOffice) {
      reach.whole_regions_.insert(it->second.region);
    }
  }
  for (const auto& [id, organisation] : organisations) {
    if (reach.Covers(organisation)) reach.covered_.insert(id);
  }
  return reach;
}

CoordinatorReach CoordinatorReach::Everything() {
  CoordinatorReach reach;
  reach.all_ = true;
  return reach;
}

bool CoordinatorReach::Covers(const domain::Organisation& organisation) const {
  auto coordinated = [&](std::optional<int64_t> id) {
    return id && std::find(coordinated_.begin(), coordinated_.end(), *id) != coordinated_.end();
  };
  return all_ || (organisation.id != 0 && coordinated(organisation.id)) ||
         coordinated(organisation.parent_id) || whole_regions_.count(organisation.region) > 0;
}

bool CoordinatorReach::Covers(int64_t organisation_id) const {
  return all_ || covered_.count(organisation_id) > 0;
}

bool CoordinatorReach::InRegion(const domain::Organisation& organisation) const {
  return all_ || regions_.count(organisation.region) > 0;
}

}  // namespace meekijk::service
