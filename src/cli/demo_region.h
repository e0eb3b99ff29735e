// The demo region "Rotterdam e.o.": care groups, practices, hospitals, a ZBC, a kaderarts group
// and an insurer; pools for eight specialties with agreements; a user of every role; consults in
// every state with Dutch clinical texts. Consults are made through the real use cases, so the
// demo obeys every rule the product does.
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "store/database.h"

namespace meekijk::cli {

struct DemoAccount {
  std::string username;
  std::string role;
  std::string organisation;
  std::string display_name;
  std::string otp_secret;  // base32: the demo accounts come enrolled with a second factor
  int64_t organisation_id = 0;
  std::string organisation_kind;  // "care_group", "hospital", …
};

// Fills an empty database; kConflict when it already holds organisations.
// With `history`, also the region's past year (demo_history.h).
Result<std::vector<DemoAccount>> CreateDemoRegion(store::Database& database, const Clock& clock,
                                                  const std::string& password, bool history = true);

}  // namespace meekijk::cli
