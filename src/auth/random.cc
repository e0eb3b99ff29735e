// libsodium's randombytes behind the Random seam.
#include "auth/random.h"

#include <sodium.h>

#include <mutex>

#include "auth/sodium_init.h"

namespace meekijk::auth {
namespace {

class SodiumRandom final : public Random {
 public:
  void Fill(std::span<unsigned char> out) override {
    EnsureSodium();
    randombytes_buf(out.data(), out.size());
  }
};

std::mutex sequence_mutex;

}  // namespace

Random& SystemRandom() {
  static SodiumRandom random;
  return random;
}

void SequenceRandom::Fill(std::span<unsigned char> out) {
  std::lock_guard lock(sequence_mutex);
  for (unsigned char& byte : out) byte = next_++;
}

}  // namespace meekijk::auth
