// Launch from the HIS against the real server on both databases: a coordinator registers the
// practice's key, a link signed with it logs the GP in (with their code) and opens a pre-filled
// draft; used, expired, tampered, foreign and revoked links are refused alike and change nothing.
#include <boost/json/serialize.hpp>

#include "api/api_test_fixture.h"
#include "auth/jwt.h"
#include "testing/test_keys.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;

// The test client sends Host: 127.0.0.1.
constexpr const char* kLaunchUrl = "http://127.0.0.1/launch";

class LaunchHttpTest : public ApiTest {
 protected:
  int64_t Kralingen() {
    json::value listed = client_->Get("/api/v1/organisations", Token("admin")).Json();
    for (const json::value& o : listed.at("items").as_array()) {
      if (o.at("name") == "Huisartsenpraktijk Kralingen") return o.at("id").as_int64();
    }
    ADD_FAILURE() << "no Kralingen";
    return 0;
  }

  // Registers the key as the care group's coordinator; returns the key's json.
  json::value RegisterKey(const testing::KeyPair& key) {
    json::object body{{"organisation_id", Kralingen()}, {"name", "Medicom Kralingen"},
                      {"public_key", key.public_pem}};
    return Expect(201, "POST", "/api/v1/launch-keys",
                  client_->Post("/api/v1/launch-keys", body, Token("coordinator.zorggroep")))
        .Json();
  }

  std::string Link(const std::string& key_id, const testing::KeyPair& key, int64_t lifetime = 120,
                   const std::string& agb = "01012345") {
    int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                      std::chrono::system_clock::now().time_since_epoch()).count();
    json::object claims{
        {"iss", key_id}, {"aud", kLaunchUrl}, {"exp", now + lifetime},
        {"jti", "launch-" + std::to_string(++jti_)}, {"agb", agb},
        {"patient", json::object{{"birth_year", 1961}, {"sex", "male"}}},
        {"icpc", "S88"}, {"summary", "Sinds 6 weken een schilferende plek op de rug."},
        {"question", "Past dit bij een basaalcelcarcinoom?"}, {"specialty", "dermatologie"}};
    return *auth::SignWithPrivateKey(json::serialize(claims), key.private_pem, "ES256");
  }

  testing::HttpResponse Launch(const std::string& token, const std::string& otp = "") {
    json::object body{{"token", token}};
    if (!otp.empty()) body["otp"] = otp;
    return client_->Post("/api/v1/launch", body);
  }

  int Drafts() {
    json::value outbox = client_->Get("/api/v1/consults?box=outbox&status=draft&limit=100",
                                      Token("huisarts.devries")).Json();
    return static_cast<int>(outbox.at("items").as_array().size());
  }

  testing::KeyPair key_ = testing::EcKeyPair();
  int jti_ = 0;
};

TEST_P(LaunchHttpTest, ASignedLinkLogsTheGpInWithTheirCodeAndOpensAPreFilledDraft) {
  json::value key = RegisterKey(key_);
  std::string key_id(key.at("key_id").as_string());
  std::string link = Link(key_id, key_);

  testing::HttpResponse preview = Expect(200, "POST", "/api/v1/launch", Launch(link));
  EXPECT_EQ(preview.Json().at("status"), "code_required");
  EXPECT_EQ(preview.Json().at("user").at("display_name"), "Dr. Anna de Vries");
  testing::HttpResponse wrong = Launch(link, "000000");
  EXPECT_EQ(wrong.status, 401);

  testing::HttpResponse launched =
      Expect(200, "POST", "/api/v1/launch", Launch(link, otp_.Next("huisarts.devries")));
  EXPECT_NE(launched.Header("set-cookie").find("meekijk_session="), std::string::npos);
  int64_t consult_id = launched.Json().at("consult_id").as_int64();
  json::object draft = GetConsult(consult_id, "huisarts.devries");
  EXPECT_EQ(draft.at("status"), "draft");
  EXPECT_EQ(draft.at("icpc"), "S88");
  EXPECT_EQ(draft.at("specialty"), "dermatologie");
  EXPECT_EQ(draft.at("question"), "Past dit bij een basaalcelcarcinoom?");
  EXPECT_EQ(draft.at("patient").at("birth_year"), 1961);

  // The link is worth one login, and a used one is refused before a code is asked.
  int drafts = Drafts();
  EXPECT_EQ(Launch(link).status, 401);
  testing::HttpResponse again = Launch(link, otp_.Next("huisarts.devries"));
  EXPECT_EQ(again.status, 401);
  EXPECT_EQ(again.Json().at("error").at("code"), "launch_invalid");
  EXPECT_EQ(Drafts(), drafts);
}

TEST_P(LaunchHttpTest, ExpiredTamperedForeignAndRevokedLinksAreRefusedAlike) {
  json::value key = RegisterKey(key_);
  std::string key_id(key.at("key_id").as_string());
  testing::KeyPair stranger = testing::EcKeyPair();
  std::string tampered = Link(key_id, key_);
  tampered[tampered.size() - 4] = tampered[tampered.size() - 4] == 'A' ? 'B' : 'A';
  int drafts = Drafts();
  for (const std::string& link :
       {Link(key_id, key_, -10), Link(key_id, key_, 3600), tampered, Link(key_id, stranger),
        Link("his-unknown", key_), Link(key_id, key_, 120, "01023456") /* another practice's GP */,
        std::string("not a token")}) {
    testing::HttpResponse refused = Launch(link);
    EXPECT_EQ(refused.status, 401) << link;
    EXPECT_EQ(refused.Json().at("error").at("code"), "launch_invalid");
  }
  // Revoked by the administrator: the key's links stop.
  std::string link = Link(key_id, key_);
  Expect(200, "POST", "/api/v1/launch-keys/{id}/revoke",
         client_->Post("/api/v1/launch-keys/" + std::to_string(key.at("id").as_int64()) + "/revoke",
                       json::object{}, Token("admin")));
  EXPECT_EQ(Launch(link).status, 401);
  EXPECT_EQ(Drafts(), drafts);
}

TEST_P(LaunchHttpTest, KeysAreRegisteredForOwnPracticesWithAPublicKeyOnly) {
  json::object body{{"organisation_id", Kralingen()}, {"name", "Medicom"},
                    {"public_key", key_.private_pem}};
  testing::HttpResponse private_half = Expect(
      422, "POST", "/api/v1/launch-keys",
      client_->Post("/api/v1/launch-keys", body, Token("coordinator.zorggroep")));
  EXPECT_EQ(private_half.Json().at("error").at("field"), "public_key");
  // HON's coordinator does not coordinate Kralingen.
  body["public_key"] = key_.public_pem;
  testing::HttpResponse foreign = Expect(
      422, "POST", "/api/v1/launch-keys",
      client_->Post("/api/v1/launch-keys", body, Token("coordinator.hon")));
  EXPECT_EQ(foreign.Json().at("error").at("field"), "organisation_id");
  EXPECT_EQ(client_->Post("/api/v1/launch-keys", body, Token("huisarts.devries")).status, 403);
  RegisterKey(key_);
  EXPECT_EQ(client_->Get("/api/v1/launch-keys", Token("coordinator.zorggroep")).Json().at("items").as_array().size(), 1u);
  EXPECT_EQ(client_->Get("/api/v1/launch-keys", Token("coordinator.hon")).Json().at("items").as_array().size(), 0u);
}

INSTANTIATE_TEST_SUITE_P(Engines, LaunchHttpTest, ::testing::ValuesIn(testing::TestEngines()),
                         TestName);

}  // namespace
}  // namespace meekijk::api
