// The directory aggregate: organisations, users and who works where in which role.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/directory.h"
#include "store/statements.h"

namespace meekijk::store {

// A membership with the user it belongs to, for lists of many users.
struct UserMembership {
  int64_t user_id = 0;
  domain::Membership membership;
};

class DirectoryRepository {
 public:
  explicit DirectoryRepository(Statements& statements) : sql_(statements) {}

  Result<int64_t> InsertOrganisation(const domain::Organisation& organisation, TimePoint now);
  Result<std::optional<domain::Organisation>> FindOrganisation(int64_t id);
  Result<std::vector<domain::Organisation>> ListOrganisations();
  // The first organisation (by id) with this AGB code, for imports keyed by it.
  Result<std::optional<domain::Organisation>> FindOrganisationByAgb(std::string_view agb);
  // Name, AGB code, care group and region; the kind stays.
  Result<void> UpdateOrganisation(const domain::Organisation& organisation);
  // kConflict (reason "duplicate") when the username is taken.
  Result<int64_t> InsertUser(const domain::User& user, TimePoint now);
  Result<std::optional<domain::User>> FindUser(int64_t id);
  Result<std::optional<domain::User>> FindUserByUsername(std::string_view username);
  // Every user, by display name.
  Result<std::vector<domain::User>> ListUsers();
  // The first user (by id) with this practitioner's AGB code.
  Result<std::optional<domain::User>> FindUserByAgb(std::string_view agb);
  // Every field but the username, which stays.
  Result<void> UpdateUser(const domain::User& user);
  Result<void> SetPasswordHash(int64_t user_id, const std::string& password_hash);
  // A deactivated user keeps their name in the history but can no longer log in.
  Result<void> SetActive(int64_t user_id, bool active);
  // Adding a membership the user already has changes nothing.
  Result<void> AddMembership(int64_t user_id, int64_t organisation_id, domain::Role role);
  Result<std::vector<domain::Membership>> Memberships(int64_t user_id);
  // The users with `role` in the organisation, by id.
  Result<std::vector<int64_t>> UsersWithRole(int64_t organisation_id, domain::Role role);
  // Every membership of every user, by user.
  Result<std::vector<UserMembership>> AllMemberships();

 private:
  Statements& sql_;
};

}  // namespace meekijk::store
