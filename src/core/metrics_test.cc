#include "core/metrics.h"

#include <gtest/gtest.h>

namespace meekijk::metrics {
namespace {

TEST(MetricsTest, RendersCountersWithLabelsInPrometheusFormat) {
  Registry registry;
  registry.DescribeCounter("requests_total", "Requests.");
  registry.Increment("requests_total", {{"route", "/a"}, {"status", "200"}});
  registry.Increment("requests_total", {{"route", "/a"}, {"status", "200"}});
  std::string text = registry.RenderText();
  EXPECT_NE(text.find("# TYPE requests_total counter"), std::string::npos);
  EXPECT_NE(text.find("requests_total{route=\"/a\",status=\"200\"} 2"), std::string::npos);
}

TEST(MetricsTest, HistogramBucketsAreCumulative) {
  Registry registry;
  registry.DescribeHistogram("latency_seconds", "Latency.", {0.1, 1.0});
  registry.Observe("latency_seconds", {}, 0.05);
  registry.Observe("latency_seconds", {}, 0.5);
  registry.Observe("latency_seconds", {}, 5);
  std::string text = registry.RenderText();
  EXPECT_NE(text.find("latency_seconds_bucket{le=\"0.10000000000000001\"} 1"), std::string::npos);
  EXPECT_NE(text.find("latency_seconds_bucket{le=\"1\"} 2"), std::string::npos);
  EXPECT_NE(text.find("latency_seconds_bucket{le=\"+Inf\"} 3"), std::string::npos);
  EXPECT_NE(text.find("latency_seconds_count 3"), std::string::npos);
}

TEST(MetricsTest, AGaugeShowsTheLastValueSet) {
  Registry registry;
  registry.DescribeGauge("queue_depth", "Depth.");
  registry.Set("queue_depth", {{"status", "pending"}}, 7);
  registry.Set("queue_depth", {{"status", "pending"}}, 3);
  std::string text = registry.RenderText();
  EXPECT_NE(text.find("# TYPE queue_depth gauge"), std::string::npos);
  EXPECT_NE(text.find("queue_depth{status=\"pending\"} 3"), std::string::npos);
}

}  // namespace
}  // namespace meekijk::metrics
