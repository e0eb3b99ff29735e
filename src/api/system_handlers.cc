// /healthz (liveness with a database check) and /metrics (Prometheus text format, behind a token).
#include <sodium.h>

#include "api/api.h"
#include "api/responses.h"
#include "core/metrics.h"

namespace meekijk::api {
namespace {

// Compares in time independent of where the strings differ, so that the token cannot be guessed
// a character at a time.
bool SameSecret(std::string_view given, std::string_view expected) {
  return given.size() == expected.size() &&
         sodium_memcmp(given.data(), expected.data(), expected.size()) == 0;
}

http::Response Metrics(const std::string& token, const http::Request& request) {
  if (token.empty()) {
    return http::JsonError(404, "not_found",
                           "De meetwaarden staan uit; start de server met --metrics-token-file. / "
                           "Metrics are off; start the server with --metrics-token-file.");
  }
  std::string_view authorization = request.Header("authorization").value_or("");
  constexpr std::string_view kBearer = "Bearer ";
  if (!authorization.starts_with(kBearer) ||
      !SameSecret(authorization.substr(kBearer.size()), token)) {
    return http::JsonError(401, "unauthenticated",
                           "Stuur het metrics-token als Bearer-token. / Send the metrics token as "
                           "a Bearer token.")
        .WithHeader("WWW-Authenticate", "Bearer realm=\"meekijk-metrics\"");
  }
  http::Response response;
  response.content_type = "text/plain; version=0.0.4; charset=utf-8";
  response.body = metrics::Global().RenderText();
  return response;
}

}  // namespace

void AddSystemRoutes(http::Router& router, std::function<bool()> healthy,
                     std::string metrics_token) {
  router.Add("GET", "/healthz", [healthy](http::Request&) {
    bool ok = healthy();
    return JsonResponse(ok ? 200 : 503,
                        boost::json::object{{"status", ok ? "ok" : "database_unavailable"}});
  });
  router.Add("GET", "/metrics", [token = std::move(metrics_token)](http::Request& request) {
    return Metrics(token, request);
  });
}

}  // namespace meekijk::api
