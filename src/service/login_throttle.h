// Slowing down password and code guessing (ASVS 2.2.1) without a lock-out an attacker can
// trigger. Failures are counted per account and client address, per client address and per
// account; past a limit each counter makes the next attempt wait, doubling from one second up to
// `max_delay`, and a counter forgets once a window has passed without failures. The per-account
// counter, the one that a botnet could use to keep the real user out, does not hold back an
// address from which the account logged in before: the user's own practice gets in.
//
// Counters are kept in this process: behind a load balancer each node slows guessing down on its
// own, which multiplies the allowed rate by the number of nodes (docs/asvs.md).
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/clock.h"

namespace meekijk::service {

struct ThrottleLimits {
  int per_account_and_address = 5;
  int per_address = 30;
  int per_account = 50;
  std::chrono::seconds window{15 * 60};
  std::chrono::seconds max_delay{15 * 60};
  size_t max_entries = 100'000;  // memory bound: counters past their window are dropped first
};

class LoginThrottle {
 public:
  explicit LoginThrottle(ThrottleLimits limits = {}) : limits_(limits) {}

  // The account a username counts for: without case, so that "DeVries" and "devries" share one.
  static std::string AccountOf(std::string_view username);

  // How long the caller must wait before this attempt is looked at; zero when it may go ahead.
  std::chrono::seconds RetryAfter(std::string_view account, std::string_view address,
                                  TimePoint now);
  void Failed(std::string_view account, std::string_view address, TimePoint now);
  // Clears the account's counters for this address and remembers the address as the account's.
  void Succeeded(std::string_view account, std::string_view address);

 private:
  struct Counter {
    int failures = 0;
    TimePoint last;
  };
  std::chrono::seconds Wait(const std::string& key, int limit, TimePoint now) const;
  void Count(const std::string& key, TimePoint now);
  void DropForgotten(TimePoint now);

  ThrottleLimits limits_;
  std::mutex mutex_;
  std::unordered_map<std::string, Counter> counters_;
  std::unordered_set<std::string> known_addresses_;  // "account\naddress" that logged in before
};

}  // namespace meekijk::service
