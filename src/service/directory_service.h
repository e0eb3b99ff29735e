// The region's directory: organisations, people, specialties, pools and agreements. Admin
// operations (used by the command line and the demo) validate what they store; the question
// "which specialties may I consult?" answers from the agreements.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/agreement.h"
#include "domain/directory.h"
#include "domain/icpc.h"
#include "domain/question_template.h"
#include "service/pool_option.h"
#include "service/principal.h"

namespace meekijk::store {
class Database;
}

namespace meekijk::service {

struct NewUser {
  std::string username;
  std::string display_name;
  std::string email;
  std::optional<std::string> agb;
  std::string password;
  std::vector<std::pair<int64_t, domain::Role>> memberships;  // organisation id, role
};

// A pool an agreement in force offers, with what that agreement asks.
struct OfferedPool {
  PoolOption pool;
  int response_days = 0;
  std::vector<domain::ConsultMode> modes;
  bool named_specialist_allowed = true;
  std::optional<domain::QuestionTemplate> question_template;  // its current version
};

struct SpecialtyOption {
  domain::Specialty specialty;
  std::vector<domain::ConsultMode> modes;  // the modes the caller's agreements allow
  std::vector<OfferedPool> pools;          // one per pool, under the oldest agreement for it
};

class DirectoryService {
 public:
  DirectoryService(store::Database& database, const Clock& clock)
      : database_(database), clock_(clock) {}

  Result<int64_t> AddOrganisation(const domain::Organisation& organisation);
  // Hashes the password; refuses a taken username, a short password, or a role that does not
  // belong in the organisation (a GP in a hospital).
  Result<int64_t> AddUser(const NewUser& user);
  // Reuses an already computed Argon2id hash: for bulk loads (the demo) where hashing every
  // user's identical password would only cost time.
  Result<int64_t> AddUserWithHash(const NewUser& user, const std::string& password_hash);
  Result<void> AddSpecialty(const domain::Specialty& specialty);
  Result<std::vector<domain::Organisation>> ListOrganisations();
  Result<bool> IsEmpty();

  // ICPC-1 codes matching a code prefix or a word of the Dutch description, for any signed-in
  // user (the list is public reference data).
  std::vector<const domain::IcpcCode*> SearchIcpc(const Principal& principal,
                                                  std::string_view query, size_t limit) const;

  // The specialties the caller may consult (GPs, assistants) or answers for (specialists).
  Result<std::vector<SpecialtyOption>> SpecialtiesFor(const Principal& principal);

 private:
  store::Database& database_;
  const Clock& clock_;
};

}  // namespace meekijk::service
