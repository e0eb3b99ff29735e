// How a caller relates to a consult, and the rules that follow from it (private to the service
// layer): the role through which they may see it, what they may do, whom it routes to.
#pragma once

#include <vector>

#include "core/result.h"
#include "domain/agreement.h"
#include "domain/consult.h"
#include "domain/consult_state.h"
#include "service/pool_option.h"
#include "service/principal.h"

namespace meekijk::store {
class Tx;
}

namespace meekijk::service {

// GP or assistant of the requesting practice; specialist of the consult's pool or the named or
// claiming specialist; coordinator of the organisation that holds the pool. Specialists and
// coordinators never see drafts. Anyone else gets kNotFound: another organisation's consult does
// not exist for them.
Result<domain::Role> RoleOnConsult(store::Tx& tx, const Principal& principal,
                                   const domain::Consult& consult);

Error ConsultNotFound();

// A practice's place in the region and the agreements that apply to it (its own and its care
// group's), for routing and forwarding.
struct PracticeAgreements {
  domain::PracticeScope scope;
  std::vector<domain::Agreement> agreements;
};
Result<PracticeAgreements> AgreementsOfPractice(store::Tx& tx, int64_t practice_id);

// kForbidden when a specialist acts on a consult that someone claimed, and it is not them: a
// colleague in the same pool may not answer a consult another has taken. On a sent consult any
// member of the pool may act; the practice's roles are not affected.
Result<void> RequireHolderOnceClaimed(const Principal& principal, const domain::Consult& consult,
                                      domain::Role role);

// The actions the caller may take on the consult now: the domain's life-cycle table for their
// role, less what only the holder may do.
std::vector<domain::ConsultAction> AllowedActions(const Principal& principal,
                                                  const domain::Consult& consult,
                                                  domain::Role role);

// Whether the caller sees who the patient is (name, date of birth, BSN, where the agreement made
// the practice fill them in): the practice always; among specialists only the one who has claimed
// the consult. A pool deciding who takes it sees birth year and sex, and a coordinator never
// more (data minimisation, AVG art. 5).
bool SeesPatientIdentity(const Principal& principal, const domain::Consult& consult,
                         domain::Role role);

// A pool as people choosing one see it: its name and its organisation's; nothing when there is no
// such pool (the foreign keys make that impossible; it is skipped, never dereferenced).
Result<std::optional<PoolOption>> PoolOptionOf(store::Tx& tx, int64_t pool_id);

}  // namespace meekijk::service
