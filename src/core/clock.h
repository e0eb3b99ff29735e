// The one seam to the wall clock, so that rules about time are tested with a FakeClock.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace meekijk {

using TimePoint = std::chrono::system_clock::time_point;

// Milliseconds since the Unix epoch: how every instant is stored, identical on both databases.
inline int64_t ToUnixMillis(TimePoint t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}
inline TimePoint FromUnixMillis(int64_t ms) { return TimePoint(std::chrono::milliseconds(ms)); }

class Clock {
 public:
  virtual ~Clock() = default;
  // Thread-safe.
  virtual TimePoint Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint Now() const override { return std::chrono::system_clock::now(); }
};

// A clock that only moves when told to. Thread-safe.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(TimePoint start) : now_ms_(ToUnixMillis(start)) {}
  TimePoint Now() const override { return FromUnixMillis(now_ms_.load()); }
  void Advance(std::chrono::milliseconds by) { now_ms_ += by.count(); }
  void Set(TimePoint t) { now_ms_ = ToUnixMillis(t); }

 private:
  std::atomic<int64_t> now_ms_;
};

// ISO 8601 in UTC with milliseconds, e.g. "2026-03-02T09:15:00.000Z".
std::string FormatIso8601(TimePoint t);

}  // namespace meekijk
