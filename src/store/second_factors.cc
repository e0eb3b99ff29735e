// Queries for second factors and recovery codes.
#include "store/second_factors.h"

#include "store/columns.h"
#include "store/tx.h"

namespace meekijk::store {
namespace {

using F = SecondFactorRecord;
using W = Written;

// clang-format off
const Table<F> kSecondFactors{"second_factors", "", {
    Key<F>("user_id", [](auto& f) -> auto& { return f.user_id; }),
    Field<F>("secret", W::kAlways, [](auto& f) -> auto& { return f.secret; }),
    Field<F>("pending_secret", W::kAlways, [](auto& f) -> auto& { return f.pending_secret; }),
    Field<F>("confirmed_at", W::kAlways, [](auto& f) -> auto& { return f.confirmed_at; }),
    Field<F>("last_step", W::kAlways, [](auto& f) -> auto& { return f.last_step; }),
    Field<F>("updated_at", W::kAlways, [](auto& f) -> auto& { return f.updated_at; }),
}};
// clang-format on

// One context for both columns: confirming moves the sealed pending secret into `secret`.
constexpr std::string_view kSecretContext = "second_factors.secret";
constexpr std::string_view kSetSecrets =
    "UPDATE second_factors SET secret = ?, pending_secret = ? WHERE user_id = ?";

constexpr std::string_view kSetPending =
    "INSERT INTO second_factors (user_id, pending_secret, last_step, updated_at) "
    "VALUES (?, ?, 0, ?) "
    "ON CONFLICT (user_id) DO UPDATE SET pending_secret = excluded.pending_secret, "
    "updated_at = excluded.updated_at";
constexpr std::string_view kConfirm =
    "UPDATE second_factors SET secret = pending_secret, pending_secret = NULL, confirmed_at = ?, "
    "last_step = ?, updated_at = ? WHERE user_id = ? AND pending_secret IS NOT NULL";
constexpr std::string_view kUseStep =
    "UPDATE second_factors SET last_step = ? WHERE user_id = ? AND secret IS NOT NULL "
    "AND last_step < ?";
constexpr std::string_view kHasConfirmed =
    "SELECT COUNT(*) FROM second_factors WHERE user_id = ? AND secret IS NOT NULL";
constexpr std::string_view kWithSecondFactor =
    "SELECT user_id FROM second_factors WHERE secret IS NOT NULL ORDER BY user_id";
constexpr std::string_view kRemove = "DELETE FROM second_factors WHERE user_id = ?";
constexpr std::string_view kRemoveCodes = "DELETE FROM recovery_codes WHERE user_id = ?";
constexpr std::string_view kInsertCode =
    "INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)";
constexpr std::string_view kUnusedCodes =
    "SELECT id, code_hash FROM recovery_codes WHERE user_id = ? AND used_at IS NULL ORDER BY id";
constexpr std::string_view kUseCode =
    "UPDATE recovery_codes SET used_at = ? WHERE id = ? AND used_at IS NULL";

}  // namespace

SecondFactorRepository Tx::second_factors() {
  return SecondFactorRepository(statements_, cipher_);
}

std::optional<std::string> SecondFactorRepository::Opened(
    const std::optional<std::string>& sealed) const {
  if (!sealed || cipher_ == nullptr || !cipher_->IsSealed(*sealed)) return sealed;
  std::optional<std::string> plain = cipher_->Open(*sealed, kSecretContext);
  if (!plain) throw RowError(std::string(kSecretContext), "no key opens it, or it was changed");
  return plain;
}

Result<std::optional<SecondFactorRecord>> SecondFactorRepository::Find(int64_t user_id) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kSecondFactors.Select("WHERE user_id = ?"), {user_id}));
  std::optional<SecondFactorRecord> record = kSecondFactors.ReadFirst(rows);
  if (record) {
    record->secret = Opened(record->secret);
    record->pending_secret = Opened(record->pending_secret);
  }
  return record;
}

Result<void> SecondFactorRepository::SetPending(int64_t user_id, const std::string& secret,
                                                TimePoint now) {
  if (cipher_ == nullptr) return MakeFact(ErrorCode::kInternal, "no_encryption_key");
  MK_RETURN_IF_ERROR(sql_.Execute(kSetPending, {user_id, cipher_->Seal(secret, kSecretContext),
                                                ToUnixMillis(now)}));
  return Ok();
}

Result<int64_t> SecondFactorRepository::ResealSecrets() {
  if (cipher_ == nullptr) return MakeFact(ErrorCode::kInternal, "no_encryption_key");
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kSecondFactors.Select("")));
  int64_t resealed = 0;
  for (const Row& row : rows) {
    SecondFactorRecord stored = kSecondFactors.Read(row);
    auto reseal = [&](const std::optional<std::string>& value) -> SqlValue {
      if (!value) return SqlValue();
      return cipher_->Seal(*Opened(value), kSecretContext);
    };
    MK_RETURN_IF_ERROR(sql_.Execute(kSetSecrets, {reseal(stored.secret),
                                                  reseal(stored.pending_secret), stored.user_id}));
    ++resealed;
  }
  return resealed;
}

Result<bool> SecondFactorRepository::Confirm(int64_t user_id, int64_t step, TimePoint now) {
  MK_ASSIGN_OR_RETURN(int64_t changed, sql_.Execute(kConfirm, {ToUnixMillis(now), step,
                                                               ToUnixMillis(now), user_id}));
  return changed == 1;
}

Result<bool> SecondFactorRepository::UseStep(int64_t user_id, int64_t step) {
  MK_ASSIGN_OR_RETURN(int64_t changed, sql_.Execute(kUseStep, {step, user_id, step}));
  return changed == 1;
}

Result<bool> SecondFactorRepository::HasConfirmed(int64_t user_id) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kHasConfirmed, {user_id}));
  return !rows.empty() && rows.front().Int(0) > 0;
}

Result<std::vector<int64_t>> SecondFactorRepository::UsersWithSecondFactor() {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kWithSecondFactor));
  std::vector<int64_t> users;
  for (const Row& row : rows) users.push_back(row.Int(0));
  return users;
}

Result<void> SecondFactorRepository::Remove(int64_t user_id) {
  MK_RETURN_IF_ERROR(sql_.Execute(kRemoveCodes, {user_id}));
  MK_RETURN_IF_ERROR(sql_.Execute(kRemove, {user_id}));
  return Ok();
}

Result<void> SecondFactorRepository::ReplaceRecoveryCodes(int64_t user_id,
                                                          const std::vector<std::string>& hashes) {
  MK_RETURN_IF_ERROR(sql_.Execute(kRemoveCodes, {user_id}));
  for (const std::string& hash : hashes) {
    MK_RETURN_IF_ERROR(sql_.Execute(kInsertCode, {user_id, hash}));
  }
  return Ok();
}

Result<std::vector<RecoveryCodeRecord>> SecondFactorRepository::UnusedRecoveryCodes(
    int64_t user_id) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kUnusedCodes, {user_id}));
  std::vector<RecoveryCodeRecord> codes;
  for (const Row& row : rows) codes.push_back({row.Int(0), row.Text(1)});
  return codes;
}

Result<bool> SecondFactorRepository::UseRecoveryCode(int64_t id, TimePoint now) {
  MK_ASSIGN_OR_RETURN(int64_t changed, sql_.Execute(kUseCode, {ToUnixMillis(now), id}));
  return changed == 1;
}

}  // namespace meekijk::store
