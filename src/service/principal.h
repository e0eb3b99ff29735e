// Who is asking: the authenticated user with their memberships and pools, and where the request
// came from. Built by LoginService::Authenticate; every use case takes one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/directory.h"

namespace meekijk::service {

struct RequestContext {
  std::string client_address;
  std::string request_id;
};

struct Principal {
  domain::User user;
  std::vector<domain::Membership> memberships;
  std::vector<domain::Pool> pools;  // the pools this user answers consults for
  RequestContext request;

  bool HasRole(domain::Role role) const;
  // The organisations in which the user has `role`, in membership order.
  std::vector<int64_t> OrganisationsWithRole(domain::Role role) const;
  // The membership with `role` in `organisation_id`, if any.
  const domain::Membership* MembershipIn(int64_t organisation_id, domain::Role role) const;
  bool IsPoolMember(int64_t pool_id) const;
};

}  // namespace meekijk::service
