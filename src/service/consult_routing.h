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

// Finds the agreement the consult would be sent under today (a 422 naming the specialty when none
// covers its specialty and mode for the practice, or the chosen pool) and binds the consult to the
// agreement's question template: the version the consult already holds of that template, else
// the template's current one. Checks the answers against that version, as for a draft.
Result<void> BindTemplate(store::Tx& tx, TimePoint now, domain::Consult& consult);

// Routes a draft under an agreement and starts its response clock: checks the template's required
// answers (a photo field needs an attachment), whether the agreement lets the GP name a
// specialist, and keeps the agreement's version.
Result<void> Route(store::Tx& tx, const Principal& principal, TimePoint now,
                   domain::Consult& consult);

}  // namespace meekijk::service
