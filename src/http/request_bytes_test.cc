// The server's reading of a request from bytes, as the fuzzer drives it.
#include <gtest/gtest.h>

#include "http/server.h"

namespace meekijk::http {
namespace {

ServerOptions SmallJsonEverywhere() {
  ServerOptions options;
  options.body_limit = [](std::string_view method, std::string_view) -> size_t {
    return method == "PUT" ? 1 << 20 : 1024;
  };
  return options;
}

TEST(RequestBytes, AWholeRequestIsReadAndItsTargetDecoded) {
  ParsedRequest parsed = ParseRequestBytes(
      "POST /api/v1/consults/7/messages?x=%C3%A9 HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n"
      "Content-Type: application/json\r\n\r\n{}",
      SmallJsonEverywhere());
  ASSERT_TRUE(parsed.complete);
  EXPECT_FALSE(parsed.refusal.has_value());
  EXPECT_EQ(parsed.request.path, "/api/v1/consults/7/messages");
  EXPECT_EQ(parsed.request.Query("x"), "é");
  EXPECT_EQ(parsed.request.Header("content-type"), "application/json");
  EXPECT_EQ(parsed.request.body, "{}");
}

TEST(RequestBytes, ABodyOverTheRoutesLimitIsRefusedByItsDeclaredLength) {
  std::string header = "POST /api/v1/session HTTP/1.1\r\nHost: a\r\nContent-Length: 5000\r\n\r\n";
  ParsedRequest parsed = ParseRequestBytes(header, SmallJsonEverywhere());
  ASSERT_TRUE(parsed.complete);  // refused at the header: the body is never waited for
  ASSERT_TRUE(parsed.refusal.has_value());
  EXPECT_EQ(parsed.refusal->status, 413);
  ParsedRequest upload = ParseRequestBytes(
      "PUT /x HTTP/1.1\r\nHost: a\r\nContent-Length: 5000\r\n\r\n" + std::string(5000, 'x'),
      SmallJsonEverywhere());
  EXPECT_FALSE(upload.refusal.has_value());
}

TEST(RequestBytes, AChunkedBodyOverTheLimitIsRefusedToo) {
  std::string chunk(2000, 'x');
  ParsedRequest parsed = ParseRequestBytes(
      "POST /api/v1/session HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n7d0\r\n" +
          chunk + "\r\n0\r\n\r\n",
      SmallJsonEverywhere());
  ASSERT_TRUE(parsed.refusal.has_value());
  EXPECT_EQ(parsed.refusal->status, 413);
}

TEST(RequestBytes, GarbageIsA400AndAnUnfinishedRequestIsNotComplete) {
  ParsedRequest garbage = ParseRequestBytes("GARBAGE\r\n\r\n", SmallJsonEverywhere());
  ASSERT_TRUE(garbage.refusal.has_value());
  EXPECT_EQ(garbage.refusal->status, 400);
  EXPECT_FALSE(ParseRequestBytes("GET / HTTP/1.1\r\nHost:", SmallJsonEverywhere()).complete);
  ParsedRequest bad_target = ParseRequestBytes("GET /api/v1/me% HTTP/1.1\r\nHost: a\r\n\r\n",
                                               SmallJsonEverywhere());
  ASSERT_TRUE(bad_target.refusal.has_value());
  EXPECT_EQ(bad_target.refusal->status, 400);
}

TEST(RequestBytes, TheConnectionCapLeavesRoomForTheFilesTheServerNeeds) {
  EXPECT_EQ(ConnectionCap(10000, 1024), 896u);
  EXPECT_EQ(ConnectionCap(100, 1024), 100u);
  EXPECT_EQ(ConnectionCap(10000, 100000), 10000u);
  EXPECT_EQ(ConnectionCap(10000, 40), 1u);
}

}  // namespace
}  // namespace meekijk::http
