// What the browser app relies on, through the real server: cookie sessions with CSRF, ICPC
// search, draft autosave, the change fingerprint, and the page shown when the app is not built.
#include "api/api_test_fixture.h"
#include "auth/totp.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;

class WebApiHttpTest : public ApiTest {
 protected:
  struct BrowserSession {
    std::string cookie;  // "meekijk_session=…"
    std::string csrf;
  };

  BrowserSession BrowserLogin(const std::string& username) {
    testing::HttpResponse response = Expect(
        200, "POST", "/api/v1/session",
        client_->Send("POST", "/api/v1/session",
                      json::serialize(json::object{{"username", username},
                                                   {"password", kDemoPassword},
                                                   {"otp", otp_.Next(username)}}),
                      {{"X-Meekijk-Client", "web"}, {"Content-Type", "application/json"}}));
    json::value body = response.Json();
    EXPECT_FALSE(body.as_object().contains("token")) << "a browser never sees its token";
    std::string set_cookie = response.Header("set-cookie");
    EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(set_cookie.find("SameSite=Strict"), std::string::npos);
    return {set_cookie.substr(0, set_cookie.find(';')),
            std::string(body.at("csrf_token").as_string())};
  }

  testing::HttpResponse AsBrowser(const BrowserSession& session, const std::string& method,
                                  const std::string& target, const json::value& body,
                                  bool with_csrf) {
    std::vector<std::pair<std::string, std::string>> headers{{"Cookie", session.cookie}};
    if (with_csrf) headers.emplace_back("X-CSRF-Token", session.csrf);
    if (!body.is_null()) headers.emplace_back("Content-Type", "application/json");
    return client_->Send(method, target, body.is_null() ? "" : json::serialize(body), headers);
  }

  std::string Fingerprint(const std::string& username) {
    return std::string(Expect(200, "GET", "/api/v1/changes",
                              client_->Get("/api/v1/changes", Token(username)))
                           .Json().at("fingerprint").as_string());
  }
};

TEST_P(WebApiHttpTest, ABrowserThatSetsUpItsSecondFactorGoesOnUnderANewCookie) {
  BrowserSession before = BrowserLogin("huisarts.devries");
  testing::HttpResponse begun =
      Expect(201, "POST", "/api/v1/me/otp", AsBrowser(before, "POST", "/api/v1/me/otp", {}, true));
  std::string secret = auth::FromBase32(begun.Json().at("secret").as_string()).value_or("");
  testing::HttpResponse confirmed = Expect(
      200, "POST", "/api/v1/me/otp/confirm",
      AsBrowser(before, "POST", "/api/v1/me/otp/confirm",
                json::object{{"otp", auth::TotpCode(secret, std::chrono::system_clock::now())}},
                true));
  json::value body = confirmed.Json();
  EXPECT_FALSE(body.as_object().contains("token")) << "a browser never sees its token";
  std::string set_cookie = confirmed.Header("set-cookie");
  EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
  BrowserSession after{set_cookie.substr(0, set_cookie.find(';')),
                       std::string(body.at("csrf_token").as_string())};
  EXPECT_NE(after.cookie, before.cookie);
  EXPECT_NE(after.csrf, before.csrf);
  Expect(401, "GET", "/api/v1/me", AsBrowser(before, "GET", "/api/v1/me", nullptr, false));
  testing::HttpResponse me =
      Expect(200, "GET", "/api/v1/me", AsBrowser(after, "GET", "/api/v1/me", nullptr, false));
  EXPECT_EQ(std::string(me.Json().at("csrf_token").as_string()), after.csrf);
  EXPECT_EQ(me.Json().at("second_factor").at("this_login"), true);
  Expect(204, "DELETE", "/api/v1/session", AsBrowser(after, "DELETE", "/api/v1/session", nullptr, true));
}

