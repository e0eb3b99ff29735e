// The server's own TLS with a certificate the test makes: HTTPS with HSTS and the __Host- Secure
// cookie, TLS 1.2 and 1.3 only, no plain HTTP on the same port, and bad files refused at start.
#include "api/api_test_fixture.h"

namespace meekijk::api {
namespace {

class TlsHttpTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    dir_ = testing::MakeTemporaryDirectory();
    testing::CommandResult made = testing::RunCommand(
        "/usr/bin/openssl", {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                             "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-keyout",
                             dir_ + "/key.pem", "-out", dir_ + "/cert.pem"});
    ASSERT_EQ(made.exit_code, 0) << made.err;
  }
  testing::CommandResult Curl(int port, std::vector<std::string> extra) {
    std::vector<std::string> args{"-s", "-k", "-D", "-", "-o", "/dev/null", "--max-time", "10"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back("https://127.0.0.1:" + std::to_string(port) + "/healthz");
    testing::CommandResult result = testing::RunCommand("/usr/bin/curl", args);
    for (char& c : result.out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return result;
  }
  std::string dir_;
};

TEST_P(TlsHttpTest, ServesHttpsWithHstsAndOnlyModernTls) {
  std::unique_ptr<testing::ServerProcess> tls =
      StartNode({"--tls-cert", dir_ + "/cert.pem", "--tls-key", dir_ + "/key.pem"});
  testing::CommandResult modern = Curl(tls->port(), {"--tlsv1.2"});
  ASSERT_EQ(modern.exit_code, 0) << modern.err;
  EXPECT_NE(modern.out.find("http/1.1 200"), std::string::npos) << modern.out;
  EXPECT_NE(modern.out.find("strict-transport-security: max-age=31536000"), std::string::npos)
      << modern.out;
  EXPECT_EQ(Curl(tls->port(), {"--tlsv1.3"}).exit_code, 0) << "TLS 1.3 too";
  EXPECT_NE(Curl(tls->port(), {"--tlsv1.0", "--tls-max", "1.1"}).exit_code, 0)
      << "TLS 1.0 and 1.1 are refused";
  // Plain HTTP on the TLS port gets no answer.
  testing::HttpClient plain(tls->port());
  EXPECT_NE(plain.Get("/healthz").status, 200);
  // A browser login over the server's own TLS gets the __Host- Secure cookie.
  std::string body = R"({"username":"huisarts.devries","password":")" + std::string(kDemoPassword) +
                     R"(","otp":")" + otp_.Next("huisarts.devries") + R"("})";
  testing::CommandResult login = testing::RunCommand(
      "/usr/bin/curl", {"-s", "-k", "-D", "-", "-o", "/dev/null", "-H", "X-Meekijk-Client: web",
                        "-H", "Content-Type: application/json", "--data", body,
                        "https://127.0.0.1:" + std::to_string(tls->port()) + "/api/v1/session"});
  EXPECT_NE(login.out.find("Set-Cookie: __Host-meekijk_session="), std::string::npos) << login.out;
  EXPECT_NE(login.out.find("; Secure"), std::string::npos) << login.out;
  EXPECT_EQ(tls->Stop(), 0);
}

TEST_P(TlsHttpTest, RefusesToStartWithAKeyThatIsNotTheCertificates) {
  testing::CommandResult other = testing::RunCommand(
      "/usr/bin/openssl", {"genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
                           "-out", dir_ + "/other.pem"});
  ASSERT_EQ(other.exit_code, 0);
  std::vector<std::string> args{"serve", "--listen", "127.0.0.1:0", "--tls-cert",
                                dir_ + "/cert.pem", "--tls-key", dir_ + "/other.pem"};
  for (const std::string& arg : database_->CommandLineArguments()) args.push_back(arg);
  testing::CommandResult refused = testing::RunCommand(MEEKIJK_BINARY, args);
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_NE(refused.err.find("certificate or key"), std::string::npos)
      << refused.err;
  args[4] = dir_ + "/missing.pem";
  EXPECT_NE(testing::RunCommand(MEEKIJK_BINARY, args).exit_code, 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, TlsHttpTest, ::testing::ValuesIn(testing::TestEngines()),
                         TestName);

}  // namespace
}  // namespace meekijk::api
