// Where a consult goes (private to the service layer): checking what the GP addressed it to, and
// routing it under an agreement when it is sent.
#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "domain/consult.h"
#include "service/principal.h"

namespace meekijk::store {
class Tx;
}

namespace meekijk::service {

// Checks that the specialty exists, that a chosen pool answers for it, and that a named
// specialist belongs to such a pool (whose id it then fills in).
Result<void> ValidateSpecialtyAndAddressee(store::Tx& tx, domain::Consult& consult);

// Routes a draft under an agreement and starts its response clock.
Result<void> Route(store::Tx& tx, const Principal& principal, TimePoint now,
                   domain::Consult& consult);

}  // namespace meekijk::service
