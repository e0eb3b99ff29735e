// The counters of failed logins, shared by every node through the database (a node's own memory
// would let each node of a cluster allow its own share of guesses), and the addresses from which
// an account logged in before. Keys are opaque: the service hashes account and address into them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "store/statements.h"

namespace meekijk::store {

struct FailureCounter {
  std::string key;
  int64_t failures = 0;
  TimePoint last_at;
  bool operator==(const FailureCounter&) const = default;
};

class LoginFailureRepository {
 public:
  explicit LoginFailureRepository(Statements& statements) : sql_(statements) {}

  // The counters among `keys` that exist.
  Result<std::vector<FailureCounter>> Find(const std::vector<std::string>& keys);
  // One more failure at `now`; a counter whose last failure was before `forget_before` starts
  // again at one. One upsert, so that nodes counting at once lose no failure.
  Result<void> Count(const std::string& key, TimePoint now, TimePoint forget_before);
  Result<void> Clear(const std::string& key);
  Result<bool> IsKnown(const std::string& key);
  Result<void> Remember(const std::string& key, TimePoint now);
  // Drops counters quiet since `counters_before` and known addresses unused since
  // `known_before`; returns how many rows went.
  Result<int64_t> Forget(TimePoint counters_before, TimePoint known_before);

 private:
  Statements& sql_;
};

}  // namespace meekijk::store
