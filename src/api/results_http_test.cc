// Results and money over HTTP, on both databases, on the demo region with its past year: the
// region's coordinator sees its triple-aim figures by month (and as CSV), an insurer's analyst sees
// figures and never a consult or patient, bad queries are refused; a month's statement is approved
// once and exported for the insurer (CSV, Vektis EI); a patient answers the survey by the code on
// the leaflet once, and guessing codes is throttled.
#include "api/api_test_fixture.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;

class ResultsHttpTest : public ApiTest {
 protected:
  bool WithDemoHistory() const override { return true; }

  // The month before the current one, as the demo leaves it open: YYYY-MM.
  static std::string LastMonth() {
    std::time_t now = std::time(nullptr);
    std::tm day{};
    gmtime_r(&now, &day);
    int year = day.tm_year + 1900, month = day.tm_mon;  // tm_mon is 0-based: this is last month
    if (month == 0) {
      month = 12;
      --year;
    }
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d", year, month);
    return text;
  }

  static std::string Today() {
    std::time_t now = std::time(nullptr);
    std::tm day{};
    gmtime_r(&now, &day);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &day);
    return text;
  }

  int64_t OrganisationId(const std::string& username) {
    return client_->Get("/api/v1/me", Token(username))
        .Json().at("memberships").at(0).at("organisation_id").as_int64();
  }
};

TEST_P(ResultsHttpTest, TheRegionSeesAYearOfFiguresByMonthNearThePublishedShares) {
  testing::HttpResponse report = client_->Get("/api/v1/reports/triple-aim?from=" +
                                                  std::to_string(std::stoi(Today().substr(0, 4)) - 1) +
                                                  Today().substr(4) + "&to=" + Today() +
                                                  "&group_by=month",
                                              Token("coordinator.rijnmond"));
  Expect(200, "GET", "/api/v1/reports/triple-aim", report);
  json::value body = report.Json();
  const json::value& total = body.at("total");
  EXPECT_GE(total.at("consults").as_int64(), 300);
  double share = total.at("primary_care_share").as_double();
  EXPECT_GE(share, 0.60);
  EXPECT_LE(share, 0.72);
  EXPECT_GT(total.at("fees_cents").as_int64(), 0);
  EXPECT_GT(total.at("survey_answers").as_int64(), 0);
  EXPECT_GE(body.at("groups").as_array().size(), 12u);
  EXPECT_EQ(body.at("scope").at("kind").as_string(), "region");

  testing::HttpResponse csv = client_->Get("/api/v1/reports/triple-aim?from=2026-01-01&to=" +
                                               Today() + "&group_by=specialty&format=csv",
                                           Token("coordinator.rijnmond"));
  Expect(200, "GET", "/api/v1/reports/triple-aim", csv);
  EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.body.rfind("\"groep\",\"naam\",\"onderdrukt\",\"consults\"", 0), 0u);
  EXPECT_NE(csv.body.find("\"Dermatologie\""), std::string::npos);
}

TEST_P(ResultsHttpTest, AnAnalystSeesFiguresButNeverAConsultOrAPatient) {
  testing::HttpResponse report =
      client_->Get("/api/v1/reports/triple-aim?from=2020-01-01&to=" + Today() +
                       "&group_by=organisation",
                   Token("analist.zilverenkruis"));
  Expect(200, "GET", "/api/v1/reports/triple-aim", report);
  EXPECT_EQ(report.body.find("MK-"), std::string::npos);
  EXPECT_EQ(report.body.find("patient\""), std::string::npos);
  EXPECT_EQ(report.body.find("\"id\""), std::string::npos);
  EXPECT_EQ(report.Json().at("scope").at("kind").as_string(), "insurer");
  // Statements are for coordinators; analysts see no consult numbers there either.
  Expect(403, "GET", "/api/v1/fee-statements",
         client_->Get("/api/v1/fee-statements?month=" + LastMonth(), Token("analist.zilverenkruis")));
}

TEST_P(ResultsHttpTest, BadQueriesAreRefusedAndChangeNothing) {
  const std::string path = "/api/v1/reports/triple-aim";
  Expect(401, "GET", path, client_->Get(path + "?from=2026-01-01&to=2026-02-01"));
  std::string token = Token("coordinator.rijnmond");
  for (const char* query : {"?to=2026-02-01", "?from=2026-02-30&to=2026-03-01",
                            "?from=2026-03-01&to=2026-02-01", "?from=2026-01-01&to=2026-02-01&group_by=week",
                            "?from=2026-01-01&to=2026-02-01&mode=telepathic",
                            "?from=2026-01-01&to=2026-02-01&format=xml",
                            "?from=2026-01-01&to=2026-02-01&specialty=astrologie",
                            "?from=2026-01-01&to=2026-02-01&organisation=abc"}) {
    Expect(422, "GET", path, client_->Get(path + query, token));
  }
  Expect(403, "PATCH", "/api/v1/specialties/{code}",
         client_->Patch("/api/v1/specialties/dermatologie", json::object{{"referral_cost_cents", 1}},
                        Token("huisarts.devries")));
  Expect(403, "PATCH", "/api/v1/specialties/{code}",
         client_->Patch("/api/v1/specialties/dermatologie", json::object{{"referral_cost_cents", 1}},
                        token));  // a region office's coordinator: the cost is the installation's
  Expect(422, "PATCH", "/api/v1/specialties/{code}",
         client_->Patch("/api/v1/specialties/dermatologie", json::object{{"referral_cost_cents", -1}},
                        Token("admin")));
  testing::HttpResponse changed =
      client_->Patch("/api/v1/specialties/dermatologie", json::object{{"referral_cost_cents", 31000}},
                     Token("admin"));
  Expect(200, "PATCH", "/api/v1/specialties/{code}", changed);
  EXPECT_EQ(changed.Json().at("referral_cost_cents").as_int64(), 31000);
}

