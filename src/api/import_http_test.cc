// Importing organisations and practitioners from CSV over HTTP, on both databases, as the web
// app does: a dry run reports and writes nothing, the import itself is idempotent, a coordinator
// reaches only their own organisations, and a file that cannot be read changes nothing.
#include "api/api_test_fixture.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;

constexpr const char* kPractitioners =
    "agb,username,display_name,email,organisation_agb,role\n"
    "01099001,huisarts.nieuw,Dr. Nina Nieuw,nina@example.org,01012345,gp\n"  // Kralingen
    "01099002,huisarts.elders,Dr. Olaf Elders,,01023456,gp\n"                // HON's Schiedam
    "1234,huisarts.kapot,Dr. Kapot,,01012345,gp\n";                          // not an AGB code

class ImportHttpTest : public ApiTest {
 protected:
  testing::HttpResponse Import(const std::string& what, const std::string& csv,
                               const std::string& username, bool dry_run,
                               const std::string& content_type = "text/csv",
                               const std::string& language = "nl") {
    return client_->Send("POST",
                         "/api/v1/imports/" + what + "?dry_run=" + (dry_run ? "true" : "false"),
                         csv,
                         {{"Authorization", "Bearer " + Token(username)},
                          {"Content-Type", content_type},
                          {"Accept-Language", language}});
  }

  // The usernames the administrator sees.
  std::string Users() {
    return client_->Get("/api/v1/users", Token("admin")).body;
  }
  std::string Organisations() {
    return client_->Get("/api/v1/organisations", Token("admin")).body;
  }
};

TEST_P(ImportHttpTest, ACoordinatorDryRunsThenImportsTheirPractitionersAndAgainChangesNothing) {
  testing::HttpResponse dry = Expect(200, "POST", "/api/v1/imports/practitioners",
                                     Import("practitioners", kPractitioners,
                                            "coordinator.zorggroep", true));
  json::value report = dry.Json();
  EXPECT_EQ(report.at("dry_run"), true);
  EXPECT_EQ(report.at("added"), 1);
  ASSERT_EQ(report.at("rejected").as_array().size(), 2u) << dry.body;
  EXPECT_EQ(report.at("rejected").at(0).at("line"), 3);  // another care group's practice
  EXPECT_NE(json::serialize(report.at("rejected").at(0)).find("coördineert"), std::string::npos)
      << dry.body;
  EXPECT_EQ(report.at("rejected").at(1).at("line"), 4);
  EXPECT_EQ(Users().find("huisarts.nieuw"), std::string::npos) << "a dry run writes nothing";

  testing::HttpResponse done = Expect(200, "POST", "/api/v1/imports/practitioners",
                                      Import("practitioners", kPractitioners,
                                             "coordinator.zorggroep", false));
  EXPECT_EQ(done.Json().at("dry_run"), false);
  EXPECT_EQ(done.Json().at("added"), 1);
  std::string users = Users();
  EXPECT_NE(users.find("huisarts.nieuw"), std::string::npos);
  EXPECT_EQ(users.find("huisarts.elders"), std::string::npos);
  EXPECT_EQ(users.find("huisarts.kapot"), std::string::npos);

  testing::HttpResponse again = Expect(200, "POST", "/api/v1/imports/practitioners",
                                       Import("practitioners", kPractitioners,
                                              "coordinator.zorggroep", false, "text/csv", "en"));
  EXPECT_EQ(again.Json().at("added"), 0);
  EXPECT_EQ(again.Json().at("unchanged"), 1);
  // In English when asked.
  EXPECT_NE(again.Json().at("rejected").at(1).at("message"), report.at("rejected").at(1).at("message"));
  // HON's coordinator may not rewrite the person Zorggroep added.
  testing::HttpResponse theirs = Expect(
      200, "POST", "/api/v1/imports/practitioners",
      Import("practitioners",
             "agb,display_name,email,organisation_agb,role\n"
             "01099001,Dr. N. Anders,anders@example.org,01012345,gp\n",
             "coordinator.hon", false));
  EXPECT_EQ(theirs.Json().at("rejected").as_array().size(), 1u) << theirs.body;
  EXPECT_EQ(Users().find("anders@example.org"), std::string::npos);
}

