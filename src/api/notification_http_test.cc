// Notifications, choices, rosters and absences over HTTP, on both databases: the list and its
// unread count follow what happens and what is opened; bad input is refused naming its field and
// changes nothing.
#include "api/api_test_fixture.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;

class NotificationHttpTest : public ApiTest {
 protected:
  json::object Notifications(const std::string& username, const std::string& query = "") {
    testing::HttpResponse listed =
        Expect(200, "GET", "/api/v1/notifications",
               client_->Get("/api/v1/notifications" + query, Token(username)));
    return listed.Json().as_object();
  }

  int64_t PoolId(const std::string& name) {
    json::value pools = client_->Get("/api/v1/pools", Token("admin")).Json();
    for (const json::value& pool : pools.at("items").as_array()) {
      if (pool.at("name").as_string() == name) return pool.at("id").as_int64();
    }
    ADD_FAILURE() << "no pool " << name;
    return 0;
  }
};

TEST_P(NotificationHttpTest, TheListFollowsWhatHappensAndOpeningTheConsultReadsIt) {
  int64_t unread_before = Notifications("specialist.smit").at("unread").as_int64();
  std::string fingerprint_before = std::string(
      client_->Get("/api/v1/changes", Token("specialist.smit")).Json().at("fingerprint").as_string());
  int64_t id = CreateConsult(true);
  json::object told = Notifications("specialist.smit");
  EXPECT_EQ(told.at("unread").as_int64(), unread_before + 1);
  json::object newest = told.at("items").as_array().at(0).as_object();
  EXPECT_EQ(newest.at("kind").as_string(), "consult_sent");
  EXPECT_EQ(newest.at("consult_id").as_int64(), id);
  EXPECT_EQ(newest.at("specialty").as_string(), "dermatologie");
  EXPECT_FALSE(newest.at("read").as_bool());
  EXPECT_NE(client_->Get("/api/v1/changes", Token("specialist.smit")).Json().at("fingerprint"),
            json::value(fingerprint_before));
  GetConsult(id, "specialist.smit");
  EXPECT_EQ(Notifications("specialist.smit").at("unread").as_int64(), unread_before);
  EXPECT_TRUE(Notifications("specialist.smit").at("items").as_array().at(0).at("read").as_bool());
  // The colleague in the pool still has it unread; "all read" clears theirs.
  EXPECT_GE(Notifications("specialist.mulder").at("unread").as_int64(), 1);
  testing::HttpResponse read =
      Expect(200, "POST", "/api/v1/notifications/read",
             client_->Post("/api/v1/notifications/read", json::object{}, Token("specialist.mulder")));
  EXPECT_EQ(read.Json().at("unread").as_int64(), 0);
  // Paging: one at a time, following next_before.
  json::object first = Notifications("specialist.mulder", "?limit=1");
  ASSERT_TRUE(first.at("next_before").is_int64());
  json::object second = Notifications(
      "specialist.mulder", "?limit=1&before=" + std::to_string(first.at("next_before").as_int64()));
  EXPECT_LT(second.at("items").as_array().at(0).at("id").as_int64(),
            first.at("items").as_array().at(0).at("id").as_int64());
  Expect(422, "GET", "/api/v1/notifications",
         client_->Get("/api/v1/notifications?before=zero", Token("specialist.mulder")));
}

TEST_P(NotificationHttpTest, ChoicesAreSavedAndBadOnesRefusedWithoutChangingAnything) {
  testing::HttpResponse defaults =
      Expect(200, "GET", "/api/v1/me/notification-settings",
             client_->Get("/api/v1/me/notification-settings", Token("huisarts.devries")));
  EXPECT_EQ(defaults.Json().at("language").as_string(), "nl");
  EXPECT_EQ(defaults.Json().at("digest_hour").as_int64(), 8);
  json::object change{{"language", "en"},
                      {"digest_hour", 17},
                      {"kinds", json::array{json::object{{"kind", "advice_given"},
                                                         {"delivery", "digest"}}}}};
  testing::HttpResponse saved = Expect(
      200, "PATCH", "/api/v1/me/notification-settings",
      client_->Patch("/api/v1/me/notification-settings", change, Token("huisarts.devries")));
  EXPECT_EQ(saved.Json().at("language").as_string(), "en");
  bool found = false;
  json::value settings = saved.Json();
  for (const json::value& kind : settings.at("kinds").as_array()) {
    if (kind.at("kind").as_string() != "advice_given") continue;
    found = true;
    EXPECT_EQ(kind.at("delivery").as_string(), "digest");
    EXPECT_TRUE(kind.at("chosen").as_bool());
  }
  EXPECT_TRUE(found);
  const std::pair<json::object, std::string> refusals[] = {
      {{{"digest_hour", 24}}, "digest_hour"},
      {{{"digest_hour", "acht"}}, "digest_hour"},
      {{{"language", "de"}}, "language"},
      {{{"kinds", json::array{json::object{{"kind", "invitation"}, {"delivery", "off"}}}}},
       "kinds"},
      {{{"kinds", json::array{json::object{{"kind", "advice_given"}, {"delivery", "weekly"}}}}},
       "kinds.0.delivery"},
  };
  for (const auto& [body, field] : refusals) {
    testing::HttpResponse refused = Expect(
        422, "PATCH", "/api/v1/me/notification-settings",
        client_->Patch("/api/v1/me/notification-settings", body, Token("huisarts.devries")));
    EXPECT_EQ(refused.Json().at("error").at("field").as_string(), field) << refused.body;
  }
  testing::HttpResponse after =
      client_->Get("/api/v1/me/notification-settings", Token("huisarts.devries"));
  EXPECT_EQ(after.Json().at("digest_hour").as_int64(), 17);
  EXPECT_EQ(after.Json().at("language").as_string(), "en");
}

