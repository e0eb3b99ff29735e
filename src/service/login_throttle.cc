// Counting failed logins and computing the wait.
#include "service/login_throttle.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace meekijk::service {
namespace {

std::string PairKey(std::string_view account, std::string_view address) {
  return "p\n" + std::string(account) + "\n" + std::string(address);
}
std::string AddressKey(std::string_view address) { return "a\n" + std::string(address); }
std::string AccountKey(std::string_view account) { return "u\n" + std::string(account); }
std::string Known(std::string_view account, std::string_view address) {
  return std::string(account) + "\n" + std::string(address);
}

}  // namespace

std::string LoginThrottle::AccountOf(std::string_view username) {
  std::string key(username);
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return key;
}

std::chrono::seconds LoginThrottle::Wait(const std::string& key, int limit, TimePoint now) const {
  auto it = counters_.find(key);
  if (it == counters_.end() || it->second.failures < limit) return std::chrono::seconds(0);
  const Counter& counter = it->second;
  if (now - counter.last >= limits_.window) return std::chrono::seconds(0);
  int doublings = std::min(counter.failures - limit, 20);
  std::chrono::seconds delay = std::min(std::chrono::seconds(int64_t{1} << doublings),
                                        limits_.max_delay);
  auto waited = std::chrono::duration_cast<std::chrono::seconds>(now - counter.last);
  return delay > waited ? delay - waited : std::chrono::seconds(0);
}

std::chrono::seconds LoginThrottle::RetryAfter(std::string_view account, std::string_view address,
                                               TimePoint now) {
  std::lock_guard lock(mutex_);
  std::chrono::seconds wait = std::max(
      Wait(PairKey(account, address), limits_.per_account_and_address, now),
      Wait(AddressKey(address), limits_.per_address, now));
  if (!known_addresses_.contains(Known(account, address))) {
    wait = std::max(wait, Wait(AccountKey(account), limits_.per_account, now));
  }
  return wait;
}

void LoginThrottle::Count(const std::string& key, TimePoint now) {
  Counter& counter = counters_[key];
  if (counter.failures > 0 && now - counter.last >= limits_.window) counter.failures = 0;
  ++counter.failures;
  counter.last = now;
}

void LoginThrottle::DropForgotten(TimePoint now) {
  if (counters_.size() < limits_.max_entries) return;
  std::erase_if(counters_, [&](const auto& entry) { return now - entry.second.last >= limits_.window; });
  // Still full: an attack from very many addresses. Forget the oldest half rather than grow.
  if (counters_.size() >= limits_.max_entries) {
    std::vector<TimePoint> times;
    for (const auto& [key, counter] : counters_) times.push_back(counter.last);
    std::nth_element(times.begin(), times.begin() + times.size() / 2, times.end());
    TimePoint median = times[times.size() / 2];
    std::erase_if(counters_, [&](const auto& entry) { return entry.second.last < median; });
  }
  if (known_addresses_.size() >= limits_.max_entries) known_addresses_.clear();
}

void LoginThrottle::Failed(std::string_view account, std::string_view address, TimePoint now) {
  std::lock_guard lock(mutex_);
  DropForgotten(now);
  Count(PairKey(account, address), now);
  Count(AddressKey(address), now);
  Count(AccountKey(account), now);
}

void LoginThrottle::Succeeded(std::string_view account, std::string_view address) {
  std::lock_guard lock(mutex_);
  counters_.erase(PairKey(account, address));
  known_addresses_.insert(Known(account, address));
}

}  // namespace meekijk::service
