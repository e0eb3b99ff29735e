// The privacy officer's access log through the real server, on both databases.
#include "api/api_test_fixture.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;

class AccessLogHttpTest : public ApiTest {};

TEST_P(AccessLogHttpTest, ThePrivacyOfficerSeesWhoReadTheirPracticesConsult) {
  int64_t id = CreateConsult();
  std::string number(GetConsult(id, "huisarts.devries").at("number").as_string());
  std::string officer = Token("privacy.kralingen");
  testing::HttpResponse found =
      Expect(200, "GET", "/api/v1/access-log",
             client_->Get("/api/v1/access-log?patient=" + number, officer));
  json::array items = found.Json().at("items").as_array();
  ASSERT_FALSE(items.empty());
  bool read_by_gp = false;
  for (const json::value& item : items) {
    EXPECT_EQ(item.at("patient_ref"), number.c_str());
    if (item.at("username") == "huisarts.devries" && item.at("action") == "consult.read") {
      read_by_gp = true;
    }
  }
  EXPECT_TRUE(read_by_gp);
  // The search itself is in the log now.
  testing::HttpResponse again =
      Expect(200, "GET", "/api/v1/access-log", client_->Get("/api/v1/access-log?limit=1", officer));
  EXPECT_EQ(again.Json().at("items").at(0).at("action"), "access_log.search");
  EXPECT_TRUE(again.Json().as_object().contains("next_before"));
}

TEST_P(AccessLogHttpTest, OthersMayNotSearchAndBadFiltersAreRefused) {
  for (const char* user : {"huisarts.devries", "specialist.smit", "coordinator.zorggroep"}) {
    Expect(403, "GET", "/api/v1/access-log", client_->Get("/api/v1/access-log", Token(user)));
  }
  std::string officer = Token("privacy.kralingen");
  for (const char* query : {"?from=gisteren", "?until=2026-02-30", "?user_id=-1", "?limit=x",
                            "?from=2026-03-02&until=2026-03-01"}) {
    Expect(422, "GET", "/api/v1/access-log",
           client_->Get(std::string("/api/v1/access-log") + query, officer));
  }
  Expect(403, "GET", "/api/v1/access-log",
         client_->Get("/api/v1/access-log?organisation_id=999999", officer));
  Expect(401, "GET", "/api/v1/access-log", client_->Get("/api/v1/access-log"));
}

TEST_P(AccessLogHttpTest, TheExportIsCsvWithFormulasDefused) {
  CreateConsult();
  testing::HttpResponse csv = Expect(
      200, "GET", "/api/v1/access-log/export",
      client_->Get("/api/v1/access-log/export?from=2020-01-01", Token("privacy.kralingen")));
  EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_NE(csv.Header("content-disposition").find("toegangslog.csv"), std::string::npos);
  EXPECT_EQ(csv.body.rfind("id,at,user_id,username,role,", 0), 0u);
  EXPECT_NE(csv.body.find("\"consult.create\""), std::string::npos);
  EXPECT_EQ(csv.body.find(",\"="), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Engines, AccessLogHttpTest, ::testing::ValuesIn(testing::TestEngines()),
                         TestName);

}  // namespace
}  // namespace meekijk::api
