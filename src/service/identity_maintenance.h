// Maintenance of the sealed patient identities: after `meekijk keys rotate` made a new key
// current, every consult's BSN, name and date of birth is re-sealed under it (and plain text
// from before encryption is sealed), in batches of their own transactions; so are the users'
// second-factor secrets.
#pragma once

#include <cstdint>
#include <functional>

#include "core/result.h"

namespace meekijk::store {
class Database;
}

namespace meekijk::service {

// Returns how many consults were re-sealed; `progress` hears the consults looked at so far.
Result<int64_t> ResealIdentities(store::Database& database,
                                 const std::function<void(int64_t)>& progress = {});

}  // namespace meekijk::service