TEST_P(WebApiHttpTest, BrowserSessionsUseTheCookieAndRefuseChangesWithoutCsrf) {
  BrowserSession browser = BrowserLogin("huisarts.devries");
  testing::HttpResponse me =
      Expect(200, "GET", "/api/v1/me", AsBrowser(browser, "GET", "/api/v1/me", nullptr, false));
  EXPECT_EQ(me.Json().at("csrf_token").as_string(), browser.csrf);
  size_t before = client_->Get("/api/v1/consults?limit=200", Token("huisarts.devries"))
                      .Json().at("items").as_array().size();

  testing::HttpResponse forged =
      Expect(403, "POST", "/api/v1/consults",
             AsBrowser(browser, "POST", "/api/v1/consults", NewConsultBody(true), false));
  EXPECT_EQ(forged.Json().at("error").at("field"), "csrf");
  BrowserSession wrong = browser;
  wrong.csrf = std::string(browser.csrf.size(), '0');
  Expect(403, "POST", "/api/v1/consults",
         AsBrowser(wrong, "POST", "/api/v1/consults", NewConsultBody(true), true));
  EXPECT_EQ(client_->Get("/api/v1/consults?limit=200", Token("huisarts.devries"))
                .Json().at("items").as_array().size(),
            before);

  Expect(201, "POST", "/api/v1/consults",
         AsBrowser(browser, "POST", "/api/v1/consults", NewConsultBody(true), true));
  testing::HttpResponse logout = Expect(
      204, "DELETE", "/api/v1/session", AsBrowser(browser, "DELETE", "/api/v1/session", nullptr, true));
  EXPECT_NE(logout.Header("set-cookie").find("Max-Age=0"), std::string::npos);
  Expect(401, "GET", "/api/v1/me", AsBrowser(browser, "GET", "/api/v1/me", nullptr, false));
}

