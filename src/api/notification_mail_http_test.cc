// Mail to a real SMTP server (aiosmtpd on 127.0.0.1, started by the test), on both databases:
// each event mails exactly the people it concerns and no patient data; a server killed with
// SIGKILL mid-delivery and started again delivers every mail, each under its one Message-ID; a
// mail server that is down and then up gets everything after retries; two nodes on PostgreSQL
// deliver each mail once; /metrics shows the outbox.
#include <signal.h>
#include <stdlib.h>

#include <fstream>
#include <set>
#include <thread>

#include "api/api_test_fixture.h"
#include "testing/smtp_sink.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;
using std::chrono::seconds;

constexpr const char* kMetricsToken = "metrics-token-for-the-mail-test";

class NotificationMailHttpTest : public ApiTest {
 protected:
  // Starts a node that mails through `sink`, quickly: polling every 100 ms, retrying after 1 s.
  std::unique_ptr<testing::ServerProcess> MailingNode(const testing::SmtpSink& sink,
                                                      int lease_seconds = 3) {
    metrics_file_ = testing::MakeTemporaryDirectory() + "/metrics-token";
    std::ofstream(metrics_file_) << kMetricsToken << "\n";
    return StartNode({"--smtp", sink.url(), "--public-url", "https://meekijk.example.nl",
                      "--outbox-poll-ms", "100", "--outbox-lease-seconds",
                      std::to_string(lease_seconds), "--mail-retry-seconds", "1",
                      "--metrics-token-file", metrics_file_});
  }

  // Replaces the fixture's node (which has no mail server) by one that mails through `sink`.
  void ServeWithMail(const testing::SmtpSink& sink, int lease_seconds = 3) {
    ASSERT_EQ(server_->Stop(), 0);
    server_ = MailingNode(sink, lease_seconds);
    client_ = std::make_unique<testing::HttpClient>(server_->port());
  }

  json::array Outbox(const std::string& status) {
    testing::HttpResponse listed =
        Expect(200, "GET", "/api/v1/outbox",
               client_->Get("/api/v1/outbox?status=" + status, Token("admin")));
    return listed.Json().at("items").as_array();
  }

