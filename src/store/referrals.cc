// Queries for referrals.
#include "store/referrals.h"

#include "store/columns.h"
#include "store/tx.h"

namespace meekijk::store {
namespace {

using ReferralRow = ReferralRecord;
using W = Written;

// clang-format off
const Table<ReferralRow> kReferrals{"referrals", "", {
    Field<ReferralRow>("consult_id", W::kOnInsert, [](auto& r) -> auto& { return r.consult_id; }),
    Field<ReferralRow>("letter", W::kOnInsert, [](auto& r) -> auto& { return r.letter; }),
    Field<ReferralRow>("sent_by", W::kOnInsert, [](auto& r) -> auto& { return r.sent_by; }),
    Field<ReferralRow>("sent_at", W::kOnInsert, [](auto& r) -> auto& { return r.sent_at; }),
}};
// clang-format on

}  // namespace

ReferralRepository Tx::referrals() { return ReferralRepository(statements_); }

Result<void> ReferralRepository::Insert(const ReferralRecord& referral) {
  MK_RETURN_IF_ERROR(sql_.Execute(kReferrals.insert(), kReferrals.InsertParams(referral)));
  return Ok();
}

Result<std::optional<ReferralRecord>> ReferralRepository::Find(int64_t consult_id) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kReferrals.Select("WHERE consult_id = ?"), {consult_id}));
  return kReferrals.ReadFirst(rows);
}

}  // namespace meekijk::store
