// Adding the organisations and people of a generated dataset, then reading every route back.
#include "cli/dataset_world.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "core/integer.h"
#include "domain/agreement.h"
#include "domain/calendar.h"
#include "domain/directory.h"
#include "store/agreements.h"
#include "store/database.h"
#include "store/directory.h"
#include "store/tx.h"

namespace meekijk::cli {
namespace {

using domain::OrgKind;
using domain::Role;

// One region of the national dataset has about this many practices (25 regions in all).
constexpr int kPracticesPerRegion = 200;
constexpr int kHospitalsPerRegion = 3;

// AGB codes of generated people and organisations: the type prefix (01 GPs, 03 specialists,
// 06 hospitals), then a 9 that demo and test data do not use, then a serial number.
std::string Agb(const char* prefix, int serial) {
  char code[16];
  std::snprintf(code, sizeof code, "%s9%05d", prefix, serial);
  return code;
}

std::string Padded(const char* format, int n) {
  char text[48];
  std::snprintf(text, sizeof text, format, n);
  return text;
}

struct Adder {
  store::Tx& tx;
  TimePoint now;

  Result<int64_t> Organisation(OrgKind kind, std::string name, std::optional<std::string> agb,
                               std::optional<int64_t> parent, const std::string& region) {
    domain::Organisation organisation;
    organisation.kind = kind;
    organisation.name = std::move(name);
    organisation.agb = std::move(agb);
    organisation.parent_id = parent;
    organisation.region = region;
    return tx.directory().InsertOrganisation(organisation, now);
  }

