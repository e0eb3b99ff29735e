// The FHIR API against the real server on both databases: a HIS with its client credentials
// walks a consult from the transaction that creates it to the closed Task, and every refusal —
// scopes, another organisation, forged assertions, bad input — is an OperationOutcome that
// changes nothing. (web/e2e/fhir.e2e.ts does the same with a real FHIR client and validator.)
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <sodium.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <thread>

#include "api/api_test_fixture.h"
#include "auth/jwt.h"
#include "fhir/capability.h"
#include "testing/test_keys.h"
#include "testing/webhook_sink.h"

namespace meekijk::fhir {
namespace {

namespace json = boost::json;

// The test client sends Host: 127.0.0.1, so this is the token endpoint's address for it.
constexpr const char* kTokenUrl = "http://127.0.0.1/fhir/R4/auth/token";
constexpr const char* kAllScopes =
    "system/Task.crus system/ServiceRequest.crs system/Patient.rs system/Communication.crs "
    "system/QuestionnaireResponse.r system/Organization.r system/Practitioner.r "
    "system/PractitionerRole.s system/Bundle.r";

class FhirHttpTest : public api::ApiTest {
 protected:
  int64_t IdOf(const std::string& list, const std::string& field, const std::string& value) {
    json::value listed = client_->Get(list, Token("admin")).Json();
    for (const json::value& item : listed.at("items").as_array()) {
      if (item.at(field).is_string() && item.at(field).as_string() == value) {
        return item.at("id").as_int64();
      }
    }
    ADD_FAILURE() << "no " << value << " in " << list;
    return 0;
  }

  // An API client of Kralingen acting for huisarts.devries; returns its client_id.
  std::string RegisterClient(const std::string& scopes = kAllScopes) {
    json::object body{{"name", "Medicom Kralingen"},
                      {"organisation_id", IdOf("/api/v1/organisations", "name",
                                               "Huisartsenpraktijk Kralingen")},
                      {"user_id", IdOf("/api/v1/users", "username", "huisarts.devries")},
                      {"scopes", scopes},
                      {"public_key", key_.public_pem}};
    testing::HttpResponse registered = Expect(201, "POST", "/api/v1/api-clients",
                                              client_->Post("/api/v1/api-clients", body, Token("admin")));
    // The answer names the audience the assertion must carry, absolutely.
    EXPECT_EQ(registered.Json().at("token_url"), kTokenUrl);
    return std::string(registered.Json().at("client_id").as_string());
  }

  std::string Assertion(const std::string& client_id, int64_t lifetime_seconds = 60,
                        const testing::KeyPair* key = nullptr) {
    int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                      std::chrono::system_clock::now().time_since_epoch()).count();
    json::object claims{{"iss", client_id}, {"sub", client_id}, {"aud", kTokenUrl},
                        {"exp", now + lifetime_seconds}, {"jti", "jti-" + std::to_string(++jti_)}};
    return *auth::SignWithPrivateKey(json::serialize(claims), (key ? *key : key_).private_pem, "ES256");
  }

  testing::HttpResponse AskToken(const std::string& assertion, const std::string& scope = "",
                                 const std::string& content_type = "application/x-www-form-urlencoded") {
    std::string form = "grant_type=client_credentials&client_assertion_type=urn%3Aietf%3Aparams%3A"
                       "oauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=" + assertion;
    if (!scope.empty()) form += "&scope=" + scope;
    return client_->Send("POST", "/fhir/R4/auth/token", form, {{"Content-Type", content_type}});
  }

  std::string AccessToken(const std::string& client_id, const std::string& scope = "") {
    testing::HttpResponse token = AskToken(Assertion(client_id), scope);
    EXPECT_EQ(token.status, 200) << token.body;
    EXPECT_EQ(token.Header("cache-control"), "no-store");
    return token.status == 200 ? std::string(token.Json().at("access_token").as_string()) : "";
  }

  testing::HttpResponse Fhir(const std::string& method, const std::string& path,
                             const std::string& token, const std::string& body = {},
                             std::vector<std::pair<std::string, std::string>> headers = {}) {
    headers.emplace_back("Authorization", "Bearer " + token);
    if (!body.empty()) headers.emplace_back("Content-Type", "application/fhir+json");
    return client_->Send(method, "/fhir/R4" + path, body, headers);
  }

