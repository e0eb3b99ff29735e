// Second factors: each user's TOTP secret (base32), a new one waiting to be confirmed, the last
// 30-second step accepted (no code is accepted twice), and their one-time recovery codes (only
// salted hashes).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/field_cipher.h"
#include "core/result.h"
#include "store/statements.h"

namespace meekijk::store {

struct SecondFactorRecord {
  int64_t user_id = 0;
  std::optional<std::string> secret;          // in use once confirmed
  std::optional<std::string> pending_secret;  // enrolled, not yet confirmed with a code
  std::optional<TimePoint> confirmed_at;
  int64_t last_step = 0;
  TimePoint updated_at;
  bool operator==(const SecondFactorRecord&) const = default;
};

struct RecoveryCodeRecord {
  int64_t id = 0;
  std::string code_hash;
};

class SecondFactorRepository {
 public:
  // The secrets are sealed with `cipher` (core/field_cipher.h) like the patient's identity: a copy
  // of the database must not let anyone make a user's codes.
  SecondFactorRepository(Statements& statements, const FieldCipher* cipher)
      : sql_(statements), cipher_(cipher) {}

  Result<std::optional<SecondFactorRecord>> Find(int64_t user_id);
  // Sets the secret waiting for confirmation; a confirmed secret stays in use until then.
  Result<void> SetPending(int64_t user_id, const std::string& secret, TimePoint now);
  // The pending secret becomes the one in use, with `step` as its last step. False when nothing
  // was pending (confirmed twice at once: the second loses).
  Result<bool> Confirm(int64_t user_id, int64_t step, TimePoint now);
  // Takes `step` as used when it is later than the last one; false for a replayed or older step.
  // One conditional UPDATE, so that two logins racing with the same code cannot both win.
  Result<bool> UseStep(int64_t user_id, int64_t step);
  // Whether the user has a confirmed second factor, without opening its secret: asked on every
  // request.
  Result<bool> HasConfirmed(int64_t user_id);
  // The users with a confirmed second factor.
  Result<std::vector<int64_t>> UsersWithSecondFactor();
  // The user no longer has a second factor nor recovery codes (an administrator's reset).
  Result<void> Remove(int64_t user_id);

  Result<void> ReplaceRecoveryCodes(int64_t user_id, const std::vector<std::string>& hashes);
  Result<std::vector<RecoveryCodeRecord>> UnusedRecoveryCodes(int64_t user_id);
  // False when the code was used meanwhile.
  Result<bool> UseRecoveryCode(int64_t id, TimePoint now);
  // Re-seals every secret under the cipher's current key (meekijk keys rotate); returns how many.
  Result<int64_t> ResealSecrets();

 private:
  std::optional<std::string> Opened(const std::optional<std::string>& sealed) const;

  Statements& sql_;
  const FieldCipher* cipher_;
};

}  // namespace meekijk::store
