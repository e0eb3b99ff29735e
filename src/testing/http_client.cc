// The test client, on Beast's synchronous API.
#include "testing/http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace meekijk::testing {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;

std::vector<std::pair<std::string, std::string>> BearerHeaders(const std::string& token) {
  if (token.empty()) return {};
  return {{"Authorization", "Bearer " + token}};
}

}  // namespace

boost::json::value HttpResponse::Json() const {
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(body, ec);
  return ec ? boost::json::value(nullptr) : value;
}

std::string HttpResponse::Header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

HttpResponse HttpClient::Send(const std::string& method, const std::string& target,
                              const std::string& body,
                              const std::vector<std::pair<std::string, std::string>>& headers) const {
  net::io_context ioc;
  net::ip::tcp::socket socket(ioc);
  socket.connect({net::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port_)});
  bhttp::request<bhttp::string_body> request;
  request.method_string(method);
  request.target(target);
  request.version(11);
  request.set(bhttp::field::host, "127.0.0.1");
  for (const auto& [name, value] : headers) request.set(name, value);
  request.body() = body;
  request.prepare_payload();
  beast::error_code ec;
  bhttp::write(socket, request, ec);
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(256 * 1024 * 1024);
  bhttp::read(socket, buffer, parser, ec);
  HttpResponse response;
  if (ec && !parser.is_header_done()) return response;  // status 0: no answer
  const auto& message = parser.get();
  response.status = static_cast<int>(message.result_int());
  for (const auto& field : message) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    response.headers[name] = std::string(field.value());
  }
  response.body = message.body();
  return response;
}

int HttpClient::SendRaw(const std::string& bytes) const {
  net::io_context ioc;
  net::ip::tcp::socket socket(ioc);
  socket.connect({net::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port_)});
  beast::error_code ec;
  net::write(socket, net::buffer(bytes), ec);
  beast::flat_buffer buffer;
  bhttp::response<bhttp::string_body> response;
  bhttp::read(socket, buffer, response, ec);
  return ec ? 0 : static_cast<int>(response.result_int());
}

HttpResponse HttpClient::Get(const std::string& target, const std::string& token) const {
  return Send("GET", target, {}, BearerHeaders(token));
}

HttpResponse HttpClient::Post(const std::string& target, const boost::json::value& body,
                              const std::string& token) const {
  return SendJson("POST", target, body, token);
}

HttpResponse HttpClient::Patch(const std::string& target, const boost::json::value& body,
                               const std::string& token) const {
  return SendJson("PATCH", target, body, token);
}

HttpResponse HttpClient::Put(const std::string& target, const boost::json::value& body,
                             const std::string& token) const {
  return SendJson("PUT", target, body, token);
}

HttpResponse HttpClient::SendJson(const std::string& method, const std::string& target,
                                  const boost::json::value& body, const std::string& token) const {
  auto headers = BearerHeaders(token);
  headers.emplace_back("Content-Type", "application/json");
  return Send(method, target, boost::json::serialize(body), headers);
}

HttpResponse HttpClient::Delete(const std::string& target, const std::string& token) const {
  return Send("DELETE", target, {}, BearerHeaders(token));
}

std::string HttpClient::Login(const std::string& username, const std::string& password,
                              const std::string& otp) const {
  boost::json::object body{{"username", username}, {"password", password}};
  if (!otp.empty()) body["otp"] = otp;
  HttpResponse response = Post("/api/v1/session", body);
  if (response.status != 200) return "";
  return std::string(response.Json().at("token").as_string());
}

}  // namespace meekijk::testing
