// Key pairs made in memory, as an API client's or a HIS's own: the private half signs what the
// test sends, the public half is what an administrator registers.
#pragma once

#include <string>

namespace meekijk::testing {

struct KeyPair {
  std::string private_pem;
  std::string public_pem;
};

KeyPair EcKeyPair();                  // P-256, for ES256
KeyPair RsaKeyPair(unsigned bits);   // for RS256

}  // namespace meekijk::testing
