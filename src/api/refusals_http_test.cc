// What the server refuses, with which status and message, and that a refusal changes nothing.
#include <fstream>

#include "api/api_test_fixture.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;

constexpr const char* kConsultRoute = "/api/v1/consults/{id}";

class RefusalsHttpTest : public ApiTest {
 protected:
  // The consult as the GP sees it, for comparing before and after a refused action.
  std::string Snapshot(int64_t id) {
    json::object consult = GetConsult(id, "huisarts.devries");
    consult.erase("updated_at");
    return json::serialize(consult);
  }

  // The number of consults in the GP's outbox.
  size_t OutboxSize() {
    testing::HttpResponse response =
        client_->Get("/api/v1/consults?limit=200", Token("huisarts.devries"));
    return response.Json().at("items").as_array().size();
  }

  std::string ErrorCode(const testing::HttpResponse& response) {
    return std::string(response.Json().at("error").at("code").as_string());
  }
};

TEST_P(RefusalsHttpTest, RefusedTransitionsAnswer409Or403AndChangeNothing) {
  int64_t id = CreateConsult();
  std::string before = Snapshot(id);
  struct Attempt {
    const char* action;
    json::object body;
    const char* user;
    int status;
  };
  const Attempt attempts[] = {
      {"advice", {{"recommendation", "refer"}, {"body", "x"}}, "specialist.smit", 409},
      {"messages", {{"kind", "info_request"}, {"body", "x"}}, "specialist.smit", 409},
      {"close", {{"outcome", "referred"}, {"learned", false}, {"rating", 2}}, "huisarts.devries", 409},
      {"send", {}, "huisarts.devries", 409},
      {"messages", {{"kind", "reply"}, {"body", "x"}}, "assistent.visser", 409},
      {"claim", {}, "huisarts.devries", 403},
      {"advice", {{"recommendation", "refer"}, {"body", "x"}}, "huisarts.devries", 403},
      {"cancel", {}, "assistent.visser", 403},
      {"messages", {{"kind", "question"}, {"body", "x"}}, "specialist.smit", 403},
  };
  for (const Attempt& attempt : attempts) {
    testing::HttpResponse response = Expect(
        attempt.status, "POST", std::string(kConsultRoute) + "/" + attempt.action,
        client_->Post(ConsultPath(id, attempt.action), attempt.body, Token(attempt.user)));
    EXPECT_FALSE(std::string(response.Json().at("error").at("message").as_string()).empty());
    EXPECT_EQ(Snapshot(id), before) << attempt.action << " by " << attempt.user;
  }
  // A colleague in the same pool may not answer once someone has claimed it.
  ASSERT_EQ(client_->Post(ConsultPath(id, "claim"), json::object{}, Token("specialist.smit")).status, 200);
  Expect(403, "POST", std::string(kConsultRoute) + "/advice",
         client_->Post(ConsultPath(id, "advice"), json::object{{"recommendation", "refer"}, {"body", "x"}},
                       Token("specialist.mulder")));
}

TEST_P(RefusalsHttpTest, AnotherPracticeGets404AndNeverSeesTheConsultInAList) {
  int64_t id = CreateConsult();
  testing::HttpResponse uploaded = client_->Send(
      "POST", ConsultPath(id, "attachments"), testing::SamplePdf(),
      {{"Authorization", "Bearer " + Token("huisarts.devries")}, {"X-Filename", "brief.pdf"}});
  ASSERT_EQ(uploaded.status, 201);
  std::string attachment = "/api/v1/attachments/" + std::to_string(uploaded.Json().at("id").as_int64());
  std::string other = Token("huisarts.bakker");  // same care group, another practice
  testing::HttpResponse seen = Expect(404, "GET", kConsultRoute, client_->Get(ConsultPath(id), other));
  EXPECT_EQ(seen.body.find("Handeczeem"), std::string::npos);
  // An existing attachment on someone else's consult and one that does not exist get the same
  // answer, so that ids cannot be probed.
  testing::HttpResponse hidden =
      Expect(404, "GET", "/api/v1/attachments/{id}", client_->Get(attachment, other));
  testing::HttpResponse missing = Expect(404, "GET", "/api/v1/attachments/{id}",
                                         client_->Get("/api/v1/attachments/99999", other));
  EXPECT_EQ(hidden.body, missing.body);
  Expect(404, "POST", std::string(kConsultRoute) + "/close",
         client_->Post(ConsultPath(id, "close"),
                       json::object{{"outcome", "referred"}, {"learned", false}, {"rating", 1}}, other));
  testing::HttpResponse list = client_->Get("/api/v1/consults?limit=200", other);
  json::value list_json = list.Json();
  for (const json::value& item : list_json.at("items").as_array()) {
    EXPECT_NE(item.at("id").as_int64(), id);
  }
  // A specialist of an unrelated pool does not see it either.
  Expect(404, "GET", kConsultRoute, client_->Get(ConsultPath(id), Token("specialist.dekker")));
  Expect(404, "GET", kConsultRoute, client_->Get("/api/v1/consults/99999", other));
  Expect(404, "GET", kConsultRoute, client_->Get("/api/v1/consults/abc", other));
}

