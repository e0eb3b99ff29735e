// Counting failed logins in the database and computing the wait.
#include "service/login_throttle.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "auth/token.h"
#include "core/log.h"
#include "store/database.h"
#include "store/login_failures.h"
#include "store/tx.h"

namespace meekijk::service {
namespace {

// Opaque keys: the table holds no username or address in the clear.
std::string KeyOf(std::string_view kind, std::string_view account, std::string_view address) {
  return auth::HashSessionToken(std::string(kind) + "\n" + std::string(account) + "\n" +
                                std::string(address));
}
std::string PairKey(std::string_view account, std::string_view address) {
  return KeyOf("pair", account, address);
}
std::string AddressKey(std::string_view address) { return KeyOf("address", "", address); }
std::string AccountKey(std::string_view account) { return KeyOf("account", account, ""); }
std::string KnownKey(std::string_view account, std::string_view address) {
  return KeyOf("known", account, address);
}

constexpr std::chrono::minutes kSweepEvery{1};

}  // namespace

std::string LoginThrottle::AccountOf(std::string_view username) {
  std::string key(username);
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return key;
}

std::chrono::seconds LoginThrottle::Wait(int64_t failures, TimePoint last, int limit,
                                         TimePoint now) const {
  if (failures < limit || now - last >= limits_.window) return std::chrono::seconds(0);
  int64_t doublings = std::min<int64_t>(failures - limit, 20);
  std::chrono::seconds delay =
      std::min(std::chrono::seconds(int64_t{1} << doublings), limits_.max_delay);
  auto waited = std::chrono::duration_cast<std::chrono::seconds>(now - last);
  return delay > waited ? delay - waited : std::chrono::seconds(0);
}

std::chrono::seconds LoginThrottle::RetryAfter(std::string_view account, std::string_view address,
                                               TimePoint now) {
  std::string pair = PairKey(account, address);
  std::string by_address = AddressKey(address);
  std::string by_account = AccountKey(account);
  std::chrono::seconds wait(0);
  Result<void> read = database_.Run(store::Access::kRead, [&](store::Tx& tx) -> Result<void> {
    store::LoginFailureRepository failures = tx.login_failures();
    MK_ASSIGN_OR_RETURN(bool known, failures.IsKnown(KnownKey(account, address)));
    MK_ASSIGN_OR_RETURN(std::vector<store::FailureCounter> counters,
                        failures.Find({pair, by_address, by_account}));
    for (const store::FailureCounter& counter : counters) {
      int limit = counter.key == pair         ? limits_.per_account_and_address
                  : counter.key == by_address ? limits_.per_address
                  : known                     ? -1
                                              : limits_.per_account;
      if (limit < 0) continue;  // the account's own address: not held back by strangers
      wait = std::max(wait, Wait(counter.failures, counter.last_at, limit, now));
    }
    return Ok();
  });
  if (!read.ok()) log::Warn("login_throttle_unavailable", {{"reason", read.error().reason}});
  return wait;
}

void LoginThrottle::Failed(std::string_view account, std::string_view address, TimePoint now) {
  TimePoint forget_before = now - limits_.window;
  int64_t now_ms = ToUnixMillis(now);
  int64_t last_sweep = last_sweep_ms_.load();
  bool sweep = now_ms - last_sweep >= std::chrono::milliseconds(kSweepEvery).count() &&
               last_sweep_ms_.compare_exchange_strong(last_sweep, now_ms);
  Result<void> written = database_.Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
    store::LoginFailureRepository failures = tx.login_failures();
    for (const std::string& key :
         {PairKey(account, address), AddressKey(address), AccountKey(account)}) {
      MK_RETURN_IF_ERROR(failures.Count(key, now, forget_before));
    }
    if (sweep) {
      MK_RETURN_IF_ERROR(failures.Forget(forget_before, now - limits_.known_address_kept));
    }
    return Ok();
  });
  if (!written.ok()) log::Warn("login_throttle_unavailable", {{"reason", written.error().reason}});
}

void LoginThrottle::Succeeded(std::string_view account, std::string_view address, TimePoint now) {
  Result<void> written = database_.Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
    store::LoginFailureRepository failures = tx.login_failures();
    MK_RETURN_IF_ERROR(failures.Clear(PairKey(account, address)));
    return failures.Remember(KnownKey(account, address), now);
  });
  if (!written.ok()) log::Warn("login_throttle_unavailable", {{"reason", written.error().reason}});
}

}  // namespace meekijk::service
