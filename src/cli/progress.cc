// Drawing the bar.
#include "cli/progress.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace meekijk::cli {

ProgressBar::ProgressBar(std::string label, int64_t total)
    : label_(std::move(label)), total_(std::max<int64_t>(total, 1)), shown_(isatty(2) != 0),
      started_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() {
  if (shown_ && last_percent_ >= 0) std::fputs("\n", stderr);
}

void ProgressBar::Update(int64_t done) {
  if (!shown_) return;
  int percent = static_cast<int>(std::min<int64_t>(100, done * 100 / total_));
  if (percent == last_percent_) return;
  last_percent_ = percent;
  constexpr int kWidth = 30;
  std::string bar(static_cast<size_t>(percent * kWidth / 100), '#');
  bar.resize(kWidth, ' ');
  // The rate so far, and the time left at that rate: what someone waiting wants to know.
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
  long long left = rate > 0 ? static_cast<long long>(static_cast<double>(total_ - done) / rate) : 0;
  std::fprintf(stderr, "\r%s [%s] %3d %% (%lld, %.0f/s, %lld:%02lld left)  ", label_.c_str(),
               bar.c_str(), percent, static_cast<long long>(done), rate, left / 60, left % 60);
  std::fflush(stderr);
}

}  // namespace meekijk::cli
