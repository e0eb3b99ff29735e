// Key pairs through OpenSSL.
#include "testing/test_keys.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <memory>

namespace meekijk::testing {
namespace {

std::string ToPem(EVP_PKEY* key, bool private_half) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
  if (private_half) {
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
  } else {
    PEM_write_bio_PUBKEY(bio.get(), key);
  }
  char* data = nullptr;
  long length = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(length));
}

KeyPair Pair(EVP_PKEY* key) {
  KeyPair pair{ToPem(key, true), ToPem(key, false)};
  EVP_PKEY_free(key);
  return pair;
}

}  // namespace

KeyPair EcKeyPair() { return Pair(EVP_EC_gen("P-256")); }
KeyPair RsaKeyPair(unsigned bits) { return Pair(EVP_RSA_gen(bits)); }

}  // namespace meekijk::testing
