// The HTTP test fixture.
#include "api/api_test_fixture.h"

#include "api/api.h"
#include "fhir/fhir.h"
#include "service/access_log.h"

namespace meekijk::api {

namespace json = boost::json;

const testing::OpenApiDocument& ApiTest::OpenApi() {
  static const testing::OpenApiDocument document =
      testing::OpenApiDocument::Load(std::string(MEEKIJK_SOURCE_DIR) + "/docs/openapi.json");
  return document;
}

void ApiTest::SetUp() {
  database_ = std::make_unique<testing::TestDatabase>(GetParam());
  std::vector<std::string> demo{"demo", "--password", kDemoPassword, "--json"};
  if (!WithDemoHistory()) demo.push_back("--without-history");
  for (const std::string& arg : database_->CommandLineArguments()) demo.push_back(arg);
  testing::CommandResult created = testing::RunCommand(MEEKIJK_BINARY, demo);
  ASSERT_EQ(created.exit_code, 0) << created.err;
  json::value accounts = json::parse(created.out);
  for (const json::value& account : accounts.as_array()) {
    otp_.Add(std::string(account.at("username").as_string()),
             std::string(account.at("otp_secret").as_string()));
  }
  server_ = StartNode();
  client_ = std::make_unique<testing::HttpClient>(server_->port());
}

void ApiTest::TearDown() {
  // A server that ends otherwise than cleanly after SIGTERM failed the test, also when each
  // answer looked right: under the sanitizers this is how a memory error or a leak shows.
  if (server_) {
    int status = server_->Stop();
    EXPECT_EQ(status, 0) << "the server ended with status " << status << ":\n" << server_->Log();
  }
}

std::unique_ptr<testing::ServerProcess> ApiTest::StartNode(std::vector<std::string> extra,
                                                          int open_file_limit) {
  return std::make_unique<testing::ServerProcess>(
      MEEKIJK_BINARY, database_->CommandLineArguments(), extra, open_file_limit);
}

testing::HttpResponse ApiTest::Expect(int status, const std::string& method,
                                      const std::string& pattern,
                                      const testing::HttpResponse& response) {
  EXPECT_EQ(response.status, status) << method << " " << pattern << ": " << response.body;
  EXPECT_FALSE(response.Header("x-request-id").empty());
  if (response.Header("content-type").rfind("application/json", 0) == 0) {
    for (const std::string& problem :
         OpenApi().ValidateResponse(method, pattern, response.status, response.Json())) {
      ADD_FAILURE() << method << " " << pattern << " " << response.status << ": " << problem;
    }
  }
  return response;
}

std::string ApiTest::Token(const std::string& username) {
  std::string& token = tokens_[username];
  if (token.empty()) token = LogIn(*client_, username);
  EXPECT_FALSE(token.empty()) << "login failed for " << username;
  return token;
}

std::string ApiTest::LogIn(const testing::HttpClient& client, const std::string& username) {
  return client.Login(username, kDemoPassword, otp_.Next(username));
}

json::object ApiTest::NewConsultBody(bool send) {
  return json::object{
      {"specialty", "dermatologie"},
      {"mode", "digital"},
      {"patient", json::object{{"birth_year", 1979}, {"sex", "female"}}},
      {"icpc", "S88"},
      {"question", "Handeczeem bij een kapster; contactallergie uitzoeken of eerst behandelen?"},
      {"clinical_summary", "Sinds 4 maanden kloven en blaasjes aan beide handen."},
      {"intended_referral", true},
      {"consent", true},
      {"send", send},
  };
}

int64_t ApiTest::CreateConsult(bool send) {
  testing::HttpResponse created = Expect(201, "POST", "/api/v1/consults",
                                         client_->Post("/api/v1/consults", NewConsultBody(send),
                                                       Token("huisarts.devries")));
  return created.Json().at("id").as_int64();
}

json::object ApiTest::GetConsult(int64_t id, const std::string& username) {
  testing::HttpResponse response = Expect(200, "GET", "/api/v1/consults/{id}",
                                          client_->Get(ConsultPath(id), Token(username)));
  return response.Json().is_object() ? response.Json().as_object() : json::object();
}

std::string ApiTest::ConsultPath(int64_t id, const std::string& action) const {
  return "/api/v1/consults/" + std::to_string(id) + (action.empty() ? "" : "/" + action);
}

std::vector<std::pair<std::string, std::string>> ServedOperations(const testing::TestDatabase& database) {
  std::unique_ptr<store::Database> db = database.Open();
  SystemClock clock;
  service::AccessLog access_log(*db, clock);
  service::LoginService logins(*db, clock);
  service::DirectoryService directory(*db, clock);
  service::ConsultService consults(*db, clock, access_log);
  service::AttachmentService attachments(*db, clock, access_log);
  service::AuditService audit(*db, clock);
  service::AccountService accounts(*db, clock);
  service::RegionService region(*db, clock);
  service::ImportService imports(*db, clock);
  service::NotificationService notifications(*db, clock);
  service::OutboxService outbox(*db, clock, nullptr, {});
  service::ClinicService clinic(*db, clock, access_log);
  service::ReportService reports(*db, clock);
  service::FeeService fees(*db, clock);
  service::SurveyService surveys(*db, clock, access_log);
  service::ApiClientService api_clients(*db, clock);
  service::FhirAccess fhir_access(*db, consults, attachments);
  service::LaunchService launches(*db, clock, logins, consults);
  service::SubscriptionService subscriptions(*db, clock);
  Services services{logins,  directory, consults, attachments, audit, accounts, region,
                    imports, notifications, outbox, clinic, reports, fees, surveys, api_clients,
                    fhir_access, launches, subscriptions, {}};
  http::Router router;
  AddApiRoutes(router, services);
  fhir::AddFhirRoutes(router, services);
  AddSystemRoutes(router, [] { return true; }, "");
  std::vector<std::pair<std::string, std::string>> served;
  for (const http::Router::RouteInfo& route : router.Routes()) {
    served.emplace_back(route.method, route.pattern);
  }
  return served;
}

std::string TestName(const ::testing::TestParamInfo<testing::Engine>& info) {
  return testing::EngineName(info.param);
}

}  // namespace meekijk::api
