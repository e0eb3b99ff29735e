// User management and passwords through the real server, on both databases: a coordinator lists
// the people of the care group and makes a one-time reset link; the user, not logged in, sets a
// new password with it once; a user changes their own password and their other sessions end.
#include "api/api_test_fixture.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;

constexpr const char* kNewPassword = "paarse olifanten dansen zelden op dinsdag";

class AccountHttpTest : public ApiTest {
 protected:
  std::vector<std::string> UsernamesManagedBy(const std::string& username) {
    testing::HttpResponse users =
        Expect(200, "GET", "/api/v1/users", client_->Get("/api/v1/users", Token(username)));
    std::vector<std::string> names;
    json::value body = users.Json();
    for (const json::value& user : body.at("items").as_array()) {
      names.emplace_back(user.at("username").as_string());
    }
    return names;
  }

  int64_t UserId(const std::string& username) {
    return Expect(200, "GET", "/api/v1/me", client_->Get("/api/v1/me", Token(username)))
        .Json().at("id").as_int64();
  }

  testing::HttpResponse Login(const std::string& username, const std::string& password) {
    json::object body{{"username", username}, {"password", password},
                      {"otp", otp_.Next(username)}};
    return client_->Post("/api/v1/session", body);
  }

  static bool Contains(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
  }
};

TEST_P(AccountHttpTest, ACoordinatorSeesTheCareGroupsPeopleAndAnAdministratorEveryone) {
  std::vector<std::string> coordinated = UsernamesManagedBy("coordinator.zorggroep");
  EXPECT_TRUE(Contains(coordinated, "huisarts.devries"));   // Kralingen, in the care group
  EXPECT_TRUE(Contains(coordinated, "huisarts.bakker"));    // Zuidplein, in the care group
  EXPECT_FALSE(Contains(coordinated, "huisarts.jansen"));   // Schiedam, another care group
  EXPECT_FALSE(Contains(coordinated, "specialist.smit"));   // a hospital
  EXPECT_FALSE(Contains(coordinated, "admin"));             // never an administrator
  EXPECT_FALSE(Contains(coordinated, "coordinator.zorggroep"));
  std::vector<std::string> everyone = UsernamesManagedBy("admin");
  EXPECT_TRUE(Contains(everyone, "huisarts.jansen"));
  EXPECT_TRUE(Contains(everyone, "coordinator.zorggroep"));
  testing::HttpResponse listed = client_->Get("/api/v1/users", Token("coordinator.zorggroep"));
  EXPECT_EQ(listed.body.find("password"), std::string::npos);
  EXPECT_EQ(listed.body.find("$argon2"), std::string::npos);
  Expect(403, "GET", "/api/v1/users", client_->Get("/api/v1/users", Token("huisarts.devries")));
}

TEST_P(AccountHttpTest, AResetLinkSetsAStrongPasswordOnceAndEndsTheUsersSessions) {
  std::string old_session = Token("huisarts.devries");
  int64_t devries = UserId("huisarts.devries");
  std::string path = "/api/v1/users/" + std::to_string(devries) + "/password-reset";
  testing::HttpResponse issued = Expect(
      201, "POST", "/api/v1/users/{id}/password-reset",
      client_->Post(path, json::object{}, Token("coordinator.zorggroep")));
  std::string token(issued.Json().at("token").as_string());
  EXPECT_EQ(std::string(issued.Json().at("path").as_string()), "/wachtwoord-herstellen#" + token);

  testing::HttpResponse weak = Expect(
      422, "POST", "/api/v1/password-reset",
      client_->Post("/api/v1/password-reset", json::object{{"token", token},
                                                             {"password", "password1234"}}));
  EXPECT_EQ(weak.Json().at("error").at("field"), "password");
  testing::HttpResponse missing = Expect(
      422, "POST", "/api/v1/password-reset",
      client_->Post("/api/v1/password-reset", json::object{{"token", token}}));
  EXPECT_EQ(missing.Json().at("error").at("message"), "‘Nieuw wachtwoord’ is verplicht.");
  Expect(204, "POST", "/api/v1/password-reset",
         client_->Post("/api/v1/password-reset",
                       json::object{{"token", token}, {"password", kNewPassword}}));

  Expect(401, "GET", "/api/v1/me", client_->Get("/api/v1/me", old_session));
  Expect(401, "POST", "/api/v1/session", Login("huisarts.devries", kDemoPassword));
  Expect(200, "POST", "/api/v1/session", Login("huisarts.devries", kNewPassword));
  testing::HttpResponse again = Expect(
      404, "POST", "/api/v1/password-reset",
      client_->Post("/api/v1/password-reset",
                    json::object{{"token", token}, {"password", "nog een heel andere lange zin"}}));
  EXPECT_EQ(again.Json().at("error").at("code"), "not_found");
}

