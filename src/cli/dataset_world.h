// The people and organisations of a generated dataset (`meekijk generate`), and the routes a
// practice's consults take: which agreement, pool and specialists answer each specialty. The
// world holds what the database already has (the demo region, say) and what the generator adds,
// so that generated consults also land in the demo's practices and pools.
#pragma once

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"

namespace meekijk::store {
class Database;
}

namespace meekijk::cli {

// How large a dataset is: the national one is the Netherlands (DESIGN, Scale).
struct DatasetScale {
  int64_t consults = 0;
  int practices = 0;
  int gps = 0;
  int specialists = 0;  // specialists and kaderhuisartsen
  int years = 5;
};

// "national", "region" (one of 25) or a number of consults (the rest in proportion).
Result<DatasetScale> ParseScale(std::string_view text);

struct Route {
  int64_t agreement_id = 0;
  int64_t agreement_version = 1;
  int64_t pool_id = 0;
  int response_days = 3;
  std::vector<int64_t> specialists;
};

struct Practice {
  int64_t id = 0;
  std::vector<int64_t> gps;
  std::map<std::string, size_t> routes;  // specialty code -> index in World::routes
};

struct World {
  std::vector<Practice> practices;
  std::vector<Route> routes;
  int practices_added = 0;
  int gps_added = 0;
  int specialists_added = 0;
};

// Adds the scale's organisations and people (beside what exists), in one transaction, and reads
// back every practice with GPs and a route.
Result<World> BuildWorld(store::Database& database, const DatasetScale& scale, TimePoint now,
                         std::mt19937_64& random);

}  // namespace meekijk::cli
