// Sealing and opening through libsodium.
#include "auth/key_ring.h"

#include <sodium.h>
#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "auth/sodium_init.h"
#include "auth/token.h"
#include "core/integer.h"

namespace meekijk::auth {
namespace {

constexpr std::string_view kPrefix = "enc1:";
constexpr size_t kKeyBytes = 32;
constexpr size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr int kBase64 = sodium_base64_VARIANT_ORIGINAL;

Error BadKeys(std::string why) {
  return MakeError(ErrorCode::kInvalidArgument, "Het sleutelbestand is ongeldig: " + why,
                   "The key file is invalid: " + why, "key_file");
}

std::optional<std::string> FromHex(std::string_view hex) {
  std::string bytes(hex.size() / 2, '\0');
  size_t length = 0;
  if (hex.size() != kKeyBytes * 2 ||
      sodium_hex2bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), hex.data(),
                     hex.size(), nullptr, &length, nullptr) != 0 ||
      length != kKeyBytes) {
    return std::nullopt;
  }
  return bytes;
}

std::string NewKeyBytes(Random& random) {
  std::string key(kKeyBytes, '\0');
  random.Fill({reinterpret_cast<unsigned char*>(key.data()), key.size()});
  return key;
}

std::string Hex(const std::string& bytes) {
  return HexOf({reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()});
}

}  // namespace

Result<KeyRing> KeyRing::Parse(std::string_view text) {
  EnsureSodium();
  std::string normalised(text);
  for (char& c : normalised) {
    if (c == ';') c = '\n';
  }
  std::istringstream lines(normalised);
  std::vector<Key> keys;
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::string word, id, encryption, index, extra;
    if (!(words >> word) || word.front() == '#') continue;
    if (word != "key" || !(words >> id >> encryption >> index) || (words >> extra)) {
      return BadKeys("each line is `key ID ENCRYPTION-HEX INDEX-HEX`");
    }
    std::optional<int64_t> number = ParseInteger<int64_t>(id);
    std::optional<std::string> enc = FromHex(encryption);
    std::optional<std::string> idx = FromHex(index);
    if (!number || *number <= 0 || !enc || !idx) {
      return BadKeys("a key is a positive number and two keys of 64 hexadecimal digits");
    }
    for (const Key& key : keys) {
      if (key.id == *number) return BadKeys("key " + id + " appears twice");
    }
    keys.push_back({*number, *enc, *idx});
  }
  if (keys.empty()) return BadKeys("it holds no key");
  return KeyRing(std::move(keys));
}

Result<KeyRing> KeyRing::FromFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    return MakeError(ErrorCode::kInvalidArgument, "Het sleutelbestand " + path + " is niet te lezen.",
                     "Cannot read the key file " + path + ".", "key_file");
  }
  std::stringstream text;
  text << in.rdbuf();
  return Parse(text.str());
}

KeyRing KeyRing::Generate(Random& random) {
  EnsureSodium();
  return KeyRing({{1, NewKeyBytes(random), NewKeyBytes(random)}});
}

void KeyRing::AddNewKey(Random& random) {
  int64_t newest = 0;
  for (const Key& key : keys_) newest = std::max(newest, key.id);
  keys_.insert(keys_.begin(), {newest + 1, NewKeyBytes(random), NewKeyBytes(random)});
}

std::string KeyRing::ToText() const {
  std::string text =
      "# meekijk keys: keep secret, back up apart from the database. The first is current.\n";
  for (const Key& key : keys_) {
    text += "key " + std::to_string(key.id) + " " + Hex(key.encryption) + " " + Hex(key.index) +
            "\n";
  }
  return text;
}

Result<void> KeyRing::WriteFile(const std::string& path) const {
  std::string temporary = path + ".new";
  mode_t previous = umask(077);
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << ToText();
    out.close();
    if (!out) {
      umask(previous);
      return MakeError(ErrorCode::kUnavailable, "Het sleutelbestand is niet te schrijven.",
                       "Cannot write the key file " + temporary + ".", "key_file");
    }
  }
  umask(previous);
  chmod(temporary.c_str(), 0600);
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    return MakeError(ErrorCode::kUnavailable, "Het sleutelbestand is niet te vervangen.",
                     "Cannot replace the key file " + path + ".", "key_file");
  }
  return Ok();
}

std::string KeyRing::Seal(std::string_view plain, std::string_view context) const {
  const Key& key = keys_.front();
  std::string box(kNonceBytes + plain.size() + kTagBytes, '\0');
  auto* bytes = reinterpret_cast<unsigned char*>(box.data());
  randombytes_buf(bytes, kNonceBytes);
  unsigned long long length = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      bytes + kNonceBytes, &length, reinterpret_cast<const unsigned char*>(plain.data()),
      plain.size(), reinterpret_cast<const unsigned char*>(context.data()), context.size(),
      nullptr, bytes, reinterpret_cast<const unsigned char*>(key.encryption.data()));
  std::string encoded(sodium_base64_ENCODED_LEN(box.size(), kBase64), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), bytes, box.size(), kBase64);
  encoded.resize(encoded.size() - 1);  // the terminating NUL
  return std::string(kPrefix) + std::to_string(key.id) + ":" + encoded;
}

std::optional<std::string> KeyRing::Open(std::string_view sealed, std::string_view context) const {
  if (!IsSealed(sealed)) return std::nullopt;
  std::string_view rest = sealed.substr(kPrefix.size());
  size_t colon = rest.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::optional<int64_t> id = ParseInteger<int64_t>(rest.substr(0, colon));
  const Key* key = nullptr;
  for (const Key& candidate : keys_) {
    if (id && candidate.id == *id) key = &candidate;
  }
  if (key == nullptr) return std::nullopt;
  std::string_view encoded = rest.substr(colon + 1);
  std::string box(encoded.size(), '\0');
  size_t box_length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(box.data()), box.size(), encoded.data(),
                        encoded.size(), nullptr, &box_length, nullptr, kBase64) != 0 ||
      box_length < kNonceBytes + kTagBytes) {
    return std::nullopt;
  }
  const auto* bytes = reinterpret_cast<const unsigned char*>(box.data());
  std::string plain(box_length - kNonceBytes - kTagBytes, '\0');
  unsigned long long length = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(plain.data()), &length, nullptr, bytes + kNonceBytes,
          box_length - kNonceBytes, reinterpret_cast<const unsigned char*>(context.data()),
          context.size(), bytes, reinterpret_cast<const unsigned char*>(key->encryption.data())) !=
      0) {
    return std::nullopt;
  }
  plain.resize(length);
  return plain;
}

bool KeyRing::IsSealed(std::string_view text) const { return text.substr(0, kPrefix.size()) == kPrefix; }

bool KeyRing::IsCurrent(std::string_view sealed) const {
  std::string current = std::string(kPrefix) + std::to_string(keys_.front().id) + ":";
  return sealed.substr(0, current.size()) == current;
}

std::string KeyRing::BlindIndex(std::string_view value) const {
  const Key& key = keys_.front();
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(value.data()),
                     value.size(), reinterpret_cast<const unsigned char*>(key.index.data()),
                     key.index.size());
  return HexOf(digest);
}

}  // namespace meekijk::auth
