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

class Router {
 public:
  void Add(std::string method, std::string pattern, Handler handler);
  // Answers GET requests whose path matches no route and lies outside /api/ (the web app).
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
  };
  static bool Match(const Route& route, const std::vector<std::string>& segments,
                    std::map<std::string, std::string>& params);
  std::vector<Route> routes_;
  Handler fallback_;
};

// A JSON error response {"error": {"code", "message"}}.
Response JsonError(int status, std::string_view code, std::string_view message);

}  // namespace meekijk::http
