// A progress bar on standard error for long command-line jobs, drawn only when standard error is
// a terminal (a log file or a test gets nothing), with the rate and the time left.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace meekijk::cli {

class ProgressBar {
 public:
  ProgressBar(std::string label, int64_t total);
  ~ProgressBar();
  void Update(int64_t done);

 private:
  std::string label_;
  int64_t total_;
  bool shown_;
  int last_percent_ = -1;
  std::chrono::steady_clock::time_point started_;
};

}  // namespace meekijk::cli
