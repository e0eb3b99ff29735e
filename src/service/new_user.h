// Adding a person (private to the service layer): the checks and the rows that the command line,
// the demo and a coordinator's invitation share, inside the caller's unit of work.
#pragma once

#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "service/directory_service.h"
#include "store/tx.h"

namespace meekijk::service {

// Refuses a blank username or name, a malformed AGB code, a taken username (kConflict), an unknown
// organisation or a role that does not belong there (a GP in a hospital); returns the new id.
Result<int64_t> InsertNewUser(store::Tx& tx, const NewUser& user, const std::string& password_hash,
                              TimePoint now);

}  // namespace meekijk::service
