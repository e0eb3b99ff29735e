// The AVG request of access through the real server, on both databases: the privacy officer of a
// practice gets, by BSN or by consult number, the patient's consults of that practice complete
// with identity, and the access log on them; the export is logged itself.
#include "api/api_test_fixture.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;

// Unique to this test; both pass the elfproef.
constexpr const char* kPatientBsn = "111222333";
constexpr const char* kOtherBsn = "123456782";

class SubjectAccessHttpTest : public ApiTest {
 protected:
  // A consult about the patient with `bsn`, sent by Kralingen to internal medicine; its number.
  std::string ConsultAbout(const std::string& bsn) {
    json::object body = NewConsultBody(true);
    body["specialty"] = "interne-geneeskunde";
    body["icpc"] = "T90";
    json::object& patient = body["patient"].as_object();
    patient["name"] = "Truus Verhoeven";
    patient["birth_date"] = "1979-04-12";
    patient["bsn"] = bsn;
    testing::HttpResponse created = Expect(
        201, "POST", "/api/v1/consults",
        client_->Post("/api/v1/consults", body, Token("huisarts.devries")));
    int64_t id = created.Json().at("id").as_int64();
    GetConsult(id, "huisarts.devries");  // a read, for the log
    return std::string(created.Json().at("number").as_string());
  }

  testing::HttpResponse Export(const json::object& body, const std::string& username) {
    return client_->Post("/api/v1/subject-access", body, Token(username));
  }

  static std::vector<std::string> Numbers(const testing::HttpResponse& report) {
    std::vector<std::string> numbers;
    json::value body = report.Json();
    for (const json::value& consult : body.at("consults").as_array()) {
      numbers.emplace_back(consult.at("number").as_string());
    }
    std::sort(numbers.begin(), numbers.end());
    return numbers;
  }
};

TEST_P(SubjectAccessHttpTest, ByBsnOrByConsultNumberTheOfficerGetsThePatientsConsultsAndTheirLog) {
  std::string first = ConsultAbout(kPatientBsn);
  std::string second = ConsultAbout(kPatientBsn);
  std::string someone_else = ConsultAbout(kOtherBsn);
  std::vector<std::string> expected{first, second};
  std::sort(expected.begin(), expected.end());

  testing::HttpResponse by_bsn = Expect(200, "POST", "/api/v1/subject-access",
                                        Export({{"bsn", kPatientBsn}}, "privacy.kralingen"));
  EXPECT_EQ(Numbers(by_bsn), expected);
  json::value body = by_bsn.Json();
  const json::object& consult = body.at("consults").at(0).as_object();
  EXPECT_EQ(consult.at("patient").at("bsn"), kPatientBsn);
  EXPECT_EQ(consult.at("patient").at("name"), "Truus Verhoeven");
  EXPECT_EQ(consult.at("viewer_role"), "privacy_officer");
  bool read_logged = false;
  for (const json::value& row : body.at("access_log").as_array()) {
    EXPECT_NE(std::string(row.at("patient_ref").as_string()), someone_else);
    if (row.at("action") == "consult.read" && row.at("patient_ref").as_string() == first) read_logged = true;
  }
  EXPECT_TRUE(read_logged);

  testing::HttpResponse by_number = Expect(200, "POST", "/api/v1/subject-access",
                                           Export({{"consult", second}}, "privacy.kralingen"));
  EXPECT_EQ(Numbers(by_number), expected);

  // The export is in the log itself, on each consult.
  testing::HttpResponse log = Expect(
      200, "GET", "/api/v1/access-log",
      client_->Get("/api/v1/access-log?patient=" + first, Token("privacy.kralingen")));
  int exports = 0;
  json::value rows = log.Json();
  for (const json::value& row : rows.at("items").as_array()) {
    if (row.at("action") == "subject_access.export") ++exports;
  }
  EXPECT_EQ(exports, 2);
}

TEST_P(SubjectAccessHttpTest, RefusesOthersABadBsnAndAPatientTheOrganisationDoesNotHold) {
  ConsultAbout(kPatientBsn);
  Expect(403, "POST", "/api/v1/subject-access",
         Export({{"bsn", kPatientBsn}}, "huisarts.devries"));
  Expect(403, "POST", "/api/v1/subject-access", Export({{"bsn", kPatientBsn}}, "admin"));
  testing::HttpResponse bad = Expect(422, "POST", "/api/v1/subject-access",
                                     Export({{"bsn", "111222334"}}, "privacy.kralingen"));
  EXPECT_EQ(bad.Json().at("error").at("field"), "bsn");
  Expect(422, "POST", "/api/v1/subject-access", Export({}, "privacy.kralingen"));
  Expect(422, "POST", "/api/v1/subject-access",
         Export({{"bsn", kPatientBsn}, {"consult", "MK-2026-00001"}}, "privacy.kralingen"));
  Expect(404, "POST", "/api/v1/subject-access", Export({{"bsn", "999999990"}}, "privacy.kralingen"));
  Expect(404, "POST", "/api/v1/subject-access",
         Export({{"consult", "MK-1999-00001"}}, "privacy.kralingen"));
  // Not in the URL: the BSN of a query string is not read at all.
  Expect(422, "POST", "/api/v1/subject-access",
         client_->Post(std::string("/api/v1/subject-access?bsn=") + kPatientBsn, json::object{},
                       Token("privacy.kralingen")));
  Expect(422, "POST", "/api/v1/subject-access",
         Export({{"bsn", kPatientBsn}, {"organisation_id", 0}}, "privacy.kralingen"));
}

INSTANTIATE_TEST_SUITE_P(Engines, SubjectAccessHttpTest, ::testing::ValuesIn(testing::TestEngines()),
                         TestName);

}  // namespace
}  // namespace meekijk::api