TEST_P(WebApiHttpTest, BehindATrustedProxyTheCookieIsHostPrefixedAndSecureAndTheClientIsKnown) {
  auto browser_login = [&](testing::HttpClient& client, const std::string& username) {
    return client.Send("POST", "/api/v1/session",
                       json::serialize(json::object{{"username", username},
                                                    {"password", kDemoPassword},
                                                    {"otp", otp_.Next(username)}}),
                       {{"X-Meekijk-Client", "web"}, {"Content-Type", "application/json"},
                        {"X-Forwarded-Proto", "https"}, {"X-Forwarded-For", "203.0.113.7"}});
  };
  // No proxy is trusted by default: a client cannot claim HTTPS nor another address.
  testing::HttpResponse direct = browser_login(*client_, "huisarts.devries");
  EXPECT_EQ(direct.Header("set-cookie").rfind("meekijk_session=", 0), 0u);
  EXPECT_EQ(direct.Header("set-cookie").find("Secure"), std::string::npos);

  std::unique_ptr<testing::ServerProcess> proxied = StartNode({"--trusted-proxy", "127.0.0.1"});
  testing::HttpClient behind(proxied->port());
  testing::HttpResponse login = browser_login(behind, "huisarts.jansen");
  ASSERT_EQ(login.status, 200) << login.body;
  std::string cookie = login.Header("set-cookie");
  EXPECT_EQ(cookie.rfind("__Host-meekijk_session=", 0), 0u) << cookie;
  EXPECT_NE(cookie.find("; Secure"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/"), std::string::npos);
  EXPECT_EQ(cookie.find("Domain="), std::string::npos) << "__Host- cookies name no domain";
  testing::HttpResponse sessions = behind.Send(
      "GET", "/api/v1/me/sessions", "",
      {{"Cookie", cookie.substr(0, cookie.find(';'))}, {"X-Forwarded-Proto", "https"}});
  ASSERT_EQ(sessions.status, 200) << sessions.body;
  EXPECT_EQ(sessions.Json().at("items").at(0).at("client_address"), "203.0.113.7");
  // The plain-HTTP cookie name is not read over HTTPS, nor the other way round.
  testing::HttpResponse plain_name = behind.Send(
      "GET", "/api/v1/me", "",
      {{"Cookie", "meekijk_session=" + cookie.substr(cookie.find('=') + 1, cookie.find(';') - cookie.find('=') - 1)},
       {"X-Forwarded-Proto", "https"}});
  EXPECT_EQ(plain_name.status, 401);
  EXPECT_EQ(proxied->Stop(), 0);
}

TEST_P(WebApiHttpTest, IcpcSearchFindsByCodeAndByDutchWord) {
  std::string gp = Token("huisarts.devries");
  json::value by_code =
      Expect(200, "GET", "/api/v1/icpc", client_->Get("/api/v1/icpc?q=s87", gp)).Json();
  EXPECT_EQ(by_code.at("items").at(0).at("code"), "S87");
  json::value by_word =
      Expect(200, "GET", "/api/v1/icpc", client_->Get("/api/v1/icpc?q=eczeem&limit=50", gp)).Json();
  bool found = false;
  for (const json::value& item : by_word.at("items").as_array()) found |= item.at("code") == "S87";
  EXPECT_TRUE(found);
  Expect(401, "GET", "/api/v1/icpc", client_->Get("/api/v1/icpc?q=s87"));
}

TEST_P(WebApiHttpTest, DraftsAreUpdatedOnlyWhileTheyAreDrafts) {
  std::string assistant = Token("assistent.visser");
  int64_t id = client_->Post("/api/v1/consults", NewConsultBody(false), assistant)
                   .Json().at("id").as_int64();
  json::object changed = NewConsultBody(false);
  changed["question"] = "Handeczeem: nu ook op de polsen. Eerst behandelen?";
  auto put = [&](const json::object& body, const std::string& token) {
    return client_->Send("PUT", ConsultPath(id), json::serialize(body),
                         {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}});
  };
  Expect(200, "PUT", "/api/v1/consults/{id}", put(changed, assistant));
  EXPECT_EQ(GetConsult(id, "huisarts.devries").at("question"), changed["question"]);

  json::object invalid = changed;
  invalid["patient"].as_object()["bsn"] = "123456789";
  EXPECT_EQ(Expect(422, "PUT", "/api/v1/consults/{id}", put(invalid, assistant))
                .Json().at("error").at("field"),
            "patient.bsn");
  Expect(404, "PUT", "/api/v1/consults/{id}", put(changed, Token("huisarts.bakker")));
  ASSERT_EQ(client_->Post(ConsultPath(id, "send"), json::object{}, Token("huisarts.devries")).status,
            200);
  Expect(409, "PUT", "/api/v1/consults/{id}", put(NewConsultBody(false), assistant));
  EXPECT_EQ(GetConsult(id, "huisarts.devries").at("question"), changed["question"]);
}

TEST_P(WebApiHttpTest, TheFingerprintMovesOnlyForConsultsTheCallerCanSee) {
  std::string gp = Fingerprint("huisarts.devries");
  std::string other_practice = Fingerprint("huisarts.bakker");
  std::string specialist = Fingerprint("specialist.smit");
  EXPECT_EQ(Fingerprint("huisarts.devries"), gp);  // stable while nothing changes
  int64_t id = CreateConsult();
  EXPECT_NE(Fingerprint("huisarts.devries"), gp);
  EXPECT_NE(Fingerprint("specialist.smit"), specialist);  // it arrived in the pool
  EXPECT_EQ(Fingerprint("huisarts.bakker"), other_practice);
  std::string after_send = Fingerprint("huisarts.devries");
  ASSERT_EQ(client_->Post(ConsultPath(id, "claim"), json::object{}, Token("specialist.smit")).status,
            200);
  EXPECT_NE(Fingerprint("huisarts.devries"), after_send);
}

TEST_P(WebApiHttpTest, ADraftNamingASpecialistDoesNotMoveTheirFingerprint) {
  int64_t smit = Expect(200, "GET", "/api/v1/me", client_->Get("/api/v1/me", Token("specialist.smit")))
                     .Json().at("id").as_int64();
  std::string specialist = Fingerprint("specialist.smit");
  json::object draft = NewConsultBody(false);
  draft["specialist_id"] = smit;
  testing::HttpResponse created = Expect(201, "POST", "/api/v1/consults",
                                         client_->Post("/api/v1/consults", draft,
                                                       Token("huisarts.devries")));
  int64_t id = created.Json().at("id").as_int64();
  EXPECT_EQ(Fingerprint("specialist.smit"), specialist);  // the draft is a 404 to them
  draft["question"] = "Handeczeem: nu ook op de polsen. Eerst behandelen?";
  Expect(200, "PUT", "/api/v1/consults/{id}",
         client_->Send("PUT", ConsultPath(id), json::serialize(draft),
                       {{"Authorization", "Bearer " + Token("huisarts.devries")},
                        {"Content-Type", "application/json"}}));
  EXPECT_EQ(Fingerprint("specialist.smit"), specialist);
  Expect(200, "POST", "/api/v1/consults/{id}/send",
         client_->Post(ConsultPath(id, "send"), json::object{}, Token("huisarts.devries")));
  EXPECT_NE(Fingerprint("specialist.smit"), specialist);  // sent, it is theirs to see
}

TEST_P(WebApiHttpTest, ExplainsAMissingWebBuildAndKeepsTheApiWorking) {
  std::unique_ptr<testing::ServerProcess> node = StartNode({"--web", "/nonexistent/dist"});
  testing::HttpClient other(node->port());
  testing::HttpResponse page = other.Get("/consults/1");
  EXPECT_EQ(page.status, 503);
  EXPECT_NE(page.body.find("De webapp is nog niet gebouwd"), std::string::npos);
  EXPECT_EQ(other.Get("/api/v1/nope").status, 404);  // API paths never fall back to the app
  EXPECT_EQ(other.Get("/healthz").status, 200);
}

INSTANTIATE_TEST_SUITE_P(Engines, WebApiHttpTest, ::testing::ValuesIn(testing::TestEngines()),
                         TestName);

}  // namespace
}  // namespace meekijk::api