  // People of the generated dataset have no password: nobody logs in as them.
  Result<int64_t> Person(const std::string& username, const std::string& name, std::string agb,
                         int64_t organisation_id, Role role) {
    domain::User user;
    user.username = username;
    user.display_name = name;
    user.email = username + "@example.nl";
    user.agb = std::move(agb);
    MK_ASSIGN_OR_RETURN(int64_t id, tx.directory().InsertUser(user, now));
    MK_RETURN_IF_ERROR(tx.directory().AddMembership(id, organisation_id, role));
    return id;
  }
};

// Response times agreed per specialty: dermatology answers fastest (photos), most within a week.
int ResponseDays(std::string_view specialty) {
  if (specialty == "dermatologie") return 2;
  if (specialty == "cardiologie" || specialty == "neurologie") return 3;
  return 5;
}

Result<void> AddRegions(store::Tx& tx, const DatasetScale& scale, TimePoint now,
                        std::mt19937_64& random, World& world) {
  if (scale.practices <= 0) return Ok();
  Adder add{tx, now};
  MK_ASSIGN_OR_RETURN(std::vector<domain::Specialty> specialties, tx.agreements().Specialties());
  int regions = std::max(1, (scale.practices + kPracticesPerRegion - 1) / kPracticesPerRegion);
  int pools_total = regions * static_cast<int>(specialties.size());
  // Serial numbers continue after what the database holds, so that a second run adds to the first.
  MK_ASSIGN_OR_RETURN(std::vector<domain::User> users, tx.directory().ListUsers());
  MK_ASSIGN_OR_RETURN(std::vector<domain::Organisation> existing, tx.directory().ListOrganisations());
  int gp_serial = static_cast<int>(users.size()), specialist_serial = gp_serial;
  int practice_serial = static_cast<int>(existing.size()), hospital_serial = practice_serial;
  std::string valid_from = domain::AmsterdamIsoDate(now - std::chrono::hours(24 * 366 * scale.years));
  for (int r = 0; r < regions; ++r) {
    std::string region = Padded("Regio %02d", r + 1);
    MK_ASSIGN_OR_RETURN(int64_t care_group, add.Organisation(OrgKind::kCareGroup,
                                                             "Zorggroep " + region, std::nullopt,
                                                             std::nullopt, region));
    int practices = scale.practices / regions + (r < scale.practices % regions ? 1 : 0);
    int gps = scale.gps / regions + (r < scale.gps % regions ? 1 : 0);
    std::vector<int64_t> practice_ids;
    for (int p = 0; p < practices; ++p) {
      ++practice_serial;
      MK_ASSIGN_OR_RETURN(int64_t id, add.Organisation(OrgKind::kGpPractice,
                                                       Padded("Huisartsenpraktijk %05d", practice_serial),
                                                       Agb("01", practice_serial + 50000),
                                                       care_group, region));
      practice_ids.push_back(id);
      world.practices_added++;
    }
    // Every practice has at least one GP; the rest are spread at random (solo and group practices).
    for (int g = 0; g < std::max(gps, practices); ++g) {
      size_t practice = g < practices ? static_cast<size_t>(g) : random() % practice_ids.size();
      ++gp_serial;
      MK_RETURN_IF_ERROR(add.Person(Padded("gen.huisarts.%05d", gp_serial),
                                    Padded("Huisarts %05d", gp_serial), Agb("01", gp_serial),
                                    practice_ids[practice], Role::kGp));
      world.gps_added++;
    }
    std::vector<int64_t> hospitals;
    for (int h = 0; h < kHospitalsPerRegion; ++h) {
      ++hospital_serial;
      MK_ASSIGN_OR_RETURN(int64_t id, add.Organisation(OrgKind::kHospital,
                                                       Padded("Ziekenhuis %03d", hospital_serial),
                                                       Agb("06", hospital_serial), std::nullopt,
                                                       region));
      hospitals.push_back(id);
    }
    for (size_t s = 0; s < specialties.size(); ++s) {
      const domain::Specialty& specialty = specialties[s];
      domain::Pool pool;
      pool.organisation_id = hospitals[s % hospitals.size()];
      pool.specialty = specialty.code;
      pool.name = specialty.name_nl + " " + region;
      MK_ASSIGN_OR_RETURN(pool.id, tx.agreements().InsertPool(pool));
      int pool_index = r * static_cast<int>(specialties.size()) + static_cast<int>(s);
      int members = std::max(1, scale.specialists / pools_total +
                                    (pool_index < scale.specialists % pools_total ? 1 : 0));
      for (int m = 0; m < members; ++m) {
        ++specialist_serial;
        MK_ASSIGN_OR_RETURN(int64_t id, add.Person(Padded("gen.specialist.%05d", specialist_serial),
                                                   Padded("Specialist %05d", specialist_serial),
                                                   Agb("03", specialist_serial),
                                                   pool.organisation_id, Role::kSpecialist));
        MK_RETURN_IF_ERROR(tx.agreements().AddPoolMember(pool.id, id));
        world.specialists_added++;
      }
      domain::Agreement agreement;
      agreement.gp_organisation_ids = {care_group};
      agreement.pool_id = pool.id;
      agreement.specialty = specialty.code;
      agreement.modes = {domain::ConsultMode::kDigital, domain::ConsultMode::kPhysical};
      agreement.response_days = ResponseDays(specialty.code);
      agreement.gp_fee_cents = 5000;
      agreement.specialist_fee_cents = 7000;
      agreement.valid_from = valid_from;
      agreement.changed_at = now;
      MK_RETURN_IF_ERROR(tx.agreements().Insert(agreement, now));
    }
  }
  return Ok();
}

// Every practice with a GP, and per specialty the first agreement that covers it (itself or its
// care group), is in force, has specialists and needs no identification (the bulk path writes
// pseudonymised consults only).
Result<void> ReadRoutes(store::Tx& tx, const std::string& today, World& world) {
  MK_ASSIGN_OR_RETURN(std::vector<domain::Organisation> organisations,
                      tx.directory().ListOrganisations());
  MK_ASSIGN_OR_RETURN(std::vector<store::UserMembership> memberships,
                      tx.directory().AllMemberships());
  MK_ASSIGN_OR_RETURN(std::vector<domain::Agreement> agreements, tx.agreements().All());
  std::map<int64_t, std::vector<size_t>> routes_of_gp_organisation;
  for (const domain::Agreement& agreement : agreements) {
    if (agreement.requires_identification || agreement.valid_from > today ||
        (agreement.valid_until && *agreement.valid_until < today)) {
      continue;
    }
    Route route;
    route.agreement_id = agreement.id;
    route.agreement_version = agreement.version;
    route.pool_id = agreement.pool_id;
    route.response_days = agreement.response_days;
    MK_ASSIGN_OR_RETURN(route.specialists, tx.agreements().PoolMembers(agreement.pool_id));
    if (route.specialists.empty()) continue;
    world.routes.push_back(std::move(route));
    for (int64_t organisation : agreement.gp_organisation_ids) {
      routes_of_gp_organisation[organisation].push_back(world.routes.size() - 1);
    }
  }
  std::map<int64_t, std::vector<int64_t>> gps_of_practice;
  for (const store::UserMembership& member : memberships) {
    if (member.membership.role == Role::kGp) {
      gps_of_practice[member.membership.organisation_id].push_back(member.user_id);
    }
  }
  for (const domain::Organisation& organisation : organisations) {
    if (organisation.kind != OrgKind::kGpPractice) continue;
    Practice practice;
    practice.id = organisation.id;
    practice.gps = gps_of_practice[organisation.id];
    for (int64_t covering : {organisation.id, organisation.parent_id.value_or(-1)}) {
      for (size_t route : routes_of_gp_organisation[covering]) {
        const domain::Agreement& agreement = *std::find_if(
            agreements.begin(), agreements.end(),
            [&](const domain::Agreement& a) { return a.id == world.routes[route].agreement_id; });
        practice.routes.emplace(agreement.specialty, route);
      }
    }
    if (!practice.gps.empty() && !practice.routes.empty()) world.practices.push_back(practice);
  }
  return Ok();
}

}  // namespace

Result<DatasetScale> ParseScale(std::string_view text) {
  DatasetScale scale;
  if (text == "national") {
    scale = DatasetScale{10'000'000, 5000, 13000, 25000, 5};
  } else if (text == "region") {
    scale = DatasetScale{400'000, 200, 520, 1000, 5};
  } else if (std::optional<int64_t> consults = ParseInteger<int64_t>(text);
             consults && *consults >= 0 && *consults <= 100'000'000) {
    // In the national proportions: one practice per 2 000 consults, 2.6 GPs a practice.
    scale.consults = *consults;
    scale.practices = static_cast<int>(std::max<int64_t>(1, *consults / 2000));
    scale.gps = scale.practices * 13 / 5;
    scale.specialists = scale.practices * 5;
  } else {
    return MakeError(ErrorCode::kInvalidArgument,
                     "--scale is national, region of een aantal consulten (tot 100 miljoen).",
                     "--scale is national, region or a number of consults (up to 100 million).");
  }
  return scale;
}

Result<World> BuildWorld(store::Database& database, const DatasetScale& scale, TimePoint now,
                         std::mt19937_64& random) {
  World world;
  MK_RETURN_IF_ERROR(database.Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
    world = World{};
    MK_RETURN_IF_ERROR(AddRegions(tx, scale, now, random, world));
    return ReadRoutes(tx, domain::AmsterdamIsoDate(now), world);
  }));
  if (world.practices.empty()) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Geen praktijk met een huisarts en een afspraak om consulten voor te maken.",
                     "No practice with a GP and an agreement to make consults for.");
  }
  return world;
}

}  // namespace meekijk::cli
