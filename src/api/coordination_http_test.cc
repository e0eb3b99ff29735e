// The hospital coordinator's overview and assignment over HTTP, on both databases: what needs
// them comes first, and they give a consult of their pool to one of its specialists; everyone
// else is refused and nothing changes.
#include "api/api_test_fixture.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;

class CoordinationHttpTest : public ApiTest {
 protected:
  int64_t UserId(const std::string& username) {
    return client_->Get("/api/v1/me", Token(username)).Json().at("id").as_int64();
  }

  std::vector<int64_t> Box(const std::string& box, const std::string& username) {
    testing::HttpResponse listed = Expect(
        200, "GET", "/api/v1/consults", client_->Get("/api/v1/consults?box=" + box, Token(username)));
    std::vector<int64_t> ids;
    json::value body = listed.Json();
    for (const json::value& item : body.at("items").as_array()) {
      ids.push_back(item.at("id").as_int64());
    }
    return ids;
  }

  static bool Holds(const std::vector<int64_t>& ids, int64_t id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  }

  testing::HttpResponse Assign(int64_t consult, int64_t specialist, const std::string& username) {
    return client_->Post(ConsultPath(consult, "assign"), json::object{{"specialist_id", specialist}},
                         Token(username));
  }
};

TEST_P(CoordinationHttpTest, TheOverviewPutsUnclaimedAndOverdueConsultsFirstThenSoonestDue) {
  int64_t waiting = CreateConsult(true);
  int64_t held = CreateConsult(true);
  Expect(200, "POST", "/api/v1/consults/{id}/claim",
         client_->Post(ConsultPath(held, "claim"), json::object{}, Token("specialist.smit")));
  std::string now = FormatIso8601(SystemClock().Now());

  // Pages of two, to follow the cursor across both groups.
  std::vector<json::value> items;
  std::string cursor;
  do {
    std::string target = "/api/v1/consults?box=coordination&limit=2" +
                         (cursor.empty() ? "" : "&cursor=" + cursor);
    testing::HttpResponse page = Expect(200, "GET", "/api/v1/consults",
                                        client_->Get(target, Token("coordinator.maasstad")));
    json::value body = page.Json();
    for (const json::value& item : body.at("items").as_array()) items.push_back(item);
    cursor = body.as_object().contains("next_cursor") && body.at("next_cursor").is_string()
                 ? std::string(body.at("next_cursor").as_string())
                 : "";
  } while (!cursor.empty() && items.size() < 500);

  bool in_rest = false;
  std::string previous_due;
  std::vector<int64_t> ids;
  for (const json::value& item : items) {
    ids.push_back(item.at("id").as_int64());
    std::string due(item.at("due_at").as_string());
    bool needs_coordinator = item.at("status") == "sent" || due < now;
    if (!needs_coordinator && !in_rest) {
      in_rest = true;
      previous_due.clear();
    }
    EXPECT_FALSE(in_rest && needs_coordinator)
        << "consult " << item.at("id") << " needs the coordinator but comes after one that does not";
    EXPECT_LE(previous_due, due) << "consult " << item.at("id");
    previous_due = due;
  }
  EXPECT_TRUE(Holds(ids, waiting));
  EXPECT_TRUE(Holds(ids, held));
  EXPECT_TRUE(in_rest) << "the claimed consult, due in three working days, comes after";
  EXPECT_EQ(std::set<int64_t>(ids.begin(), ids.end()).size(), ids.size()) << "no consult twice";
}

