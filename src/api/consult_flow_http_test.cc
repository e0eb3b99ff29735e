// The whole consult, GP → specialist → GP, through the real server on both databases.
#include <chrono>
#include <thread>

#include "api/api_test_fixture.h"
#include "store/access_log.h"
#include "store/tx.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;

constexpr const char* kConsult = "/api/v1/consults/{id}";

class ConsultFlowHttpTest : public ApiTest {};

TEST_P(ConsultFlowHttpTest, WalksCreateSendClaimInfoReplyAdviceFollowUpAdviceClose) {
  std::string gp = Token("huisarts.devries"), assistant = Token("assistent.visser"),
              specialist = Token("specialist.smit");
  int64_t id = CreateConsult(/*send=*/true);
  json::object sent = GetConsult(id, "huisarts.devries");
  EXPECT_EQ(sent.at("status"), "sent");
  EXPECT_TRUE(sent.at("due_at").is_string());
  EXPECT_EQ(sent.at("icpc_description"), "Contacteczeem/andere eczeem");

  auto act = [&](const std::string& action, const json::object& body, const std::string& token,
                 const char* status_after) {
    testing::HttpResponse response =
        Expect(200, "POST", std::string(kConsult) + "/" + action,
               client_->Post(ConsultPath(id, action), body, token));
    EXPECT_EQ(response.Json().at("status"), status_after) << action;
  };
  act("claim", {}, specialist, "claimed");
  act("messages", {{"kind", "info_request"}, {"body", "Graag een foto van beide handen."}},
      specialist, "info_requested");
  std::string photo = testing::SampleJpeg();
  testing::HttpResponse uploaded = Expect(
      201, "POST", std::string(kConsult) + "/attachments",
      client_->Send("POST", ConsultPath(id, "attachments"), photo,
                    {{"Authorization", "Bearer " + assistant},
                     {"Content-Type", "application/octet-stream"},
                     {"X-Filename", "handen%20links.jpg"}}));
  EXPECT_EQ(uploaded.Json().at("content_type"), "image/jpeg");
  EXPECT_EQ(uploaded.Json().at("filename"), "handen links.jpg");
  act("messages", {{"kind", "reply"}, {"body", "Foto bijgevoegd."}}, assistant, "claimed");
  act("advice", {{"recommendation", "primary_care"}, {"body", "Klasse 3 corticosteroïd 2 weken."}},
      specialist, "answered");
  act("messages", {{"kind", "question"}, {"body", "En daarna afbouwen?"}}, gp, "claimed");
  act("advice", {{"recommendation", "primary_care"}, {"body", "Ja, in 2 weken afbouwen."}},
      specialist, "answered");
  act("close", {{"outcome", "primary_care"}, {"learned", true}, {"rating", 5}}, gp, "closed");

  json::object closed = GetConsult(id, "specialist.smit");
  EXPECT_EQ(closed.at("status"), "closed");
  EXPECT_EQ(closed.at("thread").as_array().size(), 5u);
  EXPECT_EQ(closed.at("advice").at("body"), "Ja, in 2 weken afbouwen.");
  EXPECT_EQ(closed.at("outcome"),
            (json::value{{"outcome", "primary_care"}, {"learned", true}, {"rating", 5},
                         {"closed_at", closed.at("outcome").at("closed_at")},
                         {"corrected_at", nullptr}, {"correction_reason", nullptr}}));
  EXPECT_EQ(closed.at("closed_at"), closed.at("outcome").at("closed_at"));
  json::array attachments = closed.at("attachments").as_array();
  ASSERT_EQ(attachments.size(), 1u);

  testing::HttpResponse file = client_->Get(
      "/api/v1/attachments/" + std::to_string(attachments[0].at("id").as_int64()), gp);
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.body, photo);
  EXPECT_EQ(file.Header("content-type"), "image/jpeg");
  EXPECT_EQ(file.Header("x-content-type-options"), "nosniff");
  EXPECT_NE(file.Header("content-disposition").find("filename*=UTF-8''handen%20links.jpg"),
            std::string::npos);
}