TEST_P(RefusalsHttpTest, BadInputGetsAClearErrorAndChangesNothing) {
  std::string gp = Token("huisarts.devries");
  size_t before = OutboxSize();
  auto post_raw = [&](const std::string& body) {
    return client_->Send("POST", "/api/v1/consults", body,
                         {{"Authorization", "Bearer " + gp}, {"Content-Type", "application/json"}});
  };
  EXPECT_EQ(ErrorCode(Expect(400, "POST", "/api/v1/consults", post_raw("{\"specialty\": "))),
            "malformed_request");
  Expect(400, "POST", "/api/v1/consults", post_raw("[1, 2]"));

  struct Case {
    const char* name;
    std::function<void(json::object&)> change;
    const char* field;
  };
  const Case cases[] = {
      {"birth year as text", [](json::object& b) { b["patient"].as_object()["birth_year"] = "1979"; },
       "patient.birth_year"},
      {"consent as text", [](json::object& b) { b["consent"] = "ja"; }, "consent"},
      {"unknown specialty", [](json::object& b) { b["specialty"] = "astrologie"; }, "specialty"},
      {"no agreement", [](json::object& b) { b["specialty"] = "gynaecologie"; }, "specialty"},
      {"invalid bsn", [](json::object& b) { b["patient"].as_object()["bsn"] = "123456789"; },
       "patient.bsn"},
      {"unknown icpc", [](json::object& b) { b["icpc"] = "Q99"; }, "icpc"},
      {"unknown sex", [](json::object& b) { b["patient"].as_object()["sex"] = "x"; }, "patient.sex"},
      {"missing question", [](json::object& b) { b.erase("question"); }, "question"},
      {"question of no-break and em spaces", [](json::object& b) { b["question"] = "\u00a0\u2003"; },
       "question"},
      {"no consent when sending", [](json::object& b) { b["consent"] = false; }, "consent"},
  };
  for (const Case& c : cases) {
    json::object body = NewConsultBody(true);
    c.change(body);
    testing::HttpResponse response =
        Expect(422, "POST", "/api/v1/consults", client_->Post("/api/v1/consults", body, gp));
    EXPECT_EQ(response.Json().at("error").at("field"), c.field) << c.name;
  }
  EXPECT_EQ(OutboxSize(), before);

  int64_t id = CreateConsult();
  auto upload = [&](const std::string& bytes, const char* name) {
    return client_->Send("POST", ConsultPath(id, "attachments"), bytes,
                         {{"Authorization", "Bearer " + gp}, {"Content-Type", "application/pdf"},
                          {"X-Filename", name}});
  };
  testing::HttpResponse executable = Expect(415, "POST", std::string(kConsultRoute) + "/attachments",
                                            upload(std::string("MZ\x90\x00\x03", 5) + "PE", "brief.pdf"));
  EXPECT_EQ(ErrorCode(executable), "unsupported_media_type");
  Expect(415, "POST", std::string(kConsultRoute) + "/attachments",
         upload(std::string("\x7f" "ELF\x02\x01\x01", 7), "scan.pdf"));
  // The server was started with the default 20 MB limit: 21 MB + is refused before it is read.
  testing::HttpResponse oversized =
      upload("%PDF-" + std::string(22 * 1024 * 1024, 'x'), "groot.pdf");
  EXPECT_EQ(oversized.status, 413);
  // Files that only start like a PDF or a JPEG are decoded, and refused.
  Expect(415, "POST", std::string(kConsultRoute) + "/attachments",
         upload("%PDF-1.7\n<html><script>alert(document.cookie)</script></html>", "uitslag.html"));
  Expect(415, "POST", std::string(kConsultRoute) + "/attachments", upload("\xFF\xD8\xFF", "foto.jpg"));
  EXPECT_EQ(GetConsult(id, "huisarts.devries").at("attachments").as_array().size(), 0u);
}