TEST_P(AccountHttpTest, ALinkForALostPhoneResetsTheSecondFactorOnlyWithTheIdentityChecked) {
  std::string path =
      "/api/v1/users/" + std::to_string(UserId("huisarts.bakker")) + "/password-reset";
  std::string coordinator = Token("coordinator.zorggroep");
  testing::HttpResponse unchecked = Expect(
      422, "POST", "/api/v1/users/{id}/password-reset",
      client_->Post(path, json::object{{"second_factor", true}}, coordinator));
  EXPECT_EQ(unchecked.Json().at("error").at("field"), "identity_checked");
  testing::HttpResponse issued = Expect(
      201, "POST", "/api/v1/users/{id}/password-reset",
      client_->Post(path, json::object{{"second_factor", true}, {"identity_checked", true}},
                    coordinator));
  EXPECT_EQ(issued.Json().at("second_factor"), true);
  Expect(204, "POST", "/api/v1/password-reset",
         client_->Post("/api/v1/password-reset",
                       json::object{{"token", issued.Json().at("token")},
                                    {"password", kNewPassword}}));
  // No code now: the login reaches nothing but setting up a new authenticator.
  testing::HttpResponse in = Expect(
      200, "POST", "/api/v1/session",
      client_->Post("/api/v1/session", json::object{{"username", "huisarts.bakker"},
                                                    {"password", kNewPassword}}));
  EXPECT_EQ(in.Json().at("user").at("second_factor").at("enrolled"), false);
  EXPECT_EQ(in.Json().at("user").at("second_factor").at("required"), true);
  EXPECT_TRUE(in.Json().at("user").at("memberships").as_array().empty());
}

TEST_P(AccountHttpTest, NoLinkForSomeoneOutsideTheCareGroupNorForOneself) {
  std::string coordinator = Token("coordinator.zorggroep");
  auto path = [&](const std::string& username) {
    return "/api/v1/users/" + std::to_string(UserId(username)) + "/password-reset";
  };
  Expect(404, "POST", "/api/v1/users/{id}/password-reset",
         client_->Post(path("huisarts.jansen"), json::object{}, coordinator));
  Expect(404, "POST", "/api/v1/users/{id}/password-reset",
         client_->Post(path("admin"), json::object{}, coordinator));
  Expect(404, "POST", "/api/v1/users/{id}/password-reset",
         client_->Post("/api/v1/users/999999/password-reset", json::object{}, coordinator));
  Expect(422, "POST", "/api/v1/users/{id}/password-reset",
         client_->Post(path("coordinator.zorggroep"), json::object{}, coordinator));
  Expect(403, "POST", "/api/v1/users/{id}/password-reset",
         client_->Post(path("huisarts.bakker"), json::object{}, Token("huisarts.devries")));
}

TEST_P(AccountHttpTest, ChangingTheOwnPasswordNeedsTheCurrentOneAndEndsTheOtherSessions) {
  std::string here = Token("huisarts.bakker");
  std::string elsewhere = LogIn(*client_, "huisarts.bakker");
  testing::HttpResponse wrong = Expect(
      422, "POST", "/api/v1/me/password",
      client_->Post("/api/v1/me/password",
                    json::object{{"current_password", "geraden-wachtwoord"},
                                 {"new_password", kNewPassword}},
                    here));
  EXPECT_EQ(wrong.Json().at("error").at("field"), "current_password");
  testing::HttpResponse weak = Expect(
      422, "POST", "/api/v1/me/password",
      client_->Post("/api/v1/me/password",
                    json::object{{"current_password", kDemoPassword},
                                 {"new_password", "password1234"}},
                    here));
  EXPECT_EQ(weak.Json().at("error").at("field"), "new_password");
  Expect(204, "POST", "/api/v1/me/password",
         client_->Post("/api/v1/me/password",
                       json::object{{"current_password", kDemoPassword},
                                    {"new_password", kNewPassword}},
                       here));
  Expect(200, "GET", "/api/v1/me", client_->Get("/api/v1/me", here));
  Expect(401, "GET", "/api/v1/me", client_->Get("/api/v1/me", elsewhere));
  Expect(200, "POST", "/api/v1/session", Login("huisarts.bakker", kNewPassword));
}

