// TLS for the server itself (`--tls-cert`, `--tls-key`): OpenSSL through Asio, TLS 1.2 and 1.3
// only, with forward-secret AEAD ciphers (Mozilla's "intermediate" profile). Behind a proxy that
// terminates TLS, leave these off and trust the proxy instead (forwarded.h).
#pragma once

#include <memory>
#include <string>

#include "core/result.h"

namespace boost::asio::ssl {
class context;
}

namespace meekijk::http {

// kInvalidArgument with a message for an operator when the files cannot be read or do not match.
Result<std::shared_ptr<boost::asio::ssl::context>> MakeTlsContext(const std::string& cert_file,
                                                                  const std::string& key_file);

}  // namespace meekijk::http
