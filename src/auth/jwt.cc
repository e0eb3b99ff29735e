// JWTs through libjwt, and public keys checked with OpenSSL.
#include "auth/jwt.h"

#include <jwt.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <sodium.h>

#include <cstdlib>
#include <cstring>
#include <memory>

namespace meekijk::auth {
namespace {

struct JwtFree {
  void operator()(jwt_t* jwt) const { jwt_free(jwt); }
};
using JwtPtr = std::unique_ptr<jwt_t, JwtFree>;

Error NotSigned() {
  return MakeError(ErrorCode::kUnauthenticated,
                   "Het token is ongeldig: de handtekening klopt niet of ontbreekt.",
                   "The token is invalid: its signature is missing or wrong.", "token");
}

bool IsAcceptedPublicKeyAlgorithm(jwt_alg_t alg) {
  return alg == JWT_ALG_RS256 || alg == JWT_ALG_RS384 || alg == JWT_ALG_ES256 ||
         alg == JWT_ALG_ES384;
}

// The payload of a verified token as JSON text.
Result<std::string> ClaimsOf(jwt_t* jwt) {
  char* claims = jwt_get_grants_json(jwt, nullptr);
  if (claims == nullptr) return NotSigned();
  std::string out(claims);
  std::free(claims);
  return out;
}

// libjwt wants NUL-terminated text of a sensible size; a token is never larger than this.
constexpr size_t kMaxTokenBytes = 16 * 1024;

Result<JwtPtr> Decode(std::string_view token, std::string_view key) {
  if (token.empty() || token.size() > kMaxTokenBytes ||
      token.find('\0') != std::string_view::npos) {
    return NotSigned();
  }
  std::string text(token);
  jwt_t* raw = nullptr;
  int failed = jwt_decode(&raw, text.c_str(), reinterpret_cast<const unsigned char*>(key.data()),
                          static_cast<int>(key.size()));
  JwtPtr decoded(raw);  // freed on every path, also when decoding failed half-way
  if (failed != 0 || !decoded) return NotSigned();
  return decoded;
}

struct PkeyFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};

}  // namespace

Result<std::string> UnverifiedClaims(std::string_view token) {
  size_t first = token.find('.');
  size_t second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (second == std::string_view::npos || token.size() > kMaxTokenBytes) return NotSigned();
  std::string_view payload = token.substr(first + 1, second - first - 1);
  std::string out(payload.size(), '\0');
  size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), payload.data(),
                        payload.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) {
    return NotSigned();
  }
  out.resize(length);
  return out;
}

Result<std::string> VerifyWithPublicKey(std::string_view token, std::string_view public_key_pem) {
  MK_ASSIGN_OR_RETURN(JwtPtr jwt, Decode(token, public_key_pem));
  // libjwt checks with the algorithm the token names: one that names HS256 has been "verified"
  // with the public key as an HMAC secret, which anyone can do. Only the key's own kinds count.
  if (!IsAcceptedPublicKeyAlgorithm(jwt_get_alg(jwt.get()))) return NotSigned();
  return ClaimsOf(jwt.get());
}

Result<void> CheckPublicKey(std::string_view pem) {
  Error refused = MakeError(
      ErrorCode::kInvalidArgument,
      "De publieke sleutel is geen PEM-sleutel van RSA (2048 bits of meer) of EC (P-256, P-384).",
      "The public key is not a PEM key of RSA (2048 bits or more) or EC (P-256, P-384).",
      "public_key");
  if (pem.find("PRIVATE KEY") != std::string_view::npos) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Dit is een privésleutel. Stuur alleen de publieke sleutel; de privésleutel "
                     "blijft bij het systeem dat ermee tekent.",
                     "This is a private key. Send only the public key; the private key stays "
                     "with the system that signs with it.",
                     "public_key");
  }
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(
      BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), &BIO_free);
  if (!bio) return refused;
  std::unique_ptr<EVP_PKEY, PkeyFree> key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
  if (!key) return refused;
  int type = EVP_PKEY_get_base_id(key.get());
  if (type == EVP_PKEY_RSA) return EVP_PKEY_get_bits(key.get()) >= 2048 ? Ok() : Result<void>(refused);
  if (type != EVP_PKEY_EC) return refused;
  char group[64] = {};
  size_t length = 0;
  if (EVP_PKEY_get_group_name(key.get(), group, sizeof group, &length) != 1) return refused;
  std::string_view name(group, length);
  return name == "prime256v1" || name == "secp384r1" ? Ok() : Result<void>(refused);
}

Result<std::string> SignWithPrivateKey(std::string_view claims_json, std::string_view private_pem,
                                       std::string_view algorithm) {
  jwt_alg_t alg = jwt_str_alg(std::string(algorithm).c_str());
  if (!IsAcceptedPublicKeyAlgorithm(alg)) {
    return MakeError(ErrorCode::kInvalidArgument, "Onbekend algoritme.", "Unknown algorithm.");
  }
  jwt_t* raw = nullptr;
  if (jwt_new(&raw) != 0) return MakeError(ErrorCode::kInternal, "JWT", "JWT");
  JwtPtr jwt(raw);
  std::string claims(claims_json);
  if (jwt_add_grants_json(jwt.get(), claims.c_str()) != 0 ||
      jwt_set_alg(jwt.get(), alg, reinterpret_cast<const unsigned char*>(private_pem.data()),
                  static_cast<int>(private_pem.size())) != 0) {
    return MakeError(ErrorCode::kInvalidArgument, "De sleutel of de claims zijn ongeldig.",
                     "The key or the claims are invalid.");
  }
  char* encoded = jwt_encode_str(jwt.get());
  if (encoded == nullptr) {
    return MakeError(ErrorCode::kInvalidArgument, "Ondertekenen lukte niet met deze sleutel.",
                     "Signing failed with this key.");
  }
  std::string out(encoded);
  std::free(encoded);
  return out;
}

std::string SignHs256(std::string_view claims_json, std::string_view secret) {
  jwt_t* raw = nullptr;
  if (jwt_new(&raw) != 0) std::abort();
  JwtPtr jwt(raw);
  std::string claims(claims_json);
  // Our own claims and a 32-byte secret: neither can fail but by running out of memory.
  if (jwt_add_grants_json(jwt.get(), claims.c_str()) != 0 ||
      jwt_set_alg(jwt.get(), JWT_ALG_HS256, reinterpret_cast<const unsigned char*>(secret.data()),
                  static_cast<int>(secret.size())) != 0) {
    std::abort();
  }
  char* encoded = jwt_encode_str(jwt.get());
  if (encoded == nullptr) std::abort();
  std::string out(encoded);
  std::free(encoded);
  return out;
}

Result<std::string> VerifyHs256(std::string_view token, std::string_view secret) {
  MK_ASSIGN_OR_RETURN(JwtPtr jwt, Decode(token, secret));
  if (jwt_get_alg(jwt.get()) != JWT_ALG_HS256) return NotSigned();
  return ClaimsOf(jwt.get());
}

}  // namespace meekijk::auth
