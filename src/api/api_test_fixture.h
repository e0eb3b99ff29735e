// The fixture of the HTTP tests: a demo region in a fresh database (SQLite or PostgreSQL), the
// real `meekijk serve` on a free port, a client, and the OpenAPI document every JSON response is
// checked against.
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>
#include <string>

#include "testing/http_client.h"
#include "testing/openapi_validator.h"
#include "testing/otp_codes.h"
#include "testing/sample_files.h"
#include "testing/server_process.h"
#include "testing/test_database.h"

namespace meekijk::api {

inline constexpr const char* kDemoPassword = "demo-wachtwoord-2026";

class ApiTest : public ::testing::TestWithParam<testing::Engine> {
 protected:
  void SetUp() override;
  void TearDown() override;
  // Whether the demo region comes with its past year (slower to make; the results tests need it).
  virtual bool WithDemoHistory() const { return false; }

  // Starts (another) server node on the same database.
  std::unique_ptr<testing::ServerProcess> StartNode(std::vector<std::string> extra = {},
                                                    int open_file_limit = 0);

  // Asserts the status and, for JSON bodies, that the body matches the documented schema of
  // this operation and status.
  testing::HttpResponse Expect(int status, const std::string& method, const std::string& pattern,
                               const testing::HttpResponse& response);

  // A token of `username` (one login per test and user).
  std::string Token(const std::string& username);
  // A new login of a demo account through `client`, with a fresh code from its authenticator.
  std::string LogIn(const testing::HttpClient& client, const std::string& username);
  // A consult body that the demo's Kralingen practice may send to dermatology.
  static boost::json::object NewConsultBody(bool send);
  // Creates (and sends) a consult as huisarts.devries; returns its id.
  int64_t CreateConsult(bool send = true);
  boost::json::object GetConsult(int64_t id, const std::string& username);
  std::string ConsultPath(int64_t id, const std::string& action = {}) const;

  std::unique_ptr<testing::TestDatabase> database_;
  std::unique_ptr<testing::ServerProcess> server_;
  std::unique_ptr<testing::HttpClient> client_;
  std::map<std::string, std::string> tokens_;
  testing::OtpCodes otp_;  // the demo accounts' authenticators

  static const testing::OpenApiDocument& OpenApi();
};

std::string TestName(const ::testing::TestParamInfo<testing::Engine>& info);

// Every (method, pattern) the server's router serves, from the router itself: the API's routes
// with their services on `database`, and the system routes.
std::vector<std::pair<std::string, std::string>> ServedOperations(const testing::TestDatabase& database);

}  // namespace meekijk::api
