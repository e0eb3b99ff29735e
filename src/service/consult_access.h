// How a caller relates to a consult: the role through which they may see it, if any.
#pragma once

#include "core/result.h"
#include "domain/agreement.h"
#include "domain/consult.h"
#include "service/principal.h"
#include "store/tx.h"

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

// kForbidden unless the specialist is the one who holds (claimed or was named for) the consult:
// a colleague in the same pool may not answer a consult someone else has taken.
Result<void> RequireHolder(const Principal& principal, const domain::Consult& consult);

// Whether the caller sees who the patient is (name, date of birth, BSN, where the agreement made
// the practice fill them in): the practice always; among specialists only the one who has claimed
// the consult. A pool deciding who takes it sees birth year and sex, and a coordinator never
// more (data minimisation, AVG art. 5).
bool SeesPatientIdentity(const Principal& principal, const domain::Consult& consult,
                         domain::Role role);

}  // namespace meekijk::service