TEST_P(RefusalsHttpTest, APoolSeesThePatientPseudonymisedUntilItsSpecialistClaims) {
  // Internal medicine at Maasstad requires identification: the GP fills in name, date and BSN.
  json::object body = NewConsultBody(true);
  body["specialty"] = "interne-geneeskunde";
  body["icpc"] = "T90";
  json::object& patient = body["patient"].as_object();
  patient["name"] = "J. de Boer";
  patient["birth_date"] = "1979-05-14";
  patient["bsn"] = "111222333";
  testing::HttpResponse created = Expect(201, "POST", "/api/v1/consults",
                                         client_->Post("/api/v1/consults", body,
                                                       Token("huisarts.devries")));
  ASSERT_EQ(created.status, 201) << created.body;
  int64_t id = created.Json().at("id").as_int64();
  auto patient_seen_by = [&](const std::string& user) {
    return GetConsult(id, user).at("patient").as_object();
  };
  for (const char* pseudonymous : {"specialist.peters", "coordinator.maasstad"}) {
    json::object seen = patient_seen_by(pseudonymous);
    EXPECT_EQ(seen.at("birth_year"), 1979) << pseudonymous;
    EXPECT_TRUE(seen.at("name").is_null()) << pseudonymous;
    EXPECT_TRUE(seen.at("birth_date").is_null()) << pseudonymous;
    EXPECT_TRUE(seen.at("bsn").is_null()) << pseudonymous;
    EXPECT_EQ(seen.at("withheld"), true) << pseudonymous;
    std::string whole = json::serialize(GetConsult(id, pseudonymous));
    EXPECT_EQ(whole.find("111222333"), std::string::npos) << pseudonymous;
    EXPECT_EQ(whole.find("de Boer"), std::string::npos) << pseudonymous;
  }
  EXPECT_EQ(patient_seen_by("huisarts.devries").at("bsn"), "111222333");
  EXPECT_EQ(patient_seen_by("huisarts.devries").at("withheld"), false);
  Expect(200, "POST", std::string(kConsultRoute) + "/claim",
         client_->Post(ConsultPath(id, "claim"), json::object{}, Token("specialist.peters")));
  json::object holder = patient_seen_by("specialist.peters");
  EXPECT_EQ(holder.at("name"), "J. de Boer");
  EXPECT_EQ(holder.at("bsn"), "111222333");
  EXPECT_EQ(holder.at("withheld"), false);
  EXPECT_TRUE(patient_seen_by("coordinator.maasstad").at("bsn").is_null());
}

TEST_P(RefusalsHttpTest, AMessageOfOnlyUnicodeWhiteSpaceIsEmpty) {
  int64_t id = CreateConsult();
  std::string specialist = Token("specialist.smit");
  ASSERT_EQ(client_->Post(ConsultPath(id, "claim"), json::object{}, specialist).status, 200);
  std::string before = Snapshot(id);
  for (const char* blank : {"\u00a0\u2003", "\u200b", "\u2028 \u3000"}) {
    testing::HttpResponse refused = Expect(
        422, "POST", std::string(kConsultRoute) + "/messages",
        client_->Post(ConsultPath(id, "messages"),
                      json::object{{"kind", "info_request"}, {"body", blank}}, specialist));
    EXPECT_EQ(refused.Json().at("error").at("field"), "body");
  }
  EXPECT_EQ(Snapshot(id), before);
}

TEST_P(RefusalsHttpTest, AnAttachmentIsStoredAndServedUnderANameThatSaysWhatItIs) {
  int64_t id = CreateConsult();
  auto upload = [&](const std::string& bytes, const char* name) {
    return Expect(201, "POST", std::string(kConsultRoute) + "/attachments",
                  client_->Send("POST", ConsultPath(id, "attachments"), bytes,
                                {{"Authorization", "Bearer " + Token("huisarts.devries")},
                                 {"X-Filename", name}}));
  };
  struct Case {
    std::string bytes;
    const char* sent_as;
    const char* stored_as;
  };
  for (const Case& c : {Case{testing::SamplePdf(), "uitslag.html", "uitslag.pdf"},
                        Case{testing::SamplePdf(), "scan.pdf.exe", "scan.pdf"},
                        Case{testing::SamplePng(), "%E2%80%AEgnp.exe", "gnp.png"},
                        Case{testing::SampleJpeg(), "hand%09links", "hand links.jpg"}}) {
    testing::HttpResponse uploaded = upload(c.bytes, c.sent_as);
    EXPECT_EQ(uploaded.Json().at("filename"), c.stored_as) << c.sent_as;
    testing::HttpResponse download = client_->Get(
        "/api/v1/attachments/" + std::to_string(uploaded.Json().at("id").as_int64()) +
            "?download=1",
        Token("huisarts.devries"));
    EXPECT_EQ(download.body, c.bytes);
    EXPECT_NE(download.Header("content-disposition")
                  .find(std::string("attachment; filename=\"") + c.stored_as + "\""),
              std::string::npos)
        << download.Header("content-disposition");
  }
}

