// The people and organisations of a region: organisations with their AGB codes, users with their
// memberships (a role in an organisation), specialties with their Vektis codes, and pools.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/roles.h"

namespace meekijk::domain {

struct Organisation {
  int64_t id = 0;
  OrgKind kind = OrgKind::kGpPractice;
  std::string name;
  std::optional<std::string> agb;
  std::optional<int64_t> parent_id;  // a practice's care group
  std::string region;
  bool operator==(const Organisation&) const = default;
};

struct Membership {
  int64_t organisation_id = 0;
  Role role = Role::kGp;
  std::string organisation_name;
  OrgKind organisation_kind = OrgKind::kGpPractice;
  std::optional<int64_t> parent_id;  // the organisation's care group, for practices
  bool operator==(const Membership&) const = default;
};

struct User {
  int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string email;
  std::optional<std::string> agb;
  std::string password_hash;  // Argon2id, in libsodium's encoded form
  bool active = true;
  bool operator==(const User&) const = default;
};

struct Specialty {
  std::string code;  // what a consult names, e.g. "dermatologie"
  std::string name_nl;
  std::string name_en;
  std::optional<std::string> vektis_code;  // Vektis specialism code, e.g. "0310"; none for kader areas
  int64_t referral_cost_cents = 0;  // the average cost of a referral, for the saving a consult makes
  bool operator==(const Specialty&) const = default;
};

// One specialist organisation's department for one specialty.
struct Pool {
  int64_t id = 0;
  int64_t organisation_id = 0;
  std::string specialty;
  std::string name;
  bool operator==(const Pool&) const = default;
};

}  // namespace meekijk::domain