TEST_P(ImportHttpTest, ACareGroupImportsPracticesUnderItselfAndTheAdministratorAnything) {
  const std::string csv =
      "agb;name;kind;parent_agb;region\n"
      "01099101;Praktijk Nieuw-Kralingen;gp_practice;03010001;Rotterdam e.o.\n"
      "01099102;Praktijk van HON;gp_practice;03010002;Rotterdam e.o.\n"
      "06099103;Nieuw Ziekenhuis;hospital;;Rotterdam e.o.\n";
  testing::HttpResponse by_coordinator =
      Expect(200, "POST", "/api/v1/imports/organisations",
             Import("organisations", csv, "coordinator.zorggroep", false));
  json::value report = by_coordinator.Json();
  EXPECT_EQ(report.at("added"), 1);
  ASSERT_EQ(report.at("rejected").as_array().size(), 2u) << by_coordinator.body;
  EXPECT_EQ(report.at("rejected").at(0).at("line"), 3);
  EXPECT_EQ(report.at("rejected").at(1).at("line"), 4);
  std::string organisations = Organisations();
  EXPECT_NE(organisations.find("Praktijk Nieuw-Kralingen"), std::string::npos);
  EXPECT_EQ(organisations.find("Nieuw Ziekenhuis"), std::string::npos);

  testing::HttpResponse by_admin = Expect(200, "POST", "/api/v1/imports/organisations",
                                          Import("organisations", csv, "admin", false));
  EXPECT_EQ(by_admin.Json().at("added"), 2);
  EXPECT_EQ(by_admin.Json().at("unchanged"), 1);
  EXPECT_NE(Organisations().find("Nieuw Ziekenhuis"), std::string::npos);
}

TEST_P(ImportHttpTest, RefusalsSayWhyAndWriteNothing) {
  std::string before = Users();
  Expect(403, "POST", "/api/v1/imports/practitioners",
         Import("practitioners", kPractitioners, "huisarts.devries", false));
  Expect(403, "POST", "/api/v1/imports/organisations",
         Import("organisations", "agb,name,kind,region\n", "specialist.smit", false));
  Expect(415, "POST", "/api/v1/imports/practitioners",
         Import("practitioners", kPractitioners, "coordinator.zorggroep", false,
                "application/json"));
  testing::HttpResponse flag = client_->Send(
      "POST", "/api/v1/imports/practitioners?dry_run=misschien", kPractitioners,
      {{"Authorization", "Bearer " + Token("coordinator.zorggroep")}, {"Content-Type", "text/csv"}});
  Expect(422, "POST", "/api/v1/imports/practitioners", flag);
  EXPECT_EQ(flag.Json().at("error").at("field"), "dry_run");
  // Files that cannot be read: an unknown column, a missing one, an open quote, nothing at all.
  for (const std::string& malformed :
       {std::string("agb,username,display_name,organisation_agb,role,salaris\n"),
        std::string("agb,display_name,role\n01099001,Dr. Nina Nieuw,gp\n"),
        std::string(kPractitioners) + "01099003,x,\"Dr. Open,,01012345,gp\n", std::string()}) {
    testing::HttpResponse refused =
        Expect(422, "POST", "/api/v1/imports/practitioners",
               Import("practitioners", malformed, "coordinator.zorggroep", false));
    EXPECT_FALSE(refused.Json().at("error").at("message").as_string().empty());
  }
  EXPECT_EQ(Users(), before);
}

INSTANTIATE_TEST_SUITE_P(Engines, ImportHttpTest, ::testing::ValuesIn(testing::TestEngines()),
                         TestName);

}  // namespace
}  // namespace meekijk::api