// After an advice the specialist who gave it may send the consult back for a second round ("start
// this, and send me the results in six weeks"): an info request on an answered consult. The GP's
// reply returns it to them; the first advice keeps its time, the new one replaces it.
TEST_P(ConsultFlowHttpTest, TheSpecialistWhoAdvisedSendsTheConsultBackForASecondRound) {
  std::string gp = Token("huisarts.devries"), specialist = Token("specialist.smit"),
              colleague = Token("specialist.mulder");
  int64_t id = CreateConsult(/*send=*/true);
  auto act = [&](const std::string& action, const json::object& body, const std::string& token,
                 int status) {
    return Expect(status, "POST", std::string(kConsult) + "/" + action,
                  client_->Post(ConsultPath(id, action), body, token));
  };
  const json::object back{{"kind", "info_request"},
                          {"body", "Start hydrocortison; stuur mij over 6 weken een foto."}};
  // Before any advice there is no second round to ask for: the same request is a plain info
  // request, and on a sent consult nothing until it is claimed.
  act("messages", back, specialist, 409);
  act("claim", {}, specialist, 200);
  act("advice", {{"recommendation", "primary_care"}, {"body", "Eerst hydrocortison."}}, specialist,
      200);
  std::string first_advice_at = std::string(GetConsult(id, "huisarts.devries")
                                                .at("advice").at("given_at").as_string());

  // Only the specialist who holds it; not a colleague of the pool, not the GP.
  act("messages", back, colleague, 403);
  act("messages", back, gp, 403);
  EXPECT_EQ(GetConsult(id, "huisarts.devries").at("status"), "answered");

  EXPECT_EQ(act("messages", back, specialist, 200).Json().at("status"), "info_requested");
  json::object for_gp = GetConsult(id, "huisarts.devries");
  EXPECT_EQ(for_gp.at("advice").at("body"), "Eerst hydrocortison.");  // the advice stays
  EXPECT_EQ(for_gp.at("allowed_actions"), (json::array{"reply"}));  // no closing in between
  act("close", {{"outcome", "primary_care"}, {"learned", true}, {"rating", 4}}, gp, 409);

  act("messages", {{"kind", "reply"}, {"body", "Foto na 6 weken bijgevoegd: duidelijk beter."}},
      gp, 200);
  act("advice", {{"recommendation", "primary_care"}, {"body", "Afbouwen in 2 weken."}}, specialist,
      200);
  EXPECT_EQ(GetConsult(id, "huisarts.devries").at("advice").at("body"), "Afbouwen in 2 weken.");
  act("close", {{"outcome", "primary_care"}, {"learned", true}, {"rating", 5}}, gp, 200);
  json::object closed = GetConsult(id, "huisarts.devries");
  EXPECT_EQ(closed.at("status"), "closed");
  json::array thread = closed.at("thread").as_array();
  ASSERT_EQ(thread.size(), 4u);  // advice, the second round's request, the reply, the new advice
  EXPECT_EQ(thread[1].at("kind"), "info_request");
  EXPECT_EQ(thread[1].at("body"), back.at("body"));
  EXPECT_EQ(closed.at("advice").at("first_at"), json::value(first_advice_at));  // the response time holds
}

TEST_P(ConsultFlowHttpTest, ListsAreScopedAndPagedByCursor) {
  std::string gp = Token("huisarts.devries");
  for (int i = 0; i < 3; ++i) CreateConsult();
  std::vector<std::string> numbers;
  std::string target = "/api/v1/consults?box=outbox&limit=2";
  for (int page = 0; page < 10; ++page) {
    testing::HttpResponse response =
        Expect(200, "GET", "/api/v1/consults", client_->Get(target, gp));
    json::value response_json = response.Json();
    for (const json::value& item : response_json.at("items").as_array()) {
      numbers.push_back(std::string(item.at("number").as_string()));
    }
    const json::value& cursor = response_json.at("next_cursor");
    if (cursor.is_null()) break;
    target = "/api/v1/consults?box=outbox&limit=2&cursor=" + std::string(cursor.as_string());
  }
  // The demo made 8 consults for this practice (3 of them physical); we added 3; newest first,
  // no repeats.
  EXPECT_EQ(numbers.size(), 11u);
  EXPECT_EQ(std::set<std::string>(numbers.begin(), numbers.end()).size(), numbers.size());
  EXPECT_GT(numbers.front(), numbers.back());

  testing::HttpResponse pool = Expect(200, "GET", "/api/v1/consults",
                                      client_->Get("/api/v1/consults?box=pool",
                                                   Token("specialist.smit")));
  json::value pool_json = pool.Json();
  EXPECT_EQ(pool_json.at("items").as_array().size(), 3u);  // the three just sent, unclaimed
  for (const json::value& item : pool_json.at("items").as_array()) {
    EXPECT_EQ(item.at("status"), "sent");
    EXPECT_EQ(item.at("specialty"), "dermatologie");
  }
  Expect(403, "GET", "/api/v1/consults", client_->Get("/api/v1/consults?box=pool", gp));
  Expect(422, "GET", "/api/v1/consults", client_->Get("/api/v1/consults?box=elsewhere", gp));
  Expect(422, "GET", "/api/v1/consults", client_->Get("/api/v1/consults?status=lost", gp));
}

