// libsodium must be initialised once before use; this makes that call idempotent and thread-safe.
#pragma once

namespace meekijk::auth {

// Aborts the process if libsodium cannot initialise: without a working random source, no
// secret this program makes would be safe.
void EnsureSodium();

}  // namespace meekijk::auth
