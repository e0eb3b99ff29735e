#include "service/login_cache.h"

namespace meekijk::service {

std::optional<LoginCache::Kept> LoginCache::Find(const std::string& token_hash,
                                                 uint64_t generation) {
  if (ttl_.count() <= 0) return std::nullopt;
  std::lock_guard lock(mutex_);
  auto found = entries_.find(token_hash);
  if (found == entries_.end()) return std::nullopt;
  const Entry& entry = found->second;
  if (entry.generation != generation ||
      std::chrono::steady_clock::now() - entry.read_at >= ttl_) {
    entries_.erase(found);
    return std::nullopt;
  }
  return entry.kept;
}

void LoginCache::Keep(const std::string& token_hash, uint64_t generation,
                      const Principal& principal, TimePoint expires_at) {
  if (ttl_.count() <= 0) return;
  std::lock_guard lock(mutex_);
  // Past the bound (many logins at once, or tokens guessed at), start again rather than grow.
  if (entries_.size() >= max_entries_) entries_.clear();
  Entry& entry = entries_[token_hash];
  entry.kept.principal = principal;
  entry.kept.principal.request = {};
  entry.kept.expires_at = expires_at;
  entry.generation = generation;
  entry.read_at = std::chrono::steady_clock::now();
}

void LoginCache::Forget(const std::string& token_hash) {
  std::lock_guard lock(mutex_);
  entries_.erase(token_hash);
}

}  // namespace meekijk::service
