// A small synchronous HTTP/1.1 client for tests against a server on 127.0.0.1, with JSON helpers.
#pragma once

#include <boost/json/value.hpp>

#include <map>
#include <string>
#include <vector>

namespace meekijk::testing {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;

  // The body parsed as JSON (null when it is not JSON).
  boost::json::value Json() const;
  std::string Header(const std::string& name) const;
};

class HttpClient {
 public:
  explicit HttpClient(int port) : port_(port) {}

  // Sends one request on a new connection. `headers` are added as given.
  HttpResponse Send(const std::string& method, const std::string& target,
                    const std::string& body = {},
                    const std::vector<std::pair<std::string, std::string>>& headers = {}) const;

  // Writes raw bytes (for malformed requests) and returns the status of the answer, 0 for none.
  int SendRaw(const std::string& bytes) const;

  // JSON shorthands with an optional Bearer token.
  HttpResponse Get(const std::string& target, const std::string& token = {}) const;
  HttpResponse Post(const std::string& target, const boost::json::value& body,
                    const std::string& token = {}) const;
  HttpResponse Patch(const std::string& target, const boost::json::value& body,
                     const std::string& token = {}) const;
  HttpResponse Put(const std::string& target, const boost::json::value& body,
                   const std::string& token = {}) const;
  HttpResponse Delete(const std::string& target, const std::string& token = {}) const;

  // Logs in and returns the token; empty when the login fails.
  // The token of a login, or empty when it failed. `otp`: the code, for an enrolled user.
  std::string Login(const std::string& username, const std::string& password,
                    const std::string& otp = "") const;

 private:
  HttpResponse SendJson(const std::string& method, const std::string& target,
                        const boost::json::value& body, const std::string& token) const;

  int port_;
};

}  // namespace meekijk::testing