TEST_P(ResultsHttpTest, ACoordinatorApprovesLastMonthOnceAndExportsItForTheInsurer) {
  std::string token = Token("coordinator.rijnmond");
  std::string month = LastMonth();
  testing::HttpResponse list = client_->Get("/api/v1/fee-statements?month=" + month, token);
  Expect(200, "GET", "/api/v1/fee-statements", list);
  json::array statements = list.Json().at("statements").as_array();
  ASSERT_FALSE(statements.empty());
  int64_t organisation = statements.at(0).at("organisation").at("id").as_int64();
  EXPECT_EQ(statements.at(0).at("status").as_string(), "open");
  std::string path = "/api/v1/fee-statements/" + std::to_string(organisation) + "/" + month;
  testing::HttpResponse pdf = client_->Get(path + "?format=pdf", token);
  Expect(200, "GET", "/api/v1/fee-statements/{organisation}/{month}", pdf);
  EXPECT_EQ(pdf.Header("content-type"), "application/pdf");
  EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
  EXPECT_NE(pdf.body.find("Declaratiespecificatie"), std::string::npos);
  testing::HttpResponse approved = client_->Post(path + "/approve", json::object{}, token);
  Expect(200, "POST", "/api/v1/fee-statements/{organisation}/{month}/approve", approved);
  EXPECT_EQ(approved.Json().at("status").as_string(), "approved");
  Expect(409, "POST", "/api/v1/fee-statements/{organisation}/{month}/approve",
         client_->Post(path + "/approve", json::object{}, token));
  Expect(403, "POST", "/api/v1/fee-statements/{organisation}/{month}/approve",
         client_->Post(path + "/approve", json::object{}, Token("huisarts.devries")));
  testing::HttpResponse csv = client_->Get(path + "?format=csv", token);
  Expect(200, "GET", "/api/v1/fee-statements/{organisation}/{month}", csv);
  EXPECT_NE(csv.body.find("\"agb_praktijk\""), std::string::npos);

  int64_t insurer = OrganisationId("analist.zilverenkruis");
  std::string exports = "/api/v1/insurer-exports/" + std::to_string(insurer) + "?month=" + month;
  testing::HttpResponse ei = client_->Get(exports + "&format=ei", token);
  Expect(200, "GET", "/api/v1/insurer-exports/{insurer}", ei);
  EXPECT_EQ(ei.body.rfind("01MEEKIJK", 0), 0u);
  EXPECT_NE(ei.body.find("\r\n04"), std::string::npos);
  EXPECT_NE(ei.body.find("\r\n99"), std::string::npos);
  Expect(200, "GET", "/api/v1/insurer-exports/{insurer}", client_->Get(exports, token));
  Expect(404, "GET", "/api/v1/insurer-exports/{insurer}",
         client_->Get("/api/v1/insurer-exports/" + std::to_string(organisation) + "?month=" + month,
                      token));
  Expect(422, "GET", "/api/v1/insurer-exports/{insurer}",
         client_->Get("/api/v1/insurer-exports/" + std::to_string(insurer) + "?month=2026-13", token));
}

TEST_P(ResultsHttpTest, APatientAnswersTheSurveyByCodeOnceWithoutLoggingIn) {
  int64_t id = CreateConsult();
  testing::HttpResponse leaflet =
      client_->Post(ConsultPath(id, "leaflet"), json::object{}, Token("huisarts.devries"));
  Expect(200, "POST", "/api/v1/consults/{id}/leaflet", leaflet);
  std::string code(leaflet.Json().at("code").as_string());
  Expect(200, "GET", "/api/v1/surveys/{code}", client_->Get("/api/v1/surveys/" + code));
  json::object answer{{"language", "en"}, {"overall", 5}, {"explained", 4}, {"preference", "own_gp"}};
  Expect(422, "POST", "/api/v1/surveys/{code}",
         client_->Post("/api/v1/surveys/" + code,
                       json::object{{"language", "en"}, {"overall", 9}, {"explained", 4},
                                    {"preference", "own_gp"}}));
  Expect(201, "POST", "/api/v1/surveys/{code}", client_->Post("/api/v1/surveys/" + code, answer));
  Expect(409, "POST", "/api/v1/surveys/{code}", client_->Post("/api/v1/surveys/" + code, answer));
  Expect(403, "POST", "/api/v1/consults/{id}/leaflet",
         client_->Post(ConsultPath(id, "leaflet"), json::object{}, Token("specialist.smit")));
  for (int i = 0; i < 10; ++i) {
    Expect(404, "GET", "/api/v1/surveys/{code}", client_->Get("/api/v1/surveys/ZZZZ-ZZZ" + std::to_string(i % 8 + 2)));
  }
  testing::HttpResponse throttled = client_->Get("/api/v1/surveys/" + code);
  Expect(429, "GET", "/api/v1/surveys/{code}", throttled);
  EXPECT_FALSE(throttled.Header("retry-after").empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, ResultsHttpTest, ::testing::ValuesIn(testing::TestEngines()),
                         TestName);

}  // namespace
}  // namespace meekijk::api
