// HTTP requests and responses as plain values, so that handlers are functions of a request and
// are tested without a network. Only server.cc knows Beast.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace meekijk::http {

struct Request {
  std::string method;  // "GET", "POST", …
  std::string target;  // as received: path and query
  std::string path;    // decoded path without the query
  std::multimap<std::string, std::string> query;
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
  std::string client_address;
  bool over_tls = false;  // the server's own TLS (behind a proxy: X-Forwarded-Proto)
  std::string request_id;
  std::string route;  // the matched route pattern, for metrics and logs ("/api/v1/consults/{id}")
  std::map<std::string, std::string> params;  // path parameters of the matched route

  // The first header with this (lower-case) name.
  std::optional<std::string_view> Header(std::string_view name) const;
  std::optional<std::string> Query(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  Response& WithHeader(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

// Splits "a=1&b=x%20y" into decoded pairs; '+' is a space, as browsers send forms. Fails when an
// escape is malformed or a name or value is not UTF-8: a parameter is never silently dropped.
std::optional<std::multimap<std::string, std::string>> ParseQuery(std::string_view query);
// Percent-decodes; returns nullopt for a malformed escape.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);
// The decoded path of a request target ("/api/v1/consults/7?x=1" → "/api/v1/consults/7"); nullopt
// for a malformed escape or a path that is not UTF-8.
std::optional<std::string> DecodedPath(std::string_view target);

// The caller's X-Request-Id when it is short and plain, so that ids follow a request through a
// load balancer; otherwise a new one.
std::string RequestIdFrom(std::string_view incoming);

// Fills request.path and request.query from request.target. Fails with the 400 answer to give
// when the target cannot be decoded, so that no handler ever sees bytes it cannot trust.
std::optional<Response> DecodeTarget(Request& request);

}  // namespace meekijk::http