TEST_P(RefusalsHttpTest, RequiresAValidSession) {
  Expect(401, "GET", "/api/v1/me", client_->Get("/api/v1/me"));
  testing::HttpResponse forged = Expect(401, "GET", "/api/v1/me", client_->Get("/api/v1/me", "forged"));
  EXPECT_EQ(forged.Header("www-authenticate"), "Bearer realm=\"meekijk\"");
  testing::HttpResponse wrong = Expect(
      401, "POST", "/api/v1/session",
      client_->Post("/api/v1/session", json::object{{"username", "huisarts.devries"},
                                                    {"password", "fout"}}));
  EXPECT_EQ(wrong.Json().at("error").at("message"), "Gebruikersnaam of wachtwoord is onjuist.");
  testing::HttpResponse english = client_->Send(
      "POST", "/api/v1/session", R"({"username":"x","password":"y"})",
      {{"Accept-Language", "en-GB,en;q=0.9"}, {"Content-Type", "application/json"}});
  EXPECT_EQ(english.Json().at("error").at("message"), "The username or password is incorrect.");
  std::string token = Token("huisarts.devries");
  Expect(200, "GET", "/api/v1/me", client_->Get("/api/v1/me", token));
  Expect(204, "DELETE", "/api/v1/session", client_->Delete("/api/v1/session", token));
  Expect(401, "GET", "/api/v1/me", client_->Get("/api/v1/me", token));
}

TEST_P(RefusalsHttpTest, MalformedHttpIsAnsweredAndTheServerLivesOn) {
  EXPECT_EQ(client_->SendRaw("GARBAGE\r\n\r\n"), 400);
  EXPECT_EQ(client_->SendRaw("GET /api/v1/me HTTP/1.1\r\nContent-Length: x\r\n\r\n"), 400);
  EXPECT_EQ(client_->Send("BREW", "/api/v1/me").status, 405);
  std::string huge_header(20 * 1024, 'a');
  EXPECT_EQ(client_->Send("GET", "/api/v1/me", {}, {{"X-Big", huge_header}}).status, 431);
  Expect(405, "GET", "/api/v1/session", client_->Get("/api/v1/session"));
  Expect(200, "GET", "/healthz", client_->Get("/healthz"));
}

TEST_P(RefusalsHttpTest, ServesHealthAndMetricsOnlyWithTheMetricsTokenAndStopsGracefully) {
  Expect(404, "GET", "/metrics", client_->Get("/metrics"));  // no token configured: off
  std::string token_file = testing::MakeTemporaryDirectory() + "/metrics-token";
  std::ofstream(token_file) << "prometheus-scrape-token-2026\n";
  server_->Stop();
  server_ = StartNode({"--metrics-token-file", token_file});
  client_ = std::make_unique<testing::HttpClient>(server_->port());
  tokens_.clear();
  Expect(200, "GET", "/healthz", client_->Get("/healthz"));
  client_->Get("/api/v1/me", Token("huisarts.devries"));
  Expect(401, "GET", "/metrics", client_->Get("/metrics"));
  Expect(401, "GET", "/metrics", client_->Get("/metrics", "prometheus-scrape-token-2025"));
  Expect(401, "GET", "/metrics", client_->Get("/metrics", Token("huisarts.devries")));
  testing::HttpResponse metrics =
      Expect(200, "GET", "/metrics", client_->Get("/metrics", "prometheus-scrape-token-2026"));
  EXPECT_NE(metrics.body.find("meekijk_http_requests_total{method=\"GET\",route=\"/api/v1/me\",status=\"200\"} 1"),
            std::string::npos) << metrics.body;
  EXPECT_NE(metrics.body.find("meekijk_http_request_duration_seconds_bucket"), std::string::npos);
  EXPECT_NE(metrics.body.find("meekijk_db_transaction_seconds_count"), std::string::npos);
  EXPECT_EQ(server_->Stop(), 0);
  EXPECT_NE(server_->Log().find("\"event\":\"server_stopped\""), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Engines, RefusalsHttpTest, ::testing::ValuesIn(testing::TestEngines()),
                         TestName);

}  // namespace
}  // namespace meekijk::api
