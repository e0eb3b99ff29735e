// What a client without good intentions sends and what it gets: bodies are limited per route,
// logged client strings are capped, JSON routes take only JSON, and a target that cannot be
// decoded is a 400 in JSON. Every answer is valid UTF-8 JSON.
#include <fstream>
#include <future>
#include <sstream>

#include "api/api_test_fixture.h"
#include "core/utf8.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;

class RequestLimitsHttpTest : public ApiTest {
 protected:
  size_t OutboxSize() {
    testing::HttpResponse response =
        client_->Get("/api/v1/consults?limit=200", Token("huisarts.devries"));
    return response.Json().at("items").as_array().size();
  }

  // The server's resident memory in kB (VmRSS in /proc).
  long ResidentKilobytes() {
    std::ifstream status("/proc/" + std::to_string(server_->pid()) + "/status");
    std::string line;
    while (std::getline(status, line)) {
      if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    }
    return -1;
  }

  void ExpectJsonError(const testing::HttpResponse& response, int status, const char* code,
                       const std::string& what) {
    EXPECT_EQ(response.status, status) << what << ": " << response.body;
    EXPECT_EQ(response.Header("content-type").rfind("application/json", 0), 0u) << what;
    EXPECT_TRUE(utf8::IsValid(response.body)) << what;
    ASSERT_TRUE(response.Json().is_object()) << what << ": " << response.body;
    EXPECT_EQ(response.Json().at("error").at("code").as_string(), code) << what;
  }
};

std::string LoginBody(const std::string& username) {
  return json::serialize(json::object{{"username", username}, {"password", "x"}});
}

TEST_P(RequestLimitsHttpTest, ALoginLargerThanALoginIsRefusedBeforeItIsRead) {
  long before = ResidentKilobytes();
  std::string huge = LoginBody(std::string(20 * 1024 * 1024, 'a'));
  std::vector<std::future<int>> attempts;
  for (int i = 0; i < 8; ++i) {
    attempts.push_back(std::async(std::launch::async, [&] {
      return client_->Send("POST", "/api/v1/session", huge,
                           {{"Content-Type", "application/json"}}).status;
    }));
  }
  for (auto& attempt : attempts) EXPECT_EQ(attempt.get(), 413);
  // Eight 20 MB bodies read into memory would be 160 MB at least; refused, they are nothing.
  EXPECT_LT(ResidentKilobytes() - before, 48 * 1024);
  ExpectJsonError(client_->Send("POST", "/api/v1/session", huge,
                                {{"Content-Type", "application/json"}}),
                  413, "too_large", "20 MB login");
}

TEST_P(RequestLimitsHttpTest, AFailedLoginLogsAtMostAShortPrefixOfTheUserName) {
  std::string username(7000, 'u');
  // Five failures from one address are answered; then the throttle makes the guesser wait (a
  // wait of a second can pass between two requests on a loaded machine: some may be answered).
  int throttled = 0;
  for (int i = 0; i < 20; ++i) {
    testing::HttpResponse response = client_->Send("POST", "/api/v1/session", LoginBody(username),
                                                   {{"Content-Type", "application/json"}});
    if (i < 5) {
      ASSERT_EQ(response.status, 401) << i;
    } else {
      ASSERT_TRUE(response.status == 401 || response.status == 429) << i << ": " << response.status;
      throttled += response.status == 429 ? 1 : 0;
    }
  }
  EXPECT_GE(throttled, 10);
  std::string log = server_->Log();
  EXPECT_EQ(log.find(std::string(1000, 'u')), std::string::npos);
  EXPECT_NE(log.find("bytes]"), std::string::npos);
}

TEST_P(RequestLimitsHttpTest, AnAttachmentMayBeLargeAndAConsultMayNotBe) {
  int64_t id = CreateConsult(false);
  std::string token = Token("huisarts.devries");
  std::string pdf = "%PDF-1.4\n" + std::string(1024 * 1024, ' ');
  testing::HttpResponse upload = client_->Send(
      "POST", ConsultPath(id, "attachments"), pdf,
      {{"Authorization", "Bearer " + token}, {"Content-Type", "application/pdf"},
       {"X-Filename", "groot.pdf"}});
  EXPECT_NE(upload.status, 413) << upload.body;  // 1 MB is far below the attachment limit
  json::object body = NewConsultBody(false);
  body["clinical_summary"] = std::string(1024 * 1024, 'x');
  ExpectJsonError(client_->Post("/api/v1/consults", body, token), 413, "too_large",
                  "a 1 MB consult");
}

TEST_P(RequestLimitsHttpTest, AJsonRouteRefusesABodyOfAnotherMediaTypeAndCreatesNothing) {
  std::string token = Token("huisarts.devries");
  size_t before = OutboxSize();
  std::string body = json::serialize(NewConsultBody(true));
  for (const char* type : {"image/png", "text/plain", ""}) {
    std::vector<std::pair<std::string, std::string>> headers{{"Authorization", "Bearer " + token}};
    if (*type) headers.emplace_back("Content-Type", type);
    ExpectJsonError(client_->Send("POST", "/api/v1/consults", body, headers), 415,
                    "unsupported_media_type", type);
  }
  EXPECT_EQ(OutboxSize(), before);
  testing::HttpResponse with_charset = client_->Send(
      "POST", "/api/v1/consults", body,
      {{"Authorization", "Bearer " + token}, {"Content-Type", "Application/JSON; charset=utf-8"}});
  EXPECT_EQ(with_charset.status, 201) << with_charset.body;
}

TEST_P(RequestLimitsHttpTest, QueryParametersThatAreNotUtf8AreA400OnEveryEngine) {
  std::string token = Token("specialist.smit");
  for (const char* target :
       {"/api/v1/consults?q=%ff%fe", "/api/v1/consults?q=%c3", "/api/v1/consults?specialty=%ff",
        "/api/v1/consults?box=pool&specialty=%ff", "/api/v1/consults?status=%ff",
        "/api/v1/icpc?q=%ed%a0%80"}) {
    ExpectJsonError(client_->Get(target, token), 400, "malformed_request", target);
  }
}

TEST_P(RequestLimitsHttpTest, AMalformedEscapeUnderTheApiIsA400InJsonNeverTheWebApp) {
  std::string token = Token("huisarts.devries");
  for (const char* target : {"/api/v1/consults/%zz", "/api/v1/me%", "/api/v1/consults/1%ZZ/send",
                             "/api/v1/consults?box=%zz"}) {
    ExpectJsonError(client_->Get(target, token), 400, "malformed_request", target);
  }
  ExpectJsonError(client_->Send("POST", "/api/v1/consults/1%ZZ/send", "",
                                {{"Authorization", "Bearer " + token}}),
                  400, "malformed_request", "POST with a malformed escape");
  // A well-formed but unknown path under /api/ is a JSON 404, not the web app either.
  ExpectJsonError(client_->Get("/api/v1/nothing-here", token), 404, "not_found", "unknown path");
}

INSTANTIATE_TEST_SUITE_P(Engines, RequestLimitsHttpTest,
                         ::testing::ValuesIn(testing::TestEngines()), TestName);

}  // namespace
}  // namespace meekijk::api
