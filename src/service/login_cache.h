// Logins looked up by token, kept for a few seconds: every request of a logged-in user starts
// with this lookup, which would otherwise read four tables. DESIGN allows a node to cache a
// session lookup so that a revoked one stops working everywhere within that time; on the node
// that made a change it stops at once, because any change to the tables a login is read from
// (store/principal_tables.h) makes every kept login stale.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/clock.h"
#include "service/principal.h"

namespace meekijk::service {

class LoginCache {
 public:
  // ttl 0: nothing is kept.
  explicit LoginCache(std::chrono::milliseconds ttl, size_t max_entries = 100000)
      : ttl_(ttl), max_entries_(max_entries) {}

  struct Kept {
    Principal principal;  // without the request it was read for
    TimePoint expires_at;
  };

  // The login kept for `token_hash`, when it was read at `generation` less than ttl ago.
  std::optional<Kept> Find(const std::string& token_hash, uint64_t generation);
  // Keeps a login read at `generation` (read before the lookup started).
  void Keep(const std::string& token_hash, uint64_t generation, const Principal& principal,
            TimePoint expires_at);
  void Forget(const std::string& token_hash);

 private:
  struct Entry {
    Kept kept;
    uint64_t generation = 0;
    std::chrono::steady_clock::time_point read_at;
  };

  const std::chrono::milliseconds ttl_;
  const size_t max_entries_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace meekijk::service
