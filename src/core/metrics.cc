// The process-wide metrics registry and its text rendering.
#include "core/metrics.h"

#include <cstdio>

#include "core/log.h"

namespace meekijk::metrics {
namespace {

std::string FormatNumber(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return buffer;
}

std::string RenderLabels(const Labels& labels, const std::pair<std::string, std::string>* extra) {
  if (labels.empty() && extra == nullptr) return "";
  std::string out = "{";
  bool first = true;
  auto append = [&](const std::string& key, const std::string& value) {
    if (!first) out.push_back(',');
    first = false;
    out += key;
    out.push_back('=');
    log::AppendJsonString(out, value);  // Prometheus label escaping is a subset of JSON's.
  };
  for (const auto& [key, value] : labels) append(key, value);
  if (extra != nullptr) append(extra->first, extra->second);
  out.push_back('}');
  return out;
}

}  // namespace

void Registry::DescribeCounter(const std::string& name, const std::string& help) {
  std::lock_guard lock(mutex_);
  families_[name].help = help;
}

void Registry::DescribeHistogram(const std::string& name, const std::string& help,
                                 std::vector<double> bucket_bounds) {
  std::lock_guard lock(mutex_);
  Family& family = families_[name];
  family.help = help;
  family.is_histogram = true;
  family.bounds = std::move(bucket_bounds);
}

void Registry::DescribeGauge(const std::string& name, const std::string& help) {
  std::lock_guard lock(mutex_);
  Family& family = families_[name];
  family.help = help;
  family.is_gauge = true;
}

void Registry::Set(const std::string& name, const Labels& labels, double value) {
  std::lock_guard lock(mutex_);
  families_[name].counters[labels] = value;
}

void Registry::Increment(const std::string& name, const Labels& labels, double by) {
  std::lock_guard lock(mutex_);
  families_[name].counters[labels] += by;
}

void Registry::Observe(const std::string& name, const Labels& labels, double value) {
  std::lock_guard lock(mutex_);
  auto it = families_.find(name);
  if (it == families_.end() || !it->second.is_histogram) return;
  Family& family = it->second;
  HistogramSeries& series = family.histograms[labels];
  if (series.bucket_counts.empty()) series.bucket_counts.assign(family.bounds.size(), 0);
  for (size_t i = 0; i < family.bounds.size(); ++i) {
    if (value <= family.bounds[i]) ++series.bucket_counts[i];
  }
  ++series.count;
  series.sum += value;
}

std::string Registry::RenderText() const {
  std::lock_guard lock(mutex_);
  std::string out;
  for (const auto& [name, family] : families_) {
    out += "# HELP " + name + " " + family.help + "\n";
    const char* type = family.is_histogram ? " histogram\n" : family.is_gauge ? " gauge\n" : " counter\n";
    out += "# TYPE " + name + type;
    for (const auto& [labels, value] : family.counters) {
      out += name + RenderLabels(labels, nullptr) + " " + FormatNumber(value) + "\n";
    }
    for (const auto& [labels, series] : family.histograms) {
      for (size_t i = 0; i < family.bounds.size(); ++i) {
        std::pair<std::string, std::string> le{"le", FormatNumber(family.bounds[i])};
        out += name + "_bucket" + RenderLabels(labels, &le) + " " +
               std::to_string(series.bucket_counts[i]) + "\n";
      }
      std::pair<std::string, std::string> inf{"le", "+Inf"};
      out += name + "_bucket" + RenderLabels(labels, &inf) + " " + std::to_string(series.count) + "\n";
      out += name + "_sum" + RenderLabels(labels, nullptr) + " " + FormatNumber(series.sum) + "\n";
      out += name + "_count" + RenderLabels(labels, nullptr) + " " + std::to_string(series.count) + "\n";
    }
  }
  return out;
}

Registry& Global() {
  static Registry registry;
  return registry;
}

}  // namespace meekijk::metrics
