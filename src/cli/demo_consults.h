// The demo's consults: one or more in every state of the life cycle, with Dutch clinical texts.
#pragma once

#include <map>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "store/database.h"

namespace meekijk::cli {

struct DemoPeople {
  std::map<std::string, int64_t> user_ids;  // by username
  std::map<std::string, int64_t> pool_ids;  // by pool key
  std::map<std::string, int64_t> agreement_ids;  // by "gp organisation key/pool key"
};

Result<void> CreateDemoConsults(store::Database& database, const Clock& clock,
                                const DemoPeople& people);

}  // namespace meekijk::cli