TEST_P(AccountHttpTest, AnInvitedPersonChoosesAPasswordThroughTheLinkAndCanBeDeactivated) {
  std::string coordinator = Token("coordinator.zorggroep");
  json::value devries_me = client_->Get("/api/v1/me", Token("huisarts.devries")).Json();
  int64_t kralingen = devries_me.at("memberships").at(0).at("organisation_id").as_int64();
  json::value jansen_me = client_->Get("/api/v1/me", Token("huisarts.jansen")).Json();
  int64_t schiedam = jansen_me.at("memberships").at(0).at("organisation_id").as_int64();
  auto invitation = [&](const std::string& username, int64_t organisation, const char* role) {
    return json::object{{"username", username},
                        {"display_name", "Dr. Nieuw"},
                        {"agb", "01123456"},
                        {"memberships", json::array{json::object{{"organisation_id", organisation},
                                                                 {"role", role}}}}};
  };
  testing::HttpResponse invited = Expect(
      201, "POST", "/api/v1/users",
      client_->Post("/api/v1/users", invitation("huisarts.nieuw", kralingen, "gp"), coordinator));
  std::string token(invited.Json().at("token").as_string());
  EXPECT_EQ(invited.Json().at("path").as_string(), "/wachtwoord-herstellen#" + token);
  int64_t id = invited.Json().at("id").as_int64();

  for (auto [body, status, field] :
       {std::tuple{invitation("huisarts.nieuw", kralingen, "gp"), 409, "username"},
        std::tuple{invitation("huisarts.elders", schiedam, "gp"), 422, "memberships"},
        std::tuple{invitation("beheerder.nieuw", kralingen, "admin"), 422, "memberships"},
        std::tuple{invitation("specialist.nieuw", kralingen, "specialist"), 422, "role"},
        std::tuple{invitation("huisarts.astronaut", kralingen, "astronaut"), 422,
                   "role"}}) {
    testing::HttpResponse refused =
        Expect(status, "POST", "/api/v1/users", client_->Post("/api/v1/users", body, coordinator));
    EXPECT_EQ(refused.Json().at("error").at("field"), field) << refused.body;
  }
  json::object bad_agb = invitation("huisarts.agb", kralingen, "gp");
  bad_agb["agb"] = "0112";
  Expect(422, "POST", "/api/v1/users", client_->Post("/api/v1/users", bad_agb, coordinator));
  Expect(403, "POST", "/api/v1/users",
         client_->Post("/api/v1/users", invitation("x.y", kralingen, "gp"),
                       Token("huisarts.devries")));

  // No password works until the person chooses one through the link.
  auto login = [&](const std::string& password) {
    return client_->Post("/api/v1/session",
                         json::object{{"username", "huisarts.nieuw"}, {"password", password}});
  };
  Expect(401, "POST", "/api/v1/session", login(""));
  Expect(204, "POST", "/api/v1/password-reset",
         client_->Post("/api/v1/password-reset",
                       json::object{{"token", token}, {"password", kNewPassword}}));
  testing::HttpResponse first = Expect(200, "POST", "/api/v1/session", login(kNewPassword));
  std::string session(first.Json().at("token").as_string());
  EXPECT_TRUE(first.Json().at("user").at("second_factor").at("required").as_bool());

  testing::HttpResponse listed = client_->Get("/api/v1/users", coordinator);
  EXPECT_NE(listed.body.find("\"agb\":\"01123456\""), std::string::npos);

  // Deactivated: the session ends at once and no login works; the name stays.
  std::string path = "/api/v1/users/" + std::to_string(id);
  testing::HttpResponse off = Expect(200, "POST", "/api/v1/users/{id}/deactivate",
                                     client_->Post(path + "/deactivate", json::object{},
                                                   coordinator));
  EXPECT_FALSE(off.Json().at("active").as_bool());
  EXPECT_EQ(off.Json().at("display_name"), "Dr. Nieuw");
  Expect(401, "GET", "/api/v1/me", client_->Get("/api/v1/me", session));
  Expect(401, "POST", "/api/v1/session", login(kNewPassword));
  Expect(404, "POST", "/api/v1/users/{id}/reactivate",
         client_->Post(path + "/reactivate", json::object{}, Token("coordinator.hon")));
  Expect(200, "POST", "/api/v1/users/{id}/reactivate",
         client_->Post(path + "/reactivate", json::object{}, coordinator));
  Expect(200, "POST", "/api/v1/session", login(kNewPassword));
  Expect(422, "POST", "/api/v1/users/{id}/deactivate",
         client_->Post("/api/v1/users/" + std::to_string(UserId("coordinator.zorggroep")) +
                           "/deactivate",
                       json::object{}, coordinator));
}

INSTANTIATE_TEST_SUITE_P(Engines, AccountHttpTest, ::testing::ValuesIn(testing::TestEngines()),
                         TestName);

}  // namespace
}  // namespace meekijk::api
