// Client addresses and HTTPS behind a reverse proxy (ASVS 4.1 / 7.1: logs and throttling need the
// real client). X-Forwarded-For and X-Forwarded-Proto are believed only from a peer in the
// configured trusted ranges (`--trusted-proxy CIDR`); from anyone else they are removed, so that
// no client can claim another address or HTTPS.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "http/message.h"

namespace meekijk::http {

class TrustedProxies {
 public:
  TrustedProxies() = default;
  // "10.0.0.0/8", "127.0.0.1", "::1/128", …; kInvalidArgument naming the bad one.
  static Result<TrustedProxies> Parse(const std::vector<std::string>& ranges);

  bool Contains(std::string_view address) const;
  // Sets request.client_address to the real client and keeps or removes the forwarded headers.
  void Apply(Request& request) const;

 private:
  struct Range {
    std::vector<unsigned char> prefix;  // 4 or 16 bytes
    int bits = 0;
  };
  std::vector<Range> ranges_;
};

}  // namespace meekijk::http
