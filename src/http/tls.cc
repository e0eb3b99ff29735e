// The OpenSSL context.
#include "http/tls.h"

#include <openssl/ssl.h>

#include <boost/asio/ssl/context.hpp>

namespace meekijk::http {

Result<std::shared_ptr<boost::asio::ssl::context>> MakeTlsContext(const std::string& cert_file,
                                                                  const std::string& key_file) {
  namespace ssl = boost::asio::ssl;
  auto context = std::make_shared<ssl::context>(ssl::context::tls_server);
  context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                       ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                       ssl::context::no_tlsv1_1 | ssl::context::single_dh_use |
                       SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION |
                       SSL_OP_CIPHER_SERVER_PREFERENCE);
  SSL_CTX* native = context->native_handle();
  SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION);
  // TLS 1.2: ECDHE with AES-GCM or ChaCha20-Poly1305 only; TLS 1.3's own suites are all AEAD.
  SSL_CTX_set_cipher_list(native,
                          "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                          "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                          "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305");
  boost::system::error_code error;
  context->use_certificate_chain_file(cert_file, error);
  if (!error) context->use_private_key_file(key_file, ssl::context::pem, error);
  if (!error && SSL_CTX_check_private_key(native) != 1) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "De sleutel " + key_file + " hoort niet bij het certificaat " + cert_file + ".",
                     "The key " + key_file + " does not belong to the certificate " + cert_file +
                         ".",
                     "tls");
  }
  if (error) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Kan certificaat of sleutel niet lezen: " + error.message(),
                     "Cannot read the certificate or key: " + error.message(), "tls");
  }
  return context;
}

}  // namespace meekijk::http