  static json::object Entry(const std::string& url, json::object resource) {
    std::string type(resource.at("resourceType").as_string());
    return json::object{{"fullUrl", url}, {"resource", std::move(resource)},
                        {"request", json::object{{"method", "POST"}, {"url", type}}}};
  }

  static json::object Coded(const std::string& system, const std::string& code) {
    return json::object{{"coding", json::array{json::object{{"system", system}, {"code", code}}}}};
  }

  static std::string ConsultBundle() {
    json::object patient{{"resourceType", "Patient"}, {"birthDate", "1979"}, {"gender", "female"}};
    json::object request{
        {"resourceType", "ServiceRequest"}, {"status", "active"}, {"intent", "order"},
        {"subject", json::object{{"reference", "urn:uuid:patient"}}},
        {"performerType", Coded("urn:oid:2.16.840.1.113883.2.4.6.7", "0310")},
        {"code", json::object{{"text", "Handeczeem: contactallergie uitzoeken of eerst behandelen?"}}},
        {"reasonCode", json::array{Coded("http://hl7.org/fhir/sid/icpc-1-nl", "S88")}},
        {"note", json::array{json::object{{"text", "Sinds 4 maanden kloven."}}}},
        {"extension", json::array{
            json::object{{"url", "https://meekijk.nl/fhir/StructureDefinition/patient-consent"},
                         {"valueBoolean", true}},
            json::object{{"url", "https://meekijk.nl/fhir/StructureDefinition/intended-referral"},
                         {"valueBoolean", true}}}}};
    json::object task{{"resourceType", "Task"}, {"status", "requested"}, {"intent", "order"},
                      {"focus", json::object{{"reference", "urn:uuid:request"}}}};
    json::object answers{
        {"resourceType", "QuestionnaireResponse"}, {"status", "completed"},
        {"item", json::array{
            json::object{{"linkId", "duur_weken"}, {"answer", json::array{json::object{{"valueDecimal", 16}}}}},
            json::object{{"linkId", "jeuk"}, {"answer", json::array{json::object{{"valueBoolean", true}}}}}}}};
    return json::serialize(json::object{
        {"resourceType", "Bundle"}, {"type", "transaction"},
        {"entry", json::array{Entry("urn:uuid:patient", patient), Entry("urn:uuid:request", request),
                              Entry("urn:uuid:task", task), Entry("urn:uuid:answers", answers)}}});
  }

  // Creates the consult through FHIR; returns its id.
  int64_t CreateThroughFhir(const std::string& token) {
    testing::HttpResponse created = Fhir("POST", "", token, ConsultBundle());
    EXPECT_EQ(created.status, 200) << created.body;
    if (created.status != 200) return 0;
    std::string location(created.Json().at("entry").as_array()[2].at("response").at("location").as_string());
    EXPECT_EQ(location.rfind("Task/", 0), 0u) << location;
    return std::stoll(location.substr(5));
  }

  // The text of a PDF as poppler's pdftotext reads it.
  static std::string PdfText(const std::string& pdf) {
    std::string path = ::testing::TempDir() + "record-" + std::to_string(::getpid()) + ".pdf";
    { std::ofstream(path, std::ios::binary) << pdf; }
    std::string text;
    if (FILE* out = ::popen(("pdftotext -enc UTF-8 '" + path + "' -").c_str(), "r")) {
      char buffer[4096];
      while (size_t n = std::fread(buffer, 1, sizeof buffer, out)) text.append(buffer, n);
      ::pclose(out);
    }
    std::remove(path.c_str());
    return text;
  }

  static std::string OutcomeCode(const testing::HttpResponse& response) {
    json::value body = boost::json::parse(response.body);
    EXPECT_EQ(body.at("resourceType"), "OperationOutcome") << response.body;
    return std::string(body.at("issue").as_array()[0].at("code").as_string());
  }

  // The FHIRPath a 422's OperationOutcome names.
  static std::string OutcomeExpression(const testing::HttpResponse& response) {
    EXPECT_EQ(response.status, 422) << response.body;
    json::value body = boost::json::parse(response.body);
    const json::value* expression = body.at("issue").as_array()[0].as_object().if_contains("expression");
    return expression ? std::string(expression->as_array()[0].as_string()) : "";
  }

  int ConsultCount() {
    json::value outbox = client_->Get("/api/v1/consults?box=outbox&limit=100", Token("huisarts.devries")).Json();
    return static_cast<int>(outbox.at("items").as_array().size());
  }

