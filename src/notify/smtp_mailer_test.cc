#include "notify/smtp_mailer.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>

namespace meekijk::notify {
namespace {

service::Mail Sample() {
  return {"<meekijk.7.1772442900000@meekijk.example.nl>", "meekijk@example.nl", "gp@example.nl",
          "meekijk MK-2026-00007: Advies ontvangen — dermatologie", "Tekst met é en een link.",
          "<p>HTML</p>"};
}

std::string Decode(const std::string& base64_lines) {
  std::string joined;
  for (char c : base64_lines) {
    if (c != '\r' && c != '\n') joined.push_back(c);
  }
  std::string out(joined.size(), '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(joined.data()),
                          static_cast<int>(joined.size()));
  out.resize(static_cast<size_t>(n));
  while (!out.empty() && out.back() == '\0') out.pop_back();
  return out;
}

TEST(SmtpMailerTest, ComposesAMultipartMessageWithItsMessageIdAndAnEncodedSubject) {
  std::string message = *ComposeMessage(Sample(), FromUnixMillis(1772442900000));
  EXPECT_NE(message.find("Message-ID: <meekijk.7.1772442900000@meekijk.example.nl>\r\n"),
            std::string::npos);
  EXPECT_NE(message.find("Date: Mon, 02 Mar 2026 09:15:00 +0000\r\n"), std::string::npos);
  EXPECT_NE(message.find("From: meekijk <meekijk@example.nl>\r\n"), std::string::npos);
  EXPECT_NE(message.find("To: <gp@example.nl>\r\n"), std::string::npos);
  EXPECT_NE(message.find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(message.find("multipart/alternative"), std::string::npos);
  EXPECT_NE(message.find("text/plain; charset=utf-8"), std::string::npos);
  EXPECT_NE(message.find("text/html; charset=utf-8"), std::string::npos);
  size_t body = message.find("base64\r\n\r\n") + 10;
  std::string encoded = message.substr(body, message.find("--", body) - body);
  EXPECT_EQ(Decode(encoded), "Tekst met é en een link.");
  for (size_t at = 0, next; (next = message.find("\r\n", at)) != std::string::npos; at = next + 2) {
    EXPECT_LE(next - at, 78u) << message.substr(at, next - at);
  }
}

TEST(SmtpMailerTest, RefusesAnAddressThatCouldSmuggleInHeaders) {
  service::Mail mail = Sample();
  mail.to = "gp@example.nl\r\nBcc: spy@example.com";
  EXPECT_EQ(ComposeMessage(mail, {}).error().code, ErrorCode::kInvalidArgument);
  mail.to = "no-at-sign";
  EXPECT_FALSE(ComposeMessage(mail, {}).ok());
}

TEST(SmtpMailerTest, AnUnreachableServerIsUnavailableWithCurlsWords) {
  SystemClock clock;
  SmtpMailer mailer({"smtp://127.0.0.1:1", "", "", false, "", std::chrono::seconds(5)}, clock);
  Result<void> sent = mailer.Send(Sample());
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().code, ErrorCode::kUnavailable);
  EXPECT_FALSE(sent.error().reason.empty());
}

}  // namespace
}  // namespace meekijk::notify
