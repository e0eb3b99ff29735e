#include "http/forwarded.h"

#include <gtest/gtest.h>

namespace meekijk::http {
namespace {

Request From(std::string peer, std::vector<std::pair<std::string, std::string>> headers) {
  Request request;
  request.client_address = std::move(peer);
  request.headers = std::move(headers);
  return request;
}

TEST(TrustedProxiesTest, ParsesAddressesAndRangesAndRefusesTheRest) {
  Result<TrustedProxies> proxies = TrustedProxies::Parse({"10.0.0.0/8", "192.168.1.7", "fd00::/8"});
  ASSERT_TRUE(proxies.ok());
  EXPECT_TRUE(proxies->Contains("10.200.3.4"));
  EXPECT_FALSE(proxies->Contains("11.0.0.1"));
  EXPECT_TRUE(proxies->Contains("192.168.1.7"));
  EXPECT_FALSE(proxies->Contains("192.168.1.8"));
  EXPECT_TRUE(proxies->Contains("fd12::1"));
  EXPECT_TRUE(proxies->Contains("::ffff:10.1.1.1")) << "IPv4 mapped into IPv6";
  EXPECT_FALSE(proxies->Contains("niet-een-adres"));
  for (const char* bad : {"10.0.0.0/33", "10.0.0.0/", "10.0.0/8", "proxy.local", "::1/129"}) {
    EXPECT_FALSE(TrustedProxies::Parse({bad}).ok()) << bad;
  }
}

TEST(TrustedProxiesTest, BelievesForwardedHeadersOnlyFromATrustedProxy) {
  TrustedProxies proxies = *TrustedProxies::Parse({"10.0.0.0/8"});
  Request direct = From("203.0.113.9", {{"x-forwarded-for", "1.2.3.4"},
                                        {"x-forwarded-proto", "https"},
                                        {"accept", "*/*"}});
  proxies.Apply(direct);
  EXPECT_EQ(direct.client_address, "203.0.113.9");
  EXPECT_FALSE(direct.Header("x-forwarded-proto")) << "no client claims HTTPS";
  EXPECT_FALSE(direct.Header("x-forwarded-for"));
  EXPECT_TRUE(direct.Header("accept"));

  Request proxied = From("10.0.0.2", {{"x-forwarded-for", "6.6.6.6, 198.51.100.4, 10.0.0.9"},
                                      {"x-forwarded-proto", "https"}});
  proxies.Apply(proxied);
  EXPECT_EQ(proxied.client_address, "198.51.100.4") << "the rightmost untrusted hop";
  EXPECT_EQ(proxied.Header("x-forwarded-proto"), "https");

  Request garbage = From("10.0.0.2", {{"x-forwarded-for", "nonsense"}});
  proxies.Apply(garbage);
  EXPECT_EQ(garbage.client_address, "10.0.0.2");
  EXPECT_EQ(TrustedProxies().Contains("127.0.0.1"), false) << "none trusted by default";
}

}  // namespace
}  // namespace meekijk::http
