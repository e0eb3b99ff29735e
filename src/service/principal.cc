// Questions about a principal's memberships.
#include "service/principal.h"

namespace meekijk::service {

bool Principal::HasRole(domain::Role role) const {
  for (const domain::Membership& m : memberships) {
    if (m.role == role) return true;
  }
  return false;
}

std::vector<int64_t> Principal::OrganisationsWithRole(domain::Role role) const {
  std::vector<int64_t> ids;
  for (const domain::Membership& m : memberships) {
    if (m.role == role) ids.push_back(m.organisation_id);
  }
  return ids;
}

const domain::Membership* Principal::MembershipIn(int64_t organisation_id,
                                                  domain::Role role) const {
  for (const domain::Membership& m : memberships) {
    if (m.organisation_id == organisation_id && m.role == role) return &m;
  }
  return nullptr;
}

bool Principal::IsPoolMember(int64_t pool_id) const {
  for (const domain::Pool& pool : pools) {
    if (pool.id == pool_id) return true;
  }
  return false;
}

}  // namespace meekijk::service
