// /healthz (liveness with a database check) and /metrics (Prometheus text format).
#include "api/api.h"
#include "api/responses.h"
#include "core/metrics.h"

namespace meekijk::api {

void AddSystemRoutes(http::Router& router, std::function<bool()> healthy) {
  router.Add("GET", "/healthz", [healthy](http::Request&) {
    bool ok = healthy();
    return JsonResponse(ok ? 200 : 503,
                        boost::json::object{{"status", ok ? "ok" : "database_unavailable"}});
  });
  router.Add("GET", "/metrics", [](http::Request&) {
    http::Response response;
    response.content_type = "text/plain; version=0.0.4; charset=utf-8";
    response.body = metrics::Global().RenderText();
    return response;
  });
}

}  // namespace meekijk::api
