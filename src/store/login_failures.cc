// Queries for the shared login throttle.
#include "store/login_failures.h"

#include "store/tx.h"

namespace meekijk::store {
namespace {

constexpr std::string_view kFind =
    "SELECT counter_key, failures, last_at FROM login_failures WHERE counter_key = ?";
constexpr std::string_view kCount =
    "INSERT INTO login_failures (counter_key, failures, last_at) VALUES (?, 1, ?) "
    "ON CONFLICT (counter_key) DO UPDATE SET failures = CASE "
    "WHEN login_failures.last_at < ? THEN 1 ELSE login_failures.failures + 1 END, "
    "last_at = excluded.last_at";
constexpr std::string_view kClear = "DELETE FROM login_failures WHERE counter_key = ?";
constexpr std::string_view kIsKnown =
    "SELECT COUNT(*) FROM login_known_addresses WHERE counter_key = ?";
constexpr std::string_view kRemember =
    "INSERT INTO login_known_addresses (counter_key, last_at) VALUES (?, ?) "
    "ON CONFLICT (counter_key) DO UPDATE SET last_at = excluded.last_at";
constexpr std::string_view kForgetCounters = "DELETE FROM login_failures WHERE last_at < ?";
constexpr std::string_view kForgetKnown = "DELETE FROM login_known_addresses WHERE last_at < ?";

}  // namespace

LoginFailureRepository Tx::login_failures() { return LoginFailureRepository(statements_); }

Result<std::vector<FailureCounter>> LoginFailureRepository::Find(
    const std::vector<std::string>& keys) {
  std::vector<FailureCounter> out;
  for (const std::string& key : keys) {
    MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kFind, {key}));
    for (const Row& row : rows) {
      out.push_back({row.Text(0), row.Int(1), FromUnixMillis(row.Int(2))});
    }
  }
  return out;
}

Result<void> LoginFailureRepository::Count(const std::string& key, TimePoint now,
                                           TimePoint forget_before) {
  MK_RETURN_IF_ERROR(
      sql_.Execute(kCount, {key, ToUnixMillis(now), ToUnixMillis(forget_before)}));
  return Ok();
}

Result<void> LoginFailureRepository::Clear(const std::string& key) {
  MK_RETURN_IF_ERROR(sql_.Execute(kClear, {key}));
  return Ok();
}

Result<bool> LoginFailureRepository::IsKnown(const std::string& key) {
  MK_ASSIGN_OR_RETURN(Rows rows, sql_.Query(kIsKnown, {key}));
  return !rows.empty() && rows.front().Int(0) > 0;
}

Result<void> LoginFailureRepository::Remember(const std::string& key, TimePoint now) {
  MK_RETURN_IF_ERROR(sql_.Execute(kRemember, {key, ToUnixMillis(now)}));
  return Ok();
}

Result<int64_t> LoginFailureRepository::Forget(TimePoint counters_before,
                                               TimePoint known_before) {
  MK_ASSIGN_OR_RETURN(int64_t counters,
                      sql_.Execute(kForgetCounters, {ToUnixMillis(counters_before)}));
  MK_ASSIGN_OR_RETURN(int64_t known, sql_.Execute(kForgetKnown, {ToUnixMillis(known_before)}));
  return counters + known;
}

}  // namespace meekijk::store
