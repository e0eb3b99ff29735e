// Two-factor login, throttling and the user's own sessions through the real server, on both
// databases. The demo accounts come enrolled; the fixture's authenticator (testing/otp_codes.h)
// knows their secrets.
#include "api/api_test_fixture.h"
#include "auth/totp.h"
#include "store/database.h"
#include "store/tx.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;

class SecondFactorHttpTest : public ApiTest {
 protected:
  testing::HttpResponse LoginWith(const std::string& username, const json::object& extra,
                                  const std::string& address = "") {
    json::object body{{"username", username}, {"password", kDemoPassword}};
    for (const auto& [key, value] : extra) body[key] = value;
    std::vector<std::pair<std::string, std::string>> headers{
        {"Content-Type", "application/json"}};
    if (!address.empty()) headers.emplace_back("X-Forwarded-For", address);
    return client_->Send("POST", "/api/v1/session", json::serialize(body), headers);
  }
  // The login's last activity as stored, in Unix milliseconds; `shift` moves it first.
  int64_t LastSeen(int64_t shift = 0) {
    int64_t last_seen = 0;
    std::unique_ptr<store::Database> db = database_->Open();
    EXPECT_TRUE(db->Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
      if (shift != 0) {
        MK_RETURN_IF_ERROR(tx.connection().Execute("UPDATE sessions SET last_seen_at = "
                                                   "last_seen_at + " + std::to_string(shift)));
      }
      MK_ASSIGN_OR_RETURN(store::Rows rows,
                          tx.connection().Query("SELECT MAX(last_seen_at) FROM sessions"));
      last_seen = rows.front().Int(0);
      return Ok();
    }).ok());
    return last_seen;
  }

  static std::string Code(const testing::HttpResponse& response) {
    return std::string(response.Json().at("error").at("code").as_string());
  }
};

TEST_P(SecondFactorHttpTest, AnEnrolledUserWithoutACodeIsAskedForIt) {
  testing::HttpResponse asked = Expect(401, "POST", "/api/v1/session",
                                       LoginWith("huisarts.devries", {}));
  EXPECT_EQ(Code(asked), "otp_required");
  EXPECT_EQ(asked.Json().at("error").at("field"), "otp");
  EXPECT_EQ(asked.Json().at("error").at("message"), "Vul de code uit uw authenticator-app in.");
  testing::HttpResponse wrong = Expect(401, "POST", "/api/v1/session",
                                       LoginWith("huisarts.devries", {{"otp", "000000"}}));
  EXPECT_EQ(Code(wrong), "unauthenticated");
  std::string code = otp_.Next("huisarts.devries");
  testing::HttpResponse in = Expect(200, "POST", "/api/v1/session",
                                    LoginWith("huisarts.devries", {{"otp", code}}));
  EXPECT_EQ(in.Json().at("user").at("second_factor").at("this_login"), true);
  EXPECT_FALSE(in.Json().at("user").at("memberships").as_array().empty());
  Expect(401, "POST", "/api/v1/session", LoginWith("huisarts.devries", {{"otp", code}}));
}

