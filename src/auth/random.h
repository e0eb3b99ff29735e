// The one way randomness enters meekijk, as time enters through core/clock.h: libsodium's CSPRNG
// in production, a fixed sequence in tests that need reproducible tokens and ids.
#pragma once

#include <cstdint>
#include <span>

namespace meekijk::auth {

class Random {
 public:
  virtual ~Random() = default;
  // Fills `out` with random bytes. Thread-safe.
  virtual void Fill(std::span<unsigned char> out) = 0;
};

// The operating system's randomness through libsodium.
Random& SystemRandom();

// Bytes 0, 1, 2, … from `start`: the same tokens every run. Thread-safe.
class SequenceRandom final : public Random {
 public:
  explicit SequenceRandom(uint8_t start = 0) : next_(start) {}
  void Fill(std::span<unsigned char> out) override;

 private:
  uint8_t next_;
};

}  // namespace meekijk::auth
