// Signed JSON Web Tokens (RFC 7519) through Debian's libjwt: the assertions API clients sign
// with their own key (private_key_jwt, RFC 7523), the launch links a practice's HIS signs, and the
// short-lived access tokens the server signs for itself. The signature is checked before anything
// in a token is believed; only the algorithms named here are accepted, whatever the token's header
// says (no "none", no HMAC with a public key as its secret).
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace meekijk::auth {

// The claims (the JSON payload) of a token, without checking its signature: only to learn who says
// they signed it, and so which key to check it with. kUnauthenticated when it is not a JWT.
Result<std::string> UnverifiedClaims(std::string_view token);

// The claims, when `token` is signed with the private half of `public_key_pem` by RS256, RS384,
// ES256 or ES384; kUnauthenticated otherwise.
Result<std::string> VerifyWithPublicKey(std::string_view token, std::string_view public_key_pem);

// kInvalidArgument unless `pem` is a public key we accept for signatures: RSA of 2048 bits or
// more, or EC on P-256 or P-384. A private key is refused too: it must never be sent to us.
Result<void> CheckPublicKey(std::string_view pem);

// A token with `claims_json` signed by a private key (PEM) with "RS256" or "ES256": what a client
// or a HIS does; the server uses it in its own tests and for `meekijk api-client assertion`.
Result<std::string> SignWithPrivateKey(std::string_view claims_json, std::string_view private_pem,
                                       std::string_view algorithm);

// The server's own tokens: HS256 with a secret only the nodes know.
std::string SignHs256(std::string_view claims_json, std::string_view secret);
Result<std::string> VerifyHs256(std::string_view token, std::string_view secret);

}  // namespace meekijk::auth
