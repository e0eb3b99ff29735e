// Prometheus metrics: counters and histograms with labels, rendered in the text format 0.0.4.
// One process-wide registry; every operation is thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace meekijk::metrics {

using Labels = std::vector<std::pair<std::string, std::string>>;

class Registry {
 public:
  // Declares a metric so that it is rendered with its help text even before its first sample.
  void DescribeCounter(const std::string& name, const std::string& help);
  void DescribeHistogram(const std::string& name, const std::string& help,
                         std::vector<double> bucket_bounds);

  // A gauge: a value that goes up and down (a queue's depth), set to what it is now.
  void DescribeGauge(const std::string& name, const std::string& help);
  void Set(const std::string& name, const Labels& labels, double value);

  void Increment(const std::string& name, const Labels& labels, double by = 1.0);
  // The histogram must have been described; an undescribed one is ignored.
  void Observe(const std::string& name, const Labels& labels, double value);

  std::string RenderText() const;

 private:
  struct HistogramSeries {
    std::vector<uint64_t> bucket_counts;
    uint64_t count = 0;
    double sum = 0;
  };
  struct Family {
    std::string help;
    bool is_histogram = false;
    bool is_gauge = false;
    std::vector<double> bounds;
    std::map<Labels, double> counters;
    std::map<Labels, HistogramSeries> histograms;
  };
  mutable std::mutex mutex_;
  std::map<std::string, Family> families_;
};

Registry& Global();

}  // namespace meekijk::metrics
