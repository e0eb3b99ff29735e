// One-time libsodium initialisation.
#include "auth/sodium_init.h"

#include <sodium.h>

#include <cstdlib>

#include "core/log.h"

namespace meekijk::auth {

void EnsureSodium() {
  static const bool ready = [] {
    if (sodium_init() < 0) {
      log::Error("sodium_init_failed");
      std::abort();
    }
    return true;
  }();
  (void)ready;
}

}  // namespace meekijk::auth