TEST_P(ConsultFlowHttpTest, AccessLogHoldsARowForEveryReadAndChange) {
  int64_t id = CreateConsult();
  std::string specialist = Token("specialist.smit");
  client_->Get("/api/v1/consults?box=pool", specialist);
  GetConsult(id, "specialist.smit");
  client_->Post(ConsultPath(id, "claim"), json::object{}, specialist);
  client_->Post(ConsultPath(id, "advice"),
                json::object{{"recommendation", "refer"}, {"body", "Graag verwijzen."}}, specialist);
  client_->Post(ConsultPath(id, "close"),
                json::object{{"outcome", "referred"}, {"learned", false}, {"rating", 3}},
                Token("huisarts.devries"));
  client_->Get(ConsultPath(id), Token("huisarts.bakker"));  // another practice: refused, logged

  std::unique_ptr<store::Database> db = database_->Open();
  auto log = store::Transact<std::vector<store::AccessLogEntry>>(
      *db, store::Access::kRead, [&](store::Tx& tx) { return tx.access_log().List(id, 100); });
  ASSERT_TRUE(log.ok());
  std::vector<std::string> actions;
  for (auto it = log->rbegin(); it != log->rend(); ++it) {
    actions.push_back(it->action + ":" + it->username + ":" + it->outcome);
    EXPECT_EQ(it->client_address, "127.0.0.1");
    EXPECT_FALSE(it->request_id.empty());
  }
  EXPECT_EQ(actions, (std::vector<std::string>{
                         "consult.create:huisarts.devries:success",
                         "consult.send:huisarts.devries:success",
                         "consult.list:specialist.smit:success",
                         "consult.read:specialist.smit:success",
                         "consult.claim:specialist.smit:success",
                         "consult.advice:specialist.smit:success",
                         "consult.close:huisarts.devries:success",
                         "consult.read:huisarts.bakker:not_found",
                     }));
}

TEST_P(ConsultFlowHttpTest, AnAssistantsDraftIsSentByTheGp) {
  testing::HttpResponse draft =
      Expect(201, "POST", "/api/v1/consults",
             client_->Post("/api/v1/consults", NewConsultBody(false), Token("assistent.visser")));
  int64_t id = draft.Json().at("id").as_int64();
  EXPECT_EQ(draft.Json().at("status"), "draft");
  Expect(403, "POST", std::string(kConsult) + "/send",
         client_->Post(ConsultPath(id, "send"), json::object{}, Token("assistent.visser")));
  Expect(200, "POST", std::string(kConsult) + "/send",
         client_->Post(ConsultPath(id, "send"), json::object{}, Token("huisarts.devries")));
  EXPECT_EQ(GetConsult(id, "specialist.smit").at("status"), "sent");
}

TEST_P(ConsultFlowHttpTest, TwoNodesShareLoginsAndConsults) {
  if (GetParam() != testing::Engine::kPostgres) GTEST_SKIP() << "several nodes need PostgreSQL";
  std::unique_ptr<testing::ServerProcess> second = StartNode();
  testing::HttpClient other(second->port());
  std::string gp = Token("huisarts.devries");  // logged in on the first node
  testing::HttpResponse created =
      other.Post("/api/v1/consults", NewConsultBody(true), gp);  // used on the second
  ASSERT_EQ(created.status, 201) << created.body;
  int64_t id = created.Json().at("id").as_int64();
  std::string specialist = LogIn(other, "specialist.smit");
  EXPECT_EQ(other.Post(ConsultPath(id, "claim"), json::object{}, specialist).status, 200);
  EXPECT_EQ(client_->Post(ConsultPath(id, "advice"),
                          json::object{{"recommendation", "primary_care"}, {"body", "Prima."}},
                          specialist).status,
            200);
  EXPECT_EQ(GetConsult(id, "huisarts.devries").at("status"), "answered");
  EXPECT_EQ(other.Delete("/api/v1/session", gp).status, 204);
  EXPECT_EQ(other.Get("/api/v1/me", gp).status, 401);  // at once on the node that logged out
  // Everywhere within the time a node keeps a login (one second in these tests; DESIGN, Scale).
  int status = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
  while ((status = client_->Get("/api/v1/me", gp).status) != 401 &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(status, 401);
}

INSTANTIATE_TEST_SUITE_P(Engines, ConsultFlowHttpTest, ::testing::ValuesIn(testing::TestEngines()),
                         TestName);

}  // namespace
}  // namespace meekijk::api
