// Routes "METHOD /path/{param}" to handlers. A path that exists with another method answers
// 405; an unknown path 404. Routes are added at start-up; matching is then read-only and
// thread-safe.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "http/message.h"

namespace meekijk::http {

using Handler = std::function<Response(Request&)>;

// What a route accepts as its body. The limit is the route's, so that a small JSON call cannot be
// sent 20 MB (the server reads no more than this before it answers 413); a JSON route refuses a
// body of another media type with 415.
struct BodyRule {
  size_t max_bytes = 8 * 1024;  // a login, an action with a few parameters
  bool json = true;

  // A route that carries clinical text (a question with a summary of up to 20,000 characters).
  static BodyRule Text() { return {256 * 1024, true}; }
  // A raw upload of at most `max_bytes` in any media type the handler itself checks.
  static BodyRule Upload(size_t max_bytes) { return {max_bytes, false}; }
};

class Router {
 public:
  void Add(std::string method, std::string pattern, Handler handler, BodyRule body = {});

  // The largest body the route for this method and decoded path accepts; BodyRule's default for a
  // path no route matches, whose answer is a 404 or the web app anyway.
  size_t BodyLimit(std::string_view method, std::string_view path) const;
  // Answers GET requests whose path matches no route and lies outside /api/ and /fhir/ (the web
  // app).
  void SetFallback(Handler handler) { fallback_ = std::move(handler); }

  // Fills request.route and request.params and calls the handler; answers 404/405 itself.
  Response Dispatch(Request& request) const;

  struct RouteInfo {
    std::string method;
    std::string pattern;
  };
  std::vector<RouteInfo> Routes() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
    BodyRule body;
  };
  const Route* Find(std::string_view method, const std::vector<std::string>& segments,
                    std::map<std::string, std::string>& params, bool& path_known) const;
  static bool Match(const Route& route, const std::vector<std::string>& segments,
                    std::map<std::string, std::string>& params);
  std::vector<Route> routes_;
  Handler fallback_;
};

// A JSON error response {"error": {"code", "message"}}.
Response JsonError(int status, std::string_view code, std::string_view message);

}  // namespace meekijk::http