TEST_P(SecondFactorHttpTest, RequestsMadeWhileNobodyIsAtTheScreenAreNoActivity) {
  std::string token = Token("huisarts.devries");
  int64_t before = LastSeen(-120'000);  // two minutes ago: the next activity is written
  std::vector<std::pair<std::string, std::string>> background{
      {"Authorization", "Bearer " + token}, {"X-Meekijk-Activity", "background"}};
  Expect(200, "GET", "/api/v1/me", client_->Send("GET", "/api/v1/me", "", background));
  Expect(200, "GET", "/api/v1/changes", client_->Get("/api/v1/changes", token));
  EXPECT_EQ(LastSeen(), before);
  Expect(200, "GET", "/api/v1/me", client_->Get("/api/v1/me", token));
  EXPECT_GT(LastSeen(), before);
}

TEST_P(SecondFactorHttpTest, GuessingIsAnswered429WithRetryAfter) {
  for (int i = 0; i < 5; ++i) {
    json::object wrong{{"username", "specialist.smit"}, {"password", "geraden-wachtwoord"}};
    Expect(401, "POST", "/api/v1/session", client_->Post("/api/v1/session", wrong));
  }
  // The next guess waits a second, doubling with each one: on a loaded machine the first second
  // may have passed before the next request arrives, but not the ones after.
  testing::HttpResponse throttled;
  throttled.status = 401;
  for (int i = 0; i < 4 && throttled.status == 401; ++i) {
    throttled = LoginWith("specialist.smit", {{"password", "nog-eens-geraden"}});
  }
  Expect(429, "POST", "/api/v1/session", throttled);
  EXPECT_EQ(Code(throttled), "too_many_requests");
  EXPECT_GE(std::stoi(throttled.Header("retry-after")), 1);
}

TEST_P(SecondFactorHttpTest, ReEnrollingNeedsTheSecondFactorAndTheNewSecretWorks) {
  std::string token = Token("huisarts.bakker");
  testing::HttpResponse begun =
      Expect(201, "POST", "/api/v1/me/otp", client_->Post("/api/v1/me/otp", json::object{}, token));
  std::string secret = auth::FromBase32(begun.Json().at("secret").as_string()).value_or("");
  EXPECT_EQ(std::string(begun.Json().at("uri").as_string()).rfind("otpauth://totp/meekijk:", 0), 0u);
  Expect(422, "POST", "/api/v1/me/otp/confirm",
         client_->Post("/api/v1/me/otp/confirm", json::object{{"otp", "123"}}, token));
  std::string code = auth::TotpCode(secret, std::chrono::system_clock::now());
  testing::HttpResponse confirmed =
      Expect(200, "POST", "/api/v1/me/otp/confirm",
             client_->Post("/api/v1/me/otp/confirm", json::object{{"otp", code}}, token));
  json::array codes = confirmed.Json().at("recovery_codes").as_array();
  ASSERT_EQ(codes.size(), 10u);
  // The login goes on under a new token; the one from before the step-up is worth nothing.
  std::string renewed(confirmed.Json().at("token").as_string());
  EXPECT_NE(renewed, token);
  Expect(401, "GET", "/api/v1/me", client_->Get("/api/v1/me", token));
  Expect(409, "POST", "/api/v1/me/otp/confirm",
         client_->Post("/api/v1/me/otp/confirm", json::object{{"otp", code}}, renewed));
  // The old authenticator no longer works; a recovery code does, once.
  Expect(401, "POST", "/api/v1/session",
         LoginWith("huisarts.bakker", {{"otp", otp_.Next("huisarts.bakker")}}));
  json::string recovery = codes.at(0).as_string();
  Expect(200, "POST", "/api/v1/session", LoginWith("huisarts.bakker", {{"otp", recovery}}));
  Expect(401, "POST", "/api/v1/session", LoginWith("huisarts.bakker", {{"otp", recovery}}));
}

TEST_P(SecondFactorHttpTest, AUserSeesAndEndsOnlyTheirOwnSessions) {
  std::string first = Token("huisarts.devries");
  std::string second = LogIn(*client_, "huisarts.devries");
  std::string other = Token("huisarts.jansen");
  testing::HttpResponse listed =
      Expect(200, "GET", "/api/v1/me/sessions", client_->Get("/api/v1/me/sessions", first));
  json::array items = listed.Json().at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  std::string other_id;
  for (const json::value& item : items) {
    if (!item.at("current").as_bool()) other_id = std::string(item.at("id").as_string());
  }
  ASSERT_FALSE(other_id.empty());
  std::string jansens_id(client_->Get("/api/v1/me/sessions", other)
                             .Json().at("items").at(0).at("id").as_string());
  Expect(404, "DELETE", "/api/v1/me/sessions/{id}",
         client_->Delete("/api/v1/me/sessions/" + jansens_id, first));
  Expect(200, "GET", "/api/v1/me", client_->Get("/api/v1/me", other));
  Expect(204, "DELETE", "/api/v1/me/sessions/{id}",
         client_->Delete("/api/v1/me/sessions/" + other_id, first));
  Expect(401, "GET", "/api/v1/me", client_->Get("/api/v1/me", second));
  std::string third = LogIn(*client_, "huisarts.devries");
  testing::HttpResponse ended =
      Expect(200, "DELETE", "/api/v1/me/sessions", client_->Delete("/api/v1/me/sessions", first));
  EXPECT_EQ(ended.Json().at("ended"), 1);
  Expect(401, "GET", "/api/v1/me", client_->Get("/api/v1/me", third));
  Expect(200, "GET", "/api/v1/me", client_->Get("/api/v1/me", first));
}

TEST_P(SecondFactorHttpTest, EveryResponseForbidsFramingAndScripts) {
  for (const char* path : {"/api/v1/me", "/healthz", "/api/v1/nothing"}) {
    testing::HttpResponse response = client_->Get(path);
    EXPECT_EQ(response.Header("content-security-policy"),
              "default-src 'none'; frame-ancestors 'none'") << path;
    EXPECT_EQ(response.Header("x-content-type-options"), "nosniff") << path;
    EXPECT_EQ(response.Header("referrer-policy"), "no-referrer") << path;
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, SecondFactorHttpTest, ::testing::ValuesIn(testing::TestEngines()),
                         TestName);

}  // namespace
}  // namespace meekijk::api
