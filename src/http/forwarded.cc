// Matching addresses against ranges and reading the forwarded headers.
#include "http/forwarded.h"

#include <boost/asio/ip/address.hpp>

#include <algorithm>

#include "core/integer.h"

namespace meekijk::http {
namespace {

std::optional<std::vector<unsigned char>> BytesOf(std::string_view text) {
  boost::system::error_code error;
  boost::asio::ip::address address = boost::asio::ip::make_address(std::string(text), error);
  if (error) return std::nullopt;
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    address = boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, address.to_v6());
  }
  if (address.is_v4()) {
    auto bytes = address.to_v4().to_bytes();
    return std::vector<unsigned char>(bytes.begin(), bytes.end());
  }
  auto bytes = address.to_v6().to_bytes();
  return std::vector<unsigned char>(bytes.begin(), bytes.end());
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

Result<TrustedProxies> TrustedProxies::Parse(const std::vector<std::string>& ranges) {
  TrustedProxies proxies;
  for (const std::string& text : ranges) {
    size_t slash = text.find('/');
    std::optional<std::vector<unsigned char>> prefix = BytesOf(text.substr(0, slash));
    int max_bits = prefix ? static_cast<int>(prefix->size()) * 8 : 0;
    int bits = max_bits;
    bool valid = prefix.has_value();
    if (valid && slash != std::string::npos) {
      std::optional<int> parsed = ParseInteger<int>(text.substr(slash + 1));
      valid = parsed.has_value() && *parsed >= 0 && *parsed <= max_bits;
      bits = parsed.value_or(0);
    }
    if (!valid) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "--trusted-proxy " + text + " is geen adres of CIDR-bereik.",
                       "--trusted-proxy " + text + " is not an address or CIDR range.",
                       "trusted_proxy");
    }
    proxies.ranges_.push_back({*prefix, bits});
  }
  return proxies;
}

bool TrustedProxies::Contains(std::string_view address) const {
  std::optional<std::vector<unsigned char>> bytes = BytesOf(address);
  if (!bytes) return false;
  for (const Range& range : ranges_) {
    if (range.prefix.size() != bytes->size()) continue;
    bool inside = true;
    for (int bit = 0; bit < range.bits && inside; ++bit) {
      unsigned char mask = static_cast<unsigned char>(0x80 >> (bit % 8));
      inside = ((*bytes)[bit / 8] & mask) == (range.prefix[bit / 8] & mask);
    }
    if (inside) return true;
  }
  return false;
}

void TrustedProxies::Apply(Request& request) const {
  auto is_forwarded = [](const auto& header) {
    return header.first == "x-forwarded-for" || header.first == "x-forwarded-proto";
  };
  if (!Contains(request.client_address)) {
    std::erase_if(request.headers, is_forwarded);
    return;
  }
  // The rightmost address that is not one of our proxies: the ones left of it were written by
  // the client and prove nothing.
  std::vector<std::string_view> hops;
  for (const auto& [name, value] : request.headers) {
    if (name != "x-forwarded-for") continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      size_t comma = rest.find(',');
      hops.push_back(Trim(rest.substr(0, comma)));
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
  }
  for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop) {
    if (!BytesOf(*hop)) break;  // garbage: stop at the last proxy we trust
    request.client_address = std::string(*hop);
    if (!Contains(*hop)) break;
  }
}

}  // namespace meekijk::http