TEST_P(CoordinationHttpTest, APoolsCoordinatorAssignsAConsultToOneOfItsSpecialists) {
  json::object body = NewConsultBody(true);  // to dermatology at Maasstad
  body["patient"].as_object()["name"] = "J. de Wit";
  int64_t consult = Expect(201, "POST", "/api/v1/consults",
                           client_->Post("/api/v1/consults", body, Token("huisarts.devries")))
                        .Json()
                        .at("id")
                        .as_int64();
  int64_t smit = UserId("specialist.smit");
  int64_t mulder = UserId("specialist.mulder");
  int64_t dekker = UserId("specialist.dekker");  // Maasstad's cardiologist, not in the pool

  json::object seen = GetConsult(consult, "coordinator.maasstad");
  const json::object& pseudonymous = seen.at("patient").as_object();
  EXPECT_TRUE(!pseudonymous.contains("name") || pseudonymous.at("name").is_null())
      << "the coordinator never sees who the patient is";
  std::string actions = json::serialize(seen.at("allowed_actions"));
  EXPECT_NE(actions.find("\"assign\""), std::string::npos) << actions;
  std::string offered = json::serialize(seen.at("assign_specialists"));
  EXPECT_NE(offered.find("Mulder"), std::string::npos) << offered;
  EXPECT_EQ(offered.find("Dekker"), std::string::npos) << offered;
  EXPECT_TRUE(GetConsult(consult, "specialist.smit").at("assign_specialists").as_array().empty());

  // Refusals, each changing nothing.
  Expect(403, "POST", "/api/v1/consults/{id}/assign", Assign(consult, mulder, "huisarts.devries"));
  Expect(403, "POST", "/api/v1/consults/{id}/assign", Assign(consult, mulder, "specialist.smit"));
  Expect(404, "POST", "/api/v1/consults/{id}/assign",
         Assign(consult, mulder, "coordinator.zorggroep"));
  for (int64_t wrong : {dekker, int64_t{987654}}) {
    testing::HttpResponse refused = Expect(422, "POST", "/api/v1/consults/{id}/assign",
                                           Assign(consult, wrong, "coordinator.maasstad"));
    EXPECT_EQ(refused.Json().at("error").at("field"), "specialist_id");
  }
  testing::HttpResponse no_body =
      Expect(422, "POST", "/api/v1/consults/{id}/assign",
             client_->Post(ConsultPath(consult, "assign"), json::object{},
                           Token("coordinator.maasstad")));
  EXPECT_EQ(no_body.Json().at("error").at("field"), "specialist_id");
  json::object unchanged = GetConsult(consult, "huisarts.devries");
  EXPECT_EQ(unchanged.at("status"), "sent");
  EXPECT_EQ(unchanged.at("version"), seen.at("version"));

  // Assigned: Mulder holds it, sees who the patient is, and has it in the inbox.
  testing::HttpResponse assigned = Expect(200, "POST", "/api/v1/consults/{id}/assign",
                                          Assign(consult, mulder, "coordinator.maasstad"));
  EXPECT_EQ(assigned.Json().at("status"), "claimed");
  EXPECT_TRUE(Holds(Box("inbox", "specialist.mulder"), consult));
  json::object held = GetConsult(consult, "specialist.mulder");
  EXPECT_EQ(held.at("patient").at("name"), "J. de Wit");
  EXPECT_EQ(held.at("specialist").at("id"), mulder);

  // Given to a colleague while claimed; then answered, it can no longer be assigned.
  Expect(200, "POST", "/api/v1/consults/{id}/assign", Assign(consult, smit, "coordinator.maasstad"));
  EXPECT_FALSE(Holds(Box("inbox", "specialist.mulder"), consult));
  EXPECT_TRUE(Holds(Box("inbox", "specialist.smit"), consult));
  Expect(200, "POST", "/api/v1/consults/{id}/advice",
         client_->Post(ConsultPath(consult, "advice"),
                       json::object{{"recommendation", "primary_care"},
                                    {"body", "Behandel met een lokaal corticosteroïd."}},
                       Token("specialist.smit")));
  Expect(409, "POST", "/api/v1/consults/{id}/assign", Assign(consult, mulder, "coordinator.maasstad"));
  EXPECT_EQ(GetConsult(consult, "specialist.smit").at("specialist").at("id"), smit);
}

INSTANTIATE_TEST_SUITE_P(Engines, CoordinationHttpTest, ::testing::ValuesIn(testing::TestEngines()),
                         TestName);

}  // namespace
}  // namespace meekijk::api
