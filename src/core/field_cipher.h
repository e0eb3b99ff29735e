// Encryption of personal data at rest, as the store sees it: it seals the patient's BSN, name
// and date of birth before they reach the database and opens them when read, and finds a BSN by
// a keyed hash instead of by decrypting every row. The implementation (auth/key_ring.h) holds
// the keys; the store only holds this interface, so that it needs no cryptography of its own.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace meekijk {

class FieldCipher {
 public:
  virtual ~FieldCipher() = default;
  // An authenticated ciphertext of `plain`, bound to `context` (the column), as printable text.
  virtual std::string Seal(std::string_view plain, std::string_view context) const = 0;
  // The plain text; nullopt when `sealed` was not made by one of our keys for this context or
  // was changed.
  virtual std::optional<std::string> Open(std::string_view sealed,
                                          std::string_view context) const = 0;
  // Whether `text` looks like a ciphertext at all (older rows may hold plain text until
  // `meekijk keys rotate` seals them).
  virtual bool IsSealed(std::string_view text) const = 0;
  // Whether `sealed` is under the current key.
  virtual bool IsCurrent(std::string_view sealed) const = 0;
  // A keyed hash (BLAKE2b, a key of its own) of `value`, in hex: equal values give equal
  // indexes, and nothing about the value can be learned without the key.
  virtual std::string BlindIndex(std::string_view value) const = 0;
};

}  // namespace meekijk
