// Counting and logging requests.
#include "http/request_metrics.h"

#include <string_view>

#include "core/log.h"
#include "core/metrics.h"

namespace meekijk::http {
namespace {

constexpr std::string_view kRequestsMetric = "meekijk_http_requests_total";
constexpr std::string_view kLatencyMetric = "meekijk_http_request_duration_seconds";

// Metric labels come from a closed set: a label per method a client invents would let anyone grow
// the registry without bound.
std::string MethodLabel(const std::string& method) {
  for (const char* known : {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
    if (method == known) return method;
  }
  return "other";
}

}  // namespace

void DescribeRequestMetrics() {
  static const bool described = [] {
    metrics::Registry& registry = metrics::Global();
    registry.DescribeCounter(std::string(kRequestsMetric), "HTTP requests by route and status.");
    registry.DescribeHistogram(std::string(kLatencyMetric), "HTTP request latency by route.",
                               {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5});
    return true;
  }();
  (void)described;
}

void RecordRequest(const Request& request, int status, double seconds, const std::string& client) {
  std::string route = request.route.empty() ? "unmatched" : request.route;
  metrics::Global().Increment(std::string(kRequestsMetric),
                              {{"method", MethodLabel(request.method)}, {"route", route},
                               {"status", std::to_string(status)}});
  metrics::Global().Observe(std::string(kLatencyMetric), {{"route", route}}, seconds);
  log::Info("request", {{"request_id", request.request_id}, {"method", MethodLabel(request.method)},
                        {"route", route}, {"status", status},
                        {"duration_ms", seconds * 1000.0}, {"client", client}});
}

}  // namespace meekijk::http