  // Waits until no mail waits in the outbox.
  void WaitUntilDelivered() {
    auto deadline = std::chrono::steady_clock::now() + seconds(60);
    while (!Outbox("pending").empty() && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    EXPECT_TRUE(Outbox("pending").empty()) << "mails still waiting after a minute";
  }

  // The recipients of what arrived after the outbox emptied, sorted; clears the sink.
  std::multiset<std::string> Delivered(testing::SmtpSink& sink) {
    WaitUntilDelivered();
    std::multiset<std::string> to;
    for (const testing::ReceivedMail& mail : sink.Mails()) {
      to.insert(mail.to);
      received_.push_back(mail);
    }
    sink.Clear();
    return to;
  }

  testing::HttpResponse Action(int64_t id, const std::string& action, const json::object& body,
                               const std::string& username) {
    return client_->Post(ConsultPath(id, action), body, Token(username));
  }

  std::string metrics_file_;
  std::vector<testing::ReceivedMail> received_;
};

using Recipients = std::multiset<std::string>;

TEST_P(NotificationMailHttpTest, EachEventMailsExactlyTheExpectedPeopleAndNoPatientData) {
  testing::SmtpSink sink;
  ServeWithMail(sink);
  Delivered(sink);  // the demo's own consults
  int64_t id = CreateConsult(true);
  EXPECT_EQ(Delivered(sink),
            (Recipients{"specialist.mulder@example.nl", "specialist.smit@example.nl"}));
  Expect(200, "POST", "/api/v1/consults/{id}/claim", Action(id, "claim", {}, "specialist.smit"));
  EXPECT_EQ(Delivered(sink), Recipients{});  // a claim reaches the GP in the daily digest
  Expect(200, "POST", "/api/v1/consults/{id}/messages",
         Action(id, "messages", {{"kind", "info_request"}, {"body", "Foto van de handpalmen?"}},
                "specialist.smit"));
  EXPECT_EQ(Delivered(sink), Recipients{"huisarts.devries@example.nl"});
  Expect(200, "POST", "/api/v1/consults/{id}/messages",
         Action(id, "messages", {{"kind", "reply"}, {"body", "Blaasjes op beide handpalmen."}},
                "huisarts.devries"));
  EXPECT_EQ(Delivered(sink), Recipients{"specialist.smit@example.nl"});
  Expect(200, "POST", "/api/v1/consults/{id}/advice",
         Action(id, "advice",
                {{"recommendation", "primary_care"}, {"body", "Start met klasse 3 corticosteroïd."}},
                "specialist.smit"));
  EXPECT_EQ(Delivered(sink), Recipients{"huisarts.devries@example.nl"});
  Expect(200, "POST", "/api/v1/consults/{id}/close",
         Action(id, "close", {{"outcome", "primary_care"}, {"learned", true}, {"rating", 5}},
                "huisarts.devries"));
  EXPECT_EQ(Delivered(sink), Recipients{});  // closing reaches the specialist in the digest

  std::string number = std::string(GetConsult(id, "huisarts.devries").at("number").as_string());
  ASSERT_EQ(received_.size() > 4, true);
  for (const testing::ReceivedMail& mail : received_) {
    for (const char* secret : {"Handeczeem", "kapster", "kloven", "blaasjes", "Blaasjes",
                               "handpalmen", "corticostero", "1979"}) {
      EXPECT_EQ(mail.raw.find(secret), std::string::npos) << secret << " in " << mail.raw;
      EXPECT_EQ(mail.decoded.find(secret), std::string::npos) << secret << " in " << mail.decoded;
    }
    EXPECT_NE(mail.message_id.find("@meekijk.example.nl>"), std::string::npos);
  }
  const testing::ReceivedMail& last = received_.back();  // the advice, to the GP
  EXPECT_NE(last.decoded.find(number), std::string::npos);
  EXPECT_NE(last.decoded.find("Dermatologie"), std::string::npos);
  EXPECT_NE(last.decoded.find("https://meekijk.example.nl/consults/" + std::to_string(id)),
            std::string::npos);
  EXPECT_NE(last.raw.find("text/html"), std::string::npos);

  // The GP sees the same events in the app, and /metrics the outbox.
  testing::HttpResponse told =
      Expect(200, "GET", "/api/v1/notifications",
             client_->Get("/api/v1/notifications", Token("huisarts.devries")));
  EXPECT_GE(told.Json().at("items").as_array().size(), 3u);
  testing::HttpResponse metrics = client_->Send(
      "GET", "/metrics", "", {{"Authorization", std::string("Bearer ") + kMetricsToken}});
  EXPECT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("meekijk_outbox_mails{status=\"pending\"}"), std::string::npos);
  EXPECT_NE(metrics.body.find("meekijk_mail_delivered_total"), std::string::npos);
  EXPECT_NE(metrics.body.find("meekijk_mail_delivery_seconds_bucket"), std::string::npos);
}

TEST_P(NotificationMailHttpTest, AServerKilledMidDeliveryDeliversEveryMailUnderItsOneMessageId) {
  // Mails wait while the fixture's node has no mail server.
  for (int i = 0; i < 6; ++i) CreateConsult(true);
  testing::SmtpSink slow({.delay = std::chrono::milliseconds(300)});
  ServeWithMail(slow, 2);
  std::vector<testing::ReceivedMail> before = slow.WaitFor(3, seconds(30));
  ASSERT_GE(before.size(), 3u);
  server_->Kill();  // in the middle of a delivery: the sink holds each message 300 ms
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  server_ = MailingNode(slow, 2);
  client_ = std::make_unique<testing::HttpClient>(server_->port());
  WaitUntilDelivered();
  std::set<std::string> outbox_ids;
  for (const json::value& mail : Outbox("delivered")) {
    outbox_ids.insert(std::string(mail.at("message_id").as_string()));
  }
  std::set<std::string> received_ids;
  for (const testing::ReceivedMail& mail : slow.Mails()) received_ids.insert(mail.message_id);
  EXPECT_GE(outbox_ids.size(), 12u);        // at least two mails for each of the six consults
  EXPECT_EQ(received_ids, outbox_ids);      // none missing, none new
  EXPECT_TRUE(Outbox("dead").empty());
}

TEST_P(NotificationMailHttpTest, AMailServerThatIsDownGetsEverythingAfterRetries) {
  testing::SmtpSink sink;
  ServeWithMail(sink);
  Delivered(sink);
  sink.Stop();
  int64_t id = CreateConsult(true);
  // Tried and failed, kept with the server's words; nothing dead yet.
  json::array waiting;
  auto deadline = std::chrono::steady_clock::now() + seconds(20);
  do {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    waiting = Outbox("pending");
  } while ((waiting.empty() || waiting[0].at("attempts").as_int64() < 2) &&
           std::chrono::steady_clock::now() < deadline);
  ASSERT_FALSE(waiting.empty());
  EXPECT_GE(waiting[0].at("attempts").as_int64(), 2);
  EXPECT_FALSE(std::string(waiting[0].at("last_error").as_string()).empty());
  sink.Start();
  EXPECT_EQ(Delivered(sink),
            (Recipients{"specialist.mulder@example.nl", "specialist.smit@example.nl"}));
  (void)id;
}

