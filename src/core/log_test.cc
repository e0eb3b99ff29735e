#include "core/log.h"

#include <gtest/gtest.h>

#include "core/utf8.h"

namespace meekijk::log {
namespace {

TEST(Log, EscapesQuotesControlsAndKeepsUtf8) {
  std::string out;
  AppendJsonString(out, "a\"b\\c\n\x01 é");
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\n\\u0001 é\"");
}

TEST(Log, BytesThatAreNotUtf8BecomeReplacementCharacters) {
  std::string out;
  AppendJsonString(out, "status \xFF\xFE");
  EXPECT_EQ(out, "\"status \\ufffd\\ufffd\"");
  EXPECT_TRUE(utf8::IsValid(out));
}

TEST(Log, ALongClientStringIsCutAndSaysHowMuchWasLeftOut) {
  std::string username(20 * 1024 * 1024, 'a');
  std::string line = FormatLine(Level::kWarn, "login_failed", {{"username", username}});
  EXPECT_LT(line.size(), kMaxLoggedStringBytes + 200);
  EXPECT_NE(line.find("…[+" + std::to_string(username.size() - kMaxLoggedStringBytes) + " bytes]"),
            std::string::npos);
}

TEST(Log, ShortStringsAndNumbersAreWrittenWhole) {
  std::string line = FormatLine(Level::kInfo, "request", {{"route", "/api/v1/me"}, {"status", 200}});
  EXPECT_NE(line.find("\"event\":\"request\",\"route\":\"/api/v1/me\",\"status\":200}\n"),
            std::string::npos);
}

TEST(Log, ARepeatedConditionIsWrittenOnceASecond) {
  OncePerSecond accept_failed;
  ::testing::internal::CaptureStderr();
  for (int i = 0; i < 1000; ++i) accept_failed.Warn("accept_failed", "Too many open files");
  std::string written = ::testing::internal::GetCapturedStderr();
  size_t lines = 0;
  for (char c : written) lines += c == '\n';
  EXPECT_EQ(lines, 1u);
  EXPECT_NE(written.find("\"suppressed\":0"), std::string::npos);
}

}  // namespace
}  // namespace meekijk::log