  testing::KeyPair key_ = testing::EcKeyPair();
  int jti_ = 0;
};

TEST_P(FhirHttpTest, AHisWalksAConsultFromTheTransactionToTheClosedTask) {
  std::string client_id = RegisterClient();
  std::string token = AccessToken(client_id);
  int64_t id = CreateThroughFhir(token);
  ASSERT_GT(id, 0);
  std::string path = "/" + std::to_string(id);

  json::value task = Fhir("GET", "/Task" + path, token).Json();
  EXPECT_EQ(task.at("status"), "requested");
  EXPECT_EQ(task.at("businessStatus").at("coding").as_array()[0].at("code"), "sent");
  EXPECT_EQ(task.at("owner").at("display"), "Maasstad Ziekenhuis");
  EXPECT_EQ(task.at("owner").at("identifier").at("system"), "http://fhir.nl/fhir/NamingSystem/agb-z");
  EXPECT_EQ(task.at("requester").at("display"), "Dr. Anna de Vries");
  json::value request = Fhir("GET", "/ServiceRequest" + path, token).Json();
  EXPECT_EQ(request.at("performerType").at("coding").as_array()[0].at("code"), "dermatologie");
  EXPECT_EQ(request.at("reasonCode").as_array()[0].at("coding").as_array()[0].at("code"), "S88");
  json::value patient = Fhir("GET", "/Patient" + path, token).Json();
  EXPECT_EQ(patient.at("birthDate"), "1979");
  EXPECT_FALSE(patient.as_object().contains("identifier"));  // pseudonymised
  json::value answers = Fhir("GET", "/QuestionnaireResponse" + path, token).Json();
  EXPECT_EQ(answers.at("item").as_array()[0].at("answer").as_array()[0].at("valueDecimal"), 16);
  EXPECT_EQ(answers.at("contained").as_array()[0].at("resourceType"), "Questionnaire");
  json::value found = Fhir("GET", "/Task?status=requested&_lastUpdated=gt2020-01-01", token).Json();
  EXPECT_NE(json::serialize(found).find("\"id\":\"" + std::to_string(id) + "\""), std::string::npos);
  json::value by_subject = Fhir("GET", "/ServiceRequest?subject=Patient" + path, token).Json();
  EXPECT_EQ(by_subject.at("entry").as_array().size(), 1u);

  // The specialist answers in the web app (its REST API).
  Expect(200, "POST", "/api/v1/consults/{id}/claim",
         client_->Post(ConsultPath(id, "claim"), json::object{}, Token("specialist.smit")));
  Expect(200, "POST", "/api/v1/consults/{id}/advice",
         client_->Post(ConsultPath(id, "advice"),
                       json::object{{"recommendation", "primary_care"},
                                    {"body", "Eerst 4 weken hydrocortison 1%, dan epicutaan testen."}},
                       Token("specialist.smit")));

  task = Fhir("GET", "/Task" + path, token).Json();
  EXPECT_EQ(task.at("status"), "in-progress");
  EXPECT_EQ(std::string(task.at("owner").at("reference").as_string()).substr(0, 13), "Practitioner/");
  EXPECT_NE(json::serialize(task.at("output")).find("hydrocortison"), std::string::npos);
  json::value thread = Fhir("GET", "/Communication?part-of=Task" + path, token).Json();
  EXPECT_NE(json::serialize(thread).find("\"code\":\"advice\""), std::string::npos);
  std::string message_id(thread.at("entry").as_array()[0].at("resource").at("id").as_string());
  EXPECT_EQ(Fhir("GET", "/Communication/" + message_id, token).status, 200);

  // The GP closes it from the HIS.
  json::object closing = task.as_object();
  closing["status"] = "completed";
  closing["output"] = json::array{
      json::object{{"type", Coded("https://meekijk.nl/fhir/CodeSystem/task-output", "outcome")},
                   {"valueCodeableConcept", Coded("https://meekijk.nl/fhir/CodeSystem/outcome", "primary_care")}},
      json::object{{"type", Coded("https://meekijk.nl/fhir/CodeSystem/task-output", "learned")},
                   {"valueBoolean", true}},
      json::object{{"type", Coded("https://meekijk.nl/fhir/CodeSystem/task-output", "rating")},
                   {"valueInteger", 5}}};
  std::string version(task.at("meta").at("versionId").as_string());
  testing::HttpResponse closed = Fhir("PUT", "/Task" + path, token, json::serialize(closing),
                                      {{"If-Match", "W/\"" + version + "\""}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.Json().at("status"), "completed");
  EXPECT_EQ(Fhir("GET", "/Task" + path, token).Json().at("status"), "completed");
  EXPECT_EQ(GetConsult(id, "huisarts.devries").at("status"), "closed");

  // The copy for the record: a PDF that a text extractor reads the advice from, and a Bundle.
  testing::HttpResponse pdf = client_->Get(ConsultPath(id, "record-copy"), Token("huisarts.devries"));
  ASSERT_EQ(pdf.status, 200) << pdf.body.substr(0, 200);
  EXPECT_EQ(pdf.Header("content-type"), "application/pdf");
  std::string text = PdfText(pdf.body);
  EXPECT_NE(text.find("hydrocortison 1%"), std::string::npos) << text;
  EXPECT_NE(text.find("Handeczeem"), std::string::npos);
  EXPECT_NE(text.find("behandeld in de eerste lijn"), std::string::npos);
  EXPECT_EQ(client_->Get(ConsultPath(id, "record-copy"), Token("specialist.smit")).status, 403);
  testing::HttpResponse copied = Fhir("GET", "/Task" + path + "/$record-copy", token);
  ASSERT_EQ(copied.status, 200) << copied.body;
  json::value copy = copied.Json();
  EXPECT_EQ(copy.at("type"), "collection");
  EXPECT_NE(json::serialize(copy).find("hydrocortison"), std::string::npos);
  // The PDF travels in the Bundle too, as a DocumentReference, for a HIS that files it.
  const json::array& entries = copy.at("entry").as_array();
  const json::value& document = entries.back().at("resource");
  EXPECT_EQ(document.at("resourceType"), "DocumentReference");
  std::string data(document.at("content").as_array()[0].at("attachment").at("data").as_string());
  std::string bytes(data.size(), '\0');
  size_t length = 0;
  ASSERT_EQ(sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(),
                              data.data(), data.size(), nullptr, &length, nullptr,
                              sodium_base64_VARIANT_ORIGINAL), 0);
  bytes.resize(length);
  EXPECT_NE(PdfText(bytes).find("hydrocortison 1%"), std::string::npos);

  // Every read went into the access log under the client and the practice.
  json::value log = client_->Get("/api/v1/access-log?patient_ref=" +
                                     std::string(GetConsult(id, "huisarts.devries").at("number").as_string()),
                                 Token("privacy.kralingen")).Json();
  int through_client = 0;
  for (const json::value& row : log.at("items").as_array()) {
    if (row.at("api_client") == json::value(client_id)) {
      ++through_client;
      EXPECT_EQ(row.at("username"), "huisarts.devries");
    }
  }
  EXPECT_GE(through_client, 8);
}

TEST_P(FhirHttpTest, ScopesNarrowWhatAClientMayDo) {
  std::string client_id = RegisterClient("system/Task.rs");
  std::string token = AccessToken(client_id);
  int before = ConsultCount();
  testing::HttpResponse create = Fhir("POST", "", token, ConsultBundle());
  EXPECT_EQ(create.status, 403) << create.body;
  EXPECT_EQ(OutcomeCode(create), "forbidden");
  EXPECT_EQ(ConsultCount(), before);
  int64_t id = CreateConsult(true);
  EXPECT_EQ(Fhir("GET", "/Task/" + std::to_string(id), token).status, 200);
  EXPECT_EQ(Fhir("GET", "/Patient/" + std::to_string(id), token).status, 403);
  // A token cannot ask for more than the client was given.
  testing::HttpResponse wider = AskToken(Assertion(client_id), "system/Patient.r");
  EXPECT_EQ(wider.status, 400);
  EXPECT_EQ(wider.Json().at("error"), "invalid_scope");
}

TEST_P(FhirHttpTest, AnotherOrganisationsConsultIsNotThereForTheClient) {
  std::string token = AccessToken(RegisterClient());
  json::object body = NewConsultBody(true);
  body["specialty"] = "kno";
  body["icpc"] = "H71";
  testing::HttpResponse other = client_->Post("/api/v1/consults", body, Token("huisarts.jansen"));
  ASSERT_EQ(other.status, 201) << other.body;
  std::string path = "/";
  path += std::to_string(other.Json().at("id").as_int64());
  for (const char* type : {"/Task", "/ServiceRequest", "/Patient"}) {
    testing::HttpResponse read = Fhir("GET", type + path, token);
    EXPECT_EQ(read.status, 404) << type;
    EXPECT_EQ(OutcomeCode(read), "not-found");
    EXPECT_EQ(read.body.find("H71"), std::string::npos);
  }
  EXPECT_EQ(Fhir("GET", "/Communication?part-of=Task" + path, token).Json().at("entry").as_array().size(), 0u);
}

// Criteria the list cannot apply itself (several statuses) do not leave a page short while
// matches follow: the newest Task does not match, and the page of one still holds a match.
TEST_P(FhirHttpTest, ASearchPageIsFullWhileMoreMatchesFollow) {
  std::string token = AccessToken(RegisterClient());
  int64_t cancelled = CreateThroughFhir(token);
  std::string path = "/Task/" + std::to_string(cancelled);
  json::object task = Fhir("GET", path, token).Json().as_object();
  task["status"] = "cancelled";
  ASSERT_EQ(Fhir("PUT", path, token, json::serialize(task)).status, 200);
  CreateThroughFhir(token);  // the newest: requested, no match

  json::value page = Fhir("GET", "/Task?status=cancelled,completed&_count=1", token).Json();
  json::array entries = page.at("entry").as_array();
  ASSERT_EQ(entries.size(), 1u) << json::serialize(page);
  json::value status = entries[0].at("resource").at("status");
  EXPECT_TRUE(status == "cancelled" || status == "completed") << status;
}

// A HIS that subscribed is told through its REST hook: the copy for the record when a consult of
// its practice closes (tried again after the hook refused once), a bare notification for every
// change when it asked for no content; once it ends a subscription, nothing more comes.
TEST_P(FhirHttpTest, ASubscribedHisReceivesTheCopyForTheRecordWhenTheConsultCloses) {
  testing::WebhookSink hook(/*fail_first=*/1);
  ASSERT_EQ(server_->Stop(), 0);
  server_ = StartNode({"--outbox-poll-ms", "100", "--mail-retry-seconds", "1"});
  client_ = std::make_unique<testing::HttpClient>(server_->port());
  std::string client_id = RegisterClient(std::string(kAllScopes) + " system/Subscription.crds");
  std::string token = AccessToken(client_id);
  auto subscription = [&](const std::string& criteria, const std::string& endpoint,
                          const std::string& payload) {
    json::object channel{{"type", "rest-hook"}, {"endpoint", endpoint}};
    if (!payload.empty()) channel["payload"] = payload;
    return json::object{{"resourceType", "Subscription"}, {"status", "requested"},
                        {"reason", "Kopie voor het dossier"}, {"criteria", criteria},
                        {"channel", channel}};
  };
  auto subscribe = [&](const json::object& body) {
    return Fhir("POST", "/Subscription", token, json::serialize(body));
  };

  // What is not offered is refused, naming the element, and nothing is made.
  json::object bad = subscription("Patient", hook.url(), "application/fhir+json");
  EXPECT_EQ(OutcomeExpression(subscribe(bad)), "Subscription.criteria");
  bad = subscription("Task?status=completed", "http://his.example.nl/hook", "");
  EXPECT_EQ(OutcomeExpression(subscribe(bad)), "Subscription.channel.endpoint");
  bad = subscription("Task?status=completed", "https://his:geheim@his.example.nl/hook", "");
  EXPECT_EQ(OutcomeExpression(subscribe(bad)), "Subscription.channel.endpoint");
  bad = subscription("Task?status=completed", hook.url(), "application/xml");
  EXPECT_EQ(OutcomeExpression(subscribe(bad)), "Subscription.channel.payload");
  bad = subscription("Task?status=completed", hook.url(), "");
  bad["channel"].as_object()["header"] = json::array{"Authorization: Bearer geheim"};
  EXPECT_EQ(OutcomeExpression(subscribe(bad)), "Subscription.channel.header");
  bad = subscription("Task?status=completed", hook.url(), "");
  bad["channel"].as_object()["type"] = "email";
  EXPECT_EQ(OutcomeExpression(subscribe(bad)), "Subscription.channel.type");
  // A token without the scope, and a person's own login, may not subscribe.
  std::string reader = AccessToken(client_id, "system/Task.rs");
  testing::HttpResponse unscoped = Fhir("POST", "/Subscription", reader,
                                        json::serialize(subscription("Task", hook.url(), "")));
  EXPECT_EQ(unscoped.status, 403);
  EXPECT_EQ(Fhir("POST", "/Subscription", Token("huisarts.devries"),
                 json::serialize(subscription("Task", hook.url(), ""))).status, 403);
  EXPECT_EQ(Fhir("GET", "/Subscription", token).Json().at("entry").as_array().size(), 0u);

  testing::HttpResponse made = subscribe(
      subscription("Task?status=completed", hook.url("/dossier"), "application/fhir+json"));
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(made.Json().at("status"), "active");
  std::string copy_id(made.Json().at("id").as_string());
  EXPECT_EQ(made.Header("location"), "http://127.0.0.1/fhir/R4/Subscription/" + copy_id);
  testing::HttpResponse bare = subscribe(subscription("Task", hook.url("/ping"), ""));
  ASSERT_EQ(bare.status, 201) << bare.body;
  std::string bare_id(bare.Json().at("id").as_string());
  EXPECT_EQ(Fhir("GET", "/Subscription", token).Json().at("entry").as_array().size(), 2u);
  // The administrator sees where the client's notifications go.
  testing::HttpResponse listed = Expect(200, "GET", "/api/v1/api-clients",
                                        client_->Get("/api/v1/api-clients", Token("admin")));
  json::value clients = listed.Json();  // kept: the loop reads into it
  for (const json::value& registered : clients.at("items").as_array()) {
    if (registered.at("client_id") != json::value(client_id)) continue;
    const json::array& subscriptions = registered.at("subscriptions").as_array();
    ASSERT_EQ(subscriptions.size(), 2u);
    EXPECT_EQ(subscriptions[0].at("endpoint"), json::value(hook.url("/ping")));
    EXPECT_EQ(subscriptions[1].at("criteria"), "Task?status=completed");
    EXPECT_EQ(subscriptions[1].at("with_content"), true);
    EXPECT_EQ(subscriptions[1].at("status"), "active");
  }
  // Another system of the same practice does not find them.
  std::string other = AccessToken(RegisterClient(std::string(kAllScopes) + " system/Subscription.rs"));
  EXPECT_EQ(Fhir("GET", "/Subscription/" + copy_id, other).status, 404);
  EXPECT_EQ(Fhir("GET", "/Subscription", other).Json().at("entry").as_array().size(), 0u);

  // The practice's consult, answered and closed in the app.
  int64_t id = CreateConsult(/*send=*/true);
  std::string specialist = Token("specialist.smit");
  ASSERT_EQ(client_->Post(ConsultPath(id, "claim"), json::object{}, specialist).status, 200);
  ASSERT_EQ(client_->Post(ConsultPath(id, "advice"),
                          {{"recommendation", "primary_care"}, {"body", "Hydrocortison 1%."}},
                          specialist).status, 200);
  ASSERT_EQ(client_->Post(ConsultPath(id, "close"),
                          {{"outcome", "primary_care"}, {"learned", true}, {"rating", 5}},
                          Token("huisarts.devries")).status, 200);

  // The hook refused the first notification; the next try, a second later, brings it.
  std::vector<testing::ReceivedPost> posts;
  auto arrived = [&](const std::string& path, size_t count) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    std::vector<testing::ReceivedPost> of_path;
    while (std::chrono::steady_clock::now() < deadline) {
      of_path.clear();
      for (const testing::ReceivedPost& post : hook.Posts()) {
        if (post.path == path) of_path.push_back(post);
      }
      if (of_path.size() >= count) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return of_path;
  };
  std::vector<testing::ReceivedPost> copies = arrived("/dossier", 1);
  ASSERT_EQ(copies.size(), 1u);
  EXPECT_EQ(copies[0].content_type, "application/fhir+json");
  EXPECT_FALSE(copies[0].notification_id.empty());
  json::value bundle = json::parse(copies[0].body);
  EXPECT_EQ(bundle.at("resourceType"), "Bundle");
  EXPECT_EQ(bundle.at("type"), "collection");
  EXPECT_NE(copies[0].body.find("Hydrocortison 1%."), std::string::npos);
  EXPECT_EQ(bundle.at("entry").as_array().back().at("resource").at("resourceType"),
            "DocumentReference");
  // Claimed, advised, closed: a notification without content for each change.
  std::vector<testing::ReceivedPost> pings = arrived("/ping", 3);
  ASSERT_GE(pings.size(), 3u);
  for (const testing::ReceivedPost& ping : pings) EXPECT_TRUE(ping.body.empty());
  // Delivered in the end, so the subscription is active, not in error.
  EXPECT_EQ(Fhir("GET", "/Subscription/" + copy_id, token).Json().at("status"), "active");

  // Once ended, another closed consult tells the hook nothing.
  testing::HttpResponse ended = Fhir("DELETE", "/Subscription/" + copy_id, token);
  ASSERT_EQ(ended.status, 200) << ended.body;
  EXPECT_EQ(ended.Json().at("status"), "off");
  EXPECT_EQ(Fhir("DELETE", "/Subscription/" + copy_id, other).status, 403);  // no d scope
  int64_t next = CreateConsult(/*send=*/true);
  ASSERT_EQ(client_->Post(ConsultPath(next, "claim"), json::object{}, specialist).status, 200);
  ASSERT_EQ(client_->Post(ConsultPath(next, "advice"),
                          {{"recommendation", "primary_care"}, {"body", "Afwachten."}},
                          specialist).status, 200);
  ASSERT_EQ(client_->Post(ConsultPath(next, "close"),
                          {{"outcome", "primary_care"}, {"learned", false}, {"rating", 4}},
                          Token("huisarts.devries")).status, 200);
  EXPECT_GE(arrived("/ping", 6).size(), 6u);  // the bare subscription still hears
  // The ended one's notice would have been made by the same change, and sent in the same pass.
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ(arrived("/dossier", 1).size(), 1u);
  EXPECT_EQ(Fhir("GET", "/Subscription/" + bare_id, token).Json().at("status"), "active");
}

TEST_P(FhirHttpTest, TheTokenEndpointTakesOnlyAFreshAssertionSignedByTheClientsKey) {
  std::string client_id = RegisterClient();
  std::string once = Assertion(client_id);
  EXPECT_EQ(AskToken(once).status, 200);
  testing::HttpResponse replayed = AskToken(once);
  EXPECT_EQ(replayed.status, 401);
  EXPECT_EQ(replayed.Json().at("error"), "invalid_client");
  testing::KeyPair stranger = testing::EcKeyPair();
  EXPECT_EQ(AskToken(Assertion(client_id, 60, &stranger)).status, 401);
  EXPECT_EQ(AskToken(Assertion(client_id, -5)).status, 401);
  std::string tampered = Assertion(client_id);
  tampered[tampered.size() - 5] = tampered[tampered.size() - 5] == 'A' ? 'B' : 'A';
  EXPECT_EQ(AskToken(tampered).status, 401);
  testing::HttpResponse as_json = AskToken(Assertion(client_id), "", "application/json");
  EXPECT_EQ(as_json.status, 400);
  EXPECT_EQ(as_json.Json().at("error"), "invalid_request");
  // A revoked client gets nothing, and its tokens stop at once.
  std::string token = AccessToken(client_id);
  int64_t id = IdOf("/api/v1/api-clients", "client_id", client_id);
  Expect(200, "POST", "/api/v1/api-clients/{id}/revoke",
         client_->Post("/api/v1/api-clients/" + std::to_string(id) + "/revoke", json::object{},
                       Token("admin")));
  EXPECT_EQ(Fhir("GET", "/Task", token).status, 401);
  EXPECT_EQ(AskToken(Assertion(client_id)).status, 401);
}

TEST_P(FhirHttpTest, AClientsTokenOpensTheFhirApiOnly) {
  std::string token = AccessToken(RegisterClient());
  testing::HttpResponse rest = client_->Get("/api/v1/consults", token);
  EXPECT_EQ(rest.status, 401);
  // A person's login may use FHIR, under the same rules.
  EXPECT_EQ(Fhir("GET", "/Task", Token("huisarts.devries")).status, 200);
  EXPECT_EQ(Fhir("GET", "/Task", "not-a-token").status, 401);
}

TEST_P(FhirHttpTest, BadInputIsAnOperationOutcomeAndChangesNothing) {
  std::string token = AccessToken(RegisterClient());
  int before = ConsultCount();
  testing::HttpResponse broken = Fhir("POST", "", token, "{\"resourceType\":");
  EXPECT_EQ(broken.status, 400);
  EXPECT_EQ(OutcomeCode(broken), "structure");
  std::string bundle = ConsultBundle();
  std::string no_year = bundle;
  no_year.replace(no_year.find("\"birthDate\":\"1979\","), 19, "");
  testing::HttpResponse invalid = Fhir("POST", "", token, no_year);
  EXPECT_EQ(invalid.status, 422);
  EXPECT_EQ(invalid.Json().at("issue").as_array()[0].at("expression").as_array()[0],
            "Bundle.entry[0].resource.birthDate");
  testing::HttpResponse as_text = client_->Send("POST", "/fhir/R4", bundle,
                                                {{"Authorization", "Bearer " + token},
                                                 {"Content-Type", "text/plain"}});
  EXPECT_EQ(as_text.status, 415);
  EXPECT_EQ(Fhir("GET", "/Task?colour=red", token).status, 422);
  EXPECT_EQ(Fhir("GET", "/Task?_lastUpdated=yesterday", token).status, 422);
  EXPECT_EQ(Fhir("GET", "/Task/abc", token).status, 404);
  EXPECT_EQ(ConsultCount(), before);

  int64_t id = CreateThroughFhir(token);
  std::string path = "/Task/" + std::to_string(id);
  json::object task = Fhir("GET", path, token).Json().as_object();
  task["id"] = "999";
  EXPECT_EQ(Fhir("PUT", path, token, json::serialize(task)).status, 422);
  task["id"] = std::to_string(id);
  task["status"] = "cancelled";
  testing::HttpResponse stale = Fhir("PUT", path, token, json::serialize(task), {{"If-Match", "W/\"0\""}});
  EXPECT_EQ(stale.status, 412);
  // A precondition that names no version fails too, rather than being ignored.
  EXPECT_EQ(Fhir("PUT", path, token, json::serialize(task), {{"If-Match", "W/\"one\""}}).status, 412);
  EXPECT_EQ(Fhir("PUT", path, token, json::serialize(task), {{"If-Match", "*x"}}).status, 412);
  task["status"] = "on-hold";
  EXPECT_EQ(Fhir("PUT", path, token, json::serialize(task)).status, 409);
  task["status"] = "completed";  // without an outcome
  EXPECT_EQ(Fhir("PUT", path, token, json::serialize(task)).status, 422);
  EXPECT_EQ(Fhir("GET", path, token).Json().at("status"), "requested");
}

TEST_P(FhirHttpTest, TheCapabilityStatementSaysWhatIsServed) {
  testing::HttpResponse metadata = client_->Get("/fhir/R4/metadata");
  ASSERT_EQ(metadata.status, 200);
  EXPECT_EQ(metadata.Header("content-type"), "application/fhir+json; charset=utf-8");
  json::value statement = metadata.Json();
  EXPECT_EQ(statement.at("fhirVersion"), "4.0.1");
  std::set<std::string> served;
  for (const auto& [method, pattern] : api::ServedOperations(*database_)) {
    if (pattern.rfind("/fhir/R4/", 0) == 0) served.insert(method + " " + pattern);
  }
  std::set<std::string> stated;
  for (const json::value& resource : statement.at("rest").as_array()[0].at("resource").as_array()) {
    std::string path = "/fhir/R4/";
    path += resource.at("type").as_string();
    for (const json::value& interaction : resource.at("interaction").as_array()) {
      std::string code(interaction.at("code").as_string());
      if (code == "read") stated.insert("GET " + path + "/{id}");
      if (code == "search-type") stated.insert("GET " + path);
      if (code == "create") stated.insert("POST " + path);
      if (code == "update") stated.insert("PUT " + path + "/{id}");
      if (code == "delete") stated.insert("DELETE " + path + "/{id}");
    }
    if (const json::value* operations = resource.as_object().if_contains("operation")) {
      for (const json::value& operation : operations->as_array()) {
        std::string name(operation.at("name").as_string());
        stated.insert("GET " + path + "/{id}/$" + name);
      }
    }
  }
  for (const std::string& route : served) {
    bool resource_route = route.find("metadata") == std::string::npos &&
                          route.find("auth/token") == std::string::npos &&
                          route.find(".well-known") == std::string::npos &&
                          route != "POST /fhir/R4";
    if (resource_route) {
      EXPECT_TRUE(stated.count(route)) << "served but not stated: " << route;
    }
  }
  for (const std::string& route : stated) EXPECT_TRUE(served.count(route)) << "stated but not served: " << route;
  json::value smart = client_->Get("/fhir/R4/.well-known/smart-configuration").Json();
  EXPECT_EQ(smart.at("token_endpoint"), "http://127.0.0.1/fhir/R4/auth/token");
}

INSTANTIATE_TEST_SUITE_P(Engines, FhirHttpTest, ::testing::ValuesIn(testing::TestEngines()),
                         api::TestName);

}  // namespace
}  // namespace meekijk::fhir