TEST_P(NotificationHttpTest, ThePoolsCoordinatorMakesTheRosterItsMembersSeeIt) {
  int64_t pool = PoolId("Dermatologie Maasstad");
  std::string path = "/api/v1/pools/" + std::to_string(pool) + "/roster";
  testing::HttpResponse roster =
      Expect(200, "GET", "/api/v1/pools/{id}/roster", client_->Get(path, Token("specialist.smit")));
  EXPECT_FALSE(roster.Json().at("may_change").as_bool());
  EXPECT_FALSE(roster.Json().at("has_roster").as_bool());
  int64_t smit = roster.Json().at("members").as_array().at(0).at("id").as_int64();
  json::object week{{"week", "2026-W50"}, {"user_ids", json::array{smit}}};
  Expect(403, "PUT", "/api/v1/pools/{id}/roster",
         client_->Send("PUT", path, json::serialize(week),
                       {{"Authorization", "Bearer " + Token("specialist.smit")},
                        {"Content-Type", "application/json"}}));
  testing::HttpResponse set = Expect(
      200, "PUT", "/api/v1/pools/{id}/roster",
      client_->Send("PUT", path, json::serialize(week),
                    {{"Authorization", "Bearer " + Token("coordinator.maasstad")},
                     {"Content-Type", "application/json"}}));
  EXPECT_TRUE(set.Json().at("has_roster").as_bool());
  testing::HttpResponse seen = Expect(
      200, "GET", "/api/v1/pools/{id}/roster",
      client_->Get(path + "?week=2026-W50", Token("specialist.mulder")));
  EXPECT_TRUE(seen.Json().at("has_roster").as_bool());
  Expect(422, "GET", "/api/v1/pools/{id}/roster",
         client_->Get(path + "?week=50", Token("specialist.mulder")));
  json::object stranger{{"week", "2026-W50"}, {"user_ids", json::array{999999}}};
  testing::HttpResponse refused = Expect(
      422, "PUT", "/api/v1/pools/{id}/roster",
      client_->Send("PUT", path, json::serialize(stranger),
                    {{"Authorization", "Bearer " + Token("coordinator.maasstad")},
                     {"Content-Type", "application/json"}}));
  EXPECT_EQ(refused.Json().at("error").at("field").as_string(), "user_ids");
}

TEST_P(NotificationHttpTest, AbsencesAreRecordedByThePersonOrTheirCoordinatorAndRemoved) {
  testing::HttpResponse added = Expect(
      201, "POST", "/api/v1/absences",
      client_->Post("/api/v1/absences",
                    json::object{{"first_day", "2026-12-21"}, {"last_day", "2027-01-01"},
                                 {"reason", "holiday"}},
                    Token("specialist.smit")));
  int64_t id = added.Json().at("id").as_int64();
  EXPECT_EQ(added.Json().at("user").at("name").as_string(), "Dr. Eva Smit, dermatoloog");
  testing::HttpResponse listed = Expect(200, "GET", "/api/v1/absences",
                                        client_->Get("/api/v1/absences", Token("coordinator.maasstad")));
  EXPECT_EQ(listed.Json().at("items").as_array().size(), 1u);
  const std::pair<json::object, std::string> refusals[] = {
      {{{"first_day", "2026-12-21"}, {"reason", "holiday"}}, "last_day"},
      {{{"first_day", "21-12-2026"}, {"last_day", "2026-12-22"}, {"reason", "holiday"}},
       "first_day"},
      {{{"first_day", "2026-12-22"}, {"last_day", "2026-12-21"}, {"reason", "holiday"}},
       "last_day"},
      {{{"first_day", "2026-12-21"}, {"last_day", "2026-12-22"}, {"reason", "bored"}}, "reason"},
      {{{"user_id", added.Json().at("user").at("id").as_int64()}, {"first_day", "2026-12-21"},
        {"last_day", "2026-12-22"}, {"reason", "illness"}},
       "user_id"},  // someone else's, as a colleague
  };
  for (const auto& [body, field] : refusals) {
    testing::HttpResponse refused = Expect(
        422, "POST", "/api/v1/absences",
        client_->Post("/api/v1/absences", body, Token("specialist.mulder")));
    EXPECT_EQ(refused.Json().at("error").at("field").as_string(), field) << refused.body;
  }
  EXPECT_EQ(client_->Get("/api/v1/absences", Token("coordinator.maasstad"))
                .Json().at("items").as_array().size(),
            1u);  // nothing was added
  Expect(404, "DELETE", "/api/v1/absences/{id}",
         client_->Delete("/api/v1/absences/" + std::to_string(id), Token("specialist.mulder")));
  testing::HttpResponse removed =
      client_->Delete("/api/v1/absences/" + std::to_string(id), Token("coordinator.maasstad"));
  EXPECT_EQ(removed.status, 204);
  EXPECT_TRUE(client_->Get("/api/v1/absences", Token("specialist.smit"))
                  .Json().at("items").as_array().empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, NotificationHttpTest, ::testing::ValuesIn(testing::TestEngines()),
                         TestName);

}  // namespace
}  // namespace meekijk::api
