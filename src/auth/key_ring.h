// The keys for data at rest: XChaCha20-Poly1305 (libsodium) for the patient's BSN, name and date
// of birth, and a separate BLAKE2b key for the BSN's blind index. A key file holds one line per
// key, the current one first; older keys stay to open what they sealed until `meekijk keys
// rotate` has re-sealed it:
//
//   # meekijk keys — keep secret, back up apart from the database
//   key 2 <64 hex: encryption key> <64 hex: index key>
//   key 1 <64 hex> <64 hex>
//
// The same lines, separated by ';' or newlines, may come from the environment (MEEKIJK_KEY).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "auth/random.h"
#include "core/field_cipher.h"
#include "core/result.h"

namespace meekijk::auth {

class KeyRing final : public FieldCipher {
 public:
  struct Key {
    int64_t id = 0;
    std::string encryption;  // 32 bytes
    std::string index;       // 32 bytes
  };

  // kInvalidArgument with a message for an operator when the text is not a key file.
  static Result<KeyRing> Parse(std::string_view text);
  static Result<KeyRing> FromFile(const std::string& path);
  // A ring with one new key.
  static KeyRing Generate(Random& random = SystemRandom());

  // A new current key, numbered after the newest; the older keys stay.
  void AddNewKey(Random& random = SystemRandom());
  std::string ToText() const;
  // Writes the file (mode 0600) through a temporary file and a rename, so that a crash leaves
  // the old file or the new one, never half of one.
  Result<void> WriteFile(const std::string& path) const;
  int64_t current_id() const { return keys_.front().id; }
  size_t size() const { return keys_.size(); }

  std::string Seal(std::string_view plain, std::string_view context) const override;
  std::optional<std::string> Open(std::string_view sealed, std::string_view context) const override;
  bool IsSealed(std::string_view text) const override;
  bool IsCurrent(std::string_view sealed) const override;
  std::string BlindIndex(std::string_view value) const override;

 private:
  explicit KeyRing(std::vector<Key> keys) : keys_(std::move(keys)) {}
  std::vector<Key> keys_;  // the current one first
};

}  // namespace meekijk::auth
