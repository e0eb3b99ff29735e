// The authorisation check every consult request starts with: service::RoleOnConsult, the
// decision whether (and as what) a principal may see a consult. It is answered from the
// principal's memberships and pools, except for a coordinator, whose pool's organisation is read
// from the store; so it runs inside one read transaction on a real SQLite database. The
// reference is a std::unordered_map lookup of a role by consult id: what a precomputed answer
// would cost.
#include <benchmark/benchmark.h>

#include <stdexcept>
#include <unordered_map>

#include "service/consult_access.h"
#include "store/agreements.h"
#include "store/directory.h"
#include "store/tx.h"
#include "testing/test_database.h"

namespace meekijk {
namespace {

using domain::Role;

enum class Who { kGp, kPoolSpecialist, kCoordinator, kOtherPractice };

// A practice, a hospital with three pools, and a sent consult from the practice to the last pool.
struct AuthorizationWorld {
  testing::TestDatabase place{testing::Engine::kSqlite};
  std::unique_ptr<store::Database> db = place.Open();
  int64_t practice = 0, other_practice = 0, hospital = 0;
  std::vector<domain::Pool> pools;
  domain::Consult consult;

  AuthorizationWorld() {
    Result<void> seeded = db->Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
      TimePoint now = FromUnixMillis(1772442900000);
      store::DirectoryRepository directory = tx.directory();
      store::AgreementRepository agreements = tx.agreements();
      auto organisation = [&](domain::OrgKind kind, const char* name, const char* agb) {
        return directory.InsertOrganisation({0, kind, name, agb, {}, "Rotterdam"}, now);
      };
      using domain::OrgKind;
      MK_ASSIGN_OR_RETURN(practice, organisation(OrgKind::kGpPractice, "Noord", "01234567"));
      MK_ASSIGN_OR_RETURN(other_practice, organisation(OrgKind::kGpPractice, "Zuid", "01234568"));
      MK_ASSIGN_OR_RETURN(hospital, organisation(OrgKind::kHospital, "Maasstad", "06123456"));
      for (const char* code : {"cardiologie", "neurologie", "dermatologie"}) {
        MK_RETURN_IF_ERROR(agreements.UpsertSpecialty({code, code, code, {}, 0}));
        domain::Pool pool{0, hospital, code, code};
        MK_ASSIGN_OR_RETURN(pool.id, agreements.InsertPool(pool));
        pools.push_back(pool);
      }
      return Ok();
    });
    if (!seeded.ok()) throw std::runtime_error("seeding failed: " + seeded.error().message.en);
    consult.id = 42;
    consult.status = domain::ConsultStatus::kSent;
    consult.practice_id = practice;
    consult.pool_id = pools.back().id;
  }

  // Realistic principals: a GP in two practices, a specialist in three pools, a coordinator.
  service::Principal PrincipalFor(Who who) const {
    service::Principal p;
    p.user.id = 9;
    auto member = [&](int64_t organisation, Role role) {
      p.memberships.push_back({organisation, role, "", domain::OrgKind::kGpPractice, {}});
    };
    switch (who) {
      case Who::kGp:
        member(other_practice, Role::kGp);
        member(practice, Role::kGp);
        break;
      case Who::kPoolSpecialist:
        member(hospital, Role::kSpecialist);
        p.pools = pools;
        break;
      case Who::kCoordinator:
        member(hospital, Role::kCoordinator);
        break;
      case Who::kOtherPractice:
        member(other_practice, Role::kGp);
        break;
    }
    return p;
  }
};

AuthorizationWorld& TheAuthorizationWorld() {
  static AuthorizationWorld world;
  return world;
}

void BM_RoleOnConsult(benchmark::State& state, Who who) {
  AuthorizationWorld& world = TheAuthorizationWorld();
  service::Principal principal = world.PrincipalFor(who);
  Result<void> ran = world.db->Run(store::Access::kRead, [&](store::Tx& tx) -> Result<void> {
    for (auto _ : state) {
      Result<Role> role = service::RoleOnConsult(tx, principal, world.consult);
      benchmark::DoNotOptimize(role);
    }
    return Ok();
  });
  if (!ran.ok()) state.SkipWithError("the read transaction failed");
}
BENCHMARK_CAPTURE(BM_RoleOnConsult, gp_of_practice, Who::kGp);
BENCHMARK_CAPTURE(BM_RoleOnConsult, pool_specialist, Who::kPoolSpecialist);
BENCHMARK_CAPTURE(BM_RoleOnConsult, coordinator_reads_store, Who::kCoordinator);
// The refusal: another practice's consult does not exist for them (an error value is built).
BENCHMARK_CAPTURE(BM_RoleOnConsult, refused_other_practice, Who::kOtherPractice);

// Reference: the role looked up by consult id in a table of 10,000.
void BM_RoleOnConsultReferenceMap(benchmark::State& state) {
  std::unordered_map<int64_t, Role> roles;
  for (int64_t id = 0; id < 10000; ++id) roles.emplace(id, Role::kGp);
  int64_t id = 4242;
  for (auto _ : state) {
    benchmark::DoNotOptimize(roles.find(id));
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_RoleOnConsultReferenceMap);

}  // namespace
}  // namespace meekijk
