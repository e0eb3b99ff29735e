// Slowing down password and code guessing (ASVS 2.2.1) without a lock-out an attacker can
// trigger. Failures are counted per account and client address, per client address and per
// account; past a limit each counter makes the next attempt wait, doubling from one second up to
// `max_delay`, and a counter forgets once a window has passed without failures. The window (an
// hour) is longer than the longest delay (15 minutes), so that waiting out the delays never
// resets a counter: a guesser from many addresses gets about 62 attempts at one account in the
// first hour and 4 an hour after, under ASVS's 100. The per-account
// counter, the one that a botnet could use to keep the real user out, does not hold back an
// address from which the account logged in before: the user's own practice gets in.
//
// The counters live in the database (store/login_failures.h), so that every node of a cluster
// counts the same failures: more nodes do not allow more guesses. Their keys are BLAKE2b hashes of
// account and address, so the table names no one.
#pragma once

#include <atomic>
#include <chrono>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace meekijk::store {
class Database;
}

namespace meekijk::service {

struct ThrottleLimits {
  int per_account_and_address = 5;
  int per_address = 30;
  int per_account = 50;
  std::chrono::seconds window{60 * 60};
  std::chrono::seconds max_delay{15 * 60};
  // How long an address the account logged in from counts as the account's own.
  std::chrono::hours known_address_kept{24 * 90};
};

class LoginThrottle {
 public:
  LoginThrottle(store::Database& database, ThrottleLimits limits = {})
      : database_(database), limits_(limits) {}

  // The account a username counts for: without case, so that "DeVries" and "devries" share one.
  static std::string AccountOf(std::string_view username);

  // How long the caller must wait before this attempt is looked at; zero when it may go ahead.
  // When the database cannot answer, zero: the attempt then fails on the database anyway.
  std::chrono::seconds RetryAfter(std::string_view account, std::string_view address,
                                  TimePoint now);
  void Failed(std::string_view account, std::string_view address, TimePoint now);
  // Clears the account's counter for this address and remembers the address as the account's.
  void Succeeded(std::string_view account, std::string_view address, TimePoint now);

 private:
  std::chrono::seconds Wait(int64_t failures, TimePoint last, int limit, TimePoint now) const;

  store::Database& database_;
  ThrottleLimits limits_;
  std::atomic<int64_t> last_sweep_ms_{0};  // when this node last dropped forgotten counters
};

}  // namespace meekijk::service
