// Who is asking: the authenticated user with their memberships and pools, and where the request
// came from. Built by LoginService::Authenticate; every use case takes one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/directory.h"

namespace meekijk::service {

struct RequestContext {
  std::string client_address;
  std::string request_id;
};

// The login a principal came with (none for the command line and the demo).
struct LoginState {
  std::string token_hash;
  TimePoint verified_at;       // when the password was last given
  TimePoint last_seen_at;
  bool second_factor = false;  // logged in with a code too
  bool has_second_factor = false;  // the user has a confirmed second factor
  // A role of the user sees patient data and this login has no second factor: the login reaches
  // nothing but the enrolment until it has one (memberships and pools are then left empty).
  bool second_factor_required = false;
};

// A system calling through an API client (api_client_service.h): it acts for one member of one
// organisation, and only within the scopes an administrator granted it.
struct ApiClientGrant {
  int64_t id = 0;
  std::string client_id;
  std::string name;
  int64_t organisation_id = 0;
  std::vector<std::string> scopes;  // "system/Task.rs", "system/*.r", …
};

struct Principal {
  domain::User user;
  std::vector<domain::Membership> memberships;
  std::vector<domain::Pool> pools;  // the pools this user answers consults for
  RequestContext request;
  LoginState login;
  std::optional<ApiClientGrant> api_client;  // set when the call came through an API client

  bool HasRole(domain::Role role) const;
  // The organisations in which the user has `role`, in membership order.
  std::vector<int64_t> OrganisationsWithRole(domain::Role role) const;
  // The membership with `role` in `organisation_id`, if any.
  const domain::Membership* MembershipIn(int64_t organisation_id, domain::Role role) const;
  bool IsPoolMember(int64_t pool_id) const;
};

}  // namespace meekijk::service
