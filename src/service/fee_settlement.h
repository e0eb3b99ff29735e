// Private to the service layer: keeps a closed consult's fee lines equal to what it earns under
// the agreement version it was sent under, in the change's own unit of work. The first lines of
// a side are its fee; every later difference (a corrected outcome) is a visible correction line.
#pragma once

#include <optional>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "domain/consult.h"

namespace meekijk::store {
class Tx;
}

namespace meekijk::service {

Result<void> SettleFees(store::Tx& tx, const domain::Consult& consult, TimePoint now,
                        const std::optional<std::string>& correction_reason = {});

}  // namespace meekijk::service