// STARTTLS required on both sides with a login whose password comes from a file; then SMTPS
// (TLS from the start) with the password from the environment; a wrong password delivers nothing
// and says why.
TEST_P(NotificationMailHttpTest, SpeaksStartTlsAndSmtpsAndLogsInWithThePasswordFromAFileOrTheEnv) {
  std::string dir = testing::MakeTemporaryDirectory();
  testing::CommandResult made = testing::RunCommand(
      "/usr/bin/openssl", {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                           "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-addext",
                           "subjectAltName=IP:127.0.0.1", "-keyout", dir + "/key.pem", "-out",
                           dir + "/cert.pem"});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  std::ofstream(dir + "/password") << "geheim-voor-de-mailserver\n";
  std::ofstream(dir + "/wrong") << "fout\n";
  using Tls = testing::SmtpSinkOptions::Tls;
  auto node = [&](const testing::SmtpSink& sink, std::vector<std::string> extra) {
    std::vector<std::string> args{"--smtp", sink.url(), "--smtp-ca-file", dir + "/cert.pem",
                                  "--smtp-user", "meekijk", "--outbox-poll-ms", "100",
                                  "--mail-retry-seconds", "1"};
    args.insert(args.end(), extra.begin(), extra.end());
    ASSERT_EQ(server_->Stop(), 0);
    server_ = StartNode(args);
    client_ = std::make_unique<testing::HttpClient>(server_->port());
  };
  {
    testing::SmtpSink sink({.tls = Tls::kStartTls, .cert_file = dir + "/cert.pem",
                            .key_file = dir + "/key.pem", .login = "meekijk:fout-niet"});
    node(sink, {"--smtp-require-tls", "--smtp-password-file", dir + "/wrong"});
    CreateConsult(true);
    json::array waiting;
    for (int i = 0;
         i < 100 && (waiting.empty() || waiting[0].at("last_error").as_string().empty()); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      waiting = Outbox("pending");
    }
    ASSERT_FALSE(waiting.empty());
    EXPECT_FALSE(waiting[0].at("last_error").as_string().empty()) << "refused, and says why";
    EXPECT_TRUE(sink.Mails().empty());
  }
  {
    testing::SmtpSink sink({.tls = Tls::kStartTls, .cert_file = dir + "/cert.pem",
                            .key_file = dir + "/key.pem",
                            .login = "meekijk:geheim-voor-de-mailserver"});
    node(sink, {"--smtp-require-tls", "--smtp-password-file", dir + "/password"});
    EXPECT_FALSE(Delivered(sink).empty());
  }
  {
    testing::SmtpSink sink({.tls = Tls::kImplicit, .cert_file = dir + "/cert.pem",
                            .key_file = dir + "/key.pem", .login = "meekijk:uit-de-omgeving"});
    setenv("MEEKIJK_SMTP_PASSWORD", "uit-de-omgeving", 1);
    node(sink, {});
    unsetenv("MEEKIJK_SMTP_PASSWORD");
    CreateConsult(true);
    EXPECT_EQ(Delivered(sink),
              (Recipients{"specialist.mulder@example.nl", "specialist.smit@example.nl"}));
  }
}

TEST_P(NotificationMailHttpTest, TwoNodesOnPostgresqlDeliverEachMailOnce) {
  if (GetParam() != testing::Engine::kPostgres) GTEST_SKIP() << "several nodes need PostgreSQL";
  for (int i = 0; i < 8; ++i) CreateConsult(true);
  testing::SmtpSink sink;
  ServeWithMail(sink, 30);
  std::unique_ptr<testing::ServerProcess> second = MailingNode(sink, 30);
  WaitUntilDelivered();
  std::multiset<std::string> ids;
  for (const testing::ReceivedMail& mail : sink.Mails()) ids.insert(mail.message_id);
  EXPECT_GE(ids.size(), 16u);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size())
      << "a mail was delivered twice";
  EXPECT_EQ(second->Stop(), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, NotificationMailHttpTest,
                         ::testing::ValuesIn(testing::TestEngines()), TestName);

}  // namespace
}  // namespace meekijk::api
