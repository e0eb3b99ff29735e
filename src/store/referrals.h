// The referral a consult became: the letter the GP sent after the advice "refer", kept with the
// consult (its number and thread), so that the patient's path shows the consult that came first.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "store/statements.h"

namespace meekijk::store {

struct ReferralRecord {
  int64_t consult_id = 0;
  std::string letter;
  int64_t sent_by = 0;
  TimePoint sent_at;
  bool operator==(const ReferralRecord&) const = default;
};

class ReferralRepository {
 public:
  explicit ReferralRepository(Statements& statements) : sql_(statements) {}

  // kConflict (reason "duplicate") when the consult has a referral already.
  Result<void> Insert(const ReferralRecord& referral);
  Result<std::optional<ReferralRecord>> Find(int64_t consult_id);

 private:
  Statements& sql_;
};

}  // namespace meekijk::store
